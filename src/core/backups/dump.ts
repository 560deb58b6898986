import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A consistent copy of a live PGlite data directory, gzipped (PGlite's `dumpDataDir`).
 *
 * Why this is consistent: PGlite runs one PostgreSQL backend and serialises everything sent to it with
 * two mutexes. `query`/`exec`/`transaction` hold the *transaction* mutex for their whole duration (a
 * transaction from BEGIN to COMMIT); each statement inside also takes the *query* mutex. `dumpDataDir`
 * takes only the query mutex, so on its own it could run between two statements of an open
 * transaction. We therefore
 * 1. run `CHECKPOINT` (through `exec`, so after any transaction in flight has finished): every dirty
 *    page is written to the files, and what a restore has to replay from the WAL is almost nothing;
 * 2. dump inside the transaction mutex, so no transaction is open while the files are read. The files
 *    are read synchronously (no other JavaScript, hence no other statement, runs meanwhile); only the
 *    gzip of the finished tar is asynchronous.
 * Even a dump taken mid-transaction would be a crash-consistent image (PostgreSQL's WAL-before-data rule;
 * the open transaction simply never committed in the copy), but there is no need to rely on that.
 */
export async function dumpDatabase(client: PGlite): Promise<Uint8Array> {
  await client.exec('CHECKPOINT');
  const blob = await client._runExclusiveTransaction(async () => {
    if (client.isInTransaction()) throw new Error('A transaction is open outside PGlite’s transaction mutex; refusing to back up now');
    return client.dumpDataDir('gzip');
  });
  return new Uint8Array(await blob.arrayBuffer());
}

/** Applied schema migrations (drizzle's own table), or null when the database has none yet. */
export async function appliedMigrations(client: PGlite): Promise<{ count: number; lastCreatedAt: number | null } | null> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return null;
  const result = await client.query<{ count: number; last: string | null }>(
    'SELECT count(*)::int AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations',
  );
  const row = result.rows[0];
  return { count: row?.count ?? 0, lastCreatedAt: row?.last == null ? null : Number(row.last) };
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations the app carries (`drizzle/meta/_journal.json`), oldest first. */
export function journalEntries(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/**
 * Migrations drizzle would apply to this database: it applies every journal entry newer than the newest
 * `created_at` it has recorded (drizzle-orm's pg migrator), so this counts exactly those.
 */
export async function pendingMigrations(client: PGlite, migrationsFolder: string): Promise<{ applied: number; pending: string[] }> {
  const applied = await appliedMigrations(client);
  const entries = journalEntries(migrationsFolder);
  if (!applied || applied.lastCreatedAt === null) return { applied: applied?.count ?? 0, pending: entries.map((e) => e.tag) };
  const last = applied.lastCreatedAt;
  return { applied: applied.count, pending: entries.filter((e) => e.when > last).map((e) => e.tag) };
}
