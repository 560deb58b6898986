import { sql } from 'drizzle-orm';
import type { PullResponse, RowChange } from '../../shared/sync';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { sqlArray } from '../db/sql-array';
import { formatCursor, parseCursor } from './cursor';
import { CATALOGUE_SCOPE, syncedTable } from './synced-tables';

interface ChangeRow extends Record<string, unknown> {
  seq: string | number;
  table_name: string;
  row_key: string;
  deleted: boolean;
}

export const PULL_PAGE_ROWS = 2000;

/**
 * The device's cursor counts in another history of the server's database, or past its end: the
 * database was restored from a backup (pg_restore makes a new database, with a new oid, which names
 * the history). Sequence numbers may be given out again, so the device must start over from the
 * beginning, or it would silently miss what is written next.
 */
export class CursorAhead extends Error {
  constructor() {
    super('The server has less history than this device has already seen (was it restored from a backup?). Pull again from the start.');
    this.name = 'CursorAhead';
  }
}

/**
 * What changed for one student (and in the catalogue) since the cursor, in pages of about `limit` rows.
 * Runs in the caller's REPEATABLE READ transaction so the change list and the rows agree. A page never
 * splits one transaction's changes (they share a sequence number): the cursor it returns is always a
 * point the student's data actually passed through.
 */
export async function readChanges(
  tx: Db,
  userId: string,
  cursorText: string,
  lastMutationId: number,
  limit = PULL_PAGE_ROWS,
): Promise<PullResponse> {
  const cursor = parseCursor(cursorText);
  const [known] = await executeRows<{ user: string | number; catalogue: string | number; history: string }>(
    tx,
    sql`SELECT coalesce((SELECT seq FROM sync_scopes WHERE scope_id = ${userId}), 0) AS user,
               coalesce((SELECT seq FROM sync_scopes WHERE scope_id = ${CATALOGUE_SCOPE}), 0) AS catalogue,
               (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS history`,
  );
  const history = known!.history;
  if (cursor.history !== null && cursor.history !== history) throw new CursorAhead();
  if (cursor.user > Number(known?.user ?? 0) || cursor.catalogue > Number(known?.catalogue ?? 0)) throw new CursorAhead();
  const user = await scopePage(tx, userId, cursor.user, limit);
  const catalogue = await scopePage(tx, CATALOGUE_SCOPE, cursor.catalogue, limit);
  const changes = [...(await withRows(tx, catalogue.rows, null)), ...(await withRows(tx, user.rows, userId))];
  return {
    changes,
    cursor: formatCursor({ user: user.next, catalogue: catalogue.next, history }),
    more: user.more || catalogue.more,
    lastMutationId,
  };
}

async function scopePage(tx: Db, scope: string, after: number, limit: number) {
  const rows = await executeRows<ChangeRow>(
    tx,
    sql`SELECT seq, table_name, row_key, deleted FROM sync_changes
        WHERE scope_id = ${scope} AND seq > ${after} ORDER BY seq LIMIT ${limit + 1}`,
  );
  if (rows.length <= limit) {
    return { rows, next: rows.length ? Number(rows[rows.length - 1]!.seq) : after, more: false };
  }
  const boundary = Number(rows[limit]!.seq);
  const whole = rows.filter((r) => Number(r.seq) < boundary);
  if (whole.length > 0) return { rows: whole, next: Number(whole[whole.length - 1]!.seq), more: true };
  // One transaction larger than a page: it travels whole.
  const group = await executeRows<ChangeRow>(
    tx,
    sql`SELECT seq, table_name, row_key, deleted FROM sync_changes WHERE scope_id = ${scope} AND seq = ${boundary}`,
  );
  return { rows: group, next: boundary, more: true };
}

/**
 * Only the student's own row under a key: ids are unique per student, not across students (an
 * activity's id), and row-level security is the second wall, not the only one.
 */
function ownedBy(table: string, userId: string | null) {
  if (userId === null) return sql``;
  if (table === 'users') return sql` AND t.id = ${userId}::uuid`;
  if (table === 'chat_messages') return sql` AND EXISTS (SELECT 1 FROM chat_sessions s WHERE s.id = t.session_id AND s.user_id = ${userId}::uuid)`;
  return sql` AND t.user_id = ${userId}::uuid`;
}

/** Attach each changed row as the server holds it now (hidden columns removed); `userId` null: the catalogue. */
async function withRows(tx: Db, changes: ChangeRow[], userId: string | null): Promise<RowChange[]> {
  const byTable = new Map<string, string[]>();
  for (const c of changes) {
    if (c.deleted || !syncedTable(c.table_name)) continue;
    const keys = byTable.get(c.table_name) ?? [];
    keys.push(c.row_key);
    byTable.set(c.table_name, keys);
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (const [table, keys] of byTable) {
    const hidden = syncedTable(table)?.hidden ?? [];
    const hide = hidden.map((column) => sql` - ${column}::text`);
    const found = await executeRows<{ key: string; row: Record<string, unknown> }>(
      tx,
      sql`SELECT t.id::text AS key, to_jsonb(t.*)${sql.join(hide, sql``)} AS row
          FROM ${sql.identifier(table)} t WHERE t.id = ANY(${sqlArray(keys, 'uuid')})${ownedBy(table, userId)}`,
    );
    for (const f of found) rows.set(`${table}:${f.key}`, f.row);
  }
  const result: RowChange[] = [];
  for (const c of changes) {
    if (!syncedTable(c.table_name)) continue;
    const row = c.deleted ? null : (rows.get(`${c.table_name}:${c.row_key}`) ?? null);
    // A row changed and then deleted in a later, not yet visible step cannot happen in one snapshot;
    // a missing row is therefore a deletion.
    result.push({ table: c.table_name, key: c.row_key, deleted: row === null, row });
  }
  return result;
}
