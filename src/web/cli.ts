import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './ensure-built';
import { startBrowserMode } from './start-browser-mode';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from './project-paths';

const USAGE = 'Usage: npm run serve -- [--port N] [--data-dir DIR]';

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'teacher-ai');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
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
  ensureBuilt((line) => console.error(line));
  const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const app = await startBrowserMode({ dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()), port, appVersion: version });
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
