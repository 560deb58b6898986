import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ImportedCourse } from '../../shared/contract';
import type { Clock } from '../clock';
import { contentPacks, coursePublishers, courses, users } from '../db/schema';
import type { Db } from '../db/types';
import { AppError, notFound } from '../errors/app-error';
import type { SignedInUser } from '../session/session';
import { findPublication, mayWithdraw } from './publications';

/** The courses imported from files on this computer, newest first, with who may withdraw each. */
export async function importedCourses(db: Db, actor: SignedInUser): Promise<ImportedCourse[]> {
  const rows = await db
    .select({
      courseId: courses.id,
      title: courses.title,
      version: contentPacks.version,
      importedById: coursePublishers.publishedBy,
      importedBy: users.fullName,
      importedAt: coursePublishers.publishedAt,
      retiredAt: courses.retiredAt,
    })
    .from(coursePublishers)
    .innerJoin(courses, eq(courses.id, coursePublishers.courseId))
    .leftJoin(users, eq(users.id, coursePublishers.publishedBy))
    .leftJoin(contentPacks, eq(contentPacks.key, coursePublishers.packKey))
    .where(eq(coursePublishers.publisher, 'import'))
    .orderBy(desc(coursePublishers.publishedAt), courses.title);
  return rows.map((row) => ({
    courseId: row.courseId,
    title: row.title,
    version: row.version ?? null,
    importedBy: row.importedBy ?? null,
    importedAt: row.importedAt.toISOString(),
    retired: row.retiredAt !== null,
    canWithdraw: row.retiredAt === null && (actor.role === 'admin' || row.importedById === actor.id),
  }));
}

/**
 * Take an imported course out of the catalogue: retired (hidden from new enrolment and from students
 * not enrolled), every enrolment, lesson done and point kept. Its pack record goes, so the same file
 * can be imported again and a starter or school course it had replaced comes back on the next start.
 */
export async function withdrawCourse(db: Db, actor: SignedInUser, courseId: string, now: Clock): Promise<void> {
  const publication = await findPublication(db, courseId);
  if (!publication || publication.publisher !== 'import') throw notFound('Imported course');
  if (!mayWithdraw(actor, publication)) {
    throw new AppError('forbidden', 'Only the teacher who imported the course or an admin may withdraw it', [{ path: 'courseId', message: 'not_yours' }]);
  }
  await db.transaction(async (tx) => {
    await tx.update(courses).set({ retiredAt: now() }).where(and(eq(courses.id, courseId), isNull(courses.retiredAt)));
    if (publication.packKey) await tx.delete(contentPacks).where(eq(contentPacks.key, publication.packKey));
  });
}
