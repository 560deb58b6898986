import { AppError } from '../errors/app-error';
import type { CoreDeps, HandlerGroup } from '../handlers';
import type { SignedInUser } from '../session/session';
import { importPack } from './import-pack';
import { InvalidPackError, parsePackText, type PackFile } from './load-packs';
import { previewPack } from './pack-preview';
import { importedCourses, withdrawCourse } from './withdraw-course';

/** At most this many problems are listed: a broken file can have thousands. */
const MAX_PROBLEMS = 20;

/**
 * A refused file, said so the page can explain it in the user's language: the kind of problem as the
 * issue's message, where each problem is as its path. The English reasons stay out of the answer.
 */
function refusal(error: InvalidPackError): AppError {
  const message = `The pack ${error.file} is not valid`;
  if (error.problem !== 'invalid') return new AppError('invalid_input', message, [{ path: '', message: `pack_${error.problem}` }]);
  return new AppError(
    'invalid_input',
    message,
    error.paths.slice(0, MAX_PROBLEMS).map((path) => ({ path, message: 'pack_invalid' })),
  );
}

function parsed(fileName: string, text: string): PackFile {
  try {
    return parsePackText(fileName, text);
  } catch (error) {
    if (error instanceof InvalidPackError) throw refusal(error);
    throw error;
  }
}

type ContentMethods = 'content.previewPack' | 'content.importPack' | 'content.importedCourses' | 'content.withdrawCourse';

export const contentHandlers = ({ db, session, now }: CoreDeps): HandlerGroup<ContentMethods> => {
  const actor = (): SignedInUser => {
    session.requireUserId();
    return session.current!;
  };
  return {
    /** Validate the whole file and say what it would change; nothing is written. */
    'content.previewPack': async ({ fileName, text }) => previewPack(db, actor(), parsed(fileName, text)),
    /** Install the previewed file in one transaction: a bad or changed file changes nothing. */
    'content.importPack': async ({ fileName, text, checksum }) => importPack(db, actor(), parsed(fileName, text), checksum, now),
    'content.importedCourses': async () => importedCourses(db, actor()),
    'content.withdrawCourse': async ({ courseId }) => {
      const user = actor();
      await withdrawCourse(db, user, courseId, now);
      return importedCourses(db, user);
    },
  };
};
