import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLimitedHttpServer, type HttpServerLimits } from './http-server-limits';

const LIMITS: HttpServerLimits = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, maxConnections: 20, checkIntervalMs: 50 };
const servers: http.Server[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(limits = LIMITS): Promise<number> {
  const server = createLimitedHttpServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  }, limits);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw connection that records when it is closed and what it was answered. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const state = { closed: false, received: () => received };
  void closed.then(() => (state.closed = true));
  return { socket, closed, state };
}

/** Sends `text` one byte at a time, every `everyMs`, until the socket closes. */
function trickle(socket: net.Socket, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text[at++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

describe('HTTP server limits', () => {
  it('closes many slow clients: headers sent slowly, a body sent slowly, and a connection that says nothing', async () => {
    const port = await listen();
    const started = Date.now();
    const slow = Array.from({ length: 18 }, (_, i) => {
      const connection = connect(port);
      connection.socket.on('connect', () => {
        if (i % 3 === 0) trickle(connection.socket, 'GET / HTTP/1.1\r\nHost: a\r\nX-Padding: ' + 'x'.repeat(1000), 50);
        if (i % 3 === 1) {
          connection.socket.write('POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n');
          trickle(connection.socket, 'y'.repeat(100_000), 50);
        }
        // i % 3 === 2: connected, never sends a byte.
      });
      return connection;
    });
    await Promise.all(slow.map((c) => c.closed));
    // Every one is gone well before Node's defaults (60 s for headers, 300 s for a request) would have closed it.
    expect(Date.now() - started).toBeLessThan(3_000);
    // The one that sent its headers in time but not its body is told why.
    expect(slow[1]!.state.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still answers a client that is quick, and closes its idle keep-alive connection', async () => {
    const port = await listen();
    const { socket, closed, state } = connect(port);
    socket.write('GET / HTTP/1.1\r\nHost: a\r\n\r\n');
    await closed;
    expect(state.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*ok$/);
  });

  it('refuses connections beyond the cap', async () => {
    const port = await listen({ ...LIMITS, maxConnections: 5, headersTimeoutMs: 10_000, requestTimeoutMs: 20_000, checkIntervalMs: 1_000 });
    const held = Array.from({ length: 5 }, () => connect(port));
    await Promise.all(held.map((c) => new Promise((resolve) => c.socket.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = Array.from({ length: 10 }, () => connect(port));
    await Promise.all(extra.map((c) => c.closed));
    expect(held.every((c) => !c.state.closed)).toBe(true);
  });
});
