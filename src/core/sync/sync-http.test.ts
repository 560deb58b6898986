import { describe, expect, it } from 'vitest';
import { createSyncHttp, endpoint, parseRetryAfter, SyncError, type FetchLike } from './sync-http';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const failureOf = async (promise: Promise<unknown>): Promise<SyncError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
};

const pull = { changes: [], cursor: '3.1', more: false, lastMutationId: 7 };

describe('the sync HTTP client', () => {
  it('sends JSON with the bearer token to the path under the server address, and validates the answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return json(200, pull);
    };
    const http = createSyncHttp('https://school.example/teacher/', { fetch });
    expect(await http.pull('access-token', '0.0')).toEqual(pull);
    expect(seen[0]!.url).toBe('https://school.example/teacher/sync/pull?cursor=0.0');
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe('Bearer access-token');
    expect(endpoint('http://s.test', '/auth/sign-in')).toBe('http://s.test/auth/sign-in');
  });

  it('maps every refusal to a kind the engine acts on, keeping the server’s code', async () => {
    const answer = (response: Response) => createSyncHttp('http://s.test', { fetch: async () => response.clone() });
    const cases: [Response, Partial<SyncError>][] = [
      [json(401, { error: { code: 'refresh_reused', message: 'used' } }), { kind: 'unauthorized', code: 'refresh_reused', status: 401 }],
      [json(403, { error: { code: 'device_revoked', message: 'gone' } }), { kind: 'revoked', code: 'device_revoked' }],
      [json(409, { error: { code: 'mutation_gap', message: 'gap', lastMutationId: 4 } }), { kind: 'conflict', code: 'mutation_gap', serverLastMutationId: 4 }],
      [json(429, { error: { code: 'rate_limited', message: 'wait' } }, { 'Retry-After': '17' }), { kind: 'rate_limited', retryAfter: 17 }],
      [json(503, { error: { code: 'unavailable', message: 'busy' } }), { kind: 'server', code: 'unavailable' }],
      [json(502, '<html>Bad gateway</html>'), { kind: 'server', code: null, status: 502 }],
      [json(413, { error: { code: 'payload_too_large', message: 'big' } }), { kind: 'server' }],
      [json(200, { changes: 'nope' }), { kind: 'invalid_response' }],
      [json(200, 'not json at all'), { kind: 'invalid_response' }],
    ];
    for (const [response, expected] of cases) {
      expect(await failureOf(answer(response).pull('t', '0.0'))).toMatchObject(expected);
    }
  });

  it('no answer — refused, reset, or too slow — is offline', async () => {
    const refused = createSyncHttp('http://s.test', { fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    expect(await failureOf(refused.devices('t'))).toMatchObject({ kind: 'offline', status: null });
    const silent = createSyncHttp('http://s.test', {
      timeoutMs: 30,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), { once: true })),
    });
    expect(await failureOf(silent.refresh('a-refresh-token-long-enough'))).toMatchObject({ kind: 'offline' });
    const closing = new AbortController();
    const held = createSyncHttp('http://s.test', {
      signal: closing.signal,
      fetch: (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true })),
    });
    const pending = failureOf(held.pull('t', '0.0'));
    closing.abort();
    expect(await pending).toMatchObject({ kind: 'offline' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-25T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('sends once more when a kept-alive connection was reset before any answer, and only once', async () => {
    const reset = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    let tries = 0;
    const flaky = createSyncHttp('http://s.test', {
      fetch: async () => {
        if (++tries === 1) throw reset();
        return json(200, pull);
      },
    });
    expect(await flaky.pull('t', '0.0')).toEqual(pull);
    expect(tries).toBe(2);

    tries = 0;
    const down = createSyncHttp('http://s.test', {
      fetch: async () => {
        tries++;
        throw reset();
      },
    });
    expect(await failureOf(down.pull('t', '0.0'))).toMatchObject({ kind: 'offline' });
    expect(tries).toBe(2);

    tries = 0;
    const refused = createSyncHttp('http://s.test', {
      fetch: async () => {
        tries++;
        throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      },
    });
    expect(await failureOf(refused.pull('t', '0.0'))).toMatchObject({ kind: 'offline' });
    expect(tries).toBe(1);
  });
});
