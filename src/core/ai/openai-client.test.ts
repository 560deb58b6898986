import { createServer } from 'node:net';
import { failure } from '../../../tests/support/provider-failure';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPLY, FAKE_MODEL_IDS, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../tests/support/fake-openai-server';
import { listModels, streamChatCompletion } from './openai-client';
import { endpointUrl, normaliseBaseUrl, type OpenAiEndpoint } from './openai-endpoint';
import type { ChatTurn } from './provider';

const KEY = 'sk-test-SECRET-key-0123456789';
const MESSAGES: ChatTurn[] = [
  { role: 'system', content: 'Ты учитель математики.' },
  { role: 'user', content: 'Что такое дробь?' },
];

let server: FakeOpenAiServer;
let keyed: FakeOpenAiServer;
beforeAll(async () => {
  [server, keyed] = await Promise.all([startFakeOpenAiServer(), startFakeOpenAiServer({ apiKey: KEY })]);
});
afterAll(async () => {
  await Promise.all([server.close(), keyed.close()]);
});

function endpoint(model: string, overrides: Partial<OpenAiEndpoint> = {}): OpenAiEndpoint {
  return { baseUrl: server.baseUrl, model, apiKey: null, responseTimeoutMs: 2000, idleTimeoutMs: 2000, ...overrides };
}

async function collect(ep: OpenAiEndpoint, signal = new AbortController().signal): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of streamChatCompletion(ep, MESSAGES, signal)) pieces.push(piece);
  return pieces;
}


function lastRequest(on: FakeOpenAiServer) {
  const request = on.requests.at(-1);
  if (!request) throw new Error('the server saw no request');
  return request;
}

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

describe('streamChatCompletion', () => {
  it.each(['normal', 'instant'])('reassembles the exact reply from a %s stream and sends the chat request', async (model) => {
    const pieces = await collect(endpoint(model));
    expect(pieces.join('')).toBe(DEFAULT_REPLY);
    expect(pieces.length).toBeGreaterThan(1);
    const request = lastRequest(server);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model, messages: MESSAGES, stream: true } });
    expect(request.headers.authorization).toBeUndefined();
  });

  it('streams the system message back for echo-system', async () => {
    expect((await collect(endpoint('echo-system'))).join('')).toBe(MESSAGES[0]!.content);
  });

  it('yields tokens as they arrive, not at the end', async () => {
    const started = Date.now();
    const times: number[] = [];
    for await (const _ of streamChatCompletion(endpoint('slow'), MESSAGES, new AbortController().signal)) times.push(Date.now() - started);
    const ended = Date.now() - started;
    expect(times.length).toBe(4);
    expect(ended - times[0]!).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['unauthorized', 'unauthorized', 401, 'Invalid API key'],
    ['server-error', 'server_error', 500, 'The model crashed while loading'],
    ['no-such-model', 'not_found', 404, "model 'no-such-model' not found"],
    ['break', 'connection_lost', null, 'connection to the server was lost'],
    ['truncated', 'connection_lost', null, 'closed the connection before the reply was complete'],
    ['malformed', 'bad_stream', null, 'not JSON'],
  ])('maps %s to %s', async (model, code, status, text) => {
    const error = await failure(collect(endpoint(model)));
    expect(error).toMatchObject({ code, status });
    expect(error.message).toContain(text);
  });

  it('maps 429 to rate_limited with the Retry-After seconds', async () => {
    expect(await failure(collect(endpoint('rate-limited')))).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 7 });
  });

  it('maps an error object inside the stream to server_error', async () => {
    const body = 'data: {"choices":[{"delta":{"content":"a"}}]}\n\ndata: {"error":{"message":"out of memory"}}\n\n';
    const fetchImpl = async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    const error = await failure(collectWith(fetchImpl));
    expect(error).toMatchObject({ code: 'server_error', message: 'The server reported an error: out of memory' });
  });

  it('times out a stream that goes silent, and a server that never answers', async () => {
    const started = Date.now();
    expect(await failure(collect(endpoint('hang', { idleTimeoutMs: 300 })))).toMatchObject({ code: 'timeout' });
    expect(await failure(collect(endpoint('no-headers', { responseTimeoutMs: 300 })))).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports a closed port as unreachable', async () => {
    const error = await failure(collect(endpoint('normal', { baseUrl: await closedPortUrl() })));
    expect(error).toMatchObject({ code: 'unreachable', status: null });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('stops with cancelled when the caller aborts, and closes the connection', async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const error = await failure(
      (async () => {
        for await (const piece of streamChatCompletion(endpoint('slow'), MESSAGES, controller.signal)) {
          pieces.push(piece);
          setTimeout(() => controller.abort(), 20);
        }
      })(),
    );
    expect(error.code).toBe('cancelled');
    expect(pieces).toHaveLength(1);
    expect(await lastRequest(server).outcome).toBe('closed');
  });

  it('closes the connection when the consumer stops iterating early', async () => {
    for await (const _ of streamChatCompletion(endpoint('slow'), MESSAGES, new AbortController().signal)) break;
    expect(await lastRequest(server).outcome).toBe('closed');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const count = server.requests.length;
    expect(await failure(collect(endpoint('normal'), AbortSignal.abort()))).toMatchObject({ code: 'cancelled' });
    expect(server.requests.length).toBe(count);
  });

  it('sends the API key as a bearer token and never puts it in an error message', async () => {
    const ep = (model: string) => endpoint(model, { baseUrl: keyed.baseUrl, apiKey: KEY, responseTimeoutMs: 300, idleTimeoutMs: 300 });
    expect((await collect(ep('normal'))).join('')).toBe(DEFAULT_REPLY);
    expect(lastRequest(keyed).headers.authorization).toBe(`Bearer ${KEY}`);

    // The fake echoes a wrong key back in its 401 body, as real servers do.
    const wrong = await failure(collect(endpoint('normal', { baseUrl: keyed.baseUrl, apiKey: `${KEY}-wrong` })));
    expect(wrong.code).toBe('unauthorized');
    const scenarios = ['unauthorized', 'rate-limited', 'server-error', 'break', 'truncated', 'malformed', 'hang', 'no-headers', 'nope'];
    const errors = [wrong, ...(await Promise.all(scenarios.map((m) => failure(collect(ep(m))))))];
    for (const error of errors) expect(error.message).not.toContain(KEY);
  });

  it('clears its timers whether the stream succeeds or fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const ok = 'data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\n';
      expect(await collectWith(async () => new Response(ok))).toEqual(['hi']);
      expect(vi.getTimerCount()).toBe(0);
      await failure(collectWith(async () => new Response('data: {"choices":[]}\n\n')));
      expect(vi.getTimerCount()).toBe(0);
      await failure(collectWith(async () => new Response('nope', { status: 503 })));
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

function collectWith(fetchImpl: () => Promise<Response>): Promise<string[]> {
  return (async () => {
    const pieces: string[] = [];
    for await (const p of streamChatCompletion(endpoint('x'), MESSAGES, new AbortController().signal, fetchImpl)) pieces.push(p);
    return pieces;
  })();
}

describe('listModels', () => {
  it('returns the sorted model ids', async () => {
    expect(await listModels(endpoint('normal'), new AbortController().signal)).toEqual([...FAKE_MODEL_IDS].sort());
    expect(lastRequest(server)).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('sends the key, and maps a refused key to unauthorized without repeating it', async () => {
    const signal = new AbortController().signal;
    expect(await listModels(endpoint('', { baseUrl: keyed.baseUrl, apiKey: KEY }), signal)).toHaveLength(FAKE_MODEL_IDS.length);
    expect(await failure(listModels(endpoint('', { baseUrl: keyed.baseUrl }), signal))).toMatchObject({ code: 'unauthorized', status: 401 });
    const wrong = await failure(listModels(endpoint('', { baseUrl: keyed.baseUrl, apiKey: `x${KEY}` }), signal));
    expect(wrong.code).toBe('unauthorized');
    expect(wrong.message).not.toContain(KEY);
  });

  it('maps a closed port to unreachable and a non-list answer to bad_stream', async () => {
    const signal = new AbortController().signal;
    expect(await failure(listModels(endpoint('', { baseUrl: await closedPortUrl() }), signal))).toMatchObject({ code: 'unreachable' });
    const notAList = async () => new Response('{"models":[]}');
    expect(await failure(listModels(endpoint(''), signal, notAList))).toMatchObject({ code: 'bad_stream' });
  });
});

describe('endpoint URLs', () => {
  it.each([
    ['http://localhost:11434', 'http://localhost:11434/v1'],
    ['  http://localhost:11434/  ', 'http://localhost:11434/v1'],
    ['http://localhost:1234/v1', 'http://localhost:1234/v1'],
    ['http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/v1'],
    ['https://api.openai.com/v1//', 'https://api.openai.com/v1'],
    ['https://example.com/openai/v1?x=1#y', 'https://example.com/openai/v1'],
    ['HTTP://LocalHost:11434', 'http://localhost:11434/v1'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toBe(expected);
  });

  it.each(['', 'localhost:11434', 'ftp://example.com', 'not a url', 'file:///etc/passwd'])('refuses %j as bad_request', (input) => {
    expect(() => normaliseBaseUrl(input)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });

  it('appends the API path', () => {
    expect(endpointUrl('http://localhost:11434/v1', 'chat/completions')).toBe('http://localhost:11434/v1/chat/completions');
    expect(endpointUrl('http://localhost:11434/v1/', 'models')).toBe('http://localhost:11434/v1/models');
  });
});
