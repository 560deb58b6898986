import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore, type TestCore } from '../../../tests/support/test-core';
import { makePack } from '../../../tests/support/fixtures';
import { PACK_CHANGED_SINCE_PREVIEW } from '../../shared/contract/content';
import type { ContentPack } from '../../shared/content';
import { coursePublishers, courses, examCourses, lessons, userLessons, users } from '../db/schema';
import type { Db } from '../db/types';
import { courseIdFor, lessonIdFor } from './content-ids';
import { installPack } from './install-pack';
import { installPackDirectory } from './load-packs';

const file = (pack: unknown, fileName = 'pack.json') => ({ fileName, text: JSON.stringify(pack) });

/** The two steps of the import screen: preview, then confirm that very file. */
async function importFile(core: TestCore, pack: ContentPack, fileName = 'pack.json') {
  const preview = await core.call('content.previewPack', file(pack, fileName));
  return core.call('content.importPack', { ...file(pack, fileName), checksum: preview.checksum });
}

const activeLessons = (db: Db, courseId: string) =>
  db.select({ id: lessons.id, number: lessons.lessonNumber }).from(lessons).where(and(eq(lessons.courseId, courseId), isNull(lessons.retiredAt))).orderBy(lessons.lessonNumber);

describeOnEachDatabase('importing a content pack from a file', (ctx) => {
  it('a teacher previews a pack, then imports exactly that file; importing it again updates it without duplicates or lost progress', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher', fullName: 'Ирина Петровна' } });
    const student = await createTestCore(ctx.database);
    const pack = makePack('school-geometry', 3, { title: 'Геометрия от школы №5', subject: 'geometry', grade: 7 });

    const preview = await teacher.call('content.previewPack', file(pack, 'geometry.json'));
    expect(preview).toMatchObject({
      action: 'add',
      current: null,
      blocked: null,
      title: 'Геометрия от школы №5',
      lessons: [1, 2, 3].map((n) => ({ number: n, change: 'new' })),
      retiring: [],
      students: { enrolled: 0, onRetiringLessons: 0 },
    });
    expect(await ctx.db.select().from(courses)).toEqual([]);

    expect(await teacher.call('content.importPack', { ...file(pack, 'geometry.json'), checksum: preview.checksum })).toMatchObject({
      title: 'Геометрия от школы №5',
      lessons: 3,
      updated: false,
      retiredLessons: 0,
    });
    await student.call('progress.completeLesson', { lessonId: lessonIdFor('school-geometry', 'lesson-2'), score: 75, timeSpentMinutes: 9 });

    const revised = { ...pack, version: 2, lessons: pack.lessons.map((l, i) => (i === 0 ? l : { ...l, title: `${l.title} (новая редакция)` })) };
    expect(await teacher.call('content.previewPack', file(revised))).toMatchObject({
      action: 'update',
      current: { version: 1, publisher: 'import', publishedBy: 'Ирина Петровна', retired: false },
      lessons: [{ change: 'unchanged' }, { change: 'changed' }, { change: 'changed' }],
      students: { enrolled: 1, onRetiringLessons: 0 },
      blocked: null,
    });
    expect(await importFile(teacher, revised)).toMatchObject({ updated: true });

    expect(await ctx.db.select().from(courses)).toHaveLength(1);
    expect((await ctx.db.select().from(lessons)).map((l) => l.title).sort()).toEqual(['Урок 1', 'Урок 2 (новая редакция)', 'Урок 3 (новая редакция)']);
    expect(await ctx.db.select({ score: userLessons.score }).from(userLessons)).toEqual([{ score: 75 }]);
  });

  it('the review’s attack: a starter key, version 999, one lesson — a teacher is refused; an admin sees who loses what, and nobody’s progress goes', async () => {
    const starter = makePack('math-5', 6);
    await installPack(ctx.db, starter, 'starter-v1');
    const student = await createTestCore(ctx.database);
    for (const key of ['lesson-2', 'lesson-3']) {
      await student.call('progress.completeLesson', { lessonId: lessonIdFor('math-5', key), score: 90, timeSpentMinutes: 5 });
    }
    const courseId = courseIdFor('math-5');
    const attack = { ...makePack('math-5', 1), version: 999 };

    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const seen = await teacher.call('content.previewPack', file(attack));
    expect(seen).toMatchObject({ action: 'replace', blocked: 'not_yours', current: { publisher: 'starter', version: 1 } });
    expect(await teacher.raw('content.importPack', { ...file(attack), checksum: seen.checksum })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ message: 'not_yours' }] },
    });
    expect(await activeLessons(ctx.db, courseId)).toHaveLength(6);

    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const preview = await admin.call('content.previewPack', file(attack));
    expect(preview).toMatchObject({
      action: 'replace',
      blocked: null,
      lessons: [{ number: 1, change: 'unchanged' }],
      students: { enrolled: 1, onRetiringLessons: 1 },
    });
    expect(preview.retiring.map((l) => [l.number, l.students])).toEqual([
      [2, 1],
      [3, 1],
      [4, 0],
      [5, 0],
      [6, 0],
    ]);
    expect(await admin.call('content.importPack', { ...file(attack), checksum: preview.checksum })).toMatchObject({ retiredLessons: 5 });

    // Retired, not deleted: the student's finished lessons, points and lifetime count stay theirs.
    expect(await activeLessons(ctx.db, courseId)).toHaveLength(1);
    expect(await ctx.db.$count(lessons, eq(lessons.courseId, courseId))).toBe(6);
    expect(await ctx.db.$count(userLessons, eq(userLessons.userId, student.user!.id))).toBe(2);
    const view = await student.call('courses.get', { courseId });
    expect(view.totalLessons).toBe(1);
    expect(view.lessons.map((l) => [l.number, l.status, l.retired])).toEqual([
      [1, 'not_started', false],
      [2, 'completed', true],
      [3, 'completed', true],
    ]);
    expect((await student.call('lessons.get', { lessonId: lessonIdFor('math-5', 'lesson-3') })).title).toBe('Урок 3');
    const [totals] = await ctx.db.select({ lifetime: users.totalLessonsCompleted, points: users.totalPoints }).from(users).where(eq(users.id, student.user!.id));
    expect({ lifetime: totals?.lifetime, points: (totals?.points ?? 0) > 0 }).toEqual({ lifetime: 2, points: true });

    // The starter pack does not undo the admin's choice on the next start; withdrawing it brings the starter course back.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
    try {
      fs.writeFileSync(path.join(dir, 'math-5.json'), JSON.stringify({ ...starter, version: 2 }));
      const start = () => installPackDirectory(ctx.db, dir, { publisher: 'starter', now: () => new Date() });
      expect((await start()).installed).toEqual([]);
      expect(await admin.call('content.withdrawCourse', { courseId })).toMatchObject([{ courseId, retired: true, canWithdraw: false }]);
      expect((await start()).installed).toEqual(['math-5']);
      expect(await activeLessons(ctx.db, courseId)).toHaveLength(6);
      expect((await student.call('courses.get', { courseId })).enrolment).toMatchObject({ completedLessons: 2, totalLessons: 6 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken, foreign or oversized file with a short reason the page can translate — never the validator’s English', async () => {
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const manyMistakes = { ...makePack('bad-pack', 3), version: 0, course: { ...makePack('bad-pack', 3).course, subject: 'astrology', grade: 40 } };
    manyMistakes.lessons = manyMistakes.lessons.map((l) => ({ ...l, number: 7, title: '', exercises: [] }));
    const refusals: [string, string, string, string[]][] = [
      ['notjson.json', '{"format": "teacher-ai-pack/1",', 'invalid_input', ['pack_not_json']],
      ['wrong.json', JSON.stringify({ ...makePack('bad-pack', 1), format: 'something-else' }), 'invalid_input', ['pack_not_a_pack']],
      ['array.json', '[1, 2, 3]', 'invalid_input', ['pack_not_a_pack']],
      ['extra.json', JSON.stringify({ ...makePack('bad-pack', 1), script: '<script>alert(1)</script>' }), 'invalid_input', ['pack_invalid']],
      ['gap.json', JSON.stringify({ ...makePack('bad-pack', 2), lessons: [makePack('bad-pack', 2).lessons[1]] }), 'invalid_input', ['pack_invalid']],
      ['huge.json', 'x'.repeat(900_001), 'invalid_input', ['pack_too_large']],
    ];
    for (const [fileName, text, code, messages] of refusals) {
      for (const method of ['content.previewPack', 'content.importPack']) {
        const result = await admin.raw(method, { fileName, text, ...(method === 'content.importPack' ? { checksum: 'a'.repeat(64) } : {}) });
        expect({ fileName, method, result }).toMatchObject({ fileName, method, result: { ok: false, error: { code } } });
        if (!result.ok) expect({ fileName, messages: [...new Set(result.error.issues?.map((i) => i.message))] }).toEqual({ fileName, messages });
      }
    }
    const gap = await admin.raw('content.previewPack', { fileName: 'gap.json', text: refusals[4]![1] });
    expect(gap).toMatchObject({ ok: false, error: { issues: [{ path: 'lessons.0.number', message: 'pack_invalid' }] } });

    const many = await admin.raw('content.previewPack', file(manyMistakes));
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.error.issues!.length).toBeGreaterThan(5);
      expect(many.error.issues!.every((i) => i.message === 'pack_invalid')).toBe(true);
      expect(JSON.stringify(many.error.issues)).not.toMatch(/Invalid|expected|Too small/);
    }
    expect(await ctx.db.select().from(courses)).toEqual([]);
  });

  it('installs only the file that was previewed', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const previewed = makePack('geo-7', 2);
    const { checksum } = await teacher.call('content.previewPack', file(previewed));
    const swapped = { ...previewed, course: { ...previewed.course, title: 'Другой курс' } };
    expect(await teacher.raw('content.importPack', { ...file(swapped), checksum })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ message: PACK_CHANGED_SINCE_PREVIEW }] },
    });
    expect(await ctx.db.select().from(courses)).toEqual([]);
  });

  it('only an admin replaces another teacher’s course; its importer or an admin withdraws it, and every student keeps their progress', async () => {
    const anna = await createTestCore(ctx.database, { as: { role: 'teacher', fullName: 'Анна Сергеевна' } });
    const boris = await createTestCore(ctx.database, { as: { role: 'teacher', fullName: 'Борис Ильич' } });
    const enrolled = await createTestCore(ctx.database);
    const other = await createTestCore(ctx.database);
    const pack = makePack('annas-course', 2);
    const { courseId } = await importFile(anna, pack);
    await enrolled.call('progress.completeLesson', { lessonId: lessonIdFor('annas-course', 'lesson-1'), score: 100, timeSpentMinutes: 3 });

    const v2 = { ...pack, version: 2 };
    const borisSees = await boris.call('content.previewPack', file(v2));
    expect(borisSees).toMatchObject({ action: 'replace', blocked: 'not_yours', current: { publishedBy: 'Анна Сергеевна' } });
    expect(await boris.raw('content.importPack', { ...file(v2), checksum: borisSees.checksum })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await boris.raw('content.withdrawCourse', { courseId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await boris.call('content.importedCourses')).toMatchObject([{ courseId, importedBy: 'Анна Сергеевна', canWithdraw: false, retired: false }]);

    expect(await anna.call('content.withdrawCourse', { courseId })).toMatchObject([{ courseId, retired: true, canWithdraw: false }]);
    // Retired: out of the catalogue for everyone else, still there (with progress) for the student enrolled.
    expect((await other.call('courses.list')).map((c) => c.id)).not.toContain(courseId);
    expect(await other.raw('courses.get', { courseId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await other.raw('courses.enrol', { courseId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await other.raw('lessons.get', { lessonId: lessonIdFor('annas-course', 'lesson-1') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await other.raw('progress.completeLesson', { lessonId: lessonIdFor('annas-course', 'lesson-1'), score: 50, timeSpentMinutes: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await other.call('catalogue.search', { query: 'курс' })).courses.map((c) => c.id)).not.toContain(courseId);
    const mine = (await enrolled.call('courses.list')).find((c) => c.id === courseId);
    expect(mine).toMatchObject({ retired: true, enrolment: { completedLessons: 1 } });
    expect((await enrolled.call('lessons.get', { lessonId: lessonIdFor('annas-course', 'lesson-2') })).title).toBe('Урок 2');

    // Anna brings it back with a new version; an admin may replace anyone's.
    expect(await importFile(anna, v2)).toMatchObject({ updated: true });
    expect((await other.call('courses.list')).map((c) => c.id)).toContain(courseId);
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    expect(await importFile(admin, { ...pack, version: 3 })).toMatchObject({ updated: true });
    expect(await admin.call('content.withdrawCourse', { courseId })).toMatchObject([{ courseId, retired: true }]);
    expect(await ctx.db.$count(userLessons, eq(userLessons.userId, enrolled.user!.id))).toBe(1);
  });

  it('a course of the school server is changed on the server: no file replaces it here, not even an admin’s', async () => {
    const { courseId } = await installPack(ctx.db, makePack('server-course', 3), 'from-server');
    await ctx.db.update(coursePublishers).set({ publisher: 'server' }).where(eq(coursePublishers.courseId, courseId));
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const pack = { ...makePack('server-course', 2), version: 5 };
    const preview = await admin.call('content.previewPack', file(pack));
    expect(preview).toMatchObject({ blocked: 'server_course', current: { publisher: 'server' } });
    expect(await admin.raw('content.importPack', { ...file(pack), checksum: preview.checksum })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ message: 'server_course' }] },
    });
    expect(await activeLessons(ctx.db, courseId)).toHaveLength(3);
  });

  it('is for teachers and admins only', async () => {
    const student = await createTestCore(ctx.database);
    for (const [method, input] of [
      ['content.previewPack', file(makePack('x-pack', 1))],
      ['content.importPack', { ...file(makePack('x-pack', 1)), checksum: 'a'.repeat(64) }],
      ['content.importedCourses', undefined],
      ['content.withdrawCourse', { courseId: courseIdFor('x-pack') }],
    ] as const) {
      expect(await student.raw(method, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('dates what it does by the core’s clock', async () => {
    const at = new Date('2031-05-06T07:08:09.000Z');
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' }, now: () => at });
    const student = await createTestCore(ctx.database, { now: () => new Date('2030-01-01T00:00:00Z') });
    const pack = makePack('oge-course', 3, { examType: 'ОГЭ', grade: 9 });
    await importFile(teacher, pack);
    await student.call('progress.completeLesson', { lessonId: lessonIdFor('oge-course', 'lesson-1'), score: 80, timeSpentMinutes: 5 });
    await importFile(teacher, { ...pack, version: 2, lessons: pack.lessons.slice(0, 2) });
    const [retired] = await ctx.db.select({ at: lessons.retiredAt }).from(lessons).where(eq(lessons.id, lessonIdFor('oge-course', 'lesson-3')));
    expect(retired?.at?.toISOString()).toBe(at.toISOString());
    const [exam] = await ctx.db.select({ at: examCourses.lastStudiedAt }).from(examCourses).where(eq(examCourses.userId, student.user!.id));
    expect(exam?.at?.toISOString()).toBe(at.toISOString());
    const [published] = await ctx.db.select({ at: coursePublishers.publishedAt }).from(coursePublishers);
    expect(published?.at.toISOString()).toBe(at.toISOString());
  });
});

describeOnEachDatabase('pack versions and progress after an update', (ctx) => {
  it('recounts enrolments when an update adds lessons, and never goes back to an older version', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const student = await createTestCore(ctx.database);
    const v1 = makePack('grow-course', 2);
    await importFile(teacher, v1, 'v1.json');
    for (const key of ['lesson-1', 'lesson-2']) {
      await student.call('progress.completeLesson', { lessonId: lessonIdFor('grow-course', key), score: 90, timeSpentMinutes: 5 });
    }
    const courseId = (await student.call('courses.list'))[0]!.id;
    expect((await student.call('courses.get', { courseId })).enrolment).toMatchObject({ status: 'completed', progressPercentage: 100 });

    const v2 = { ...makePack('grow-course', 4), version: 2 };
    await importFile(teacher, v2, 'v2.json');
    expect((await student.call('courses.get', { courseId })).enrolment).toMatchObject({
      status: 'active',
      completedLessons: 2,
      totalLessons: 4,
      progressPercentage: 50,
      currentLessonNumber: 3,
    });

    const older = await teacher.call('content.previewPack', file(v1, 'v1.json'));
    expect(older.blocked).toBe('older_version');
    expect(await teacher.raw('content.importPack', { ...file(v1, 'v1.json'), checksum: older.checksum })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ message: 'older_version' }] },
    });
    expect(await ctx.db.select().from(lessons)).toHaveLength(4);
  });
});
