import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { REQUIRED_DIRS, unpackTemplate } from './db-template';
import { DatabaseOpenError, openPglite } from './open-pglite';
import { readTar, writeTar } from './tar';

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

const hasTemplate = fs.existsSync(DB_TEMPLATE);

/** What openPglite logged. */
function recordingLogger() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, ...(data ? { data } : {}) });
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info') } };
}

async function expectMigratedDatabase(dataDir: string, options: { templatePath: string | null; logger?: ReturnType<typeof recordingLogger>['logger'] }) {
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

it.runIf(hasTemplate)('a first start from the template unpacks beside and renames, leaving nothing else behind', async () => {
  const root = tempDir();
  const dataDir = path.join(root, 'db');
  fs.mkdirSync(path.join(root, `db.partial-${deadPid()}`, 'base'), { recursive: true });
  // A partial copy of another data directory (another name) is not this one's to clean.
  fs.mkdirSync(path.join(root, `other.partial-${deadPid()}`));
  const { lines, logger } = recordingLogger();
  await expectMigratedDatabase(dataDir, { templatePath: DB_TEMPLATE, logger });
  expect(fs.readdirSync(root).sort()).toEqual(['db', expect.stringMatching(/^other\.partial-/) as unknown as string]);
  // Every folder PostgreSQL needs, the empty ones too, private to the account that runs the app.
  for (const dir of REQUIRED_DIRS) expect(fs.statSync(path.join(dataDir, dir)).isDirectory(), dir).toBe(true);
  expect(fs.statSync(path.join(dataDir, 'pg_notify')).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(dataDir, 'PG_VERSION')).mode & 0o777).toBe(0o600);
  expect(lines).toEqual([{ level: 'info', message: 'database created', data: { from: 'template' } }]);
}, 60_000);

/** The build's template with its entries changed, as a file in a temporary folder. */
function changedTemplate(change: (entries: ReturnType<typeof readTar>) => ReturnType<typeof readTar>): string {
  const file = path.join(tempDir(), 'db-template.tar.gz');
  fs.writeFileSync(file, zlib.gzipSync(writeTar(change(readTar(zlib.gunzipSync(fs.readFileSync(DB_TEMPLATE)))))));
  return file;
}

// (A template cut off, changed or climbing out of its folder is refused by unpackTemplate: db-template.test.ts.)
describe.runIf(hasTemplate)('a template that is missing or damaged: the database is created by initdb instead, never recovery mode', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing', () => path.join(tempDir(), 'no-such-template.tar.gz'), /cannot be read \(ENOENT\)/],
    // What electron-builder did to the folder it used to be: the empty folders gone.
    ['without its empty folders', () => changedTemplate((entries) => entries.filter((e) => e.kind === 'file')), /is incomplete: it lacks .*pg_notify\//],
    // Whole and complete as an archive, but PostgreSQL refuses it.
    ['with a broken pg_control', () =>
      changedTemplate((entries) => entries.map((e) => (e.name === 'global/pg_control' ? { ...e, data: new Uint8Array(e.data.length).fill(0x5a) } : e))),
    /^FATAL: database files are incompatible with server/],
  ];
  it.each(cases)('%s', async (_name, make, why) => {
    const root = tempDir();
    const dataDir = path.join(root, 'db');
    const { lines, logger } = recordingLogger();
    await expectMigratedDatabase(dataDir, { templatePath: make(), logger });
    expect(fs.readdirSync(root)).toEqual(['db']);
    expect(lines).toEqual([
      { level: 'warn', message: 'the database template was not used: creating the database instead', data: { reason: expect.stringMatching(why) } },
      { level: 'info', message: 'database created', data: { from: 'initdb' } },
    ]);
  }, 90_000);
});

it.runIf(hasTemplate)('why: PostgreSQL refuses a data directory without its empty folders (what packaging the template as a folder did)', async () => {
  const dataDir = path.join(tempDir(), 'db');
  await unpackTemplate(DB_TEMPLATE, dataDir);
  fs.rmSync(path.join(dataDir, 'pg_notify'), { recursive: true });
  await expect(openPglite({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })).rejects.toThrow(/could not open directory "pg_notify"/);
}, 60_000);

it.runIf(hasTemplate)('why: PGlite refuses a directory that has PG_VERSION but not yet postgresql.conf (the order it unpacks initdb in)', async () => {
  const dataDir = path.join(tempDir(), 'db');
  await unpackTemplate(DB_TEMPLATE, dataDir);
  for (const file of ['postgresql.conf', 'postgresql.auto.conf', 'pg_hba.conf', 'pg_ident.conf']) fs.rmSync(path.join(dataDir, file));
  await expect(openPglite({ dataDir, migrationsFolder: MIGRATIONS_FOLDER })).rejects.toBeInstanceOf(DatabaseOpenError);
}, 60_000);
