import type { AddressInfo } from 'node:net';
import type { RouteOptions } from 'fastify';
import { createPasswordHasher } from '../core/accounts/password-hasher';
import { openPostgres } from '../core/db/open-postgres';
import { schemaVersionAt, schemaVersionOf } from '../core/db/schema-version';
import { OLDEST_DEVICE_MIGRATION } from '../core/sync/server-push';
import { PULL_PAGE_ROWS } from '../core/sync/server-pull';
import { addAuthRoutes } from './auth/routes';
import { addDeviceRoutes } from './device-routes';
import { installCatalogue } from './catalogue';
import { loadConfig } from './config';
import type { ServerDeps } from './deps';
import { createHealthHandler, HEALTH_PATH } from './health';
import { createHttpApp, type ServerApp } from './http/app';
import { createLogger, type Logger } from './logger';
import { DEFAULT_HTTP_LIMITS, type HttpServerLimits } from '../core/net/http-server-limits';
import { migrateUnderLock } from './migrate';
import { MIGRATIONS_FOLDER, readPackageVersion } from './paths';
import { addRestApiRoutes } from './rest-api';
import { addSyncRoutes } from './sync-routes';
import { trackingConnection, verifyAppRole, verifyTracking } from './tracking';
import { systemClock } from '../core/clock';

export interface StartServerOptions {
  /** The environment to read the configuration from (process.env in production, a literal in tests). */
  env: Readonly<Record<string, string | undefined>>;
  log?: Logger;
  version?: string;
  /** Binds to all interfaces by default: the server sits behind a load balancer. */
  host?: string;
  /** Extra routes (tests register tiny ones here). */
  routes?: (app: ServerApp) => void;
  /** Tests only: the clock of tokens, sign-in limits and REST mutations. */
  now?: () => Date;
  /** Tests only: smaller pull pages. */
  pullPageRows?: number;
  /** Tests only: a connect timeout a loaded test machine can meet (production keeps 2 s). */
  connectTimeoutMs?: number;
  /** Tests only: shorter timeouts for slow clients (the connection cap is MAX_CONNECTIONS). */
  httpLimits?: Partial<HttpServerLimits>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Every method and path pattern served, in the order added (tests walk them all). */
  readonly routes: readonly { method: string; path: string }[];
  close(): Promise<void>;
}

/**
 * Starts one stateless instance of the central server: migrates the database and installs the catalogue
 * (under an advisory lock), checks its roles, then serves HTTP — accounts, sync and the REST API. The pool
 * is the only thing shared between requests, so any number of instances can run over one PostgreSQL.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = loadConfig(options.env);
  const log = options.log ?? createLogger();
  const version = options.version ?? readPackageVersion();
  const startedAt = Date.now();

  // The pool settings (at most 20 connections, 30 s idle, 2 s connect) come with openPostgres;
  // every connection records changes for devices to pull (teacher.track_changes = on, see 0007).
  // An idle connection dropped by PostgreSQL (restart, failover) is logged; the pool replaces it on the next query.
  const connection = trackingConnection(config.databaseUrl);
  const database = await openPostgres({
    ...connection,
    pool: { ...connection.pool, ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}) },
    onIdleError: (error) => log.warn('idle database connection lost', { error: error.message }),
  });
  try {
    await verifyTracking(database.pool);
    await migrateUnderLock(database.pool, database.db, () =>
      installCatalogue(database.db, { contentDir: config.contentDir, achievementsFile: config.achievementsFile, now: options.now ?? systemClock }, log),
    );
    await verifyAppRole(database.pool);
  } catch (error) {
    await database.close();
    throw error;
  }

  const deps: ServerDeps = {
    db: database.db,
    tokenSecret: config.tokenSecret,
    passwords: createPasswordHasher(config.bcryptCost),
    log,
    now: options.now ?? systemClock,
    schemaVersion: schemaVersionOf(MIGRATIONS_FOLDER),
    oldestDeviceSchemaVersion: schemaVersionAt(MIGRATIONS_FOLDER, OLDEST_DEVICE_MIGRATION),
    trustedProxies: new Set(config.trustedProxies),
    pullPageRows: options.pullPageRows ?? PULL_PAGE_ROWS,
  };
  const app = createHttpApp({
    log,
    maxBodyBytes: config.maxBodyBytes,
    limits: { ...DEFAULT_HTTP_LIMITS, maxConnections: config.maxConnections, ...options.httpLimits },
  });
  const routes: { method: string; path: string }[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) routes.push({ method, path: route.url });
  });
  const health = createHealthHandler({ ping: () => database.pool.query('SELECT 1'), version, startedAt });
  app.get(HEALTH_PATH, async (_req, reply) => {
    const { status, body } = await health();
    return reply.code(status).send(body);
  });
  addAuthRoutes(app, deps);
  addDeviceRoutes(app, deps);
  addSyncRoutes(app, deps);
  addRestApiRoutes(app, deps);
  options.routes?.(app);

  try {
    await listenOn(app, config.port, options.host);
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    routes,
    close: () => {
      closing ??= (async () => {
        // Fastify closes idle keep-alive sockets itself and answers 503 to requests arriving meanwhile.
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/**
 * All interfaces unless told otherwise (the server sits behind a load balancer): `::`, which takes IPv4
 * too, or — on a machine without IPv6 — `0.0.0.0`, as Node itself does when given no host.
 */
async function listenOn(app: ServerApp, port: number, host: string | undefined): Promise<void> {
  try {
    await app.listen({ port, host: host ?? '::' });
  } catch (error) {
    if (host !== undefined || (error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw error;
    await app.listen({ port, host: '0.0.0.0' });
  }
}
