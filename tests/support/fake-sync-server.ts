import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createPasswordHasher } from '../../src/core/accounts/password-hasher';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import { readChanges } from '../../src/core/sync/server-pull';
import { schemaVersionAt } from '../../src/core/db/schema-version';
import { applyPushBatch, OLDEST_DEVICE_MIGRATION, PushRefused } from '../../src/core/sync/server-push';
import { MIGRATIONS_FOLDER } from '../../src/server/paths';
import type { FetchLike } from '../../src/core/sync/sync-http';
import {
  cursorSchema,
  pushRequestSchema,
  refreshRequestSchema,
  registerRequestSchema,
  revokeDeviceRequestSchema,
  signInRequestSchema,
  type TokensResponse,
} from '../../src/shared/sync';
import { TEST_BCRYPT_COST } from './test-core';

/**
 * A small central server in-process, behind the sync client's injected `fetch`: the protocol of
 * src/shared/sync.ts over a database of its own, with the REAL push replay (`applyPushBatch`) and
 * change feed (`readChanges`) of src/core/sync. Tokens are plain random strings in memory. Tests
 * inject faults per request: no answer, an answer lost after the server acted, a held request, or any
 * answer they like.
 */

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
  /** What the device got: a status, or no answer at all. */
  outcome: number | 'offline' | 'lost';
}

export type Fault =
  /** The request never reaches the server. */
  | { kind: 'offline' }
  /** The server acts, then the answer is lost on the way back. */
  | { kind: 'lose-response' }
  /** The request waits here until `until` resolves, then goes on. */
  | { kind: 'hold'; until: Promise<void> }
  | { kind: 'respond'; status: number; body: unknown; headers?: Record<string, string> };

export interface FakeSyncServer {
  readonly url: string;
  readonly fetch: FetchLike;
  readonly db: Db;
  /** Every request, in order. */
  readonly calls: FakeCall[];
  /** Decide a fault for each request (undefined: none). */
  faults: ((call: { method: string; path: string; body: unknown }) => Fault | undefined) | null;
  /** Every access token given out so far stops working (as if they expired). */
  expireAccessTokens(): void;
  /** Paths of the requests made so far (`POST /sync/push`). */
  paths(): string[];
}

interface AccessGrant {
  userId: string;
  deviceId: string;
  expiresAt: number;
}
interface RefreshGrant {
  userId: string;
  deviceId: string;
  spent: boolean;
}

const ACCESS_TTL_MS = 15 * 60_000;
const OLDEST_DEVICE_SCHEMA = schemaVersionAt(MIGRATIONS_FOLDER, OLDEST_DEVICE_MIGRATION);

/** Settles when the request is aborted (a held request gives up with the client). */
const aborted = (signal: AbortSignal | null | undefined) =>
  new Promise<void>((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

export const FAKE_SERVER_URL = 'http://sync.school.test';

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The server over `db` (migrated like every database of the app). Change tracking is switched on for
 * its session: on PGlite that is the one connection every transaction uses.
 */
export async function createFakeSyncServer(db: Db, options: { now?: () => Date } = {}): Promise<FakeSyncServer> {
  await db.execute(sql`SELECT set_config('teacher.track_changes', 'on', false)`);
  const now = options.now ?? (() => new Date());
  const passwords = createPasswordHasher(TEST_BCRYPT_COST);
  const access = new Map<string, AccessGrant>();
  const refresh = new Map<string, RefreshGrant>();
  const calls: FakeCall[] = [];

  const token = () => randomBytes(24).toString('base64url');

  async function issue(userId: string, deviceId: string): Promise<TokensResponse> {
    const [user] = await executeRows<{ id: string; email: string; username: string; full_name: string; role: string }>(
      db,
      sql`SELECT id, email, username, full_name, role FROM users WHERE id = ${userId}`,
    );
    if (!user) throw new Refusal(401, 'invalid_token', 'No such account');
    const accessToken = token();
    const refreshToken = token();
    const expiresAt = now().getTime() + ACCESS_TTL_MS;
    access.set(accessToken, { userId, deviceId, expiresAt });
    refresh.set(refreshToken, { userId, deviceId, spent: false });
    return {
      accessToken,
      accessExpiresAt: new Date(expiresAt).toISOString(),
      refreshToken,
      user: { id: user.id, email: user.email, username: user.username, fullName: user.full_name, role: user.role as 'student' },
      deviceId,
    };
  }

  /** Every refresh token of the device stops working; presenting one later reads as reuse. */
  const revokeChain = (deviceId: string) => {
    for (const grant of refresh.values()) if (grant.deviceId === deviceId) grant.spent = true;
  };

  async function deviceRow(deviceId: string) {
    const [row] = await executeRows<{ user_id: string; revoked: boolean; last: string | number }>(
      db,
      sql`SELECT user_id, revoked_at IS NOT NULL AS revoked, last_mutation_id AS last FROM sync_devices WHERE id = ${deviceId}`,
    );
    return row;
  }

  async function student(headers: Headers): Promise<AccessGrant> {
    const bearer = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
    const grant = bearer ? access.get(bearer) : undefined;
    if (!grant || grant.expiresAt <= now().getTime()) throw new Refusal(401, 'invalid_token', 'The access token is not valid');
    const device = await deviceRow(grant.deviceId);
    if (!device || device.revoked) throw new Refusal(403, 'device_revoked', 'This device was signed out of the account');
    return grant;
  }

  async function devicesOf(grant: AccessGrant) {
    const rows = await executeRows<{ id: string; name: string; created_at: Date; last_seen_at: Date; revoked_at: Date | null }>(
      db,
      sql`SELECT id, name, created_at, last_seen_at, revoked_at FROM sync_devices WHERE user_id = ${grant.userId} ORDER BY created_at, id`,
    );
    return {
      devices: rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: new Date(r.created_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
        revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
        current: r.id === grant.deviceId,
      })),
    };
  }

  const parse = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Refusal(400, 'bad_request', 'The request is not valid');
    return parsed.data as T;
  };

  async function handle(method: string, path: string, query: URLSearchParams, headers: Headers, body: unknown): Promise<{ status: number; body: unknown }> {
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /auth/register': {
        const input = parse(registerRequestSchema, body);
        const taken = await executeRows<{ id: string; email: string; username: string }>(
          db,
          sql`SELECT id, email, username FROM users WHERE id = ${input.userId} OR email = ${input.email} OR username = ${input.username}`,
        );
        if (taken.some((t) => t.email === input.email)) throw new Refusal(409, 'email_taken', 'Taken');
        if (taken.some((t) => t.username === input.username)) throw new Refusal(409, 'username_taken', 'Taken');
        // As the real server: an id someone has already is no claim on their account; a fresh one.
        const userId = taken.some((t) => t.id === input.userId) ? randomUUID() : input.userId;
        await db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash, role)
            VALUES (${userId}, ${input.email}, ${input.username}, ${input.fullName}, ${await passwords.hash(input.password)}, 'student')`);
          await tx.execute(sql`INSERT INTO user_preferences (user_id) VALUES (${userId})`);
          await tx.execute(sql`INSERT INTO sync_devices (id, user_id, name) VALUES (${input.device.id}, ${userId}, ${input.device.name})`);
        });
        return { status: 201, body: await issue(userId, input.device.id) };
      }
      case 'POST /auth/sign-in': {
        const input = parse(signInRequestSchema, body);
        const login = input.login.trim().toLowerCase();
        const [user] = await executeRows<{ id: string; password_hash: string }>(
          db,
          sql`SELECT id, password_hash FROM users WHERE email = ${login} OR username = ${login}`,
        );
        if (!user || !(await passwords.verify(input.password, user.password_hash))) {
          throw new Refusal(401, 'wrong_credentials', 'Wrong login or password');
        }
        const device = await deviceRow(input.device.id);
        if (device && device.user_id !== user.id) throw new Refusal(409, 'device_taken', 'This device id belongs to another account');
        if (device?.revoked) throw new Refusal(403, 'device_revoked', 'This device was signed out of the account');
        if (device) revokeChain(input.device.id);
        else await db.execute(sql`INSERT INTO sync_devices (id, user_id, name) VALUES (${input.device.id}, ${user.id}, ${input.device.name})`);
        return { status: 200, body: await issue(user.id, input.device.id) };
      }
      case 'POST /auth/refresh': {
        const { refreshToken } = parse(refreshRequestSchema, body);
        const grant = refresh.get(refreshToken);
        if (!grant) throw new Refusal(401, 'invalid_refresh_token', 'The refresh token is not valid');
        const device = await deviceRow(grant.deviceId);
        if (!device || device.revoked) throw new Refusal(403, 'device_revoked', 'This device was signed out of the account');
        if (grant.spent) {
          revokeChain(grant.deviceId);
          throw new Refusal(401, 'refresh_reused', 'This refresh token was already used');
        }
        grant.spent = true;
        return { status: 200, body: await issue(grant.userId, grant.deviceId) };
      }
      case 'GET /devices':
        return { status: 200, body: await devicesOf(await student(headers)) };
      case 'POST /devices/revoke': {
        const grant = await student(headers);
        const { deviceId } = parse(revokeDeviceRequestSchema, body);
        const rows = await executeRows(db, sql`UPDATE sync_devices SET revoked_at = now() WHERE id = ${deviceId} AND user_id = ${grant.userId} RETURNING id`);
        if (rows.length === 0) throw new Refusal(404, 'device_not_found', 'No such device');
        revokeChain(deviceId);
        return { status: 200, body: await devicesOf(grant) };
      }
      case 'POST /sync/push': {
        const input = parse(pushRequestSchema, body);
        const grant = await student(headers);
        if (input.schemaVersion < OLDEST_DEVICE_SCHEMA) throw new Refusal(409, 'schema_older_than_server', 'Update the app');
        if (input.deviceId !== grant.deviceId) throw new Refusal(403, 'wrong_device', 'Another device');
        try {
          const result = await db.transaction((tx) => applyPushBatch(tx, grant.userId, grant.deviceId, input.mutations));
          return { status: 200, body: result };
        } catch (error) {
          if (error instanceof PushRefused) {
            if (error.reason === 'gap') throw new Refusal(409, 'mutation_gap', error.message);
            throw new Refusal(403, error.reason, error.message);
          }
          throw error;
        }
      }
      case 'GET /sync/pull': {
        const cursor = parse<string>(cursorSchema, query.get('cursor'));
        const grant = await student(headers);
        const device = await deviceRow(grant.deviceId);
        const page = await db.transaction((tx) => readChanges(tx, grant.userId, cursor, Number(device?.last ?? 0), 40));
        return { status: 200, body: page };
      }
      default:
        throw new Refusal(404, 'not_found', `No route for ${route}`);
    }
  }

  const server: FakeSyncServer = {
    url: FAKE_SERVER_URL,
    db,
    calls,
    faults: null,
    expireAccessTokens: () => {
      for (const grant of access.values()) grant.expiresAt = 0;
    },
    paths: () => calls.map((c) => `${c.method} ${c.path}`),
    fetch: async (input, init) => {
      const url = new URL(input);
      const method = (init.method ?? 'GET').toUpperCase();
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      const call: FakeCall = { method, path: url.pathname, body, outcome: 'offline' };
      calls.push(call);
      const fault = server.faults?.({ method, path: url.pathname, body });
      if (fault?.kind === 'offline') throw new TypeError('fetch failed');
      if (fault?.kind === 'hold') await Promise.race([fault.until, aborted(init.signal)]);
      if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      if (fault?.kind === 'respond') {
        call.outcome = fault.status;
        return new Response(JSON.stringify(fault.body), { status: fault.status, headers: { 'content-type': 'application/json', ...fault.headers } });
      }
      let answer: { status: number; body: unknown; headers?: Record<string, string> };
      try {
        answer = await handle(method, url.pathname, url.searchParams, new Headers(init.headers as Record<string, string>), body);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        answer = { status: error.status, body: { error: { code: error.code, message: error.message } }, headers: error.headers };
      }
      if (fault?.kind === 'lose-response') {
        call.outcome = 'lost';
        throw new TypeError('fetch failed: the connection was reset');
      }
      call.outcome = answer.status;
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    },
  };
  return server;
}
