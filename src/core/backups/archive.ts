import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { octal, text } from '../db/tar';
import { AppError } from '../errors/app-error';

const gunzip = promisify(zlib.gunzip);
const BLOCK = 512;
/** Files without which PostgreSQL cannot start on a data directory. */
const REQUIRED_FILES = ['PG_VERSION', 'global/pg_control'];


/**
 * Checks that `tar` is a whole tar archive of a PostgreSQL data directory: every header's checksum,
 * every file's bytes present, the end-of-archive marker, PG_VERSION and global/pg_control inside.
 * Returns the problem in a sentence, or null.
 */
export function findTarProblem(tar: Uint8Array): string | null {
  const names = new Set<string>();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) {
      for (const required of REQUIRED_FILES) {
        if (!names.has(required)) return `it holds no ${required}: not a PGlite data directory`;
      }
      return null;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (octal(header.subarray(148, 156)) !== sum) return `a damaged header at byte ${offset}`;
    const size = octal(header.subarray(124, 136));
    if (!Number.isFinite(size)) return `a damaged size at byte ${offset}`;
    const prefix = text(header.subarray(345, 500));
    const name = (prefix ? `${prefix}/` : '') + text(header.subarray(0, 100));
    names.add(name.replace(/^\/+/, ''));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (offset > tar.length) return `it is cut off inside ${name}`;
  }
  return 'it is cut off (no end-of-archive marker)';
}

/**
 * Reads a backup's `.tar.gz` and returns the tar inside, checked whole. A damaged archive fails here,
 * before anything about the live database has changed (PGlite itself would only notice half-way
 * through unpacking, with a zlib error that is not even catchable in every case).
 */
export async function readBackupArchive(file: string, id: string): Promise<Uint8Array<ArrayBuffer>> {
  const damaged = (why: string) => new AppError('invalid_input', `The backup ${id} is damaged and cannot be restored: ${why}`);
  let compressed: Buffer;
  try {
    compressed = await fs.promises.readFile(file);
  } catch (error) {
    throw damaged(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let tar: Buffer;
  try {
    tar = await gunzip(compressed);
  } catch (error) {
    throw damaged(`it is not a whole gzip file (${(error as Error).message})`);
  }
  const problem = findTarProblem(tar);
  if (problem) throw damaged(problem);
  return new Uint8Array(tar.buffer as ArrayBuffer, tar.byteOffset, tar.byteLength);
}
