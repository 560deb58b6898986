import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/create-core';
import { openLocalApp, type LocalApp } from '../core/local-app';
import { createDataDirLogger, logStarted } from '../core/diagnostics/logger';
import { loadSchoolConfig, type LoadedSchoolConfig } from '../core/school/load-school-config';
import { TOKEN_QUERY_PARAM } from '../shared/seam';
import { createHttpSeam } from './http-seam';
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
}

export interface BrowserMode {
  url: string;
  port: number;
  token: string;
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
    school: options.school ?? loadSchoolConfig({ platform: process.platform, env: process.env, appDir: null }),
  });
  const token = randomBytes(32).toString('base64url');
  let port = options.port;
  const server = http.createServer(
    createHttpSeam({ core: local, token, staticDir: options.staticDir ?? projectPaths.rendererDir, port: () => port }),
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
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY_PARAM}=${token}`,
    port,
    token,
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
