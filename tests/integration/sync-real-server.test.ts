import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackDirectory } from '../../src/core/content/load-packs';
import type { OpenedDatabase } from '../../src/core/db/types';
import { installAchievements, loadAchievementCatalogue } from '../../src/core/motivation/achievement-catalogue';
import { registerStudent, startTestServer, type TestServer } from '../../src/server/test-harness';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { ACHIEVEMENTS_FILE, CONTENT_DIR, openTestPglite } from '../support/test-databases';
import { trustServer } from '../support/trust';

/*
 * The device's sync engine against the REAL central server (src/server over PostgreSQL 15), over real
 * HTTP: two computers of one student, each its own PGlite with the starter catalogue, as in the app.
 */

let server: TestServer;
let computerA: OpenedDatabase;
let computerB: OpenedDatabase;
const cores: TestCore[] = [];

beforeAll(async () => {
  // One after the other: the server's 2 s connect timeout is tight on a busy machine.
  server = await startTestServer();
  [computerA, computerB] = await Promise.all([openTestPglite(), openTestPglite()]);
  for (const db of [computerA.db, computerB.db]) {
    await trustServer(db, server.server.url);
    await installPackDirectory(db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    await installAchievements(db, loadAchievementCatalogue(ACHIEVEMENTS_FILE));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(cores.map((core) => core.close()));
  await Promise.all([server?.close(), computerA?.close(), computerB?.close()]);
});

const realFetch = (url: string, init: RequestInit) => fetch(url, init);

async function firstCourse(core: TestCore) {
  const [course] = await core.call('courses.list');
  return core.call('courses.get', { courseId: course!.id });
}

describe('sync with the real central server', () => {
  it('one student on two computers: register online, sign in on the other, changes both ways, devices listed', async () => {
    const a = await createTestCore(computerA, { syncFetch: realFetch, as: { username: 'realanna', fullName: 'Анна Реальная' } });
    cores.push(a);
    const course = await firstCourse(a);
    const [first, second] = course.lessons;
    await a.call('progress.completeLesson', { lessonId: first!.id, score: 85, timeSpentMinutes: 20 });
    await a.call('chat.startSession', { sessionType: 'interactive' });

    const linked = await a.call('sync.linkRegister', { serverUrl: server.server.url, password: TEST_PASSWORD });
    expect(linked).toMatchObject({ state: 'synced', pending: 0, reason: null });

    const b = await createTestCore(computerB, { syncFetch: realFetch, as: null });
    cores.push(b);
    const user = await b.call('sync.signInFromServer', { serverUrl: server.server.url, login: 'realanna', password: TEST_PASSWORD });
    expect(user).toMatchObject({ id: a.user!.id, username: 'realanna', fullName: 'Анна Реальная', role: 'student' });
    expect((await firstCourse(b)).lessons[0]).toMatchObject({ status: 'completed', score: 85 });
    expect(await b.call('chat.listSessions')).toHaveLength(1);

    await b.call('progress.completeLesson', { lessonId: second!.id, score: 100, timeSpentMinutes: 15 });
    expect(await b.call('sync.now')).toMatchObject({ state: 'synced', pending: 0 });
    expect(await a.call('sync.now')).toMatchObject({ state: 'synced', pending: 0 });
    expect((await firstCourse(a)).lessons[1]).toMatchObject({ status: 'completed', score: 100 });
    // Points are recomputed from the same facts on both computers.
    const [summaryA, summaryB] = await Promise.all([a.call('motivation.summary'), b.call('motivation.summary')]);
    expect(summaryA.totalPoints).toBe(summaryB.totalPoints);
    expect(summaryA.totalPoints).toBeGreaterThan(0);

    const { devices } = await a.call('sync.devices');
    expect(devices).toHaveLength(2);
    expect(devices.filter((d) => d.current).map((d) => d.id)).toEqual([linked.deviceId]);
  });

  it('the real server’s refusals read as the reasons the page translates', async () => {
    const c = await createTestCore(computerA, { syncFetch: realFetch, as: { username: 'realboris' } });
    cores.push(c);
    expect(await c.raw('sync.linkSignIn', { serverUrl: server.server.url, login: 'realboris', password: 'не-тот-пароль' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', issues: [{ path: 'sync', message: 'wrong_password' }, { path: 'password', message: 'wrong_password' }] },
    });
    // The server's «realboris» is someone else than this computer's.
    await registerStudent(server.api, { username: 'realboris', email: 'realboris@example.org', password: 'пароль-онлайн-бориса' });
    expect(await c.raw('sync.signInFromServer', { serverUrl: server.server.url, login: 'realboris', password: 'пароль-онлайн-бориса' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'sync', message: 'local_account_exists' }] },
    });
    expect(await c.raw('sync.linkRegister', { serverUrl: `${server.server.url}/no-such-prefix`, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'sync', message: 'server_error' }] },
    });
    expect(await c.raw('sync.linkRegister', { serverUrl: 'http://127.0.0.1:9', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', issues: [{ path: 'sync', message: 'server_unreachable' }] },
    });
  });
});
