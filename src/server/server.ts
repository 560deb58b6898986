import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPostgres } from '../core/db/open-postgres';
import { loadConfig } from './config';
import { createHealthHandler, HEALTH_PATH } from './health';
import { createLogger, type Logger } from './logger';
import { migrateUnderLock } from './migrate';
import { readPackageVersion } from './paths';
import { createRequestListener } from './request-listener';
import { Router } from './router';

export interface StartServerOptions {
  /** The environment to read the configuration from (process.env in production, a literal in tests). */
  env: Readonly<Record<string, string | undefined>>;
  log?: Logger;
  version?: string;
  /** Binds to all interfaces by default: the server sits behind a load balancer. */
  host?: string;
  /** Extra routes (tests register tiny ones here until the REST API exists). */
  routes?: (router: Router) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts one stateless instance of the central server: migrates the database, then serves HTTP. The pool
 * is the only thing shared between requests, so any number of instances can run over one PostgreSQL.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = loadConfig(options.env);
  const log = options.log ?? createLogger();
  const version = options.version ?? readPackageVersion();
  const startedAt = Date.now();

  // The seed's pool settings (at most 20 connections, 30 s idle, 2 s connect) come with openPostgres.
  const database = await openPostgres({ connectionString: config.databaseUrl });
  // An idle connection dropped by PostgreSQL (restart, failover) is an 'error' event on the pool, which
  // would crash the process without a listener; the pool replaces it on the next query.
  database.pool.on('error', (error) => log.warn('idle database connection lost', { error: error.message }));
  try {
    await migrateUnderLock(database.pool, database.db);
  } catch (error) {
    await database.close();
    throw error;
  }

  const router = new Router();
  router.add('GET', HEALTH_PATH, createHealthHandler({ ping: () => database.pool.query('SELECT 1'), version, startedAt }));
  options.routes?.(router);

  const server = http.createServer(createRequestListener({ router, log, maxBodyBytes: config.maxBodyBytes }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() open
        });
        await database.close();
      })();
      return closing;
    },
  };
}
