import type { AddressInfo } from 'node:net';
import type { Clock } from '../core/clock';
import type { Core } from '../core/create-core';
import { openLocalApp, type LocalApp } from '../core/local-app';
import { createDataDirLogger, logStarted } from '../core/diagnostics/logger';
import { loadSchoolConfig, type LoadedSchoolConfig } from '../core/school/load-school-config';
import { createLimitedHttpServer, DEFAULT_HTTP_LIMITS, type HttpServerLimits } from '../core/net/http-server-limits';
import { LAUNCH_CODE_PARAM } from '../shared/seam';
import { createHttpSeam } from './http-seam';
import { LaunchSecrets } from './launch-secrets';
import { projectPaths } from './project-paths';

export interface BrowserModeOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  appVersion: string;
  staticDir?: string;
  migrationsFolder?: string;
  contentDir?: string | null;
  templatePath?: string | null;
  /** The school-wide configuration; absent: looked for on this machine (TEACHER_AI_SCHOOL_CONFIG, /etc/teacher-ai, …). */
  school?: LoadedSchoolConfig;
  /** How many backups to keep in `<dataDir>/backups` (7). */
  keepBackups?: number;
  /** Called with the next launch address each time one was used (`npm run serve` prints it). */
  onLaunchUrlUsed?: (nextUrl: string) => void;
  /** Tests only: the core's clock (a review queue of tomorrow), instead of the system's. */
  now?: Clock;
  /** Tests only: shorter timeouts for slow clients, a smaller connection cap. */
  httpLimits?: Partial<HttpServerLimits>;
}

/** One browser opens a handful of connections (and one event stream per tab): a small cap is plenty. */
const BROWSER_MODE_MAX_CONNECTIONS = 64;

export interface BrowserMode {
  /** The launch address not yet used: `http://127.0.0.1:<port>/?code=<one-time code>` (a new one after each use). */
  readonly url: string;
  port: number;
  /** The API token (Authorization: Bearer on /api/*), for tests that call the seam directly. */
  apiToken: string;
  /** The open core (it changes when a backup is restored); throws in recovery mode. */
  readonly core: Core;
  /** The core or the recovery core behind the seam, across restores. */
  app: LocalApp;
  close(): Promise<void>;
}

/** Open the core on the data directory and serve the renderer and the contract on 127.0.0.1. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  // Redacted JSON lines in <dataDir>/logs (README: "Diagnostics and crash safety"); errors on stderr too.
  const logger = createDataDirLogger(options.dataDir, { console: true });
  const opening = performance.now();
  const local = await openLocalApp({
    logger,
    dataDir: options.dataDir,
    keepBackups: options.keepBackups,
    appVersion: options.appVersion,
    migrationsFolder: options.migrationsFolder ?? projectPaths.migrationsFolder,
    contentDir: options.contentDir === undefined ? projectPaths.contentDir : options.contentDir,
    achievementsFile: projectPaths.achievementsFile,
    templatePath: options.templatePath === undefined ? projectPaths.templatePath : options.templatePath,
    ...(options.now ? { now: options.now } : {}),
    school: options.school ?? loadSchoolConfig({ platform: process.platform, env: process.env, appDir: null }),
    // The built worker (node-llama-cpp off the server's thread): the embedded model works in browser mode too.
    embeddedWorker: { file: projectPaths.embeddedWorker },
  });
  let port = options.port;
  const launchUrl = (code: string) => `http://127.0.0.1:${port}/?${LAUNCH_CODE_PARAM}=${code}`;
  const secrets = new LaunchSecrets((next) => options.onLaunchUrlUsed?.(launchUrl(next)));
  const server = createLimitedHttpServer(
    createHttpSeam({ core: local, secrets, staticDir: options.staticDir ?? projectPaths.rendererDir, port: () => port }),
    { ...DEFAULT_HTTP_LIMITS, maxConnections: BROWSER_MODE_MAX_CONNECTIONS, ...options.httpLimits },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await local.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  logStarted(logger, { mode: 'browser', appVersion: options.appVersion, openMs: Math.round(performance.now() - opening), recovery: !local.core });
  return {
    get url() {
      return launchUrl(secrets.launchCode);
    },
    port,
    apiToken: secrets.apiToken,
    get core() {
      if (!local.core) throw new Error('The app is in recovery mode: its database could not be opened');
      return local.core;
    },
    app: local,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
      logger.info('app closed');
    },
  };
}
