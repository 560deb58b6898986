import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { createPool, type ConnectionErrorHandler } from './pg-connections';
import * as schema from './schema';
import type { OpenedDatabase } from './types';

/** The server's pool settings: at most 20 connections, 30 s idle timeout, 2 s connect timeout. */
export const SERVER_POOL_OPTIONS = { max: 20, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2_000 } as const;

export async function openPostgres(options: {
  connectionString: string;
  migrationsFolder?: string;
  pool?: Partial<pg.PoolConfig>;
  /** An idle connection broke (server restart, terminated by an administrator): the server logs it. */
  onIdleError?: ConnectionErrorHandler;
}): Promise<OpenedDatabase & { pool: pg.Pool }> {
  const pool = createPool({ connectionString: options.connectionString, ...SERVER_POOL_OPTIONS, ...options.pool }, options.onIdleError);
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
