import path from 'node:path';
import { SCHOOL_CONFIG_ENV, SCHOOL_CONFIG_FILE_NAME } from '../../shared/school-config';

export interface SchoolConfigPlace {
  /** Node's `process.platform`: 'win32', 'darwin', 'linux', … */
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder of the installed app (`path.dirname(process.execPath)`), or null where there is none (browser mode). */
  appDir: string | null;
  /**
   * A development build (not packaged): TEACHER_AI_SCHOOL_CONFIG then replaces the search, so a developer
   * can try a configuration. In an installed app the machine-wide files win over it.
   */
  development?: boolean;
}

export interface SchoolConfigSearch {
  /** The file TEACHER_AI_SCHOOL_CONFIG names, or null. */
  explicit: string | null;
  /** The places to look, first found wins. */
  candidates: string[];
}

/** The machine-wide folder of each platform (README: "School-wide configuration"). */
function systemFile(platform: NodeJS.Platform, env: SchoolConfigPlace['env']): string {
  switch (platform) {
    case 'win32': {
      const programData = env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData';
      return path.win32.join(programData, 'Teacher AI', SCHOOL_CONFIG_FILE_NAME);
    }
    case 'darwin':
      return path.posix.join('/Library/Application Support/Teacher AI', SCHOOL_CONFIG_FILE_NAME);
    default:
      return path.posix.join('/etc/teacher-ai', SCHOOL_CONFIG_FILE_NAME);
  }
}

/**
 * Where the school configuration may be, in order. A pure function of the platform, the environment and
 * the app's folder, so each OS can be tested anywhere:
 * 1. next to the installed app (a portable or per-installer deployment);
 * 2. the machine-wide folder: `%ProgramData%\Teacher AI\`, `/Library/Application Support/Teacher AI/`,
 *    `/etc/teacher-ai/`;
 * 3. `TEACHER_AI_SCHOOL_CONFIG` (a path), only when neither of those exists.
 * The variable is in the environment of whoever starts the app — a student — while the first two are
 * the administrator's: a variable that came first would undo the school's locks and its update feed.
 * In a development build the variable comes first and alone (a developer trying a configuration).
 */
export function schoolConfigSearch({ platform, env, appDir, development = false }: SchoolConfigPlace): SchoolConfigSearch {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const explicit = env[SCHOOL_CONFIG_ENV]?.trim() || null;
  if (explicit && development) return { explicit, candidates: [explicit] };
  const machine = [...(appDir ? [paths.join(appDir, SCHOOL_CONFIG_FILE_NAME)] : []), systemFile(platform, env)];
  return { explicit, candidates: [...new Set([...machine, ...(explicit ? [explicit] : [])])] };
}
