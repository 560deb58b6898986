import { eq } from 'drizzle-orm';
import { contentPacks } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import { installPack } from './install-pack';
import { InvalidPackError, parsePackText } from './load-packs';

/** At most this many reasons are listed: a broken file can have thousands. */
const MAX_REASONS = 20;

export const contentHandlers = ({ db }: CoreDeps): HandlerGroup<'content.importPack'> => ({
  /**
   * Validate the whole pack before touching the database, then install it in one transaction: a bad
   * pack changes nothing, a good one replaces its earlier version (same ids, so progress stays).
   */
  'content.importPack': async ({ fileName, text }) => {
    let parsed;
    try {
      parsed = parsePackText(fileName, text);
    } catch (error) {
      if (!(error instanceof InvalidPackError)) throw error;
      throw new AppError(
        'invalid_input',
        `The pack ${fileName} is not valid`,
        error.reasons.slice(0, MAX_REASONS).map((reason) => ({ path: 'pack', message: reason })),
      );
    }
    const { pack, checksum } = parsed;
    const [previous] = await db.select().from(contentPacks).where(eq(contentPacks.key, pack.course.key));
    if (previous && previous.version > pack.version) {
      throw new AppError('conflict', `A newer version (${previous.version}) of this course is installed`, [
        { path: 'pack', message: `version ${pack.version} is older than the installed version ${previous.version}` },
      ]);
    }
    const { courseId } = await installPack(db, pack, checksum);
    return { courseId, title: pack.course.title, lessons: pack.lessons.length, updated: previous !== undefined };
  },
});
