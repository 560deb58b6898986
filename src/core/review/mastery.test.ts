import { describe, expect, it } from 'vitest';
import { masteryOf, type LessonRecord } from './mastery';

const card = (reps: number, stability: number, lastRating: 1 | 2 | 3 | 4 | null) => ({ reps, stability, lastRating });
const record = (over: Partial<LessonRecord>): LessonRecord => ({ exerciseCount: 4, answered: 0, firstTryRight: 0, completed: false, cards: [], ...over });

describe('a lesson’s mastery (README «Learning»)', () => {
  it('is not started until an exercise is answered or the lesson completed', () => {
    expect(masteryOf(record({}))).toBe('not_started');
    expect(masteryOf(record({ exerciseCount: 0 }))).toBe('not_started');
  });

  it('is attempted while an exercise is unanswered or first-try accuracy is under 60 %', () => {
    expect(masteryOf(record({ answered: 3, firstTryRight: 3 }))).toBe('attempted');
    expect(masteryOf(record({ answered: 4, firstTryRight: 2, completed: true }))).toBe('attempted');
  });

  it('is familiar from 60 %, proficient from 85 % of first tries', () => {
    expect(masteryOf(record({ answered: 4, firstTryRight: 3 }))).toBe('familiar');
    expect(masteryOf(record({ answered: 4, firstTryRight: 4 }))).toBe('proficient');
    // A lesson without exercises: completing it makes it familiar.
    expect(masteryOf(record({ exerciseCount: 0, completed: true, cards: [card(0, 0, null)] }))).toBe('familiar');
  });

  it('rises with reviews that held and falls back to familiar while a card is forgotten', () => {
    const familiar = { answered: 4, firstTryRight: 3 };
    expect(masteryOf(record({ ...familiar, cards: [card(2, 8, 3), card(1, 3, 4)] }))).toBe('proficient');
    expect(masteryOf(record({ ...familiar, cards: [card(2, 8, 3), card(0, 0, null)] }))).toBe('familiar');
    expect(masteryOf(record({ ...familiar, cards: [card(4, 30, 3), card(3, 22, 4)] }))).toBe('mastered');
    expect(masteryOf(record({ answered: 4, firstTryRight: 4, cards: [card(4, 30, 3), card(5, 2, 1)] }))).toBe('familiar');
    expect(masteryOf(record({ answered: 4, firstTryRight: 4, cards: [card(4, 30, 3), card(5, 12, 3)] }))).toBe('proficient');
  });
});
