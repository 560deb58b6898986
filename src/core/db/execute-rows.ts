import type { SQL } from 'drizzle-orm';
import type { Db } from './types';

/**
 * Rows of a raw SQL statement. Both drivers (PGlite and node-postgres) answer with `{ rows }`;
 * drizzle's shared database type cannot say so, hence this one typed place.
 */
export async function executeRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
