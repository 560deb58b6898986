import { eq, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { makePack, seedCourse } from '../../../tests/support/fixtures';
import { createTestCore, type TestCore } from '../../../tests/support/test-core';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { NO_SCHOOL, schoolWithServer, trustServer } from '../../../tests/support/trust';
import type { RowChange } from '../../shared/sync';
import { courseIdFor, lessonIdFor } from '../content/content-ids';
import { executeRows } from '../db/execute-rows';
import { achievements, courses, lessons, syncAccounts, userAchievements, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { applyPull } from './apply-pull';
import type { TrustSource } from './trusted-server';

const SCHOOL_SERVER = 'https://sync.school-5.ru';
const EVIL_SERVER = 'http://10.6.6.6:8080';

/** A row as a server sends it: every column, as this database holds it now (plus changes). */
async function rowOf(db: Db, table: string, id: string, changes: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const [found] = await executeRows<{ row: Record<string, unknown> }>(
    db,
    sql`SELECT to_jsonb(t.*) - 'search_vector' AS row FROM ${sql.identifier(table)} t WHERE id = ${id}`,
  );
  return { ...found!.row, ...changes };
}

const deleted = (table: string, key: string): RowChange => ({ table, key, deleted: true, row: null });
const changed = (table: string, row: Record<string, unknown>): RowChange => ({ table, key: String(row.id), deleted: false, row });

async function link(db: Db, userId: string, serverUrl: string) {
  await db.insert(syncAccounts).values({ userId, serverUrl, deviceId: crypto.randomUUID() });
}

function pull(db: Db, userId: string, serverUrl: string, changes: RowChange[], school: TrustSource) {
  return applyPull(db, userId, { changes, cursor: '5.9', lastMutationId: 0, syncedAt: new Date('2030-09-01T08:00:00Z'), serverUrl }, school);
}

/** Two courses, two students with progress in the first, and an achievement one of them unlocked. */
async function classroom(ctx: { db: Db; database: Parameters<typeof createTestCore>[0] }) {
  const math = await seedCourse(ctx.db, 'math-5', 3);
  const physics = await seedCourse(ctx.db, 'physics-7', 2, { subject: 'physics', grade: 7 });
  const [award] = await ctx.db
    .insert(achievements)
    .values({ name: 'first-lesson', title: 'Первый урок', criteriaType: 'lessons_completed', criteriaValue: 1, pointsReward: 10 })
    .returning();
  const linked = await createTestCore(ctx.database);
  const classmate = await createTestCore(ctx.database);
  for (const student of [linked, classmate]) {
    await student.call('progress.completeLesson', { lessonId: math.lessonIds[0]!, score: 90, timeSpentMinutes: 10 });
  }
  const progressOf = async (student: TestCore) => ({
    enrolments: await ctx.db.$count(userCourses, eq(userCourses.userId, student.user!.id)),
    lessons: await ctx.db.$count(userLessons, eq(userLessons.userId, student.user!.id)),
    achievements: await ctx.db.$count(userAchievements, eq(userAchievements.userId, student.user!.id)),
  });
  return { math, physics, award: award!, linked, classmate, progressOf };
}

describeOnEachDatabase('the catalogue comes only from the computer’s trusted server', (ctx) => {
  it('a student’s own server cannot delete or rewrite the catalogue: its catalogue changes are ignored and counted, the student’s own rows are taken', async () => {
    const { math, physics, award, linked, classmate, progressOf } = await classroom(ctx);
    const before = { linked: await progressOf(linked), classmate: await progressOf(classmate) };
    await link(ctx.db, linked.user!.id, EVIL_SERVER);
    const phishing = await rowOf(ctx.db, 'lessons', math.lessonIds[1]!, { content: 'Срочно войдите: http://evil.example/login' });
    const ownProgress = await rowOf(ctx.db, 'user_lessons', (await ctx.db.select().from(userLessons).where(eq(userLessons.userId, linked.user!.id)))[0]!.id, { score: 99 });
    const classmatesRow = await rowOf(ctx.db, 'user_lessons', (await ctx.db.select().from(userLessons).where(eq(userLessons.userId, classmate.user!.id)))[0]!.id, { score: 1 });
    const unknownCourse = { id: crypto.randomUUID(), user_id: linked.user!.id, course_id: crypto.randomUUID(), status: 'active' };
    // A row under the key of a classmate's row, claiming to be the linked student's: the classmate's stays theirs.
    const [classmatesFact] = await executeRows<{ id: string }>(ctx.db, sql`SELECT id FROM user_activity_log WHERE user_id = ${classmate.user!.id} LIMIT 1`);
    const hijack = await rowOf(ctx.db, 'user_activity_log', classmatesFact!.id, { user_id: linked.user!.id, activity_data: { points: 5000 } });

    const outcome = await pull(ctx.db, linked.user!.id, EVIL_SERVER, [
      deleted('courses', math.courseId),
      deleted('courses', physics.courseId),
      deleted('lessons', math.lessonIds[0]!),
      deleted('achievements', award.id),
      changed('lessons', phishing),
      changed('courses', await rowOf(ctx.db, 'courses', physics.courseId, { title: 'Взломано' })),
      changed('user_lessons', ownProgress),
      changed('user_lessons', classmatesRow),
      changed('user_courses', unknownCourse),
      changed('user_activity_log', hijack),
    ], NO_SCHOOL);

    expect(outcome.ignored).toEqual({ catalogue: 6, rows: 3 });
    expect(await rowOf(ctx.db, 'user_activity_log', classmatesFact!.id)).toMatchObject({ user_id: classmate.user!.id });
    expect(await ctx.db.$count(courses, isNull(courses.retiredAt))).toBe(2);
    expect(await ctx.db.$count(lessons, isNull(lessons.retiredAt))).toBe(5);
    const [lesson] = await ctx.db.select({ content: lessons.content }).from(lessons).where(eq(lessons.id, math.lessonIds[1]!));
    expect(lesson?.content).not.toContain('evil');
    expect((await ctx.db.select({ title: courses.title }).from(courses).where(eq(courses.id, physics.courseId)))[0]?.title).not.toBe('Взломано');
    expect(await progressOf(classmate)).toEqual(before.classmate);
    expect(await progressOf(linked)).toEqual(before.linked);
    const scores = await ctx.db.select({ userId: userLessons.userId, score: userLessons.score }).from(userLessons);
    expect(scores.find((s) => s.userId === linked.user!.id)?.score).toBe(99);
    expect(scores.find((s) => s.userId === classmate.user!.id)?.score).toBe(90);
  });

  it('the school’s server retires what it deletes: every course gone from its catalogue, yet no enrolment, lesson done or achievement lost', async () => {
    const { math, physics, award, linked, classmate, progressOf } = await classroom(ctx);
    const before = { linked: await progressOf(linked), classmate: await progressOf(classmate) };
    const lonely = await createTestCore(ctx.database);
    await link(ctx.db, linked.user!.id, SCHOOL_SERVER);
    const revised = await rowOf(ctx.db, 'lessons', math.lessonIds[1]!, { content: 'Новая редакция урока' });

    const outcome = await pull(ctx.db, linked.user!.id, `${SCHOOL_SERVER}/`, [
      deleted('courses', math.courseId),
      deleted('courses', physics.courseId),
      deleted('lessons', math.lessonIds[2]!),
      deleted('achievements', award.id),
      changed('lessons', revised),
    ], schoolWithServer(SCHOOL_SERVER));

    expect(outcome.ignored).toEqual({ catalogue: 0, rows: 0 });
    expect(await ctx.db.$count(courses)).toBe(2);
    expect(await ctx.db.$count(courses, isNull(courses.retiredAt))).toBe(0);
    expect(await ctx.db.$count(lessons)).toBe(5);
    expect(await progressOf(linked)).toEqual(before.linked);
    expect(await progressOf(classmate)).toEqual(before.classmate);
    expect(before.classmate).toMatchObject({ enrolments: 1, lessons: 1 });
    expect((await ctx.db.select({ content: lessons.content }).from(lessons).where(eq(lessons.id, math.lessonIds[1]!)))[0]?.content).toBe('Новая редакция урока');
    // Enrolled students keep the retired course; nobody else finds it or joins it.
    expect(await classmate.call('courses.list')).toMatchObject([{ id: math.courseId, retired: true, enrolment: { completedLessons: 1 } }]);
    expect(await lonely.call('courses.list')).toEqual([]);
    expect(await lonely.raw('courses.enrol', { courseId: physics.courseId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await classmate.call('lessons.get', { lessonId: math.lessonIds[2]! })).id).toBe(math.lessonIds[2]);
  });

  it('a server an admin trusted wins a lesson-number clash with a file imported here: the local lesson retires, the sync goes on', async () => {
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher' } });
    const local = makePack('shared-key', 2);
    const preview = await teacher.call('content.previewPack', { fileName: 'local.json', text: JSON.stringify(local) });
    await teacher.call('content.importPack', { fileName: 'local.json', text: JSON.stringify(local), checksum: preview.checksum });
    const student = await createTestCore(ctx.database);
    await student.call('progress.completeLesson', { lessonId: lessonIdFor('shared-key', 'lesson-1'), score: 70, timeSpentMinutes: 4 });
    await trustServer(ctx.db, SCHOOL_SERVER);
    await link(ctx.db, student.user!.id, SCHOOL_SERVER);

    // The server has the same course key with other lessons: its lesson 1 and 2 are not ours.
    const courseId = courseIdFor('shared-key');
    const course = await rowOf(ctx.db, 'courses', courseId, { title: 'Курс школьного сервера' });
    const template = await rowOf(ctx.db, 'lessons', lessonIdFor('shared-key', 'lesson-1'));
    const serverLessons = [1, 2].map((n) => ({ ...template, id: lessonIdFor('shared-key', `server-${n}`), lesson_number: n, title: `Серверный урок ${n}` }));
    const outcome = await pull(ctx.db, student.user!.id, SCHOOL_SERVER, [changed('courses', course), ...serverLessons.map((row) => changed('lessons', row))], NO_SCHOOL);

    expect(outcome.ignored).toEqual({ catalogue: 0, rows: 0 });
    const rows = await ctx.db.select({ title: lessons.title, retired: lessons.retiredAt }).from(lessons).where(eq(lessons.courseId, courseId)).orderBy(lessons.title);
    expect(rows.map((r) => [r.title, r.retired !== null])).toEqual([
      ['Серверный урок 1', false],
      ['Серверный урок 2', false],
      ['Урок 1', true],
      ['Урок 2', true],
    ]);
    expect(await ctx.db.$count(userLessons, eq(userLessons.userId, student.user!.id))).toBe(1);
    const again = await teacher.call('content.previewPack', { fileName: 'local.json', text: JSON.stringify({ ...local, version: 2 }) });
    expect(again.blocked).toBe('server_course');
  });
});
