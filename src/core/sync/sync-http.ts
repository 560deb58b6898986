import { z } from 'zod';
import {
  devicesResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorSchema,
  tokensResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RegisterRequest,
  type ServerDevice,
  type SignInRequest,
  type TokensResponse,
} from '../../shared/sync';

/**
 * What went wrong talking to the sync server, by what the device should do about it:
 * - offline: no answer (network down, refused, timed out, aborted) — try again later;
 * - unauthorized (401): wrong password, or the token is no longer good — refresh, or sign in again;
 * - revoked (403): this device was disconnected from the account;
 * - conflict (409): taken (register), or a gap in pushed mutations (`code` says which);
 * - rate_limited (429): wait `retryAfter` seconds;
 * - server: the server failed (5xx) or refused the request as malformed (other 4xx);
 * - invalid_response: an answer that is not what the protocol says (not a Teacher AI server?).
 */
export type SyncErrorKind = 'offline' | 'unauthorized' | 'revoked' | 'conflict' | 'rate_limited' | 'server' | 'invalid_response';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** The server's own error code (`refresh_reused`, `gap`, …), when it sent one. */
    readonly code: string | null = null,
    /** HTTP status, when there was an answer. */
    readonly status: number | null = null,
    /** For rate_limited: seconds to wait, from Retry-After. */
    readonly retryAfter?: number,
    /** For a gap in pushed mutations: the last of this device's mutations the server has applied. */
    readonly serverLastMutationId?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SyncHttpOptions {
  /** Injected by tests (faults: dropped requests, lost responses, delays); the global fetch otherwise. */
  fetch?: FetchLike;
  /** Per request, including reading the answer. */
  timeoutMs?: number;
  /** Aborts every request in flight (the core is closing). */
  signal?: AbortSignal;
}

export interface SyncHttp {
  readonly serverUrl: string;
  register(body: RegisterRequest): Promise<TokensResponse>;
  signIn(body: SignInRequest): Promise<TokensResponse>;
  refresh(refreshToken: string): Promise<TokensResponse>;
  devices(accessToken: string): Promise<ServerDevice[]>;
  revokeDevice(accessToken: string, deviceId: string): Promise<void>;
  renameDevice(accessToken: string, deviceId: string, name: string): Promise<void>;
  push(accessToken: string, body: PushRequest): Promise<PushResponse>;
  pull(accessToken: string, cursor: string): Promise<PullResponse>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/** `Retry-After` as seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'revoked';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  return 'server';
}

/** Joins a path to the server's address, keeping any path prefix the address has (`https://school/sync-api/`). */
export function endpoint(serverUrl: string, path: string): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(path.replace(/^\//, ''), base).toString();
}

/** The socket closed before any answer: most often a kept-alive connection the server closed meanwhile. */
function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

/**
 * Once more on a connection reset before any answer: the server closes an idle kept-alive connection
 * after a few seconds, and a request that set off on it just then never reached the server's code (a
 * push or a sign-in sent twice is harmless anyway: pushes are idempotent, sign-in limits count the
 * refusals, not the tries).
 */
function retryingStaleConnections(doFetch: FetchLike): FetchLike {
  return async (input, init) => {
    try {
      return await doFetch(input, init);
    } catch (error) {
      if (!isStaleConnection(error) || init.signal?.aborted) throw error;
      return doFetch(input, init);
    }
  };
}

export function createSyncHttp(serverUrl: string, options: SyncHttpOptions = {}): SyncHttp {
  const doFetch: FetchLike = retryingStaleConnections(options.fetch ?? ((input, init) => fetch(input, init)));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    { body, token }: { body?: unknown; token?: string } = {},
  ): Promise<z.output<S>> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0]!;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(endpoint(serverUrl, path), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      });
      text = await response.text();
    } catch (error) {
      // Refused, reset, DNS, timeout, abort — or an answer that broke off: all "no answer".
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new SyncError('offline', `No answer from ${path}: ${detail}`.slice(0, 300));
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = serverErrorSchema.safeParse(json);
      const code = parsed.success ? parsed.data.error.code : null;
      const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
      const kind = kindOfStatus(response.status);
      const retryAfter = kind === 'rate_limited' ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      const lastApplied = parsed.success ? (json as { error: { lastMutationId?: unknown } }).error.lastMutationId : undefined;
      const serverLastMutationId = typeof lastApplied === 'number' && Number.isSafeInteger(lastApplied) && lastApplied >= 0 ? lastApplied : undefined;
      throw new SyncError(kind, `${path}: ${message}`.slice(0, 300), code, response.status, retryAfter, serverLastMutationId);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncError('invalid_response', `${path}: the answer is not what the sync protocol says`, null, response.status);
    }
    return parsed.data;
  }

  return {
    serverUrl,
    register: (body) => request('POST', '/auth/register', tokensResponseSchema, { body }),
    signIn: (body) => request('POST', '/auth/sign-in', tokensResponseSchema, { body }),
    refresh: (refreshToken) => request('POST', '/auth/refresh', tokensResponseSchema, { body: { refreshToken } }),
    devices: async (token) => (await request('GET', '/devices', devicesResponseSchema, { token })).devices,
    revokeDevice: async (token, deviceId) => {
      await request('POST', '/devices/revoke', z.unknown(), { body: { deviceId }, token });
    },
    renameDevice: async (token, deviceId, name) => {
      await request('POST', '/devices/rename', z.unknown(), { body: { deviceId, name }, token });
    },
    push: (token, body) => request('POST', '/sync/push', pushResponseSchema, { body, token }),
    pull: (token, cursor) => request('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`, pullResponseSchema, { token }),
  };
}
