import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowClientsClosed } from '../../tests/support/slow-clients';
import { startTestServer, type TestServer } from './test-harness';

/** The routes anyone may call: the load balancer's check and the steps that make a token. */
const PUBLIC_ROUTES = new Set(['GET /health', 'POST /auth/register', 'POST /auth/sign-in', 'POST /auth/refresh']);
const SOME_ID = '0b8d2f64-5e1c-4a97-b3d0-9f6a1c4e7b25';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({
    httpLimits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, checkIntervalMs: 50, maxConnections: 40 },
  });
});
afterAll(async () => {
  await t?.close();
});

const withParams = (pattern: string) => pattern.replace(/:\w+/g, SOME_ID);

describe('the central server authenticates first', () => {
  it('POST /api/chat/messages with {} and no token is 401, not 400', async () => {
    const answer = await t.api.post('/api/chat/messages', {});
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('every route but the public ones answers 401 to an anonymous client, whatever its body or parameters', async () => {
    const routes = t.server.routes.filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const { method, path } of routes) {
      for (const body of ['{}', 'not json', JSON.stringify({ deviceId: 'x', mutations: 'y' })]) {
        const response = await fetch(`${t.server.url}${path.replace(/:\w+/g, 'not-a-uuid')}?cursor=oops`, {
          method,
          headers: { 'content-type': 'application/json', authorization: 'Bearer forged.token.value' },
          ...(method === 'GET' ? {} : { body }),
        });
        expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 401 });
      }
      const anonymous = await fetch(`${t.server.url}${withParams(path)}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect({ route: `${method} ${path}`, status: anonymous.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
  });
});

describe('the central server closes slow clients', () => {
  it('60 connections that send slowly (or nothing) are all closed within seconds, and it still answers', async () => {
    const started = Date.now();
    await slowClientsClosed(t.server.port, 60, {
      halfHeader: 'POST /auth/sign-in HTTP/1.1\r\nHost: a\r\n',
      slowBody: 'POST /auth/sign-in HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"lo',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await t.api.get('/health')).status).toBe(200);
  });
});

describe('the central server answers a body over the limit', () => {
  /** A raw connection that sends `bytes` of body as fast as the server takes them; what it got back, and whether it was reset. */
  function sendLarge(path: string, bytes: number) {
    return new Promise<{ status: string; allSent: boolean; error: string | null }>((resolve) => {
      const socket = net.connect(t.server.port, '127.0.0.1');
      let received = '';
      let sent = 0;
      let error: string | null = null;
      const finish = () => {
        socket.destroy();
        resolve({ status: received.split('\r\n')[0] ?? '', allSent: sent >= bytes, error });
      };
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        received += chunk;
        if (sent >= bytes && received.includes('\r\n\r\n')) setTimeout(finish, 20);
      });
      socket.on('error', (e) => {
        error = e.message;
        finish();
      });
      socket.write(`POST ${path} HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const send = () => {
        if (sent >= bytes) {
          if (received.includes('\r\n\r\n')) setTimeout(finish, 20);
          return;
        }
        sent += chunk.length;
        if (socket.write(chunk)) setImmediate(send);
        else socket.once('drain', send);
      };
      send();
    });
  }

  it('with a 413 (or the 401 that comes first) the client reads, never a reset, and the server goes on answering', async () => {
    // A signed-in route answers 401 before it reads a byte of the body; the rest is still taken off the wire.
    for (const [path, expected] of [['/auth/sign-in', 'HTTP/1.1 413 Payload Too Large'], ['/auth/register', 'HTTP/1.1 413 Payload Too Large'], ['/sync/push', 'HTTP/1.1 401 Unauthorized']] as const) {
      expect({ path, ...(await sendLarge(path, 4 * 1024 * 1024)) }).toEqual({ path, status: expected, allSent: true, error: null });
    }
    expect((await t.api.get('/health')).status).toBe(200);
  });
});
