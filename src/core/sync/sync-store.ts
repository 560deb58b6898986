import { and, asc, eq, exists, lte, sql } from 'drizzle-orm';
import { SYNC_FAILURES, type SyncFailure } from '../../shared/contract/sync';
import type { MutationEnvelope } from '../../shared/sync';
import { outbox, outboxSequences, syncAccounts } from '../db/schema';
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

/** What the server acknowledged leaves the outbox, in one statement. */
export async function dropAcknowledged(db: Db, userId: string, lastMutationId: number): Promise<void> {
  await db.delete(outbox).where(and(eq(outbox.userId, userId), lte(outbox.mutationId, lastMutationId)));
}

/**
 * Number a student's pending mutations 1, 2, 3, … again and continue from there: for a device id the
 * server has never seen, which expects mutation 1 first. Two steps, so the unique (user, mutation id)
 * never sees two rows with one number mid-way. Returns how many are pending.
 */
export async function renumberOutbox(tx: Db, userId: string): Promise<number> {
  await tx.execute(sql`UPDATE outbox SET mutation_id = -mutation_id WHERE user_id = ${userId}`);
  await tx.execute(sql`
    UPDATE outbox o SET mutation_id = r.n
    FROM (SELECT id, row_number() OVER (ORDER BY mutation_id DESC) AS n FROM outbox WHERE user_id = ${userId}) r
    WHERE o.id = r.id`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.userId, userId));
  const pending = Number(row?.n ?? 0);
  await setOutboxSequence(tx, userId, pending);
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
