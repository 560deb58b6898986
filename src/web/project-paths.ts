import path from 'node:path';

/** Browser mode runs from the source tree (tsx), so everything is found relative to the project root. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export const projectPaths = {
  migrationsFolder: path.join(PROJECT_ROOT, 'drizzle'),
  contentDir: path.join(PROJECT_ROOT, 'resources/content'),
  achievementsFile: path.join(PROJECT_ROOT, 'resources/achievements/catalogue.json'),
  templatePath: path.join(PROJECT_ROOT, 'out/db-template.tar.gz'),
  rendererDir: path.join(PROJECT_ROOT, 'out/renderer'),
  /** The embedded model's worker, as `npx electron-vite build` writes it for the desktop app. */
  embeddedWorker: path.join(PROJECT_ROOT, 'out/main/embedded-worker.js'),
};
