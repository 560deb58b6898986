/*
 * Calendar days of a plan are `YYYY-MM-DD` strings in the student's own time zone. They are turned into
 * UTC midnights only to do arithmetic and to format them, so no time zone can shift a day.
 */

const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today on this computer's calendar. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** True for a real calendar day written as YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromUtc(toUtc(text)) === text;
}

export interface DateFormatOptions {
  /** «понедельник, 23 ноября» rather than «23 ноября». */
  weekday?: boolean;
  /** The year is written only when the day is not in this year. */
  currentYear?: string;
  /** «Понедельник, 23 ноября» at the start of a heading. */
  capitalize?: boolean;
}

/** A calendar day in the interface language: «23 ноября», «31 декабря 2027 г.», «Monday 23 November». */
export function formatPlanDate(date: string, locale: string, options: DateFormatOptions = {}): string {
  const withYear = options.currentYear === undefined || date.slice(0, 4) !== options.currentYear.slice(0, 4);
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    ...(options.weekday ? { weekday: 'long' } : {}),
  }).formatToParts(new Date(toUtc(date)));
  // Russian ends a date with a year in « г.»: inside a sentence that would end it twice («2028 г..»).
  while (parts.at(-1)?.type === 'literal') parts.pop();
  const text = parts.map((part) => part.value).join('');
  return options.capitalize ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
}
