import { planSettingsSchema, type LearningPlan, type PlanSettings } from '../../../../shared/contract/plans';
import type { ApiError } from '../../lib/api-error';
import { fieldErrorsOf } from '../../lib/field-errors';
import { addDays, isCalendarDate } from './plan-dates';

const minutesSchema = planSettingsSchema.shape.minutesPerDay;
export const MINUTES_MIN = minutesSchema.minValue ?? 10;
export const MINUTES_MAX = minutesSchema.maxValue ?? 480;

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_STUDY_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_MINUTES = 30;
export const DEFAULT_DAYS_AHEAD = 30;

/** What the form holds: the minutes as typed, so a half-typed number is not lost. */
export interface PlanDraft {
  targetDate: string;
  studyDays: readonly number[];
  minutes: string;
}

export type PlanField = 'targetDate' | 'studyDays' | 'minutesPerDay';
export type PlanIssue = 'dateRequired' | 'dateNotAfterToday' | 'daysRequired' | 'minutesRange';
export type PlanIssues = Partial<Record<PlanField, PlanIssue>>;

/** The form's first values: the plan's own settings when remaking it, otherwise a month of weekdays. */
export function initialDraft(today: string, settings?: LearningPlan['settings']): PlanDraft {
  if (settings) return { targetDate: settings.targetDate, studyDays: [...settings.studyDays].sort(), minutes: String(settings.minutesPerDay) };
  return { targetDate: addDays(today, DEFAULT_DAYS_AHEAD), studyDays: DEFAULT_STUDY_DAYS, minutes: String(DEFAULT_MINUTES) };
}

export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
}

/** The settings to send, or what is wrong with each field (as a sentence's key). */
export function checkDraft(
  draft: PlanDraft,
  courseId: string,
  today: string,
): { settings: PlanSettings; issues: null } | { settings: null; issues: PlanIssues } {
  const issues: PlanIssues = {};
  if (!isCalendarDate(draft.targetDate)) issues.targetDate = 'dateRequired';
  else if (draft.targetDate <= today) issues.targetDate = 'dateNotAfterToday';
  if (draft.studyDays.length === 0) issues.studyDays = 'daysRequired';
  const minutes = /^\s*\d+\s*$/.test(draft.minutes) ? Number(draft.minutes) : NaN;
  if (!(minutes >= MINUTES_MIN && minutes <= MINUTES_MAX)) issues.minutesPerDay = 'minutesRange';
  if (Object.keys(issues).length > 0) return { settings: null, issues };
  return { settings: { courseId, targetDate: draft.targetDate, studyDays: [...draft.studyDays], minutesPerDay: minutes }, issues: null };
}

const SERVER_ISSUE: Readonly<Record<PlanField, PlanIssue>> = {
  targetDate: 'dateNotAfterToday',
  studyDays: 'daysRequired',
  minutesPerDay: 'minutesRange',
};

/** A refusal of the core, by field: each refused field gets the sentence that explains its rule. */
export function serverIssues(error: ApiError | null): PlanIssues {
  const issues: PlanIssues = {};
  for (const field of Object.keys(fieldErrorsOf(error))) {
    if (field in SERVER_ISSUE) issues[field as PlanField] = SERVER_ISSUE[field as PlanField];
  }
  return issues;
}
