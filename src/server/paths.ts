import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the server runs from source (tsx), next to `drizzle/` and package.json. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** The same migrations the devices apply: the server's schema is the devices' schema. */
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');
/** The starter course packs the app ships; CONTENT_DIR points elsewhere. */
export const DEFAULT_CONTENT_DIR = path.join(PROJECT_ROOT, 'resources', 'content');
/** The achievements catalogue the app ships; ACHIEVEMENTS_FILE points elsewhere. */
export const DEFAULT_ACHIEVEMENTS_FILE = path.join(PROJECT_ROOT, 'resources', 'achievements', 'catalogue.json');

export function readPackageVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return version;
}
