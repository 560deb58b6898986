import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

const LOCK_FILE = 'teacher-ai.lock';
/** Data directories this process holds: its own pid in a lock file is stale only if not listed here. */
const heldHere = new Set<string>();

const isProcessAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process per data directory: two PGlite instances writing the same files corrupt them.
 * Electron's single-instance lock covers the desktop app; this covers every entry (browser mode,
 * scripts) and survives a crash, because a lock whose process is gone is taken over.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, privateDir);
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE_MODE });
      heldHere.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      const heldByLiveProcess = owner === process.pid ? heldHere.has(file) : Number.isInteger(owner) && isProcessAlive(owner);
      if (heldByLiveProcess) {
        throw new AppError('conflict', `The data directory ${dataDir} is already in use by process ${owner}`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('conflict', `Could not lock the data directory ${dataDir}`);
}
