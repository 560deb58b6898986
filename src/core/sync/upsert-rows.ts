import { sql, type SQL } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import type { Reference, SyncedTable } from './synced-tables';

async function columnsOf(tx: Db, table: string): Promise<string[]> {
  const rows = await executeRows<{ column_name: string }>(
    tx,
    sql`SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

const exists = (reference: Reference) =>
  sql`EXISTS (SELECT 1 FROM ${sql.identifier(reference.table)} x WHERE x.id = r.${sql.identifier(reference.column)})`;

export interface UpsertLimits {
  /** Which of the sent rows may be written at all (alias `r`). */
  incoming?: SQL;
  /** Which row already here may be overwritten (the table by its name): another student's stays theirs. */
  existing?: SQL;
}

/**
 * Merge rows as the server sent them, on the table's conflict key. A row naming something this device
 * does not have is dropped (or that reference cleared, when it is optional) instead of failing the
 * whole pull. Returns how many rows were taken.
 */
export async function upsertRows(tx: Db, table: SyncedTable, rows: Record<string, unknown>[], limits: UpsertLimits = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const references = table.references ?? [];
  const columns = (await columnsOf(tx, table.name)).filter((c) => !(table.hidden ?? []).includes(c));
  const list = sql.join(columns.map((c) => sql.identifier(c)), sql`, `);
  const values = sql.join(
    columns.map((c) => {
      const optional = references.find((reference) => reference.column === c && reference.optional);
      return optional ? sql`CASE WHEN ${exists(optional)} THEN r.${sql.identifier(c)} END` : sql`r.${sql.identifier(c)}`;
    }),
    sql`, `,
  );
  const required = references.filter((reference) => !reference.optional).map(exists);
  const where = sql.join([limits.incoming ?? sql`TRUE`, ...required], sql` AND `);
  const updates = sql.join(
    columns.filter((c) => !table.conflict.includes(c)).map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
    sql`, `,
  );
  const target = sql.join(table.conflict.map((c) => sql.identifier(c)), sql`, `);
  const taken = await executeRows(
    tx,
    sql`INSERT INTO ${sql.identifier(table.name)} (${list})
        SELECT ${values} FROM jsonb_populate_recordset(NULL::${sql.identifier(table.name)}, ${JSON.stringify(rows)}::jsonb) r
        WHERE ${where}
        ON CONFLICT (${target}) DO UPDATE SET ${updates}${limits.existing ? sql` WHERE ${limits.existing}` : sql``}
        RETURNING 1 AS taken`,
  );
  return taken.length;
}
