import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { DatabaseOpenError, openPglite } from './open-pglite';

/*
 * A first start is whole or absent (found by the crash test, tests/crash): the database is made beside
 * `db` — copied from the template or by initdb — and renamed into place, and what a killed first start
 * left beside it is cleaned up on the next one.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-open-'));
  dirs.push(dir);
  return dir;
};
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

const hasTemplate = fs.existsSync(path.join(DB_TEMPLATE, 'PG_VERSION'));

async function expectMigratedDatabase(dataDir: string, options: { templatePath: string | null }) {
  const database = await openPglite({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, ...options });
  try {
    const { rows } = await database.client.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(rows[0]!.n).toBeGreaterThan(0);
  } finally {
    await database.close();
  }
}

it('a first start without a template runs initdb beside the data directory and cleans up after a killed one', async () => {
  const root = tempDir();
  const dataDir = path.join(root, 'db');
  // What a first start killed mid-way leaves: an abandoned copy beside, and files but no PG_VERSION in `db`.
  const abandoned = path.join(root, `db.partial-${deadPid()}`);
  fs.mkdirSync(path.join(abandoned, 'base'), { recursive: true });
  fs.mkdirSync(path.join(dataDir, 'global'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'global', 'pg_control'), 'half written');
  await expectMigratedDatabase(dataDir, { templatePath: null });
  expect(fs.readdirSync(root).sort()).toEqual(['db']);
  expect(fs.existsSync(path.join(dataDir, 'postgresql.conf'))).toBe(true);
}, 60_000);

it.runIf(hasTemplate)('a first start from the template copies beside and renames, leaving nothing else behind', async () => {
  const root = tempDir();
  const dataDir = path.join(root, 'db');
  fs.mkdirSync(path.join(root, `db.partial-${deadPid()}`, 'base'), { recursive: true });
  // A partial copy of another data directory (another name) is not this one's to clean.
  fs.mkdirSync(path.join(root, `other.partial-${deadPid()}`));
  await expectMigratedDatabase(dataDir, { templatePath: DB_TEMPLATE });
  expect(fs.readdirSync(root).sort()).toEqual(['db', expect.stringMatching(/^other\.partial-/) as unknown as string]);
}, 60_000);

it.runIf(hasTemplate)('why: PGlite refuses a directory that has PG_VERSION but not yet postgresql.conf (the order it unpacks initdb in)', async () => {
  const dataDir = path.join(tempDir(), 'db');
  fs.cpSync(DB_TEMPLATE, dataDir, { recursive: true });
  for (const file of ['postgresql.conf', 'postgresql.auto.conf', 'pg_hba.conf', 'pg_ident.conf']) fs.rmSync(path.join(dataDir, file));
  await expect(openPglite({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })).rejects.toBeInstanceOf(DatabaseOpenError);
}, 60_000);
