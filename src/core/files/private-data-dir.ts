import fs from 'node:fs';
import path from 'node:path';

/**
 * The data directory holds password hashes, chat text and sealed keys: on Linux and macOS nobody but the
 * account running the app may enter it. Every folder is created 0700 and every file the app writes 0600
 * (these modes go to mkdir/open, so they hold under any umask); Windows ignores them and keeps the per-user
 * application data folder's own ACL.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** `fs.mkdirSync` options for a private folder (and any missing parent inside the data directory). */
export const privateDir = { recursive: true, mode: PRIVATE_DIR_MODE } as const;

/**
 * Puts the whole data directory back to owner-only: the directory and every folder in it 0700, every file
 * 0600. Symbolic links are neither followed nor changed. Repairs what older versions left (database files
 * copied from the template as 0666, folders 0755, backups and logs 0644) and what PGlite itself creates
 * while it runs (it sets 0666 on its new files whatever the umask — harmless inside 0700 folders, and put
 * right by the next walk). Returns how many entries it changed; a no-op on Windows.
 */
export function restrictDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): number {
  if (platform === 'win32') return 0;
  let changed = 0;
  const fix = (entry: string, stat: fs.Stats, mode: number) => {
    if ((stat.mode & 0o7777) === mode) return;
    try {
      fs.chmodSync(entry, mode);
      changed++;
    } catch (error) {
      // Gone meanwhile (PGlite removes temporary files while it runs): nothing left to protect.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  // A list instead of recursion: a database holds about a thousand files, in folders a few levels deep.
  const pending = [dataDir];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) continue;
    fix(dir, stat, PRIVATE_DIR_MODE);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const entry = path.join(dir, name);
      let inner: fs.Stats;
      try {
        inner = fs.lstatSync(entry);
      } catch {
        continue;
      }
      if (inner.isDirectory()) pending.push(entry);
      else if (inner.isFile()) fix(entry, inner, PRIVATE_FILE_MODE);
    }
  }
  return changed;
}
