import { index, jsonb, pgTable, timestamp, unique } from 'drizzle-orm/pg-core';
import { courseColumn } from './courses';
import { idColumn, timestamps } from './columns';
import { ownerColumn } from './users';

export const learningPlans = pgTable(
  'learning_plans',
  {
    id: idColumn(),
    userId: ownerColumn(),
    courseId: courseColumn(),
    planData: jsonb('plan_data').$type<Record<string, unknown>>().notNull().default({}),
    lessonsStructure: jsonb('lessons_structure').$type<unknown[]>().notNull().default([]),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    lastUpdatedAt: timestamp('last_updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    unique('learning_plans_user_id_course_id_unique').on(t.userId, t.courseId),
    index('learning_plans_plan_data_gin_idx').using('gin', t.planData),
  ],
);
