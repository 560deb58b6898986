import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { unpackTemplate } from './db-template';
import * as schema from './schema';
import type { OpenedDatabase } from './types';

export interface OpenPgliteOptions {
  /** A directory on disk, or null for an in-memory database (tests, template building). */
  dataDir: string | null;
  migrationsFolder: string;
  /**
   * The database template (src/core/db/db-template.ts, made by scripts/build-db-template.ts): a closed,
   * initialised, migrated data directory as one .tar.gz. Unpacking it (~0.25 s) skips initdb, which is
   * most of a first start's cost. (PGlite's own `loadDataDir` was measured at ~1.2 s more: it unpacks in WASM.)
   * A template that is missing, damaged or refused by PostgreSQL is logged and the database is made by initdb.
   */
  templatePath?: string | null;
  /** Where a first start says how it made the database, and why it did not use the template (the app still starts). */
  logger?: { info?(message: string, data?: Record<string, unknown>): void; warn?(message: string, data?: Record<string, unknown>): void } | null;
  /** A tar of a data directory (PGlite's `dumpDataDir`) to create the database from: restoring a backup. */
  loadDataDir?: Blob | null;
  /**
   * Runs after the database opened and before the migrations: `existed` is whether the data directory
   * was already a database before this call (not copied from the template or created now).
   */
  beforeMigrate?: ((client: PGlite, context: { existed: boolean }) => Promise<void>) | null;
}

/** Why a database could not be opened: PostgreSQL refused its files, migrating failed, or the backup before it. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly stage: 'open' | 'migrate' | 'backup',
    message: string,
    /** PostgreSQL's own words (its FATAL/PANIC/DETAIL/HINT lines), or the error's message. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isDatabaseOpenError = (error: unknown): error is DatabaseOpenError => error instanceof DatabaseOpenError;

const POSTGRES_LINE = /^\S+ \S+ UTC \[\d+\] (FATAL|PANIC|ERROR|DETAIL|HINT):\s+/;

/** The lines of PostgreSQL's log that say why it stopped, without their timestamps. */
function postgresReasons(lines: readonly string[]): string {
  return lines
    .filter((line) => POSTGRES_LINE.test(line))
    .map((line) => line.replace(/^\S+ \S+ UTC \[\d+\] /, '').replace(/:\s+/, ': '))
    .join('\n');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const isInitialisedDataDir = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

const PARTIAL = '.partial-';

const isLiveProcess = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Half-made databases beside `dataDir` whose process is gone (killed mid-copy or mid-initdb): 40 MB each. */
function removeAbandonedPartials(dataDir: string): void {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}${PARTIAL}`;
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && (pid === process.pid || !isLiveProcess(pid))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Make a new database beside the target, then rename it into place: `dataDir` is a whole database or
 * none. (PGlite unpacks initdb's result file by file, and `PG_VERSION` — which marks a directory as a
 * database — comes before `postgresql.conf`: a crash between the two left a directory that never opened
 * again; found by tests/crash.)
 */
async function createBeside(dataDir: string, make: (partial: string) => Promise<void>): Promise<void> {
  removeAbandonedPartials(dataDir);
  const partial = `${dataDir}${PARTIAL}${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  await make(partial);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(partial, dataDir);
}

const unpackTemplateBeside = (templatePath: string, dataDir: string) =>
  createBeside(dataDir, (partial) => unpackTemplate(templatePath, partial));

/** initdb (in PGlite: a second WASM instance), then a clean close, beside the target. */
const initdbBeside = (dataDir: string, onStderr: (line: string) => boolean) =>
  createBeside(dataDir, async (partial) => {
    fs.mkdirSync(partial);
    const client = await PGlite.create({ dataDir: partial, onStderr });
    await client.close();
  });

export async function openPglite(options: OpenPgliteOptions): Promise<OpenedDatabase & { client: PGlite }> {
  const { dataDir, migrationsFolder, templatePath } = options;
  const existed = dataDir !== null && isInitialisedDataDir(dataDir);
  /** The data directory a first start makes (null: it exists, it is in memory, or a backup is unpacked into it). */
  const creating = dataDir !== null && !existed && !options.loadDataDir ? dataDir : null;
  // PostgreSQL explains a refused data directory only on its log; PGlite's own error just says it failed.
  const log: string[] = [];
  const remember = (line: string) => {
    log.push(line);
    if (log.length > 50) log.shift();
    return false;
  };
  const notUsingTemplate = (error: unknown) =>
    options.logger?.warn?.('the database template was not used: creating the database instead', { reason: postgresReasons(log) || messageOf(error) });
  const start = () =>
    PGlite.create({ dataDir: dataDir ?? 'memory://', ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}), onStderr: remember });

  let fromTemplate = false;
  if (creating && templatePath) {
    try {
      await unpackTemplateBeside(templatePath, creating);
      fromTemplate = true;
    } catch (error) {
      notUsingTemplate(error);
    }
  }
  let client: PGlite;
  try {
    if (creating && !fromTemplate) await initdbBeside(creating, remember);
    try {
      client = await start();
    } catch (error) {
      // A database made from the template just now holds nothing yet: one PostgreSQL refuses is replaced by initdb's.
      if (!fromTemplate) throw error;
      notUsingTemplate(error);
      fromTemplate = false;
      log.length = 0;
      await initdbBeside(creating!, remember);
      client = await start();
    }
  } catch (error) {
    const detail = postgresReasons(log) || messageOf(error);
    throw new DatabaseOpenError('open', `The database in ${dataDir ?? 'memory'} could not be opened: ${detail.split('\n')[0]}`, detail, { cause: error });
  }
  const db = drizzle({ client, schema });
  try {
    if (options.beforeMigrate) {
      try {
        await options.beforeMigrate(client, { existed });
      } catch (error) {
        throw new DatabaseOpenError('backup', messageOf(error), messageOf(error), { cause: error });
      }
    }
    try {
      await migrate(db, { migrationsFolder });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      const detail = [messageOf(error), cause ? messageOf(cause) : ''].filter(Boolean).join('\n');
      throw new DatabaseOpenError('migrate', `The database could not be migrated: ${messageOf(cause ?? error)}`, detail, { cause: error });
    }
  } catch (error) {
    await client.close();
    throw error;
  }
  if (creating) options.logger?.info?.('database created', { from: fromTemplate ? 'template' : 'initdb' });
  return {
    db,
    client,
    kind: 'pglite',
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
