import { expect, it } from 'vitest';
import { POINTS } from './points-rules';

it('publishes the points for learning outcomes', () => {
  expect(POINTS).toEqual({ lessonCompleted: 30, exerciseCorrect: 10, homeworkSubmitted: 20, perfectLessonBonus: 20 });
  expect(Object.isFrozen(POINTS)).toBe(true);
});
