import { z } from 'zod';
import { LESSON_STATUSES } from '../domain';
import { mutation, query } from './define';
import { uuidSchema } from './common';

/** A calendar day in the student's own time zone. */
export const calendarDate = z.iso.date();

export const planItemSchema = z.object({
  kind: z.enum(['lesson', 'review']),
  lessonId: uuidSchema,
  number: z.number().int().min(1),
  title: z.string(),
  minutes: z.number().int().min(1),
  /** A lesson longer than a day's time is split: part 1 of 2, … */
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
});

export const planSessionSchema = z.object({
  date: calendarDate,
  items: z.array(planItemSchema),
  /** Scheduled after the target date because the time before it is not enough. */
  afterTarget: z.boolean(),
});

export const planSettingsSchema = z
  .object({
    courseId: uuidSchema,
    targetDate: calendarDate,
    /** ISO weekdays the student studies on: 1 = Monday … 7 = Sunday. */
    studyDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    minutesPerDay: z.number().int().min(10).max(480),
  })
  .strict();

export const learningPlanSchema = z.object({
  courseId: uuidSchema,
  courseTitle: z.string(),
  settings: planSettingsSchema.omit({ courseId: true }),
  sessions: z.array(planSessionSchema),
  /** True when everything fits before the target date. */
  fitsBeforeTarget: z.boolean(),
  projectedEndDate: calendarDate.nullable(),
  today: calendarDate,
  /** Items of today's session whose lesson is not done yet. */
  todayItems: z.array(planItemSchema),
  /** Items scheduled before today whose lesson is still not done. */
  lateItems: z.array(planItemSchema.extend({ date: calendarDate })),
  lessonStatuses: z.record(z.string(), z.enum(LESSON_STATUSES)),
  generatedAt: z.string(),
  lastUpdatedAt: z.string(),
});

export const plansContract = {
  /** The plan of a course, or null when the student has not made one. */
  'plans.get': query(z.object({ courseId: uuidSchema }).strict(), learningPlanSchema.nullable()),
  /** Make (or remake) the plan: remaining lessons and reviews of weak ones onto dated study sessions, offline. */
  'plans.generate': mutation(planSettingsSchema, learningPlanSchema),
};

export type LearningPlan = z.infer<typeof learningPlanSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
export type PlanSession = z.infer<typeof planSessionSchema>;
export type PlanSettings = z.infer<typeof planSettingsSchema>;
