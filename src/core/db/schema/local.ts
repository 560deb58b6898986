import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { AI_PROVIDERS } from '../../../shared/domain';
import { COURSE_PUBLISHERS } from '../../../shared/domain';
import { oneOf } from './columns';
import { courses } from './courses';
import { users } from './users';

/**
 * Named mutations waiting to be pushed to the central server (docs/sync.md). Appended in the same
 * transaction as the change itself; `mutation_id` is the student's mutation order on this device (the
 * serial `id` only names the row).
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Per student, 1, 2, 3, … without gaps (see outbox_sequences): what the server's cursor counts. */
  mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  args: jsonb('args').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('outbox_user_id_mutation_id_unique').on(t.userId, t.mutationId)]);

/**
 * Mutations the server acknowledged, kept for `SENT_MUTATIONS_KEPT_DAYS` after they left the outbox:
 * if the server's database is restored from a backup it has lost them, and this computer sends them
 * again (docs/sync.md, "A server restored from a backup"). Numbered as the outbox was for the device id
 * the account is linked with now; local, never synced.
 */
export const sentMutations = pgTable(
  'sent_mutations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    /** When the mutation was made (the outbox row's time), kept so a re-sent one keeps its place. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mutationId] })],
);

/**
 * Pushed mutations the server recorded as never applicable (a course it does not have, a rule it
 * enforces), with its reason: shown to the student in Settings until they have read them. Local.
 */
export const syncRejections = pgTable('sync_rejections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  mutationName: varchar('mutation_name', { length: 100 }).notNull(),
  args: jsonb('args').$type<Record<string, unknown>>().notNull(),
  /** The server's words. */
  reason: text('reason').notNull(),
  rejectedAt: timestamp('rejected_at', { withTimezone: true }).notNull(),
});

/** Which content pack (by course key) is installed at which version, so start-up installs only what is new. */
export const contentPacks = pgTable('content_packs', {
  key: varchar('key', { length: 100 }).primaryKey(),
  version: integer('version').notNull(),
  checksum: text('checksum').notNull(),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who put each course into this computer's catalogue: the app's starter packs, the school's folder, a
 * teacher's or admin's import (`published_by`), or the trusted server. Replacing a course someone else
 * published takes an admin; a course of the server is changed on the server only. Local: never synced.
 */
export const coursePublishers = pgTable(
  'course_publishers',
  {
    courseId: uuid('course_id')
      .primaryKey()
      .references(() => courses.id, { onDelete: 'cascade' }),
    publisher: varchar('publisher', { length: 20 }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    /** The pack's course key (null for a course of the server). */
    packKey: varchar('pack_key', { length: 100 }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('course_publishers_publisher_check', oneOf(t.publisher, COURSE_PUBLISHERS))],
);

/** Small per-installation facts (the device id, the local default student). */
export const localSettings = pgTable('local_settings', {
  key: varchar('key', { length: 100 }).primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed sign-ins per account on this computer, so the back-off survives a restart. Local security
 * state: never synced, gone with the account.
 */
export const signInGuards = pgTable(
  'sign_in_guards',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sign_in_guards_failed_attempts_check', sql`${t.failedAttempts} >= 0`)],
);

/**
 * A student's own choice of AI teacher on this computer. Local: the key is encrypted with this
 * installation's secret and would be useless anywhere else. The computer-wide default (set by an
 * admin) lives in `local_settings` under `ai.computer`.
 */
export const userAiSettings = pgTable(
  'user_ai_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 20 }).notNull(),
    baseUrl: text('base_url'),
    model: varchar('model', { length: 200 }),
    apiKeyEncrypted: text('api_key_encrypted'),
    timeoutSeconds: integer('timeout_seconds').notNull().default(60),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('user_ai_settings_provider_check', oneOf(t.provider, AI_PROVIDERS)),
    check('user_ai_settings_timeout_seconds_check', sql`${t.timeoutSeconds} BETWEEN 5 AND 600`),
  ],
);
