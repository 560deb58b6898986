import { z } from 'zod';
import { ACHIEVEMENT_CRITERIA, ENROLMENT_STATUSES } from '../domain';
import { mutation, query } from './define';
import { isoDateTime, noInput, uuidSchema } from './common';

const day = z.iso.date();

export const motivationSummarySchema = z.object({
  totalPoints: z.number().int().min(0),
  level: z.number().int().min(1),
  currentLevelAt: z.number().int().min(0),
  /** Null at the top level. */
  nextLevelAt: z.number().int().nullable(),
  totalLessonsCompleted: z.number().int().min(0),
  streak: z.object({
    current: z.number().int().min(0),
    longest: z.number().int().min(0),
    freezesAvailable: z.number().int().min(0),
    todayQualified: z.boolean(),
  }),
  todayMinutes: z.number().int().min(0),
  dailyGoalMinutes: z.number().int().min(1),
  /** The student chose not to see streaks (healthy by design). */
  hideStreaks: z.boolean(),
  hideComparisons: z.boolean(),
});

const dayMinutesSchema = z.object({ day, minutes: z.number().int().min(0) });

export const dashboardSchema = z.object({
  summary: motivationSummarySchema,
  /** The student's local date and zone the days below are counted in. */
  today: day,
  timeZone: z.string(),
  /** Days with study in the last 12 months (days without are zero), oldest first. */
  heatmap: z.array(dayMinutesSchema),
  /** Exactly the last 30 days, zeros included, oldest first. */
  recentDays: z.array(dayMinutesSchema),
  /** This week against last week; null when the student hid comparisons. */
  comparison: z.object({ thisWeekMinutes: z.number().int(), lastWeekMinutes: z.number().int() }).nullable(),
  courses: z.array(
    z.object({
      courseId: uuidSchema,
      title: z.string(),
      status: z.enum(ENROLMENT_STATUSES),
      progressPercentage: z.number(),
      completedLessons: z.number().int(),
      totalLessons: z.number().int(),
    }),
  ),
  lessonScores: z.array(
    z.object({
      lessonId: uuidSchema,
      courseId: uuidSchema,
      courseTitle: z.string(),
      lessonNumber: z.number().int(),
      title: z.string(),
      score: z.number().int().min(0).max(100),
    }),
  ),
});

export const achievementViewSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  title: z.string(),
  description: z.string(),
  iconName: z.string(),
  criteriaType: z.enum(ACHIEVEMENT_CRITERIA),
  criteriaValue: z.number().int(),
  pointsReward: z.number().int(),
  /** Where the student stands on the criterion (capped at the target once unlocked). */
  current: z.number().int().min(0),
  unlockedAt: isoDateTime.nullable(),
  seen: z.boolean(),
});

export const motivationContract = {
  'motivation.summary': query(noInput, motivationSummarySchema),
  'motivation.dashboard': query(noInput, dashboardSchema),
  'achievements.list': query(noInput, z.array(achievementViewSchema)),
  /** The toasts were shown: they never show again. */
  'achievements.markSeen': mutation(
    z.object({ achievementIds: z.array(uuidSchema).min(1).max(100) }).strict(),
    z.object({ updated: z.number().int().min(0) }),
  ),
};

export type MotivationSummary = z.infer<typeof motivationSummarySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type AchievementView = z.infer<typeof achievementViewSchema>;
