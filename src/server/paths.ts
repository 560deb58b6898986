import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the server runs from source (tsx), next to `drizzle/` and package.json. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** The same migrations the devices apply: the server's schema is the devices' schema. */
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');

export function readPackageVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return version;
}
