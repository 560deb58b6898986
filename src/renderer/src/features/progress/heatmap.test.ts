import { describe, expect, it } from 'vitest';
import { intensityOf, layoutHeatmap, yearBefore } from './heatmap';

describe('heatmap intensity', () => {
  it('has five steps relative to the daily goal', () => {
    expect([0, 1, 9, 10, 19, 20, 29, 30, 90].map((minutes) => intensityOf(minutes, 30))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('never divides by a zero goal', () => {
    expect(intensityOf(1, 0)).toBe(4);
    expect(intensityOf(0, 0)).toBe(0);
  });
});

describe('heatmap layout', () => {
  it('covers the twelve months up to today, one cell a day, Monday on top', () => {
    // 5 March 2026 is a Thursday; 6 March 2025 too.
    const layout = layoutHeatmap('2026-03-05', [], 30);
    expect(layout.start).toBe('2025-03-06');
    expect(layout.end).toBe('2026-03-05');
    expect(layout.cells).toHaveLength(365);
    expect(layout.cells[0]).toMatchObject({ day: '2025-03-06', week: 0, weekday: 3, intensity: 0 });
    // Monday 10 March 2025 opens the second column.
    expect(layout.cells.find((cell) => cell.day === '2025-03-10')).toMatchObject({ week: 1, weekday: 0 });
    expect(layout.cells.at(-1)).toMatchObject({ day: '2026-03-05', weekday: 3 });
    expect(layout.weeks).toBe(layout.cells.at(-1)!.week + 1);
    expect(layout.weeks).toBe(53);
    // Every cell sits in its own place.
    const places = new Set(layout.cells.map((cell) => `${cell.week}:${cell.weekday}`));
    expect(places.size).toBe(layout.cells.length);
  });

  it('puts the days of the data in their cells and counts them', () => {
    const layout = layoutHeatmap(
      '2026-03-05',
      [
        { day: '2026-03-01', minutes: 12 },
        { day: '2026-03-05', minutes: 45 },
        { day: '2026-02-10', minutes: 0 },
      ],
      30,
    );
    expect(layout.cells.find((cell) => cell.day === '2026-03-01')).toMatchObject({ minutes: 12, intensity: 2, weekday: 6 });
    expect(layout.cells.at(-1)).toMatchObject({ minutes: 45, intensity: 4 });
    expect(layout.totalMinutes).toBe(57);
    expect(layout.activeDays).toBe(2);
  });

  it('labels each month at the column of its first day, and the first month when there is room', () => {
    const layout = layoutHeatmap('2026-03-05', [], 30);
    expect(layout.months[0]).toEqual({ week: 0, month: 3, year: 2025 });
    // 1 April 2025 is a Tuesday in the column of Monday 31 March: the fifth column.
    expect(layout.months[1]).toEqual({ week: 4, month: 4, year: 2025 });
    expect(layout.months.map((label) => label.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    const weeks = layout.months.map((label) => label.week);
    expect([...weeks].sort((a, b) => a - b)).toEqual(weeks);
  });

  it('leaves out the first month label when the next one is too close', () => {
    // Starts on Saturday 28 June 2025: 1 July is two columns on.
    const layout = layoutHeatmap('2026-06-27', [], 30);
    expect(layout.start).toBe('2025-06-28');
    expect(layout.months[0]).toEqual({ week: 1, month: 7, year: 2025 });
  });

  it('handles a leap year: 29 February is a cell, and a year back from it is 1 March', () => {
    const layout = layoutHeatmap('2024-03-01', [{ day: '2024-02-29', minutes: 5 }], 30);
    expect(layout.start).toBe('2023-03-02');
    expect(layout.cells).toHaveLength(366);
    // 29 February 2024 is a Thursday.
    expect(layout.cells.find((cell) => cell.day === '2024-02-29')).toMatchObject({ minutes: 5, weekday: 3, intensity: 1 });
    expect(yearBefore('2024-02-29')).toBe('2023-03-02');
  });

  it('handles a year that starts on a Sunday: the first column holds one day', () => {
    // 1 January 2023 was a Sunday.
    const layout = layoutHeatmap('2023-12-31', [], 30);
    expect(layout.start).toBe('2023-01-01');
    expect(layout.cells[0]).toMatchObject({ day: '2023-01-01', week: 0, weekday: 6 });
    expect(layout.cells[1]).toMatchObject({ day: '2023-01-02', week: 1, weekday: 0 });
    expect(layout.cells.filter((cell) => cell.week === 0)).toHaveLength(1);
    expect(layout.months[0]).toEqual({ week: 0, month: 1, year: 2023 });
    // 31 December 2023 is a Sunday too: the last column is full.
    expect(layout.cells.at(-1)).toMatchObject({ weekday: 6, week: 52 });
    expect(layout.weeks).toBe(53);
  });

  it('widens the range to data a little older than a year, but not without limit', () => {
    const older = layoutHeatmap('2026-03-05', [{ day: '2025-03-03', minutes: 10 }], 30);
    expect(older.start).toBe('2025-03-03');
    expect(older.cells[0]).toMatchObject({ day: '2025-03-03', minutes: 10, weekday: 0 });
    const ancient = layoutHeatmap('2026-03-05', [{ day: '2020-01-01', minutes: 10 }], 30);
    expect(ancient.start).toBe('2025-03-06');
    expect(ancient.totalMinutes).toBe(0);
  });
});
