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
   * A gzipped tarball made by `dumpDataDir` of an already-initialised, already-migrated database.
   * Loading it skips initdb, which is most of a first start's cost.
   */
  templatePath?: string | null;
}

const isInitialisedDataDir = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

export async function openPglite(options: OpenPgliteOptions): Promise<OpenedDatabase & { client: PGlite }> {
  const { dataDir, migrationsFolder, templatePath } = options;
  let loadDataDir: Blob | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (!isInitialisedDataDir(dataDir) && templatePath && fs.existsSync(templatePath)) {
      loadDataDir = new Blob([fs.readFileSync(templatePath)]);
    }
  }
  const client = await PGlite.create(dataDir ?? 'memory://', loadDataDir ? { loadDataDir } : {});
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
