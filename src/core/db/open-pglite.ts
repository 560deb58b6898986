import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import type { OpenedDatabase } from './types';

export interface OpenPgliteOptions {
  /** A directory on disk, or null for an in-memory database (tests, template building). */
  dataDir: string | null;
  migrationsFolder: string;
  /**
   * A closed, already-initialised, already-migrated PGlite data directory (scripts/build-db-template.ts).
   * Copying it skips initdb, which is most of a first start's cost. (PGlite's own `loadDataDir`
   * tarball was measured at ~1.2 s more: it unpacks in WASM; a file copy takes ~0.2 s.)
   */
  templatePath?: string | null;
}

const isInitialisedDataDir = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/** Copy beside the target, then rename: a crash mid-copy leaves no half database behind. */
function copyTemplate(templateDir: string, dataDir: string): void {
  const partial = `${dataDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(templateDir, partial, { recursive: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.renameSync(partial, dataDir);
}

export async function openPglite(options: OpenPgliteOptions): Promise<OpenedDatabase & { client: PGlite }> {
  const { dataDir, migrationsFolder, templatePath } = options;
  if (dataDir && !isInitialisedDataDir(dataDir) && templatePath && isInitialisedDataDir(templatePath)) {
    copyTemplate(templatePath, dataDir);
  }
  const client = await PGlite.create(dataDir ?? 'memory://');
  const db = drizzle({ client, schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    db,
    client,
    kind: 'pglite',
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
