import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A real OpenAI-compatible HTTP server for tests. The request's `model` picks the scenario,
 * so one server serves every test; an unknown model gets a 404 like a real server would.
 */
export const FAKE_BEHAVIOURS = [
  'normal', // the reply in several chunks, then [DONE]
  'instant', // the same, all in one write
  'slow', // one token every `tokenDelayMs`
  'hang', // headers, then silence
  'no-headers', // never answers
  'break', // two tokens, then the socket is destroyed
  'truncated', // two tokens, then a clean end with no finish_reason and no [DONE]
  'malformed', // a token, then `data: {not json`
  'unauthorized', // 401 with a JSON error body
  'rate-limited', // 429 with Retry-After: 7
  'server-error', // 500 with a JSON error body
  'echo-system', // streams back the first system message
  'empty', // a role-only delta, finish_reason "stop", [DONE]: not a single word
  'length', // two tokens, then finish_reason "length" (max_tokens reached)
  'keep-alive', // headers, SSE comments every `keepAliveMs` for `thinkMs` (a long prompt), then the reply
] as const;
export type FakeBehaviour = (typeof FAKE_BEHAVIOURS)[number];

export const DEFAULT_REPLY = 'Привет! Давай разберёмся вместе.';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, null when there was none. */
  body: unknown;
  /** 'completed' when the server finished its answer, 'closed' when the connection went away first. */
  outcome: Promise<'completed' | 'closed'>;
}

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: FakeRequest[];
  /** The next chat request gets this scenario whatever its model. */
  setNextBehaviour(behaviour: FakeBehaviour): void;
  /** Stops listening and destroys open connections, so hanging scenarios cannot keep a test alive. */
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** When set, every route wants `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  reply?: string;
  tokenDelayMs?: number;
  /** Like Mistral's or Gemma's chat template: roles after an optional system message must go user, assistant, user … user. */
  strictRoles?: boolean;
  /** Like llama.cpp: a prompt longer than this (see `fakeTokenCount`) gets 400 `exceed_context_size_error`. */
  contextTokens?: number;
  /** Like llama.cpp: `GET /props` reports `contextTokens` as the slot's `n_ctx` (otherwise 404, like other servers). */
  reportContext?: boolean;
  /** `keep-alive`: the comment interval and how long the server «processes the prompt». */
  keepAliveMs?: number;
  thinkMs?: number;
}

/** The fake's tokenizer: 3 UTF-8 bytes a token (real ones manage 2.5–4), plus 4 a message for the template. */
export function fakeTokenCount(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(Buffer.byteLength(m.content, 'utf8') / 3) + 4, 0);
}

/** What llama.cpp's Jinja templates raise, word for word, when roles do not alternate. */
export const ALTERNATION_ERROR = 'Conversation roles must alternate user/assistant/user/assistant/...';

function rolesAlternate(messages: readonly { role: string }[]): boolean {
  const turns = messages[0]?.role === 'system' ? messages.slice(1) : messages;
  return turns.length > 0 && turns.every((m, i) => m.role === (i % 2 === 0 ? 'user' : 'assistant')) && turns.length % 2 === 1;
}

export const FAKE_MODEL_IDS = ['normal', 'slow', 'instant', 'echo-system'];

export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const reply = options.reply ?? DEFAULT_REPLY;
  const tokenDelayMs = options.tokenDelayMs ?? 150;
  const requests: FakeRequest[] = [];
  const closing = new AbortController();
  let nextBehaviour: FakeBehaviour | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = await readBody(req);
    const body = parseJson(raw);
    const outcome = new Promise<'completed' | 'closed'>((resolve) => {
      res.on('close', () => resolve(res.writableFinished ? 'completed' : 'closed'));
    });
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, outcome });

    const auth = req.headers.authorization;
    if (options.apiKey !== undefined && auth !== `Bearer ${options.apiKey}`) {
      // Real servers echo (part of) the key they were given: the client must keep it out of its errors.
      return sendError(res, 401, `Incorrect API key provided: ${auth ?? '(none)'}`);
    }
    if (req.method === 'GET' && path === '/props' && options.reportContext && options.contextTokens) {
      return sendJson(res, 200, { default_generation_settings: { n_ctx: options.contextTokens }, total_slots: 1 });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: FAKE_MODEL_IDS.map((id) => ({ id, object: 'model' })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return sendError(res, 404, `No route ${req.method} ${path}`);

    const { model, messages } = (body ?? {}) as { model?: unknown; messages?: { role: string; content: string }[] };
    const behaviour = nextBehaviour ?? FAKE_BEHAVIOURS.find((b) => b === model);
    nextBehaviour = null;
    if (behaviour === undefined) return sendError(res, 404, `model '${String(model)}' not found`);
    const turns = messages ?? [];
    if (options.strictRoles && !rolesAlternate(turns)) return sendError(res, 400, ALTERNATION_ERROR, {}, 'invalid_request_error');
    const promptTokens = fakeTokenCount(turns);
    if (options.contextTokens !== undefined && promptTokens > options.contextTokens) {
      return sendJson(res, 400, {
        error: {
          code: 400,
          message: 'the request exceeds the available context size, try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: promptTokens,
          n_ctx: options.contextTokens,
        },
      });
    }
    await play(behaviour, res, String(model), turns);
  }

  async function play(behaviour: FakeBehaviour, res: ServerResponse, model: string, messages: { role: string; content: string }[]) {
    const text = behaviour === 'echo-system' ? (messages.find((m) => m.role === 'system')?.content ?? '') : reply;
    const tokens = behaviour === 'empty' ? [] : (text.match(/\S+\s*/g) ?? []);
    const ending = behaviour === 'length' ? 'length' : 'stop';
    const shown = behaviour === 'length' ? tokens.slice(0, 2) : tokens;
    const events = [event(model, { role: 'assistant' }), ...shown.map((t) => event(model, { content: t })), event(model, {}, ending), 'data: [DONE]\n\n'];
    switch (behaviour) {
      case 'no-headers':
        return;
      case 'unauthorized':
        return sendError(res, 401, 'Invalid API key');
      case 'rate-limited':
        return sendError(res, 429, 'Rate limit reached, try again later', { 'Retry-After': '7' });
      case 'server-error':
        return sendError(res, 500, 'The model crashed while loading');
      case 'instant':
        res.writeHead(200, SSE_HEADERS);
        return void res.end(events.join(''));
    }
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
    if (behaviour === 'hang') return;
    if (behaviour === 'keep-alive') {
      const until = Date.now() + (options.thinkMs ?? 1000);
      while (Date.now() < until) {
        await sleep(options.keepAliveMs ?? 100, undefined, { signal: closing.signal });
        if (res.destroyed) return;
        await write(res, ': keep-alive\n\n');
      }
    }
    if (['normal', 'echo-system', 'slow', 'empty', 'length', 'keep-alive'].includes(behaviour)) {
      const pause = behaviour === 'slow' ? tokenDelayMs : 0;
      for (const [i, e] of events.entries()) {
        if (pause > 0 && i > 1 && i < events.length - 1) await sleep(pause, undefined, { signal: closing.signal });
        if (res.destroyed) return;
        await write(res, e);
      }
      return void res.end();
    }
    for (const e of events.slice(0, behaviour === 'malformed' ? 2 : 3)) await write(res, e);
    if (behaviour === 'break') return void res.socket?.destroy();
    if (behaviour === 'malformed') await write(res, 'data: {not json\n\n');
    res.end(behaviour === 'malformed' ? 'data: [DONE]\n\n' : undefined);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setNextBehaviour(behaviour) {
      nextBehaviour = behaviour;
    },
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' };

function event(model: string, delta: Record<string, string>, finishReason: string | null = null): string {
  const chunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Resolves once the data has left for the socket, so a following destroy cannot swallow it. */
function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => res.write(text, () => resolve()));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, type = 'fake_error'): void {
  sendJson(res, status, { error: { message, type, code: status } }, headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
