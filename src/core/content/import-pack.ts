import { PACK_CHANGED_SINCE_PREVIEW } from '../../shared/contract/content';
import type { ImportBlock } from '../../shared/contract';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import { AppError } from '../errors/app-error';
import type { SignedInUser } from '../session/session';
import { installPack } from './install-pack';
import type { PackFile } from './load-packs';
import { previewPack } from './pack-preview';

export interface ImportedPack {
  courseId: string;
  title: string;
  lessons: number;
  updated: boolean;
  retiredLessons: number;
}

const BLOCKED: Record<ImportBlock, (version: number) => AppError> = {
  older_version: (version) => new AppError('conflict', `A newer version of this course than ${version} is installed`, [{ path: 'pack', message: 'older_version' }]),
  not_yours: () => new AppError('forbidden', 'Only an admin may replace a course someone else published', [{ path: 'pack', message: 'not_yours' }]),
  server_course: () => new AppError('conflict', 'This course comes from the school server and is changed there', [{ path: 'pack', message: 'server_course' }]),
};

/**
 * Step 2 of an import: install exactly the file that was previewed (its checksum), if the rules of the
 * preview still allow it — checked again in the same transaction as the install, so nothing that
 * changed in between slips through. The person becomes the course's publisher.
 */
export async function importPack(db: Db, actor: SignedInUser, packFile: PackFile, previewed: string, now: Clock): Promise<ImportedPack> {
  if (packFile.checksum !== previewed) {
    throw new AppError('conflict', 'The file is not the one that was previewed', [{ path: 'checksum', message: PACK_CHANGED_SINCE_PREVIEW }]);
  }
  const { pack } = packFile;
  return db.transaction(async (tx) => {
    const preview = await previewPack(tx, actor, packFile);
    if (preview.blocked) throw BLOCKED[preview.blocked](pack.version);
    const { courseId, retiredLessons } = await installPack(tx, pack, packFile.checksum, { publication: { publisher: 'import', by: actor.id }, now });
    return { courseId, title: pack.course.title, lessons: pack.lessons.length, updated: preview.current !== null, retiredLessons };
  });
}
