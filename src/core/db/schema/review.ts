import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { lessons } from './courses';
import { ownerColumn } from './users';

/**
 * Every answer a student gave in «Повторение», appended and never changed: a card's schedule is the
 * replay of its rows ordered by (reviewed_at, id) through FSRS (core/review/card-schedule.ts), so
 * devices and the server that hold the same rows hold the same schedule, whatever order they came in.
 * The cards themselves are not stored: they follow from the facts (completed lessons, wrong answers).
 * The id is `activity_row_id(student, the device's review id)`, so each student's ids are their own.
 */
export const reviewLog = pgTable(
  'review_log',
  {
    id: uuid('id').primaryKey(),
    userId: ownerColumn(),
    /** `concept:<lesson id>:<term>` or `exercise:<lesson id>:<exercise id>`. */
    cardKey: varchar('card_key', { length: 320 }).notNull(),
    lessonId: uuid('lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
    /** FSRS's rating: 1 again, 2 hard, 3 good, 4 easy (an exercise card: 3 if right, 1 if wrong). */
    rating: smallint('rating').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('review_log_user_id_card_key_idx').on(t.userId, t.cardKey, t.reviewedAt),
    check('review_log_rating_check', sql`${t.rating} BETWEEN 1 AND 4`),
  ],
);
