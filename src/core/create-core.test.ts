import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../tests/support/test-databases';
import { createLocalCore, type Core } from './create-core';
import { listPackFiles } from './content/load-packs';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const newDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-core-'));
  dirs.push(dir);
  return dir;
};

const open = async (dataDir: string) => {
  const core = await createLocalCore({
    dataDir,
    appVersion: '1.2.3',
    migrationsFolder: MIGRATIONS_FOLDER,
    contentDir: CONTENT_DIR,
    templatePath: fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null,
  });
  cores.push(core);
  return core;
};

const FIRST = { email: 'anna@school.test', username: 'anna', fullName: 'Анна Иванова', password: 'дроби-и-проценты' };

describe('the local core on a data directory', () => {
  it('first start: creates the database and installs the starter courses; nobody is signed in yet', async () => {
    const dataDir = newDataDir();
    const core = await open(dataDir);
    expect(await core.invoke('accounts.signInScreen', undefined)).toEqual({ ok: true, value: { accounts: [], listHidden: false, hasAccounts: false } });
    expect(await core.invoke('courses.list', undefined)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await core.invoke('app.info', undefined)).toEqual({ ok: true, value: { version: '1.2.3', pendingChanges: 0 } });

    expect(await core.invoke('accounts.register', { ...FIRST, becomeAdmin: true })).toMatchObject({ ok: true, value: { role: 'admin' } });
    const list = await core.invoke('courses.list', undefined);
    expect(list.ok && list.value).toHaveLength(listPackFiles(CONTENT_DIR).length);
  });

  it('keeps the account and its progress across a restart, and signs in again offline', async () => {
    const dataDir = newDataDir();
    const first = await open(dataDir);
    await first.invoke('accounts.register', FIRST);
    const list = await first.invoke('courses.list', undefined);
    if (!list.ok) throw new Error('list failed');
    const courseId = (list.value as { id: string }[])[0]!.id;
    await first.invoke('courses.enrol', { courseId });
    const before = await first.invoke('app.info', undefined);
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    const second = await open(dataDir);
    expect(await second.invoke('courses.list', undefined)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await second.invoke('accounts.signIn', { login: 'ANNA@school.test', password: FIRST.password })).toMatchObject({ ok: true });
    // Everything waiting before the restart still waits, and the sign-in is one more change to sync.
    if (!before.ok) throw new Error('app.info failed');
    const beforeInfo = before.value as { version: string; pendingChanges: number };
    expect(await second.invoke('app.info', undefined)).toEqual({ ok: true, value: { ...beforeInfo, pendingChanges: beforeInfo.pendingChanges + 1 } });
    const course = await second.invoke('courses.get', { courseId });
    expect(course).toMatchObject({ ok: true, value: { enrolment: { status: 'active' } } });
  });

  it('refuses to open a data directory another live process holds, and takes over a stale lock', async () => {
    const dataDir = newDataDir();
    await open(dataDir);
    await expect(open(dataDir)).rejects.toMatchObject({ code: 'conflict' });

    const stale = newDataDir();
    fs.writeFileSync(path.join(stale, 'teacher-ai.lock'), '999999');
    const core = await open(stale);
    expect((await core.invoke('accounts.signInScreen', undefined)).ok).toBe(true);
  });
});
