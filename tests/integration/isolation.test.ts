import { eq, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../src/shared/contract';
import * as schema from '../../src/core/db/schema';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import { seedCourse } from '../support/fixtures';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { ACHIEVEMENTS_FILE, describeOnEachDatabase } from '../support/test-databases';
import { installAchievements, loadAchievementCatalogue } from '../../src/core/motivation/achievement-catalogue';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * Tables with rows that belong to one student. `sign_in_guards` is left out on purpose: anybody may
 * type a wrong password for any account, and counting that is the back-off working, not a leak.
 */
const OWNED_TABLES = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .filter((t) => 'userId' in getTableColumns(t) && getTableName(t) !== 'sign_in_guards')
  .map((t) => getTableName(t));

async function rowsOf(db: Db, userId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {
    users: await executeRows(db, sql`SELECT * FROM users WHERE id = ${userId}`),
    chat_messages: await executeRows(
      db,
      sql`SELECT m.* FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = ${userId} ORDER BY m.id`,
    ),
  };
  for (const table of OWNED_TABLES) {
    out[table] = await executeRows(db, sql`SELECT * FROM ${sql.identifier(table)} WHERE user_id = ${userId} ORDER BY 1`);
  }
  return out;
}

interface StudentA {
  core: TestCore;
  courseId: string;
  lessonId: string;
  sessionId: string;
  messageId: string;
  achievementIds: string[];
  /** Strings that only A's private data contains. */
  secrets: string[];
}

/**
 * How student B calls each method with A's ids. A method added to the contract without a line here fails
 * the test: every method must show that it keeps A's data A's.
 */
const callsWithIdsOfA: Record<MethodName, (a: StudentA) => unknown> = {
  'accounts.signInScreen': () => undefined,
  'accounts.current': () => undefined,
  'accounts.register': (a) => ({ email: a.core.user!.email, username: 'someone-new', fullName: 'Кто-то', password: 'пароль-чужой' }),
  'accounts.signIn': (a) => ({ login: a.core.user!.username, password: 'угадываю-пароль' }),
  'accounts.signOut': () => undefined,
  'accounts.changePassword': () => ({ currentPassword: TEST_PASSWORD + '-A', newPassword: 'новый-пароль-B' }),
  'accounts.listAll': () => undefined,
  'accounts.create': (a) => ({ email: a.core.user!.email, username: a.core.user!.username, fullName: 'Двойник', password: 'пароль-двойника', role: 'admin' }),
  'accounts.resetPassword': (a) => ({ userId: a.core.user!.id, newPassword: 'захват-аккаунта' }),
  'accounts.setListHidden': () => ({ hidden: true }),
  'preferences.get': () => undefined,
  'preferences.update': () => ({ language: 'ru', theme: 'light' }),
  'profile.update': () => ({ fullName: 'Имя Б' }),
  'profile.setAvatar': () => ({ mimeType: 'image/png', dataBase64: PNG_1PX }),
  'profile.removeAvatar': () => undefined,
  'profile.avatar': (a) => ({ userId: a.core.user!.id }),
  'profile.exportData': () => undefined,
  'profile.deleteAccount': () => ({ password: TEST_PASSWORD + '-A' }),
  'teacher.studentsProgress': () => undefined,
  'app.info': () => undefined,
  'school.policy': () => undefined,
  'school.status': () => undefined,
  'courses.list': () => undefined,
  'courses.get': (a) => ({ courseId: a.courseId }),
  'courses.enrol': (a) => ({ courseId: a.courseId }),
  'courses.setStatus': (a) => ({ courseId: a.courseId, status: 'dropped' }),
  'lessons.get': (a) => ({ lessonId: a.lessonId }),
  'content.previewPack': () => ({ fileName: 'pack.json', text: '{}' }),
  'content.importPack': () => ({ fileName: 'pack.json', text: '{}', checksum: '0'.repeat(64) }),
  'content.importedCourses': () => undefined,
  // A's course came with the starter content (not imported): nobody withdraws it, and B (a student) may not even ask.
  'content.withdrawCourse': (a) => ({ courseId: a.courseId }),
  'exams.overview': () => undefined,
  'plans.get': (a) => ({ courseId: a.courseId }),
  'plans.generate': (a) => ({ courseId: a.courseId, targetDate: '2099-01-01', studyDays: [1, 2], minutesPerDay: 30 }),
  'homework.submit': (a) => ({ lessonId: a.lessonId, text: 'моё решение' }),
  'exercises.check': (a) => ({ lessonId: a.lessonId, exerciseId: 'ex-1', answer: { type: 'numeric', text: '2' }, attempt: 1 }),
  'catalogue.search': () => ({ query: 'урок' }),
  'progress.completeLesson': (a) => ({ lessonId: a.lessonId, score: 10, timeSpentMinutes: 1 }),
  'chat.startSession': (a) => ({ sessionType: 'lesson', lessonId: a.lessonId }),
  'chat.listSessions': () => undefined,
  'chat.sendMessage': (a) => ({ sessionId: a.sessionId, content: 'я пишу в чужой чат' }),
  'chat.listMessages': (a) => ({ sessionId: a.sessionId }),
  'chat.retry': (a) => ({ sessionId: a.sessionId }),
  'chat.stop': (a) => ({ sessionId: a.sessionId }),
  'chat.endSession': (a) => ({ sessionId: a.sessionId }),
  'chat.search': () => ({ query: 'секретный вопрос' }),
  'chat.markPlayed': (a) => ({ messageId: a.messageId }),
  'ai.getSettings': () => undefined,
  'ai.saveUserSettings': () => ({ provider: 'offline' }),
  'ai.clearUserSettings': () => undefined,
  'ai.saveComputerSettings': () => ({ provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'x', apiKey: 'ключ-бориса' }),
  // B may only ever use B's own saved key: A's is never reachable.
  'ai.checkConnection': () => ({ baseUrl: 'http://127.0.0.1:9/v1', useSavedKeyOf: 'user' }),
  'ai.embeddedModel': () => ({ modelPath: '/no/such/model.gguf' }),
  'ai.measureEmbeddedSpeed': () => ({ modelPath: '/no/such/model.gguf' }),
  'ai.chooseModelFile': () => undefined,
  'lessons.start': (a) => ({ lessonId: a.lessonId }),
  'study.recordTime': (a) => ({ lessonId: a.lessonId, minutes: 5 }),
  'homework.requestFeedback': (a) => ({ lessonId: a.lessonId }),
  'motivation.summary': () => undefined,
  'motivation.dashboard': () => undefined,
  'achievements.list': () => undefined,
  'achievements.markSeen': (a) => ({ achievementIds: a.achievementIds }),
  // Backups are the computer's, not a student's: B (one of several students, not an admin) is refused.
  'backups.list': () => undefined,
  'backups.create': () => undefined,
  'backups.restore': () => ({ id: '2026-01-01T00-00-00Z-daily' }),
  'recovery.status': () => undefined,
  'recovery.restore': () => ({ id: '2026-01-01T00-00-00Z-daily' }),
  'recovery.retry': () => undefined,
  // Sync acts for the signed-in student only; nothing answers on port 9, so the online steps fail there.
  'sync.status': () => undefined,
  'sync.now': () => undefined,
  'sync.linkRegister': () => ({ serverUrl: 'http://127.0.0.1:9', password: TEST_PASSWORD + '-A' }),
  'sync.linkSignIn': (a) => ({ serverUrl: 'http://127.0.0.1:9', login: a.core.user!.username, password: 'угадываю-пароль' }),
  'sync.signInFromServer': (a) => ({ serverUrl: 'http://127.0.0.1:9', login: a.core.user!.username, password: 'угадываю-пароль' }),
  // Admin-only: B, a student, is refused (which servers may make teachers and admins here is not B's call).
  'sync.serverTrust': () => undefined,
  'sync.setServerTrust': () => ({ serverUrl: 'http://evil.example', trusted: true }),
  'sync.unlink': () => undefined,
  'sync.rejections': () => undefined,
  'sync.dismissRejections': () => undefined,
  'sync.devices': () => undefined,
  'sync.revokeDevice': () => ({ deviceId: crypto.randomUUID() }),
  'sync.renameDevice': () => ({ deviceId: crypto.randomUUID(), name: 'Чужой компьютер' }),
  // The report counts rows of the whole computer but carries none of their contents (A's secrets are checked).
  'diagnostics.export': () => undefined,
  'review.queue': () => undefined,
  'review.answer': (a) => ({ cardKey: `concept:${a.lessonId}:${a.secrets[0] ?? 'термин'}`, rating: 4 }),
};

describeOnEachDatabase('isolation between students on one computer', (ctx) => {
  async function studentA(): Promise<StudentA> {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    await installAchievements(ctx.db, loadAchievementCatalogue(ACHIEVEMENTS_FILE));
    const core = await createTestCore(ctx.database, { as: { fullName: 'Аня Секретова' } });
    await ctx.db.update(schema.users).set({ passwordHash: (await import('bcryptjs')).default.hashSync(TEST_PASSWORD + '-A', 4) }).where(eq(schema.users.id, core.user!.id));
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 87, timeSpentMinutes: 41 });
    await core.call('preferences.update', { language: 'en', ttsSpeed: 1.7, otherSettings: { dailyGoalMinutes: 77 } });
    await core.call('profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG_1PX });
    const session = await core.call('chat.startSession', {
      sessionType: 'lesson',
      lessonId: lessonIds[0]!,
      exerciseId: 'ex-1',
      attempt: { answer: 'ответ-ани-42', correct: false, tries: 1 },
    });
    const { message } = await core.call('chat.sendMessage', { sessionId: session.id, content: 'секретный-вопрос-ани' });
    await core.replies.idle();
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'домашка-ани-секрет' });
    await core.call('homework.requestFeedback', { lessonId: lessonIds[0]! });
    await core.call('ai.saveUserSettings', { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'модель-ани', apiKey: 'ключ-ани-секрет' });
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 13 });
    const achievementIds = (await core.call('achievements.list')).filter((x) => x.unlockedAt).map((x) => x.id);
    await core.call('plans.generate', { courseId, targetDate: '2098-03-17', studyDays: [6], minutesPerDay: 37 });
    return {
      core,
      courseId,
      lessonId: lessonIds[0]!,
      sessionId: session.id,
      messageId: message.id,
      achievementIds,
      secrets: ['модель-ани', 'ключ-ани-секрет', 'вопрос-ани', core.user!.email, session.id, message.id, 'секретный-вопрос-ани', 'ответ-ани-42', '"score":87', '"timeSpentMinutes":41', '"dailyGoalMinutes":77', '"ttsSpeed":1.7', 'домашка-ани-секрет', '2098-03-17', '"minutesPerDay":37'],
    };
  }

  it('student B calls every method with A’s ids: none of A’s private rows is returned or changed', async () => {
    const a = await studentA();
    const b = await createTestCore(ctx.database, { as: { fullName: 'Борис' } });
    const before = await rowsOf(ctx.db, a.core.user!.id);

    for (const method of methodNames) {
      const build = callsWithIdsOfA[method];
      expect(build, `no isolation case for ${method}: add one to callsWithIdsOfA`).toBeTypeOf('function');
      const result = await b.raw(method, build(a));
      const text = JSON.stringify(result);
      for (const secret of a.secrets) expect({ method, leaked: text.includes(secret) ? secret : null }).toEqual({ method, leaked: null });
      expect({ method, rowsOfA: await rowsOf(ctx.db, a.core.user!.id) }).toEqual({ method, rowsOfA: before });
      expect(a.core.session.currentUserId).toBe(a.core.user!.id);
      // Keep B signed in for the next method (signOut and a failed deleteAccount must not leave A in charge).
      if (!b.session.currentUserId) b.session.signIn(b.user!);
      expect(b.session.currentUserId).toBe(b.user!.id);
    }

    // B's own view of A's course shows only B's progress.
    const course = await b.call('courses.get', { courseId: a.courseId });
    expect(course.lessons[0]).toMatchObject({ status: 'completed', score: 10 });
    const aView = await a.core.call('courses.get', { courseId: a.courseId });
    expect(aView.lessons[0]).toMatchObject({ status: 'completed', score: 87 });
  });

  it('every method has an isolation case, and no case is left for a method that no longer exists', () => {
    expect(Object.keys(callsWithIdsOfA).sort()).toEqual([...methodNames].sort());
  });

  it('with the sign-in list hidden, A’s picture is A’s alone', async () => {
    const a = await studentA();
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const b = await createTestCore(ctx.database);
    expect((await b.call('profile.avatar', { userId: a.core.user!.id })).dataUrl).not.toBeNull();
    await admin.call('accounts.setListHidden', { hidden: true });
    expect(await b.call('profile.avatar', { userId: a.core.user!.id })).toEqual({ dataUrl: null });
    expect((await a.core.call('profile.avatar', { userId: a.core.user!.id })).dataUrl).not.toBeNull();
  });
});
