import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentPackSchema, type ContentPack } from '../../shared/content';
import { contentPacks } from '../db/schema';
import type { Db } from '../db/types';
import { installPack } from './install-pack';

export interface PackFile {
  file: string;
  pack: ContentPack;
  checksum: string;
}

export class InvalidPackError extends Error {
  constructor(
    readonly file: string,
    readonly reasons: string[],
  ) {
    super(`${path.basename(file)}: ${reasons.join('; ')}`);
    this.name = 'InvalidPackError';
  }
}

/** Parse and validate one pack file; the reasons name the JSON path of every problem. */
export function readPackFile(file: string): PackFile {
  return parsePackText(file, fs.readFileSync(file, 'utf8'));
}

/** Parse and validate a pack's text (from a file on disk or one a teacher picked). */
export function parsePackText(file: string, text: string): PackFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidPackError(file, [`not valid JSON (${(error as Error).message})`]);
  }
  const parsed = contentPackSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidPackError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return { file, pack: parsed.data, checksum: createHash('sha256').update(text).digest('hex') };
}

/** The pack files of a folder, in a stable order. */
export function listPackFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Install the packs of a folder that are new or changed since the last start. A broken pack is
 * reported and skipped; it never stops the app or the other packs.
 */
export async function installPackDirectory(
  db: Db,
  dir: string,
  onInvalid: (error: InvalidPackError) => void = () => {},
): Promise<{ installed: string[] }> {
  const installed: string[] = [];
  const known = new Map((await db.select().from(contentPacks)).map((row) => [row.key, row]));
  for (const file of listPackFiles(dir)) {
    let packFile: PackFile;
    try {
      packFile = readPackFile(file);
    } catch (error) {
      if (error instanceof InvalidPackError) {
        onInvalid(error);
        continue;
      }
      throw error;
    }
    const current = known.get(packFile.pack.course.key);
    // Unchanged, or older than what is installed (a teacher imported a newer version): leave it.
    if (current && (current.checksum === packFile.checksum || current.version > packFile.pack.version)) continue;
    await installPack(db, packFile.pack, packFile.checksum);
    installed.push(packFile.pack.course.key);
  }
  return { installed };
}
