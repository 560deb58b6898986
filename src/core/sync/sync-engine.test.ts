import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSyncServer, FAKE_SERVER_URL, type FakeSyncServer } from '../../../tests/support/fake-sync-server';
import { seedCourse } from '../../../tests/support/fixtures';
import { TEST_BCRYPT_COST } from '../../../tests/support/test-core';
import { openTestPglite, resetDatabase } from '../../../tests/support/test-databases';
import type { EventPayload } from '../../shared/contract';
import { createAccount, verifySignIn } from '../accounts/accounts-service';
import { createPasswordHasher } from '../accounts/password-hasher';
import { createFileSecretBox, type SecretBox } from '../ai/secret-box';
import { executeRows } from '../db/execute-rows';
import { outbox, outboxSequences, syncAccounts, users } from '../db/schema';
import type { Db, OpenedDatabase } from '../db/types';
import { EventHub } from '../events/event-hub';
import { Fanout } from '../events/fanout';
import { createMutationRunner } from '../mutations/run-mutation';
import { Session } from '../session/session';
import { backoffDelay, createSyncEngine, SYNC_TIMING, type SyncEngine, type SyncTimers } from './sync-engine';
import { SyncFailed } from './sync-failure';
import { schoolWithServer } from '../../../tests/support/trust';

/*
 * The device's sync engine against a fake central server (tests/support/fake-sync-server.ts: the real
 * push replay and change feed over a database of its own), with an injected clock and timers.
 */

const PASSWORD = 'пароль-ученика-1';
const ZONE = 'Europe/Moscow';
const hasher = createPasswordHasher(TEST_BCRYPT_COST);

let serverDb: OpenedDatabase;
let deviceA: OpenedDatabase;
let deviceB: OpenedDatabase;
let server: FakeSyncServer;
let lessons: string[];
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-sync-engine-'));

beforeAll(async () => {
  [serverDb, deviceA, deviceB] = await Promise.all([openTestPglite(), openTestPglite(), openTestPglite()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([serverDb?.close(), deviceA?.close(), deviceB?.close()]);
  fs.rmSync(keyDir, { recursive: true, force: true });
});

/** The test's clock, shared by the server and every device. */
const clock = { t: 0 };

/** A device's injected timers on the shared clock: nothing fires until a test says so. */
class ManualTime {
  private seq = 0;
  private queue: { at: number; seq: number; callback: () => void }[] = [];
  get t(): number {
    return clock.t;
  }
  set t(value: number) {
    clock.t = value;
  }
  readonly now = () => new Date(clock.t);
  readonly timers: SyncTimers = {
    set: (callback, ms) => {
      const timer = { at: this.t + ms, seq: this.seq++, callback };
      this.queue.push(timer);
      return timer;
    },
    clear: (handle) => {
      this.queue = this.queue.filter((timer) => timer !== handle);
    },
  };
  /** Delays (from now) of the timers set, soonest first. */
  delays(): number[] {
    return [...this.queue].sort((a, b) => a.at - b.at || a.seq - b.seq).map((timer) => timer.at - this.t);
  }
  /** Jump to the soonest timer and run it; then wait until the engine is idle. */
  async fire(engine: SyncEngine): Promise<number> {
    const [next] = [...this.queue].sort((a, b) => a.at - b.at || a.seq - b.seq);
    if (!next) throw new Error('no timer is set');
    this.queue = this.queue.filter((timer) => timer !== next);
    const waited = next.at - this.t;
    this.t = next.at;
    next.callback();
    await engine.idle();
    return waited;
  }
}

interface Device {
  db: Db;
  engine: SyncEngine;
  session: Session;
  events: EventHub;
  secrets: SecretBox;
  statuses: EventPayload<'sync.status'>[];
  time: ManualTime;
  signIn(userId: string): void;
}

const opened: Device[] = [];

function device(db: Db, name: string, time = new ManualTime()): Device {
  const events = new EventHub();
  const session = new Session();
  const statuses: EventPayload<'sync.status'>[] = [];
  events.subscribe((event) => {
    if (event.name === 'sync.status') statuses.push(event.payload as EventPayload<'sync.status'>);
  });
  const secrets = createFileSecretBox(path.join(keyDir, `${name}.key`));
  const engine = createSyncEngine({
    db,
    events,
    session,
    secrets,
    passwords: hasher,
    school: schoolWithServer(FAKE_SERVER_URL),
    fetch: server.fetch,
    now: time.now,
    timeZone: () => ZONE,
    deviceName: `Компьютер ${name}`,
    timers: time.timers,
    random: () => 0.5,
  });
  const made: Device = {
    db,
    engine,
    session,
    events,
    secrets,
    statuses,
    time,
    signIn: (userId) => {
      session.signIn({ id: userId, role: 'student' });
      events.emit('session.changed', { userId });
    },
  };
  opened.push(made);
  return made;
}

const student = (db: Db, username: string, fullName = 'Анна Петрова') =>
  createAccount(db, hasher, { email: `${username}@school.test`, username, fullName, password: PASSWORD, role: 'student' });

const complete = (on: Device, userId: string, lessonId: string, score = 80) =>
  createMutationRunner({ db: on.db, events: new EventHub(), outboxCommits: new Fanout() }).run(userId, 'progress.completeLesson', {
    lessonId,
    score,
    timeSpentMinutes: 10,
    at: on.time.now().toISOString(),
    timeZone: ZONE,
  });

const completedLessons = async (db: Db, userId: string) =>
  (
    await executeRows<{ lesson_id: string; score: number }>(
      db,
      sql`SELECT lesson_id, score FROM user_lessons WHERE user_id = ${userId} AND status = 'completed' ORDER BY lesson_id`,
    )
  ).map((r) => r.lesson_id);

const pendingIds = async (db: Db, userId: string) =>
  (await db.select({ id: outbox.mutationId }).from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.mutationId)).map((r) => r.id);

const serverDevice = async (deviceId: string) =>
  (await executeRows<{ last: number; revoked: boolean }>(serverDb.db, sql`SELECT last_mutation_id::int AS last, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE id = ${deviceId}`))[0];

/** A student of device A, signed in there, with two lessons done, registered online and synced. */
async function linkedStudent() {
  const a = device(deviceA.db, 'A');
  const user = await student(deviceA.db, 'anna');
  a.signIn(user.id);
  await complete(a, user.id, lessons[0]!);
  await complete(a, user.id, lessons[1]!, 95);
  const { status } = await a.engine.linkRegister(user.id, { serverUrl: FAKE_SERVER_URL, password: PASSWORD });
  await a.engine.idle();
  const [link] = await deviceA.db.select().from(syncAccounts).where(eq(syncAccounts.userId, user.id));
  return { a, user, status, link: link! };
}

beforeEach(async () => {
  await Promise.all([resetDatabase(serverDb.db), resetDatabase(deviceA.db), resetDatabase(deviceB.db)]);
  clock.t = Date.parse('2026-11-25T09:00:00Z');
  server = await createFakeSyncServer(serverDb.db, { now: () => new Date(clock.t) });
  const seeded = await Promise.all([serverDb.db, deviceA.db, deviceB.db].map((db) => seedCourse(db, 'math-5', 4)));
  lessons = seeded[0]!.lessonIds;
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.engine.close()));
});

describe('the sync engine', () => {
  it('links by registering: the whole history goes up, the refresh token is stored sealed, the status says synced', async () => {
    const { a, user, status, link } = await linkedStudent();
    expect(status).toMatchObject({ state: 'synced', pending: 0, reason: null, serverUrl: FAKE_SERVER_URL, deviceId: link.deviceId });
    expect(status.lastSyncedAt).toBe(a.time.now().toISOString());
    expect(await completedLessons(serverDb.db, user.id)).toEqual(lessons.slice(0, 2).sort());
    expect(await serverDevice(link.deviceId)).toEqual({ last: 2, revoked: false });
    expect(await pendingIds(deviceA.db, user.id)).toEqual([]);
    // Sealed with this installation's key: the stored text is not a token the server would take.
    expect(link.refreshTokenSealed).toMatch(/^v1:/);
    const plain = a.secrets.open(link.refreshTokenSealed!);
    expect(plain).toMatch(/^[\w-]{20,}$/);
    expect(link.refreshTokenSealed).not.toContain(plain);
    expect(server.paths()).toEqual(['POST /auth/register', 'POST /sync/push', 'GET /sync/pull']);
    expect(a.statuses.map((s) => s.state)).toEqual(['unlinked', 'syncing', 'synced']);
  });

  it('refuses to register with a wrong password, before anything reaches the server', async () => {
    const a = device(deviceA.db, 'A');
    const user = await student(deviceA.db, 'anna');
    await expect(a.engine.linkRegister(user.id, { serverUrl: FAKE_SERVER_URL, password: 'не-тот-пароль' })).rejects.toMatchObject({
      reason: 'wrong_password',
    });
    expect(server.calls).toEqual([]);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'unlinked', pending: 0 });
  });

  it('says account_exists when the server has the email or username already, and links by signing in instead', async () => {
    const { user } = await linkedStudent();
    const b = device(deviceB.db, 'B');
    const twin = await student(deviceB.db, 'anna');
    await expect(b.engine.linkRegister(twin.id, { serverUrl: FAKE_SERVER_URL, password: PASSWORD })).rejects.toMatchObject({ reason: 'account_exists' });
    const { userId } = await b.engine.linkSignIn(twin.id, { serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD });
    expect(userId).toBe(user.id);
  });

  it('a second computer signs in from the server: the account arrives with its lessons, and signs in offline afterwards', async () => {
    const { a, user } = await linkedStudent();
    const b = device(deviceB.db, 'B');
    const { userId } = await b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'ANNA@school.test'.toLowerCase(), password: PASSWORD, trusted: false });
    expect(userId).toBe(user.id);
    expect(await completedLessons(deviceB.db, user.id)).toEqual(lessons.slice(0, 2).sort());
    const [here] = await deviceB.db.select().from(users).where(eq(users.id, user.id));
    expect(here).toMatchObject({ username: 'anna', fullName: 'Анна Петрова', role: 'student', totalLessonsCompleted: 2 });
    expect(here!.passwordHash).toMatch(/^\$2[aby]\$/);
    await expect(verifySignIn(deviceB.db, hasher, 'anna', PASSWORD, b.time.now())).resolves.toMatchObject({ id: user.id });

    // Both ways from here on.
    b.signIn(user.id);
    await complete(b, user.id, lessons[2]!);
    expect(await b.engine.syncNow(user.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(await completedLessons(deviceA.db, user.id)).toEqual(lessons.slice(0, 3).sort());
    const devices = await b.engine.devices(user.id);
    // Each link is named by its computer and the start of its device id.
    const computer = (d: { name: string; id: string }) => d.name.replace(` · ${d.id.slice(0, 4)}`, '');
    expect(devices.map(computer).sort()).toEqual(['Компьютер A', 'Компьютер B']);
    expect(devices.filter((d) => d.current).map(computer)).toEqual(['Компьютер B']);
  });

  it('refreshes a refused access token once, and stores the rotated refresh token at once', async () => {
    const { a, user, link } = await linkedStudent();
    server.expireAccessTokens();
    await complete(a, user.id, lessons[2]!);
    server.calls.length = 0;
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(server.calls.map((c) => `${c.path} ${String(c.outcome)}`)).toEqual(['/sync/push 401', '/auth/refresh 200', '/sync/push 200', '/sync/pull 200']);
    const [after] = await deviceA.db.select().from(syncAccounts).where(eq(syncAccounts.userId, user.id));
    expect(after!.refreshTokenSealed).not.toBe(link.refreshTokenSealed);
    expect(a.secrets.open(after!.refreshTokenSealed!)).not.toBe(a.secrets.open(link.refreshTokenSealed!));
  });

  it('a lost answer to a refresh means signing in again: it says so, stops retrying, and signing in again keeps every change', async () => {
    const { a, user, link } = await linkedStudent();
    server.expireAccessTokens();
    let lose = true;
    server.faults = ({ path: p }) => (p === '/auth/refresh' && lose ? ((lose = false), { kind: 'lose-response' }) : undefined);
    await complete(a, user.id, lessons[2]!);
    // No answer: the device cannot know the server already rotated the token.
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'offline', reason: 'server_unreachable', pending: 1 });
    // The old token is spent on the server: presenting it again signs the device out.
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'error', reason: 'sign_in_again', pending: 1 });
    expect(a.time.delays()).toEqual([]);
    a.engine.changed();
    await a.engine.idle();
    expect(a.time.delays()).toEqual([]);
    expect(await pendingIds(deviceA.db, user.id)).toEqual([3]);

    const again = await a.engine.linkSignIn(user.id, { serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD });
    expect(again).toMatchObject({ userId: user.id, status: { state: 'synced', pending: 0, deviceId: link.deviceId } });
    expect(await serverDevice(link.deviceId)).toEqual({ last: 3, revoked: false });
    expect(await completedLessons(serverDb.db, user.id)).toEqual(lessons.slice(0, 3).sort());
  });

  it('a student who signs out while the server is away: their changes are pushed (only) in the background, every minute until they arrive', async () => {
    const { a, user } = await linkedStudent();
    server.faults = () => ({ kind: 'offline' });
    await complete(a, user.id, lessons[2]!);
    expect(await a.engine.sendBeforeLeaving(user.id)).toMatchObject({ pending: 1 });
    a.session.signOut();
    a.events.emit('session.changed', { userId: null });
    await a.engine.idle();
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);
    expect(await a.time.fire(a.engine)).toBe(SYNC_TIMING.periodMs);
    expect(await pendingIds(deviceA.db, user.id)).toEqual([3]);
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);

    server.faults = null;
    const before = server.paths().length;
    await a.time.fire(a.engine);
    expect(await pendingIds(deviceA.db, user.id)).toEqual([]);
    expect(await completedLessons(serverDb.db, user.id)).toEqual(lessons.slice(0, 3).sort());
    expect(server.paths().slice(before)).toEqual(['POST /sync/push']);
    // Nothing waits any more: an idle computer makes no requests.
    expect(a.time.delays()).toEqual([]);
  });

  it('backs off 2 s, 4 s, 8 s … up to 5 minutes while the server is away, then syncs every minute', async () => {
    const { a, user } = await linkedStudent();
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);
    server.faults = () => ({ kind: 'offline' });
    await complete(a, user.id, lessons[2]!);
    a.engine.changed();
    await a.engine.idle();
    expect(await a.time.fire(a.engine)).toBe(2_000);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'offline', reason: 'server_unreachable', pending: 1 });
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) waits.push(await a.time.fire(a.engine));
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
    // A change while backing off waits for the next retry.
    await complete(a, user.id, lessons[3]!);
    a.engine.changed();
    await a.engine.idle();
    expect(a.time.delays()).toEqual([300_000]);

    server.faults = null;
    await a.time.fire(a.engine);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);
    expect(await a.time.fire(a.engine)).toBe(60_000);
    // Nothing to send: a pull only.
    expect(server.paths().at(-1)).toBe('GET /sync/pull');
  });

  it('jitters the back-off by at most a fifth either way and never waits longer than five minutes', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([1_600, 3_200, 6_400]);
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([2_400, 4_800, 9_600]);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(30, () => 0)).toBe(240_000);
  });

  it('debounces changes: one sync 2 s after the last change, and never later than 10 s after the first', async () => {
    const { a, user } = await linkedStudent();
    server.calls.length = 0;
    for (let i = 0; i < 7; i++) {
      await complete(a, user.id, lessons[i % 4]!, 60 + i);
      a.engine.changed();
      await a.engine.idle();
      expect(a.time.delays()).toEqual([Math.min(2_000, 10_000 - i * 1_500)]);
      a.time.t += 1_500;
    }
    expect(server.calls).toEqual([]);
    await a.time.fire(a.engine);
    expect(server.paths()).toEqual(['POST /sync/push', 'GET /sync/pull']);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);
  });

  it('runs one sync at a time: requests meanwhile join it, and a change meanwhile brings one more soon after', async () => {
    const { a, user } = await linkedStudent();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.faults = ({ path: p }) => (p === '/sync/push' ? { kind: 'hold', until: held } : undefined);
    await complete(a, user.id, lessons[2]!);
    server.calls.length = 0;
    const first = a.engine.syncNow(user.id);
    const second = a.engine.syncNow(user.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await complete(a, user.id, lessons[3]!);
    a.engine.changed();
    const third = a.engine.syncNow(user.id);
    release();
    const answers = await Promise.all([first, second, third]);
    expect(server.paths().filter((p) => p === 'POST /sync/push')).toHaveLength(1);
    expect(answers.map((s) => s.state)).toEqual(['queued', 'queued', 'queued']);
    expect(answers.map((s) => s.pending)).toEqual([1, 1, 1]);
    server.faults = null;
    await a.engine.idle();
    expect(a.time.delays()).toEqual([SYNC_TIMING.debounceMs]);
    await a.time.fire(a.engine);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'synced', pending: 0 });
  });

  it('announces each change of state once: queued N, syncing, synced', async () => {
    const { a, user } = await linkedStudent();
    a.statuses.length = 0;
    await complete(a, user.id, lessons[2]!);
    a.engine.changed();
    await a.engine.idle();
    await complete(a, user.id, lessons[3]!);
    a.engine.changed();
    await a.engine.idle();
    await a.time.fire(a.engine);
    const at = a.time.now().toISOString();
    expect(a.statuses).toEqual([
      { state: 'queued', pending: 1, at: expect.any(String), reason: null },
      { state: 'queued', pending: 2, at: expect.any(String), reason: null },
      { state: 'syncing', pending: 2, at: expect.any(String), reason: null },
      { state: 'synced', pending: 0, at, reason: null },
    ]);
  });

  it('reports a gap — the server lost changes it had acknowledged — and keeps every pending change', async () => {
    const { a, user, link } = await linkedStudent();
    // The server was restored from an old backup: it no longer has this device's mutations 1 and 2.
    await serverDb.db.execute(sql`UPDATE sync_devices SET last_mutation_id = 0 WHERE id = ${link.deviceId}`);
    await complete(a, user.id, lessons[2]!);
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'error', reason: 'gap', pending: 1 });
    expect(await pendingIds(deviceA.db, user.id)).toEqual([3]);
    expect(server.calls.at(-1)).toMatchObject({ path: '/sync/push', outcome: 409 });
    // It keeps trying, slowly: the server's operators may restore the rest.
    expect(a.time.delays()).toEqual([backoffDelay(1, () => 0.5)]);
  });

  it('a device disconnected from another one stops syncing, says why, and comes back as a new device', async () => {
    const { a, user, link } = await linkedStudent();
    const b = device(deviceB.db, 'B');
    await b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD, trusted: false });
    const devices = await b.engine.revokeDevice(user.id, link.deviceId);
    expect(devices.find((d) => d.id === link.deviceId)?.revokedAt).not.toBeNull();

    await complete(a, user.id, lessons[2]!);
    expect(await a.engine.syncNow(user.id)).toMatchObject({ state: 'error', reason: 'device_revoked', pending: 1 });
    expect(a.time.delays()).toEqual([]);

    const again = await a.engine.linkSignIn(user.id, { serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD });
    expect(again.status).toMatchObject({ state: 'synced', pending: 0 });
    expect(again.status.deviceId).not.toBe(link.deviceId);
    // The new device's numbering starts at 1 on the server: first the two this computer had sent before
    // (kept for a server that may have lost them), then the pending one. Replays change nothing.
    expect(await serverDevice(again.status.deviceId!)).toEqual({ last: 3, revoked: false });
    expect(await completedLessons(serverDb.db, user.id)).toEqual(lessons.slice(0, 3).sort());
  });

  it('linking to another server account replays this account’s history for it, then the server’s account replaces this one', async () => {
    // Registered online from computer B first…
    const b = device(deviceB.db, 'B');
    const online = await student(deviceB.db, 'anna', 'Анна Петрова');
    b.signIn(online.id);
    await complete(b, online.id, lessons[0]!, 70);
    await b.engine.linkRegister(online.id, { serverUrl: FAKE_SERVER_URL, password: PASSWORD });
    // …then a separate account on computer A, with its own progress.
    const a = device(deviceA.db, 'A');
    const local = await student(deviceA.db, 'anna.local', 'Аня');
    a.signIn(local.id);
    await complete(a, local.id, lessons[1]!, 90);
    await complete(a, local.id, lessons[0]!, 100);

    const linked = await a.engine.linkSignIn(local.id, { serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD });
    expect(linked).toMatchObject({ userId: online.id, status: { state: 'synced', pending: 0 } });
    expect(await deviceA.db.select().from(users).where(eq(users.id, local.id))).toEqual([]);
    const [replaced] = await deviceA.db.select().from(users).where(eq(users.id, online.id));
    expect(replaced).toMatchObject({ username: 'anna', fullName: 'Анна Петрова', totalLessonsCompleted: 2 });
    await expect(verifySignIn(deviceA.db, hasher, 'anna', PASSWORD, a.time.now())).resolves.toMatchObject({ id: online.id });
    expect(await completedLessons(deviceA.db, online.id)).toEqual(lessons.slice(0, 2).sort());
    expect(await completedLessons(serverDb.db, online.id)).toEqual(lessons.slice(0, 2).sort());
    const best = await executeRows<{ score: number }>(serverDb.db, sql`SELECT score FROM user_lessons WHERE user_id = ${online.id} AND lesson_id = ${lessons[0]!}`);
    expect(best).toEqual([{ score: 100 }]);
    // This computer's numbering for the account goes on where the replay left it.
    expect(await deviceA.db.select({ last: outboxSequences.lastMutationId }).from(outboxSequences).where(eq(outboxSequences.userId, online.id))).toEqual([{ last: 2 }]);
    a.signIn(online.id);
    await complete(a, online.id, lessons[2]!);
    expect(await a.engine.syncNow(online.id)).toMatchObject({ state: 'synced', pending: 0 });
    expect(await b.engine.syncNow(online.id)).toMatchObject({ state: 'synced' });
    expect(await completedLessons(deviceB.db, online.id)).toEqual(lessons.slice(0, 3).sort());
  });

  it('refuses to bring an account whose login another account of this computer already uses', async () => {
    await linkedStudent();
    const b = device(deviceB.db, 'B');
    await student(deviceB.db, 'anna', 'Другая Анна');
    await expect(b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD, trusted: false })).rejects.toMatchObject({
      reason: 'local_account_exists',
    });
  });

  it('wrong passwords, a rate limit and an unreachable server are told apart', async () => {
    const b = device(deviceB.db, 'B');
    await linkedStudent();
    await expect(b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: 'не-тот', trusted: false })).rejects.toMatchObject({ reason: 'wrong_password' });
    server.faults = () => ({ kind: 'respond', status: 429, body: { error: { code: 'rate_limited', message: 'wait' } }, headers: { 'Retry-After': '42' } });
    const limited = await b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: 'не-тот', trusted: false }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(SyncFailed);
    expect(limited).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 42 });
    server.faults = () => ({ kind: 'offline' });
    await expect(b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD, trusted: false })).rejects.toMatchObject({ reason: 'server_unreachable' });
    server.faults = () => ({ kind: 'respond', status: 200, body: '<html>router login</html>' });
    await expect(b.engine.signInFromServer({ serverUrl: FAKE_SERVER_URL, login: 'anna', password: PASSWORD, trusted: false })).rejects.toMatchObject({ reason: 'invalid_response' });
    expect(await deviceB.db.select().from(users)).toEqual([]);
  });

  it('only the signed-in student syncs on a timer (a signed-out one’s changes are only pushed, every minute); signing in syncs at once', async () => {
    const { a, user } = await linkedStudent();
    a.session.signOut();
    a.events.emit('session.changed', { userId: null });
    await a.engine.idle();
    expect(a.time.delays()).toEqual([]);
    await complete(a, user.id, lessons[2]!);
    a.engine.changed();
    await a.engine.idle();
    expect(a.time.delays()).toEqual([SYNC_TIMING.periodMs]);
    a.signIn(user.id);
    await a.engine.idle();
    expect(a.time.delays()).toEqual([0, SYNC_TIMING.periodMs]);
    await a.time.fire(a.engine);
    expect(await a.engine.status(user.id)).toMatchObject({ state: 'synced', pending: 0 });
  });

  it('unlinking forgets the link and keeps the data', async () => {
    const { a, user } = await linkedStudent();
    expect(await a.engine.unlink(user.id)).toMatchObject({ state: 'unlinked', serverUrl: null });
    expect(a.time.delays()).toEqual([]);
    expect(await completedLessons(deviceA.db, user.id)).toHaveLength(2);
    expect(await deviceA.db.select().from(syncAccounts)).toEqual([]);
  });

  it('close stops the timers and waits for the sync running', async () => {
    const { a, user } = await linkedStudent();
    server.faults = ({ path: p }) => (p === '/sync/push' ? { kind: 'hold', until: new Promise<void>(() => {}) } : undefined);
    await complete(a, user.id, lessons[2]!);
    const running = a.engine.syncNow(user.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.engine.close();
    await running;
    expect(a.time.delays()).toEqual([]);
    // Closing is not a failure worth remembering.
    const [link] = await deviceA.db.select().from(syncAccounts).where(eq(syncAccounts.userId, user.id));
    expect(link!.lastError).toBeNull();
    expect(await pendingIds(deviceA.db, user.id)).toEqual([3]);
  });
});
