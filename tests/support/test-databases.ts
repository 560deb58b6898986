import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { TEMPLATE_FILE_NAME } from '../../src/core/db/db-template';
import { openPglite } from '../../src/core/db/open-pglite';
import { openPostgres } from '../../src/core/db/open-postgres';
import * as schema from '../../src/core/db/schema';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import { TEST_CONNECT_TIMEOUT_MS } from '../../src/server/test-harness';
import { connectClient } from '../../src/core/db/pg-connections';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_FOLDER = path.join(ROOT, 'drizzle');
export const CONTENT_DIR = path.join(ROOT, 'resources/content');
export const ACHIEVEMENTS_FILE = path.join(ROOT, 'resources/achievements/catalogue.json');
/** The build's database template (scripts/build-db-template.ts), as the app ships it. */
export const DB_TEMPLATE = path.join(ROOT, 'out', TEMPLATE_FILE_NAME);

/** A PGlite with the migrations applied: a copy of the template the run unpacked once, else in memory. */
export async function openTestPglite(): Promise<OpenedDatabase> {
  const unpacked = inject('unpackedDbTemplate');
  if (!unpacked) return openPglite({ dataDir: null, migrationsFolder: MIGRATIONS_FOLDER });
  // A copy of the template in a temporary directory is faster than initdb in memory (and than unpacking it again).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-test-pglite-'));
  fs.cpSync(unpacked, dir, { recursive: true });
  const opened = await openPglite({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databaseCounter = 0;


/** A test database, and what to do when emptying it between tests stalls. */
export interface TestDatabase extends OpenedDatabase {
  /** PostgreSQL only: says who holds this database's connections and ends them, so the next test starts clean. */
  endLeftoverWork?(): Promise<string>;
}

/** A fresh database in the run's PostgreSQL 15 cluster, migrated, dropped again on close. */
export async function openTestPostgres(pool?: Partial<pg.PoolConfig>): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `test_${process.pid}_${Date.now()}_${databaseCounter++}`;
  const admin = await connectClient({ connectionString: adminUrl });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openPostgres({
    connectionString: url.toString(),
    migrationsFolder: MIGRATIONS_FOLDER,
    pool: { connectionTimeoutMillis: TEST_CONNECT_TIMEOUT_MS, ...pool },
  });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const dropper = await connectClient({ connectionString: adminUrl });
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
    endLeftoverWork: async () => {
      const admin = await connectClient({ connectionString: adminUrl });
      try {
        const { rows } = await admin.query<{ pid: number; state: string; seconds: number; wait: string | null; query: string }>(
          `SELECT pid, state, coalesce(extract(epoch FROM now() - xact_start), 0)::int AS seconds,
                  wait_event_type || ':' || wait_event AS wait, left(query, 200) AS query
             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
        const pool = opened.pool;
        return [
          `pool: ${pool.totalCount} connections, ${pool.idleCount} idle, ${pool.waitingCount} waiting`,
          ...rows.map((row) => `pid ${row.pid} ${row.state} for ${row.seconds} s, waiting on ${row.wait ?? 'nothing'}: ${row.query}`),
        ].join('\n');
      } finally {
        await admin.end();
      }
    },
  };
}

const tableNames = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => `"${getTableName(table)}"`);

/** Empty every table of the schema (faster than a new database per test). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${tableNames.join(', ')} RESTART IDENTITY CASCADE`));
}

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface DatabaseContext {
  readonly kind: DatabaseKind;
  readonly database: OpenedDatabase;
  readonly db: Db;
}

export const openTestDatabase = (kind: DatabaseKind): Promise<TestDatabase> => (kind === 'pglite' ? openTestPglite() : openTestPostgres());

/** How long emptying the database may take before the previous test's leftover work is ended. */
const RESET_PATIENCE_MS = 10_000;

/**
 * Empties the database before a test. A test's background work still holding a lock or every pooled
 * connection (seen once on a loaded CI machine) would otherwise make the next test time out with no clue;
 * here it is reported with what it was doing, ended, and the reset tried again.
 */
export async function resetBeforeTest(database: TestDatabase): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), RESET_PATIENCE_MS)));
  const reset = resetDatabase(database.db).then(() => 'done' as const);
  try {
    if ((await Promise.race([reset, stalled])) === 'done' || !database.endLeftoverWork) {
      await reset;
      return;
    }
    const report = await database.endLeftoverWork();
    console.warn(`[test-databases] emptying the database stalled for ${RESET_PATIENCE_MS / 1000} s; ended the leftover work:\n${report}`);
    await reset.catch(() => resetDatabase(database.db));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run the same suite once on PGlite and once on PostgreSQL 15 (docs/architecture.md §9): one database of each
 * kind per file, emptied before every test.
 */
export function describeOnEachDatabase(name: string, suite: (context: DatabaseContext) => void): void {
  describe.each(DATABASE_KINDS)(`${name} [%s]`, (kind) => {
    let database: TestDatabase | undefined;
    const context: DatabaseContext = {
      kind,
      get database() {
        if (!database) throw new Error('database not open yet');
        return database;
      },
      get db() {
        return this.database.db;
      },
    };
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });
    beforeEach(async () => {
      if (database) await resetBeforeTest(database);
    });
    suite(context);
  });
}
