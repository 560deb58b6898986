import { describe, expect, it } from 'vitest';
import { addDays } from './local-day';
import { computeStreak } from './streaks';

const TODAY = '2026-05-20';
/** `count` consecutive days starting at `first`. */
const run = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));
/** `count` consecutive days ending `daysAgo` days before TODAY. */
const runEnding = (daysAgo: number, count: number) => run(addDays(TODAY, -daysAgo - count + 1), count);

describe('computeStreak', () => {
  it('is all zero with no days', () => {
    expect(computeStreak({ qualifiedDays: [], today: TODAY })).toEqual({
      current: 0,
      longest: 0,
      freezesAvailable: 0,
      frozenDays: [],
      todayQualified: false,
    });
  });

  it('counts today once it qualifies', () => {
    expect(computeStreak({ qualifiedDays: [TODAY], today: TODAY })).toMatchObject({ current: 1, longest: 1, todayQualified: true });
  });

  it('keeps yesterday’s streak while today is still open', () => {
    expect(computeStreak({ qualifiedDays: [addDays(TODAY, -1)], today: TODAY })).toMatchObject({
      current: 1,
      longest: 1,
      todayQualified: false,
    });
  });

  it('counts consecutive days up to today', () => {
    expect(computeStreak({ qualifiedDays: runEnding(0, 5), today: TODAY })).toMatchObject({ current: 5, longest: 5, todayQualified: true });
  });

  it('breaks on a gap of two days without freezes', () => {
    // Three days, two missed, then today.
    const days = [...run('2026-05-15', 3), TODAY];
    expect(computeStreak({ qualifiedDays: days, today: TODAY })).toMatchObject({ current: 1, longest: 3, frozenDays: [] });
    // And with nothing since: the streak is over (still 3 longest).
    expect(computeStreak({ qualifiedDays: runEnding(3, 3), today: TODAY })).toMatchObject({ current: 0, longest: 3 });
  });

  it('breaks on a single missed day when no freeze was earned yet', () => {
    const days = [...runEnding(2, 6), TODAY];
    expect(computeStreak({ qualifiedDays: days, today: TODAY })).toMatchObject({ current: 1, longest: 6, freezesAvailable: 0 });
  });

  it('earns a freeze with 7 days and spends it on one missed day', () => {
    const days = [...runEnding(2, 7), TODAY];
    expect(computeStreak({ qualifiedDays: days, today: TODAY })).toEqual({
      current: 8,
      longest: 8,
      freezesAvailable: 0,
      frozenDays: [addDays(TODAY, -1)],
      todayQualified: true,
    });
  });

  it('keeps the streak alive through yesterday’s missed day while today is open', () => {
    const state = computeStreak({ qualifiedDays: runEnding(2, 7), today: TODAY });
    expect(state).toMatchObject({ current: 7, freezesAvailable: 0, frozenDays: [addDays(TODAY, -1)], todayQualified: false });
  });

  it('banks two freezes after 14 days, and no more than two', () => {
    expect(computeStreak({ qualifiedDays: runEnding(0, 14), today: TODAY })).toMatchObject({ current: 14, freezesAvailable: 2 });
    expect(computeStreak({ qualifiedDays: runEnding(0, 21), today: TODAY })).toMatchObject({ current: 21, freezesAvailable: 2 });
    expect(computeStreak({ qualifiedDays: runEnding(0, 6), today: TODAY })).toMatchObject({ freezesAvailable: 0 });
  });

  it('bridges two missed days with two freezes, but not three', () => {
    const twoMissed = [...runEnding(3, 14), TODAY];
    expect(computeStreak({ qualifiedDays: twoMissed, today: TODAY })).toMatchObject({
      current: 15,
      freezesAvailable: 0,
      frozenDays: [addDays(TODAY, -2), addDays(TODAY, -1)],
    });
    const threeMissed = [...runEnding(4, 14), TODAY];
    expect(computeStreak({ qualifiedDays: threeMissed, today: TODAY })).toMatchObject({ current: 1, longest: 14, frozenDays: [] });
  });

  it('bridges separate single gaps with separate freezes', () => {
    // 14 days (2 freezes), miss, 1 day, miss, today.
    const first = run('2026-05-01', 14); // 1–14 May
    const days = [...first, '2026-05-16', '2026-05-18'];
    expect(computeStreak({ qualifiedDays: days, today: '2026-05-18' })).toMatchObject({
      current: 16,
      freezesAvailable: 0,
      frozenDays: ['2026-05-15', '2026-05-17'],
    });
  });

  it('loses the freezes with the run they belong to', () => {
    // 7 days (1 freeze), a 3-day gap breaks it, then 2 days, a missed day, today: no freeze left.
    const days = [...run('2026-05-01', 7), '2026-05-11', '2026-05-12', '2026-05-14'];
    expect(computeStreak({ qualifiedDays: days, today: '2026-05-14' })).toMatchObject({ current: 1, longest: 7, freezesAvailable: 0 });
  });

  it('remembers the longest run across runs', () => {
    const days = [...run('2026-04-01', 4), ...run('2026-04-10', 12), ...run('2026-05-10', 3)];
    expect(computeStreak({ qualifiedDays: days, today: '2026-05-12' })).toMatchObject({ current: 3, longest: 12 });
    expect(computeStreak({ qualifiedDays: days, today: '2026-06-01' })).toMatchObject({ current: 0, longest: 12 });
  });

  it('accepts duplicates and any order', () => {
    const days = runEnding(0, 5);
    const messy = [days[3]!, days[0]!, TODAY, days[1]!, days[3]!, days[2]!, days[0]!];
    expect(computeStreak({ qualifiedDays: messy, today: TODAY })).toEqual(computeStreak({ qualifiedDays: days, today: TODAY }));
    expect(computeStreak({ qualifiedDays: messy, today: TODAY }).current).toBe(5);
  });

  it('ignores days after today (a clock moved back)', () => {
    expect(computeStreak({ qualifiedDays: [addDays(TODAY, 1), TODAY], today: TODAY })).toMatchObject({ current: 1, longest: 1 });
  });

  it('counts calendar days across DST switch weeks', () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01; Europe on 03-29 and 10-25.
    for (const [first, today] of [
      ['2026-03-05', '2026-03-11'],
      ['2026-10-29', '2026-11-04'],
      ['2026-03-26', '2026-04-01'],
      ['2026-10-22', '2026-10-28'],
    ] as const) {
      expect(computeStreak({ qualifiedDays: run(first, 7), today })).toMatchObject({ current: 7, freezesAvailable: 1, todayQualified: true });
    }
    // The switch day itself missed: one freeze bridges exactly one calendar day.
    const days = [...run('2026-03-01', 7), '2026-03-09'];
    expect(computeStreak({ qualifiedDays: days, today: '2026-03-09' })).toMatchObject({ current: 8, frozenDays: ['2026-03-08'] });
  });

  it('refuses a malformed day', () => {
    expect(() => computeStreak({ qualifiedDays: ['20.05.2026'], today: TODAY })).toThrow(RangeError);
    expect(() => computeStreak({ qualifiedDays: [], today: 'today' })).toThrow(RangeError);
  });
});
