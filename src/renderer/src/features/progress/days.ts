/*
 * Calendar days of the dashboard are `YYYY-MM-DD` strings in the student's own time zone (the core
 * counts them so). They become UTC midnights only for arithmetic and formatting, so no zone shifts a day.
 */
export { addDays } from '../plans/plan-dates';

const DAY_MS = 86_400_000;

export const dayToUtc = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dayToUtc(to) - dayToUtc(from)) / DAY_MS);

/** 0 for Monday … 6 for Sunday: Russian weeks start on Monday. */
export const weekdayOf = (day: string): number => (new Date(dayToUtc(day)).getUTCDay() + 6) % 7;

/** «5 марта 2026 г.» / «5 March 2026», or shorter with other options. */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(new Date(dayToUtc(day)));
}

/** «мар.» / «Mar»: the short name of a month (1–12) for chart labels. */
export function formatMonth(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }).format(new Date(Date.UTC(2001, month - 1, 1)));
}
