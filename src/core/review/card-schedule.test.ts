import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_REVIEW_AFTER_MS, replayCard, type ReviewEntry, type ReviewRating } from './card-schedule';

const ORIGIN = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const review = (id: string, dayOffset: number, rating: ReviewRating): ReviewEntry => ({ id, rating, at: new Date(ORIGIN.getTime() + dayOffset * DAY) });

describe('a review card’s FSRS schedule', () => {
  it('waits a day after what made it, then moves further out with each good answer and back after a lapse', () => {
    expect(replayCard(ORIGIN, [])).toMatchObject({ due: new Date(ORIGIN.getTime() + FIRST_REVIEW_AFTER_MS), state: 'new', reps: 0, lapses: 0, lastRating: null });
    const good = replayCard(ORIGIN, [review('a', 1, 3), review('b', 3, 3), review('c', 10, 3)]);
    expect(good.state).toBe('review');
    expect(good.due.getTime() - ORIGIN.getTime()).toBeGreaterThan(20 * DAY);
    const lapsed = replayCard(ORIGIN, [review('a', 1, 3), review('b', 3, 3), review('c', 10, 3), review('d', 40, 1)]);
    expect(lapsed).toMatchObject({ lapses: 1, lastRating: 1 });
    expect(lapsed.due.getTime() - new Date(ORIGIN.getTime() + 40 * DAY).getTime()).toBeLessThan(5 * DAY);
  });

  it('is the same whatever order the reviews arrived in, ties at one instant broken by id (property)', () => {
    const entry = fc.record({
      id: fc.uuid(),
      // Few distinct instants, so ties are common.
      minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }).map((m) => m - (m % 720)),
      rating: fc.constantFrom<ReviewRating>(1, 2, 3, 4),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 25 }), fc.infiniteStream(fc.nat()), (entries, seeds) => {
        const log = entries.map((e) => ({ id: e.id, rating: e.rating, at: new Date(ORIGIN.getTime() + e.minutes * 60_000) }));
        // Two devices and a server: each holds the same rows, received in its own order.
        const shuffled = [...log].sort(() => (seeds.next().value % 3) - 1);
        const reversed = [...log].reverse();
        const expected = replayCard(ORIGIN, log);
        expect(replayCard(ORIGIN, shuffled)).toEqual(expected);
        expect(replayCard(ORIGIN, reversed)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
