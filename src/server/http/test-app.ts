/** Shared by the HTTP layer's tests (not a test itself): the app without a database, its log captured. */
import { PassThrough } from 'node:stream';
import { DEFAULT_HTTP_LIMITS } from '../../core/net/http-server-limits';
import { createLogger } from '../logger';
import { createHttpApp, type ServerApp } from './app';

export function testApp(routes: (app: ServerApp) => void, maxBodyBytes = 1024 * 1024) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const app = createHttpApp({ log: createLogger(stream), maxBodyBytes, limits: DEFAULT_HTTP_LIMITS });
  routes(app);
  return { app, logText: () => text };
}
