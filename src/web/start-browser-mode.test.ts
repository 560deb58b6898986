import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const closed = Array.from({ length: 60 }, (_, i) => {
      const socket = net.connect(app.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('connect', () => {
        if (i % 3 === 0) socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\n`);
        if (i % 3 === 1) {
          socket.write(
            `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nAuthorization: Bearer ${app.apiToken}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"me`,
          );
        }
      });
      const timer = setInterval(() => socket.writable && socket.write(i % 3 === 0 ? 'X' : ' '), 100);
      return new Promise<void>((resolve) =>
        socket.on('close', () => {
          clearInterval(timer);
          resolve();
        }),
      );
    });
    await Promise.all(closed);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(app.url)).status).toBe(200);
  });
});
