import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_ID_PATTERN, BACKUP_REASONS, type Backup, type BackupReason } from '../../shared/contract/backups';
import { systemClock } from '../clock';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

/** Backups live in `<dataDir>/backups`, beside the database they copy. */
export const BACKUPS_DIR_NAME = 'backups';
export const DEFAULT_BACKUPS_KEPT = 7;

const ARCHIVE_SUFFIX = '.tar.gz';
const MANIFEST_SUFFIX = '.json';
/** Files being written: hidden and not ending in `.tar.gz`, so a crash never leaves something that lists as a backup. */
const TEMPORARY = /^\..*\.tmp$/;
/** A manifest without its archive is cleaned up once it is this old (younger: its archive may be on its way). */
const ORPHAN_AGE_MS = 10 * 60_000;

const manifestSchema = z.object({
  format: z.literal(1),
  id: z.string(),
  reason: z.enum(BACKUP_REASONS),
  createdAt: z.string(),
  appVersion: z.string(),
  migrations: z.number().int().min(0).nullable(),
  sizeBytes: z.number().int().min(0),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupStore {
  readonly dir: string;
  /** How many backups `prune` keeps. */
  readonly keep: number;
  /** Complete backups, newest first. */
  list(): Backup[];
  find(id: string): Backup | null;
  /** The archive of a listed backup. */
  archivePath(id: string): string;
  /** Writes an archive and its manifest so that either the whole backup lists, or nothing does. */
  write(reason: BackupReason, archive: Uint8Array, meta: { appVersion: string; migrations: number | null }): Backup;
  /** Deletes all but the newest `keep` backups (and manifests left without an archive); returns the ids deleted. */
  prune(): string[];
  /** Removes what a crash mid-write left behind. */
  removeTemporary(): void;
}

interface ParsedId {
  id: string;
  reason: BackupReason;
  /** Milliseconds since the epoch, from the name (whole seconds). */
  time: number;
  counter: number;
}

export function parseBackupId(id: string): ParsedId | null {
  const match = BACKUP_ID_PATTERN.exec(id);
  if (!match) return null;
  const [, day, hh, mm, ss, reason, counter] = match;
  const time = Date.parse(`${day}T${hh}:${mm}:${ss}Z`);
  if (Number.isNaN(time)) return null;
  return { id, reason: reason as BackupReason, time, counter: counter ? Number(counter) : 1 };
}

/** `2026-11-25T17-40-00Z-daily`: UTC, whole seconds, `:` as `-` (file names on Windows cannot hold `:`). */
export function backupIdFor(at: Date, reason: BackupReason, counter = 1): string {
  const stamp = `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
  return `${stamp}-${reason}${counter > 1 ? `-${counter}` : ''}`;
}

const newestFirst = (a: ParsedId, b: ParsedId) => b.time - a.time || b.counter - a.counter;

/** Write to a hidden temporary name, flush to disk, then rename: the rename is the moment the file exists. */
function writeFileAtomically(dir: string, name: string, data: Uint8Array | string): void {
  const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, path.join(dir, name));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Makes the renames durable where the platform allows it (Linux, macOS); elsewhere a no-op. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function createBackupStore(dir: string, options: { keep?: number; now?: () => Date } = {}): BackupStore {
  const keep = Math.max(1, Math.floor(options.keep ?? DEFAULT_BACKUPS_KEPT));
  const now = options.now ?? systemClock;

  const archiveIds = (): ParsedId[] => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch (error) {
      // No folder yet, or something else in its place: no backups to list (writing one will say why).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith(ARCHIVE_SUFFIX))
      .map((name) => parseBackupId(name.slice(0, -ARCHIVE_SUFFIX.length)))
      .filter((parsed): parsed is ParsedId => parsed !== null)
      .sort(newestFirst);
  };

  const readManifest = (id: string): BackupManifest | null => {
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, id + MANIFEST_SUFFIX), 'utf8')));
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const describe = (parsed: ParsedId): Backup | null => {
    let size: number;
    try {
      size = fs.statSync(path.join(dir, parsed.id + ARCHIVE_SUFFIX)).size;
    } catch {
      return null; // deleted meanwhile
    }
    const manifest = readManifest(parsed.id);
    return {
      id: parsed.id,
      reason: parsed.reason,
      createdAt: manifest?.createdAt ?? new Date(parsed.time).toISOString(),
      sizeBytes: size,
      appVersion: manifest?.appVersion ?? null,
      migrations: manifest?.migrations ?? null,
    };
  };

  const list = () => archiveIds().map(describe).filter((backup): backup is Backup => backup !== null);

  return {
    dir,
    keep,
    list,
    find: (id) => {
      const parsed = parseBackupId(id);
      return parsed ? describe(parsed) : null;
    },
    archivePath: (id) => {
      if (!parseBackupId(id)) throw new Error(`Not a backup id: ${id}`);
      return path.join(dir, id + ARCHIVE_SUFFIX);
    },

    write: (reason, archive, meta) => {
      fs.mkdirSync(dir, privateDir);
      const at = now();
      let counter = 1;
      let id = backupIdFor(at, reason);
      while (fs.existsSync(path.join(dir, id + ARCHIVE_SUFFIX)) || fs.existsSync(path.join(dir, id + MANIFEST_SUFFIX))) {
        id = backupIdFor(at, reason, ++counter);
      }
      const manifest: BackupManifest = {
        format: 1,
        id,
        reason,
        createdAt: at.toISOString(),
        appVersion: meta.appVersion,
        migrations: meta.migrations,
        sizeBytes: archive.byteLength,
      };
      // The manifest first, the archive last: the archive's rename is what makes the backup exist.
      writeFileAtomically(dir, id + MANIFEST_SUFFIX, JSON.stringify(manifest, null, 2) + '\n');
      writeFileAtomically(dir, id + ARCHIVE_SUFFIX, archive);
      syncDirectory(dir);
      return {
        id,
        reason,
        createdAt: manifest.createdAt,
        sizeBytes: archive.byteLength,
        appVersion: manifest.appVersion,
        migrations: manifest.migrations,
      };
    },

    prune: () => {
      const ids = archiveIds();
      const dropped = ids.slice(keep).map((parsed) => parsed.id);
      for (const id of dropped) {
        fs.rmSync(path.join(dir, id + ARCHIVE_SUFFIX), { force: true });
        fs.rmSync(path.join(dir, id + MANIFEST_SUFFIX), { force: true });
      }
      // A manifest whose archive never arrived (a crash between the two renames); a young one may be
      // a backup being written right now.
      const kept = new Set(ids.slice(0, keep).map((parsed) => parsed.id));
      for (const name of fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? fs.readdirSync(dir) : []) {
        if (!name.endsWith(MANIFEST_SUFFIX)) continue;
        const id = name.slice(0, -MANIFEST_SUFFIX.length);
        if (!parseBackupId(id) || kept.has(id)) continue;
        const file = path.join(dir, name);
        const orphan = !fs.existsSync(path.join(dir, id + ARCHIVE_SUFFIX));
        // The file system stamps mtime with the real clock, so its age is measured with the real clock too.
        if (!orphan || Date.now() - fs.statSync(file).mtimeMs > ORPHAN_AGE_MS) fs.rmSync(file, { force: true });
      }
      return dropped;
    },

    removeTemporary: () => {
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
      for (const name of fs.readdirSync(dir)) {
        if (TEMPORARY.test(name)) fs.rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}
