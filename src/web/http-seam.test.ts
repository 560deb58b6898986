import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../shared/contract';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH } from '../shared/seam';
import { createHttpSeam, MAX_BODY_BYTES } from './http-seam';

const TOKEN = 'launch-token-for-tests';
let server: http.Server;
let port = 0;
let staticDir: string;
const listeners = new Set<(event: CoreEvent) => void>();
const invoke = vi.fn(async (method: unknown, input: unknown) => ({ ok: true as const, value: { method, input } }));

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Teacher AI</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), 'secret');
  const core = {
    invoke,
    subscribe: (listener: (event: CoreEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  server = http.createServer(createHttpSeam({ core, token: TOKEN, staticDir, port: () => port }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** Raw HTTP, because fetch will not let a test set the Host header. */
function request(options: { path: string; method?: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

describe('browser-mode HTTP seam', () => {
  it('refuses a request with another Host header, even with the token', async () => {
    const res = await request({ path: `/?token=${TOKEN}`, host: `evil.example:${port}` });
    expect(res.status).toBe(403);
    const api = await request({ path: HTTP_INVOKE_PATH, method: 'POST', host: 'evil.example', headers: auth, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('refuses the page and the API without the token', async () => {
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
    const api = await request({ path: HTTP_INVOKE_PATH, method: 'POST', body: JSON.stringify({ method: 'courses.list' }) });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('serves the page with the token and sets a strict cookie for its assets', async () => {
    const res = await request({ path: `/?token=${TOKEN}`, host: `localhost:${port}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Teacher AI');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const withCookie = await request({ path: '/index.html', headers: { Cookie: `teacher_ai_token=${TOKEN}` } });
    expect(withCookie.status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/..%2foutside-secret.txt']) {
      const res = await request({ path: `${p}?token=${TOKEN}` });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('passes contract calls with the bearer token to the core', async () => {
    const res = await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: auth, body: JSON.stringify({ method: 'courses.list', input: { a: 1 } }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { method: 'courses.list', input: { a: 1 } } });
  });

  it('answers bad bodies with a typed error', async () => {
    const notJson = await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: auth, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tooLarge = await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: auth, body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(tooLarge.status).toBe(413);
  });

  it('streams core events to an authorised listener', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: HTTP_EVENTS_PATH, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('progress.changed')) {
            req.destroy();
            resolve(text);
          }
        });
        setTimeout(() => {
          for (const listener of listeners) listener({ name: 'progress.changed', payload: { courseId: '7a1d6a4e-0b7a-4c3e-9a53-4a6f9d0f2c11' } });
        }, 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"name":"progress.changed"');
    await vi.waitFor(() => expect(listeners.size).toBe(0));
  });
});
