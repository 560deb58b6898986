import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../core/db/schema-version';
import { pullResponseSchema, pushResponseSchema, type MutationEnvelope, type RowChange } from '../shared/sync';
import { MIGRATIONS_FOLDER } from './paths';
import { registerStudent, signInOnNewDevice, startTestServer, type RegisteredStudent, type TestServer } from './test-harness';
import { connectClient } from '../core/db/pg-connections';

const PAGE_ROWS = 40;
const SCHEMA_VERSION = schemaVersionOf(MIGRATIONS_FOLDER);

let t: TestServer;
let lesson: { id: string; courseId: string };
let otherLesson: { id: string; courseId: string };

beforeAll(async () => {
  t = await startTestServer({ pullPageRows: PAGE_ROWS });
  const { rows } = await t.admin.query<{ id: string; course_id: string }>(
    `SELECT l.id, l.course_id FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.exam_type IS NULL ORDER BY c.title, l.lesson_number LIMIT 2`,
  );
  lesson = { id: rows[0]!.id, courseId: rows[0]!.course_id };
  otherLesson = { id: rows[1]!.id, courseId: rows[1]!.course_id };
});
afterAll(async () => {
  await t?.close();
});

const at = () => new Date().toISOString();

function push(student: { deviceId: string; tokens: { accessToken: string } }, mutations: MutationEnvelope[], overrides: Record<string, unknown> = {}) {
  return t.api.post('/sync/push', { deviceId: student.deviceId, schemaVersion: SCHEMA_VERSION, mutations, ...overrides }, student.tokens.accessToken);
}

/** Pull page after page until nothing more waits; the changes of all pages, latest per row. */
async function pullAll(token: string, cursor = '0.0') {
  const changes = new Map<string, RowChange>();
  let pages = 0;
  for (;;) {
    const answer = await t.api.get(`/sync/pull?cursor=${cursor}`, token);
    expect(answer.status).toBe(200);
    const page = pullResponseSchema.parse(answer.body);
    pages++;
    for (const change of page.changes) changes.set(`${change.table}:${change.key}`, change);
    cursor = page.cursor;
    if (!page.more) return { changes: [...changes.values()], cursor, pages, lastMutationId: page.lastMutationId };
  }
}

const rowsOf = (changes: RowChange[], table: string) => changes.filter((c) => c.table === table);

/** A student with a course, a completed lesson and a chat, pushed from the first device. */
async function studentWithHistory(): Promise<RegisteredStudent & { sessionId: string; messageId: string }> {
  const student = await registerStudent(t.api);
  const sessionId = randomUUID();
  const messageId = randomUUID();
  const answer = await push(student, [
    { id: 1, name: 'profile.update', args: { fullName: 'Ада Лавлейс', at: at() } },
    { id: 2, name: 'course.enrol', args: { courseId: lesson.courseId, at: at(), timeZone: 'Europe/Moscow' } },
    { id: 3, name: 'lesson.complete', args: { lessonId: lesson.id, score: 80, timeSpentMinutes: 12, at: at(), timeZone: 'Europe/Moscow' } },
    { id: 4, name: 'chat.startSession', args: { sessionId, sessionType: 'interactive', courseId: null, lessonId: null, contextData: {}, at: at() } },
    { id: 5, name: 'chat.appendMessage', args: { messageId, sessionId, role: 'user', content: 'Что такое дробь?', at: at() } },
  ]);
  expect(answer).toMatchObject({ status: 200, body: { lastMutationId: 5, rejected: [] } });
  return { ...student, sessionId, messageId };
}

describe('POST /sync/push', () => {
  it('applies a batch with the core services, in one transaction, and advances the device', async () => {
    const student = await studentWithHistory();
    expect(pushResponseSchema.parse((await push(student, [{ id: 6, name: 'study.time', args: { entryId: randomUUID(), lessonId: lesson.id, minutes: 5, at: at() } }])).body)).toEqual({
      lastMutationId: 6,
      rejected: [],
    });
    const { rows } = await t.admin.query(
      `SELECT u.full_name, ul.score, ul.status, uc.completed_lessons, d.last_mutation_id,
         (SELECT count(*)::int FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = u.id) AS messages
       FROM users u JOIN user_lessons ul ON ul.user_id = u.id JOIN user_courses uc ON uc.user_id = u.id
       JOIN sync_devices d ON d.user_id = u.id WHERE u.id = $1`,
      [student.userId],
    );
    expect(rows).toEqual([{ full_name: 'Ада Лавлейс', score: 80, status: 'completed', completed_lessons: 1, last_mutation_id: '6', messages: 1 }]);
  });

  it('skips ids it has already applied: a retried batch changes nothing', async () => {
    const student = await studentWithHistory();
    const count = async () =>
      (await t.admin.query('SELECT count(*)::int AS n FROM user_activity_log WHERE user_id = $1', [student.userId])).rows[0].n as number;
    const before = await count();
    const retried = await push(student, [
      { id: 3, name: 'lesson.complete', args: { lessonId: lesson.id, score: 80, timeSpentMinutes: 12, at: at() } },
      { id: 5, name: 'chat.appendMessage', args: { messageId: randomUUID(), sessionId: student.sessionId, role: 'user', content: 'again', at: at() } },
    ]);
    expect(retried).toMatchObject({ status: 200, body: { lastMutationId: 5, rejected: [] } });
    expect(await count()).toBe(before);
    // Overlapping batches apply only the new part.
    const overlapping = await push(student, [
      { id: 5, name: 'profile.update', args: { fullName: 'Ignored', at: at() } },
      { id: 6, name: 'profile.update', args: { fullName: 'Applied', at: at() } },
    ]);
    expect(overlapping.body).toEqual({ lastMutationId: 6, rejected: [] });
    expect((await t.admin.query('SELECT full_name FROM users WHERE id = $1', [student.userId])).rows[0].full_name).toBe('Applied');
  });

  it('applies a batch once when it arrives twice at the same time, and lets two devices push together', async () => {
    const student = await registerStudent(t.api);
    const second = await signInOnNewDevice(t.api, student);
    const batch: MutationEnvelope[] = [
      { id: 1, name: 'lesson.complete', args: { lessonId: lesson.id, score: 60, timeSpentMinutes: 7, at: at() } },
      { id: 2, name: 'study.time', args: { entryId: randomUUID(), lessonId: lesson.id, minutes: 3, at: at() } },
    ];
    const answers = await Promise.all([
      push(student, batch),
      push(student, batch),
      push({ deviceId: second.deviceId, tokens: second.tokens }, [
        { id: 1, name: 'study.time', args: { entryId: randomUUID(), lessonId: otherLesson.id, minutes: 4, at: at() } },
      ]),
    ]);
    expect(answers.map((a) => [a.status, a.body.lastMutationId])).toEqual([
      [200, 2],
      [200, 2],
      [200, 1],
    ]);
    const { rows } = await t.admin.query(
      `SELECT activity_type, count(*)::int AS n FROM user_activity_log WHERE user_id = $1 AND activity_type IN ('lesson_completed', 'study_time')
       GROUP BY 1 ORDER BY 1`,
      [student.userId],
    );
    expect(rows).toEqual([
      { activity_type: 'lesson_completed', n: 1 },
      { activity_type: 'study_time', n: 2 },
    ]);
  });

  it('refuses a gap with 409 and the last applied id, applying nothing of the batch', async () => {
    const student = await studentWithHistory();
    const answer = await push(student, [
      { id: 6, name: 'profile.update', args: { fullName: 'Six', at: at() } },
      { id: 8, name: 'profile.update', args: { fullName: 'Eight', at: at() } },
    ]);
    // The answer names what the server really holds: 5 (6 went with the refused batch).
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'mutation_gap', lastMutationId: 5 } } });
    expect(answer.body.error.message).toMatch(/7/);
    // One transaction per batch: not even mutation 6 stayed.
    const { rows } = await t.admin.query('SELECT u.full_name, d.last_mutation_id FROM users u JOIN sync_devices d ON d.user_id = u.id WHERE u.id = $1', [student.userId]);
    expect(rows[0]).toEqual({ full_name: 'Ада Лавлейс', last_mutation_id: '5' });
  });

  it('records and acknowledges mutations that can never succeed, so the queue moves on', async () => {
    const student = await registerStudent(t.api);
    const answer = await push(student, [
      { id: 1, name: 'lesson.complete', args: { lessonId: randomUUID(), score: 90, timeSpentMinutes: 3, at: at() } },
      { id: 2, name: 'lesson.complete', args: { lessonId: 'not-a-uuid', score: 900 } },
      { id: 3, name: 'no.such.mutation', args: {} },
      { id: 4, name: 'profile.update', args: { fullName: 'Still applied', at: at() } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.lastMutationId).toBe(4);
    expect(answer.body.rejected.map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
    expect(answer.body.rejected[0].reason).toMatch(/not_found/);
    const { rows } = await t.admin.query('SELECT mutation_id, name FROM sync_rejected_mutations WHERE device_id = $1 ORDER BY mutation_id', [student.deviceId]);
    expect(rows).toEqual([
      { mutation_id: '1', name: 'lesson.complete' },
      { mutation_id: '2', name: 'lesson.complete' },
      { mutation_id: '3', name: 'no.such.mutation' },
    ]);
    expect((await t.admin.query('SELECT full_name FROM users WHERE id = $1', [student.userId])).rows[0].full_name).toBe('Still applied');
  });

  it('refuses a body naming another device than the token (403), a newer schema (409) and a malformed batch (400)', async () => {
    const a = await registerStudent(t.api);
    const b = await registerStudent(t.api);
    const mutation = { id: 1, name: 'profile.update', args: { fullName: 'X', at: at() } };
    expect(await push(a, [mutation], { deviceId: b.deviceId })).toMatchObject({ status: 403, body: { error: { code: 'wrong_device' } } });
    expect(await push(a, [mutation], { deviceId: randomUUID() })).toMatchObject({ status: 403, body: { error: { code: 'wrong_device' } } });
    expect(await push(a, [mutation], { schemaVersion: SCHEMA_VERSION + 1 })).toMatchObject({
      status: 409,
      body: { error: { code: 'schema_newer_than_server', serverSchemaVersion: SCHEMA_VERSION } },
    });
    expect((await push(a, [])).status).toBe(400);
    expect((await push(a, [{ id: 0, name: 'x', args: {} }])).status).toBe(400);
    expect((await push(a, [mutation], { userId: b.userId })).status).toBe(400); // no user in a body, ever
    // B's data never changed; A's did nothing either.
    expect((await t.admin.query('SELECT last_mutation_id FROM sync_devices WHERE id = ANY($1) ORDER BY 1', [[a.deviceId, b.deviceId]])).rows).toEqual([
      { last_mutation_id: '0' },
      { last_mutation_id: '0' },
    ]);
  });
});

describe('GET /sync/pull', () => {
  it('returns the catalogue and the student’s own rows (a second computer downloads them), never the password hash', async () => {
    const student = await studentWithHistory();
    const second = await signInOnNewDevice(t.api, student);
    const { changes, lastMutationId, cursor } = await pullAll(second.tokens.accessToken);
    expect(lastMutationId).toBe(0); // nothing pushed from the new device yet
    expect(cursor).toMatch(/^\d+\.\d+\.\d+$/);

    const courses = (await t.admin.query('SELECT count(*)::int AS n FROM courses')).rows[0].n;
    const lessons = (await t.admin.query('SELECT count(*)::int AS n FROM lessons')).rows[0].n;
    expect(rowsOf(changes, 'courses')).toHaveLength(courses);
    expect(rowsOf(changes, 'lessons')).toHaveLength(lessons);
    expect(rowsOf(changes, 'achievements').length).toBeGreaterThan(0);

    const [user] = rowsOf(changes, 'users');
    expect(user).toMatchObject({ key: student.userId, deleted: false, row: { id: student.userId, full_name: 'Ада Лавлейс' } });
    expect(user!.row).not.toHaveProperty('password_hash');
    expect(rowsOf(changes, 'user_preferences')).toHaveLength(1);
    expect(rowsOf(changes, 'user_lessons')).toEqual([expect.objectContaining({ row: expect.objectContaining({ lesson_id: lesson.id, score: 80, user_id: student.userId }) })]);
    expect(rowsOf(changes, 'chat_sessions').map((c) => c.key)).toEqual([student.sessionId]);
    expect(rowsOf(changes, 'chat_messages').map((c) => c.key)).toEqual([student.messageId]);
    expect(rowsOf(changes, 'user_activity_log').length).toBeGreaterThan(0);

    // The first device has pushed 5 mutations: its pull says so.
    expect((await pullAll(student.tokens.accessToken)).lastMutationId).toBe(5);
  });

  it('never returns another student’s rows', async () => {
    const a = await studentWithHistory();
    const b = await studentWithHistory();
    const { changes } = await pullAll(b.tokens.accessToken);
    const text = JSON.stringify(changes);
    expect(text).not.toContain(a.userId);
    expect(text).not.toContain(a.sessionId);
    const own = changes.filter((c) => !['courses', 'lessons', 'achievements'].includes(c.table));
    for (const change of own) {
      const row = change.row!;
      const owner = change.table === 'users' ? row.id : change.table === 'chat_messages' ? b.userId : row.user_id;
      expect(owner, `${change.table} ${change.key}`).toBe(b.userId);
    }
  });

  it('returns only what changed since the cursor, and deletions', async () => {
    const student = await studentWithHistory();
    const first = await pullAll(student.tokens.accessToken);
    expect((await pullAll(student.tokens.accessToken, first.cursor)).changes).toEqual([]);

    await push(student, [{ id: 6, name: 'profile.update', args: { fullName: 'Новое имя', at: at() } }]);
    const next = await pullAll(student.tokens.accessToken, first.cursor);
    expect(next.changes.map((c) => c.table)).toContain('users');
    expect(next.changes.every((c) => c.table !== 'courses' && c.table !== 'lessons')).toBe(true);
    expect(next.lastMutationId).toBe(6);

    // A row deleted on the server (here by an operator; the server's own connections track changes).
    const tracked = await connectClient({ connectionString: t.database.url, options: '-c teacher.track_changes=on' });
    await tracked.query('DELETE FROM chat_sessions WHERE id = $1', [student.sessionId]);
    await tracked.end();
    const afterDelete = await pullAll(student.tokens.accessToken, next.cursor);
    expect(afterDelete.changes).toContainEqual({ table: 'chat_sessions', key: student.sessionId, deleted: true, row: null });
  });

  it('pages with `more`, and the pages add up to everything', async () => {
    const student = await studentWithHistory();
    const first = await t.api.get('/sync/pull?cursor=0.0', student.tokens.accessToken);
    expect(first.body.more).toBe(true);
    const paged = await pullAll(student.tokens.accessToken);
    expect(paged.pages).toBeGreaterThanOrEqual(2);
    const keys = (changes: RowChange[]) => changes.map((c) => `${c.table}:${c.key}`).sort();
    const total = (await t.admin.query(
      `SELECT count(*)::int AS n FROM sync_changes WHERE scope_id IN ($1, '00000000-0000-0000-0000-000000000000')`,
      [student.userId],
    )).rows[0].n;
    expect(keys(paged.changes)).toHaveLength(total);
    expect(new Set(keys(paged.changes)).size).toBe(total);
  });

  it('answers 400 for a missing or malformed cursor', async () => {
    const student = await registerStudent(t.api);
    expect((await t.api.get('/sync/pull', student.tokens.accessToken)).status).toBe(400);
    expect((await t.api.get('/sync/pull?cursor=abc', student.tokens.accessToken)).status).toBe(400);
    expect((await t.api.get('/sync/pull?cursor=-1.0', student.tokens.accessToken)).status).toBe(400);
  });
});

describe('one student can never reach another’s rows', () => {
  it('through push: another student’s session can be neither written to, ended nor taken over', async () => {
    const a = await studentWithHistory();
    const b = await registerStudent(t.api);
    const answer = await push(b, [
      { id: 1, name: 'chat.appendMessage', args: { messageId: randomUUID(), sessionId: a.sessionId, role: 'user', content: 'hijack', at: at() } },
      { id: 2, name: 'chat.endSession', args: { sessionId: a.sessionId, at: at() } },
      { id: 3, name: 'chat.startSession', args: { sessionId: a.sessionId, sessionType: 'voice', courseId: null, lessonId: null, contextData: {}, at: at() } },
      { id: 4, name: 'chat.markPlayed', args: { messageId: a.messageId, at: at() } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.rejected.map((r: { id: number }) => r.id)).toEqual([1, 2, 3, 4]);
    const { rows } = await t.admin.query(
      `SELECT s.user_id, s.session_type, s.ended_at, (SELECT count(*)::int FROM chat_messages m WHERE m.session_id = s.id) AS messages,
         (SELECT bool_or(tts_played) FROM chat_messages m WHERE m.session_id = s.id) AS played
       FROM chat_sessions s WHERE s.id = $1`,
      [a.sessionId],
    );
    expect(rows).toEqual([{ user_id: a.userId, session_type: 'interactive', ended_at: null, messages: 1, played: false }]);
  });

  it('through the REST API: another student’s session is a 404, and a course shows only one’s own progress', async () => {
    const a = await studentWithHistory();
    const b = await registerStudent(t.api);
    expect(await t.api.post('/api/chat/messages', { sessionId: a.sessionId, content: 'hijack' }, b.tokens.accessToken)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    const course = await t.api.get(`/api/courses/${lesson.courseId}`, b.tokens.accessToken);
    expect(course.body.enrolment).toBeNull();
    expect(course.body.lessons.every((l: { status: string }) => l.status === 'not_started')).toBe(true);
    const own = await t.api.get(`/api/courses/${lesson.courseId}`, a.tokens.accessToken);
    expect(own.body.enrolment).toMatchObject({ completedLessons: 1 });
  });

  it('through tokens: a token’s user is the only user, whatever a body says', async () => {
    const a = await studentWithHistory();
    const b = await registerStudent(t.api);
    // B completing a lesson changes B's progress, never A's.
    await t.api.post('/api/learning-plans/lessons/progress', { lessonId: otherLesson.id, score: 100, timeSpentMinutes: 1 }, b.tokens.accessToken);
    const { rows } = await t.admin.query('SELECT user_id FROM user_lessons WHERE lesson_id = $1 ORDER BY user_id', [otherLesson.id]);
    expect(rows.map((r) => r.user_id)).toEqual([b.userId]);
    expect((await t.admin.query('SELECT count(*)::int AS n FROM user_lessons WHERE user_id = $1', [a.userId])).rows[0].n).toBe(1);
  });
});
