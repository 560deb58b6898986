import { isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackDirectory } from '../../src/core/content/load-packs';
import { executeRows } from '../../src/core/db/execute-rows';
import { courses, lessons, userLessons } from '../../src/core/db/schema';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import type { FetchLike } from '../../src/core/sync/sync-http';
import { createSyncWorld, heldTimers, openDevice, type SyncWorld } from '../support/sync-world';
import { createTestCore, silentTeachers, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { CONTENT_DIR, openTestPglite } from '../support/test-databases';

/*
 * Hole 2 of issue 21 against the real central server: a student links the computer to a server they
 * control, whose catalogue rewrites a lesson (a phishing link) and deletes every course. The computer
 * takes none of it unless the server is the one it trusts — and even then it retires, never deletes.
 */

let world: SyncWorld;
const opened: OpenedDatabase[] = [];
const cores: TestCore[] = [];
let rewritten: string;

beforeAll(async () => {
  world = await createSyncWorld();
  [{ id: rewritten }] = (await executeRows<{ id: string }>(world.serverDb, sql`SELECT id FROM lessons ORDER BY course_id, lesson_number LIMIT 1`)) as [{ id: string }];
  // The server's operator at work, recorded for devices like any change of the server's catalogue.
  await world.serverDb.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL teacher.track_changes = 'on'`);
    await tx.execute(sql`UPDATE lessons SET content = 'Срочно войдите: http://evil.example/login' WHERE id = ${rewritten}`);
    await tx.execute(sql`DELETE FROM courses`);
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(cores.map((core) => core.close()));
  await Promise.all(opened.map((db) => db.close()));
  await world?.close();
});

/** A school computer with the starter courses and a classmate who finished the first lesson of the first course. */
async function classroom(db: OpenedDatabase) {
  await installPackDirectory(db.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
  const classmate = await createTestCore(db);
  cores.push(classmate);
  await classmate.call('progress.completeLesson', { lessonId: rewritten, score: 100, timeSpentMinutes: 12 });
  return classmate;
}

const catalogueOf = async (db: Db) => ({
  courses: await db.$count(courses, isNull(courses.retiredAt)),
  lessons: await db.$count(lessons, isNull(lessons.retiredAt)),
  phishing: (await executeRows(db, sql`SELECT 1 FROM lessons WHERE content LIKE '%evil.example%'`)).length,
});

describe('the catalogue of a server the computer does not trust', () => {
  it('never reaches the computer: nothing is deleted or rewritten, the student’s own sync goes on, and the log says why', async () => {
    const db = await openTestPglite();
    opened.push(db);
    const classmate = await classroom(db);
    const before = await catalogueOf(db.db);
    const mallory = await createTestCore(db, { teachers: silentTeachers, syncFetch: fetch as unknown as FetchLike, syncTimers: heldTimers });
    cores.push(mallory);

    expect(await mallory.call('sync.linkRegister', { serverUrl: world.serverUrl, password: TEST_PASSWORD })).toMatchObject({ state: 'synced' });
    expect(await mallory.call('sync.now')).toMatchObject({ state: 'synced', pending: 0 });

    expect(before).toMatchObject({ phishing: 0 });
    expect(await catalogueOf(db.db)).toEqual(before);
    expect((await classmate.call('courses.list')).filter((c) => c.enrolment)).toMatchObject([{ retired: false, enrolment: { completedLessons: 1 } }]);
    expect(mallory.logged).toContainEqual({
      message: 'sync: catalogue changes from a server this computer does not trust were ignored',
      data: expect.objectContaining({ serverUrl: world.serverUrl }),
    });
  });
});

describe('the same changes from the computer’s trusted server', () => {
  it('are taken, and what the server deleted is retired: the classmate keeps the course and the finished lesson', async () => {
    const device = await openDevice(world);
    opened.push(device.db);
    const classmate = await classroom(device.db);
    const student = await device.core();
    cores.push(student);

    expect(await student.call('sync.linkRegister', { serverUrl: world.serverUrl, password: TEST_PASSWORD })).toMatchObject({ state: 'synced' });

    expect(await catalogueOf(device.db.db)).toEqual({ courses: 0, lessons: 0, phishing: 0 });
    expect(await device.db.db.$count(lessons)).toBeGreaterThan(0);
    expect(await device.db.db.$count(userLessons)).toBe(1);
    const [mine] = (await classmate.call('courses.list')).filter((c) => c.enrolment);
    expect(mine).toMatchObject({ retired: true, enrolment: { completedLessons: 1 } });
    expect(await student.call('courses.list')).toEqual([]);
    expect(student.logged.filter((l) => l.message.startsWith('sync: catalogue'))).toEqual([]);
  });
});
