import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { executeRows } from '../db/execute-rows';
import { createDataDirLogger } from '../diagnostics/logger';
import { openLocalApp, type LocalApp } from '../local-app';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { restrictDataDir } from './private-data-dir';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
const apps: LocalApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const newDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** Every folder and file under `root` (itself included) with its permission bits, as `relative path → octal`. */
function modesUnder(root: string): { dirs: Map<string, string>; files: Map<string, string> } {
  const out = { dirs: new Map<string, string>(), files: new Map<string, string>() };
  const walk = (at: string) => {
    const stat = fs.lstatSync(at);
    const mode = (stat.mode & 0o777).toString(8);
    const name = path.relative(root, at) || '.';
    if (stat.isDirectory()) {
      out.dirs.set(name, mode);
      for (const child of fs.readdirSync(at)) walk(path.join(at, child));
    } else if (stat.isFile()) out.files.set(name, mode);
  };
  walk(root);
  return out;
}

/** The entries whose mode is not the owner-only one (an empty list is the goal). */
function notPrivate(root: string, { filesToo = true } = {}): string[] {
  const { dirs: folders, files } = modesUnder(root);
  return [
    ...[...folders].filter(([, mode]) => mode !== '700').map(([name, mode]) => `${name}/ ${mode}`),
    ...(filesToo ? [...files].filter(([, mode]) => mode !== '600').map(([name, mode]) => `${name} ${mode}`) : []),
  ];
}

/** The whole tree as an older version (or a careless copy) left it: readable and writable by everyone. */
function openToEveryone(root: string): void {
  const { dirs: folders, files } = modesUnder(root);
  for (const name of files.keys()) fs.chmodSync(path.join(root, name), 0o666);
  for (const name of folders.keys()) fs.chmodSync(path.join(root, name), 0o777);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function open(dataDir: string, logged: string[] = []): Promise<LocalApp> {
  const app = await openLocalApp({
    dataDir,
    appVersion: '0.0.0-test',
    migrationsFolder: MIGRATIONS_FOLDER,
    contentDir: CONTENT_DIR,
    templatePath: fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null,
    bcryptCost: 4,
    dailyBackups: false,
    logger: { error: (message: string) => logged.push(message), warn: (message: string) => logged.push(message) } as never,
  });
  apps.push(app);
  return app;
}

async function call(app: LocalApp, method: string, input?: unknown): Promise<unknown> {
  const result = await app.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe.runIf(posix)('the data directory is owner-only', () => {
  it('the repair walk makes folders 0700 and files 0600, and leaves what a symbolic link points at alone', () => {
    const root = newDir('teacher-ai-modes-');
    const outside = path.join(newDir('teacher-ai-outside-'), 'not-ours.txt');
    fs.writeFileSync(outside, 'x');
    fs.chmodSync(outside, 0o644);
    fs.mkdirSync(path.join(root, 'db', 'base', '1'), { recursive: true });
    fs.writeFileSync(path.join(root, 'db', 'base', '1', '1259'), 'rows');
    fs.writeFileSync(path.join(root, 'secret.key'), 'key');
    fs.symlinkSync(outside, path.join(root, 'link'));
    openToEveryone(root);
    expect(notPrivate(root)).not.toEqual([]);

    expect(restrictDataDir(root)).toBe(6);
    expect(notPrivate(root)).toEqual([]);
    expect((fs.statSync(outside).mode & 0o777).toString(8)).toBe('644');
    // Nothing left to do: a second walk changes nothing.
    expect(restrictDataDir(root)).toBe(0);
    // Windows keeps the per-user folder's ACL: nothing is changed there.
    openToEveryone(root);
    expect(restrictDataDir(root, 'win32')).toBe(0);
  });

  it('after a first start, a backup, logs, an attachment, a picture, a key and a diagnostics export — and after closing', async () => {
    const dataDir = path.join(newDir('teacher-ai-private-'), 'data');
    const app = await open(dataDir);
    // The first start copied the database from the template (its files are 0666 there): all owner-only now.
    expect(notPrivate(dataDir)).toEqual([]);

    await call(app, 'accounts.register', { fullName: 'Анна Петрова', username: 'anna', email: 'anna@example.com', password: 'секретный-пароль-1', becomeAdmin: true });
    const [lesson] = await executeRows<{ id: string }>(app.core!.db, sql`SELECT id FROM lessons WHERE homework IS NOT NULL ORDER BY id LIMIT 1`);
    await call(app, 'homework.submit', { lessonId: lesson!.id, text: 'Решение', attachment: { name: 'photo.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') } });
    await call(app, 'profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    await call(app, 'ai.saveUserSettings', { provider: 'openai', baseUrl: 'http://127.0.0.1:9', model: 'm', apiKey: 'sk-private' });
    await call(app, 'diagnostics.export');
    await call(app, 'backups.create');
    const logger = createDataDirLogger(dataDir);
    logger.info('a line');

    const { files } = modesUnder(dataDir);
    const ours = [...files.keys()].filter((name) => !name.startsWith(`db${path.sep}`));
    for (const expected of ['attachments', 'avatars', 'secret.key', 'diagnostics', 'backups', 'logs', 'teacher-ai.lock']) {
      expect(ours.some((name) => name.startsWith(expected))).toBe(true);
    }
    // What the app wrote is 0600 from the start; every folder, the database's included, is 0700 — so
    // nothing inside can be reached by another user even before the next walk.
    expect(ours.map((name) => `${name} ${files.get(name)}`).filter((entry) => !entry.endsWith(' 600'))).toEqual([]);
    expect(notPrivate(dataDir, { filesToo: false })).toEqual([]);

    await app.close();
    apps.splice(apps.indexOf(app), 1);
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('repairs an install that every user of the computer could read and write, on its next start', async () => {
    const dataDir = newDir('teacher-ai-repair-');
    await (await open(dataDir)).close();
    apps.splice(0);
    openToEveryone(dataDir);
    expect(notPrivate(dataDir).length).toBeGreaterThan(100);

    const logged: string[] = [];
    await open(dataDir, logged);
    expect(notPrivate(dataDir)).toEqual([]);
    expect(logged).toContain('the data directory was readable by other users of the computer: made owner-only');
  });
});
