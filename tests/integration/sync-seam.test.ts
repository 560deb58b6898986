import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { CoreEvent } from '../../src/shared/contract';
import { schoolConfigFromValue } from '../../src/core/school/load-school-config';
import { createSyncHttp } from '../../src/core/sync/sync-http';
import type { OpenedDatabase } from '../../src/core/db/types';
import { createFakeSyncServer, FAKE_SERVER_URL, type FakeSyncServer } from '../support/fake-sync-server';
import { seedCourse } from '../support/fixtures';
import { createTestCore, TEST_PASSWORD, type TestCore, type TestCoreOptions } from '../support/test-core';
import { describeOnEachDatabase, openTestPglite, resetDatabase } from '../support/test-databases';

/*
 * Sync through the contract, as the page calls it: a test core (PGlite, then PostgreSQL) with its sync
 * client's network pointed at the fake central server. The engine itself is tested in
 * src/core/sync/sync-engine.test.ts; here, what the page sends and gets back.
 */

let serverDb: OpenedDatabase;
let server: FakeSyncServer;
const cores: TestCore[] = [];

beforeAll(async () => {
  serverDb = await openTestPglite();
});
afterAll(async () => {
  await serverDb?.close();
});
afterEach(async () => {
  // Test cores share the database: no engine of this test may sync into the next one.
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

describeOnEachDatabase('sync through the contract', (ctx) => {
  let lessonIds: string[];

  beforeEach(async () => {
    await resetDatabase(serverDb.db);
    server = await createFakeSyncServer(serverDb.db);
    lessonIds = (await seedCourse(ctx.db, 'math-5', 3)).lessonIds;
    await seedCourse(serverDb.db, 'math-5', 3);
  });

  const core = async (options: TestCoreOptions = {}) => {
    const made = await createTestCore(ctx.database, { syncFetch: server.fetch, ...options });
    cores.push(made);
    return made;
  };
  const eventsOf = (of: TestCore) => {
    const seen: CoreEvent[] = [];
    of.subscribe((event) => seen.push(event));
    return seen;
  };
  const syncIssue = (reason: string) => expect.arrayContaining([{ path: 'sync', message: reason }]);

  it('a student links by registering, sees where sync stands, syncs now, lists devices and unlinks', async () => {
    const anna = await core();
    const events = eventsOf(anna);
    await anna.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 12 });
    expect(await anna.call('sync.status')).toEqual({ state: 'unlinked', pending: 1, lastSyncedAt: null, reason: null, serverUrl: null, deviceId: null });
    expect(await anna.call('app.info')).toMatchObject({ pendingChanges: 1 });

    const linked = await anna.call('sync.linkRegister', { serverUrl: `${FAKE_SERVER_URL}/`, password: TEST_PASSWORD });
    expect(linked).toMatchObject({ state: 'synced', pending: 0, reason: null, serverUrl: FAKE_SERVER_URL });
    expect(await anna.call('app.info')).toMatchObject({ pendingChanges: 0 });

    // A change through any mutation method is announced as waiting, and «sync now» sends it.
    await anna.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 70, timeSpentMinutes: 5 });
    await anna.sync.idle();
    const statuses = events.filter((e) => e.name === 'sync.status').map((e) => e.payload as { state: string; pending: number });
    expect(statuses).toContainEqual({ state: 'queued', pending: 1, at: expect.any(String), reason: null });
    expect(await anna.call('sync.now')).toMatchObject({ state: 'synced', pending: 0 });

    const { devices } = await anna.call('sync.devices');
    expect(devices).toEqual([expect.objectContaining({ id: linked.deviceId, name: `Компьютер в классе · ${linked.deviceId!.slice(0, 4)}`, current: true, revokedAt: null })]);

    expect(await anna.call('sync.unlink')).toMatchObject({ state: 'unlinked', serverUrl: null });
    expect(await anna.raw('sync.devices')).toMatchObject({ ok: false, error: { code: 'not_found', issues: syncIssue('not_linked') } });
    // Unlinked is not an error: sync now just says where things stand.
    expect(await anna.call('sync.now')).toMatchObject({ state: 'unlinked' });
  });

  it('every failure is an AppError with a clear code and the reason as its `sync` issue', async () => {
    const anna = await core();
    expect(await anna.raw('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: 'не-тот-пароль' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', issues: [{ path: 'sync', message: 'wrong_password' }, { path: 'password', message: 'wrong_password' }] },
    });
    expect(await anna.raw('sync.linkRegister', { serverUrl: 'ftp://school', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'serverUrl', message: 'server_url_invalid' }] },
    });
    server.faults = () => ({ kind: 'offline' });
    expect(await anna.raw('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', issues: syncIssue('server_unreachable') },
    });
    server.faults = () => ({ kind: 'respond', status: 429, body: { error: { code: 'rate_limited', message: 'wait' } }, headers: { 'Retry-After': '42' } });
    expect(await anna.raw('sync.linkSignIn', { serverUrl: FAKE_SERVER_URL, login: 'anna', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterSeconds: 42, issues: syncIssue('rate_limited') },
    });
    server.faults = null;
    expect(await anna.raw('sync.linkSignIn', { serverUrl: FAKE_SERVER_URL, login: anna.user!.username, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', issues: syncIssue('wrong_password') },
    });
    // The server already has this username (another student registered it).
    await createSyncHttp(FAKE_SERVER_URL, { fetch: server.fetch }).register({
      userId: crypto.randomUUID(),
      email: 'someone@school.test',
      username: anna.user!.username,
      fullName: 'Другой ученик',
      password: 'пароль-другого',
      device: { id: crypto.randomUUID(), name: 'Другой компьютер' },
    });
    expect(await anna.raw('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: syncIssue('account_exists') },
    });
    expect(await anna.raw('sync.revokeDevice', { deviceId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found', issues: syncIssue('not_linked') },
    });
    // Nothing above linked anything.
    expect(await anna.call('sync.status')).toMatchObject({ state: 'unlinked' });
  });

  it('a device disconnected elsewhere hears it as forbidden, device_revoked', async () => {
    const anna = await core();
    const linked = await anna.call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD });
    await createSyncHttp(FAKE_SERVER_URL, { fetch: server.fetch })
      .signIn({ login: anna.user!.username, password: TEST_PASSWORD, device: { id: crypto.randomUUID(), name: 'Телефон' } })
      .then((tokens) => createSyncHttp(FAKE_SERVER_URL, { fetch: server.fetch }).revokeDevice(tokens.accessToken, linked.deviceId!));
    expect(await anna.call('sync.now')).toMatchObject({ state: 'error', reason: 'device_revoked' });
    expect(await anna.raw('sync.devices')).toMatchObject({ ok: false, error: { code: 'forbidden', issues: syncIssue('device_revoked') } });
  });

  it('on the sign-in screen, signing in through the server brings the account here and signs it in', async () => {
    const anna = await core();
    await anna.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 12 });
    await anna.call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD });
    const username = anna.user!.username;
    // The same database stands for a new computer once Anna's account is gone from it.
    await anna.call('sync.unlink');
    await anna.call('profile.deleteAccount', { password: TEST_PASSWORD });

    const screen = await core({ as: null });
    const events = eventsOf(screen);
    const user = await screen.call('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: username, password: TEST_PASSWORD });
    expect(user).toMatchObject({ id: anna.user!.id, username, role: 'student' });
    expect(screen.session.currentUserId).toBe(anna.user!.id);
    expect(events).toContainEqual({ name: 'session.changed', payload: { userId: anna.user!.id } });
    const course = await screen.call('courses.get', { courseId: (await screen.call('courses.list'))[0]!.id });
    expect(course.lessons[0]).toMatchObject({ status: 'completed', score: 90 });
    expect(await screen.call('sync.status')).toMatchObject({ serverUrl: FAKE_SERVER_URL });
    // From now on the password works offline too.
    await screen.call('accounts.signOut');
    expect(await screen.raw('accounts.signIn', { login: username, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it('linking to another account of the server switches the session to it', async () => {
    await createSyncHttp(FAKE_SERVER_URL, { fetch: server.fetch }).register({
      userId: crypto.randomUUID(),
      email: 'anna.online@school.test',
      username: 'anna-online',
      fullName: 'Анна Онлайн',
      password: 'пароль-онлайн-1',
      device: { id: crypto.randomUUID(), name: 'Дома' },
    });
    const local = await core();
    await local.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 88, timeSpentMinutes: 7 });
    const events = eventsOf(local);
    const { user, status } = await local.call('sync.linkSignIn', { serverUrl: FAKE_SERVER_URL, login: 'anna-online', password: 'пароль-онлайн-1' });
    expect(user).toMatchObject({ username: 'anna-online', fullName: 'Анна Онлайн' });
    expect(user.id).not.toBe(local.user!.id);
    expect(status).toMatchObject({ state: 'synced', pending: 0 });
    expect(local.session.currentUserId).toBe(user.id);
    expect(events).toContainEqual({ name: 'session.changed', payload: { userId: user.id } });
    expect(await local.call('accounts.current')).toMatchObject({ user: { id: user.id } });
    const course = await local.call('courses.get', { courseId: (await local.call('courses.list'))[0]!.id });
    expect(course.lessons[1]).toMatchObject({ status: 'completed', score: 88 });
  });

  it('where the school fixed the server, no other can be linked', async () => {
    const { config, problems } = schoolConfigFromValue({ version: 1, syncServerUrl: FAKE_SERVER_URL, locked: ['syncServerUrl'] }, '/etc/teacher-ai.school.json');
    const school = { source: '/etc/teacher-ai.school.json', searched: [], config, problems };
    const anna = await core({ school });
    expect(await anna.raw('sync.linkRegister', { serverUrl: 'http://other.example', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ path: 'syncServerUrl', message: 'locked_by_school' }] },
    });
    expect(await anna.call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD })).toMatchObject({ state: 'synced' });
  });
});
