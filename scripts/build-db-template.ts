/**
 * Build out/db-template/: a closed, initialised, fully migrated, empty PGlite data directory.
 * A first start copies it instead of running initdb and every migration, which is most of its cost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '../src/core/db/open-pglite';
import { PROJECT_ROOT, projectPaths } from '../src/web/project-paths';

const started = performance.now();
const target = projectPaths.templatePath;
const building = `${target}.building`;
fs.rmSync(building, { recursive: true, force: true });
const database = await openPglite({ dataDir: building, migrationsFolder: projectPaths.migrationsFolder });
await database.client.query('CHECKPOINT');
await database.close();
fs.rmSync(target, { recursive: true, force: true });
fs.renameSync(building, target);
console.log(`database template: ${path.relative(PROJECT_ROOT, target)} in ${Math.round(performance.now() - started)} ms`);
