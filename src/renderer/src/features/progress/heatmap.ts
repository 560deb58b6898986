import { addDays, daysBetween, weekdayOf } from './days';

/** How strongly a day is coloured: 0 (no study) to 4 (the daily goal reached). */
export type Intensity = 0 | 1 | 2 | 3 | 4;
export const INTENSITIES: readonly Intensity[] = [0, 1, 2, 3, 4];

export interface HeatmapCell {
  day: string;
  minutes: number;
  intensity: Intensity;
  /** The column: weeks from the first (partial) week of the range. */
  week: number;
  /** The row: 0 for Monday … 6 for Sunday. */
  weekday: number;
}

export interface MonthLabel {
  week: number;
  /** 1–12 */
  month: number;
  year: number;
}

export interface HeatmapLayout {
  /** First and last day shown (the last is today). */
  start: string;
  end: string;
  /** Columns of the grid. */
  weeks: number;
  cells: HeatmapCell[];
  months: MonthLabel[];
  totalMinutes: number;
  activeDays: number;
}

/** A month label is written over the first column only when the next one is at least this far away. */
const MIN_LABEL_GAP = 3;
/** Never more than a year and a week of columns, whatever the data says. */
const MAX_DAYS = 371;

/**
 * Shading relative to the student's own daily goal, so the grid reads «how close to my goal»,
 * not «how much more than others»: a third, two thirds, and the goal itself.
 */
export function intensityOf(minutes: number, goalMinutes: number): Intensity {
  if (minutes <= 0) return 0;
  const goal = Math.max(1, goalMinutes);
  if (minutes >= goal) return 4;
  if (minutes * 3 >= goal * 2) return 3;
  if (minutes * 3 >= goal) return 2;
  return 1;
}

/** The day after the same date a year before `today` (29 February falls back to 1 March). */
export function yearBefore(today: string): string {
  const year = Number(today.slice(0, 4)) - 1;
  const date = new Date(Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The last 12 months as a GitHub-style grid: one column per week (Monday on top), one cell per day
 * from a year ago to today, and the month names over the columns where a month begins.
 */
export function layoutHeatmap(today: string, entries: readonly { day: string; minutes: number }[], goalMinutes: number): HeatmapLayout {
  const minutes = new Map<string, number>();
  for (const entry of entries) minutes.set(entry.day, (minutes.get(entry.day) ?? 0) + Math.max(0, entry.minutes));

  let start = yearBefore(today);
  for (const entry of entries) if (entry.day < start && daysBetween(entry.day, today) < MAX_DAYS) start = entry.day;

  const offset = weekdayOf(start);
  const count = daysBetween(start, today) + 1;
  const cells: HeatmapCell[] = [];
  const months: MonthLabel[] = [];
  let totalMinutes = 0;
  let activeDays = 0;
  for (let index = 0; index < count; index++) {
    const day = addDays(start, index);
    const value = minutes.get(day) ?? 0;
    const week = Math.floor((index + offset) / 7);
    cells.push({ day, minutes: value, intensity: intensityOf(value, goalMinutes), week, weekday: (index + offset) % 7 });
    totalMinutes += value;
    if (value > 0) activeDays++;
    if (day.endsWith('-01')) months.push({ week, month: Number(day.slice(5, 7)), year: Number(day.slice(0, 4)) });
  }
  // The month the range starts in is named too, unless its label would run into the next month's.
  if (!start.endsWith('-01') && (months[0]?.week ?? Infinity) >= MIN_LABEL_GAP) {
    months.unshift({ week: 0, month: Number(start.slice(5, 7)), year: Number(start.slice(0, 4)) });
  }
  const weeks = cells.length === 0 ? 0 : cells[cells.length - 1]!.week + 1;
  return { start, end: today, weeks, cells, months, totalMinutes, activeDays };
}
