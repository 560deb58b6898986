import { index, jsonb, pgTable, uuid, varchar, check } from 'drizzle-orm/pg-core';
import { ACTIVITY_TYPES } from '../../../shared/domain';
import { courses, lessons } from './courses';
import { idColumn, oneOf, timestamps } from './columns';
import { ownerColumn } from './users';

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
    check('user_activity_log_activity_type_check', oneOf(t.activityType, ACTIVITY_TYPES)),
  ],
);
