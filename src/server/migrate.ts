import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Db } from '../core/db/types';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MIGRATIONS_FOLDER } from './paths';

/** Any constant shared by every instance: the key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK_KEY = 7_001_007;

/**
 * Applies the `drizzle/` migrations, then `afterMigrations` (the catalogue install). Several instances
 * may start at once over one fresh database, and neither drizzle's migrator nor the installers guard
 * against that, so the instances take turns under an advisory lock (the later ones then find
 * everything applied and installed).
 */
export async function migrateUnderLock(pool: pg.Pool, db: Db, afterMigrations?: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(db as NodePgDatabase<Record<string, unknown>>, { migrationsFolder: MIGRATIONS_FOLDER });
      await afterMigrations?.();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
