/**
 * Support can see what happened (issue 22): tried as a user would — a refused sign-in, an AI fallback, a
 * rejected course file, a failed and a working sync link, mutations the server rejected, a sync error, a
 * backup restore (refused and done), a migration, recovery mode — and every one of them is a line in
 * `<dataDir>/logs/teacher-ai.log` (the file the diagnostics export sends), with its reason, and with none
 * of the passwords, keys or words the person typed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CoreEvent } from '../../src/shared/contract';
import type { OpenedDatabase } from '../../src/core/db/types';
import { createDataDirLogger } from '../../src/core/diagnostics/logger';
import { LOG_FILE_NAME, LOGS_DIR_NAME } from '../../src/core/diagnostics/log-file';
import { openLocalApp, type LocalApp } from '../../src/core/local-app';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server';
import { createFakeSyncServer, FAKE_SERVER_URL, type FakeSyncServer } from '../support/fake-sync-server';
import { heldTimers } from '../support/sync-world';
import { CONTENT_DIR, DB_TEMPLATE, MIGRATIONS_FOLDER, openTestPglite } from '../support/test-databases';

const PASSWORD = 'секретный-пароль-42';
const WRONG_PASSWORD = 'не-тот-пароль-17';
const API_KEY = 'sk-support-log-wrong-key-0123456789';
const SERVER_KEY = 'sk-support-log-right-key-9876543210';
const SENTENCE = 'Мой секретный вопрос про дроби';
const ADMIN = { email: 'olga.support@school.test', username: 'olga', fullName: 'Ольга Поддержкина', password: PASSWORD };

let work: string;
let dataDir: string;
let serverDb: OpenedDatabase;
let sync: FakeSyncServer;
let ai: FakeOpenAiServer;
let app: LocalApp | null = null;

interface Line {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}
const logText = () => fs.readFileSync(path.join(dataDir, LOGS_DIR_NAME, LOG_FILE_NAME), 'utf8');
const logLines = (): Line[] => logText().trim().split('\n').map((line) => JSON.parse(line) as Line);
/** The lines written by what `act` did. */
async function linesOf(act: () => Promise<unknown>): Promise<Line[]> {
  const before = fs.existsSync(path.join(dataDir, LOGS_DIR_NAME, LOG_FILE_NAME)) ? logLines().length : 0;
  await act();
  return logLines().slice(before);
}

const open = async (migrationsFolder = MIGRATIONS_FOLDER) => {
  app = await openLocalApp({
    dataDir,
    appVersion: '9.9.9',
    migrationsFolder,
    contentDir: CONTENT_DIR,
    templatePath: fs.existsSync(DB_TEMPLATE) ? DB_TEMPLATE : null,
    logger: createDataDirLogger(dataDir),
    bcryptCost: 4,
    dailyBackups: false,
    syncFetch: sync.fetch,
    syncTimers: heldTimers,
  });
  return app;
};
const close = async () => {
  await app?.close();
  app = null;
};

async function call<T = unknown>(method: string, input?: unknown): Promise<T> {
  const result = await app!.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const refused = async (method: string, input?: unknown) => expect((await app!.invoke(method, input)).ok).toBe(false);

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-support-log-'));
  dataDir = path.join(work, 'data');
  serverDb = await openTestPglite();
  sync = await createFakeSyncServer(serverDb.db);
  ai = await startFakeOpenAiServer({ apiKey: SERVER_KEY });
});

afterAll(async () => {
  await close();
  await ai?.close();
  await serverDb?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('logs every failure, fallback, rejection, restore, migration and recovery with its reason, and no secret', async () => {
  const created = await linesOf(() => open());
  expect(created).toContainEqual(expect.objectContaining({ level: 'info', message: 'database created', data: { from: fs.existsSync(DB_TEMPLATE) ? 'template' : 'initdb' } }));
  await call('accounts.register', { ...ADMIN, becomeAdmin: true });

  // A failure the person sees: a refused sign-in.
  await call('accounts.signOut');
  const signIn = await linesOf(() => refused('accounts.signIn', { login: ADMIN.username, password: WRONG_PASSWORD }));
  expect(signIn).toEqual([expect.objectContaining({ level: 'warn', message: 'call refused', data: expect.objectContaining({ method: 'accounts.signIn', code: expect.any(String) }) })]);
  await call('accounts.signIn', { login: ADMIN.username, password: PASSWORD });

  // An AI fallback: the school's AI server refuses the key, the offline teacher answers.
  await call('ai.saveUserSettings', { provider: 'openai', baseUrl: ai.baseUrl, model: 'normal', apiKey: API_KEY, timeoutSeconds: 10 });
  const session = await call<{ id: string }>('chat.startSession', { sessionType: 'interactive' });
  const fallback = await linesOf(async () => {
    const finished = new Promise<CoreEvent>((resolve) => {
      const stop = app!.subscribe((event) => {
        if (event.name !== 'chat.replyFinished') return;
        stop();
        resolve(event);
      });
    });
    await call('chat.sendMessage', { sessionId: session.id, content: SENTENCE });
    expect(await finished).toMatchObject({ payload: { provider: 'offline', fallbackReason: 'unauthorized' } });
  });
  expect(fallback).toContainEqual(
    expect.objectContaining({ message: 'AI teacher unavailable: the offline teacher answered instead', data: expect.objectContaining({ reason: 'unauthorized' }) }),
  );

  // A course file the app refuses, with what is wrong in it.
  const pack = await linesOf(() => refused('content.importPack', { fileName: 'физика.json', text: '{"format":"something-else","course":{}}' }));
  expect(pack).toEqual([
    expect.objectContaining({ level: 'warn', message: 'call refused', data: expect.objectContaining({ method: 'content.importPack', code: 'invalid_input', issues: expect.any(Array) }) }),
  ]);

  // A sync link that fails (the server cannot be reached), then one that works.
  sync.faults = () => ({ kind: 'offline' });
  const link = await linesOf(() => refused('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: PASSWORD }));
  expect(link).toEqual([expect.objectContaining({ message: 'call refused', data: expect.objectContaining({ method: 'sync.linkRegister', message: expect.any(String) }) })]);
  sync.faults = null;
  await call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: PASSWORD });

  // Mutations the server records as rejected, with the server's reasons.
  sync.faults = (request) => {
    if (`${request.method} ${request.path}` !== 'POST /sync/push') return undefined;
    const ids = (request.body as { mutations: { id: number }[] }).mutations.map((m) => m.id);
    return { kind: 'respond', status: 200, body: { lastMutationId: Math.max(...ids), rejected: [{ id: ids[0]!, reason: 'course_not_found: no such course on the server' }] } };
  };
  const courses = await call<{ id: string }[]>('courses.list');
  await call('courses.enrol', { courseId: courses[0]!.id });
  const rejected = await linesOf(() => call('sync.now'));
  expect(rejected).toContainEqual(
    expect.objectContaining({
      message: 'sync: the server recorded mutations it could not apply',
      data: expect.objectContaining({ rejected: [expect.objectContaining({ reason: 'course_not_found: no such course on the server' })] }),
    }),
  );

  // A sync that fails in the background: the server answers 500.
  sync.faults = () => ({ kind: 'respond', status: 500, body: { error: { code: 'internal', message: 'database down' } } });
  const failed = await linesOf(() => call('sync.now'));
  expect(failed).toContainEqual(expect.objectContaining({ message: 'sync failed', data: expect.objectContaining({ reason: expect.any(String) }) }));
  sync.faults = null;

  // A backup restore that is refused, then one that is done (from the recovery screen, below).
  const backup = await call<{ id: string }>('backups.create');
  const missing = await linesOf(() => refused('backups.restore', { id: '2020-01-01T00-00-00Z-manual' }));
  expect(missing).toContainEqual(expect.objectContaining({ level: 'warn', message: 'backup not restored', data: expect.objectContaining({ backup: '2020-01-01T00-00-00Z-manual' }) }));

  // A migration: the next version of the app brings one more.
  await close();
  const nextVersion = path.join(work, 'drizzle-next');
  fs.cpSync(MIGRATIONS_FOLDER, nextVersion, { recursive: true });
  const journalFile = path.join(nextVersion, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_support_log_probe' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(nextVersion, '9999_support_log_probe.sql'), 'CREATE TABLE support_log_probe (id integer);');
  const migrated = await linesOf(() => open(nextVersion));
  expect(migrated).toContainEqual(
    expect.objectContaining({ level: 'info', message: 'migrating the database', data: expect.objectContaining({ pending: ['9999_support_log_probe'], backup: expect.any(String) }) }),
  );

  // Recovery mode: the database's files are damaged; then the backup is restored from the recovery screen.
  await close();
  fs.writeFileSync(path.join(dataDir, 'db/global/pg_control'), Buffer.alloc(8192, 0x5a));
  const recovery = await linesOf(() => open(nextVersion));
  expect(app!.core).toBeNull();
  expect(recovery).toContainEqual(
    expect.objectContaining({ level: 'error', message: 'the database could not be opened: recovery mode', data: expect.objectContaining({ stage: 'open', detail: expect.stringMatching(/FATAL/) }) }),
  );
  const restored = await linesOf(() => call('recovery.restore', { id: backup.id }));
  expect(restored).toContainEqual(expect.objectContaining({ level: 'info', message: 'backup restored', data: expect.objectContaining({ backup: backup.id }) }));
  expect(app!.core).not.toBeNull();
  await close();

  // What the person typed or was given never reaches the log.
  const text = logText();
  for (const secret of [PASSWORD, WRONG_PASSWORD, API_KEY, SERVER_KEY, SENTENCE, ADMIN.email, ADMIN.fullName]) expect(text).not.toContain(secret);
}, 180_000);
