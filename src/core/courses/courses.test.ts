import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';

describeOnEachDatabase('courses: opening a course', (ctx) => {
  it('returns the course with its lessons in lesson order', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'algebra-8', 5);
    const core = await createTestCore(ctx.database);

    const course = await core.call('courses.get', { courseId });

    expect(course.id).toBe(courseId);
    expect(course.totalLessons).toBe(5);
    expect(course.lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5]);
    expect(course.lessons.map((l) => l.id)).toEqual(lessonIds);
    expect(course.lessons.every((l) => l.status === 'not_started' && l.score === null)).toBe(true);
    expect(course.enrolment).toBeNull();
  });

  it('lists the catalogue by grade, exam courses last, with the student’s own enrolment', async () => {
    await seedCourse(ctx.db, 'ege-math', 2, { grade: null, examType: 'ЕГЭ', title: 'ЕГЭ' });
    const { courseId } = await seedCourse(ctx.db, 'physics-7', 3, { grade: 7, subject: 'physics', title: 'Физика' });
    await seedCourse(ctx.db, 'math-5', 3, { grade: 5, title: 'Математика' });
    const core = await createTestCore(ctx.database);
    await core.call('courses.enrol', { courseId });

    const list = await core.call('courses.list');

    expect(list.map((c) => c.title)).toEqual(['Математика', 'Физика', 'ЕГЭ']);
    expect(list.find((c) => c.id === courseId)?.enrolment).toMatchObject({ status: 'active', completedLessons: 0, totalLessons: 3 });
    expect(list.filter((c) => c.enrolment === null)).toHaveLength(2);
  });

  it('answers not_found for a course that does not exist', async () => {
    const core = await createTestCore(ctx.database);
    const result = await core.raw('courses.get', { courseId: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('enrolling twice keeps one enrolment and records each as a mutation', async () => {
    const { courseId } = await seedCourse(ctx.db, 'math-5', 3);
    const core = await createTestCore(ctx.database);
    await core.call('courses.enrol', { courseId });
    const again = await core.call('courses.enrol', { courseId });
    expect(again).toMatchObject({ courseId, status: 'active', currentLessonNumber: 1, progressPercentage: 0 });
    const info = await core.call('app.info');
    expect(info.pendingChanges).toBe(2);
  });
});

describeOnEachDatabase('enrolment status', (ctx) => {
  it('pauses, resumes and drops an enrolment; completing a lesson of a paused course resumes it', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);
    await core.call('courses.enrol', { courseId });
    expect(await core.call('courses.setStatus', { courseId, status: 'paused' })).toMatchObject({ status: 'paused' });
    expect(await core.call('courses.setStatus', { courseId, status: 'dropped' })).toMatchObject({ status: 'dropped' });
    expect(await core.call('courses.setStatus', { courseId, status: 'active' })).toMatchObject({ status: 'active' });
    await core.call('courses.setStatus', { courseId, status: 'paused' });
    const done = await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 80, timeSpentMinutes: 3 });
    expect(done.enrolment.status).toBe('active');
  });

  it('leaves a completed course completed, and refuses a course the student never joined', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 1);
    const other = await seedCourse(ctx.db, 'physics-7', 1);
    const core = await createTestCore(ctx.database);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 100, timeSpentMinutes: 3 });
    expect(await core.call('courses.setStatus', { courseId, status: 'dropped' })).toMatchObject({ status: 'completed' });
    expect(await core.raw('courses.setStatus', { courseId: other.courseId, status: 'paused' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
