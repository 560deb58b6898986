import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

/*
 * The central server's own tables (docs/sync.md). They exist in every database built from `drizzle/`
 * (one history), but only the server writes them; on a device they stay empty.
 */

/** A computer a student signed in on. It belongs to one student; revoked devices can no longer sync. */
export const syncDevices = pgTable(
  'sync_devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    /** The highest outbox mutation id of this device the server has applied (or recorded as rejected). */
    lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sync_devices_user_id_idx').on(t.userId)],
);

/**
 * Refresh tokens, stored only as SHA-256 hashes. Each use replaces the token with a new one; a token
 * presented after it was used means it leaked, and the device's whole chain is revoked.
 */
export const syncRefreshTokens = pgTable(
  'sync_refresh_tokens',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => syncDevices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sync_refresh_tokens_device_id_idx').on(t.deviceId)],
);

/**
 * The per-scope change sequence: one row per student (scope = user id) and one for the shared catalogue
 * (the all-zero scope). Bumped once per transaction under the row's lock, so sequence order is commit
 * order for a scope and a cursor never skips a change.
 */
export const syncScopes = pgTable('sync_scopes', {
  scopeId: uuid('scope_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});

/** The latest change of every synced row, by scope: what a pull since a cursor returns (deletions included). */
export const syncChanges = pgTable(
  'sync_changes',
  {
    scopeId: uuid('scope_id').notNull(),
    tableName: varchar('table_name', { length: 63 }).notNull(),
    rowKey: text('row_key').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.tableName, t.rowKey] }), index('sync_changes_scope_id_seq_idx').on(t.scopeId, t.seq)],
);

/** Mutations that can never succeed (invalid, about something that does not exist): kept, acknowledged. */
export const syncRejectedMutations = pgTable(
  'sync_rejected_mutations',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => syncDevices.id, { onDelete: 'cascade' }),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    args: jsonb('args').$type<unknown>().notNull(),
    reason: text('reason').notNull(),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.mutationId] })],
);

/** Online sign-in failures per login, in the database so every server instance sees the same back-off. */
export const syncSignInLimits = pgTable(
  'sync_sign_in_limits',
  {
    login: varchar('login', { length: 255 }).primaryKey(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sync_sign_in_limits_failed_attempts_check', sql`${t.failedAttempts} >= 0`)],
);

/*
 * The device's side: which local accounts are linked to a server, and where their sync stands.
 */

/** A local account linked to the central server. Local only: the refresh token is sealed with this installation's key. */
export const syncAccounts = pgTable('sync_accounts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  serverUrl: text('server_url').notNull(),
  deviceId: uuid('device_id').notNull(),
  refreshTokenSealed: text('refresh_token_sealed'),
  /** Opaque to the device: the server's per-user and catalogue sequences it has seen. */
  cursor: varchar('cursor', { length: 100 }).notNull().default('0.0'),
  lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
  lastError: text('last_error'),
});

/** Each student's outbox numbering on this device: contiguous, so the server can refuse a gap. */
export const outboxSequences = pgTable('outbox_sequences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
});
