import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { courseIdFor } from '../../src/core/content/content-ids';
import { installPack } from '../../src/core/content/install-pack';
import { lessons } from '../../src/core/db/schema';
import { makePack } from '../support/fixtures';
import { heal, linkedStudent, twoComputers } from '../support/sync-world';

/*
 * A course added on one computer from a file is not on the server: what a student does in it is
 * refused there. That must never look like «Синхронизировано» with nothing said: the student reads
 * which changes stayed on this computer, and why.
 */

const computers = twoComputers();

it('progress in a course only this computer has is refused by the server, and the student is told which and why', async () => {
  const { a, b } = await linkedStudent(computers.world, computers.first, computers.second);
  const pack = makePack('only-here', 2, { title: 'Курс только на этом компьютере' });
  await installPack(computers.first.db.db, pack, 'c'.repeat(64), { publication: { publisher: 'import' } });
  const courseId = courseIdFor(pack.course.key);
  const [lesson] = await computers.first.db.db.select({ id: lessons.id, title: lessons.title }).from(lessons).where(eq(lessons.courseId, courseId)).orderBy(lessons.lessonNumber);

  await a.call('courses.enrol', { courseId });
  await a.call('lessons.start', { lessonId: lesson!.id });
  expect(await a.call('sync.rejections')).toEqual([]);
  await heal([a, b]);

  const rejections = await a.call('sync.rejections');
  expect(rejections.map((r) => [r.subject, r.title, r.reason])).toEqual([
    ['lesson', lesson!.title, 'not_on_server'],
    ['course', pack.course.title, 'not_on_server'],
  ]);
  expect(rejections[0]!.serverMessage).toMatch(/^not_found: /);
  // Only the student who made them reads them; «Понятно» clears them.
  expect(await b.call('sync.rejections')).toEqual([]);
  expect(await a.call('sync.dismissRejections')).toEqual([]);
  expect(await a.call('sync.rejections')).toEqual([]);
});
