import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import type { OpenedDatabase } from './types';

/** The seed's pool settings: at most 20 connections, 30 s idle timeout, 2 s connect timeout. */
export const SERVER_POOL_OPTIONS = { max: 20, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2_000 } as const;

export async function openPostgres(options: {
  connectionString: string;
  migrationsFolder?: string;
  pool?: Partial<pg.PoolConfig>;
}): Promise<OpenedDatabase & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: options.connectionString, ...SERVER_POOL_OPTIONS, ...options.pool });
  const db = drizzle({ client: pool, schema });
  if (options.migrationsFolder) {
    try {
      await migrate(db, { migrationsFolder: options.migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  return { db, pool, kind: 'postgres', close: () => pool.end() };
}
