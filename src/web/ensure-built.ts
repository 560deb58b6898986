import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, projectPaths } from './project-paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the built renderer or the database template is missing or older than their sources. */
export function needsBuild(): boolean {
  const builtPage = path.join(projectPaths.rendererDir, 'index.html');
  if (!fs.existsSync(builtPage) || !fs.existsSync(projectPaths.templatePath)) return true;
  const builtAt = Math.min(fs.statSync(builtPage).mtimeMs, fs.statSync(projectPaths.templatePath).mtimeMs);
  const sources = ['src/renderer', 'src/shared', 'drizzle'].map((dir) => newestMtime(path.join(PROJECT_ROOT, dir)));
  return Math.max(...sources) > builtAt;
}

/** `npm run serve` builds first when needed, so a fresh clone starts with one command. */
export function ensureBuilt(log: (line: string) => void): void {
  if (!needsBuild()) return;
  log('Building the app (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`The build failed (exit code ${result.status})`);
}
