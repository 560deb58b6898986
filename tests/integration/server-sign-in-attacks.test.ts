import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/core/accounts/password-hasher';
import { FREE_ATTEMPTS } from '../../src/core/accounts/sign-in-guard';
import { installPackDirectory } from '../../src/core/content/load-packs';
import { executeRows } from '../../src/core/db/execute-rows';
import { signInGuards, syncAccounts, users } from '../../src/core/db/schema';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import { installAchievements, loadAchievementCatalogue } from '../../src/core/motivation/achievement-catalogue';
import { schoolConfigFromValue } from '../../src/core/school/load-school-config';
import { createSyncHttp, type FetchLike } from '../../src/core/sync/sync-http';
import { registerStudent, startTestServer, type TestServer } from '../../src/server/test-harness';
import type { PullResponse } from '../../src/shared/sync';
import { createFakeSyncServer, FAKE_SERVER_URL, type FakeSyncServer } from '../support/fake-sync-server';
import { seedCourse } from '../support/fixtures';
import { createTestCore, TEST_BCRYPT_COST, TEST_PASSWORD, type TestCore, type TestCoreOptions } from '../support/test-core';
import { ACHIEVEMENTS_FILE, CONTENT_DIR, openTestPglite, resetDatabase } from '../support/test-databases';

/*
 * Hole 1 of the security review: «Войти через сервер школы» is on the sign-in screen, open to whoever
 * sits there, and the server is whatever they type. Each attack below is performed against the REAL
 * central server and against a hostile server (the fake one, its database in the attacker's hands),
 * and each fails: no local account is taken over, merged into or overwritten, and no server the
 * computer's administrator has not trusted makes anyone a teacher or an admin here.
 */

const realFetch: FetchLike = (url, init) => fetch(url, init);
const hasher = createPasswordHasher(TEST_BCRYPT_COST);
const cores: TestCore[] = [];
const opened: OpenedDatabase[] = [];

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

async function computer(options: { catalogue?: 'starter' | 'test' } = {}): Promise<OpenedDatabase> {
  const db = await openTestPglite();
  opened.push(db);
  if (options.catalogue === 'starter') {
    await installPackDirectory(db.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    await installAchievements(db.db, loadAchievementCatalogue(ACHIEVEMENTS_FILE));
  } else {
    await seedCourse(db.db, 'math-5', 3);
  }
  return db;
}

async function core(on: OpenedDatabase, options: TestCoreOptions): Promise<TestCore> {
  const made = await createTestCore(on, options);
  cores.push(made);
  return made;
}

const hashOf = async (db: Db, userId: string) => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]?.hash;
const everyone = async (db: Db) =>
  (await db.select({ id: users.id, username: users.username, role: users.role, hash: users.passwordHash }).from(users)).sort((x, y) =>
    x.username.localeCompare(y.username),
  );
const syncIssue = (reason: string) => expect.arrayContaining([{ path: 'sync', message: reason }]);

describe('«Войти через сервер школы» against the real central server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('an account registered online under the local admin’s id does not sign in as the admin; the admin links later and keeps everything', async () => {
    const pc = await computer({ catalogue: 'starter' });
    const admin = await core(pc, { syncFetch: realFetch, as: { role: 'admin', username: 'director', fullName: 'Директор' } });
    // The id was on the sign-in screen; Mallory registers it on the school's server first.
    const mallory = await registerStudent(server.api, { userId: admin.user!.id, username: 'mallory', email: 'mallory@example.org', password: 'пароль-мэллори' });
    expect(mallory.userId).toBe(admin.user!.id);
    const before = await everyone(pc.db);

    const screen = await core(pc, { syncFetch: realFetch, as: null });
    expect(await screen.raw('sync.signInFromServer', { serverUrl: server.server.url, login: 'mallory', password: 'пароль-мэллори' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: syncIssue('local_account_exists') },
    });
    expect(screen.session.currentUserId).toBeNull();
    expect(await everyone(pc.db)).toEqual(before);
    expect(await pc.db.select().from(syncAccounts)).toEqual([]);

    // The director links later: not locked out — a fresh id on the server, the account moves to it here,
    // still this computer's admin, with the same password.
    const status = await admin.call('sync.linkRegister', { serverUrl: server.server.url, password: TEST_PASSWORD });
    expect(status).toMatchObject({ state: 'synced', pending: 0 });
    const now = admin.session.currentUserId!;
    expect(now).not.toBe(admin.user!.id);
    expect(await admin.call('accounts.current')).toMatchObject({ user: { id: now, username: 'director', role: 'admin' } });
    await admin.call('accounts.signOut');
    expect(await screen.call('accounts.signIn', { login: 'director', password: TEST_PASSWORD })).toMatchObject({ id: now, role: 'admin' });
    await screen.call('accounts.signOut');

    // Mallory now simply arrives as the student she is, next to the director.
    const arrived = await screen.call('sync.signInFromServer', { serverUrl: server.server.url, login: 'mallory', password: 'пароль-мэллори' });
    expect(arrived).toMatchObject({ id: mallory.userId, username: 'mallory', role: 'student' });
    expect((await everyone(pc.db)).map((u) => [u.username, u.role])).toEqual([
      ['director', 'admin'],
      ['mallory', 'student'],
    ]);
  });

  it('a teacher or admin of a server this computer does not trust is a student here; of the school’s server or one an admin trusted, what the server says', async () => {
    const boss = await registerStudent(server.api, { username: 'server-admin', email: 'server-admin@example.org', password: 'пароль-админа-сервера' });
    const teacher = await registerStudent(server.api, { username: 'server-teacher', email: 'server-teacher@example.org', password: 'пароль-учителя' });
    await server.admin.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [boss.userId]);
    await server.admin.query(`UPDATE users SET role = 'teacher' WHERE id = $1`, [teacher.userId]);
    const signIn = (screen: TestCore, who: typeof boss) => screen.call('sync.signInFromServer', { serverUrl: server.server.url, login: who.username, password: who.password });

    // A computer nobody configured: whoever types this server in gets students.
    const plain = await computer({ catalogue: 'starter' });
    expect(await signIn(await core(plain, { syncFetch: realFetch, as: null }), boss)).toMatchObject({ role: 'student' });
    expect(await signIn(await core(plain, { syncFetch: realFetch, as: null }), teacher)).toMatchObject({ role: 'student' });

    // The school's configuration names this server: its roles hold here.
    const { config, problems } = schoolConfigFromValue({ version: 1, syncServerUrl: `${server.server.url}/` }, '/etc/teacher-ai.school.json');
    const school = { source: '/etc/teacher-ai.school.json', searched: [], config, problems };
    const configured = await computer({ catalogue: 'starter' });
    expect(await signIn(await core(configured, { syncFetch: realFetch, as: null, school }), boss)).toMatchObject({ role: 'admin' });
    expect(await signIn(await core(configured, { syncFetch: realFetch, as: null, school }), teacher)).toMatchObject({ role: 'teacher' });

    // An admin of this computer trusts the server: from then on, the same.
    const trusting = await computer({ catalogue: 'starter' });
    const localAdmin = await core(trusting, { syncFetch: realFetch, as: { role: 'admin' } });
    expect(await localAdmin.call('sync.serverTrust')).toEqual({ schoolServerUrl: null, trusted: [] });
    expect(await localAdmin.call('sync.setServerTrust', { serverUrl: `${server.server.url}//`, trusted: true })).toEqual({
      schoolServerUrl: null,
      trusted: [server.server.url],
    });
    expect(await signIn(await core(trusting, { syncFetch: realFetch, as: null }), teacher)).toMatchObject({ role: 'teacher' });
    // …and a student of the computer cannot make that choice.
    const student = await core(trusting, { syncFetch: realFetch });
    expect(await student.raw('sync.setServerTrust', { serverUrl: 'http://evil.example', trusted: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('«Войти через сервер школы» against a hostile server', () => {
  let serverDb: OpenedDatabase;
  let hostile: FakeSyncServer;
  let pc: OpenedDatabase;
  let tamperPull: ((page: PullResponse) => PullResponse) | null = null;
  /** The device's network: the hostile server, whose pull answers a test may rewrite. */
  const network: FetchLike = async (url, init) => {
    const answer = await hostile.fetch(url, init);
    if (!tamperPull || !url.includes('/sync/pull') || answer.status !== 200) return answer;
    return new Response(JSON.stringify(tamperPull((await answer.json()) as PullResponse)), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  beforeAll(async () => {
    serverDb = await openTestPglite();
    opened.push(serverDb);
    pc = await openTestPglite();
    opened.push(pc);
  });
  afterEach(() => {
    tamperPull = null;
  });

  /** A fresh computer (the test catalogue) and an empty hostile server. */
  async function setUp() {
    await Promise.all([resetDatabase(serverDb.db), resetDatabase(pc.db)]);
    hostile = await createFakeSyncServer(serverDb.db);
    await Promise.all([seedCourse(pc.db, 'math-5', 3), seedCourse(serverDb.db, 'math-5', 3)]);
    const admin = await core(pc, { syncFetch: network, as: { role: 'admin', username: 'director' } });
    const screen = await core(pc, { syncFetch: network, as: null });
    return { admin, screen };
  }

  /** The attacker's server holds whatever account it likes: here one with `id` and `role`. */
  async function hostileAccount(input: { id?: string; username: string; password: string; role?: string }) {
    const tokens = await createSyncHttp(FAKE_SERVER_URL, { fetch: hostile.fetch }).register({
      userId: input.id ?? randomUUID(),
      email: `${input.username}@evil.example`,
      username: input.username,
      fullName: 'Злоумышленник',
      password: input.password,
      device: { id: randomUUID(), name: 'evil' },
    });
    if (input.role) await serverDb.db.execute(sql`UPDATE users SET role = ${input.role} WHERE id = ${tokens.user.id}`);
    return tokens.user;
  }

  it('claims the local admin’s id (and role admin): refused, nothing here changes', async () => {
    const { admin, screen } = await setUp();
    await hostileAccount({ id: admin.user!.id, username: 'evil', password: 'любой-пароль', role: 'admin' });
    const before = await everyone(pc.db);
    expect(await screen.raw('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'evil', password: 'любой-пароль' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: syncIssue('local_account_exists') },
    });
    expect(await everyone(pc.db)).toEqual(before);
    expect(screen.session.currentUserId).toBeNull();
    expect(await pc.db.select().from(syncAccounts)).toEqual([]);
  });

  it('cannot be used to guess the local admin’s password: wrong guesses count as at the sign-in screen, then it waits', async () => {
    const { admin, screen } = await setUp();
    // A server that says «yes» to every password of an account with the admin's id.
    await hostileAccount({ id: admin.user!.id, username: 'evil', password: 'догадка-0' });
    for (let i = 1; i < FREE_ATTEMPTS; i++) {
      await serverDb.db.execute(sql`UPDATE users SET password_hash = ${await hasher.hash(`догадка-${i}`)} WHERE id = ${admin.user!.id}`);
      const answer = await screen.raw('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'evil', password: `догадка-${i}` });
      expect(answer).toMatchObject({ ok: false, error: { issues: syncIssue('local_account_exists') } });
    }
    await serverDb.db.execute(sql`UPDATE users SET password_hash = ${await hasher.hash('догадка-5')} WHERE id = ${admin.user!.id}`);
    expect(await screen.raw('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'evil', password: 'догадка-5' })).toMatchObject({
      ok: false,
      error: { issues: syncIssue('local_account_exists') },
    });
    const [guard] = await pc.db.select().from(signInGuards).where(eq(signInGuards.userId, admin.user!.id));
    expect(guard?.failedAttempts).toBe(FREE_ATTEMPTS);
    // Blocked now: even the right password waits, through the server as at the screen.
    await serverDb.db.execute(sql`UPDATE users SET password_hash = ${await hasher.hash(TEST_PASSWORD)} WHERE id = ${admin.user!.id}`);
    expect(await screen.raw('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'evil', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', issues: syncIssue('rate_limited') },
    });
    expect(await screen.raw('accounts.signIn', { login: 'director', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('whoever proves the local password is that account: the admin may sign in through a server that has the same account', async () => {
    const { admin, screen } = await setUp();
    await hostileAccount({ id: admin.user!.id, username: 'director-online', password: TEST_PASSWORD });
    const hash = await hashOf(pc.db, admin.user!.id);
    const user = await screen.call('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'director-online', password: TEST_PASSWORD });
    expect(user).toMatchObject({ id: admin.user!.id, role: 'admin' });
    expect(await hashOf(pc.db, admin.user!.id)).not.toBe(hash); // re-hashed, the same password
    // Linked now: the server's name for the account came with the pull, the password works offline.
    await screen.call('accounts.signOut');
    expect(await screen.call('accounts.signIn', { login: 'director-online', password: TEST_PASSWORD })).toMatchObject({ id: admin.user!.id, role: 'admin' });
  });

  it('an account linked to one server is not taken by another that claims its id, even with the right password', async () => {
    const { admin, screen } = await setUp();
    await admin.call('sync.linkRegister', { serverUrl: FAKE_SERVER_URL, password: TEST_PASSWORD });
    const linkedTo = (await pc.db.select().from(syncAccounts))[0]!.serverUrl;
    // The same hostile database behind another address stands for a second server.
    const other = 'http://other.server.test';
    const elsewhere: FetchLike = (url, init) => network(url.replace(other, FAKE_SERVER_URL), init);
    const screen2 = await core(pc, { syncFetch: elsewhere, as: null });
    expect(await screen2.raw('sync.signInFromServer', { serverUrl: other, login: 'director', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { issues: syncIssue('already_linked') },
    });
    expect((await pc.db.select().from(syncAccounts))[0]!.serverUrl).toBe(linkedTo);
    // Its own server still signs it in, whatever its password here (the link is the proof).
    await serverDb.db.execute(sql`UPDATE users SET password_hash = ${await hasher.hash('новый-пароль-сервера')} WHERE id = ${admin.user!.id}`);
    expect(await screen.call('sync.signInFromServer', { serverUrl: `${FAKE_SERVER_URL}/`, login: 'director', password: 'новый-пароль-сервера' })).toMatchObject({
      id: admin.user!.id,
      role: 'admin',
    });
  });

  it('answers role admin for a new account: a student here, unless an admin of this computer trusted that server', async () => {
    const { admin, screen } = await setUp();
    await hostileAccount({ username: 'boss', password: 'пароль-босса', role: 'admin' });
    expect(await screen.call('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'boss', password: 'пароль-босса' })).toMatchObject({
      username: 'boss',
      role: 'student',
    });
    await admin.call('sync.setServerTrust', { serverUrl: FAKE_SERVER_URL, trusted: true });
    await hostileAccount({ username: 'boss2', password: 'пароль-босса', role: 'teacher' });
    expect(await screen.call('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'boss2', password: 'пароль-босса' })).toMatchObject({ role: 'teacher' });
    expect(await admin.call('sync.setServerTrust', { serverUrl: FAKE_SERVER_URL, trusted: false })).toEqual({ schoolServerUrl: null, trusted: [] });
  });

  it('pulls rows under other local students’ ids: those rows stay theirs, untouched', async () => {
    const { screen } = await setUp();
    const victim = await core(pc, { syncFetch: network, as: { username: 'victim' } });
    const session = await victim.call('chat.startSession', { sessionType: 'interactive' });
    await victim.call('chat.sendMessage', { sessionId: session.id, content: 'личный вопрос' });
    await victim.replies.idle();
    const victimRows = async () => ({
      sessions: await executeRows(pc.db, sql`SELECT * FROM chat_sessions WHERE user_id = ${victim.user!.id} ORDER BY id`),
      messages: await executeRows(pc.db, sql`SELECT m.* FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = ${victim.user!.id}`),
      activity: await executeRows(pc.db, sql`SELECT * FROM user_activity_log WHERE user_id = ${victim.user!.id} ORDER BY id`),
    });
    const before = await victimRows();
    expect(before.messages.length).toBeGreaterThan(0);
    expect(before.activity.length).toBeGreaterThan(0);

    const evil = await hostileAccount({ username: 'evil', password: 'пароль-зла' });
    const ownSession = randomUUID();
    const as = (row: Record<string, unknown>, changes: Record<string, unknown>) => JSON.parse(JSON.stringify({ ...row, ...changes })) as Record<string, unknown>;
    tamperPull = (page) => ({
      ...page,
      changes: [
        ...page.changes,
        { table: 'chat_sessions', key: ownSession, deleted: false, row: as(before.sessions[0]!, { id: ownSession, user_id: evil.id }) },
        ...before.sessions.map((row) => ({ table: 'chat_sessions', key: String(row.id), deleted: false, row: as(row, { user_id: evil.id, context_data: { title: 'украдено' } }) })),
        ...before.messages.map((row) => ({ table: 'chat_messages', key: String(row.id), deleted: false, row: as(row, { session_id: ownSession, content: 'подменено' }) })),
        ...before.activity.map((row) => ({ table: 'user_activity_log', key: String(row.id), deleted: false, row: as(row, { user_id: evil.id }) })),
      ],
    });
    const arrived = await screen.call('sync.signInFromServer', { serverUrl: FAKE_SERVER_URL, login: 'evil', password: 'пароль-зла' });
    expect(arrived).toMatchObject({ id: evil.id, role: 'student' });
    expect(await victimRows()).toEqual(before);
  });
});
