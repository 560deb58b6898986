/**
 * The motivation system through the real service, on PGlite and PostgreSQL: points earned once,
 * every action logged, totals that follow from the log, levels and achievements (each criterion at
 * its boundary), streaks in the student's own days, and the progress dashboard.
 */
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ACHIEVEMENTS_FILE, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore, silentTeachers, TEST_PASSWORD, type TestCore } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import type { CoreEvent, EventPayload } from '../../shared/contract';
import { ACTIVITY_TYPES } from '../../shared/domain';
import type { MutationArgs } from '../sync/mutation-registry';
import { achievements, outbox, userAchievements, userActivityLog, userStudyDays, users } from '../db/schema';
import { executeRows } from '../db/execute-rows';
import { EventHub } from '../events/event-hub';
import { Fanout } from '../events/fanout';
import { createMutationRunner } from '../mutations/run-mutation';
import { installAchievements, loadAchievementCatalogue } from './achievement-catalogue';
import { levelForPoints } from './levels';
import { addDays, localDay } from './local-day';
import { POINTS } from './points-rules';

const catalogue = loadAchievementCatalogue(ACHIEVEMENTS_FILE);
const MOSCOW = 'Europe/Moscow';
const NOVOSIBIRSK = 'Asia/Novosibirsk';
const NEW_YORK = 'America/New_York';

/** A clock the test moves; the core reads it on every call. */
function clock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    set: (iso: string) => {
      current = new Date(iso);
    },
  };
}

/** A clock one second later on every reading, so the log's rows keep the order they were made in. */
function ticking(start: string) {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000));
}

/** The core's events, as they are announced. */
function eventsOf(core: TestCore) {
  const events: CoreEvent[] = [];
  core.subscribe((event) => events.push(event));
  return {
    all: events,
    named: <E extends CoreEvent['name']>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>),
    clear: () => events.splice(0),
  };
}

/** The numeric exercise of a seeded lesson `n` (1-based) is `ex-n`, answered by `2n`. */
const rightAnswer = (n: number) => ({ type: 'numeric' as const, text: String(2 * n) });
const wrongAnswer = (n: number) => ({ type: 'numeric' as const, text: String(2 * n + 1) });

describeOnEachDatabase('motivation', (ctx) => {
  const student = (options: { start?: string; timeZone?: string; now?: () => Date } = {}) =>
    createTestCore(ctx.database, {
      teachers: silentTeachers,
      timeZone: options.timeZone ?? MOSCOW,
      now: options.now ?? (() => new Date(options.start ?? '2026-11-25T09:00:00Z')),
    });

  const installCatalogue = () => installAchievements(ctx.db, catalogue);

  const totalPoints = async (userId: string) =>
    (await ctx.db.select({ points: users.totalPoints }).from(users).where(eq(users.id, userId)))[0]!.points;

  const userRow = async (userId: string) => (await ctx.db.select().from(users).where(eq(users.id, userId)))[0]!;

  const logOf = async (userId: string) =>
    ctx.db
      .select({ type: userActivityLog.activityType, data: userActivityLog.activityData, lessonId: userActivityLog.lessonId })
      .from(userActivityLog)
      .where(eq(userActivityLog.userId, userId))
      .orderBy(userActivityLog.createdAt, userActivityLog.activityType);

  const rowsOfType = async (userId: string, type: string) => (await logOf(userId)).filter((r) => r.type === type);

  const studyDays = async (userId: string) =>
    ctx.db
      .select({ day: userStudyDays.day, minutes: userStudyDays.studyMinutes, lessons: userStudyDays.lessonsCompleted, points: userStudyDays.points })
      .from(userStudyDays)
      .where(eq(userStudyDays.userId, userId))
      .orderBy(userStudyDays.day);

  const unlockedNames = async (userId: string) =>
    (
      await ctx.db
        .select({ name: achievements.name })
        .from(userAchievements)
        .innerJoin(achievements, eq(achievements.id, userAchievements.achievementId))
        .where(eq(userAchievements.userId, userId))
    )
      .map((r) => r.name)
      .sort();

  /**
   * A bulk fact written straight into the log (with the derived numbers kept in step), for setups that
   * would take hundreds of calls; a real mutation afterwards makes the service look at it.
   */
  async function insertActivity(userId: string, type: string, data: { points?: number; award?: string; minutes?: number }, day = '2026-11-25') {
    await ctx.db.execute(sql`
      INSERT INTO user_activity_log (user_id, activity_type, activity_data, created_at)
      VALUES (${userId}, ${type}, ${JSON.stringify({ day, ...data })}::jsonb, ${`${day}T06:00:00Z`}::timestamptz)`);
    if (data.points || data.minutes) {
      await ctx.db.execute(sql`
        INSERT INTO user_study_days (user_id, day, study_minutes, points) VALUES (${userId}, ${day}, ${data.minutes ?? 0}, ${data.points ?? 0})
        ON CONFLICT (user_id, day) DO UPDATE SET study_minutes = user_study_days.study_minutes + excluded.study_minutes,
          points = user_study_days.points + excluded.points`);
    }
    if (data.points) await ctx.db.execute(sql`UPDATE users SET total_points = total_points + ${data.points} WHERE id = ${userId}`);
  }

  /** Points from somewhere the stats do not otherwise count. */
  const grantPoints = (userId: string, points: number) =>
    insertActivity(userId, 'lesson_completed', { award: `bulk:${crypto.randomUUID()}`, points });

  /** A real mutation that changes the student's activity but earns nothing itself: opening a new lesson. */
  function opener(core: TestCore, lessonIds: readonly string[]) {
    const unopened = [...lessonIds];
    return async () => {
      const lessonId = unopened.shift();
      if (!lessonId) throw new Error('no unopened lesson left');
      expect(await core.call('lessons.start', { lessonId })).toEqual({ started: true });
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Points are earned once (no catalogue installed, so the numbers are the points table's alone).

  it('completing a lesson earns its points once; repeats, even with a better score, earn nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'points', 3);
    const core = await student();
    const userId = core.user!.id;
    const events = eventsOf(core);

    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 10 });
    expect(await totalPoints(userId)).toBe(POINTS.lessonCompleted);
    expect(events.named('motivation.changed')).toEqual([{ pointsAwarded: POINTS.lessonCompleted, totalPoints: POINTS.lessonCompleted, level: 1, levelReached: null }]);

    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 10 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 95, timeSpentMinutes: 15 });

    expect(await totalPoints(userId)).toBe(POINTS.lessonCompleted);
    expect(events.named('motivation.changed')).toHaveLength(1);
    const completions = await rowsOfType(userId, 'lesson_completed');
    expect(completions).toHaveLength(1);
    expect(completions[0]!.data).toMatchObject({ score: 80, award: `lesson:${lessonIds[0]}`, points: POINTS.lessonCompleted });
    expect(await studyDays(userId)).toEqual([{ day: '2026-11-25', minutes: 0, lessons: 1, points: POINTS.lessonCompleted }]);
  });

  it('replaying the same lesson.complete mutation, as sync does, awards nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'replay', 2);
    const core = await student();
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 10 });
    const awarded = POINTS.lessonCompleted + POINTS.perfectLessonBonus;
    expect(await totalPoints(userId)).toBe(awarded);
    const [sent] = await ctx.db.select({ args: outbox.args }).from(outbox).where(eq(outbox.name, 'lesson.complete'));
    const logBefore = await logOf(userId);
    const daysBefore = await studyDays(userId);

    const hub = new EventHub();
    const announced: CoreEvent[] = [];
    // The rewards a change announces (its `progress.changed` is not a reward).
    hub.subscribe((event) => {
      if (event.name !== 'progress.changed') announced.push(event);
    });
    const runner = createMutationRunner({ db: ctx.db, events: hub, outboxCommits: new Fanout() });
    const args = sent!.args as MutationArgs<'progress.completeLesson'>;
    await runner.run(userId, 'progress.completeLesson', args);
    await runner.run(userId, 'progress.completeLesson', args);

    expect(await totalPoints(userId)).toBe(awarded);
    expect(await logOf(userId)).toEqual(logBefore);
    expect(await studyDays(userId)).toEqual(daysBefore);
    expect(announced).toEqual([]);

    // A mutation that reaches the server twice before the device ever saw it: the first applies, the second adds nothing.
    const fresh = { lessonId: lessonIds[1]!, score: 60, timeSpentMinutes: 5, at: '2026-11-25T09:30:00.000Z', timeZone: MOSCOW };
    await runner.run(userId, 'progress.completeLesson', fresh);
    await runner.run(userId, 'progress.completeLesson', fresh);
    expect(await totalPoints(userId)).toBe(awarded + POINTS.lessonCompleted);
    expect(announced.filter((e) => e.name === 'motivation.changed')).toHaveLength(1);
    expect(await rowsOfType(userId, 'lesson_completed')).toHaveLength(3);
  });

  it('a perfect score reached later earns the bonus once, and does not count as another lesson', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'perfect', 2);
    const core = await student({ now: ticking('2026-11-25T09:00:00Z') });
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 70, timeSpentMinutes: 10 });
    expect(await totalPoints(userId)).toBe(POINTS.lessonCompleted);

    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 12 });
    expect(await totalPoints(userId)).toBe(POINTS.lessonCompleted + POINTS.perfectLessonBonus);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 14 });
    expect(await totalPoints(userId)).toBe(POINTS.lessonCompleted + POINTS.perfectLessonBonus);

    const rows = await rowsOfType(userId, 'lesson_completed');
    expect(rows.map((r) => r.data)).toEqual([
      expect.objectContaining({ score: 70, points: POINTS.lessonCompleted }),
      expect.objectContaining({ score: 100, perfect: true, award: `perfect:${lessonIds[0]}`, points: POINTS.perfectLessonBonus }),
    ]);
    expect(await studyDays(userId)).toEqual([{ day: '2026-11-25', minutes: 0, lessons: 1, points: POINTS.lessonCompleted + POINTS.perfectLessonBonus }]);
    expect((await userRow(userId)).totalLessonsCompleted).toBe(1);
  });

  it('the first correct answer to an exercise earns its points; a wrong one and a second right one earn nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'exercises', 2);
    const core = await student({ now: ticking('2026-11-25T09:00:00Z') });
    const userId = core.user!.id;
    const lessonId = lessonIds[0]!;

    expect(await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: wrongAnswer(1), attempt: 1 })).toMatchObject({ correct: false });
    expect(await totalPoints(userId)).toBe(0);
    expect(await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 2 })).toMatchObject({ correct: true });
    expect(await totalPoints(userId)).toBe(POINTS.exerciseCorrect);
    expect(await core.call('exercises.check', { lessonId, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 1 })).toMatchObject({ correct: true });
    expect(await totalPoints(userId)).toBe(POINTS.exerciseCorrect);
    // Another exercise is another first.
    await core.call('exercises.check', { lessonId: lessonIds[1]!, exerciseId: 'ex-2', answer: rightAnswer(2), attempt: 1 });
    expect(await totalPoints(userId)).toBe(2 * POINTS.exerciseCorrect);

    const answers = await rowsOfType(userId, 'exercise_answered');
    expect(answers.map((r) => [r.data.correct, r.data.points ?? 0])).toEqual([
      [false, 0],
      [true, POINTS.exerciseCorrect],
      [true, 0],
      [true, POINTS.exerciseCorrect],
    ]);
  });

  it('homework earns its points once; a resubmission is logged but earns nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'homework', 1);
    const time = clock('2026-11-25T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;

    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'x = 3' });
    expect(await totalPoints(userId)).toBe(POINTS.homeworkSubmitted);
    time.set('2026-11-25T09:10:00Z');
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'x = 3 или x = -3' });
    time.set('2026-11-26T09:10:00Z');
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'x = ±3' });

    expect(await totalPoints(userId)).toBe(POINTS.homeworkSubmitted);
    const rows = await rowsOfType(userId, 'homework_submitted');
    expect(rows.map((r) => r.data.points ?? 0)).toEqual([POINTS.homeworkSubmitted, 0, 0]);
  });

  it('opening a lesson earns nothing and is logged once', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'open', 1);
    const core = await student();
    const userId = core.user!.id;
    const events = eventsOf(core);

    expect(await core.call('lessons.start', { lessonId: lessonIds[0]! })).toEqual({ started: true });
    expect(await core.call('lessons.start', { lessonId: lessonIds[0]! })).toEqual({ started: false });

    expect(await totalPoints(userId)).toBe(0);
    expect(await rowsOfType(userId, 'lesson_started')).toEqual([{ type: 'lesson_started', lessonId: lessonIds[0], data: { day: '2026-11-25' } }]);
    expect(await studyDays(userId)).toEqual([]);
    expect(events.named('motivation.changed')).toEqual([]);
  });

  // ---------------------------------------------------------------------------------------------
  // The log and what is derived from it.

  it('logs every meaningful action as a row of its type', async () => {
    await installCatalogue();
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'log', 3);
    const core = await student({ now: ticking('2026-11-25T09:00:00Z') });
    const userId = core.user!.id;

    // A head start (an earlier day's lesson) so that this day's 110 points cross level 2 at 200.
    await grantPoints(userId, 100);
    await core.call('accounts.signOut');
    await core.call('accounts.signIn', { login: core.user!.username, password: TEST_PASSWORD });
    await core.call('courses.enrol', { courseId });
    await core.call('lessons.start', { lessonId: lessonIds[0]! });
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: wrongAnswer(1), attempt: 1 });
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 2 });
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 12 });
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'Ответ' });
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 12 });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    await core.call('chat.sendMessage', { sessionId: session.id, content: 'Почему так?' });
    await core.replies.idle();
    await core.call('plans.generate', { courseId, targetDate: '2027-06-01', studyDays: [1, 3, 5], minutesPerDay: 45 });
    await core.call('review.answer', { cardKey: `exercise:${lessonIds[0]!}:ex-1`, answer: rightAnswer(1) });

    const log = await logOf(userId);
    expect(new Set(log.map((r) => r.type))).toEqual(new Set(ACTIVITY_TYPES));
    const count = (type: string) => log.filter((r) => r.type === type).length;
    expect(count('sign_in')).toBe(1);
    expect(count('course_enrolled')).toBe(1);
    expect(count('lesson_started')).toBe(1);
    expect(log.filter((r) => r.type === 'exercise_answered').map((r) => r.data.correct)).toEqual([false, true]);
    expect(log.find((r) => r.type === 'study_time')?.data).toMatchObject({ minutes: 12, day: '2026-11-25' });
    expect(count('homework_submitted')).toBe(1);
    expect(count('lesson_completed')).toBe(2); // the head start's and this one
    expect(count('chat_question')).toBe(1);
    expect(count('plan_generated')).toBe(1);
    expect(log.find((r) => r.type === 'review_answered')?.data).toMatchObject({ cardKey: `exercise:${lessonIds[0]!}:ex-1`, rating: 3, correct: true });
    // 100 + 10 + 5 + 20 + 10 + 30 + 10 + 5 + 10 (+ 10 for the first hundred) = 210: level 2.
    expect(log.filter((r) => r.type === 'level_reached').map((r) => r.data.level)).toEqual([2]);
    expect(log.filter((r) => r.type === 'achievement_unlocked').map((r) => r.data.achievement).sort()).toEqual(
      ['first-correct', 'first-homework', 'first-lesson', 'first-plan', 'first-question', 'points-100'],
    );
  });

  it('stored totals are what the log adds up to', async () => {
    await installCatalogue();
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'totals', 4);
    const time = clock('2026-11-23T08:00:00Z');
    const core = await student({ now: time.now });
    const other = await student({ now: time.now, timeZone: NOVOSIBIRSK });
    const userId = core.user!.id;

    // Day 1.
    await core.call('courses.enrol', { courseId });
    await core.call('lessons.start', { lessonId: lessonIds[0]! });
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: wrongAnswer(1), attempt: 1 });
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 2 });
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 15 });
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 10 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 25 });
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'Первый ответ' });
    await other.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 5 });
    // Day 2, either side of Moscow's midnight.
    time.set('2026-11-24T20:50:00Z');
    await core.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 15 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 100, timeSpentMinutes: 15 });
    time.set('2026-11-24T21:10:00Z');
    await core.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 12 });
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    for (const question of ['Что такое дробь?', 'А десятичная?']) {
      await core.call('chat.sendMessage', { sessionId: session.id, content: question });
      await core.replies.idle();
    }
    // Day 4: a late perfect score, a resubmission, a plan, another exercise.
    time.set('2026-11-26T10:00:00Z');
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 30 });
    await core.call('homework.submit', { lessonId: lessonIds[0]!, text: 'Исправленный ответ' });
    await core.call('plans.generate', { courseId, targetDate: '2027-06-01', studyDays: [1, 2, 3, 4, 5], minutesPerDay: 30 });
    await core.call('exercises.check', { lessonId: lessonIds[1]!, exerciseId: 'ex-2', answer: rightAnswer(2), attempt: 1 });
    await other.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 15 });

    const [fromLog] = await executeRows<{ points: number }>(
      ctx.db,
      sql`SELECT coalesce(sum((activity_data ->> 'points')::int), 0)::int AS points FROM user_activity_log WHERE user_id = ${userId}`,
    );
    const student1 = await userRow(userId);
    expect(student1.totalPoints).toBeGreaterThan(200);
    expect(fromLog!.points).toBe(student1.totalPoints);
    expect(student1.level).toBe(levelForPoints(student1.totalPoints));
    expect(student1.totalLessonsCompleted).toBe(2);

    const perDay = await executeRows<{ day: string; minutes: number; lessons: number; points: number }>(
      ctx.db,
      sql`SELECT activity_data ->> 'day' AS day,
            coalesce(sum((activity_data ->> 'minutes')::int) FILTER (WHERE activity_type = 'study_time'), 0)::int AS minutes,
            (count(*) FILTER (WHERE activity_type = 'lesson_completed' AND NOT (activity_data ? 'perfect')))::int AS lessons,
            coalesce(sum((activity_data ->> 'points')::int), 0)::int AS points
          FROM user_activity_log WHERE user_id = ${userId} AND activity_type <> 'sign_in'
          GROUP BY 1 ORDER BY 1`,
    );
    const expectedDays = perDay.filter((d) => d.minutes || d.lessons || d.points);
    expect(await studyDays(userId)).toEqual(expectedDays);
    expect(expectedDays.map((d) => [d.day, d.minutes, d.lessons])).toEqual([
      ['2026-11-23', 25, 1],
      ['2026-11-24', 15, 1],
      ['2026-11-25', 12, 0],
      ['2026-11-26', 0, 0],
    ]);
    // The other student's numbers stay theirs.
    const [otherLog] = await executeRows<{ points: number }>(
      ctx.db,
      sql`SELECT coalesce(sum((activity_data ->> 'points')::int), 0)::int AS points FROM user_activity_log WHERE user_id = ${other.user!.id}`,
    );
    expect(otherLog!.points).toBe(await totalPoints(other.user!.id));
  });

  // ---------------------------------------------------------------------------------------------
  // Levels and achievements.

  it('crossing a level threshold logs the level once and announces it once', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'levels', 4);
    const core = await student();
    const userId = core.user!.id;
    const events = eventsOf(core);

    // 150 points earlier: the second lesson's 30 cross level 2 at 200.
    await grantPoints(userId, 150);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 50, timeSpentMinutes: 5 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 50, timeSpentMinutes: 5 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 60, timeSpentMinutes: 5 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[2]!, score: 50, timeSpentMinutes: 5 });

    expect(events.named('motivation.changed')).toEqual([
      { pointsAwarded: 30, totalPoints: 180, level: 1, levelReached: null },
      { pointsAwarded: 30, totalPoints: 210, level: 2, levelReached: 2 },
      { pointsAwarded: 30, totalPoints: 240, level: 2, levelReached: null },
    ]);
    expect((await rowsOfType(userId, 'level_reached')).map((r) => r.data)).toEqual([{ day: '2026-11-25', level: 2 }]);
    expect((await userRow(userId)).level).toBe(2);
  });

  it('first-lesson unlocks exactly once, on the first completion, unseen, announced once', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'first', 3);
    const time = clock('2026-11-25T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    const events = eventsOf(core);

    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 70, timeSpentMinutes: 5 });
    time.set('2026-11-25T09:30:00Z');
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 70, timeSpentMinutes: 5 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 5 });

    const [firstLesson] = await ctx.db.select().from(achievements).where(eq(achievements.name, 'first-lesson'));
    expect(events.named('achievement.unlocked').filter((a) => a.name === 'first-lesson')).toEqual([
      { achievementId: firstLesson!.id, name: 'first-lesson', title: 'Первый урок', pointsReward: 10 },
    ]);
    const owned = await ctx.db
      .select()
      .from(userAchievements)
      .where(and(eq(userAchievements.userId, userId), eq(userAchievements.achievementId, firstLesson!.id)));
    expect(owned).toHaveLength(1);
    expect(owned[0]).toMatchObject({ seen: false, unlockedAt: new Date('2026-11-25T09:00:00Z') });
    const unlocks = (await rowsOfType(userId, 'achievement_unlocked')).filter((r) => r.data.achievement === 'first-lesson');
    expect(unlocks.map((r) => r.data)).toEqual([{ day: '2026-11-25', achievement: 'first-lesson', award: 'achievement:first-lesson', points: 10 }]);
    // 30 + 10 for the first, 30 for the second: not yet the first hundred.
    expect(await totalPoints(userId)).toBe(2 * POINTS.lessonCompleted + 10);
    expect(await unlockedNames(userId)).toEqual(['first-lesson']);
  });

  it('achievements.list shows progress towards locked ones; markSeen marks only the student’s own', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'list', 2);
    const core = await student();
    const intruder = await student();
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 75, timeSpentMinutes: 5 });

    const list = await core.call('achievements.list');
    expect(list).toHaveLength(catalogue.length);
    const byName = Object.fromEntries(list.map((a) => [a.name, a]));
    expect(byName['first-lesson']).toMatchObject({ current: 1, criteriaValue: 1, unlockedAt: '2026-11-25T09:00:00.000Z', seen: false });
    expect(byName['lessons-10']).toMatchObject({ current: 1, criteriaValue: 10, unlockedAt: null, seen: false });
    expect(byName['points-100']).toMatchObject({ current: POINTS.lessonCompleted + 10, unlockedAt: null });
    expect(byName['streak-3']).toMatchObject({ current: 1, unlockedAt: null });
    const firstLessonId = byName['first-lesson']!.id;

    expect(await intruder.call('achievements.markSeen', { achievementIds: [firstLessonId] })).toEqual({ updated: 0 });
    expect(await core.call('achievements.markSeen', { achievementIds: [firstLessonId, byName['lessons-10']!.id] })).toEqual({ updated: 1 });
    expect(await core.call('achievements.markSeen', { achievementIds: [firstLessonId] })).toEqual({ updated: 0 });
    expect((await core.call('achievements.list')).find((a) => a.name === 'first-lesson')).toMatchObject({ seen: true });
    expect((await intruder.call('achievements.list')).find((a) => a.name === 'first-lesson')).toMatchObject({ current: 0, unlockedAt: null, seen: false });
  });

  // ---------------------------------------------------------------------------------------------
  // Every criterion at its boundary: one short of it unlocks nothing, reaching it unlocks.

  it('lessons_completed: first-lesson at 1, lessons-10 at 10', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'ten', 10);
    const core = await student();
    const userId = core.user!.id;
    await core.call('lessons.start', { lessonId: lessonIds[0]! });
    expect(await unlockedNames(userId)).not.toContain('first-lesson');
    for (const [i, lessonId] of lessonIds.entries()) {
      await core.call('progress.completeLesson', { lessonId, score: 60, timeSpentMinutes: 1 });
      if (i === 0) expect(await unlockedNames(userId)).toContain('first-lesson');
      if (i === 8) expect(await unlockedNames(userId)).not.toContain('lessons-10');
    }
    expect(await unlockedNames(userId)).toContain('lessons-10');
  });

  it('total_points: points-100 at 100, points-1000 at 1000', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'hundred', 6);
    const core = await student();
    const userId = core.user!.id;
    const open = opener(core, lessonIds);

    await grantPoints(userId, 99);
    await open();
    expect(await unlockedNames(userId)).toEqual([]);
    await grantPoints(userId, 1);
    await open();
    expect(await unlockedNames(userId)).toEqual(['points-100']);
    expect(await totalPoints(userId)).toBe(110);

    // On the way to 1000 levels 2–4 pass (level 5, with points of its own, is at 1400).
    await grantPoints(userId, 999 - 110);
    await open();
    expect(await unlockedNames(userId)).toEqual(['points-100']);
    expect(await totalPoints(userId)).toBe(999);
    expect(await unlockedNames(userId)).not.toContain('points-1000');
    await grantPoints(userId, 1);
    await open();
    expect(await unlockedNames(userId)).toContain('points-1000');
    expect(await totalPoints(userId)).toBe(1000 + 50);
  });

  it('chat_questions: first-question at 1, questions-10 at 10', async () => {
    await installCatalogue();
    const core = await student();
    const userId = core.user!.id;
    const session = await core.call('chat.startSession', { sessionType: 'interactive' });
    for (let i = 1; i <= 10; i++) {
      await core.call('chat.sendMessage', { sessionId: session.id, content: `Вопрос ${i}` });
      await core.replies.idle();
      if (i === 1) expect(await unlockedNames(userId)).toEqual(['first-question']);
      if (i === 9) expect(await unlockedNames(userId)).toEqual(['first-question']);
    }
    expect(await unlockedNames(userId)).toEqual(['first-question', 'questions-10']);
    expect(await rowsOfType(userId, 'chat_question')).toHaveLength(10);
  });

  it('homework_submitted: first-homework at 1, homework-5 at 5 (resubmissions do not count)', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'hw', 5);
    const time = clock('2026-11-25T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    await core.call('lessons.start', { lessonId: lessonIds[0]! });
    expect(await unlockedNames(userId)).not.toContain('first-homework');
    for (const [i, lessonId] of lessonIds.entries()) {
      await core.call('homework.submit', { lessonId, text: `Ответ ${i}` });
      if (i === 0) {
        expect(await unlockedNames(userId)).toContain('first-homework');
        // Four resubmissions of the first one are still one homework.
        for (let again = 1; again <= 4; again++) {
          time.set(`2026-11-25T09:0${again}:00Z`);
          await core.call('homework.submit', { lessonId, text: `Ответ ${i}, исправленный ${again}` });
        }
        expect(await unlockedNames(userId)).not.toContain('homework-5');
      }
      if (i === 3) expect(await unlockedNames(userId)).not.toContain('homework-5');
    }
    expect(await unlockedNames(userId)).toContain('homework-5');
  });

  it('perfect_scores: perfect-lesson at 1, perfect-lessons-5 at 5; a lesson with a wrong answer is not flawless', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'flawless', 7);
    const core = await student();
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[5]!, score: 99, timeSpentMinutes: 1 });
    expect(await unlockedNames(userId)).not.toContain('perfect-lesson');
    // A wrong try, then right: whatever score arrives, «Без единой ошибки» it is not.
    await core.call('exercises.check', { lessonId: lessonIds[6]!, exerciseId: 'ex-7', answer: wrongAnswer(7), attempt: 1 });
    await core.call('exercises.check', { lessonId: lessonIds[6]!, exerciseId: 'ex-7', answer: rightAnswer(7), attempt: 2 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[6]!, score: 100, timeSpentMinutes: 1 });
    expect(await unlockedNames(userId)).not.toContain('perfect-lesson');
    for (const [i, lessonId] of lessonIds.slice(0, 5).entries()) {
      await core.call('progress.completeLesson', { lessonId, score: 100, timeSpentMinutes: 1 });
      if (i === 0) expect(await unlockedNames(userId)).toContain('perfect-lesson');
      if (i === 3) expect(await unlockedNames(userId)).not.toContain('perfect-lessons-5');
    }
    expect(await unlockedNames(userId)).toContain('perfect-lessons-5');
  });

  it('study_minutes: study-60-minutes at 60, not at 59', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'hour', 1);
    const core = await student();
    const userId = core.user!.id;
    for (const minutes of [15, 15, 15, 14]) await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes });
    expect(await unlockedNames(userId)).not.toContain('study-60-minutes');
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 1 });
    expect(await unlockedNames(userId)).toContain('study-60-minutes');
  });

  it('exercises_correct: first-correct at the first right answer, exercises-50 at 50', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'fifty', 4);
    const core = await student();
    const userId = core.user!.id;
    const open = opener(core, lessonIds.slice(2));

    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: wrongAnswer(1), attempt: 1 });
    expect(await unlockedNames(userId)).toEqual([]);
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 2 });
    expect(await unlockedNames(userId)).toEqual(['first-correct']);

    for (let i = 0; i < 48; i++) await insertActivity(userId, 'exercise_answered', { award: `exercise:bulk:${i}`, points: 0 });
    await open();
    expect(await unlockedNames(userId)).not.toContain('exercises-50');
    // A second right answer to an exercise already answered is not another one.
    await core.call('exercises.check', { lessonId: lessonIds[0]!, exerciseId: 'ex-1', answer: rightAnswer(1), attempt: 1 });
    expect(await unlockedNames(userId)).not.toContain('exercises-50');
    await core.call('exercises.check', { lessonId: lessonIds[1]!, exerciseId: 'ex-2', answer: rightAnswer(2), attempt: 1 });
    expect(await unlockedNames(userId)).toContain('exercises-50');
  });

  it('plans_generated: first-plan with the first plan', async () => {
    await installCatalogue();
    const { courseId } = await seedCourse(ctx.db, 'plan', 3);
    const core = await student();
    const userId = core.user!.id;
    await core.call('courses.enrol', { courseId });
    expect(await unlockedNames(userId)).toEqual([]);
    await core.call('plans.generate', { courseId, targetDate: '2027-06-01', studyDays: [2, 4], minutesPerDay: 30 });
    expect(await unlockedNames(userId)).toEqual(['first-plan']);
  });

  it('courses_completed: first-course when the last lesson of a course is done', async () => {
    await installCatalogue();
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'short', 2);
    const core = await student();
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });
    expect(await unlockedNames(userId)).not.toContain('first-course');
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });
    expect(await unlockedNames(userId)).toContain('first-course');
    expect((await core.call('courses.get', { courseId })).enrolment).toMatchObject({ status: 'completed' });
  });

  it('streak_days: streak-3 on the third day in a row', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'streak', 3);
    const time = clock('2026-11-23T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });
    time.set('2026-11-24T09:00:00Z');
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });
    expect(await unlockedNames(userId)).not.toContain('streak-3');
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 2 });
    time.set('2026-11-25T09:00:00Z');
    await core.call('progress.completeLesson', { lessonId: lessonIds[2]!, score: 80, timeSpentMinutes: 5 });
    expect(await unlockedNames(userId)).toContain('streak-3');
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 3 });
  });

  it('level_reached: level-5 at level 5, every level on the way logged once and the highest announced', async () => {
    await installCatalogue();
    const { lessonIds } = await seedCourse(ctx.db, 'level5', 3);
    const core = await student();
    const userId = core.user!.id;
    const events = eventsOf(core);
    const open = opener(core, lessonIds);

    // 899 points is level 3, but points-100 adds 10 on the way: one mutation reaches levels 2, 3 and 4.
    await grantPoints(userId, 899);
    await open();
    expect(await userRow(userId)).toMatchObject({ totalPoints: 909, level: 4 });
    // On the way points-1000 adds 50: 1349 earned reads 1399, one short of level 5.
    await grantPoints(userId, 1400 - 909 - 1 - 50);
    await open();
    expect(await userRow(userId)).toMatchObject({ totalPoints: 1399, level: 4 });
    expect(await unlockedNames(userId)).not.toContain('level-5');
    await grantPoints(userId, 1);
    await open();
    expect(await unlockedNames(userId)).toContain('level-5');
    expect((await userRow(userId)).level).toBe(levelForPoints(await totalPoints(userId)));

    // Each level once (2, 3 and 4 share one instant, so their order in the log is not defined).
    expect((await rowsOfType(userId, 'level_reached')).map((r) => r.data.level as number).sort()).toEqual([2, 3, 4, 5]);
    // points-1000's reward in between reaches no level.
    expect(events.named('motivation.changed').map((e) => e.levelReached)).toEqual([4, null, 5]);
  });

  // ---------------------------------------------------------------------------------------------
  // Streaks: local days in the student's zone, through the service.

  it('the same instant is the 25th in Moscow and the 26th in Novosibirsk', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'zones', 1);
    const at = '2026-11-25T18:30:00Z';
    const moscow = await student({ start: at, timeZone: MOSCOW });
    const novosibirsk = await student({ start: at, timeZone: NOVOSIBIRSK });
    for (const core of [moscow, novosibirsk]) await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });

    expect((await studyDays(moscow.user!.id)).map((d) => d.day)).toEqual(['2026-11-25']);
    expect((await studyDays(novosibirsk.user!.id)).map((d) => d.day)).toEqual(['2026-11-26']);
    expect((await rowsOfType(novosibirsk.user!.id, 'lesson_completed'))[0]!.data.day).toBe('2026-11-26');
    for (const core of [moscow, novosibirsk]) {
      expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 1, todayQualified: true });
    }
    expect((await novosibirsk.call('motivation.dashboard')).today).toBe('2026-11-26');
  });

  it('study either side of local midnight counts on both days', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'midnight', 1);
    const time = clock('2026-11-25T20:40:00Z'); // 23:40 in Moscow
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 15 } });

    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 15 });
    time.set('2026-11-25T21:05:00Z'); // 00:05 on the 26th
    const reported = await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 15 });

    expect(reported).toEqual({ todayMinutes: 15, dailyGoalMinutes: 15, goalReached: true });
    expect((await studyDays(userId)).map((d) => [d.day, d.minutes])).toEqual([
      ['2026-11-25', 15],
      ['2026-11-26', 15],
    ]);
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 2, longest: 2, todayQualified: true });
  });

  it('a day counts once its minutes reach the daily goal, not before', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'goal', 1);
    const time = clock('2026-11-24T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 20 } });
    const study = (minutes: number) => core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes });

    expect(await study(15)).toEqual({ todayMinutes: 15, dailyGoalMinutes: 20, goalReached: false });
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 0, todayQualified: false });
    expect(await study(5)).toEqual({ todayMinutes: 20, dailyGoalMinutes: 20, goalReached: true });
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 1, todayQualified: true });

    time.set('2026-11-25T09:00:00Z');
    await study(15);
    await study(4);
    const summary = await core.call('motivation.summary');
    expect(summary).toMatchObject({ todayMinutes: 19, dailyGoalMinutes: 20 });
    // Today is still open: yesterday's streak stands.
    expect(summary.streak).toMatchObject({ current: 1, todayQualified: false });
    await study(1);
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 2, longest: 2, todayQualified: true });
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 2 });
  });

  it('the stored longest streak follows the daily goal, which decides which past days counted', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'goal-change', 1);
    const time = clock('2026-11-24T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    const study = (minutes: number) => core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes });
    await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 20 } });
    await study(15);
    await study(10);
    time.set('2026-11-25T09:00:00Z');
    await study(15);
    await study(10);
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 2 });
    await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 30 } });
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 0 });
    await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 10 } });
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 2 });
  });

  it('a missed day with no freeze breaks the streak', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'missed', 3);
    const time = clock('2026-11-22T09:00:00Z');
    const core = await student({ now: time.now });
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });
    time.set('2026-11-23T09:00:00Z');
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });

    time.set('2026-11-24T09:00:00Z'); // nothing done today yet: the streak is still alive
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 2, longest: 2, freezesAvailable: 0, todayQualified: false });
    time.set('2026-11-25T09:00:00Z'); // the 24th is over and was missed
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 0, longest: 2 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[2]!, score: 80, timeSpentMinutes: 5 });
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 1, longest: 2, todayQualified: true });
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 2 });
  });

  it('moving from Moscow to Novosibirsk mid-streak keeps the local days consecutive', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'trip', 3);
    const time = clock('2026-11-24T20:30:00Z'); // 23:30 on the 24th in Moscow (already the 25th in Novosibirsk)
    const inMoscow = await student({ now: time.now, timeZone: MOSCOW });
    await inMoscow.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });
    // The same student on the same device, now set to Novosibirsk.
    const inNovosibirsk = await createTestCore(ctx.database, { teachers: silentTeachers, now: time.now, timeZone: NOVOSIBIRSK, as: null });
    inNovosibirsk.session.signIn(inMoscow.user!);
    const userId = inMoscow.user!.id;

    time.set('2026-11-25T10:00:00Z'); // 17:00 on the 25th in Novosibirsk
    await inNovosibirsk.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });
    time.set('2026-11-25T18:00:00Z'); // 01:00 on the 26th
    await inNovosibirsk.call('progress.completeLesson', { lessonId: lessonIds[2]!, score: 80, timeSpentMinutes: 5 });

    expect((await studyDays(userId)).map((d) => d.day)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect((await inNovosibirsk.call('motivation.summary')).streak).toMatchObject({ current: 3, longest: 3, todayQualified: true });
    expect(await userRow(userId)).toMatchObject({ longestStreakDays: 3 });
  });

  it('the end of daylight saving time in New York leaves the days consecutive', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'dst', 3);
    const time = clock('2026-10-31T16:00:00Z'); // noon EDT, Saturday 31 October
    const core = await student({ now: time.now, timeZone: NEW_YORK });
    const userId = core.user!.id;
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 5 });
    time.set('2026-11-02T04:30:00Z'); // 23:30 EST on Sunday 1 November — already the 2nd in UTC
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });
    time.set('2026-11-02T17:00:00Z'); // noon EST, Monday 2 November
    await core.call('progress.completeLesson', { lessonId: lessonIds[2]!, score: 80, timeSpentMinutes: 5 });

    expect((await studyDays(userId)).map((d) => d.day)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect((await core.call('motivation.summary')).streak).toMatchObject({ current: 3, longest: 3 });
  });

  it('motivation.summary reports the streak, the level and the hideStreaks choice', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'summary', 3);
    const time = clock('2026-11-24T09:00:00Z');
    const core = await student({ now: time.now });
    const fresh = await core.call('motivation.summary');
    expect(fresh).toEqual({
      totalPoints: 0,
      level: 1,
      currentLevelAt: 0,
      nextLevelAt: 200,
      totalLessonsCompleted: 0,
      streak: { current: 0, longest: 0, freezesAvailable: 0, todayQualified: false },
      todayMinutes: 0,
      dailyGoalMinutes: 30,
      hideStreaks: false,
      hideComparisons: false,
    });

    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 5 });
    time.set('2026-11-25T09:00:00Z');
    // 50 earned, 150 from earlier: the next lesson's 30 reach level 2.
    await grantPoints(core.user!.id, 150);
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 80, timeSpentMinutes: 5 });
    await core.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 7 });
    await core.call('preferences.update', { otherSettings: { hideStreaks: true } });

    expect(await core.call('motivation.summary')).toEqual({
      totalPoints: 230,
      level: 2,
      currentLevelAt: 200,
      nextLevelAt: 500,
      totalLessonsCompleted: 2,
      streak: { current: 2, longest: 2, freezesAvailable: 0, todayQualified: true },
      todayMinutes: 7,
      dailyGoalMinutes: 30,
      hideStreaks: true,
      hideComparisons: false,
    });
  });

  // ---------------------------------------------------------------------------------------------
  // The dashboard.

  it('dashboard of a new student: nothing yet, thirty zero days ending today', async () => {
    const core = await student({ start: '2026-11-25T22:30:00Z' }); // 01:30 on the 26th in Moscow
    const board = await core.call('motivation.dashboard');
    expect(board).toMatchObject({ today: '2026-11-26', timeZone: MOSCOW, heatmap: [], courses: [], lessonScores: [] });
    expect(board.recentDays).toHaveLength(30);
    expect(board.recentDays[0]).toEqual({ day: '2026-10-28', minutes: 0 });
    expect(board.recentDays.at(-1)).toEqual({ day: '2026-11-26', minutes: 0 });
    expect(board.recentDays.every((d) => d.minutes === 0)).toBe(true);
    expect(board.comparison).toEqual({ thisWeekMinutes: 0, lastWeekMinutes: 0 });

    await core.call('preferences.update', { otherSettings: { hideComparisons: true } });
    const hidden = await core.call('motivation.dashboard');
    expect(hidden.comparison).toBeNull();
    expect(hidden.summary.hideComparisons).toBe(true);
  });

  it('dashboard after some study: today’s minutes, the week against the last, the scored lesson', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'board', 3);
    const time = clock('2026-11-17T09:00:00Z');
    const core = await student({ now: time.now });
    await core.call('study.recordTime', { lessonId: lessonIds[0]!, minutes: 10 }); // 8 days ago: last week
    time.set('2026-11-25T09:00:00Z');
    await core.call('lessons.start', { lessonId: lessonIds[1]! });
    await core.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 15 });
    await core.call('study.recordTime', { lessonId: lessonIds[1]!, minutes: 10 });
    await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 85, timeSpentMinutes: 25 });

    const board = await core.call('motivation.dashboard');
    expect(board.heatmap).toEqual([
      { day: '2026-11-17', minutes: 10 },
      { day: '2026-11-25', minutes: 25 },
    ]);
    expect(board.recentDays).toHaveLength(30);
    expect(board.recentDays.at(-1)).toEqual({ day: '2026-11-25', minutes: 25 });
    expect(board.recentDays.find((d) => d.day === '2026-11-17')).toEqual({ day: '2026-11-17', minutes: 10 });
    expect(board.comparison).toEqual({ thisWeekMinutes: 25, lastWeekMinutes: 10 });
    expect(board.courses).toEqual([
      { courseId, title: 'Курс board', status: 'active', progressPercentage: 33.33, completedLessons: 1, totalLessons: 3 },
    ]);
    expect(board.lessonScores).toEqual([
      { lessonId: lessonIds[1], courseId, courseTitle: 'Курс board', lessonNumber: 2, title: 'Урок 2', score: 85 },
    ]);
    expect(board.summary).toMatchObject({ todayMinutes: 25, totalPoints: POINTS.lessonCompleted });
  });

  it('dashboard over two years of history (50,000 log rows): the last 365 days, nobody else’s', async () => {
    const core = await student();
    const other = await student();
    const userId = core.user!.id;
    const today = '2026-11-25';
    const ROWS = 50_000;
    const DAYS = 730;
    const rowMinutes = (g: number) => 1 + (g % 7);
    // Row g is on day today − (g mod 730); the days' totals are summed from the log, as the app does.
    await ctx.db.execute(sql`
      INSERT INTO user_activity_log (user_id, activity_type, activity_data, created_at)
      SELECT ${userId}, 'study_time',
        jsonb_build_object('day', (${today}::date - (g % ${DAYS}))::text, 'minutes', 1 + g % 7),
        (${today}::date - (g % ${DAYS}))::timestamp AT TIME ZONE 'UTC' + interval '9 hours'
      FROM generate_series(0, ${ROWS - 1}) AS g`);
    // The other student studied a lot, and even "tomorrow" by a wrong clock.
    await ctx.db.execute(sql`
      INSERT INTO user_activity_log (user_id, activity_type, activity_data, created_at)
      SELECT ${other.user!.id}, 'study_time',
        jsonb_build_object('day', (${today}::date + 1 - g)::text, 'minutes', 500),
        (${today}::date + 1 - g)::timestamp AT TIME ZONE 'UTC' + interval '9 hours'
      FROM generate_series(0, ${DAYS}) AS g`);
    await ctx.db.execute(sql`
      INSERT INTO user_study_days (user_id, day, study_minutes)
      SELECT user_id, (activity_data ->> 'day')::date, sum((activity_data ->> 'minutes')::int)
      FROM user_activity_log GROUP BY 1, 2`);

    const perDay = new Map<string, number>();
    for (let g = 0; g < ROWS; g++) {
      const day = addDays(today, -(g % DAYS));
      perDay.set(day, (perDay.get(day) ?? 0) + rowMinutes(g));
    }
    const sumDays = (from: number, to: number) => {
      let total = 0;
      for (let i = from; i <= to; i++) total += perDay.get(addDays(today, -i)) ?? 0;
      return total;
    };

    const board = await core.call('motivation.dashboard');
    expect(board.today).toBe(today);
    expect(board.heatmap).toHaveLength(365);
    expect(board.heatmap[0]!.day).toBe(addDays(today, -364));
    expect(board.heatmap.at(-1)).toEqual({ day: today, minutes: perDay.get(today) });
    expect(board.heatmap.reduce((total, d) => total + d.minutes, 0)).toBe(sumDays(0, 364));
    expect(board.heatmap.every((d) => d.minutes === perDay.get(d.day))).toBe(true);
    expect(board.recentDays).toHaveLength(30);
    expect(board.recentDays.reduce((total, d) => total + d.minutes, 0)).toBe(sumDays(0, 29));
    expect(board.comparison).toEqual({ thisWeekMinutes: sumDays(0, 6), lastWeekMinutes: sumDays(7, 13) });
    // Every one of the 730 days reached the 30-minute goal.
    expect(board.summary.streak).toMatchObject({ current: DAYS, longest: DAYS, todayQualified: true });
    expect(board.summary.todayMinutes).toBe(perDay.get(today));

    const theirs = await other.call('motivation.dashboard');
    expect(theirs.heatmap).toHaveLength(365);
    expect(theirs.heatmap.every((d) => d.minutes === 500)).toBe(true);
    expect(theirs.heatmap.at(-1)!.day).toBe(today);
  });

  it('local days come from the device’s zone, not the server’s', () => {
    // A guard for the fixtures above: the instants chosen really are the days the tests name.
    expect(localDay(new Date('2026-11-25T18:30:00Z'), NOVOSIBIRSK)).toBe('2026-11-26');
    expect(localDay(new Date('2026-11-25T18:30:00Z'), MOSCOW)).toBe('2026-11-25');
    expect(localDay(new Date('2026-11-02T04:30:00Z'), NEW_YORK)).toBe('2026-11-01');
  });
});
