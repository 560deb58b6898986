import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackDirectory } from '../content/load-packs';
import { installAchievements, loadAchievementCatalogue } from '../motivation/achievement-catalogue';
import { executeRows } from '../db/execute-rows';
import type { Db, OpenedDatabase } from '../db/types';
import { outbox, syncAccounts } from '../db/schema';
import { ACHIEVEMENTS_FILE, CONTENT_DIR, openTestPglite, openTestPostgres } from '../../../tests/support/test-databases';
import { createTestCore, silentTeachers, type TestCore } from '../../../tests/support/test-core';
import type { MutationEnvelope } from '../../shared/sync';
import { applyPushBatch, PushRefused } from './server-push';
import { CursorAhead, readChanges } from './server-pull';
import { applyPull } from './apply-pull';
import { rejoinAfterRestore } from './rejoin-after-restore';
import { INITIAL_CURSOR } from '../../shared/sync';
import { schoolWithServer } from '../../../tests/support/trust';

/** A date relative to the run's own day, so the test passes on any day it runs. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The sync's database half without HTTP: a device's outbox replayed on PostgreSQL by the same services,
 * the server's changes applied on other devices. The HTTP half and the faults are tested elsewhere.
 */

let server: OpenedDatabase;
let deviceA: OpenedDatabase;
let deviceB: OpenedDatabase;

/** A server request on behalf of a student: change tracking on, the app role, RLS in force. */
async function asStudent<T>(userId: string, fn: (tx: Db) => Promise<T>, readOnly = false): Promise<T> {
  return server.db.transaction(
    async (tx) => {
      await tx.execute(sql`SET LOCAL ROLE teacher_app`);
      await tx.execute(sql`SELECT set_config('teacher.user_id', ${userId}, true)`);
      return fn(tx);
    },
    readOnly ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
  );
}

async function installCatalogue(db: Db) {
  await installPackDirectory(db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
  await installAchievements(db, loadAchievementCatalogue(ACHIEVEMENTS_FILE));
}

beforeAll(async () => {
  [server, deviceA, deviceB] = await Promise.all([
    openTestPostgres({ options: '-c teacher.track_changes=on' }),
    openTestPglite(),
    openTestPglite(),
  ]);
  await Promise.all([installCatalogue(server.db), installCatalogue(deviceA.db), installCatalogue(deviceB.db)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.close(), deviceA?.close(), deviceB?.close()]);
});

async function pendingOf(db: Db, userId: string): Promise<MutationEnvelope[]> {
  const rows = await executeRows<{ id: string | number; name: string; args: Record<string, unknown> }>(
    db,
    sql`SELECT mutation_id AS id, name, args FROM outbox WHERE user_id = ${userId} ORDER BY mutation_id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, args: r.args }));
}

/** The student's account on the server and on a second device, with the same id (as online sign-in makes it). */
async function registerEverywhere(core: TestCore, deviceId: string, deviceBId: string) {
  const userId = core.user!.id;
  const [user] = await executeRows<Record<string, unknown>>(deviceA.db, sql`SELECT id, email, username, full_name, password_hash, role FROM users WHERE id = ${userId}`);
  for (const db of [server.db, deviceB.db]) {
    await db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash, role)
      VALUES (${userId}, ${user!.email as string}, ${user!.username as string}, ${user!.full_name as string}, ${user!.password_hash as string}, ${user!.role as string})`);
    await db.execute(sql`INSERT INTO user_preferences (user_id) VALUES (${userId})`);
  }
  await server.db.execute(sql`INSERT INTO sync_devices (id, user_id, name) VALUES (${deviceId}, ${userId}, 'A'), (${deviceBId}, ${userId}, 'B')`);
  for (const db of [deviceA.db, deviceB.db]) {
    await db.insert(syncAccounts).values({ userId, serverUrl: 'http://server.test', deviceId: db === deviceA.db ? deviceId : deviceBId });
  }
}

async function pullInto(device: Db, userId: string, deviceId: string) {
  const [account] = await executeRows<{ cursor: string }>(device, sql`SELECT cursor FROM sync_accounts WHERE user_id = ${userId}`);
  let cursor = account?.cursor ?? INITIAL_CURSOR;
  const changes = [];
  let lastMutationId: number;
  for (;;) {
    const [dev] = await executeRows<{ last: string }>(server.db, sql`SELECT last_mutation_id AS last FROM sync_devices WHERE id = ${deviceId}`);
    const page = await asStudent(userId, (tx) => readChanges(tx, userId, cursor, Number(dev!.last), 50), true);
    changes.push(...page.changes);
    cursor = page.cursor;
    lastMutationId = page.lastMutationId;
    if (!page.more) break;
  }
  return applyPull(device, userId, { changes, cursor, lastMutationId, syncedAt: new Date(), serverUrl: 'http://server.test' }, schoolWithServer('http://server.test'));
}

const SNAPSHOT_TABLES = [
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

async function snapshot(db: Db, userId: string) {
  const out: Record<string, unknown[]> = {};
  for (const table of SNAPSHOT_TABLES) {
    const owner = table === 'chat_messages' ? sql`session_id IN (SELECT id FROM chat_sessions WHERE user_id = ${userId})` : sql`user_id = ${userId}`;
    const rows = await executeRows<{ row: Record<string, unknown> }>(
      db,
      sql`SELECT to_jsonb(t.*) - 'created_at' - 'updated_at' AS row FROM ${sql.identifier(table)} t WHERE ${owner} ORDER BY id`,
    );
    out[table] = rows.map((r) => r.row);
  }
  const [totals] = await executeRows(db, sql`SELECT full_name, total_points, level, total_lessons_completed, longest_streak_days FROM users WHERE id = ${userId}`);
  out.users = [totals];
  return out;
}

describe('sync over the database: push to PostgreSQL, pull onto another device', () => {
  it('a lesson completed and a chat on device A reach device B with the same rows and totals', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    const devA = crypto.randomUUID();
    const devB = crypto.randomUUID();
    await registerEverywhere(a, devA, devB);

    const courses = await a.call('courses.list');
    const course = courses.find((c) => c.totalLessons > 1) ?? courses[0]!;
    const detail = await a.call('courses.get', { courseId: course.id });
    const lesson = detail.lessons[0]!;
    await a.call('progress.completeLesson', { lessonId: lesson.id, score: 100, timeSpentMinutes: 12 });
    const session = await a.call('chat.startSession', { sessionType: 'lesson', courseId: course.id, lessonId: lesson.id });
    await a.call('chat.sendMessage', { sessionId: session.id, content: 'Почему так?' });
    await a.replies.idle();

    const pending = await pendingOf(deviceA.db, userId);
    expect(pending.length).toBeGreaterThan(2);
    const pushed = await asStudent(userId, (tx) => applyPushBatch(tx, userId, devA, pending));
    expect(pushed).toEqual({ lastMutationId: pending.at(-1)!.id, rejected: [] });
    // The same batch again (a lost response, a retry): nothing applies twice.
    const again = await asStudent(userId, (tx) => applyPushBatch(tx, userId, devA, pending));
    expect(again.lastMutationId).toBe(pushed.lastMutationId);

    await pullInto(deviceA.db, userId, devA);
    expect(await deviceA.db.$count(outbox)).toBe(0);
    await pullInto(deviceB.db, userId, devB);

    const onServer = await snapshot(server.db, userId);
    expect(onServer.user_lessons).toHaveLength(1);
    expect(await snapshot(deviceA.db, userId)).toEqual(onServer);
    expect(await snapshot(deviceB.db, userId)).toEqual(onServer);
    expect((onServer.users![0] as { total_points: number }).total_points).toBeGreaterThan(0);
  });

  it('refuses a gap and records a mutation that can never succeed', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    const devA = crypto.randomUUID();
    await registerEverywhere(a, devA, crypto.randomUUID());
    const ghost = { id: 1, name: 'lesson.complete', args: { lessonId: crypto.randomUUID(), score: 50, timeSpentMinutes: 1, at: new Date().toISOString() } };
    await expect(asStudent(userId, (tx) => applyPushBatch(tx, userId, devA, [{ ...ghost, id: 2 }]))).rejects.toBeInstanceOf(PushRefused);
    const result = await asStudent(userId, (tx) => applyPushBatch(tx, userId, devA, [ghost, { id: 2, name: 'no.such', args: {} }]));
    expect(result.lastMutationId).toBe(2);
    expect(result.rejected.map((r) => r.id)).toEqual([1, 2]);
  });

  it('another student cannot push for a device that is not theirs', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const devA = crypto.randomUUID();
    await registerEverywhere(a, devA, crypto.randomUUID());
    const b = await createTestCore(deviceA, { teachers: silentTeachers });
    const bId = b.user!.id;
    await server.db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash) VALUES (${bId}, ${bId + '@x.test'}, ${'u' + bId.slice(0, 8)}, 'B', 'x')`);
    await expect(asStudent(bId, (tx) => applyPushBatch(tx, bId, devA, [{ id: 1, name: 'profile.update', args: { fullName: 'X', at: new Date().toISOString() } }]))).rejects.toMatchObject({ reason: 'unknown_device' });
    const page = await asStudent(bId, (tx) => readChanges(tx, bId, INITIAL_CURSOR, 0), true);
    expect(page.changes.filter((c) => c.row && 'user_id' in c.row && c.row.user_id !== bId)).toEqual([]);
  });

  it.each([
    ['A first', ['A', 'B']],
    ['B first', ['B', 'A']],
  ] as const)('two devices complete the same lesson and chat offline, syncing %s: the same rows everywhere', async (_label, order) => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    const ids = { A: crypto.randomUUID(), B: crypto.randomUUID() };
    await registerEverywhere(a, ids.A, ids.B);
    const b = await createTestCore(deviceB, { teachers: silentTeachers, as: null });
    b.session.signIn(a.user!);
    const cores = { A: a, B: b };
    const dbs = { A: deviceA.db, B: deviceB.db };

    const course = (await a.call('courses.list')).find((c) => c.totalLessons > 1)!;
    const lesson = (await a.call('courses.get', { courseId: course.id })).lessons[0]!;
    await a.call('progress.completeLesson', { lessonId: lesson.id, score: 80, timeSpentMinutes: 10 });
    await b.call('progress.completeLesson', { lessonId: lesson.id, score: 100, timeSpentMinutes: 7 });
    for (const who of ['A', 'B'] as const) {
      const s = await cores[who].call('chat.startSession', { sessionType: 'interactive' });
      await cores[who].call('chat.sendMessage', { sessionId: s.id, content: `Вопрос с устройства ${who}` });
      await cores[who].replies.idle();
    }

    const sync = async (who: 'A' | 'B') => {
      const pending = await pendingOf(dbs[who], userId);
      if (pending.length) await asStudent(userId, (tx) => applyPushBatch(tx, userId, ids[who], pending));
      await pullInto(dbs[who], userId, ids[who]);
    };
    await sync(order[0]);
    await sync(order[1]);
    await sync(order[0]);

    const onServer = await snapshot(server.db, userId);
    expect(onServer.chat_sessions).toHaveLength(2);
    expect((onServer.user_lessons![0] as { score: number }).score).toBe(100);
    expect(await snapshot(deviceA.db, userId)).toEqual(onServer);
    expect(await snapshot(deviceB.db, userId)).toEqual(onServer);
    // Points follow from the facts: the lesson once, the perfect bonus once.
    const [facts] = await executeRows<{ points: number }>(server.db, sql`SELECT coalesce(sum((activity_data ->> 'points')::int), 0)::int AS points FROM user_activity_log WHERE user_id = ${userId}`);
    expect((onServer.users![0] as { total_points: number }).total_points).toBe(facts!.points);
  });

  it('everything a student makes syncs, and a deletion on the server reaches the device', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    const devA = crypto.randomUUID();
    const devB = crypto.randomUUID();
    await registerEverywhere(a, devA, devB);
    const courses = await a.call('courses.list');
    const exam = courses.find((c) => c.examType !== null)!;
    const examLesson = (await a.call('courses.get', { courseId: exam.id })).lessons[0]!;
    const detail = await a.call('lessons.get', { lessonId: examLesson.id });
    await a.call('preferences.update', { theme: 'dark' });
    await a.call('profile.update', { fullName: 'Маша Синхронова' });
    await a.call('courses.enrol', { courseId: exam.id });
    await a.call('plans.generate', { courseId: exam.id, targetDate: daysFromToday(180), studyDays: [1, 3, 5], minutesPerDay: 30 });
    await a.call('lessons.start', { lessonId: examLesson.id });
    await a.call('study.recordTime', { lessonId: examLesson.id, minutes: 5 });
    const exercise = detail.exercises[0];
    if (exercise) {
      const answer = exercise.type === 'single_choice' ? { type: 'single_choice' as const, choice: 0 } : exercise.type === 'multiple_choice' ? { type: 'multiple_choice' as const, choices: [0] } : { type: exercise.type, text: '42' };
      await a.call('exercises.check', { lessonId: examLesson.id, exerciseId: exercise.id, answer, attempt: 1 });
    }
    await a.call('homework.submit', { lessonId: examLesson.id, text: 'Моё решение' });
    await a.call('progress.completeLesson', { lessonId: examLesson.id, score: 90, timeSpentMinutes: 20 });
    // The completed lesson's first key concept is now a review card.
    await a.call('review.answer', { cardKey: `concept:${examLesson.id}:${detail.keyConcepts[0]!.term}`, rating: 3 });
    const unlocked = await a.call('achievements.list');
    const fresh = unlocked.filter((x) => x.unlockedAt && !x.seen).map((x) => x.id);
    if (fresh.length) await a.call('achievements.markSeen', { achievementIds: fresh });
    const chat = await a.call('chat.startSession', { sessionType: 'exam_prep', courseId: exam.id });
    await a.call('chat.sendMessage', { sessionId: chat.id, content: 'Как решать задание 1?' });
    await a.replies.idle();
    await a.call('chat.endSession', { sessionId: chat.id });

    const pending = await pendingOf(deviceA.db, userId);
    const pushed = await asStudent(userId, (tx) => applyPushBatch(tx, userId, devA, pending));
    expect(pushed.rejected).toEqual([]);
    await pullInto(deviceA.db, userId, devA);
    await pullInto(deviceB.db, userId, devB);
    const onServer = await snapshot(server.db, userId);
    for (const table of SNAPSHOT_TABLES) expect(onServer[table]!.length, table).toBeGreaterThan(0);
    expect(await snapshot(deviceA.db, userId)).toEqual(onServer);
    expect(await snapshot(deviceB.db, userId)).toEqual(onServer);

    // An administrator removes the conversation on the server: the devices follow, messages with it.
    await asStudent(userId, (tx) => tx.execute(sql`DELETE FROM chat_sessions WHERE id = ${chat.id}`));
    await pullInto(deviceB.db, userId, devB);
    const [left] = await executeRows<{ n: number }>(deviceB.db, sql`SELECT count(*)::int AS n FROM chat_messages WHERE session_id = ${chat.id}`);
    expect(left!.n).toBe(0);
    expect(await snapshot(deviceB.db, userId)).toEqual(await snapshot(server.db, userId));
  });

  it('a cursor beyond what the server holds (a server restored from a backup) is refused, not silently served', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    await registerEverywhere(a, crypto.randomUUID(), crypto.randomUUID());
    await expect(asStudent(userId, (tx) => readChanges(tx, userId, '999999.0', 0), true)).rejects.toBeInstanceOf(CursorAhead);
    await expect(asStudent(userId, (tx) => readChanges(tx, userId, INITIAL_CURSOR, 0), true)).resolves.toMatchObject({ more: false });
  });

  it('after a restore from a backup, linked accounts rejoin as a new device with their outbox renumbered', async () => {
    const a = await createTestCore(deviceA, { teachers: silentTeachers });
    const userId = a.user!.id;
    const deviceId = crypto.randomUUID();
    await deviceA.db.insert(syncAccounts).values({ userId, serverUrl: 'http://server.test', deviceId, refreshTokenSealed: 'sealed', cursor: '42.7' });
    for (const name of ['Первое', 'Второе', 'Третье', 'Четвёртое']) await a.call('profile.update', { fullName: name });
    await deviceA.db.execute(sql`DELETE FROM outbox WHERE user_id = ${userId} AND mutation_id <= 2`);
    await rejoinAfterRestore(deviceA.db);
    const pending = await pendingOf(deviceA.db, userId);
    expect(pending.map((p) => [p.id, p.args.fullName])).toEqual([[1, 'Третье'], [2, 'Четвёртое']]);
    const [account] = await executeRows<{ device_id: string; refresh_token_sealed: string | null; cursor: string }>(deviceA.db, sql`SELECT device_id, refresh_token_sealed, cursor FROM sync_accounts WHERE user_id = ${userId}`);
    expect(account).toMatchObject({ refresh_token_sealed: null, cursor: INITIAL_CURSOR });
    expect(account!.device_id).not.toBe(deviceId);
    await a.call('profile.update', { fullName: 'Пятое' });
    expect((await pendingOf(deviceA.db, userId)).map((p) => p.id)).toEqual([1, 2, 3]);
  });
});
