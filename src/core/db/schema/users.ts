import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { LANGUAGES, THEMES, TTS_SPEED_MAX, TTS_SPEED_MIN, USER_ROLES } from '../../../shared/domain';
import { idColumn, oneOf, timestamps } from './columns';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: varchar('email', { length: 255 }).notNull().unique('users_email_unique'),
    username: varchar('username', { length: 50 }).notNull().unique('users_username_unique'),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    fullName: varchar('full_name', { length: 255 }).notNull(),
    avatarUrl: text('avatar_url'),
    role: varchar('role', { length: 20 }).notNull().default('student'),
    totalPoints: integer('total_points').notNull().default(0),
    level: integer('level').notNull().default(1),
    /**
     * The longest run of qualified days: a pure function of the activity log and the daily goal, so every
     * replica computes the same number. The current streak is not stored: it depends on each machine's
     * "today" and is computed live (motivation summary).
     */
    longestStreakDays: integer('longest_streak_days').notNull().default(0),
    totalLessonsCompleted: integer('total_lessons_completed').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('users_created_at_idx').on(t.createdAt),
    check('users_role_check', oneOf(t.role, USER_ROLES)),
    check('users_total_points_check', sql`${t.totalPoints} >= 0`),
    check('users_level_check', sql`${t.level} >= 1`),
    check('users_longest_streak_days_check', sql`${t.longestStreakDays} >= 0`),
    check('users_total_lessons_completed_check', sql`${t.totalLessonsCompleted} >= 0`),
  ],
);

export const userPreferences = pgTable(
  'user_preferences',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .unique('user_preferences_user_id_unique')
      .references(() => users.id, { onDelete: 'cascade' }),
    theme: varchar('theme', { length: 10 }).notNull().default('system'),
    language: varchar('language', { length: 5 }).notNull().default('ru'),
    ttsVoice: varchar('tts_voice', { length: 100 }),
    ttsSpeed: real('tts_speed').notNull().default(1),
    otherSettings: jsonb('other_settings').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    check('user_preferences_theme_check', oneOf(t.theme, THEMES)),
    check('user_preferences_language_check', oneOf(t.language, LANGUAGES)),
    check(
      'user_preferences_tts_speed_check',
      sql`${t.ttsSpeed} >= ${sql.raw(String(TTS_SPEED_MIN))} AND ${t.ttsSpeed} <= ${sql.raw(TTS_SPEED_MAX.toFixed(1))}`,
    ),
  ],
);

/** The owning student: every per-user row goes with its user. */
export const ownerColumn = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
