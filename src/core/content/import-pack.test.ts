import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { makePack } from '../../../tests/support/fixtures';
import { courses, lessons, userLessons } from '../db/schema';
import { lessonIdFor } from './content-ids';

describeOnEachDatabase('importing a content pack from a file', (ctx) => {
  it('a teacher imports a pack; importing it again updates it without duplicates or lost progress', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const student = await createTestCore(ctx.database);
    const pack = makePack('school-geometry', 3, { title: 'Геометрия от школы №5', subject: 'geometry', grade: 7 });

    expect(await teacher.call('content.importPack', { fileName: 'geometry.json', text: JSON.stringify(pack) })).toMatchObject({
      title: 'Геометрия от школы №5',
      lessons: 3,
      updated: false,
    });
    await student.call('progress.completeLesson', { lessonId: lessonIdFor('school-geometry', 'lesson-2'), score: 75, timeSpentMinutes: 9 });

    const revised = { ...pack, version: 2, lessons: pack.lessons.map((l) => ({ ...l, title: `${l.title} (новая редакция)` })) };
    expect(await teacher.call('content.importPack', { fileName: 'geometry-v2.json', text: JSON.stringify(revised) })).toMatchObject({ updated: true });

    expect(await ctx.db.select().from(courses)).toHaveLength(1);
    expect((await ctx.db.select().from(lessons)).map((l) => l.title).sort()).toEqual(['Урок 1 (новая редакция)', 'Урок 2 (новая редакция)', 'Урок 3 (новая редакция)']);
    expect(await ctx.db.select({ score: userLessons.score }).from(userLessons)).toEqual([{ score: 75 }]);
  });

  it('refuses a broken or malicious pack with its reasons, and installs nothing of it', async () => {
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const refusals = [
      { fileName: 'notjson.json', text: '{"format": "teacher-ai-pack/1",' },
      { fileName: 'wrong.json', text: JSON.stringify({ ...makePack('bad-pack', 1), format: 'something-else' }) },
      { fileName: 'extra.json', text: JSON.stringify({ ...makePack('bad-pack', 1), script: '<script>alert(1)</script>' }) },
      { fileName: 'gap.json', text: JSON.stringify({ ...makePack('bad-pack', 2), lessons: [makePack('bad-pack', 2).lessons[1]] }) },
      { fileName: 'huge.json', text: 'x'.repeat(900_001) },
    ];
    for (const input of refusals) {
      const result = await admin.raw('content.importPack', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.issues?.length).toBeGreaterThan(0);
    }
    expect(await ctx.db.select().from(courses)).toEqual([]);
  });

  it('is for teachers and admins only', async () => {
    const student = await createTestCore(ctx.database);
    expect(await student.raw('content.importPack', { fileName: 'p.json', text: JSON.stringify(makePack('x-pack', 1)) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describeOnEachDatabase('pack versions and progress after an update', (ctx) => {
  it('recounts enrolments when an update adds lessons, and never goes back to an older version', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const student = await createTestCore(ctx.database);
    const v1 = makePack('grow-course', 2);
    await teacher.call('content.importPack', { fileName: 'v1.json', text: JSON.stringify(v1) });
    for (const key of ['lesson-1', 'lesson-2']) {
      await student.call('progress.completeLesson', { lessonId: lessonIdFor('grow-course', key), score: 90, timeSpentMinutes: 5 });
    }
    const courseId = (await student.call('courses.list'))[0]!.id;
    expect((await student.call('courses.get', { courseId })).enrolment).toMatchObject({ status: 'completed', progressPercentage: 100 });

    const v2 = { ...makePack('grow-course', 4), version: 2 };
    await teacher.call('content.importPack', { fileName: 'v2.json', text: JSON.stringify(v2) });
    expect((await student.call('courses.get', { courseId })).enrolment).toMatchObject({
      status: 'active',
      completedLessons: 2,
      totalLessons: 4,
      progressPercentage: 50,
      currentLessonNumber: 3,
    });

    expect(await teacher.raw('content.importPack', { fileName: 'v1.json', text: JSON.stringify(v1) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ctx.db.select().from(lessons)).toHaveLength(4);
  });
});
