import { asc, eq, sql } from 'drizzle-orm';
import type { RowChange } from '../../shared/sync';
import { outbox, syncAccounts } from '../db/schema';
import type { Db } from '../db/types';
import { sqlArray } from '../db/sql-array';
import { replayMutation } from '../mutations/run-mutation';
import { applyCatalogue } from './apply-catalogue';
import { pulledChangesCollector, type PulledChanges } from './pulled-changes';
import { recomputeDerived } from './recompute-derived';
import { SYNCED_TABLES, syncedTable, type SyncedTable } from './synced-tables';
import { isTrustedServer, type TrustSource } from './trusted-server';
import { dropAcknowledged, requeueSent } from './sync-store';
import { upsertRows } from './upsert-rows';

export interface PulledState {
  changes: readonly RowChange[];
  cursor: string;
  /** The server's last applied mutation of this device: everything up to it leaves the outbox. */
  lastMutationId: number;
  /** When this sync happened (the device's clock, as the engine keeps it). */
  syncedAt: Date;
  /** The server the changes came from: only the computer's trusted server changes the shared catalogue. */
  serverUrl: string;
}

export interface PullOutcome {
  /** Pending mutations re-applied on top of the server's rows. */
  rebased: number;
  /** Acknowledged mutations the server no longer counts, pending again: they need another push. */
  requeued: number;
  /** What was not taken: catalogue changes from a server this computer does not trust, and rows naming something this device does not have. */
  ignored: { catalogue: number; rows: number };
  /** What changed that open pages show (told to them once the transaction committed). */
  changed: PulledChanges;
}

/**
 * Apply everything a pull brought, in ONE transaction on the device: the student's own rows in
 * dependency order (deletions children first), the catalogue only from the computer's trusted server
 * (a link one student made to another server syncs that student's rows and nothing shared),
 * acknowledged mutations out of the outbox, the still-pending ones re-applied on top (the server has
 * not seen them yet), derived numbers recomputed, the new cursor stored.
 */
export async function applyPull(db: Db, userId: string, state: PulledState, school: TrustSource): Promise<PullOutcome> {
  return db.transaction(async (tx) => {
    const trusted = await isTrustedServer(tx, school, state.serverUrl);
    const isCatalogue = (change: RowChange) => syncedTable(change.table)?.scope === 'catalogue';
    const own = state.changes.filter((c) => !isCatalogue(c));
    const ignored = { catalogue: trusted ? 0 : state.changes.length - own.length, rows: 0 };
    const changes = pulledChangesCollector(tx, trusted ? state.changes : own);
    await changes.before(userId);

    const deletions = own.filter((c) => c.deleted);
    for (const table of [...SYNCED_TABLES].reverse()) {
      const keys = deletions.filter((c) => c.table === table.name).map((c) => c.key);
      if (keys.length > 0) await deleteRows(tx, userId, table, keys);
    }
    if (trusted) await applyCatalogue(tx, state.changes.filter(isCatalogue), state.syncedAt);
    for (const table of SYNCED_TABLES.filter((t) => t.scope === 'user')) {
      const rows = own.filter((c) => c.table === table.name && c.row).map((c) => c.row!);
      if (rows.length === 0) continue;
      if (table.name === 'users') await updateOwnUser(tx, userId, table, rows);
      else ignored.rows += rows.length - (await upsertOwnRows(tx, userId, table, rows));
    }
    // The server acknowledged more of this device's mutations than it now counts: its database was
    // restored from a backup. What it lost is pending again here (and re-applied below like the rest).
    const requeued = await requeueSent(tx, userId, state.lastMutationId);
    await dropAcknowledged(tx, userId, state.lastMutationId, state.syncedAt);
    const rebased = await reapplyPending(tx, userId);
    await recomputeDerived(tx, userId);
    await tx
      .update(syncAccounts)
      .set({ cursor: state.cursor, lastSyncedAt: state.syncedAt, lastError: null })
      .where(eq(syncAccounts.userId, userId));
    return { rebased, requeued, ignored, changed: await changes.after(userId) };
  });
}

/** A student's rows only: whatever a server sends, a pull never touches another account on this computer. */
function scoped(table: SyncedTable, alias: string, userId: string) {
  const t = sql.raw(alias);
  if (table.name === 'chat_messages') return sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = ${t}.session_id AND s.user_id = ${userId}::uuid)`;
  if (table.name === 'users') return sql`${t}.id = ${userId}::uuid`;
  return sql`${t}.user_id = ${userId}::uuid`;
}

async function deleteRows(tx: Db, userId: string, table: SyncedTable, keys: string[]) {
  await tx.execute(
    sql`DELETE FROM ${sql.identifier(table.name)} t WHERE t.id = ANY(${sqlArray(keys, 'uuid')}) AND ${scoped(table, 't', userId)}`,
  );
}

/** Rows claiming another owner are dropped: the device trusts its server, but not blindly. Returns how many were taken. */
async function upsertOwnRows(tx: Db, userId: string, table: SyncedTable, rows: Record<string, unknown>[]): Promise<number> {
  const mine = table.name === 'chat_messages' ? rows : rows.filter((r) => r.user_id === userId);
  if (mine.length === 0) return 0;
  if (table.name === 'user_activity_log') await yieldAwards(tx, userId, mine);
  // A row already here under that key but of another account of this computer stays theirs.
  return upsertRows(tx, table, mine, { incoming: scoped(table, 'r', userId), existing: scoped(table, table.name, userId) });
}

/**
 * Points are awarded once per student and award key. When the server gave an award to another device's
 * fact (it got there first), this device's own fact for the same thing keeps its place in the log but
 * gives up the award, as it did on the server.
 */
async function yieldAwards(tx: Db, userId: string, rows: Record<string, unknown>[]) {
  const winners = rows
    .map((r) => ({ id: String(r.id), award: (r.activity_data as Record<string, unknown> | null)?.award }))
    .filter((w): w is { id: string; award: string } => typeof w.award === 'string');
  if (winners.length === 0) return;
  await tx.execute(sql`
    UPDATE user_activity_log SET activity_data = activity_data - 'award' - 'points'
    WHERE user_id = ${userId}
      AND activity_data ->> 'award' = ANY(${sqlArray(winners.map((w) => w.award), 'text')})
      AND id <> ALL(${sqlArray(winners.map((w) => w.id), 'uuid')})`);
}

/**
 * The student's own users row: name, email, username as the server has them. An email or username that
 * another account on this computer already uses stays as it is here (sign-in on this computer must
 * stay unambiguous) rather than failing every pull.
 */
async function updateOwnUser(tx: Db, userId: string, table: SyncedTable, rows: Record<string, unknown>[]) {
  const row = rows.find((r) => r.id === userId);
  if (!row) return;
  for (const column of (table.only ?? []).filter((c) => typeof row[c] === 'string')) {
    const value = row[column] as string;
    const unique = column === 'email' || column === 'username';
    await tx.execute(sql`
      UPDATE users SET ${sql.identifier(column)} = ${value}
      WHERE id = ${userId} AND ${sql.identifier(column)} IS DISTINCT FROM ${value}
        ${unique ? sql`AND NOT EXISTS (SELECT 1 FROM users o WHERE o.${sql.identifier(column)} = ${value} AND o.id <> ${userId})` : sql``}`);
  }
}

/** Re-run the student's not yet acknowledged mutations over the server's rows; returns how many. */
async function reapplyPending(tx: Db, userId: string): Promise<number> {
  const pending = await tx
    .select({ name: outbox.name, args: outbox.args })
    .from(outbox)
    .where(eq(outbox.userId, userId))
    .orderBy(asc(outbox.mutationId));
  for (const mutation of pending) {
    try {
      await replayMutation(tx, userId, mutation);
    } catch {
      // The server will judge it when it is pushed; the rows stay as the server sent them.
    }
  }
  return pending.length;
}
