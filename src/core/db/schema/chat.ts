import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from '../../../shared/domain';
import { courses, lessons } from './courses';
import { idColumn, oneOf, timestamps } from './columns';
import { ownerColumn } from './users';

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: idColumn(),
    userId: ownerColumn(),
    // A conversation outlives the course or lesson it started from (content packs can be replaced).
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    lessonId: uuid('lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
    sessionType: varchar('session_type', { length: 20 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    contextData: jsonb('context_data').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    index('chat_sessions_user_id_idx').on(t.userId),
    index('chat_sessions_course_id_idx').on(t.courseId),
    index('chat_sessions_lesson_id_idx').on(t.lessonId),
    index('chat_sessions_started_at_idx').on(t.startedAt),
    index('chat_sessions_context_data_gin_idx').using('gin', t.contextData),
    check('chat_sessions_session_type_check', oneOf(t.sessionType, CHAT_SESSION_TYPES)),
    check('chat_sessions_duration_minutes_check', sql`${t.durationMinutes} >= 0`),
    check('chat_sessions_ended_after_started_check', sql`${t.endedAt} >= ${t.startedAt}`),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 20 }).notNull(),
    content: text('content').notNull(),
    ttsPlayed: boolean('tts_played').notNull().default(false),
    ttsAudioUrl: text('tts_audio_url'),
    ...timestamps(),
  },
  (t) => [
    index('chat_messages_session_id_idx').on(t.sessionId),
    // NULLS FIRST is what plain `DESC` means, so ORDER BY created_at DESC can walk this index.
    index('chat_messages_session_id_created_at_idx').on(t.sessionId, t.createdAt.desc().nullsFirst()),
    // The student searches their own history with the same `russian` configuration as the catalogue.
    index('chat_messages_content_search_idx').using('gin', sql`to_tsvector('russian', ${t.content})`),
    check('chat_messages_role_check', oneOf(t.role, CHAT_ROLES)),
  ],
);

/**
 * A reply while it streams: written as tokens arrive, so a crash loses at most the unwritten ones.
 * Local only — when the reply ends it becomes a chat message (a named mutation) and the draft goes.
 */
export const chatDrafts = pgTable('chat_drafts', {
  messageId: uuid('message_id').primaryKey(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => chatSessions.id, { onDelete: 'cascade' }),
  content: text('content').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
