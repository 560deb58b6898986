import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed PGlite's version (its package.json is not among its exports, so it is found beside its entry). */
export function pgliteVersion(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    let dir = path.dirname(entry);
    for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? null;
    }
  } catch {
    // Not resolvable from here (an unusual packaging): the report says so with null.
  }
  return null;
}
