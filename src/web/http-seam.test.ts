import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../shared/contract';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, HTTP_SESSION_PATH } from '../shared/seam';
import { assetCookieName, createHttpSeam, MAX_BODY_BYTES } from './http-seam';
import { LaunchSecrets } from './launch-secrets';

const spentCodes: string[] = [];
const secrets = new LaunchSecrets((next) => spentCodes.push(next));
const TOKEN = secrets.apiToken;
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
  server = http.createServer(createHttpSeam({ core, secrets, staticDir, port: () => port }));
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
  const code = () => secrets.launchCode;
  const exchange = (body: unknown, headers: Record<string, string> = {}) =>
    request({ path: HTTP_SESSION_PATH, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('refuses a request with another Host header, even with the code or the API token', async () => {
    const res = await request({ path: `/?code=${code()}`, host: `evil.example:${port}` });
    expect(res.status).toBe(403);
    const api = await request({ path: HTTP_INVOKE_PATH, method: 'POST', host: 'evil.example', headers: auth, body: '{}' });
    expect(api.status).toBe(403);
    expect((await exchange({ code: code() }, { Host: `attacker.example:${port}` })).status).toBe(403);
  });

  it('refuses the page and the API without a code, a cookie or the token', async () => {
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?code=wrong' })).status).toBe(401);
    expect((await request({ path: `/?token=${TOKEN}` })).status).toBe(401);
    const api = await request({ path: HTTP_INVOKE_PATH, method: 'POST', body: JSON.stringify({ method: 'courses.list' }) });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('serves the page for the launch code with an asset cookie that is worth nothing on the API', async () => {
    const launchCode = code();
    const res = await request({ path: `/?code=${launchCode}`, host: `localhost:${port}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Teacher AI');
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^${assetCookieName(port)}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = setCookie.split(';')[0]!;
    const value = cookie.split('=')[1]!;
    // Serving the page spends nothing: the page itself exchanges the code.
    expect(code()).toBe(launchCode);
    expect(value).not.toBe(TOKEN);
    expect((await request({ path: '/index.html', headers: { Cookie: cookie } })).status).toBe(200);
    // Whoever receives the cookie (any program on 127.0.0.1 the browser visits) cannot call the core with it.
    const replays: Record<string, string>[] = [{ Cookie: cookie }, { Authorization: `Bearer ${value}` }, { Cookie: cookie, Authorization: `Bearer ${value}` }];
    for (const headers of replays) {
      const api = await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'courses.list' }) });
      expect(api.status).toBe(401);
      expect((await request({ path: HTTP_EVENTS_PATH, headers })).status).toBe(401);
      expect((await exchange({ code: value }, headers)).status).toBe(401);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('exchanges the launch code for the API token once; a spent code opens nothing', async () => {
    const launchCode = code();
    const first = await exchange({ code: launchCode }, { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token: TOKEN } });
    expect(spentCodes.at(-1)).toBe(code());
    expect(code()).not.toBe(launchCode);

    const again = await exchange({ code: launchCode });
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(again.body).not.toContain(TOKEN);
    expect((await request({ path: `/?code=${launchCode}` })).status).toBe(401);
  });

  it('exchanges a code only for the page itself: not for another origin, port or a form', async () => {
    const launchCode = code();
    const attempts = [
      await exchange({ code: launchCode }, { Origin: `http://127.0.0.1:${port + 1}` }),
      await exchange({ code: launchCode }, { Origin: 'http://attacker.example' }),
      await exchange({ code: launchCode }, { 'Sec-Fetch-Site': 'same-site' }),
      await exchange({ code: launchCode }, { 'Sec-Fetch-Site': 'cross-site' }),
      await exchange({ code: launchCode }, { 'Content-Type': 'text/plain' }),
      await request({ path: `${HTTP_SESSION_PATH}?code=${launchCode}` }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).not.toContain(TOKEN);
    }
    // None of them spent the code.
    expect(code()).toBe(launchCode);
    expect((await exchange({ code: 42 })).status).toBe(401);
    expect((await exchange('not an object')).status).toBe(401);
    expect((await request({ path: HTTP_SESSION_PATH, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' })).status).toBe(400);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/..%2foutside-secret.txt']) {
      const res = await request({ path: `${p}?code=${code()}` });
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
    // Over the limit: a 413 the client can read, never a reset, and the next request is served.
    for (const size of [MAX_BODY_BYTES + 1, 8 * MAX_BODY_BYTES]) {
      const tooLarge = await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: auth, body: 'x'.repeat(size) });
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect((await request({ path: HTTP_INVOKE_PATH, method: 'POST', headers: auth, body: '[]' })).status).toBe(400);
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
