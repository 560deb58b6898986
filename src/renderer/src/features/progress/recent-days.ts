import { addDays } from './days';

export interface DayMinutes {
  day: string;
  minutes: number;
}

export const RECENT_DAYS = 30;

/** Exactly `count` days ending today, oldest first; a day the data leaves out is a day of 0 minutes. */
export function fillRecentDays(today: string, entries: readonly DayMinutes[], count = RECENT_DAYS): DayMinutes[] {
  const minutes = new Map<string, number>();
  for (const entry of entries) minutes.set(entry.day, (minutes.get(entry.day) ?? 0) + Math.max(0, entry.minutes));
  return Array.from({ length: count }, (_, index) => {
    const day = addDays(today, index - count + 1);
    return { day, minutes: minutes.get(day) ?? 0 };
  });
}

export interface RecentSummary {
  totalMinutes: number;
  activeDays: number;
  goalDays: number;
  todayMinutes: number;
}

export function summariseDays(days: readonly DayMinutes[], goalMinutes: number): RecentSummary {
  return {
    totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
    activeDays: days.filter((day) => day.minutes > 0).length,
    goalDays: days.filter((day) => day.minutes >= goalMinutes).length,
    todayMinutes: days.at(-1)?.minutes ?? 0,
  };
}
