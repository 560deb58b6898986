import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalCore, type Core } from '../core/create-core';
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
}

export interface BrowserMode {
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
}

/** Open the core on the data directory and serve the renderer and the contract on 127.0.0.1. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const core = await createLocalCore({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    migrationsFolder: options.migrationsFolder ?? projectPaths.migrationsFolder,
    contentDir: options.contentDir === undefined ? projectPaths.contentDir : options.contentDir,
    achievementsFile: projectPaths.achievementsFile,
    templatePath: options.templatePath === undefined ? projectPaths.templatePath : options.templatePath,
  });
  const token = randomBytes(32).toString('base64url');
  let port = options.port;
  const server = http.createServer(
    createHttpSeam({ core, token, staticDir: options.staticDir ?? projectPaths.rendererDir, port: () => port }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY_PARAM}=${token}`,
    port,
    token,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
