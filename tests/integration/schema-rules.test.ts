import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  achievements,
  chatMessages,
  chatSessions,
  courses,
  examCourses,
  learningPlans,
  lessons,
  outbox,
  userAchievements,
  userActivityLog,
  reviewLog,
  userCourses,
  userLessons,
  userPreferences,
  users,
} from '../../src/core/db/schema';
import type { Db } from '../../src/core/db/types';
import { describeOnEachDatabase } from '../support/test-databases';

/**
 * The rules the database itself enforces (docs/architecture.md §3): CHECK constraints, UNIQUE keys, ON DELETE
 * behaviour and the triggers. Run on PGlite and on PostgreSQL 15, since both must refuse the same data.
 */

const OLD = new Date('2020-01-01T00:00:00Z');

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  // node-postgres answers a QueryResult, PGlite a Results object: both carry `rows`.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** SQLSTATE and constraint name of a failed statement; drizzle wraps the driver's error in `cause`. */
function dbError(error: unknown): { code?: string; constraint?: string } {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
  }
  return {};
}

/** Expect the statement to be refused with this SQLSTATE (and, when given, by this constraint). */
async function expectRefused(statement: PromiseLike<unknown>, code: string, constraint?: string): Promise<void> {
  const outcome = await Promise.resolve(statement).then(
    () => ({ refused: false as const }),
    (error: unknown) => ({ refused: true as const, ...dbError(error) }),
  );
  expect(outcome).toEqual({ refused: true, code, ...(constraint ? { constraint } : {}) });
}

const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

let counter = 0;
const next = () => ++counter;

function newUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(users)
    .values({ email: `user${n}@example.com`, username: `user${n}`, passwordHash: 'x', fullName: `User ${n}`, ...overrides })
    .returning()
    .then(([row]) => row!);
}

function newCourse(db: Db, overrides: Partial<typeof courses.$inferInsert> = {}) {
  return db
    .insert(courses)
    .values({ title: `Course ${next()}`, subject: 'math', grade: 5, ...overrides })
    .returning()
    .then(([row]) => row!);
}

function newLesson(db: Db, courseId: string, lessonNumber: number, overrides: Partial<typeof lessons.$inferInsert> = {}) {
  return db
    .insert(lessons)
    .values({ courseId, lessonNumber, title: `Lesson ${lessonNumber}`, ...overrides })
    .returning()
    .then(([row]) => row!);
}

/** One student with a row in every table of the data model; `at` back-dates created_at/updated_at. */
async function seedWorld(db: Db, at?: Date) {
  const stamps = at ? { createdAt: at, updatedAt: at } : {};
  const user = await newUser(db, stamps);
  const preferences = await db.insert(userPreferences).values({ userId: user.id, ...stamps }).returning().then(([r]) => r!);
  const course = await newCourse(db, stamps);
  const lesson = await newLesson(db, course.id, 1, stamps);
  const enrolment = await db.insert(userCourses).values({ userId: user.id, courseId: course.id, ...stamps }).returning().then(([r]) => r!);
  const progress = await db
    .insert(userLessons)
    .values({ userId: user.id, lessonId: lesson.id, userCourseId: enrolment.id, status: 'in_progress', ...stamps })
    .returning()
    .then(([r]) => r!);
  const plan = await db.insert(learningPlans).values({ userId: user.id, courseId: course.id, ...stamps }).returning().then(([r]) => r!);
  const session = await db
    .insert(chatSessions)
    .values({ userId: user.id, courseId: course.id, lessonId: lesson.id, sessionType: 'lesson', ...stamps })
    .returning()
    .then(([r]) => r!);
  const message = await db
    .insert(chatMessages)
    .values({ sessionId: session.id, role: 'user', content: 'Привет', ...stamps })
    .returning()
    .then(([r]) => r!);
  const exam = await db
    .insert(examCourses)
    .values({ userId: user.id, examType: 'ЕГЭ', subject: 'math', ...stamps })
    .returning()
    .then(([r]) => r!);
  const achievement = await db
    .insert(achievements)
    .values({ name: `first-${next()}`, title: 'Первый урок', criteriaType: 'lessons_completed', criteriaValue: 1, ...stamps })
    .returning()
    .then(([r]) => r!);
  const unlocked = await db
    .insert(userAchievements)
    .values({ userId: user.id, achievementId: achievement.id, ...stamps })
    .returning()
    .then(([r]) => r!);
  const activity = await db
    .insert(userActivityLog)
    .values({ userId: user.id, activityType: 'lesson_started', courseId: course.id, lessonId: lesson.id, ...stamps })
    .returning()
    .then(([r]) => r!);
  await db.insert(outbox).values({ userId: user.id, mutationId: 1, name: 'test.mutation', args: {} });
  return { user, preferences, course, lesson, enrolment, progress, plan, session, message, exam, achievement, unlocked, activity };
}
type World = Awaited<ReturnType<typeof seedWorld>>;

/** Rows per table that belong to `userId` (directly, or through the session for messages). */
async function userRowCounts(db: Db, userId: string) {
  const [counts] = await rows<Record<string, number>>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM users WHERE id = ${userId}) AS users,
      (SELECT count(*)::int FROM user_preferences WHERE user_id = ${userId}) AS user_preferences,
      (SELECT count(*)::int FROM user_courses WHERE user_id = ${userId}) AS user_courses,
      (SELECT count(*)::int FROM user_lessons WHERE user_id = ${userId}) AS user_lessons,
      (SELECT count(*)::int FROM learning_plans WHERE user_id = ${userId}) AS learning_plans,
      (SELECT count(*)::int FROM chat_sessions WHERE user_id = ${userId}) AS chat_sessions,
      (SELECT count(*)::int FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id WHERE s.user_id = ${userId}) AS chat_messages_via_session,
      (SELECT count(*)::int FROM exam_courses WHERE user_id = ${userId}) AS exam_courses,
      (SELECT count(*)::int FROM user_achievements WHERE user_id = ${userId}) AS user_achievements,
      (SELECT count(*)::int FROM user_activity_log WHERE user_id = ${userId}) AS user_activity_log,
      (SELECT count(*)::int FROM outbox WHERE user_id = ${userId}) AS outbox`,
  );
  return counts!;
}

const totalLessonsOf = async (db: Db, courseId: string) =>
  (await db.select({ n: courses.totalLessons }).from(courses).where(eq(courses.id, courseId)))[0]?.n;

/** A statement that breaks one CHECK, and the constraint that must refuse it. */
type CheckCase = [description: string, constraint: string, statement: (db: Db, w: World) => PromiseLike<unknown>];

const CHECK_CASES: CheckCase[] = [
  // users
  ['users.role = hacker', 'users_role_check', (db) => newUser(db, { role: 'hacker' })],
  ['users.total_points < 0', 'users_total_points_check', (db) => newUser(db, { totalPoints: -1 })],
  ['users.level = 0', 'users_level_check', (db) => newUser(db, { level: 0 })],
  ['users.longest_streak_days < 0', 'users_longest_streak_days_check', (db) => newUser(db, { longestStreakDays: -1 })],
  ['users.total_lessons_completed < 0', 'users_total_lessons_completed_check', (db) => newUser(db, { totalLessonsCompleted: -1 })],
  [
    'an UPDATE that takes total_points below zero',
    'users_total_points_check',
    (db, w) => db.execute(sql`UPDATE users SET total_points = total_points - 1 WHERE id = ${w.user.id}`),
  ],
  // user_preferences
  ['user_preferences.theme = neon', 'user_preferences_theme_check', (db, w) => db.update(userPreferences).set({ theme: 'neon' }).where(eq(userPreferences.userId, w.user.id))],
  ['user_preferences.language = de', 'user_preferences_language_check', (db, w) => db.update(userPreferences).set({ language: 'de' }).where(eq(userPreferences.userId, w.user.id))],
  ['user_preferences.tts_speed = 2.5', 'user_preferences_tts_speed_check', (db, w) => db.update(userPreferences).set({ ttsSpeed: 2.5 }).where(eq(userPreferences.userId, w.user.id))],
  ['user_preferences.tts_speed = 0.4', 'user_preferences_tts_speed_check', (db, w) => db.update(userPreferences).set({ ttsSpeed: 0.4 }).where(eq(userPreferences.userId, w.user.id))],
  // courses
  ['courses.grade = 12', 'courses_grade_check', (db) => newCourse(db, { grade: 12 })],
  ['courses.grade = 0', 'courses_grade_check', (db) => newCourse(db, { grade: 0 })],
  ['courses.exam_type = SAT', 'courses_exam_type_check', (db) => newCourse(db, { grade: null, examType: 'SAT' })],
  ['courses.subject = astrology', 'courses_subject_check', (db) => newCourse(db, { subject: 'astrology' })],
  ['courses.difficulty_level = extreme', 'courses_difficulty_level_check', (db) => newCourse(db, { difficultyLevel: 'extreme' })],
  ['courses.estimated_hours < 0', 'courses_estimated_hours_check', (db) => newCourse(db, { estimatedHours: -1 })],
  // lessons
  ['lessons.lesson_number = 0', 'lessons_lesson_number_check', (db, w) => newLesson(db, w.course.id, 0)],
  // user_courses
  ['user_courses.progress_percentage = 120', 'user_courses_progress_percentage_check', (db, w) => db.update(userCourses).set({ progressPercentage: 120 }).where(eq(userCourses.id, w.enrolment.id))],
  ['user_courses.progress_percentage < 0', 'user_courses_progress_percentage_check', (db, w) => db.update(userCourses).set({ progressPercentage: -0.01 }).where(eq(userCourses.id, w.enrolment.id))],
  ['user_courses.status = archived', 'user_courses_status_check', (db, w) => db.update(userCourses).set({ status: 'archived' }).where(eq(userCourses.id, w.enrolment.id))],
  ['user_courses.completed_lessons < 0', 'user_courses_completed_lessons_check', (db, w) => db.update(userCourses).set({ completedLessons: -1 }).where(eq(userCourses.id, w.enrolment.id))],
  ['user_courses.current_lesson_number = 0', 'user_courses_current_lesson_number_check', (db, w) => db.update(userCourses).set({ currentLessonNumber: 0 }).where(eq(userCourses.id, w.enrolment.id))],
  ['user_courses.total_study_time_minutes < 0', 'user_courses_total_study_time_minutes_check', (db, w) => db.update(userCourses).set({ totalStudyTimeMinutes: -5 }).where(eq(userCourses.id, w.enrolment.id))],
  // user_lessons
  ['user_lessons.score = 101', 'user_lessons_score_check', (db, w) => db.update(userLessons).set({ score: 101 }).where(eq(userLessons.id, w.progress.id))],
  ['user_lessons.score = -1', 'user_lessons_score_check', (db, w) => db.update(userLessons).set({ score: -1 }).where(eq(userLessons.id, w.progress.id))],
  ['user_lessons.status = failed', 'user_lessons_status_check', (db, w) => db.update(userLessons).set({ status: 'failed' }).where(eq(userLessons.id, w.progress.id))],
  ['user_lessons.time_spent_minutes < 0', 'user_lessons_time_spent_minutes_check', (db, w) => db.update(userLessons).set({ timeSpentMinutes: -1 }).where(eq(userLessons.id, w.progress.id))],
  // chat
  ['chat_sessions.session_type = party', 'chat_sessions_session_type_check', (db, w) => db.insert(chatSessions).values({ userId: w.user.id, sessionType: 'party' })],
  ['chat_sessions.duration_minutes < 0', 'chat_sessions_duration_minutes_check', (db, w) => db.update(chatSessions).set({ durationMinutes: -1 }).where(eq(chatSessions.id, w.session.id))],
  [
    'chat_sessions ended before it started',
    'chat_sessions_ended_after_started_check',
    (db, w) => db.execute(sql`UPDATE chat_sessions SET ended_at = started_at - interval '1 minute' WHERE id = ${w.session.id}`),
  ],
  ['chat_messages.role = robot', 'chat_messages_role_check', (db, w) => db.insert(chatMessages).values({ sessionId: w.session.id, role: 'robot', content: 'beep' })],
  // exam_courses
  ['exam_courses.exam_type = SAT', 'exam_courses_exam_type_check', (db, w) => db.insert(examCourses).values({ userId: w.user.id, examType: 'SAT', subject: 'math' })],
  ['exam_courses.subject = astrology', 'exam_courses_subject_check', (db, w) => db.insert(examCourses).values({ userId: w.user.id, examType: 'ОГЭ', subject: 'astrology' })],
  ['exam_courses.progress_percentage = 101', 'exam_courses_progress_percentage_check', (db, w) => db.update(examCourses).set({ progressPercentage: 101 }).where(eq(examCourses.id, w.exam.id))],
  ['exam_courses.topics_completed > total_topics', 'exam_courses_topics_completed_check', (db, w) => db.update(examCourses).set({ topicsCompleted: 51 }).where(eq(examCourses.id, w.exam.id))],
  ['exam_courses.topics_completed < 0', 'exam_courses_topics_completed_check', (db, w) => db.update(examCourses).set({ topicsCompleted: -1 }).where(eq(examCourses.id, w.exam.id))],
  ['exam_courses.total_topics = 0', 'exam_courses_total_topics_check', (db, w) => db.insert(examCourses).values({ userId: w.user.id, examType: 'ОГЭ', subject: 'physics', totalTopics: 0 })],
  // achievements and activity
  ['achievements.criteria_type = unknown', 'achievements_criteria_type_check', (db) => db.insert(achievements).values({ name: 'x', title: 'X', criteriaType: 'unknown', criteriaValue: 1 })],
  ['achievements.criteria_value < 0', 'achievements_criteria_value_check', (db) => db.insert(achievements).values({ name: 'x', title: 'X', criteriaType: 'streak_days', criteriaValue: -1 })],
  ['achievements.points_reward < 0', 'achievements_points_reward_check', (db) => db.insert(achievements).values({ name: 'x', title: 'X', criteriaType: 'streak_days', criteriaValue: 3, pointsReward: -10 })],
  ['user_activity_log.activity_type = hacking', 'user_activity_log_activity_type_check', (db, w) => db.insert(userActivityLog).values({ userId: w.user.id, activityType: 'hacking' })],
  ...([0, 5] as const).map((rating): CheckCase => [
    `review_log.rating = ${rating}`,
    'review_log_rating_check',
    (db, w) => db.insert(reviewLog).values({ id: crypto.randomUUID(), userId: w.user.id, cardKey: 'concept:x:y', rating, reviewedAt: new Date() }),
  ]),
];

describeOnEachDatabase('database rules', (ctx) => {
  describe('CHECK constraints', () => {
    it.each(CHECK_CASES)('refuses %s', async (_description, constraint, statement) => {
      const world = await seedWorld(ctx.db);
      await expectRefused(statement(ctx.db, world), CHECK_VIOLATION, constraint);
    });

    it('accepts the boundary values', async () => {
      const w = await seedWorld(ctx.db);
      await newUser(ctx.db, { role: 'admin', level: 1, totalPoints: 0 });
      await newCourse(ctx.db, { grade: 1 });
      await newCourse(ctx.db, { grade: 11 });
      await newCourse(ctx.db, { grade: null, examType: 'ОГЭ', difficultyLevel: 'hard' });
      for (const ttsSpeed of [0.5, 2.0]) {
        await ctx.db.update(userPreferences).set({ ttsSpeed }).where(eq(userPreferences.userId, w.user.id));
      }
      for (const progressPercentage of [0, 100, 33.33]) {
        await ctx.db.update(userCourses).set({ progressPercentage }).where(eq(userCourses.id, w.enrolment.id));
      }
      for (const score of [0, 100, null]) {
        await ctx.db.update(userLessons).set({ score }).where(eq(userLessons.id, w.progress.id));
      }
      await ctx.db.update(examCourses).set({ topicsCompleted: 50, progressPercentage: 100 }).where(eq(examCourses.id, w.exam.id));
      await ctx.db.insert(chatMessages).values(
        ['user', 'assistant', 'system'].map((role) => ({ sessionId: w.session.id, role, content: role })),
      );
      const [preferences] = await ctx.db.select().from(userPreferences).where(eq(userPreferences.userId, w.user.id));
      expect(preferences?.ttsSpeed).toBe(2);
      const [exam] = await ctx.db.select().from(examCourses).where(eq(examCourses.id, w.exam.id));
      expect(exam).toMatchObject({ topicsCompleted: 50, progressPercentage: 100 });
    });
  });

  describe('UNIQUE keys', () => {
    it('refuses a second user with the same email or username', async () => {
      await newUser(ctx.db, { email: 'anna@example.com', username: 'anna' });
      await expectRefused(newUser(ctx.db, { email: 'anna@example.com' }), UNIQUE_VIOLATION, 'users_email_unique');
      await expectRefused(newUser(ctx.db, { username: 'anna' }), UNIQUE_VIOLATION, 'users_username_unique');
      expect(await ctx.db.$count(users)).toBe(1);
    });

    it('refuses a second lesson with the same number in a course, allows it in another course', async () => {
      const a = await newCourse(ctx.db);
      const b = await newCourse(ctx.db);
      await newLesson(ctx.db, a.id, 1);
      await expectRefused(newLesson(ctx.db, a.id, 1), UNIQUE_VIOLATION, 'lessons_active_course_id_lesson_number_idx');
      await newLesson(ctx.db, b.id, 1);
      expect(await ctx.db.$count(lessons)).toBe(2);
    });

    it('lets a retired lesson keep its number while a new lesson takes it', async () => {
      const course = await newCourse(ctx.db);
      const old = await newLesson(ctx.db, course.id, 1);
      await ctx.db.update(lessons).set({ retiredAt: new Date() }).where(eq(lessons.id, old.id));
      await newLesson(ctx.db, course.id, 1);
      expect(await ctx.db.$count(lessons, eq(lessons.courseId, course.id))).toBe(2);
      await expectRefused(ctx.db.update(lessons).set({ retiredAt: null }).where(eq(lessons.id, old.id)), UNIQUE_VIOLATION, 'lessons_active_course_id_lesson_number_idx');
    });

    it('refuses a second enrolment of a user in a course and second progress on a lesson', async () => {
      const w = await seedWorld(ctx.db);
      await expectRefused(
        ctx.db.insert(userCourses).values({ userId: w.user.id, courseId: w.course.id }),
        UNIQUE_VIOLATION,
        'user_courses_user_id_course_id_unique',
      );
      await expectRefused(
        ctx.db.insert(userLessons).values({ userId: w.user.id, lessonId: w.lesson.id, userCourseId: w.enrolment.id }),
        UNIQUE_VIOLATION,
        'user_lessons_user_id_lesson_id_unique',
      );
      // Another student may enrol in the same course and work on the same lesson.
      const other = await newUser(ctx.db);
      const [enrolment] = await ctx.db.insert(userCourses).values({ userId: other.id, courseId: w.course.id }).returning();
      await ctx.db.insert(userLessons).values({ userId: other.id, lessonId: w.lesson.id, userCourseId: enrolment!.id });
      expect(await ctx.db.$count(userCourses)).toBe(2);
      expect(await ctx.db.$count(userLessons)).toBe(2);
    });

    it('refuses duplicates of the other unique keys (preferences, plans, exam courses, achievements)', async () => {
      const w = await seedWorld(ctx.db);
      await expectRefused(ctx.db.insert(userPreferences).values({ userId: w.user.id }), UNIQUE_VIOLATION, 'user_preferences_user_id_unique');
      await expectRefused(
        ctx.db.insert(learningPlans).values({ userId: w.user.id, courseId: w.course.id }),
        UNIQUE_VIOLATION,
        'learning_plans_user_id_course_id_unique',
      );
      await expectRefused(
        ctx.db.insert(examCourses).values({ userId: w.user.id, examType: 'ЕГЭ', subject: 'math' }),
        UNIQUE_VIOLATION,
        'exam_courses_user_id_exam_type_subject_unique',
      );
      await expectRefused(
        ctx.db.insert(achievements).values({ name: w.achievement.name, title: 'Again', criteriaType: 'streak_days', criteriaValue: 1 }),
        UNIQUE_VIOLATION,
        'achievements_name_unique',
      );
      await expectRefused(
        ctx.db.insert(userAchievements).values({ userId: w.user.id, achievementId: w.achievement.id }),
        UNIQUE_VIOLATION,
        'user_achievements_user_id_achievement_id_unique',
      );
      // The same exam in another subject is a different row.
      await ctx.db.insert(examCourses).values({ userId: w.user.id, examType: 'ЕГЭ', subject: 'physics' });
    });
  });

  describe('foreign keys and ON DELETE', () => {
    it('refuses rows that point at nothing', async () => {
      await expectRefused(newLesson(ctx.db, crypto.randomUUID(), 1), FOREIGN_KEY_VIOLATION, 'lessons_course_id_courses_id_fk');
      await expectRefused(
        ctx.db.insert(chatSessions).values({ userId: crypto.randomUUID(), sessionType: 'interactive' }),
        FOREIGN_KEY_VIOLATION,
        'chat_sessions_user_id_users_id_fk',
      );
    });

    it('deleting a user removes everything of theirs and nothing of anyone else', async () => {
      const mine = await seedWorld(ctx.db);
      const theirs = await seedWorld(ctx.db);
      const before = await userRowCounts(ctx.db, theirs.user.id);

      await ctx.db.delete(users).where(eq(users.id, mine.user.id));

      expect(await userRowCounts(ctx.db, mine.user.id)).toEqual({
        users: 0,
        user_preferences: 0,
        user_courses: 0,
        user_lessons: 0,
        learning_plans: 0,
        chat_sessions: 0,
        chat_messages_via_session: 0,
        exam_courses: 0,
        user_achievements: 0,
        user_activity_log: 0,
        outbox: 0,
      });
      // The messages went with the session, not just out of the join.
      expect(await ctx.db.$count(chatMessages, eq(chatMessages.id, mine.message.id))).toBe(0);
      expect(await userRowCounts(ctx.db, theirs.user.id)).toEqual(before);
      // Shared catalogue rows stay.
      expect(await ctx.db.$count(courses)).toBe(2);
      expect(await ctx.db.$count(lessons)).toBe(2);
      expect(await ctx.db.$count(achievements)).toBe(2);
    });

    it('refuses to delete a course, lesson or achievement that students have progress on: the catalogue retires, it never deletes progress', async () => {
      const w = await seedWorld(ctx.db);
      // Which of the course's dependants the database names first is its business; that it refuses is ours.
      const refusal = (statement: PromiseLike<unknown>) => Promise.resolve(statement).then(() => 'deleted', (error: unknown) => dbError(error).code);
      expect(await refusal(ctx.db.delete(courses).where(eq(courses.id, w.course.id)))).toBe(FOREIGN_KEY_VIOLATION);
      await expectRefused(ctx.db.delete(lessons).where(eq(lessons.id, w.lesson.id)), FOREIGN_KEY_VIOLATION, 'user_lessons_lesson_id_lessons_id_fk');
      await expectRefused(
        ctx.db.delete(achievements).where(eq(achievements.id, w.achievement.id)),
        FOREIGN_KEY_VIOLATION,
        'user_achievements_achievement_id_achievements_id_fk',
      );
      expect(await userRowCounts(ctx.db, w.user.id)).toMatchObject({ user_courses: 1, user_lessons: 1, learning_plans: 1, user_achievements: 1 });
    });

    it('deleting a course nobody studied takes its lessons along; chats and activity that named it keep going without it', async () => {
      const w = await seedWorld(ctx.db);
      const unused = await newCourse(ctx.db);
      const lesson = await newLesson(ctx.db, unused.id, 1);
      await ctx.db.update(chatSessions).set({ courseId: unused.id, lessonId: lesson.id }).where(eq(chatSessions.id, w.session.id));
      await ctx.db.update(userActivityLog).set({ courseId: unused.id, lessonId: lesson.id }).where(eq(userActivityLog.id, w.activity.id));

      await ctx.db.delete(courses).where(eq(courses.id, unused.id));

      expect(await ctx.db.$count(lessons, eq(lessons.courseId, unused.id))).toBe(0);
      const [session] = await ctx.db.select().from(chatSessions).where(eq(chatSessions.id, w.session.id));
      expect(session).toMatchObject({ courseId: null, lessonId: null });
      expect(await ctx.db.$count(chatMessages, eq(chatMessages.sessionId, w.session.id))).toBe(1);
      const [activity] = await ctx.db.select().from(userActivityLog).where(eq(userActivityLog.id, w.activity.id));
      expect(activity).toMatchObject({ courseId: null, lessonId: null });
      expect(await totalLessonsOf(ctx.db, w.course.id)).toBe(1);
    });

    it('deleting a chat session removes its messages', async () => {
      const w = await seedWorld(ctx.db);
      await ctx.db.delete(chatSessions).where(eq(chatSessions.id, w.session.id));
      expect(await ctx.db.$count(chatMessages)).toBe(0);
    });
  });

  describe('updated_at trigger', () => {
    it('moves updated_at forward on an UPDATE of another column, leaving created_at alone', async () => {
      const user = await newUser(ctx.db, { createdAt: OLD, updatedAt: OLD });
      expect(user.updatedAt.toISOString()).toBe(OLD.toISOString());

      const [updated] = await rows<{ created_at: string | Date; fresh: boolean; after_old: boolean }>(
        ctx.db,
        sql`UPDATE users SET full_name = 'Renamed' WHERE id = ${user.id}
            RETURNING created_at, updated_at = now() AS fresh, updated_at > ${OLD.toISOString()}::timestamptz AS after_old`,
      );
      expect(updated).toMatchObject({ fresh: true, after_old: true });
      expect(new Date(updated!.created_at).toISOString()).toBe(OLD.toISOString());
    });

    it('does so on every table of the data model', async () => {
      await seedWorld(ctx.db, OLD);
      const tables = [
        'users', 'user_preferences', 'courses', 'lessons', 'user_courses', 'user_lessons', 'learning_plans',
        'chat_sessions', 'chat_messages', 'exam_courses', 'achievements', 'user_achievements', 'user_activity_log',
      ];
      // courses.updated_at was already moved by the lessons trigger recounting total_lessons; put it back.
      await ctx.db.execute(sql`ALTER TABLE courses DISABLE TRIGGER courses_set_updated_at`);
      try {
        await ctx.db.execute(sql`UPDATE courses SET updated_at = ${OLD.toISOString()}::timestamptz`);
      } finally {
        await ctx.db.execute(sql`ALTER TABLE courses ENABLE TRIGGER courses_set_updated_at`);
      }
      for (const table of tables) {
        const [before] = await rows<{ old: boolean }>(
          ctx.db,
          sql`SELECT bool_and(updated_at = ${OLD.toISOString()}::timestamptz) AS old FROM ${sql.identifier(table)}`,
        );
        expect({ table, old: before?.old }).toEqual({ table, old: true });
        const [after] = await rows<{ fresh: boolean }>(
          ctx.db,
          sql`WITH changed AS (UPDATE ${sql.identifier(table)} SET created_at = created_at RETURNING updated_at)
              SELECT count(*) > 0 AND bool_and(updated_at = now()) AS fresh FROM changed`,
        );
        expect({ table, fresh: after?.fresh }).toEqual({ table, fresh: true });
      }
    });

    it('overrides an updated_at the statement sets itself', async () => {
      const user = await newUser(ctx.db, { createdAt: OLD, updatedAt: OLD });
      const [row] = await rows<{ fresh: boolean }>(
        ctx.db,
        sql`UPDATE users SET updated_at = '1999-01-01' WHERE id = ${user.id} RETURNING updated_at = now() AS fresh`,
      );
      expect(row?.fresh).toBe(true);
    });
  });

  describe('courses.total_lessons trigger', () => {
    it('starts at 0 whatever the INSERT says', async () => {
      const course = await newCourse(ctx.db, { totalLessons: 7 });
      expect(course.totalLessons).toBe(0);
    });

    it('counts lessons as they are inserted and deleted', async () => {
      const course = await newCourse(ctx.db);
      await newLesson(ctx.db, course.id, 1);
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(1);
      await ctx.db.insert(lessons).values([2, 3, 4].map((n) => ({ courseId: course.id, lessonNumber: n, title: `L${n}` })));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(4);
      await ctx.db.delete(lessons).where(eq(lessons.lessonNumber, 2));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(3);
      await ctx.db.delete(lessons).where(eq(lessons.courseId, course.id));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(0);
    });

    it('moves the count when a lesson moves to another course', async () => {
      const a = await newCourse(ctx.db);
      const b = await newCourse(ctx.db);
      await newLesson(ctx.db, a.id, 1);
      const moving = await newLesson(ctx.db, a.id, 2);
      await newLesson(ctx.db, b.id, 1);

      await ctx.db.update(lessons).set({ courseId: b.id }).where(eq(lessons.id, moving.id));

      expect(await totalLessonsOf(ctx.db, a.id)).toBe(1);
      expect(await totalLessonsOf(ctx.db, b.id)).toBe(2);
    });

    it('leaves a retired lesson out of the count, and counts it again when it comes back', async () => {
      const course = await newCourse(ctx.db);
      const lesson = await newLesson(ctx.db, course.id, 1);
      await newLesson(ctx.db, course.id, 2);
      await ctx.db.update(lessons).set({ retiredAt: new Date() }).where(eq(lessons.id, lesson.id));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(1);
      await ctx.db.update(lessons).set({ retiredAt: null }).where(eq(lessons.id, lesson.id));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(2);
    });

    it('keeps the count on other lesson updates', async () => {
      const course = await newCourse(ctx.db);
      const lesson = await newLesson(ctx.db, course.id, 1);
      await newLesson(ctx.db, course.id, 2);
      await ctx.db.update(lessons).set({ title: 'Renamed', lessonNumber: 10 }).where(eq(lessons.id, lesson.id));
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(2);
    });

    it('ignores a direct write of the count', async () => {
      const course = await newCourse(ctx.db);
      await newLesson(ctx.db, course.id, 1);
      await newLesson(ctx.db, course.id, 2);

      await ctx.db.execute(sql`UPDATE courses SET total_lessons = 99 WHERE id = ${course.id}`);
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(2);

      // Alongside another column: that column changes, the count does not.
      await ctx.db.update(courses).set({ totalLessons: 0, title: 'Renamed' }).where(eq(courses.id, course.id));
      const [row] = await ctx.db.select().from(courses).where(eq(courses.id, course.id));
      expect(row).toMatchObject({ title: 'Renamed', totalLessons: 2 });
    });

    it('counts lessons written inside a transaction', async () => {
      const course = await newCourse(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx.insert(lessons).values([1, 2, 3].map((n) => ({ courseId: course.id, lessonNumber: n, title: `L${n}` })));
        await tx.delete(lessons).where(eq(lessons.lessonNumber, 3));
      });
      expect(await totalLessonsOf(ctx.db, course.id)).toBe(2);
    });
  });
});
