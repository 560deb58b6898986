import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowClientsClosed } from '../../tests/support/slow-clients';
import { NO_SCHOOL_CONFIG } from '../core/school/load-school-config';
import { startBrowserMode, type BrowserMode } from './start-browser-mode';

let dataDir: string;
let app: BrowserMode;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-browser-mode-'));
  app = await startBrowserMode({
    dataDir,
    port: 0,
    appVersion: '0.0.0-test',
    school: NO_SCHOOL_CONFIG,
    contentDir: null,
    httpLimits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, checkIntervalMs: 50, maxConnections: 80 },
  });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('browser mode closes slow clients', () => {
  it('60 connections that send slowly (or nothing) are all closed within seconds, and the page still loads', async () => {
    const started = Date.now();
    await slowClientsClosed(app.port, 60, {
      halfHeader: `GET / HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\n`,
      slowBody: `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nAuthorization: Bearer ${app.apiToken}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"me`,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(app.url)).status).toBe(200);
  });
});
