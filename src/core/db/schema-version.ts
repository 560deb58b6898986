import fs from 'node:fs';
import path from 'node:path';

/** How many migrations the `drizzle/` history holds: device and server agree on data shapes when equal. */
export function schemaVersionOf(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * The schema version at which the migration named `tag` (without its number) was applied: a device must
 * have at least that many migrations when the named one changed what a replayed mutation stores.
 */
export function schemaVersionAt(migrationsFolder: string, tag: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag.replace(/^\d+_/, '') === tag);
  if (index < 0) throw new Error(`No migration named ${tag} in ${migrationsFolder}`);
  return index + 1;
}
