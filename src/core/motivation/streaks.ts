/**
 * Study streaks — the product's published rules.
 *
 * 1. A day counts ("qualifies") when, on that local calendar day, the student reached the daily
 *    goal or completed a lesson. The streak is the number of qualified days in a run.
 * 2. Consecutive qualified days extend the run.
 * 3. Today is still open: if today has not qualified yet, the streak shown is the one up to
 *    yesterday. Nothing is lost until the day is actually over.
 * 4. Freezes are earned by studying: one for every 7 qualified days of the current run (at 7, 14,
 *    21, …), at most 2 kept at a time; a freeze earned while 2 are kept is not added.
 * 5. A missed day between qualified days is bridged by spending one freeze; two missed days in a
 *    row need two. A frozen day does not add to the streak, but does not break it either.
 *    Days already over since the last qualified day (up to yesterday) are bridged the same way, so
 *    the streak stays alive while the student can still continue it today.
 * 6. A gap longer than the freezes kept ends the run: the streak starts again from the next
 *    qualified day, with no freezes (they belong to a run).
 * 7. `longest` is the longest run ever, counted the same way.
 *
 * Days are calendar dates (`YYYY-MM-DD`) in the student's zone, so DST never matters here.
 * Days after `today` (a clock moved back) are ignored. Nothing here judges: it is just numbers.
 */
import { addDays, daysBetween } from './local-day';

export const DAYS_PER_FREEZE = 7;
export const MAX_FREEZES = 2;

export interface StreakInput {
  /** Local days on which the student qualified; any order, may repeat. */
  qualifiedDays: readonly string[];
  /** The student's local date now. */
  today: string;
}

export interface StreakState {
  /** Qualified days in the current run (0 when there is none). */
  current: number;
  longest: number;
  /** Freezes kept for the current run, after those already spent. */
  freezesAvailable: number;
  /** Missed days of the current run that freezes bridged, oldest first. */
  frozenDays: string[];
  todayQualified: boolean;
}

interface Run {
  count: number;
  freezes: number;
  frozenDays: string[];
}

const newRun = (): Run => ({ count: 0, freezes: 0, frozenDays: [] });

function addQualifiedDay(run: Run): void {
  run.count++;
  if (run.count % DAYS_PER_FREEZE === 0) run.freezes = Math.min(MAX_FREEZES, run.freezes + 1);
}

/** Spend freezes on the days strictly between `from` and `to`; false when there are too few. */
function bridge(run: Run, from: string, to: string): boolean {
  const missed = daysBetween(from, to) - 1;
  if (missed > run.freezes) return false;
  run.freezes -= missed;
  for (let i = 1; i <= missed; i++) run.frozenDays.push(addDays(from, i));
  return true;
}

/** The runs of qualified days in date order: the last run, the longest one, and the last qualified day. */
function walkRuns(days: readonly string[]): { run: Run; longest: number; previous: string | null } {
  let run = newRun();
  let longest = 0;
  let previous: string | null = null;
  for (const day of days) {
    if (previous !== null && !bridge(run, previous, day)) run = newRun();
    addQualifiedDay(run);
    longest = Math.max(longest, run.count);
    previous = day;
  }
  return { run, longest, previous };
}

const uniqueSorted = (days: readonly string[]) => [...new Set(days)].sort();

/**
 * The longest run ever (rule 7), from the qualified days alone. It does not depend on any machine's
 * "today", so every replica (the server, each device) stores the same number for the same facts.
 */
export function longestStreak(qualifiedDays: readonly string[]): number {
  return walkRuns(uniqueSorted(qualifiedDays)).longest;
}

export function computeStreak(input: StreakInput): StreakState {
  const { today } = input;
  // Validate `today` up front (throws RangeError) even when there are no days.
  daysBetween(today, today);
  const days = uniqueSorted(input.qualifiedDays).filter((day) => daysBetween(day, today) >= 0);
  const { run, longest, previous } = walkRuns(days);

  const todayQualified = previous === today;
  // Rule 3 and the end of rule 5: the days since the last qualified one, up to yesterday.
  const alive = previous !== null && (todayQualified || bridge(run, previous, today));
  if (!alive) return { current: 0, longest, freezesAvailable: 0, frozenDays: [], todayQualified };
  return { current: run.count, longest, freezesAvailable: run.freezes, frozenDays: run.frozenDays, todayQualified };
}
