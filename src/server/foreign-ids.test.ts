import { randomUUID } from 'node:crypto';
import { POINTS } from '../core/motivation/points-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionAt, schemaVersionOf } from '../core/db/schema-version';
import { OLDEST_DEVICE_MIGRATION } from '../core/sync/server-push';
import { onceActivityId } from '../core/motivation/activity';
import { wireMutationArgs as mutationArgs, type WireMutationName as MutationName } from '../core/mutations/mutation-names';
import type { MutationEnvelope } from '../shared/sync';
import { MIGRATIONS_FOLDER } from './paths';
import { registerStudent, startTestServer, type RegisteredStudent, type TestServer } from './test-harness';

/*
 * Hole 6 of the security review: one student's ids reaching another student's rows on the central
 * server. Every id a mutation carries is the device's choice, and the ids of once-only facts (a lesson's
 * completion, its perfect score, an achievement) are uuidV5 of the public user id — so student B can both
 * choose and predict ids of student A's rows. Here B replays EVERY named mutation with A's ids, existing
 * and future, and A's rows and points stay exactly A's.
 */

const SCHEMA_VERSION = schemaVersionOf(MIGRATIONS_FOLDER);
const ZONE = 'Europe/Moscow';

let t: TestServer;
let lessons: { id: string; courseId: string; exerciseId: string; right: number }[];
let achievementId: string;

beforeAll(async () => {
  t = await startTestServer();
  // Lessons of one ordinary course with a single-choice exercise (a correct answer earns an award).
  const { rows } = await t.admin.query<{ id: string; course_id: string; exercise: { id: string; correctIndex?: number; answer?: unknown } }>(
    `SELECT l.id, l.course_id, e AS exercise FROM lessons l JOIN courses c ON c.id = l.course_id,
       jsonb_array_elements(l.practice_exercises) e
     WHERE c.exam_type IS NULL AND e ->> 'type' = 'single_choice'
     ORDER BY c.title, l.lesson_number`,
  );
  const byLesson = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byLesson.has(row.id)) byLesson.set(row.id, row);
  const sameCourse = [...byLesson.values()].filter((r) => r.course_id === rows[0]!.course_id);
  lessons = sameCourse.slice(0, 3).map((r) => ({ id: r.id, courseId: r.course_id, exerciseId: r.exercise.id, right: rightChoice(r.exercise) }));
  expect(lessons).toHaveLength(3);
  achievementId = (await t.admin.query<{ id: string }>(`SELECT id FROM achievements ORDER BY name LIMIT 1`)).rows[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

/** The index of the right option, however the pack spells it. */
function rightChoice(exercise: Record<string, unknown>): number {
  for (const key of ['correctIndex', 'correct', 'answer']) {
    const value = exercise[key];
    if (typeof value === 'number') return value;
  }
  throw new Error(`no right choice in ${JSON.stringify(exercise)}`);
}

const at = () => new Date().toISOString();

function pusher(student: RegisteredStudent) {
  let next = 1;
  return async (...mutations: { name: MutationName; args: Record<string, unknown> }[]) => {
    const batch: MutationEnvelope[] = mutations.map((m) => ({ id: next++, name: m.name, args: m.args }));
    const answer = await t.api.post('/sync/push', { deviceId: student.deviceId, schemaVersion: SCHEMA_VERSION, mutations: batch }, student.tokens.accessToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { lastMutationId: number; rejected: { id: number; reason: string }[] };
  };
}

/** Every row of a student on the server, in every table that has a student (sorted, so two reads compare). */
async function everythingOf(userId: string): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await t.admin.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables) {
    if (table === 'sync_devices' || table === 'sync_refresh_tokens') continue; // A's own sign-ins, not B's doing
    const { rows } = await t.admin.query(`SELECT to_jsonb(t.*) AS row FROM ${table} t WHERE user_id = $1 ORDER BY to_jsonb(t.*)::text`, [userId]);
    out[table] = rows.map((r) => r.row);
  }
  out.chat_messages = (
    await t.admin.query(
      `SELECT to_jsonb(m.*) AS row FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = $1 ORDER BY m.id`,
      [userId],
    )
  ).rows.map((r) => r.row);
  out.users = (await t.admin.query(`SELECT to_jsonb(u.*) AS row FROM users u WHERE id = $1`, [userId])).rows.map((r) => r.row);
  return out;
}

/** Where the server keeps a student's activity `key` (0009): what an attacker can compute as well. */
const storedId = async (userId: string, key: string) =>
  (await t.admin.query<{ id: string }>(`SELECT activity_row_id($1, $2) AS id`, [userId, key])).rows[0]!.id;

/** A review card of the lesson's first key concept (core/review/card-keys.ts). */
const conceptCard = async (lessonId: string) =>
  `concept:${lessonId}:${(await t.admin.query<{ term: string }>(`SELECT key_concepts -> 0 ->> 'term' AS term FROM lessons WHERE id = $1`, [lessonId])).rows[0]!.term}`;

const points = async (userId: string) =>
  (await t.admin.query<{ total_points: number }>(`SELECT total_points FROM users WHERE id = $1`, [userId])).rows[0]!.total_points;

/** Student A with a row of every kind; the ids B will try. */
async function studentA() {
  const a = await registerStudent(t.api);
  const ids = { sessionId: randomUUID(), messageId: randomUUID(), entryId: randomUUID(), answerId: randomUUID(), activityId: randomUUID(), reviewId: randomUUID() };
  const [l1] = lessons;
  const result = await pusher(a)(
    { name: 'course.enrol', args: { courseId: l1!.courseId, at: at(), timeZone: ZONE } },
    { name: 'lesson.start', args: { lessonId: l1!.id, at: at(), timeZone: ZONE } },
    { name: 'lesson.complete', args: { lessonId: l1!.id, score: 100, timeSpentMinutes: 20, at: at(), timeZone: ZONE } },
    { name: 'homework.submit', args: { lessonId: l1!.id, text: 'Ответ А', attachment: null, at: at(), timeZone: ZONE } },
    { name: 'plan.generate', args: { courseId: l1!.courseId, targetDate: '2099-06-01', studyDays: [1, 3], minutesPerDay: 30, today: at().slice(0, 10), at: at() } },
    { name: 'chat.startSession', args: { sessionId: ids.sessionId, sessionType: 'interactive', courseId: null, lessonId: null, contextData: {}, at: at() } },
    { name: 'chat.appendMessage', args: { messageId: ids.messageId, sessionId: ids.sessionId, role: 'user', content: 'Вопрос А', at: at() } },
    { name: 'study.time', args: { entryId: ids.entryId, lessonId: l1!.id, minutes: 10, at: at(), timeZone: ZONE } },
    { name: 'exercise.answer', args: { answerId: ids.answerId, lessonId: l1!.id, exerciseId: l1!.exerciseId, answer: { type: 'single_choice', choice: l1!.right }, at: at() } },
    { name: 'activity.signIn', args: { activityId: ids.activityId, at: at(), timeZone: ZONE } },
    { name: 'review.answer', args: { reviewId: ids.reviewId, cardKey: await conceptCard(l1!.id), rating: 3, at: at(), timeZone: ZONE } },
  );
  expect(result.rejected).toEqual([]);
  return { a, ids };
}

describe('one student’s ids never reach another student’s rows (central server)', () => {
  it('B replays every named mutation with A’s existing ids: A’s rows stay exactly as they were', async () => {
    const { a, ids } = await studentA();
    const [l1] = lessons;
    const before = await everythingOf(a.userId);
    const b = await registerStudent(t.api);
    const push = pusher(b);
    // B's own session first, so a message with A's message id has somewhere of B's to go.
    const ownSession = randomUUID();
    await push({ name: 'chat.startSession', args: { sessionId: ownSession, sessionType: 'interactive', courseId: null, lessonId: null, contextData: {}, at: at() } });
    const awardOfA = onceActivityId(a.userId, `lesson-completed:${l1!.id}`);
    const storedAwardOfA = await storedId(a.userId, awardOfA);
    // Typed over every mutation name: a new mutation fails the build until its attack is written here.
    const attacks: Record<MutationName, Record<string, unknown>[]> = {
      'plan.generate': [{ courseId: l1!.courseId, targetDate: '2098-01-01', studyDays: [2], minutesPerDay: 10, today: at().slice(0, 10), at: at() }],
      'homework.submit': [{ lessonId: l1!.id, text: 'Ответ B', attachment: null, at: at() }],
      'preferences.update': [{ changes: { theme: 'dark' }, at: at() }],
      'profile.update': [{ fullName: 'Не А', at: at() }],
      'course.enrol': [{ courseId: l1!.courseId, at: at() }],
      'course.setStatus': [{ courseId: l1!.courseId, status: 'dropped', at: at() }],
      'lesson.complete': [{ lessonId: l1!.id, score: 10, timeSpentMinutes: 1, at: at() }],
      'chat.startSession': [{ sessionId: ids.sessionId, sessionType: 'exam_prep', courseId: null, lessonId: null, contextData: { title: 'чужая' }, at: at() }],
      'chat.appendMessage': [
        { messageId: ids.messageId, sessionId: ids.sessionId, role: 'user', content: 'в чужую сессию', at: at() },
        { messageId: ids.messageId, sessionId: ownSession, role: 'user', content: 'чужой id в своей сессии', at: at() },
      ],
      'lesson.start': [{ lessonId: l1!.id, at: at() }],
      'study.time': [
        { entryId: ids.entryId, lessonId: l1!.id, minutes: 15, at: at() },
        { entryId: awardOfA, lessonId: l1!.id, minutes: 15, at: at() },
        { entryId: storedAwardOfA, lessonId: l1!.id, minutes: 15, at: at() },
        { entryId: await storedId(a.userId, ids.entryId), lessonId: l1!.id, minutes: 15, at: at() },
      ],
      'exercise.answer': [{ answerId: ids.answerId, lessonId: l1!.id, exerciseId: l1!.exerciseId, answer: { type: 'single_choice', choice: l1!.right }, at: at() }],
      'homework.feedback': [{ lessonId: l1!.id, feedback: { text: 'Плохо', provider: 'offline', model: null, at: at() }, at: at() }],
      'chat.endSession': [{ sessionId: ids.sessionId, at: at() }],
      'chat.markPlayed': [{ messageId: ids.messageId, at: at() }],
      'achievements.markSeen': [{ achievementIds: [achievementId], at: at() }],
      'activity.signIn': [{ activityId: ids.activityId, at: at() }],
      // B completed the lesson above, so the card is B's own too: A's review ids land in B's namespace.
      'review.answer': [
        { reviewId: ids.reviewId, cardKey: await conceptCard(l1!.id), rating: 1, at: at() },
        { reviewId: await storedId(a.userId, ids.reviewId), cardKey: await conceptCard(l1!.id), rating: 1, at: at() },
      ],
    };
    expect(Object.keys(attacks).sort()).toEqual(Object.keys(mutationArgs).sort());
    for (const [name, list] of Object.entries(attacks) as [MutationName, Record<string, unknown>[]][]) {
      for (const args of list) await push({ name, args });
    }
    expect(await everythingOf(a.userId)).toEqual(before);
    // B's facts are B's rows, each under B's own id for the key B chose.
    const keys = [ids.entryId, awardOfA, storedAwardOfA, ids.answerId, ids.activityId];
    const { rows: mine } = await t.admin.query(`SELECT id FROM user_activity_log WHERE user_id = $1 AND id = ANY($2::uuid[])`, [
      b.userId,
      await Promise.all(keys.map((key) => storedId(b.userId, key))),
    ]);
    expect(mine).toHaveLength(keys.length);
    const { rows: reviews } = await t.admin.query(`SELECT user_id FROM review_log WHERE id = ANY($1::uuid[])`, [
      [await storedId(b.userId, ids.reviewId), await storedId(b.userId, await storedId(a.userId, ids.reviewId))],
    ]);
    expect(reviews).toEqual([{ user_id: b.userId }, { user_id: b.userId }]);
  });

  it('B squats A’s FUTURE award ids first: A still gets every completion and every point, on the server as on A’s device', async () => {
    const victim = await registerStudent(t.api);
    const control = await registerStudent(t.api);
    const b = await registerStudent(t.api);
    const [, l2, l3] = lessons;
    // Everything A will earn below, predicted from A's public id — the keys and the ids the server
    // stores them under — taken by B's three id-carrying mutations.
    const future = (userId: string) => [
      onceActivityId(userId, `lesson-completed:${l2!.id}`),
      onceActivityId(userId, `lesson-perfect:${l2!.id}`),
      onceActivityId(userId, `lesson-completed:${l3!.id}`),
      onceActivityId(userId, `enrolled:${l2!.courseId}`),
      onceActivityId(userId, `lesson-started:${l3!.id}`),
    ];
    const predicted = [...future(victim.userId), ...(await Promise.all(future(victim.userId).map((key) => storedId(victim.userId, key))))];
    const squat = predicted.flatMap((id) => [
      { name: 'study.time' as const, args: { entryId: id, lessonId: l2!.id, minutes: 1, at: at() } },
      { name: 'exercise.answer' as const, args: { answerId: id, lessonId: l2!.id, exerciseId: l2!.exerciseId, answer: { type: 'single_choice', choice: 99 }, at: at() } },
      { name: 'activity.signIn' as const, args: { activityId: id, at: at() } },
    ]);
    expect((await pusher(b)(...squat)).rejected.filter((r) => !r.reason.includes('exercise'))).toEqual([]);

    // A and a control student nobody attacked do exactly the same.
    const work = [
      { name: 'course.enrol' as const, args: { courseId: l2!.courseId, at: at(), timeZone: ZONE } },
      { name: 'lesson.start' as const, args: { lessonId: l3!.id, at: at(), timeZone: ZONE } },
      { name: 'lesson.complete' as const, args: { lessonId: l2!.id, score: 100, timeSpentMinutes: 9, at: at(), timeZone: ZONE } },
      { name: 'lesson.complete' as const, args: { lessonId: l3!.id, score: 70, timeSpentMinutes: 9, at: at(), timeZone: ZONE } },
    ];
    await pusher(victim)(...work);
    await pusher(control)(...work);
    expect(await points(victim.userId)).toBe(await points(control.userId));
    expect(await points(victim.userId)).toBeGreaterThanOrEqual(POINTS.lessonCompleted + POINTS.perfectLessonBonus + POINTS.lessonCompleted);
    for (const [i, key] of future(victim.userId).entries()) {
      const { rows } = await t.admin.query(`SELECT activity_type FROM user_activity_log WHERE user_id = $1 AND id = $2`, [
        victim.userId,
        await storedId(victim.userId, key),
      ]);
      expect(rows, `A's fact ${i}`).toHaveLength(1);
    }
    const completions = async (userId: string) =>
      (await t.admin.query(`SELECT count(*)::int AS n FROM user_activity_log WHERE user_id = $1 AND activity_type = 'lesson_completed'`, [userId])).rows[0].n;
    expect(await completions(victim.userId)).toBe(await completions(control.userId));
  });

  it('a replayed mutation still counts once: derived ids keep pushes idempotent', async () => {
    const student = await registerStudent(t.api);
    const push = pusher(student);
    const entryId = randomUUID();
    const activityId = randomUUID();
    await push(
      { name: 'study.time', args: { entryId, lessonId: lessons[0]!.id, minutes: 5, at: at() } },
      { name: 'study.time', args: { entryId, lessonId: lessons[0]!.id, minutes: 5, at: at() } },
      { name: 'activity.signIn', args: { activityId, at: at() } },
      { name: 'activity.signIn', args: { activityId, at: at() } },
    );
    const { rows } = await t.admin.query(
      `SELECT coalesce(sum(study_minutes), 0)::int AS minutes, (SELECT count(*)::int FROM user_activity_log WHERE user_id = $1 AND activity_type = 'sign_in') AS sign_ins
       FROM user_study_days WHERE user_id = $1`,
      [student.userId],
    );
    expect(rows[0]).toEqual({ minutes: 5, sign_ins: 1 });
  });
});

describe('devices whose app predates derived ids', () => {
  it('are asked to update before they push (their outbox waits), not replayed the old way', async () => {
    const student = await registerStudent(t.api);
    const answer = await t.api.post(
      '/sync/push',
      {
        deviceId: student.deviceId,
        schemaVersion: schemaVersionAt(MIGRATIONS_FOLDER, OLDEST_DEVICE_MIGRATION) - 1,
        mutations: [{ id: 1, name: 'study.time', args: { entryId: randomUUID(), lessonId: lessons[0]!.id, minutes: 5, at: at() } }],
      },
      student.tokens.accessToken,
    );
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'schema_older_than_server' } } });
    expect((await t.admin.query(`SELECT last_mutation_id FROM sync_devices WHERE id = $1`, [student.deviceId])).rows[0].last_mutation_id).toBe('0');
    expect((await t.admin.query(`SELECT count(*)::int AS n FROM user_activity_log WHERE user_id = $1`, [student.userId])).rows[0].n).toBe(0);
  });
});
