import { asc, eq, exists, sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import { SYNC_FAILURES, type SyncFailure } from '../../shared/contract/sync';
import type { MutationEnvelope, PushResponse } from '../../shared/sync';
import { outbox, outboxSequences, syncAccounts, syncRejections } from '../db/schema';
import type { Db } from '../db/types';

/** A local account's link to the central server, as stored (the refresh token still sealed). */
export interface SyncLink {
  userId: string;
  serverUrl: string;
  deviceId: string;
  refreshTokenSealed: string | null;
  cursor: string;
  lastSyncedAt: Date | null;
  lastError: SyncFailure | null;
}

const asFailure = (value: string | null): SyncFailure | null =>
  value !== null && (SYNC_FAILURES as readonly string[]).includes(value) ? (value as SyncFailure) : value === null ? null : 'internal';

export async function findLink(db: Db, userId: string): Promise<SyncLink | null> {
  const [row] = await db.select().from(syncAccounts).where(eq(syncAccounts.userId, userId));
  return row ? { ...row, lastError: asFailure(row.lastError) } : null;
}

/** Store a rotated refresh token at once: the old one is already spent on the server. */
export async function storeRefreshToken(db: Db, userId: string, sealed: string | null): Promise<void> {
  await db.update(syncAccounts).set({ refreshTokenSealed: sealed }).where(eq(syncAccounts.userId, userId));
}

export async function recordOutcome(db: Db, userId: string, outcome: { lastError: SyncFailure | null; lastSyncedAt?: Date }): Promise<void> {
  await db
    .update(syncAccounts)
    .set({ lastError: outcome.lastError, ...(outcome.lastSyncedAt ? { lastSyncedAt: outcome.lastSyncedAt } : {}) })
    .where(eq(syncAccounts.userId, userId));
}

export async function insertLink(
  db: Db,
  link: { userId: string; serverUrl: string; deviceId: string; refreshTokenSealed: string },
): Promise<void> {
  await db
    .insert(syncAccounts)
    .values({ ...link, cursor: '0.0', lastSyncedAt: null, lastError: null })
    .onConflictDoUpdate({
      target: syncAccounts.userId,
      set: { serverUrl: link.serverUrl, deviceId: link.deviceId, refreshTokenSealed: link.refreshTokenSealed, lastError: null },
    });
}

export async function deleteLink(db: Db, userId: string): Promise<void> {
  await db.delete(syncAccounts).where(eq(syncAccounts.userId, userId));
}

/** The oldest pending mutations of a student, in outbox order. */
export async function readOutboxBatch(db: Db, userId: string, limit: number): Promise<MutationEnvelope[]> {
  const rows = await db
    .select({ id: outbox.mutationId, name: outbox.name, args: outbox.args })
    .from(outbox)
    .where(eq(outbox.userId, userId))
    .orderBy(asc(outbox.mutationId))
    .limit(limit);
  return rows;
}

/** How long acknowledged mutations are kept to be sent again to a server restored from an older backup. */
export const SENT_MUTATIONS_KEPT_DAYS = 30;

/**
 * What the server acknowledged (up to `lastMutationId`) leaves the outbox for the sent log, in one
 * statement; what the log has kept longer than `SENT_MUTATIONS_KEPT_DAYS` goes.
 */
export async function dropAcknowledged(db: Db, userId: string, lastMutationId: number, at: Date): Promise<void> {
  await db.execute(sql`
    WITH acknowledged AS (
      DELETE FROM outbox WHERE user_id = ${userId} AND mutation_id <= ${lastMutationId}
      RETURNING user_id, mutation_id, name, args, created_at)
    INSERT INTO sent_mutations (user_id, mutation_id, name, args, created_at, acknowledged_at)
    SELECT user_id, mutation_id, name, args, created_at, ${at.toISOString()}::timestamptz FROM acknowledged
    ON CONFLICT (user_id, mutation_id) DO UPDATE
      SET name = excluded.name, args = excluded.args, created_at = excluded.created_at, acknowledged_at = excluded.acknowledged_at`);
  await db.execute(sql`
    DELETE FROM sent_mutations
    WHERE user_id = ${userId} AND acknowledged_at < ${at.toISOString()}::timestamptz - make_interval(days => ${SENT_MUTATIONS_KEPT_DAYS})`);
}

/** The highest mutation number of this device the server acknowledged, as far as the sent log remembers (0: none kept). */
export async function lastSentMutationId(db: Db, userId: string): Promise<number> {
  const [row] = await executeRows<{ last: string | number | null }>(db, sql`SELECT max(mutation_id) AS last FROM sent_mutations WHERE user_id = ${userId}`);
  return Number(row?.last ?? 0);
}

/**
 * The server lost what it had acknowledged after `after` (its database was restored from a backup):
 * those mutations go back into the outbox, under their numbers, to be sent again. `null`: all of them
 * (for a device id the server has never seen). Returns how many came back.
 */
export async function requeueSent(tx: Db, userId: string, after: number | null): Promise<number> {
  const rows = await executeRows<{ n: number }>(
    tx,
    sql`
    WITH lost AS (
      DELETE FROM sent_mutations WHERE user_id = ${userId} ${after === null ? sql`` : sql`AND mutation_id > ${after}`}
      RETURNING user_id, mutation_id, name, args, created_at),
    back AS (
      INSERT INTO outbox (user_id, mutation_id, name, args, created_at)
      SELECT user_id, mutation_id, name, args, created_at FROM lost
      ON CONFLICT (user_id, mutation_id) DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS n FROM back`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Number a student's pending mutations after `after` (1, 2, 3, … by default) and continue from there:
 * for a device id the server has never seen, which expects mutation 1 first — and then everything the
 * sent log still holds is pending again too, since that server may never have had it (a re-link after
 * the server was restored from a backup). Two steps, so the unique (user, mutation id) never sees two
 * rows with one number mid-way. Returns how many are pending.
 */
export async function renumberOutbox(tx: Db, userId: string, after = 0): Promise<number> {
  if (after === 0) await requeueSent(tx, userId, null);
  await tx.execute(sql`UPDATE outbox SET mutation_id = -mutation_id WHERE user_id = ${userId}`);
  await tx.execute(sql`
    UPDATE outbox o SET mutation_id = ${after} + r.n
    FROM (SELECT id, row_number() OVER (ORDER BY mutation_id DESC) AS n FROM outbox WHERE user_id = ${userId}) r
    WHERE o.id = r.id`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.userId, userId));
  const pending = Number(row?.n ?? 0);
  await setOutboxSequence(tx, userId, after + pending);
  return pending;
}

/** The next mutation of this student will be `last + 1`. */
export async function setOutboxSequence(tx: Db, userId: string, last: number): Promise<void> {
  await tx
    .insert(outboxSequences)
    .values({ userId, lastMutationId: last })
    .onConflictDoUpdate({ target: outboxSequences.userId, set: { lastMutationId: last } });
}

/** Linked accounts of this computer with changes waiting to be sent, and their last failure. */
export async function linkedWithPending(db: Db): Promise<{ userId: string; lastError: SyncFailure | null }[]> {
  const rows = await db
    .select({ userId: syncAccounts.userId, lastError: syncAccounts.lastError })
    .from(syncAccounts)
    .where(exists(db.select({ one: sql`1` }).from(outbox).where(eq(outbox.userId, syncAccounts.userId))))
    .orderBy(asc(syncAccounts.userId));
  return rows.map((r) => ({ userId: r.userId, lastError: asFailure(r.lastError) }));
}

/** What the server recorded as never applicable, kept with the mutation for the student to read. */
export async function recordRejections(
  tx: Db,
  userId: string,
  batch: readonly MutationEnvelope[],
  rejected: PushResponse['rejected'],
  at: Date,
): Promise<void> {
  const byId = new Map(batch.map((mutation) => [mutation.id, mutation]));
  const rows = rejected.flatMap((r) => {
    const mutation = byId.get(r.id);
    return mutation ? [{ userId, mutationName: mutation.name, args: mutation.args, reason: r.reason.slice(0, 2000), rejectedAt: at }] : [];
  });
  if (rows.length > 0) await tx.insert(syncRejections).values(rows);
}
