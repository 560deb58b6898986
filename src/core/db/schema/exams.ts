import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, timestamp, unique, varchar } from 'drizzle-orm/pg-core';
import { EXAM_TYPES, SUBJECTS } from '../../../shared/domain';
import { idColumn, oneOf, percentage, timestamps } from './columns';
import { ownerColumn } from './users';

export const examCourses = pgTable(
  'exam_courses',
  {
    id: idColumn(),
    userId: ownerColumn(),
    examType: varchar('exam_type', { length: 10 }).notNull(),
    subject: varchar('subject', { length: 50 }).notNull(),
    progressPercentage: percentage('progress_percentage').notNull().default(0),
    topicsCompleted: integer('topics_completed').notNull().default(0),
    totalTopics: integer('total_topics').notNull().default(50),
    lastStudiedAt: timestamp('last_studied_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    unique('exam_courses_user_id_exam_type_subject_unique').on(t.userId, t.examType, t.subject),
    index('exam_courses_user_id_idx').on(t.userId),
    index('exam_courses_exam_type_idx').on(t.examType),
    check('exam_courses_exam_type_check', oneOf(t.examType, EXAM_TYPES)),
    check('exam_courses_subject_check', oneOf(t.subject, SUBJECTS)),
    check('exam_courses_progress_percentage_check', sql`${t.progressPercentage} BETWEEN 0 AND 100`),
    check('exam_courses_topics_completed_check', sql`${t.topicsCompleted} >= 0 AND ${t.topicsCompleted} <= ${t.totalTopics}`),
    check('exam_courses_total_topics_check', sql`${t.totalTopics} > 0`),
  ],
);
