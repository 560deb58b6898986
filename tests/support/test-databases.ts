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


/** A fresh database in the run's PostgreSQL 15 cluster, migrated, dropped again on close. */
export async function openTestPostgres(pool?: Partial<pg.PoolConfig>): Promise<OpenedDatabase> {
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

export const openTestDatabase = (kind: DatabaseKind) => (kind === 'pglite' ? openTestPglite() : openTestPostgres());

/**
 * Run the same suite once on PGlite and once on PostgreSQL 15 (docs/architecture.md §9): one database of each
 * kind per file, emptied before every test.
 */
export function describeOnEachDatabase(name: string, suite: (context: DatabaseContext) => void): void {
  describe.each(DATABASE_KINDS)(`${name} [%s]`, (kind) => {
    let database: OpenedDatabase | undefined;
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
      if (database) await resetDatabase(database.db);
    });
    suite(context);
  });
}
