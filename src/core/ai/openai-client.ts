import { endpointUrl, type EndpointPath, type OpenAiEndpoint } from './openai-endpoint';
import { type ChatTurn, ProviderError, type ProviderErrorCode } from './provider';
import { createSseParser } from './sse-lines';

const SERVER_MESSAGE_MAX = 300;
const noop = (): void => {};

export interface CompletionOptions {
  /** Sent as `max_tokens`: a model that never stops cannot fill the whole context. */
  maxTokens?: number;
  /** Told when the server said the reply ended at its length limit (`finish_reason: "length"`). */
  onTruncated?: () => void;
}

/**
 * Streams a chat completion, yielding the text of each delta as it arrives.
 * Lazy: nothing is sent until iteration starts. Stopping the iteration early closes the connection.
 * Every byte received (SSE keep-alive comments included) restarts the idle deadline: a server busy
 * with a long prompt is alive as long as it says so.
 */
export async function* streamChatCompletion(
  endpoint: OpenAiEndpoint,
  messages: ChatTurn[],
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
  options: CompletionOptions = {},
): AsyncIterable<string> {
  const exchange = new Exchange(endpoint, signal);
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    exchange.deadline(endpoint.responseTimeoutMs, 'response');
    const limit = options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens };
    const body = JSON.stringify({ model: endpoint.model, messages, stream: true, ...limit });
    const response = await request(exchange, fetchImpl, 'chat/completions', { method: 'POST', body }, 'text/event-stream');
    if (!response.body) throw exchange.error('bad_stream', 'The server answered with an empty body.');
    reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser();
    let finished = false;
    for (;;) {
      exchange.deadline(endpoint.idleTimeoutMs, 'next chunk');
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await exchange.guard(reader.read());
      } catch (error) {
        // Some servers keep the connection open after the last chunk; the reply is complete anyway.
        if (finished && error instanceof ProviderError && error.code === 'timeout') return;
        throw exchange.wrap(error, 'connection_lost', 'The connection to the server was lost');
      }
      exchange.clearDeadline();
      const payloads = chunk.done
        ? [...parser.push(decoder.decode()), ...parser.end()]
        : parser.push(decoder.decode(chunk.value, { stream: true }));
      for (const data of payloads) {
        if (data.trim() === '') continue;
        if (data.trim() === '[DONE]') return;
        const delta = parseChunk(exchange, data);
        if (delta.finishReason !== null) {
          finished = true;
          if (delta.finishReason === 'length') options.onTruncated?.();
        }
        if (delta.content) yield delta.content;
      }
      if (chunk.done) {
        if (finished) return;
        throw exchange.error('connection_lost', 'The server closed the connection before the reply was complete.');
      }
    }
  } finally {
    reader?.cancel().catch(noop);
    exchange.dispose();
  }
}

/** The ids of the models the server offers, sorted. */
export async function listModels(endpoint: OpenAiEndpoint, signal: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const exchange = new Exchange(endpoint, signal);
  try {
    exchange.deadline(endpoint.responseTimeoutMs, 'answer');
    const response = await request(exchange, fetchImpl, 'models', { method: 'GET' }, 'application/json');
    let text: string;
    try {
      text = await exchange.guard(response.text());
    } catch (error) {
      throw exchange.wrap(error, 'bad_stream', 'The model list broke off');
    }
    const list = parseJson(text);
    const data = isRecord(list) ? list.data : undefined;
    if (!Array.isArray(data)) throw exchange.error('bad_stream', 'The server did not answer with a model list.');
    const ids = data.map((m: unknown) => (isRecord(m) ? m.id : undefined)).filter((id): id is string => typeof id === 'string');
    return [...new Set(ids)].sort();
  } finally {
    exchange.dispose();
  }
}

/**
 * One HTTP exchange: an internal abort controller that the caller's signal and the deadlines both trip,
 * with the reason (cancelled or timeout) carried as the abort reason so every pending step fails with it.
 */
class Exchange {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onCallerAbort = (): void => this.stop(this.error('cancelled', 'The request was cancelled.'));

  constructor(
    readonly endpoint: OpenAiEndpoint,
    private readonly caller: AbortSignal,
  ) {
    if (caller.aborted) this.onCallerAbort();
    else caller.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /** Every error goes through here so the API key can never reach a message, whatever a server echoes. */
  error(
    code: ProviderErrorCode,
    message: string,
    status: number | null = null,
    retryAfterSeconds: number | null = null,
    detail: string | null = null,
  ): ProviderError {
    const key = this.endpoint.apiKey;
    const hide = (text: string) => (key ? text.split(key).join('***') : text);
    return new ProviderError(code, hide(message), status, retryAfterSeconds, detail === null ? null : hide(detail));
  }

  /** Keeps a ProviderError (cancelled, timeout …) as it is; anything else becomes `code`. */
  wrap(error: unknown, code: ProviderErrorCode, what: string): ProviderError {
    if (error instanceof ProviderError) return error;
    return this.error(code, `${what}: ${describe(error)}.`);
  }

  deadline(ms: number, what: string): void {
    this.clearDeadline();
    this.timer = setTimeout(() => this.stop(this.error('timeout', `No ${what} from the server within ${ms} ms.`)), ms);
  }

  clearDeadline(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Settles with `work`, or rejects with the abort reason as soon as the exchange is stopped. */
  guard<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  dispose(): void {
    this.clearDeadline();
    this.caller.removeEventListener('abort', this.onCallerAbort);
    // Releases the socket on every exit path; a no-op once the response has been read to the end.
    this.stop(this.error('cancelled', 'The request is over.'));
  }

  private stop(reason: ProviderError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}

/** Sends the request; resolves with a 2xx response, otherwise throws the mapped ProviderError. */
async function request(exchange: Exchange, fetchImpl: typeof fetch, path: EndpointPath, init: RequestInit, accept: string): Promise<Response> {
  const { apiKey, baseUrl } = exchange.endpoint;
  let headers: Headers;
  try {
    headers = new Headers({ Accept: accept, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) });
    if (apiKey) headers.set('Authorization', `Bearer ${apiKey}`);
  } catch {
    throw exchange.error('bad_request', 'The API key contains characters that cannot be sent.');
  }
  const url = endpointUrl(baseUrl, path);
  const pending = fetchImpl(url, { ...init, headers, signal: exchange.controller.signal });
  let response: Response;
  try {
    response = await exchange.guard(pending);
  } catch (error) {
    // A fetch that ignored the signal may still answer later: close that body instead of leaking it.
    pending.then((late) => late.body?.cancel().catch(noop), noop);
    if (error instanceof ProviderError) throw error;
    const cause = describe(error);
    // Connected, then cut off (server crashed or restarted, network dropped): not an address problem.
    if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|socket hang up/i.test(cause)) {
      throw exchange.error('connection_lost', `The connection to ${hostOf(url)} was lost: ${cause}.`);
    }
    throw exchange.error('unreachable', `Could not reach ${hostOf(url)}: ${cause}.`);
  }
  if (response.ok) return response;
  throw await statusError(exchange, response);
}

const STATUS_TEXT: Record<string, [ProviderErrorCode, string]> = {
  401: ['unauthorized', 'The server refused the API key'],
  403: ['unauthorized', 'The server refused the API key'],
  404: ['not_found', 'The server has no such endpoint or model'],
  429: ['rate_limited', 'The server has had too many requests'],
};

async function statusError(exchange: Exchange, response: Response): Promise<ProviderError> {
  const { status } = response;
  const [byStatus, text] =
    STATUS_TEXT[status] ?? (status >= 500 ? ['server_error', 'The server failed'] : ['bad_request', 'The server refused the request']);
  let json: unknown;
  try {
    json = parseJson(await exchange.guard(response.text()));
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'cancelled') return error;
    // Otherwise the status alone says enough.
  }
  const detail = serverMessage(json);
  const code = knownProblem(json, detail) ?? byStatus;
  const retryAfter = code === 'rate_limited' ? parseRetryAfter(response.headers.get('retry-after')) : null;
  return exchange.error(code, `${text} (HTTP ${status})${detail ? `: ${detail}` : '.'}`, status, retryAfter, detail);
}

/**
 * Problems servers of the llama.cpp family describe only in words (or in `error.type`), that a student
 * can be told about in their language.
 */
function knownProblem(json: unknown, detail: string | null): ProviderErrorCode | null {
  const error = isRecord(json) && isRecord(json.error) ? json.error : {};
  const type = typeof error.type === 'string' ? error.type : '';
  const words = `${type} ${detail ?? ''}`;
  if (/exceed_context_size|context (length|size|window)|maximum context|too many tokens|prompt is too long/i.test(words)) {
    return 'context_exceeded';
  }
  if (/roles must alternate|must alternate/i.test(words)) return 'roles_alternate';
  return null;
}

function parseChunk(exchange: Exchange, data: string): { content: string | null; finishReason: string | null } {
  const json = parseJson(data);
  if (json === undefined) throw exchange.error('bad_stream', `The server sent something that is not JSON: ${preview(data)}`);
  const problem = serverMessage(json);
  if (problem !== null) {
    const code = knownProblem(json, problem) ?? 'server_error';
    throw exchange.error(code, `The server reported an error: ${problem}`, null, null, problem);
  }
  if (!isRecord(json) || !Array.isArray(json.choices)) {
    throw exchange.error('bad_stream', `The server sent something that is not a chat completion: ${preview(data)}`);
  }
  // An empty `choices` is legal (usage-only chunks); a role-only first delta has no content.
  const choice: unknown = json.choices[0];
  if (!isRecord(choice)) return { content: null, finishReason: null };
  const content = isRecord(choice.delta) && typeof choice.delta.content === 'string' ? choice.delta.content : null;
  const reason = choice.finish_reason;
  return { content, finishReason: reason === null || reason === undefined ? null : String(reason) };
}

/** `{error: {message}}` (OpenAI, LM Studio, llama.cpp) or `{error: "…"}` (Ollama). */
function serverMessage(json: unknown): string | null {
  if (!isRecord(json)) return null;
  const error = json.error;
  const message = typeof error === 'string' ? error : isRecord(error) && typeof error.message === 'string' ? error.message : null;
  if (message === null) return null;
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > SERVER_MESSAGE_MAX ? `${flat.slice(0, SERVER_MESSAGE_MAX)}…` : flat;
}

/** Seconds to wait, from `Retry-After` as delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND …) in `cause`. */
function describe(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
