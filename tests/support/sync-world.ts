/**
 * A small world for sync tests: the real central server over PostgreSQL (one or two instances), and
 * devices — each its own PGlite with its own network, where faults are injected at the HTTP client.
 * Background syncs are held: a test syncs exactly when it says, so a planned fault hits the request
 * it was planned for.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import { openPostgres } from '../../src/core/db/open-postgres';
import { POINTS } from '../../src/core/motivation/points-rules';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import type { SyncTimers } from '../../src/core/sync/sync-engine';
import type { FetchLike } from '../../src/core/sync/sync-http';
import { startServer, type RunningServer } from '../../src/server/server';
import { startTestServer, TEST_CONNECT_TIMEOUT_MS, TEST_SECRET, type TestServer } from '../../src/server/test-harness';
import { faultyFetch, type FaultyFetch } from './faulty-fetch';
import { createTestCore, silentTeachers, TEST_PASSWORD, type TestCore } from './test-core';
import { openTestPglite } from './test-databases';
import { trustServer } from './trust';

/** Timers that never fire: no sync happens behind a test's back. */
export const heldTimers: SyncTimers = { set: () => null, clear: () => {} };

export interface SyncWorld {
  central: TestServer;
  /** The server's database, for looking beneath the API (as its superuser). */
  serverDb: Db;
  /** Every running instance; devices' requests go round-robin across them (a load balancer). */
  instances: RunningServer[];
  /** The address devices know; requests are routed to the instances. */
  serverUrl: string;
  startInstance(port?: number): Promise<RunningServer>;
  stopInstance(instance: RunningServer): Promise<void>;
  close(): Promise<void>;
}

export async function createSyncWorld(): Promise<SyncWorld> {
  const central = await startTestServer({ host: '127.0.0.1' });
  const serverDatabase = await openPostgres({ connectionString: central.database.url, pool: { max: 3, connectionTimeoutMillis: TEST_CONNECT_TIMEOUT_MS } });
  const instances: RunningServer[] = [central.server];
  const world: SyncWorld = {
    central,
    serverDb: serverDatabase.db,
    instances,
    serverUrl: central.server.url,
    async startInstance(port = 0) {
      const instance = await startServer({
        host: '127.0.0.1',
        version: 'test',
        log: central.logs.log,
        connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS,
        env: { DATABASE_URL: central.database.url, TOKEN_SECRET: TEST_SECRET, PORT: String(port), BCRYPT_COST: '4' },
      });
      instances.push(instance);
      return instance;
    },
    async stopInstance(instance) {
      instances.splice(instances.indexOf(instance), 1);
      await instance.close();
    },
    async close() {
      await serverDatabase.close();
      for (const instance of instances.slice(1)) await instance.close();
      await central.close();
    },
  };
  return world;
}

let turn = 0;
/** The network between a device and the server: round-robin over the running instances. */
function balancer(world: SyncWorld): FetchLike {
  return (input, init) => {
    const instance = world.instances[turn++ % Math.max(1, world.instances.length)];
    const target = instance ? input.replace(world.serverUrl, instance.url) : input;
    return fetch(target, init);
  };
}

export interface Device {
  db: OpenedDatabase;
  net: FaultyFetch;
  /** A core for a student on this computer (a new local account unless `as: null`). */
  core(options?: { as?: null; clockOffsetMs?: number }): Promise<TestCore>;
}

/** A computer of the school: its admin trusted the school's server, so the catalogue comes from there. */
export async function openDevice(world: SyncWorld): Promise<Device> {
  const db = await openTestPglite();
  await trustServer(db.db, world.serverUrl);
  const net = faultyFetch(balancer(world) as typeof fetch);
  return {
    db,
    net,
    core: (options = {}) =>
      createTestCore(db, {
        teachers: silentTeachers,
        // Through the property, so a test can wrap the device's network for one request.
        syncFetch: ((input, init) => net.fetch(input, init)) as FetchLike,
        syncTimers: heldTimers,
        ...(options.as === null ? { as: null } : {}),
        ...(options.clockOffsetMs ? { now: () => new Date(Date.now() + options.clockOffsetMs!) } : {}),
      }),
  };
}

/** A new student on `first`, linked by registering online, and the same student signed in from the server on `second`. */
export async function linkedStudent(
  world: SyncWorld,
  first: Device,
  second: Device,
  options: { clockOffsetMs?: number; secondClockOffsetMs?: number } = {},
) {
  const a = await first.core({ clockOffsetMs: options.clockOffsetMs });
  const linked = await a.call('sync.linkRegister', { serverUrl: world.serverUrl, password: TEST_PASSWORD });
  expect(linked.state).toBe('synced');
  const b = await second.core({ as: null, clockOffsetMs: options.secondClockOffsetMs ?? options.clockOffsetMs });
  await b.call('sync.signInFromServer', { serverUrl: world.serverUrl, login: a.user!.username, password: TEST_PASSWORD });
  return { a, b, userId: a.user!.id };
}

/** Sync every device in turn until all are synced with nothing waiting (faults healed). */
export async function heal(cores: TestCore[], rounds = 3): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const core of cores) await core.call('sync.now');
  }
  for (const core of cores) {
    const status = await core.call('sync.status');
    expect(status, 'a device did not heal').toMatchObject({ state: 'synced', pending: 0 });
  }
}

const STUDENT_TABLES = [
  'user_preferences',
  'user_courses',
  'user_lessons',
  'learning_plans',
  'exam_courses',
  'chat_sessions',
  'chat_messages',
  'user_achievements',
  'user_activity_log',
  'review_log',
] as const;

/** A student's synced rows (timestamps the databases keep themselves left out) and derived totals. */
export async function studentSnapshot(db: Db, userId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of STUDENT_TABLES) {
    const owner = table === 'chat_messages' ? sql`session_id IN (SELECT id FROM chat_sessions WHERE user_id = ${userId})` : sql`user_id = ${userId}`;
    const rows = await executeRows<{ row: Record<string, unknown> }>(
      db,
      sql`SELECT to_jsonb(t.*) - 'created_at' - 'updated_at' AS row FROM ${sql.identifier(table)} t WHERE ${owner} ORDER BY id`,
    );
    out[table] = rows.map((r) => r.row);
  }
  // Every column of the users row that replicates or is derived from replicated facts; not the device's
  // own: its password hash, avatar file name and the role this computer gave the account.
  const users = await executeRows<{ row: Record<string, unknown> }>(
    db,
    sql`SELECT to_jsonb(u.*) - 'password_hash' - 'avatar_url' - 'role' - 'created_at' - 'updated_at' AS row FROM users u WHERE id = ${userId}`,
  );
  out.users = users.map((r) => r.row);
  out.study_days = await executeRows(db, sql`SELECT day::text, study_minutes, lessons_completed, points FROM user_study_days WHERE user_id = ${userId} ORDER BY day`);
  return out;
}

export interface Expected {
  /** Questions the student asked, over all devices. */
  questions: number;
  /** Distinct lessons completed, and which of them ever reached 100. */
  lessons: Set<string>;
  perfect: Set<string>;
}

/**
 * After healing: every device and the server hold the same rows of the student; each change applied
 * once; outboxes empty; no mutation rejected; points equal to what the facts imply.
 */
export async function expectConverged(world: SyncWorld, devices: Device[], userId: string, expected: Expected): Promise<void> {
  const onServer = await studentSnapshot(world.serverDb, userId);
  for (const device of devices) {
    expect(await studentSnapshot(device.db.db, userId)).toEqual(onServer);
    const [pending] = await executeRows<{ n: number }>(device.db.db, sql`SELECT count(*)::int AS n FROM outbox WHERE user_id = ${userId}`);
    expect(pending!.n, 'outbox not empty').toBe(0);
  }
  const [rejected] = await executeRows<{ n: number }>(world.serverDb, sql`SELECT count(*)::int AS n FROM sync_rejected_mutations WHERE user_id = ${userId}`);
  expect(rejected!.n, 'mutations rejected').toBe(0);
  const questions = (onServer.chat_messages as { role: string }[]).filter((m) => m.role === 'user').length;
  expect(questions, 'each question exactly once').toBe(expected.questions);
  const completions = (onServer.user_activity_log as { activity_type: string; activity_data: { perfect?: boolean } }[]).filter(
    (r) => r.activity_type === 'lesson_completed' && !r.activity_data.perfect,
  );
  expect(completions.length, 'each lesson completion counted once').toBe(expected.lessons.size);
  const [facts] = await executeRows<{ rewards: number }>(
    world.serverDb,
    sql`SELECT coalesce(sum(a.points_reward), 0)::int AS rewards FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id WHERE ua.user_id = ${userId}`,
  );
  const implied =
    POINTS.lessonCompleted * expected.lessons.size +
    POINTS.perfectLessonBonus * expected.perfect.size +
    POINTS.exerciseCorrect * awards(onServer, 'exercise:') +
    POINTS.homeworkSubmitted * awards(onServer, 'homework:') +
    facts!.rewards;
  const user = onServer.users![0] as { total_points: number; total_lessons_completed: number };
  expect(user.total_points, 'points follow from the facts').toBe(implied);
  expect(user.total_lessons_completed).toBe(expected.lessons.size);
}

function awards(snapshot: Record<string, unknown[]>, prefix: string): number {
  return (snapshot.user_activity_log as { activity_data: { award?: string } }[]).filter((r) => r.activity_data.award?.startsWith(prefix)).length;
}

/** What a student does on the given lessons (by index), with the facts it should leave behind. */
export function studentActivity(lessons: readonly string[]) {
  const expected: Expected = { questions: 0, lessons: new Set(), perfect: new Set() };
  const sessions = new Map<TestCore, string>();
  return {
    expected,
    async complete(core: TestCore, lesson: number, score: number) {
      await core.call('progress.completeLesson', { lessonId: lessons[lesson]!, score, timeSpentMinutes: 5 + lesson });
      expected.lessons.add(lessons[lesson]!);
      if (score === 100) expected.perfect.add(lessons[lesson]!);
    },
    async ask(core: TestCore, text: string) {
      let session = sessions.get(core);
      if (!session) {
        session = (await core.call('chat.startSession', { sessionType: 'interactive' })).id;
        sessions.set(core, session);
      }
      await core.call('chat.sendMessage', { sessionId: session, content: text });
      await core.replies.idle();
      expected.questions++;
    },
  };
}

/** The central server and two school computers, shared by a sync test file's tests. */
export interface TwoComputers {
  world: SyncWorld;
  first: Device;
  second: Device;
  /** A dozen lessons of the server's catalogue, in course order. */
  lessons: string[];
}

/**
 * For a sync test file, at its top: the world and two computers opened before its tests and closed after
 * them; every test starts with both computers' networks healthy. Read the fields inside tests.
 */
export function twoComputers(): TwoComputers {
  const computers = {} as TwoComputers;
  beforeAll(async () => {
    computers.world = await createSyncWorld();
    [computers.first, computers.second] = await Promise.all([openDevice(computers.world), openDevice(computers.world)]);
    const rows = await executeRows<{ id: string }>(computers.world.serverDb, sql`SELECT id FROM lessons ORDER BY course_id, lesson_number LIMIT 12`);
    computers.lessons = rows.map((r) => r.id);
  }, 90_000);
  beforeEach(() => {
    computers.first?.net.reset();
    computers.second?.net.reset();
  });
  afterAll(async () => {
    await Promise.all([computers.first?.db.close(), computers.second?.db.close()]);
    await computers.world?.close();
  });
  return computers;
}
