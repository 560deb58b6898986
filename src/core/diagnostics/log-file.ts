import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private-data-dir';

export const LOGS_DIR_NAME = 'logs';
export const LOG_FILE_NAME = 'teacher-ai.log';
/** A file is rotated when the next line would take it past this size. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** Files kept: the current one and the older ones (`teacher-ai.1.log` is the newest of those). */
export const LOG_FILES_KEPT = 5;

export interface RotatingFileOptions {
  dir: string;
  fileName?: string;
  maxBytes?: number;
  keep?: number;
}

export interface RotatingFile {
  /** Appends text (whole lines) to the current file, rotating first when it would grow too large. */
  append(text: string): void;
  /** The files that exist, oldest first (the order to read them in). */
  files(): string[];
}

/** `teacher-ai.log` → `teacher-ai.3.log` */
const numbered = (fileName: string, n: number) => {
  const ext = path.extname(fileName);
  return n === 0 ? fileName : `${fileName.slice(0, fileName.length - ext.length)}.${n}${ext}`;
};

/**
 * A log file that rotates by size: `teacher-ai.log` → `.1.log` → … → `.{keep-1}.log`, the oldest dropped.
 * Written synchronously (one `appendFileSync` a line): a crash loses no line already logged, and log
 * lines are rare enough that this costs nothing. A failure to write never reaches the caller.
 */
export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  const fileName = options.fileName ?? LOG_FILE_NAME;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? LOG_FILES_KEPT);
  const file = (n: number) => path.join(options.dir, numbered(fileName, n));
  let size: number | null = null;

  const currentSize = () => {
    if (size === null) {
      try {
        size = fs.statSync(file(0)).size;
      } catch {
        size = 0;
      }
    }
    return size;
  };

  const rotate = () => {
    fs.rmSync(file(keep - 1), { force: true });
    for (let n = keep - 2; n >= 0; n--) {
      if (fs.existsSync(file(n))) fs.renameSync(file(n), file(n + 1));
    }
    size = 0;
  };

  return {
    append(text) {
      try {
        const bytes = Buffer.byteLength(text);
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
        fs.mkdirSync(options.dir, privateDir);
        fs.appendFileSync(file(0), text, { mode: PRIVATE_FILE_MODE });
        size = currentSize() + bytes;
      } catch {
        // Logging must never break the app (a full disk, a read-only folder); the next line tries again.
        size = null;
      }
    },
    files() {
      const out: string[] = [];
      for (let n = keep - 1; n >= 0; n--) if (fs.existsSync(file(n))) out.push(file(n));
      return out;
    },
  };
}
