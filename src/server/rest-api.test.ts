import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseIdFor, lessonIdFor } from '../core/content/content-ids';
import {
  chatMessageResponseSchema,
  chatSessionResponseSchema,
  courseResponseSchema,
  lessonProgressResponseSchema,
} from '../shared/rest-api';
import { pullResponseSchema } from '../shared/sync';
import { registerStudent, startTestServer, type RegisteredStudent, type TestServer } from './test-harness';

/**
 * The REST API, with the very requests and answers the README shows (its clock fixed at
 * 2025-09-01T09:30:00Z, the ids those of the README).
 */

const NOW = '2025-09-01T09:30:00.000Z';
const COURSE_ID = courseIdFor('math-5-fractions');
const LESSON_ID = lessonIdFor('math-5-fractions', 'what-is-a-fraction');
const SESSION_ID = '0b8d2f64-5e1c-4a97-b3d0-9f6a1c4e7b25';
const MESSAGE_ID = 'e2a7c5d9-1f3b-4c6e-8d02-5b9f7a3e1c46';

let t: TestServer;
let masha: RegisteredStudent;
let token: string;

beforeAll(async () => {
  t = await startTestServer({ now: () => new Date(NOW) });
  masha = await registerStudent(t.api, {
    userId: '7d4f0c2e-9b1a-4e8f-a6c3-2b5d8e1f0a94',
    email: 'masha@example.org',
    username: 'masha',
    fullName: 'Маша Петрова',
    password: 'correct horse battery',
    device: { id: '3c9e5a71-0d2b-4f6e-8a14-c7b2e9d05f38', name: 'Школьный ноутбук' },
  });
  token = masha.tokens.accessToken;
});
afterAll(async () => {
  await t?.close();
});

describe('the README’s examples', () => {
  it('POST /auth/register → 201 with tokens', () => {
    expect(masha.tokens).toEqual({
      accessToken: expect.stringMatching(/^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.[\w-]+\.[\w-]{43}$/),
      accessExpiresAt: '2025-09-01T09:45:00.000Z',
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      user: { id: masha.userId, email: 'masha@example.org', username: 'masha', fullName: 'Маша Петрова', role: 'student' },
      deviceId: '3c9e5a71-0d2b-4f6e-8a14-c7b2e9d05f38',
    });
  });

  it('GET /api/courses/:courseId → the course with its lessons in order', async () => {
    const answer = await t.api.get(`/api/courses/${COURSE_ID}`, token);
    expect(answer.status).toBe(200);
    const course = courseResponseSchema.parse(answer.body);
    expect(course).toMatchObject({
      id: '28b90e11-9d5b-5cae-b529-340b14d466f3',
      title: 'Математика, 5 класс: обыкновенные дроби',
      subject: 'math',
      grade: 5,
      examType: null,
      difficulty: 'easy',
      totalLessons: 6,
      estimatedHours: 12,
      retired: false,
      enrolment: null,
    });
    expect(course.lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(course.lessons[0]).toEqual({
      id: '5f06ff85-ed16-5ef8-8a1a-22b8e8dcbf80',
      number: 1,
      title: 'Что такое дробь',
      topic: 'Числитель и знаменатель',
      description: expect.stringMatching(/^Узнаём, что такое доли/),
      status: 'not_started',
      score: null,
      mastery: 'not_started',
      retired: false,
    });
  });

  it('POST /api/chat/sessions → 201 with the session', async () => {
    const answer = await t.api.post('/api/chat/sessions', { sessionType: 'lesson', lessonId: LESSON_ID, sessionId: SESSION_ID }, token);
    expect(answer.status).toBe(201);
    expect(chatSessionResponseSchema.parse(answer.body)).toEqual({
      id: SESSION_ID,
      sessionType: 'lesson',
      courseId: COURSE_ID,
      lessonId: LESSON_ID,
      title: 'Что такое дробь',
      startedAt: NOW,
      endedAt: null,
      durationMinutes: null,
      lastMessageAt: null,
      contextData: { title: 'Что такое дробь' },
    });
  });

  it('POST /api/chat/messages → 201 with the message (a retry with the same id adds nothing)', async () => {
    const body = { sessionId: SESSION_ID, content: 'Почему у дроби 3/4 знаменатель 4?', messageId: MESSAGE_ID, timeZone: 'Europe/Moscow' };
    const answer = await t.api.post('/api/chat/messages', body, token);
    expect(answer.status).toBe(201);
    const expected = {
      id: MESSAGE_ID,
      sessionId: SESSION_ID,
      role: 'user',
      content: 'Почему у дроби 3/4 знаменатель 4?',
      ttsPlayed: false,
      createdAt: NOW,
      streaming: false,
    };
    expect(chatMessageResponseSchema.parse(answer.body)).toEqual(expected);
    expect(await t.api.post('/api/chat/messages', body, token)).toMatchObject({ status: 201, body: expected });
    expect((await t.admin.query('SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1', [SESSION_ID])).rows[0].n).toBe(1);
  });

  it('POST /api/learning-plans/lessons/progress → the lesson’s progress and the recounted enrolment', async () => {
    const answer = await t.api.post('/api/learning-plans/lessons/progress', { lessonId: LESSON_ID, score: 85, timeSpentMinutes: 25, timeZone: 'Europe/Moscow' }, token);
    expect(answer.status).toBe(200);
    expect(lessonProgressResponseSchema.parse(answer.body)).toEqual({
      lesson: { lessonId: LESSON_ID, status: 'completed', score: 85, timeSpentMinutes: 25 },
      enrolment: {
        courseId: COURSE_ID,
        status: 'active',
        completedLessons: 1,
        totalLessons: 6,
        progressPercentage: 16.67,
        currentLessonNumber: 2,
        totalStudyTimeMinutes: 25,
      },
    });
    // The course now shows where Masha stands.
    const course = await t.api.get(`/api/courses/${COURSE_ID}`, token);
    expect(course.body.enrolment).toMatchObject({ completedLessons: 1, progressPercentage: 16.67 });
    expect(course.body.lessons[0]).toMatchObject({ status: 'completed', score: 85 });
  });

  it('records what the REST API changed, so the student’s devices pull it', async () => {
    const answer = await t.api.get('/sync/pull?cursor=0.0', token);
    const { changes } = pullResponseSchema.parse(answer.body);
    const keys = changes.map((c) => `${c.table}:${c.key}`);
    expect(keys).toContain(`chat_sessions:${SESSION_ID}`);
    expect(keys).toContain(`chat_messages:${MESSAGE_ID}`);
    expect(changes.find((c) => c.table === 'user_lessons')?.row).toMatchObject({ lesson_id: LESSON_ID, score: 85, status: 'completed' });
    expect(changes.find((c) => c.table === 'user_courses')?.row).toMatchObject({ course_id: COURSE_ID, completed_lessons: 1 });
  });
});

describe('REST API errors', () => {
  it('401 without a token, on every endpoint', async () => {
    expect((await t.api.get(`/api/courses/${COURSE_ID}`)).status).toBe(401);
    expect((await t.api.post('/api/chat/sessions', { sessionType: 'interactive' })).status).toBe(401);
    expect((await t.api.post('/api/chat/messages', { sessionId: SESSION_ID, content: 'x' })).status).toBe(401);
    expect((await t.api.post('/api/learning-plans/lessons/progress', { lessonId: LESSON_ID, score: 1, timeSpentMinutes: 1 })).status).toBe(401);
  });

  it('400 for invalid bodies and ids, with the issues', async () => {
    expect(await t.api.get('/api/courses/not-a-uuid', token)).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'courseId' }] } } });
    expect(await t.api.post('/api/chat/sessions', { sessionType: 'gossip' }, token)).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', issues: [{ path: 'sessionType' }] } },
    });
    expect((await t.api.post('/api/chat/messages', { sessionId: SESSION_ID, content: '   ' }, token)).status).toBe(400);
    expect((await t.api.post('/api/chat/messages', { sessionId: SESSION_ID, content: 'x', role: 'assistant' }, token)).status).toBe(400);
    expect((await t.api.post('/api/learning-plans/lessons/progress', { lessonId: LESSON_ID, score: 101, timeSpentMinutes: 1 }, token)).status).toBe(400);
    expect((await t.api.post('/api/learning-plans/lessons/progress', { lessonId: LESSON_ID, score: 1, timeSpentMinutes: 1, userId: masha.userId }, token)).status).toBe(400);
    // A lesson of another course than the one named: the service refuses it.
    const otherCourse = courseIdFor('physics-7-motion');
    expect(await t.api.post('/api/chat/sessions', { sessionType: 'lesson', courseId: otherCourse, lessonId: LESSON_ID }, token)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
  });

  it('404 for a course, lesson or session that is not there — and a failed completion leaves nothing behind', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    expect(await t.api.get(`/api/courses/${missing}`, token)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await t.api.post('/api/chat/sessions', { sessionType: 'lesson', lessonId: missing }, token)).status).toBe(404);
    expect((await t.api.post('/api/chat/messages', { sessionId: missing, content: 'x' }, token)).status).toBe(404);
    const before = (await t.admin.query('SELECT count(*)::int AS n FROM user_activity_log WHERE user_id = $1', [masha.userId])).rows[0].n;
    expect((await t.api.post('/api/learning-plans/lessons/progress', { lessonId: missing, score: 50, timeSpentMinutes: 5 }, token)).status).toBe(404);
    expect((await t.admin.query('SELECT count(*)::int AS n FROM user_activity_log WHERE user_id = $1', [masha.userId])).rows[0].n).toBe(before);
  });

  it('a session id picked by the client is idempotent for its owner', async () => {
    const again = await t.api.post('/api/chat/sessions', { sessionType: 'lesson', lessonId: LESSON_ID, sessionId: SESSION_ID }, token);
    expect(again).toMatchObject({ status: 201, body: { id: SESSION_ID, startedAt: NOW } });
  });
});
