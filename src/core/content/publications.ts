import { eq } from 'drizzle-orm';
import type { ImportBlock } from '../../shared/contract/content';
import type { CoursePublisher } from '../../shared/domain';
import { coursePublishers, users } from '../db/schema';
import type { Db } from '../db/types';
import type { SignedInUser } from '../session/session';

export interface CoursePublication {
  publisher: CoursePublisher;
  /** The person who imported it (null: not a person, or their account is gone). */
  publishedBy: string | null;
  publishedByName: string | null;
  packKey: string | null;
  publishedAt: Date;
}

export async function findPublication(db: Db, courseId: string): Promise<CoursePublication | null> {
  const [row] = await db
    .select({
      publisher: coursePublishers.publisher,
      publishedBy: coursePublishers.publishedBy,
      publishedByName: users.fullName,
      packKey: coursePublishers.packKey,
      publishedAt: coursePublishers.publishedAt,
    })
    .from(coursePublishers)
    .leftJoin(users, eq(users.id, coursePublishers.publishedBy))
    .where(eq(coursePublishers.courseId, courseId));
  return row ? { ...row, publisher: row.publisher as CoursePublisher } : null;
}

/**
 * May this person put a file in place of an existing course? A course of the school server is changed
 * on the server only (a local copy would clash with every later sync). A person updates their own
 * import; anything someone else published — the starter packs, the school's, another teacher's, or a
 * course of unknown origin — takes an admin of this computer.
 */
export function replacementBlock(actor: SignedInUser, publication: CoursePublication | null): ImportBlock | null {
  if (publication?.publisher === 'server') return 'server_course';
  if (actor.role === 'admin') return null;
  if (publication?.publisher === 'import' && publication.publishedBy === actor.id) return null;
  return 'not_yours';
}

/** The importer of a course, or an admin, may withdraw it. */
export const mayWithdraw = (actor: SignedInUser, publication: CoursePublication): boolean =>
  publication.publisher === 'import' && (actor.role === 'admin' || publication.publishedBy === actor.id);
