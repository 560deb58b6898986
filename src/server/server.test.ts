import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpError } from './http-errors';
import { createLogger } from './logger';
import { startServer, type RunningServer } from './server';

const SECRET = 'test-token-secret-that-is-long-enough-0123456789';
let counter = 0;

/** An empty database in the run's PostgreSQL 15 cluster: the server must migrate it itself. */
async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresUrl');
  const name = `server_${process.pid}_${Date.now()}_${counter++}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function captureLog() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    log: createLogger(stream),
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => text,
  };
}

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('central server', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  const servers: RunningServer[] = [];
  const logs = captureLog();

  const start = async (env: Record<string, string> = {}) => {
    const server = await startServer({
      env: { DATABASE_URL: database.url, TOKEN_SECRET: SECRET, PORT: '0', ...env },
      log: logs.log,
      version: '9.9.9-test',
      host: '127.0.0.1',
      routes: (router) => {
        router.add('POST', '/test/echo', async ({ readJson }) => ({ status: 200, body: { echo: await readJson() } }));
        router.add('GET', '/test/forbidden', () => {
          throw new HttpError(403, 'Not yours.');
        });
        router.add('GET', '/test/crash', () => {
          throw new Error('internal detail that must stay on the server');
        });
      },
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('migrates the database on start and reports itself healthy', async () => {
    const server = await start();
    expect(server.port).toBeGreaterThan(0);
    const { status, body } = await getJson(`${server.url}/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'ok', version: '9.9.9-test' });
    expect((body as { uptimeSeconds: number }).uptimeSeconds).toBeGreaterThanOrEqual(0);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query("SELECT to_regclass('public.users') AS users");
    await client.end();
    expect(rows[0].users).toBe('users');
  });

  it('runs as several stateless instances over one database (started at the same time)', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    for (const server of [a!, b!, a!, b!]) {
      expect((await getJson(`${server.url}/health`)).body).toMatchObject({ status: 'ok', database: 'ok' });
    }
    expect(a!.port).not.toBe(b!.port);
  });

  it('answers unknown paths with 404 and wrong methods with 405, in JSON', async () => {
    const server = await start();
    expect(await getJson(`${server.url}/nowhere`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'No route for /nowhere.' } },
    });
    const wrong = await getJson(`${server.url}/health`, { method: 'POST', body: '{}' });
    expect(wrong).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('limits and parses request bodies: 413 over MAX_BODY_BYTES, 400 on bad JSON', async () => {
    const server = await start({ MAX_BODY_BYTES: '64' });
    const post = (body: string) => getJson(`${server.url}/test/echo`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(await post('{"hello":"world"}')).toMatchObject({ status: 200, body: { echo: { hello: 'world' } } });
    expect(await post(JSON.stringify({ big: 'x'.repeat(100) }))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(await post('{not json')).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });

  it('turns thrown errors into JSON: HttpErrors keep their status, others are a 500 without details', async () => {
    const server = await start();
    expect(await getJson(`${server.url}/test/forbidden`)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: 'Not yours.' } },
    });
    const crash = await getJson(`${server.url}/test/crash`);
    expect(crash).toMatchObject({ status: 500, body: { error: { code: 'internal_error' } } });
    expect(JSON.stringify(crash.body)).not.toMatch(/internal detail|at /);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'handler failed', path: '/test/crash', error: expect.objectContaining({ message: 'internal detail that must stay on the server' }) }),
    );
  });

  it('logs every request with method, path, status and time, never headers, query strings or bodies', async () => {
    const server = await start();
    await fetch(`${server.url}/health?token=query-secret`, { headers: { authorization: 'Bearer header-secret' } });
    await fetch(`${server.url}/test/echo`, { method: 'POST', body: '{"password":"body-secret"}' });
    const requests = logs.lines().filter((line) => line.msg === 'request');
    expect(requests).toContainEqual(expect.objectContaining({ level: 'info', method: 'GET', path: '/health', status: 200, ms: expect.any(Number) }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/test/echo', status: 200 }));
    expect(logs.text()).not.toMatch(/query-secret|header-secret|body-secret|Bearer/);
    expect(logs.text()).not.toContain(SECRET);
  });

  it('refuses to start on an invalid configuration', async () => {
    await expect(startServer({ env: { DATABASE_URL: database.url }, log: logs.log })).rejects.toThrow(/TOKEN_SECRET is required/);
  });
});

describe('central server when the database goes away', () => {
  it('answers /health with 503 instead of crashing, and still closes', async () => {
    const database = await createEmptyDatabase();
    const server = await startServer({
      env: { DATABASE_URL: database.url, TOKEN_SECRET: SECRET, PORT: '0' },
      log: captureLog().log,
      version: 'test',
      host: '127.0.0.1',
    });
    try {
      expect((await getJson(`${server.url}/health`)).status).toBe(200);
      await database.drop(); // terminates the pool's connections; new ones are refused
      expect(await getJson(`${server.url}/health`)).toMatchObject({
        status: 503,
        body: { status: 'degraded', database: 'unavailable' },
      });
    } finally {
      await server.close();
    }
  });
});
