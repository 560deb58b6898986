import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { ENROLMENT_STATUSES, LESSON_STATUSES } from '../../../shared/domain';
import { courseColumn, lessons } from './courses';
import { idColumn, oneOf, percentage, timestamps } from './columns';
import { ownerColumn } from './users';

export const userCourses = pgTable(
  'user_courses',
  {
    id: idColumn(),
    userId: ownerColumn(),
    courseId: courseColumn(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    currentLessonNumber: integer('current_lesson_number').notNull().default(1),
    completedLessons: integer('completed_lessons').notNull().default(0),
    progressPercentage: percentage('progress_percentage').notNull().default(0),
    status: varchar('status', { length: 20 }).notNull().default('active'),
    totalStudyTimeMinutes: integer('total_study_time_minutes').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique('user_courses_user_id_course_id_unique').on(t.userId, t.courseId),
    index('user_courses_user_id_idx').on(t.userId),
    index('user_courses_course_id_idx').on(t.courseId),
    index('user_courses_status_idx').on(t.status),
    index('user_courses_user_id_status_idx').on(t.userId, t.status),
    check('user_courses_status_check', oneOf(t.status, ENROLMENT_STATUSES)),
    check('user_courses_current_lesson_number_check', sql`${t.currentLessonNumber} >= 1`),
    check('user_courses_completed_lessons_check', sql`${t.completedLessons} >= 0`),
    check('user_courses_progress_percentage_check', sql`${t.progressPercentage} BETWEEN 0 AND 100`),
    check('user_courses_total_study_time_minutes_check', sql`${t.totalStudyTimeMinutes} >= 0`),
  ],
);

export const userLessons = pgTable(
  'user_lessons',
  {
    id: idColumn(),
    userId: ownerColumn(),
    lessonId: uuid('lesson_id')
      .notNull()
      // Lessons are retired, never deleted; a deletion that would take progress with it is refused (NO ACTION).
      .references(() => lessons.id, { onDelete: 'no action' }),
    userCourseId: uuid('user_course_id')
      .notNull()
      .references(() => userCourses.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    status: varchar('status', { length: 20 }).notNull().default('not_started'),
    score: integer('score'),
    timeSpentMinutes: integer('time_spent_minutes').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    homeworkSubmitted: boolean('homework_submitted').notNull().default(false),
    homeworkContent: jsonb('homework_content').$type<Record<string, unknown>>(),
    homeworkFeedback: jsonb('homework_feedback').$type<Record<string, unknown>>(),
    ...timestamps(),
  },
  (t) => [
    unique('user_lessons_user_id_lesson_id_unique').on(t.userId, t.lessonId),
    index('user_lessons_user_id_idx').on(t.userId),
    index('user_lessons_lesson_id_idx').on(t.lessonId),
    index('user_lessons_status_idx').on(t.status),
    index('user_lessons_user_course_id_idx').on(t.userCourseId),
    check('user_lessons_status_check', oneOf(t.status, LESSON_STATUSES)),
    check('user_lessons_score_check', sql`${t.score} BETWEEN 0 AND 100`),
    check('user_lessons_time_spent_minutes_check', sql`${t.timeSpentMinutes} >= 0`),
  ],
);
