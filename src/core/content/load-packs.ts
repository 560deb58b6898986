import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { contentPackSchema, PACK_FORMAT, type ContentPack } from '../../shared/content';
import type { Clock } from '../clock';
import { contentPacks, coursePublishers, courses } from '../db/schema';
import type { Db } from '../db/types';
import { courseIdFor } from './content-ids';
import { installPack, type Publication } from './install-pack';

export interface PackFile {
  file: string;
  pack: ContentPack;
  checksum: string;
}

/** Why a file is not a pack: not JSON at all, JSON that is not a Teacher AI pack (another format), or a pack with mistakes. */
export type PackProblem = 'not_json' | 'not_a_pack' | 'invalid';

export class InvalidPackError extends Error {
  constructor(
    readonly file: string,
    /** For the author and the log: English, with the JSON path of each problem. */
    readonly reasons: string[],
    readonly problem: PackProblem = 'invalid',
    /** Where each problem is (`lessons.2.exercises.0`; empty for the whole file), in the order of `reasons`. */
    readonly paths: string[] = reasons.map(() => ''),
  ) {
    super(`${path.basename(file)}: ${reasons.join('; ')}`);
    this.name = 'InvalidPackError';
  }
}

/** The SHA-256 of a pack's text: what an import's preview and its confirmation agree on. */
export const packChecksum = (text: string): string => createHash('sha256').update(text).digest('hex');

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
    throw new InvalidPackError(file, [`not valid JSON (${(error as Error).message})`], 'not_json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== PACK_FORMAT) {
    throw new InvalidPackError(file, [`not a Teacher AI course pack (the format must be "${PACK_FORMAT}")`], 'not_a_pack');
  }
  const parsed = contentPackSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw new InvalidPackError(
      file,
      issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      'invalid',
      issues.map((issue) => issue.path.map(String).join('.')),
    );
  }
  return { file, pack: parsed.data, checksum: packChecksum(text) };
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

export interface BundledPacks {
  /** The app's starter packs, or the school's folder (which may replace a starter course). */
  publisher: 'starter' | 'school';
  now: Clock;
  onInvalid?: (error: InvalidPackError) => void;
}

/**
 * Should a bundled pack (starter or school) be installed over what this computer has? Never over a
 * course of the trusted server (the server owns it) or one imported from a file (a person chose it,
 * until it is withdrawn); a starter pack never over the school's. Within one publisher: only a changed
 * pack that is not older than the installed one.
 */
async function shouldInstall(db: Db, packFile: PackFile, publisher: BundledPacks['publisher']): Promise<boolean> {
  const { pack } = packFile;
  const [current] = await db.select().from(contentPacks).where(eq(contentPacks.key, pack.course.key));
  const [published] = await db
    .select({ publisher: coursePublishers.publisher, retiredAt: courses.retiredAt })
    .from(coursePublishers)
    .innerJoin(courses, eq(courses.id, coursePublishers.courseId))
    .where(eq(coursePublishers.courseId, courseIdFor(pack.course.key)));
  if (published?.publisher === 'server') return false;
  if (published?.publisher === 'import') return published.retiredAt !== null;
  if (published?.publisher === 'school' && publisher === 'starter') return false;
  if (!current || (published && published.publisher !== publisher)) return true;
  return current.checksum !== packFile.checksum && current.version <= pack.version;
}

/**
 * Install the packs of a folder that are new or changed since the last start. A broken pack is
 * reported and skipped; it never stops the app or the other packs.
 */
export async function installPackDirectory(db: Db, dir: string, bundled: BundledPacks): Promise<{ installed: string[] }> {
  const installed: string[] = [];
  const publication: Publication = { publisher: bundled.publisher };
  for (const file of listPackFiles(dir)) {
    let packFile: PackFile;
    try {
      packFile = readPackFile(file);
    } catch (error) {
      if (error instanceof InvalidPackError) {
        bundled.onInvalid?.(error);
        continue;
      }
      throw error;
    }
    if (!(await shouldInstall(db, packFile, bundled.publisher))) continue;
    await installPack(db, packFile.pack, packFile.checksum, { publication, now: bundled.now });
    installed.push(packFile.pack.course.key);
  }
  return { installed };
}
