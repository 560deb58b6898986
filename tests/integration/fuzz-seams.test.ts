import fc from 'fast-check';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/core/db/schema';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db, OpenedDatabase } from '../../src/core/db/types';
import { contract, methodNames } from '../../src/shared/contract';
import { HTTP_INVOKE_PATH } from '../../src/shared/seam';
import { registerStudent, startTestServer, type TestServer } from '../../src/server/test-harness';
import { createHttpSeam, MAX_BODY_BYTES } from '../../src/web/http-seam';
import { LaunchSecrets } from '../../src/web/launch-secrets';
import { schemaVersionOf } from '../../src/core/db/schema-version';
import { seedCourse } from '../support/fixtures';
import { beyondLimits, hostileObject, nested, notAnObject, wrongTypes } from '../support/hostile-json';
import { createTestCore, type TestCore } from '../support/test-core';
import { MIGRATIONS_FOLDER, openTestPglite } from '../support/test-databases';

/**
 * Malformed input at every door: every contract method through browser mode's HTTP seam (the dispatcher
 * behind it is the desktop app's too), and every route of the central server. Whatever arrives, the
 * answer is a typed 4xx — never a 5xx, a reset or a crash — and not one row changes.
 */

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableName(t));

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await executeRows(db, sql.raw(`SELECT * FROM "${table}" ORDER BY 1`));
  return out;
}

/**
 * Left out of the "whatever is accepted" round only: they end the admin's session (then every later call
 * is refused before its input is read), delete the account, or restore a backup over the database.
 */
const WRITES_FILES_OR_SESSION = new Set(['accounts.signOut', 'accounts.signIn', 'profile.deleteAccount', 'backups.restore', 'recovery.restore', 'recovery.retry', 'accounts.changePassword', 'accounts.resetPassword']);

/** The field names of a method's input object (empty for methods without one). */
function fieldsOf(method: (typeof methodNames)[number]): string[] {
  const input = contract[method].input as unknown as { shape?: object; unwrap?: () => { shape?: object } };
  return Object.keys(input.shape ?? input.unwrap?.().shape ?? {});
}

interface Answer {
  status: number;
  body: string;
}

/** Raw HTTP (a reset or a dropped connection rejects, and fails the test). */
function send(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('every contract method, through the HTTP seam', () => {
  let database: OpenedDatabase;
  let core: TestCore;
  let server: http.Server;
  let port = 0;
  const secrets = new LaunchSecrets();
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    database = await openTestPglite();
    await seedCourse(database.db, 'math-5', 3);
    // An admin passes every access rule, so every call reaches the input checks.
    core = await createTestCore(database, { as: { role: 'admin' } });
    await core.call('chat.startSession', { sessionType: 'interactive' });
    server = http.createServer(createHttpSeam({ core, secrets, staticDir: '/nonexistent', port: () => port }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    before = await snapshot(database.db);
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await database?.close();
  });

  const invoke = (body: string) =>
    send(port, { method: 'POST', path: HTTP_INVOKE_PATH, headers: { Authorization: `Bearer ${secrets.apiToken}`, 'Content-Type': 'application/json' }, body });

  /** A typed refusal: 400 with invalid_input or unknown_method (413 for a body over the limit). */
  function expectRefused(what: unknown, answer: Answer, status = 400): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      parsed = answer.body.slice(0, 200);
    }
    const code = (parsed as { error?: { code?: string } }).error?.code;
    expect({ what, status: answer.status, ok: (parsed as { ok?: boolean }).ok, code: code === 'unknown_method' ? 'invalid_input' : code }).toEqual({
      what,
      status,
      ok: false,
      code: 'invalid_input',
    });
  }

  it('the review’s own attacks: NUL bytes, 10,000-level contextData, {"method":{"toString":"x"}}, a body over the limit', async () => {
    for (const method of methodNames) {
      const fields = fieldsOf(method);
      const field = fields[0] ?? 'x';
      for (const input of [
        `{${JSON.stringify(field)}:"a\\u0000b"}`,
        `{${JSON.stringify(field)}:{"contextData":${nested(10_000)}}}`,
        `{"contextData":${nested(10_000)}}`,
        nested(10_000),
      ]) {
        expectRefused({ method, input: input.slice(0, 60) }, await invoke(`{"method":${JSON.stringify(method)},"input":${input}}`));
      }
    }
    for (const body of [
      '{"method":{"toString":"x"}}',
      '{"method":{"toString":{"toString":"x"}},"input":{}}',
      '{"method":["courses.list"]}',
      '{"method":null}',
      '{"method":"courses.list\\u0000"}',
      '{"method":"__proto__"}',
      '{"method":"constructor"}',
      '{"method":"toString"}',
      '{"method":"hasOwnProperty"}',
      '{}',
      '[]',
      '"courses.list"',
      'null',
      '',
      '{oops',
      nested(10_000),
    ]) {
      expectRefused({ body: body.slice(0, 60) }, await invoke(body));
    }
    expectRefused({ body: 'over the limit' }, await invoke(`{"method":"chat.sendMessage","input":{"content":"${'x'.repeat(MAX_BODY_BYTES)}"}}`), 413);
  });

  it('generated malformed input to every method: always a typed 400, never a 5xx', async () => {
    const cases = fc.oneof(
      fc.constantFrom(...methodNames).chain((method) => hostileObject(fieldsOf(method)).map((input) => ({ method, input }))),
      fc.tuple(fc.constantFrom(...methodNames), fc.oneof(notAnObject, beyondLimits)).map(([method, input]) => ({ method, input })),
      fc.tuple(fc.oneof(wrongTypes, beyondLimits), fc.oneof(wrongTypes, beyondLimits)).map(([method, input]) => ({ method: null, input, raw: `{"method":${method},"input":${input}}` })),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        runs++;
        const body = 'raw' in c ? c.raw : `{"method":${JSON.stringify(c.method)},"input":${c.input}}`;
        expectRefused({ method: c.method, input: c.input.slice(0, 80) }, await invoke(body));
      }),
      { numRuns: 1_500 },
    );
    expect(runs).toBeGreaterThanOrEqual(1_500);
  });

  it('changed no row and logged no internal failure', async () => {
    expect(await snapshot(database.db)).toEqual(before);
    expect(core.logged).toEqual([]);
  });

  it('wrong types and extreme values in the known fields: never a 5xx, whatever is accepted', async () => {
    const extreme = fc.oneof(
      wrongTypes,
      fc.constantFrom('1e308', '-1e308', '9007199254740993', '2147483648', '-2147483649', '1.5', '0', '""', '" "', '"\u202e"', '"😀"', 'null', 'true', '{}'),
      fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text)),
    );
    // Methods without input fields have nothing to confuse (their wrong inputs are in the rounds above).
    const withFields = methodNames.filter((m) => !WRITES_FILES_OR_SESSION.has(m) && fieldsOf(m).length > 0);
    const cases = fc.constantFrom(...withFields).chain((method) => {
      const fields = fieldsOf(method);
      return fc
        .array(fc.tuple(fc.constantFrom(...fields), extreme), { minLength: 1, maxLength: fields.length + 1 })
        .map((entries) => ({ method, input: `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}` }));
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ method, input }) => {
        const answer = await invoke(`{"method":${JSON.stringify(method)},"input":${input}}`);
        const parsed = JSON.parse(answer.body) as { ok: boolean; error?: { code: string } };
        expect({ method, input: input.slice(0, 120), status: answer.status < 500, code: parsed.error?.code === 'internal' ? 'internal' : 'typed' }).toEqual({
          method,
          input: input.slice(0, 120),
          status: true,
          code: 'typed',
        });
      }),
      { numRuns: 1_000 },
    );
    expect(core.logged).toEqual([]);
  });
});

describe('every route of the central server', () => {
  let t: TestServer;
  let token: string;
  let deviceId: string;
  let before: Record<string, unknown[]>;

  /** Every row of every table in the server's database (its own sync tables included). */
  async function serverSnapshot(admin: pg.Pool): Promise<Record<string, unknown[]>> {
    const { rows } = await admin.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const out: Record<string, unknown[]> = {};
    for (const { name } of rows) out[name] = (await admin.query(`SELECT * FROM "${name}" ORDER BY 1`)).rows;
    return out;
  }

  beforeAll(async () => {
    t = await startTestServer();
    const student = await registerStudent(t.api);
    token = student.tokens.accessToken;
    deviceId = student.deviceId;
    before = await serverSnapshot(t.admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Field names the server's bodies use, so generated bodies reach past the first check of each. */
  const SERVER_FIELDS = [
    'login', 'password', 'userId', 'email', 'username', 'fullName', 'device', 'refreshToken', 'deviceId', 'schemaVersion',
    'mutations', 'sessionType', 'courseId', 'lessonId', 'sessionId', 'messageId', 'role', 'content', 'score', 'timeSpentMinutes', 'timeZone',
  ];

  /**
   * Never a 5xx; a typed 4xx — except where a route reads nothing of what was sent (a GET without path
   * parameters other than the pull, which reads its cursor): there a 200 is right too.
   */
  function expectTyped(what: { path: string; method: string; withToken: boolean } & Record<string, unknown>, answer: Answer): void {
    let code: unknown;
    try {
      code = (JSON.parse(answer.body) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = null;
    }
    const readsNothing = what.method === 'GET' && !what.path.includes(':') && what.path !== '/sync/pull' && (what.withToken || what.path === '/health');
    const typed = (readsNothing && answer.status === 200) || (typeof code === 'string' && answer.status >= 400);
    expect({ what, fiveHundreds: answer.status >= 500, typed }).toEqual({ what, fiveHundreds: false, typed: true });
  }

  it('the review’s attacks and generated bodies, with and without a token: a typed 4xx, never a 5xx, and no changed row', async () => {
    const routes = t.server.routes;
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const call = (method: string, path: string, body: string | undefined, withToken: boolean) =>
      send(t.server.port, {
        method,
        path,
        headers: { 'Content-Type': 'application/json', ...(withToken ? { Authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body }),
      });
    const pathWith = (pattern: string, value: string) => pattern.replace(/:\w+/g, encodeURIComponent(value));

    // A sync push whose mutation carries what the review sent.
    const push = (args: string) =>
      `{"deviceId":"00000000-0000-4000-8000-000000000000","schemaVersion":1,"mutations":[{"id":1,"name":"chat.startSession","args":${args},"clientTime":"2026-01-01T00:00:00Z"}]}`;
    for (const withToken of [true, false]) {
      for (const { method, path } of routes) {
        for (const body of [push(`{"contextData":${nested(10_000)}}`), push('{"content":"a\\u0000b"}'), '{"login":"a\\u0000","password":"x"}', `{"x":${nested(10_000)}}`, '{"method":{"toString":"x"}}']) {
          const answer = await call(method, pathWith(path, 'x\u0000y'), method === 'GET' ? undefined : body, withToken);
          expectTyped({ method, path, withToken, body: body.slice(0, 60) }, answer);
        }
        if (method !== 'GET') {
          const large = await call(method, path, `{"content":"${'x'.repeat(2 * 1024 * 1024)}"}`, withToken);
          expect({ method, path, withToken, status: large.status }).toEqual({ method, path, withToken, status: withToken || path.startsWith('/auth') ? 413 : 401 });
        }
      }
    }

    // Requests that are right in every way but one field: that field gets a value beyond the limits.
    const id = () => crypto.randomUUID();
    const at = '"2026-01-01T10:00:00.000Z"';
    const wellFormedBut: Record<string, (poison: string) => string> = {
      'POST /auth/register': (p) =>
        `{"userId":"${id()}","email":"fuzz@example.org","username":"fuzzer","fullName":${p},"password":"correct horse battery","device":{"id":"${id()}","name":"x"}}`,
      'POST /auth/sign-in': (p) => `{"login":${p},"password":"correct horse battery","device":{"id":"${id()}","name":"x"}}`,
      'POST /auth/refresh': (p) => `{"refreshToken":${p}}`,
      'POST /devices/revoke': (p) => `{"deviceId":${p}}`,
      'POST /sync/push': (p) =>
        `{"deviceId":"${deviceId}","schemaVersion":${schemaVersionOf(MIGRATIONS_FOLDER)},"mutations":[` +
        `{"id":1,"name":"chat.startSession","args":{"sessionId":"${id()}","sessionType":"interactive","courseId":null,"lessonId":null,"contextData":{"note":${p}},"at":${at}}}]}`,
      'POST /api/chat/sessions': (p) => `{"sessionType":"interactive","courseId":${p}}`,
      'POST /api/chat/messages': (p) => `{"sessionId":"${id()}","content":${p}}`,
      'POST /api/learning-plans/lessons/progress': (p) => `{"lessonId":"${id()}","score":50,"timeSpentMinutes":5,"timeZone":${p}}`,
    };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(wellFormedBut)), fc.boolean(), beyondLimits, async (route, withToken, poison) => {
        runs++;
        const [method, path] = route.split(' ') as [string, string];
        const answer = await call(method, path, wellFormedBut[route]!(poison), withToken);
        expectTyped({ method, path, withToken, poison: poison.slice(0, 40) }, answer);
        if (withToken || path.startsWith('/auth')) expect({ route, poison: poison.slice(0, 40), status: answer.status }).toEqual({ route, poison: poison.slice(0, 40), status: 400 });
      }),
      { numRuns: 300 },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.boolean(),
        fc.oneof(hostileObject(SERVER_FIELDS), notAnObject, beyondLimits),
        fc.oneof(beyondLimits, wrongTypes),
        async (route, withToken, body, inPath) => {
          runs++;
          // The value's text itself as the path parameter and the cursor (a string value without its quotes).
          const text = inPath.slice(0, 500).replace(/^"(.*)"$/s, '$1');
          const path = `${pathWith(route.path, text)}?cursor=${encodeURIComponent(text)}`;
          const answer = await call(route.method, path, route.method === 'GET' ? undefined : body, withToken);
          expectTyped({ path: route.path, method: route.method, withToken, body: body.slice(0, 80), inPath: inPath.slice(0, 40) }, answer);
        },
      ),
      { numRuns: 600 },
    );
    expect(runs).toBeGreaterThanOrEqual(900);
    expect(await serverSnapshot(t.admin)).toEqual(before);
    expect(t.logs.lines().filter((line) => line.level === 'error')).toEqual([]);
  });
});
