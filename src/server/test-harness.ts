/**
 * Shared by the server's tests (not a test itself): a fresh database in the run's PostgreSQL 15
 * cluster, a server started over it, and a tiny JSON client.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { inject } from 'vitest';
import type { RegisterRequest, TokensResponse } from '../shared/sync';
import { createLogger } from './logger';
import { startServer, type RunningServer, type StartServerOptions } from './server';
import { connectClient, createPool } from '../core/db/pg-connections';

/**
 * The server's pool gives up on a connection after 2 s; a test machine running the suite beside a
 * CPU-heavy job can take longer to accept one, and that is not what the tests are about.
 */
export const TEST_CONNECT_TIMEOUT_MS = 30_000;

export const TEST_SECRET = 'test-token-secret-that-is-long-enough-0123456789';
let counter = 0;

/** An empty database in the run's PostgreSQL 15 cluster: the server must migrate it itself. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresUrl');
  const name = `server_${process.pid}_${Date.now()}_${counter++}`;
  const admin = async (statement: string) => {
    const client = await connectClient({ connectionString: adminUrl });
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function captureLog() {
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read into answers freely
export interface JsonAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON client for one server; `token` adds `Authorization: Bearer …`. */
export function client(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<JsonAnswer> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
  };
}
export type Client = ReturnType<typeof client>;

/** One database and one server for a test file (bcrypt at its cheapest: hashing is not what is tested). */
export async function startTestServer(options: Partial<StartServerOptions> & { env?: Record<string, string> } = {}) {
  const database = await createEmptyDatabase();
  const logs = captureLog();
  let server: RunningServer;
  try {
    server = await startServer({
      log: logs.log,
      version: 'test',
      host: '127.0.0.1',
      connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS,
      ...options,
      env: { DATABASE_URL: database.url, TOKEN_SECRET: TEST_SECRET, PORT: '0', BCRYPT_COST: '4', ...options.env },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  /** A connection as the test cluster's superuser, for looking beneath the API. */
  const admin = createPool({ connectionString: database.url, max: 3 });
  return {
    server,
    database,
    logs,
    api: client(server.url),
    admin,
    async close() {
      await admin.end();
      await server.close();
      await database.drop();
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let studentCounter = 0;

export interface RegisteredStudent {
  userId: string;
  deviceId: string;
  email: string;
  username: string;
  password: string;
  tokens: TokensResponse;
}

/** Register a fresh student with a fresh device over the API. */
export async function registerStudent(api: Client, overrides: Partial<RegisterRequest> = {}): Promise<RegisteredStudent> {
  const n = `${process.pid}${studentCounter++}${Math.floor(Math.random() * 1e6)}`;
  const request: RegisterRequest = {
    userId: randomUUID(),
    email: `student${n}@example.org`,
    username: `student${n}`,
    fullName: `Student ${n}`,
    password: 'correct horse battery',
    device: { id: randomUUID(), name: 'School laptop' },
    ...overrides,
  };
  const answer = await api.post('/auth/register', request);
  if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const tokens = answer.body as TokensResponse;
  return {
    // The server's id: the one asked for unless someone had it already.
    userId: tokens.user.id,
    deviceId: request.device.id,
    email: request.email,
    username: request.username,
    password: request.password,
    tokens,
  };
}

/** Sign an existing student in on another (new) device. */
export async function signInOnNewDevice(api: Client, student: RegisteredStudent, name = 'Home computer') {
  const deviceId = randomUUID();
  const answer = await api.post('/auth/sign-in', { login: student.username, password: student.password, device: { id: deviceId, name } });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { deviceId, tokens: answer.body as TokensResponse };
}
