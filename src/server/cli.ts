import { ConfigError } from './config';
import { createLogger } from './logger';
import { trialEnvironment } from './local-postgres/trial-environment';
import { startServer } from './server';

/** `npm run server`: the central server, configured by the environment. */
async function main(): Promise<void> {
  const log = createLogger(process.stdout);
  let server;
  const trial = await trialEnvironment(process.env, log);
  try {
    server = await startServer({ env: trial.env, log });
  } catch (error) {
    trial.cluster?.stop();
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  log.info('Teacher AI central server is listening', { url: server.url });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info('shutting down', { signal });
    server.close().then(
      () => {
        trial.cluster?.stop();
        process.exit(0);
      },
      (error: unknown) => {
        log.error('could not close cleanly', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`The central server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
