/**
 * Build out/db-template.tar.gz (src/core/db/db-template.ts): a closed, initialised, fully migrated, empty
 * PGlite data directory as one archive. A first start unpacks it instead of running initdb and every
 * migration, which is most of its cost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packTemplate, unpackTemplate } from '../src/core/db/db-template';
import { openPglite } from '../src/core/db/open-pglite';
import { PROJECT_ROOT, projectPaths } from '../src/web/project-paths';

const started = performance.now();
const target = projectPaths.templatePath;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-db-template-'));
try {
  const dataDir = path.join(work, 'db');
  const database = await openPglite({ dataDir, migrationsFolder: projectPaths.migrationsFolder });
  await database.client.query('CHECKPOINT');
  await database.close();
  const building = `${target}.building`;
  fs.writeFileSync(building, packTemplate(dataDir));
  // What a first start will do with it, before it replaces the previous template.
  await unpackTemplate(building, path.join(work, 'check'));
  fs.renameSync(building, target);
  // The folder earlier builds made (packaging dropped its empty folders: issue 22).
  fs.rmSync(path.join(path.dirname(target), 'db-template'), { recursive: true, force: true });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
const size = (fs.statSync(target).size / 1e6).toFixed(1);
console.log(`database template: ${path.relative(PROJECT_ROOT, target)} (${size} MB) in ${Math.round(performance.now() - started)} ms`);
