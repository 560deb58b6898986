import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ACTIVITY_TYPES } from '../../../shared/domain';
import { courses, lessons } from './courses';
import { idColumn, oneOf, timestamps } from './columns';
import { ownerColumn } from './users';

/**
 * The source of truth for points, streaks and achievements. `activity_data` carries `day` (the student's
 * local date when it happened), `points` when it earned any, and `award` — the thing the points were
 * for — which is unique per student, so nothing is ever rewarded twice.
 */
export const userActivityLog = pgTable(
  'user_activity_log',
  {
    id: idColumn(),
    userId: ownerColumn(),
    activityType: varchar('activity_type', { length: 50 }).notNull(),
    activityData: jsonb('activity_data').$type<Record<string, unknown>>().notNull().default({}),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    lessonId: uuid('lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('user_activity_log_user_id_created_at_idx').on(t.userId, t.createdAt),
    index('user_activity_log_user_id_activity_type_idx').on(t.userId, t.activityType),
    uniqueIndex('user_activity_log_user_id_award_idx')
      .on(t.userId, sql`(${t.activityData} ->> 'award')`)
      .where(sql`(${t.activityData} ->> 'award') IS NOT NULL`),
    check('user_activity_log_activity_type_check', oneOf(t.activityType, ACTIVITY_TYPES)),
  ],
);

/**
 * Per student and local day: minutes studied, lessons completed, points earned. Derived from the log
 * (and recomputable from it) so the dashboard and streaks read a few hundred rows, not fifty thousand.
 */
export const userStudyDays = pgTable(
  'user_study_days',
  {
    userId: ownerColumn(),
    day: date('day', { mode: 'string' }).notNull(),
    studyMinutes: integer('study_minutes').notNull().default(0),
    lessonsCompleted: integer('lessons_completed').notNull().default(0),
    points: integer('points').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day] }),
    check('user_study_days_study_minutes_check', sql`${t.studyMinutes} >= 0`),
    check('user_study_days_lessons_completed_check', sql`${t.lessonsCompleted} >= 0`),
    check('user_study_days_points_check', sql`${t.points} >= 0`),
  ],
);
