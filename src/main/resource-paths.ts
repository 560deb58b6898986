import path from 'node:path';
import { TEMPLATE_FILE_NAME } from '../core/db/db-template';

/**
 * Where the desktop app finds its migrations, starter content and database template. Packaged, they are
 * electron-builder's `extraResources` under `process.resourcesPath` (electron-builder.yml, checked by
 * tests/integration/electron-builder-config.test.ts); in development, the project folder and its `out/`.
 */
export function resourcePaths(root: string, packaged: boolean) {
  return {
    migrationsFolder: path.join(root, 'drizzle'),
    contentDir: path.join(root, 'resources', 'content'),
    achievementsFile: path.join(root, 'resources', 'achievements', 'catalogue.json'),
    templatePath: path.join(packaged ? root : path.join(root, 'out'), TEMPLATE_FILE_NAME),
  };
}
