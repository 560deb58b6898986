import fs from 'node:fs';
import path from 'node:path';

/** How many migrations the `drizzle/` history holds: device and server agree on data shapes when equal. */
export function schemaVersionOf(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}
