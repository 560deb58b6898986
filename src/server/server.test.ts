import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from './http-errors';
import { DEFAULT_CONTENT_DIR } from './paths';
import { startServer, type RunningServer } from './server';
import { captureLog, createEmptyDatabase, TEST_SECRET } from './test-harness';
import { connectClient } from '../core/db/pg-connections';

const SECRET = TEST_SECRET;

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
      routes: (app) => {
        app.post('/test/echo', async (req) => ({ echo: req.body }));
        app.get('/test/forbidden', () => {
          throw new HttpError(403, 'Not yours.');
        });
        app.get('/test/crash', () => {
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

    const client = await connectClient({ connectionString: database.url });
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

describe('central server catalogue', () => {
  it('installs the catalogue once, even when instances start together, and records it for devices', async () => {
    const fresh = await createEmptyDatabase();
    const logs = captureLog();
    const instance = () =>
      startServer({ env: { DATABASE_URL: fresh.url, TOKEN_SECRET: SECRET, PORT: '0' }, log: logs.log, version: 'test', host: '127.0.0.1' });
    const query = async (text: string) => {
      const client = await connectClient({ connectionString: fresh.url });
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    };
    // Two instances over one fresh database, at the same time: they take turns under the migration lock.
    const servers = await Promise.all([instance(), instance()]);
    try {
      const packs = fs.readdirSync(DEFAULT_CONTENT_DIR).filter((name) => name.endsWith('.json')).length;
      const [counts] = await query(`SELECT (SELECT count(*)::int FROM content_packs) AS packs, (SELECT count(*)::int FROM courses) AS courses,
        (SELECT count(*)::int FROM lessons) AS lessons, (SELECT count(*)::int FROM achievements) AS achievements`);
      expect(counts).toMatchObject({ packs, courses: packs });
      expect(counts.achievements).toBeGreaterThan(0);
      // Every catalogue row is in the catalogue's change feed, once.
      const tracked = await query(`SELECT table_name, count(*)::int AS n FROM sync_changes
        WHERE scope_id = '00000000-0000-0000-0000-000000000000' GROUP BY 1 ORDER BY 1`);
      expect(tracked).toEqual([
        { table_name: 'achievements', n: counts.achievements },
        { table_name: 'courses', n: counts.courses },
        { table_name: 'lessons', n: counts.lessons },
      ]);
      // The first installed every pack; the second found them installed.
      const installed = logs.lines().filter((line) => line.msg === 'catalogue installed');
      expect(installed.map((line) => (line.packsInstalled as string[]).length).sort()).toEqual([0, packs]);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await fresh.drop();
    }
  });

  it('installs the packs of CONTENT_DIR, and skips (and logs) a broken one', async () => {
    const database = await createEmptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packs-'));
    fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, 'math-5-fractions.json'), path.join(dir, 'math-5-fractions.json'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"format": "nope"}');
    const logs = captureLog();
    const server = await startServer({
      env: { DATABASE_URL: database.url, TOKEN_SECRET: SECRET, PORT: '0', CONTENT_DIR: dir },
      log: logs.log,
      version: 'test',
      host: '127.0.0.1',
    });
    try {
      const client = await connectClient({ connectionString: database.url });
      const { rows } = await client.query('SELECT key FROM content_packs');
      await client.end();
      expect(rows).toEqual([{ key: 'math-5-fractions' }]);
      expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'invalid content pack skipped', file: path.join(dir, 'broken.json') }));
    } finally {
      await server.close();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
