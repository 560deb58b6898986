import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { createLocalCore, type Core } from '../create-core';
import { createBackupStore } from './backup-store';
import { startDailyBackups } from './daily-backups';
import { findTarProblem, readBackupArchive } from './archive';
import { pendingMigrations } from './dump';
import { openPglite } from '../db/open-pglite';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => new Date(iso);

describe('the backup folder', () => {
  it('names backups by UTC time and reason, and lists complete ones newest first', () => {
    let now = at('2026-11-25T17:40:00.250Z');
    const store = createBackupStore(tempDir('teacher-ai-store-'), { keep: 7, now: () => now });
    const first = store.write('daily', new Uint8Array([1, 2, 3]), { appVersion: '1.0.0', migrations: 8 });
    const sameSecond = store.write('daily', new Uint8Array([4]), { appVersion: '1.0.0', migrations: 8 });
    now = at('2026-11-26T09:05:07Z');
    const manual = store.write('manual', new Uint8Array(10), { appVersion: '1.0.1', migrations: 9 });

    expect(first.id).toBe('2026-11-25T17-40-00Z-daily');
    expect(sameSecond.id).toBe('2026-11-25T17-40-00Z-daily-2');
    expect(fs.existsSync(path.join(store.dir, '2026-11-25T17-40-00Z-daily.tar.gz'))).toBe(true);
    expect(store.list().map((b) => b.id)).toEqual([manual.id, sameSecond.id, first.id]);
    expect(store.list()[0]).toEqual({
      id: '2026-11-26T09-05-07Z-manual',
      reason: 'manual',
      createdAt: '2026-11-26T09:05:07.000Z',
      sizeBytes: 10,
      appVersion: '1.0.1',
      migrations: 9,
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(store.dir, `${first.id}.json`), 'utf8'));
    expect(manifest).toMatchObject({ format: 1, reason: 'daily', appVersion: '1.0.0', migrations: 8, sizeBytes: 3, createdAt: '2026-11-25T17:40:00.250Z' });
  });

  it('never lists a half-written backup, and cleans up what a crash left behind', () => {
    const store = createBackupStore(tempDir('teacher-ai-store-'), { now: () => at('2026-01-02T03:04:05Z') });
    fs.mkdirSync(store.dir, { recursive: true });
    // What a crash mid-write leaves: the temporary archive (and perhaps the manifest already renamed).
    fs.writeFileSync(path.join(store.dir, '.2026-01-02T03-04-05Z-daily.tar.gz.4242.tmp'), 'half of a backup');
    fs.writeFileSync(path.join(store.dir, '2026-01-01T00-00-00Z-daily.json'), '{}');
    fs.writeFileSync(path.join(store.dir, 'notes.tar.gz'), 'not a backup name');
    expect(store.list()).toEqual([]);
    expect(store.find('2026-01-01T00-00-00Z-daily')).toBeNull();

    store.removeTemporary();
    expect(fs.readdirSync(store.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // An archive without its manifest still lists, from its name and size.
    fs.writeFileSync(path.join(store.dir, '2026-01-01T10-00-00Z-migration.tar.gz'), 'x'.repeat(5));
    expect(store.list()).toEqual([
      { id: '2026-01-01T10-00-00Z-migration', reason: 'migration', createdAt: '2026-01-01T10:00:00.000Z', sizeBytes: 5, appVersion: null, migrations: null },
    ]);
  });

  it('keeps the newest N and deletes the rest with their manifests', () => {
    let now = at('2026-03-01T00:00:00Z');
    const store = createBackupStore(tempDir('teacher-ai-store-'), { keep: 3, now: () => now });
    const ids: string[] = [];
    for (let day = 0; day < 5; day++) {
      now = new Date(Date.parse('2026-03-01T00:00:00Z') + day * 86_400_000);
      ids.push(store.write('daily', new Uint8Array([day]), { appVersion: '1', migrations: 1 }).id);
    }
    expect(store.prune()).toEqual([ids[1], ids[0]]);
    expect(store.list().map((b) => b.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(fs.readdirSync(store.dir).sort()).toEqual([ids[2], ids[3], ids[4]].flatMap((id) => [`${id}.json`, `${id}.tar.gz`]).sort());
  });

  it('refuses ids that could name another file', () => {
    const store = createBackupStore(tempDir('teacher-ai-store-'));
    expect(() => store.archivePath('../db/global/pg_control')).toThrow();
    expect(store.find('2026-01-01T00-00-00Z-daily/../../x')).toBeNull();
  });
});

/**
 * The migrations folder of the app plus one more, trivial migration: a new version of the app with a
 * schema change to apply.
 */
function migrationsWithOneMore(): string {
  const folder = path.join(tempDir('teacher-ai-migrations-'), 'drizzle');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_backup_probe`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), 'CREATE TABLE "backup_probe" ("id" integer PRIMARY KEY);');
  return folder;
}

describe('backups of the live database', () => {
  const dataDir = tempDir('teacher-ai-backups-');
  const template = fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null;
  // One clock for the core (names of backups) and the daily schedule; real time unless a test sets it.
  let fakeNow: Date | null = null;
  const now = () => fakeNow ?? new Date();
  const open = (migrationsFolder: string) =>
    createLocalCore({ dataDir, appVersion: '2.0.0', migrationsFolder, templatePath: template, contentDir: CONTENT_DIR, bcryptCost: 4, now });
  const backupsDir = path.join(dataDir, 'backups');
  let core: Core;

  beforeAll(async () => {
    // The app as it was: its database, with an account and an enrolment in it.
    const before = await open(MIGRATIONS_FOLDER);
    await before.invoke('accounts.register', { email: 'a@school.test', username: 'anna', fullName: 'Анна', password: 'пароль-анны-1' });
    await before.close();
    expect(fs.existsSync(backupsDir) ? fs.readdirSync(backupsDir) : []).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await core?.close();
  });

  it('backs up the database before applying a migration it has not had, and only then', async () => {
    const folder = migrationsWithOneMore();
    // No backup, no migration: with the backups folder unusable (a file in its place), the start fails
    // with a reason the recovery screen can name, and the database stays as it was.
    fs.writeFileSync(backupsDir, 'in the way');
    await expect(open(folder)).rejects.toMatchObject({ name: 'DatabaseOpenError', stage: 'backup', message: expect.stringContaining('before applying 1 migration') });
    fs.rmSync(backupsDir);
    const started = Date.now();
    core = await open(folder);
    const opened = Date.now() - started;

    const backups = core.backups!.list();
    expect(backups).toHaveLength(1);
    const [backup] = backups;
    expect(backup).toMatchObject({ reason: 'migration', appVersion: '2.0.0' });
    // The copy is of the database before the migration: one migration fewer than the journal now has.
    const journalLength = (JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
    expect(backup!.migrations).toBe(journalLength - 1);
    expect(backup!.sizeBytes).toBeGreaterThan(100_000);
    const tar = await readBackupArchive(path.join(backupsDir, `${backup!.id}.tar.gz`), backup!.id);
    expect(findTarProblem(tar)).toBeNull();
    // …and the migration did run afterwards.
    expect((await core.invoke('accounts.signIn', { login: 'anna', password: 'пароль-анны-1' })).ok).toBe(true);
    const probe = (await core.db.execute('SELECT to_regclass(\'backup_probe\') IS NOT NULL AS present')) as unknown as { rows: { present: boolean }[] };
    expect(probe.rows[0]!.present).toBe(true);
    console.info(`start with a pre-migration backup: ${opened} ms, backup ${(backup!.sizeBytes / 1e6).toFixed(1)} MB`);

    // Nothing pending the next time: no new backup.
    await core.close();
    core = await open(folder);
    expect(core.backups!.list().map((b) => b.id)).toEqual([backup!.id]);
  }, 60_000);

  it('makes the daily backup when the newest is a day old, and keeps only the newest N', async () => {
    fakeNow = new Date(Date.parse(core.backups!.list()[0]!.createdAt) + 60 * 60_000);
    const daily = startDailyBackups(
      { backups: core.backups!, hasAccounts: async () => true, now, onError: (error) => { throw error; } },
      { firstCheckAfterMs: 3_600_000, checkEveryMs: 3_600_000 },
    );
    try {
      expect(await daily.check()).toBeNull(); // the migration backup is an hour old
      fakeNow = new Date(fakeNow.getTime() + 24 * 60 * 60_000);
      const started = Date.now();
      const made = await daily.check();
      console.info(`daily backup of a typical database: ${Date.now() - started} ms, ${made?.sizeBytes} bytes`);
      expect(made).toMatchObject({ reason: 'daily', createdAt: fakeNow.toISOString() });
      expect(await daily.check()).toBeNull();
    } finally {
      await daily.stop();
    }
    const nobody = startDailyBackups(
      { backups: core.backups!, hasAccounts: async () => false, now: () => new Date(Date.now() + 10 * 86_400_000), onError: () => {} },
      { firstCheckAfterMs: 3_600_000 },
    );
    expect(await nobody.check()).toBeNull();
    await nobody.stop();

    // Retention: the store of this core keeps 7; a store over the same folder keeping 2 prunes to 2.
    expect(core.backups!.list()).toHaveLength(2);
    const two = createBackupStore(backupsDir, { keep: 2 });
    fakeNow = new Date(fakeNow.getTime() + 60_000);
    await core.backups!.create('manual');
    expect(core.backups!.list()).toHaveLength(3);
    two.prune();
    expect(core.backups!.list().map((b) => b.reason)).toEqual(['manual', 'daily']);
  }, 60_000);
});

describe('the daily schedule', () => {
  it('checks shortly after start and then on a timer, and stops cleanly', async () => {
    const made: string[] = [];
    const list: { createdAt: string }[] = [];
    let clock = Date.parse('2026-05-01T08:00:00Z');
    const backups = {
      keep: 7,
      list: () => list as never,
      restore: async () => {
        throw new Error('not here');
      },
      create: async (reason: string) => {
        made.push(reason);
        list.unshift({ createdAt: new Date(clock).toISOString() });
        return list[0] as never;
      },
    };
    const daily = startDailyBackups(
      { backups, hasAccounts: async () => true, now: () => new Date(clock), onError: (error) => made.push(`error: ${String(error)}`) },
      { firstCheckAfterMs: 5, checkEveryMs: 20 },
    );
    await expect.poll(() => made).toEqual(['daily']);
    // The timer keeps checking; a day later the next one is due.
    clock += 25 * 60 * 60_000;
    await expect.poll(() => made).toEqual(['daily', 'daily']);
    await daily.stop();
    clock += 25 * 60 * 60_000;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(made).toEqual(['daily', 'daily']);
  });
});

describe('pending migrations', () => {
  it('are the journal entries newer than the newest applied one', async () => {
    const folder = migrationsWithOneMore();
    const template = fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null;
    const opened = await openPglite({ dataDir: path.join(tempDir('teacher-ai-pending-'), 'db'), migrationsFolder: MIGRATIONS_FOLDER, templatePath: template });
    try {
      const state = await pendingMigrations(opened.client, folder);
      expect(state.pending).toEqual([path.basename(fs.readdirSync(folder).filter((f) => f.endsWith('_backup_probe.sql'))[0]!, '.sql')]);
      expect(state.applied).toBeGreaterThan(0);
      expect((await pendingMigrations(opened.client, MIGRATIONS_FOLDER)).pending).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
