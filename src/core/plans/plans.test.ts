import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import { learningPlans, outbox } from '../db/schema';

// Wednesday 2026-11-25, 10:00 local time.
const now = () => new Date(2026, 10, 25, 10, 0, 0);

describeOnEachDatabase('learning plans', (ctx) => {
  it('makes a plan offline, stores it, and shows today’s work', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 5);
    const core = await createTestCore(ctx.database, { now });
    expect(await core.call('plans.get', { courseId })).toBeNull();

    const plan = await core.call('plans.generate', { courseId, targetDate: '2026-12-31', studyDays: [3, 5], minutesPerDay: 60 });

    expect(plan).toMatchObject({ today: '2026-11-25', fitsBeforeTarget: true, settings: { targetDate: '2026-12-31', studyDays: [3, 5], minutesPerDay: 60 } });
    expect(plan.sessions[0]?.date).toBe('2026-11-25');
    expect(plan.todayItems.map((i) => i.lessonId)).toContain(lessonIds[0]);
    expect(plan.lateItems).toEqual([]);
    const [row] = await ctx.db.select().from(learningPlans).where(eq(learningPlans.courseId, courseId));
    expect(row?.planData).toMatchObject({ version: 1, source: 'offline' });
    expect(row?.lessonsStructure).toHaveLength(5);
    expect(await ctx.db.select({ name: outbox.name }).from(outbox).where(eq(outbox.name, 'plan.generate'))).toHaveLength(1);
    expect(await core.call('plans.get', { courseId })).toEqual(plan);
  });

  it('follows progress: done lessons leave today’s list, and the plan notes the change', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database, { now });
    const before = await core.call('plans.generate', { courseId, targetDate: '2026-12-31', studyDays: [1, 2, 3, 4, 5, 6, 7], minutesPerDay: 300 });
    await new Promise((r) => setTimeout(r, 5));
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 20 });
    const after = await core.call('plans.get', { courseId });
    expect(after?.todayItems.map((i) => i.lessonId)).not.toContain(lessonIds[0]);
    expect(after?.lessonStatuses[lessonIds[0]!]).toBe('completed');
    expect(Date.parse(after!.lastUpdatedAt)).toBeGreaterThan(Date.parse(before.lastUpdatedAt));
  });

  it('regenerating replaces the plan and adds a review of a weak lesson', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database, { now });
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 40, timeSpentMinutes: 20 });
    const plan = await core.call('plans.generate', { courseId, targetDate: '2026-12-31', studyDays: [3], minutesPerDay: 480 });
    expect(plan.sessions.flatMap((s) => s.items.map((i) => `${i.kind}:${i.number}`))).toEqual(['review:1', 'lesson:2', 'lesson:3']);
    expect(await ctx.db.select().from(learningPlans)).toHaveLength(1);
  });

  it('says when the lessons do not fit before the target date', async () => {
    const { courseId } = await seedCourse(ctx.db, 'math-5', 6, { estimatedHours: 6 });
    const core = await createTestCore(ctx.database, { now });
    const plan = await core.call('plans.generate', { courseId, targetDate: '2026-11-27', studyDays: [1], minutesPerDay: 30 });
    expect(plan.fitsBeforeTarget).toBe(false);
    expect(plan.projectedEndDate! > '2026-11-27').toBe(true);
  });

  it('refuses a target date that is not after today, or a course that does not exist', async () => {
    const { courseId } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database, { now });
    expect(await core.raw('plans.generate', { courseId, targetDate: '2026-11-25', studyDays: [1], minutesPerDay: 30 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'targetDate' }] },
    });
    expect(await core.raw('plans.generate', { courseId: crypto.randomUUID(), targetDate: '2026-12-25', studyDays: [1], minutesPerDay: 30 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await ctx.db.select().from(learningPlans)).toEqual([]);
  });
});
