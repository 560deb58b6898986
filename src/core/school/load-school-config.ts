import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { SCHOOL_CONFIG_ENV, schoolConfigSchema, type SchoolConfig, type SchoolProblem } from '../../shared/school-config';
import { normaliseBaseUrl } from '../ai/openai-endpoint';
import { schoolConfigSearch, type SchoolConfigPlace } from './locate-school-config';

/** What the app found of the school configuration on start. */
export interface LoadedSchoolConfig {
  /** The file read (the first one found); null when there is none. */
  source: string | null;
  /** Every place looked at, in order. */
  searched: string[];
  /**
   * The configuration in effect: null without a file, and null when the file is invalid — then the
   * built-in defaults apply (a broken file must not stop the app) and `problems` says why.
   */
  config: SchoolConfig | null;
  /** Everything wrong, each with the file, the field and the reason; never a value from the file. */
  problems: SchoolProblem[];
}

export const NO_SCHOOL_CONFIG: LoadedSchoolConfig = Object.freeze({ source: null, searched: [], config: null, problems: [] });

/** The bit of `fs` the loader uses; tests may pass their own. */
export interface SchoolConfigFiles {
  exists(file: string): boolean;
  isDirectory(file: string): boolean;
  read(file: string): string;
}

const nodeFiles: SchoolConfigFiles = {
  exists: (file) => fs.existsSync(file),
  isDirectory: (file) => {
    try {
      return fs.statSync(file).isDirectory();
    } catch {
      return false;
    }
  },
  read: (file) => fs.readFileSync(file, 'utf8'),
};

const WHOLE_FILE = '(file)';

/** Line and column of a JSON.parse failure, without quoting the text (it may hold an API key). */
function jsonErrorAt(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return /end of JSON input/i.test(message) ? ' (it ends too early)' : '';
}

function describeIssue(file: string, issue: z.core.$ZodIssue): SchoolProblem[] {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, field: at ? `${at}.${key}` : key, message: 'unknown setting (check its spelling)' }));
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  return [{ file, field: at || WHOLE_FILE, message }];
}

/**
 * Validate a configuration already read as JSON (tests pass objects here). Relative `contentPacksDir`
 * is taken from the file's folder; a folder that is missing is a problem, but the rest still applies.
 */
export function schoolConfigFromValue(
  value: unknown,
  source: string,
  files: Pick<SchoolConfigFiles, 'isDirectory'> = nodeFiles,
): Pick<LoadedSchoolConfig, 'config' | 'problems'> {
  const parsed = schoolConfigSchema.safeParse(value);
  if (!parsed.success) {
    return { config: null, problems: parsed.error.issues.flatMap((issue) => describeIssue(source, issue)) };
  }
  const config = parsed.data;
  const problems: SchoolProblem[] = [];
  if (config.ai?.baseUrl) config.ai.baseUrl = normaliseBaseUrl(config.ai.baseUrl);
  if (config.contentPacksDir) {
    config.contentPacksDir = path.resolve(path.dirname(source), config.contentPacksDir);
    if (!files.isDirectory(config.contentPacksDir)) {
      problems.push({ file: source, field: 'contentPacksDir', message: `the folder ${config.contentPacksDir} does not exist` });
    }
  }
  return { config, problems };
}

/** Parse the text of a configuration file (a UTF-8 byte-order mark, as Notepad writes, is fine). */
export function parseSchoolConfig(
  text: string,
  source: string,
  files: Pick<SchoolConfigFiles, 'isDirectory'> = nodeFiles,
): Pick<LoadedSchoolConfig, 'config' | 'problems'> {
  const json = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { config: null, problems: [{ file: source, field: WHOLE_FILE, message: `not valid JSON${jsonErrorAt(json, error)}` }] };
  }
  return schoolConfigFromValue(value, source, files);
}

/**
 * Find and read the school configuration. No file is simply "no school configuration"; a file that
 * cannot be read or is invalid leaves the built-in defaults in effect and says what is wrong.
 */
export function loadSchoolConfig(place: SchoolConfigPlace, files: SchoolConfigFiles = nodeFiles): LoadedSchoolConfig {
  const { explicit, candidates } = schoolConfigSearch(place);
  const searched: string[] = [];
  for (const candidate of candidates) {
    // The usual places are absolute already (and may be of another platform in tests); an explicit path may be relative.
    const file = candidate === explicit ? path.resolve(candidate) : candidate;
    searched.push(file);
    if (!files.exists(file)) continue;
    let text: string;
    try {
      if (files.isDirectory(file)) throw new Error('it is a folder, not a file');
      text = files.read(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
      return { source: file, searched, config: null, problems: [{ file, field: WHOLE_FILE, message: `cannot be read: ${reason}` }] };
    }
    const parsed = parseSchoolConfig(text, file, files);
    if (explicit && candidate !== explicit) {
      // Said where an admin looks: a student's environment tried to replace the school's file.
      const ignored = path.resolve(explicit);
      parsed.problems.push({ file: ignored, field: WHOLE_FILE, message: `ignored (named by ${SCHOOL_CONFIG_ENV}): the school's file ${file} comes first` });
    }
    return { source: file, searched, ...parsed };
  }
  if (explicit) {
    const file = path.resolve(explicit);
    return { source: file, searched, config: null, problems: [{ file, field: WHOLE_FILE, message: `not found (named by ${SCHOOL_CONFIG_ENV})` }] };
  }
  return { source: null, searched, config: null, problems: [] };
}

/** One line per problem, for the log. */
export function describeSchoolProblems(loaded: LoadedSchoolConfig): string[] {
  return loaded.problems.map((p) => `school configuration ${p.file}: ${p.field === WHOLE_FILE ? '' : `${p.field}: `}${p.message}`);
}
