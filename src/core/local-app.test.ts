import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../shared/errors';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../tests/support/test-databases';
import { finishInterruptedRestore, openLocalApp, type LocalApp } from './local-app';

const dirs: string[] = [];
const apps: LocalApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const newDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-app-'));
  dirs.push(dir);
  return dir;
};

const open = async (dataDir: string) => {
  const app = await openLocalApp({
    dataDir,
    appVersion: '3.1.4',
    migrationsFolder: MIGRATIONS_FOLDER,
    contentDir: CONTENT_DIR,
    templatePath: fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null,
    bcryptCost: 4,
    dailyBackups: false,
    logger: { error: () => {} },
  });
  apps.push(app);
  return app;
};

const closeApp = async (app: LocalApp) => {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
};

/** The value of a call that must succeed. */
async function value<T = unknown>(app: LocalApp, method: string, input?: unknown): Promise<T> {
  const result = await app.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const ANNA = { email: 'anna@school.test', username: 'anna', fullName: 'Анна Иванова', password: 'пароль-анны-1' };
const BORIS = { email: 'boris@school.test', username: 'boris', fullName: 'Борис', password: 'пароль-бориса' };

async function courseIds(app: LocalApp): Promise<string[]> {
  return (await value<{ id: string }[]>(app, 'courses.list')).map((course) => course.id);
}
async function enrolledCourseIds(app: LocalApp): Promise<string[]> {
  const courses = await value<{ id: string; enrolment: unknown }[]>(app, 'courses.list');
  return courses.filter((course) => course.enrolment).map((course) => course.id);
}

/** A tar.gz with the two files a data directory must have, both garbage: passes the archive check, fails in PostgreSQL. */
function plausibleButBrokenArchive(): Buffer {
  const entry = (name: string, data: Buffer) => {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(data.length.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1');
    header.write('        ', 148, 'latin1');
    header.write('0', 156, 'latin1');
    header.write('ustar\0' + '00', 257, 'latin1');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    return Buffer.concat([header, data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
  };
  return zlib.gzipSync(
    Buffer.concat([entry('/PG_VERSION', Buffer.from('18\n')), entry('/global/pg_control', Buffer.alloc(8192, 0x5a)), Buffer.alloc(1024)]),
  );
}

describe('restoring a backup from Settings', () => {
  it('brings back what was there at the backup and drops what came after; damaged archives change nothing', async () => {
    const dataDir = newDataDir();
    const app = await open(dataDir);
    await value(app, 'accounts.register', { ...ANNA, becomeAdmin: true });
    const [first, second] = await courseIds(app);
    await value(app, 'courses.enrol', { courseId: first });
    const backup = await value<{ id: string; reason: string }>(app, 'backups.create');
    expect(backup.reason).toBe('manual');
    await value(app, 'courses.enrol', { courseId: second });
    expect(await enrolledCourseIds(app)).toEqual(expect.arrayContaining([first, second]));

    // A backup whose archive is not even gzip, and one that is a tar of garbage: both refused, nothing lost.
    const backupsDir = path.join(dataDir, 'backups');
    fs.writeFileSync(path.join(backupsDir, '2020-01-01T00-00-00Z-manual.tar.gz'), 'definitely not a backup');
    const notGzip = await app.invoke('backups.restore', { id: '2020-01-01T00-00-00Z-manual' });
    expect(notGzip).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('is damaged') } });
    fs.writeFileSync(path.join(backupsDir, '2020-01-02T00-00-00Z-manual.tar.gz'), plausibleButBrokenArchive());
    const broken = await app.invoke('backups.restore', { id: '2020-01-02T00-00-00Z-manual' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('could not be restored') } });
    // The live database is intact and open again, with Anna still signed in.
    expect(await value(app, 'accounts.current')).toMatchObject({ user: { username: 'anna' } });
    expect(await enrolledCourseIds(app)).toEqual(expect.arrayContaining([first, second]));
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('db.'))).toEqual([]);

    const events: unknown[] = [];
    app.subscribe((event) => events.push(event));
    const restored = await app.invoke('backups.restore', { id: backup.id });
    expect(restored).toMatchObject({ ok: true, value: { restored: { id: backup.id } } });
    // Everybody starts afresh on the restored database.
    expect(events).toContainEqual({ name: 'session.changed', payload: { userId: null } });
    expect(await value(app, 'accounts.current')).toMatchObject({ user: null });
    await value(app, 'accounts.signIn', { login: 'anna', password: ANNA.password });
    expect(await enrolledCourseIds(app)).toEqual([first]);

    // The replaced database was kept as a backup of its own; no directory was left aside.
    const list = await value<{ backups: { id: string; reason: string }[] }>(app, 'backups.list');
    expect(list.backups.map((b) => b.reason)).toEqual(expect.arrayContaining(['before-restore', 'manual']));
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('db.'))).toEqual([]);
  }, 120_000);

  it('is for an admin, or for the only account of the computer', async () => {
    const app = await open(newDataDir());
    await value(app, 'accounts.register', { ...ANNA, becomeAdmin: false });
    expect(await value(app, 'backups.list')).toMatchObject({ available: true, canManage: true, keep: 7 });
    await value(app, 'accounts.signOut');
    await value(app, 'accounts.register', BORIS);
    // Two students now: neither may roll the other back.
    expect(await value(app, 'backups.list')).toEqual({ available: true, canManage: false, keep: 7, backups: [] });
    expect(await app.invoke('backups.create', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.invoke('backups.restore', { id: '2026-01-01T00-00-00Z-daily' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.invoke('recovery.restore', { id: '2026-01-01T00-00-00Z-daily' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await value(app, 'recovery.status')).toEqual({ active: false });
  }, 60_000);
});

describe('a database that cannot be opened at start', () => {
  it('opens in recovery mode, says why, and restoring the latest backup brings the app back with its data', async () => {
    const dataDir = newDataDir();
    const before = await open(dataDir);
    await value(before, 'accounts.register', { ...ANNA, becomeAdmin: true });
    const [course] = await courseIds(before);
    await value(before, 'courses.enrol', { courseId: course });
    const backup = await value<{ id: string }>(before, 'backups.create');
    await closeApp(before);

    // The control file is overwritten with garbage: PostgreSQL refuses the directory.
    fs.writeFileSync(path.join(dataDir, 'db', 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const app = await open(dataDir);
    expect(app.core).toBeNull();
    const status = await value<{ active: boolean; reason: string; detail: string; backups: { id: string }[] }>(app, 'recovery.status');
    expect(status).toMatchObject({ active: true, reason: 'database_damaged', dataDir });
    expect(status.detail).toMatch(/FATAL: database files are incompatible with server/);
    expect(status.backups.map((b) => b.id)).toEqual([backup.id]);
    expect(await value(app, 'app.info')).toEqual({ version: '3.1.4', pendingChanges: 0 });
    const refused: InvokeResult = await app.invoke('accounts.current', undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await app.invoke('recovery.retry', undefined)).toMatchObject({ ok: true, value: { active: true, reason: 'database_damaged' } });

    expect(await app.invoke('recovery.restore', { id: backup.id })).toMatchObject({ ok: true, value: { restored: { id: backup.id } } });
    expect(app.core).not.toBeNull();
    expect(await value(app, 'recovery.status')).toEqual({ active: false });
    await value(app, 'accounts.signIn', { login: 'anna', password: ANNA.password });
    expect(await enrolledCourseIds(app)).toEqual([course]);
    // The directory that could not be opened is kept aside (no backup holds it), just the one.
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('db.'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^db\.before-restore-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
  }, 120_000);
});

describe('a restore a crash interrupted', () => {
  it('is finished when the restored copy was complete, and thrown away when it was not', () => {
    const dataDir = newDataDir();
    const db = path.join(dataDir, 'db');
    const make = (dir: string, version: string) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'PG_VERSION'), version);
    };
    // Crash between moving `db` aside and renaming the complete copy into its place: finish the swap.
    make(`${db}.restored`, 'restored');
    finishInterruptedRestore(db);
    expect(fs.readFileSync(path.join(db, 'PG_VERSION'), 'utf8')).toBe('restored');
    // Crash while unpacking (`db` was never touched), or before `db` moved aside: throw the copy away.
    make(`${db}.restoring`, 'half');
    make(`${db}.restored`, 'complete but not swapped');
    finishInterruptedRestore(db);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['db']);
    expect(fs.readFileSync(path.join(db, 'PG_VERSION'), 'utf8')).toBe('restored');
  });
});
