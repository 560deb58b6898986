import { expect, it } from 'vitest';
import { POINTS } from './points-rules';

it('publishes the points for learning outcomes', () => {
  expect(POINTS).toEqual({ lessonCompleted: 50, exerciseCorrect: 10, homeworkSubmitted: 30, perfectLessonBonus: 20 });
  expect(Object.isFrozen(POINTS)).toBe(true);
});
