/**
 * Build out/db-template.tar.gz: an initialised, fully migrated, empty PGlite data directory.
 * A first start loads it instead of running initdb and every migration, which is most of its cost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '../src/core/db/open-pglite';
import { PROJECT_ROOT, projectPaths } from '../src/web/project-paths';

const started = performance.now();
const database = await openPglite({ dataDir: null, migrationsFolder: projectPaths.migrationsFolder });
const dump = await database.client.dumpDataDir('gzip');
await database.close();
fs.mkdirSync(path.dirname(projectPaths.templatePath), { recursive: true });
fs.writeFileSync(projectPaths.templatePath, Buffer.from(await dump.arrayBuffer()));
console.log(
  `database template: ${path.relative(PROJECT_ROOT, projectPaths.templatePath)} ` +
    `(${(dump.size / 1024 / 1024).toFixed(1)} MiB) in ${Math.round(performance.now() - started)} ms`,
);
