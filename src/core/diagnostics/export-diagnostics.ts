import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { createRotatingFile, LOGS_DIR_NAME } from './log-file';
import { redact, scrubText } from './redact';
import { pgliteVersion } from './pglite-version';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

export const DIAGNOSTICS_DIR_NAME = 'diagnostics';
export const DIAGNOSTICS_FORMAT = 'teacher-ai-diagnostics/1';
/** Exports kept in `<dataDir>/diagnostics` (older ones are deleted). */
const EXPORTS_KEPT = 5;
/** The newest log text an export carries at most (the whole rotation is 5 MB). */
const MAX_LOG_CHARS = 2 * 1024 * 1024;

export interface DiagnosticsDeps {
  db: Db;
  dataDir: string;
  appVersion: string;
  /** Migrations this build has, when known. */
  schemaVersion?: number | null;
  now: () => Date;
}

export interface DiagnosticsFile {
  fileName: string;
  sizeBytes: number;
  content: string;
}

/** Bytes under a directory (0 when it does not exist); links are not followed. */
function sizeOf(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) {
      try {
        total += fs.statSync(full).size;
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return total;
}

/** Each log line parsed and redacted again (a line from an older version, or not JSON, is scrubbed as text). */
function readLogs(dataDir: string): { files: { name: string; bytes: number }[]; truncated: boolean; lines: unknown[] } {
  const files = createRotatingFile({ dir: path.join(dataDir, LOGS_DIR_NAME) }).files();
  const texts = files.map((file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  });
  let all = texts.join('');
  const truncated = all.length > MAX_LOG_CHARS;
  if (truncated) all = all.slice(all.length - MAX_LOG_CHARS).replace(/^[^\n]*\n/, '');
  const lines = all
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return redact(JSON.parse(line));
      } catch {
        return scrubText(line);
      }
    });
  return { files: files.map((file, i) => ({ name: path.basename(file), bytes: Buffer.byteLength(texts[i] ?? '') })), truncated, lines };
}

function listBackups(dataDir: string): { name: string; bytes: number; modifiedAt: string }[] | null {
  const dir = path.join(dataDir, 'backups');
  if (!fs.existsSync(dir)) return null;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const stat = fs.statSync(path.join(dir, entry.name));
      return { name: entry.name, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const one = async <T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T | null> =>
  (await executeRows<T>(db, query))[0] ?? null;

/** Never let one failing probe hide the rest of the report. */
async function attempt<T>(probe: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await probe();
  } catch (error) {
    return { error: scrubText(error instanceof Error ? error.message : String(error)) };
  }
}

async function databaseFacts(db: Db, schemaVersion: number | null | undefined) {
  const version = await attempt(async () => (await one<{ version: string }>(db, sql`SELECT version() AS version`))?.version ?? null);
  const sizeBytes = await attempt(async () => Number((await one<{ n: string }>(db, sql`SELECT pg_database_size(current_database())::text AS n`))?.n ?? 0));
  const tables = await attempt(async () => {
    const names = await executeRows<{ name: string }>(
      db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of names) {
      counts[name] = (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`))?.n ?? 0;
    }
    return counts;
  });
  const migrations = await attempt(async () => {
    const row = await one<{ applied: number; last: string | null }>(
      db,
      sql`SELECT count(*)::int AS applied, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
    );
    return {
      applied: row?.applied ?? 0,
      inThisBuild: schemaVersion ?? null,
      lastCreatedAt: row?.last ? new Date(Number(row.last)).toISOString() : null,
    };
  });
  const outbox = await attempt(async () => {
    const row = await one<{ pending: number; students: number; oldest: string | null }>(
      db,
      sql`SELECT count(*)::int AS pending, count(DISTINCT user_id)::int AS students, min(created_at)::text AS oldest FROM outbox`,
    );
    return { pending: row?.pending ?? 0, students: row?.students ?? 0, oldestAt: row?.oldest ?? null };
  });
  return { version, sizeBytes, migrations, outbox, tableRows: tables };
}

/**
 * Everything a developer needs to look into a problem, and nothing of anybody's: versions, the machine,
 * sizes, row counts, migrations, the sync queue's length, backups, and the (redacted) logs. No row's
 * content, no password, token, key or message text: the logs are redacted again on the way out.
 */
export async function buildDiagnosticsReport(deps: DiagnosticsDeps) {
  const { dataDir } = deps;
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  const storage = {
    dataDirBytes: sizeOf(dataDir),
    folders: Object.fromEntries(
      (fs.existsSync(dataDir) ? fs.readdirSync(dataDir, { withFileTypes: true }) : [])
        .filter((entry) => entry.isDirectory())
        .map((entry) => [entry.name, sizeOf(path.join(dataDir, entry.name))]),
    ),
  };
  return {
    format: DIAGNOSTICS_FORMAT,
    createdAt: deps.now().toISOString(),
    app: { version: deps.appVersion },
    runtime: {
      node: versions.node,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      v8: versions.v8,
      pglite: pgliteVersion(),
    },
    system: {
      platform: process.platform,
      release: os.release(),
      arch: process.arch,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      totalMemoryBytes: os.totalmem(),
      freeMemoryBytes: os.freemem(),
      processMemoryBytes: process.memoryUsage().rss,
      uptimeSeconds: Math.round(process.uptime()),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    storage,
    database: await databaseFacts(deps.db, deps.schemaVersion),
    backups: listBackups(dataDir),
    logs: readLogs(dataDir),
  };
}

export type DiagnosticsReport = Awaited<ReturnType<typeof buildDiagnosticsReport>>;

const stampOf = (at: Date) => at.toISOString().slice(0, 19).replace(/:/g, '-');

/** Writes the report as ONE JSON file in `<dataDir>/diagnostics` (the newest 5 kept) and returns it for download. */
export async function exportDiagnostics(deps: DiagnosticsDeps): Promise<DiagnosticsFile> {
  const report = await buildDiagnosticsReport(deps);
  const content = `${JSON.stringify(report, null, 2)}\n`;
  const fileName = `teacher-ai-diagnostics-${stampOf(deps.now())}.json`;
  const dir = path.join(deps.dataDir, DIAGNOSTICS_DIR_NAME);
  fs.mkdirSync(dir, privateDir);
  const partial = path.join(dir, `.${fileName}.tmp`);
  fs.writeFileSync(partial, content, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(partial, path.join(dir, fileName));
  const old = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('teacher-ai-diagnostics-') && name.endsWith('.json'))
    .sort()
    .slice(0, -EXPORTS_KEPT);
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return { fileName, sizeBytes: Buffer.byteLength(content), content };
}
