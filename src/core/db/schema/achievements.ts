import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { ACHIEVEMENT_CRITERIA } from '../../../shared/domain';
import { idColumn, oneOf, timestamps } from './columns';
import { ownerColumn } from './users';

export const achievements = pgTable(
  'achievements',
  {
    id: idColumn(),
    name: varchar('name', { length: 100 }).notNull().unique('achievements_name_unique'),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description').notNull().default(''),
    iconName: varchar('icon_name', { length: 100 }).notNull().default('star'),
    criteriaType: varchar('criteria_type', { length: 50 }).notNull(),
    criteriaValue: integer('criteria_value').notNull(),
    pointsReward: integer('points_reward').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    check('achievements_criteria_type_check', oneOf(t.criteriaType, ACHIEVEMENT_CRITERIA)),
    check('achievements_criteria_value_check', sql`${t.criteriaValue} >= 0`),
    check('achievements_points_reward_check', sql`${t.pointsReward} >= 0`),
  ],
);

export const userAchievements = pgTable(
  'user_achievements',
  {
    id: idColumn(),
    userId: ownerColumn(),
    achievementId: uuid('achievement_id')
      .notNull()
      // An unlocked achievement is the student's: a definition that goes away cannot take it along.
      .references(() => achievements.id, { onDelete: 'no action', onUpdate: 'cascade' }),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }).notNull().defaultNow(),
    seen: boolean('seen').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    unique('user_achievements_user_id_achievement_id_unique').on(t.userId, t.achievementId),
    index('user_achievements_user_id_idx').on(t.userId),
  ],
);
