import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './ensure-built';
import { startBrowserMode } from './start-browser-mode';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from './project-paths';
import { loadSchoolConfig } from '../core/school/load-school-config';
import { SCHOOL_CONFIG_ENV } from '../shared/school-config';

const USAGE = 'Usage: npm run serve -- [--port N] [--data-dir DIR] [--school-config FILE] [--keep-backups N]';

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'teacher-ai');
}

async function main(): Promise<void> {
  // Whatever this process creates is its user's alone (the data directory's own modes are set and repaired in the core).
  if (process.platform !== 'win32') process.umask(0o077);
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      // The school-wide configuration file; by default TEACHER_AI_SCHOOL_CONFIG or the machine-wide place.
      'school-config': { type: 'string' },
      // How many backups of the database to keep in <data-dir>/backups.
      'keep-backups': { type: 'string', default: '7' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535. ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const keepBackups = Number(values['keep-backups']);
  if (!Number.isInteger(keepBackups) || keepBackups < 1 || keepBackups > 1000) {
    console.error(`--keep-backups must be a whole number from 1 to 1000. ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  ensureBuilt((line) => console.error(line));
  const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const schoolConfig = values['school-config'];
  const env = schoolConfig ? { ...process.env, [SCHOOL_CONFIG_ENV]: path.resolve(schoolConfig) } : process.env;
  const school = loadSchoolConfig({ platform: process.platform, env, appDir: null });
  const app = await startBrowserMode({
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    port,
    appVersion: version,
    school,
    keepBackups,
    // Each address opens the app once; the next one is for another tab or browser.
    onLaunchUrlUsed: (next) => console.log(`Teacher AI: that address has been used. To open the app in another tab or browser: ${next}`),
  });
  console.log(`Teacher AI is running at ${app.url}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Teacher AI could not close the database cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Teacher AI could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
