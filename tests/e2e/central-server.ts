import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/server/logger';
import { startServer, type RunningServer } from '../../src/server/server';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';

/** The school's central server for an e2e file: read `url` inside tests. */
export interface CentralServer {
  readonly url: string;
}

/**
 * For an e2e file, at its top: the real central server over a throw-away PostgreSQL 15, started before
 * its tests (quiet logs) and stopped after them.
 */
export function setUpCentralServer(): CentralServer {
  let cluster: PostgresCluster | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
    server = await startServer({
      env: { DATABASE_URL: cluster.url, TOKEN_SECRET: 'e2e-token-secret-long-enough-0123456789abcdef', PORT: '0', BCRYPT_COST: '4' },
      host: '127.0.0.1',
      log: createLogger(quiet),
      version: 'e2e',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    cluster?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the central server is not running yet');
      return server.url;
    },
  };
}
