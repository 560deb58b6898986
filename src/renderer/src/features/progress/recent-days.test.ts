import { describe, expect, it } from 'vitest';
import { fillRecentDays, summariseDays } from './recent-days';

describe('the last 30 days', () => {
  it('fills exactly 30 days ending today, zeros where the data is silent', () => {
    const days = fillRecentDays('2026-03-05', [
      { day: '2026-03-05', minutes: 20 },
      { day: '2026-02-04', minutes: 7 },
      { day: '2026-02-03', minutes: 99 },
    ]);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: '2026-02-04', minutes: 7 });
    expect(days.at(-1)).toEqual({ day: '2026-03-05', minutes: 20 });
    expect(days.filter((day) => day.minutes === 0)).toHaveLength(28);
    // Consecutive days, across the end of February.
    expect(days.map((day) => day.day)).toContain('2026-02-28');
    expect(days.map((day) => day.day)).toContain('2026-03-01');
    expect(new Set(days.map((day) => day.day)).size).toBe(30);
  });

  it('keeps 29 February of a leap year', () => {
    const days = fillRecentDays('2024-03-01', []);
    expect(days.slice(-2).map((day) => day.day)).toEqual(['2024-02-29', '2024-03-01']);
    expect(days[0]!.day).toBe('2024-02-01');
  });

  it('sums the minutes, the days studied and the days the goal was met', () => {
    const days = fillRecentDays('2026-03-05', [
      { day: '2026-03-05', minutes: 10 },
      { day: '2026-03-04', minutes: 30 },
      { day: '2026-03-01', minutes: 45 },
    ]);
    expect(summariseDays(days, 30)).toEqual({ totalMinutes: 85, activeDays: 3, goalDays: 2, todayMinutes: 10 });
    expect(summariseDays(fillRecentDays('2026-03-05', []), 30)).toEqual({ totalMinutes: 0, activeDays: 0, goalDays: 0, todayMinutes: 0 });
  });
});
