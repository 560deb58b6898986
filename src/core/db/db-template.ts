import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { readTar, writeTar, type TarEntry } from './tar';

/**
 * The database template: a closed, initialised, migrated, empty PGlite data directory as ONE gzipped tar
 * (scripts/build-db-template.ts), unpacked on a first start instead of running initdb and every migration.
 * One file, because packaging damaged the folder it used to be: electron-builder drops empty folders, and
 * PostgreSQL refuses a data directory without them. Compressed, it is ~5 MB installed instead of ~40 MB.
 */
export const TEMPLATE_FILE_NAME = 'db-template.tar.gz';

const gunzip = promisify(zlib.gunzip);

/**
 * The folders initdb makes (PostgreSQL's `subdirs` in initdb.c), most of them empty in a new database:
 * PostgreSQL does not start without them. With PG_VERSION, pg_control and postgresql.conf, what a data
 * directory made from the template must have before it is renamed into place.
 */
export const REQUIRED_DIRS = [
  'global',
  'pg_wal/archive_status',
  'pg_wal/summaries',
  'pg_commit_ts',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
  'pg_twophase',
  'pg_multixact/members',
  'pg_multixact/offsets',
  'base/1',
  'pg_replslot',
  'pg_tblspc',
  'pg_stat',
  'pg_stat_tmp',
  'pg_xact',
  'pg_logical/snapshots',
  'pg_logical/mappings',
] as const;
export const REQUIRED_FILES = ['PG_VERSION', 'global/pg_control', 'postgresql.conf'] as const;

/** What a data directory lacks of what PostgreSQL needs to start, in a sentence; null when nothing. */
export function findDataDirProblem(dir: string): string | null {
  const missingDirs = REQUIRED_DIRS.filter((name) => !isDirectory(path.join(dir, name)));
  const missingFiles = REQUIRED_FILES.filter((name) => !isFile(path.join(dir, name)));
  const missing = [...missingFiles, ...missingDirs.map((name) => `${name}/`)];
  return missing.length ? `it lacks ${missing.join(', ')}` : null;
}

const isDirectory = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
const isFile = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;

function entriesOf(root: string, relative = ''): TarEntry[] {
  const entries: TarEntry[] = [];
  const names = fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const dirent of names) {
    const name = relative ? `${relative}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) entries.push({ name, kind: 'dir', data: new Uint8Array(0) }, ...entriesOf(root, name));
    else if (dirent.isFile()) entries.push({ name, kind: 'file', data: fs.readFileSync(path.join(root, name)) });
    else throw new Error(`The database template cannot hold ${name}: neither a file nor a folder`);
  }
  return entries;
}

/** A closed data directory as the template's bytes: every folder (the empty ones too) and file. */
export function packTemplate(dataDir: string): Buffer {
  const problem = findDataDirProblem(dataDir);
  if (problem) throw new Error(`${dataDir} is not a whole PostgreSQL data directory: ${problem}`);
  return zlib.gzipSync(writeTar(entriesOf(dataDir)), { level: 9 });
}

/** Why the template could not be used (missing, damaged, incomplete): the first start then runs initdb instead. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * Unpack the template into `target` (a new, empty or absent folder) and check the result. Folders get
 * 0700 and files 0600: only the student's own account may read the database. Throws a TemplateError.
 */
export async function unpackTemplate(archive: string, target: string): Promise<void> {
  let compressed: Buffer;
  try {
    compressed = await fs.promises.readFile(archive);
  } catch (error) {
    throw new TemplateError(`the database template ${archive} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let entries: TarEntry[];
  try {
    // gunzip checks the CRC-32 and length of the whole: a changed or cut-off byte fails here.
    entries = readTar(await gunzip(compressed));
  } catch (error) {
    throw new TemplateError(`the database template ${archive} is damaged: ${(error as Error).message}`);
  }
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const entry of entries) {
    const file = path.join(target, entry.name);
    if (entry.kind === 'dir') fs.mkdirSync(file, { recursive: true, mode: 0o700 });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, entry.data, { mode: 0o600 });
    }
  }
  const problem = findDataDirProblem(target);
  if (problem) throw new TemplateError(`the database template ${archive} is incomplete: ${problem}`);
}
