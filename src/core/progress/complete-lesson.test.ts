import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import { outbox, userCourses, userLessons, users } from '../db/schema';

describeOnEachDatabase('progress: completing a lesson', (ctx) => {
  it('upserts the lesson, recounts the course, recomputes the percentage and advances the current lesson', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 4);
    const core = await createTestCore(ctx.database);
    await core.call('courses.enrol', { courseId });

    const first = await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 12 });

    expect(first.lesson).toEqual({ lessonId: lessonIds[0], status: 'completed', score: 80, timeSpentMinutes: 12 });
    expect(first.enrolment).toMatchObject({
      completedLessons: 1,
      totalLessons: 4,
      progressPercentage: 25,
      currentLessonNumber: 2,
      totalStudyTimeMinutes: 12,
      status: 'active',
    });
    const course = await core.call('courses.get', { courseId });
    expect(course.lessons.map((l) => l.status)).toEqual(['completed', 'not_started', 'not_started', 'not_started']);
    const [student] = await ctx.db.select().from(users).where(eq(users.id, core.session.requireUserId()));
    expect(student?.totalLessonsCompleted).toBe(1);
  });

  it('completing the same lesson twice changes nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 10 });
    const snapshot = async () => ({
      lesson: await ctx.db.select().from(userLessons),
      course: await ctx.db.select().from(userCourses),
      user: await ctx.db.select().from(users),
    });
    const before = await snapshot();

    const again = await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 10 });

    expect(again.enrolment).toMatchObject({ completedLessons: 1, currentLessonNumber: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('a later, worse attempt never lowers the best score', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 95, timeSpentMinutes: 5 });
    const worse = await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 40, timeSpentMinutes: 8 });
    expect(worse.lesson).toMatchObject({ score: 95, timeSpentMinutes: 8 });
  });

  it('enrols a student who completes a lesson of a course they had not joined', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'physics-7', 2);
    const core = await createTestCore(ctx.database);
    const result = await core.call('progress.completeLesson', { lessonId: lessonIds[1]!, score: 70, timeSpentMinutes: 3 });
    expect(result.enrolment).toMatchObject({ courseId, status: 'active', completedLessons: 1, currentLessonNumber: 1, progressPercentage: 50 });
  });

  it('completing the last lesson completes the course and keeps the current lesson on the last one', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database);
    for (const lessonId of lessonIds) await core.call('progress.completeLesson', { lessonId, score: 100, timeSpentMinutes: 1 });
    const course = await core.call('courses.get', { courseId });
    expect(course.enrolment).toMatchObject({ status: 'completed', completedLessons: 3, progressPercentage: 100, currentLessonNumber: 3 });
  });

  it('records 1 of 3 as 33.33 percent', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database);
    const result = await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 50, timeSpentMinutes: 1 });
    expect(result.enrolment.progressPercentage).toBe(33.33);
  });

  it('writes the change and its outbox mutation in one transaction', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 60, timeSpentMinutes: 4 });
    const queued = await ctx.db.select().from(outbox).where(eq(outbox.name, 'lesson.complete'));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.args).toMatchObject({ lessonId: lessonIds[0], score: 60, timeSpentMinutes: 4 });
    expect(typeof queued[0]?.args.at).toBe('string');
  });

  it('refuses an unknown lesson or an out-of-range score and changes nothing', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);

    const unknown = await core.raw('progress.completeLesson', { lessonId: crypto.randomUUID(), score: 50, timeSpentMinutes: 1 });
    const tooHigh = await core.raw('progress.completeLesson', { lessonId: lessonIds[0], score: 101, timeSpentMinutes: 1 });
    const negative = await core.raw('progress.completeLesson', { lessonId: lessonIds[0], score: 50, timeSpentMinutes: -1 });

    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(tooHigh).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'score' }] } });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ctx.db.select().from(userLessons)).toEqual([]);
    expect(await ctx.db.select().from(userCourses)).toEqual([]);
    expect(await ctx.db.select().from(outbox)).toEqual([]);
  });

  it('rolls back the whole completion when a step fails midway', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);
    const userId = core.session.requireUserId();
    // A broken outbox (the last step) must take the lesson and the enrolment down with it.
    await ctx.db.execute(`ALTER TABLE outbox ADD CONSTRAINT outbox_test_refuse CHECK (name <> 'lesson.complete')`);
    try {
      const result = await core.raw('progress.completeLesson', { lessonId: lessonIds[0], score: 50, timeSpentMinutes: 1 });
      expect(result.ok).toBe(false);
      expect(await ctx.db.select().from(userLessons).where(and(eq(userLessons.userId, userId)))).toEqual([]);
      expect(await ctx.db.select().from(userCourses)).toEqual([]);
    } finally {
      await ctx.db.execute(`ALTER TABLE outbox DROP CONSTRAINT outbox_test_refuse`);
    }
  });
});
