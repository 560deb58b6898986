/**
 * Calendar days as the student lives them. A streak is about "did I study on Tuesday", and
 * Tuesday is a date in the student's own time zone, not a 24-hour slice of UTC. So instants are
 * turned into local dates once (with the IANA zone), and everything after that is arithmetic on
 * `YYYY-MM-DD` strings done in UTC, where every day is exactly 24 hours: a DST switch can never
 * make a day 23 or 25 hours long or skip or repeat a date.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter is slow compared with using one: keep one per zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD; formatToParts below avoids depending on that anyway.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in an IANA time zone. Throws RangeError on an unknown zone. */
export function localDay(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether the runtime knows this IANA zone name (e.g. `Europe/Moscow`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The machine's zone; UTC when the runtime cannot tell (some minimal containers). */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Midnight UTC of a calendar date, in ms; only ever used for differences between dates. */
function dayNumber(day: string): number {
  if (!isLocalDay(day)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The calendar date `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return new Date(dayNumber(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar days from `a` to `b`: 1 for consecutive days, negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayNumber(b) - dayNumber(a)) / DAY_MS);
}
