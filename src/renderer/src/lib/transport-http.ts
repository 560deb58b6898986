import type { CoreEvent } from '../../../shared/contract';
import type { ErrorCode, InvokeResult } from '../../../shared/errors';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH } from '../../../shared/seam';
import { parseCoreEvent } from './core-event';
import { EventStreamParser } from './event-stream';
import { parseInvokeResult } from './invoke-result';
import type { Transport } from './transport';

type Listener = (event: CoreEvent) => void;

export interface HttpTransportOptions {
  /** The API token sent as `Authorization: Bearer …`; null sends none (the seam then answers unauthenticated). */
  token: () => Promise<string | null> | string | null;
  fetch?: typeof fetch;
  /** Reconnect delays of the event stream: doubled per failed attempt, from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
}

const failure = (code: ErrorCode, message: string): InvokeResult => ({ ok: false, error: { code, message } });

/** Browser mode: contract calls as POST requests and core events as a `text/event-stream`, both on 127.0.0.1. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const reconnect = options.reconnect ?? { initialMs: 1_000, maxMs: 30_000 };
  const listeners = new Set<Listener>();
  let stream: EventStreamConnection | null = null;

  const authorization = async (): Promise<Record<string, string>> => {
    const token = await options.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  const dispatch = (event: CoreEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('[api] an event listener failed', error);
      }
    }
  };

  return {
    async invoke(method, input) {
      let body: string;
      try {
        body = JSON.stringify({ method, input });
      } catch {
        return failure('invalid_input', `The input of ${method} cannot be sent as JSON`);
      }
      let response: Response;
      try {
        response = await doFetch(HTTP_INVOKE_PATH, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(await authorization()) },
          body,
          cache: 'no-store',
        });
      } catch (error) {
        return failure('unavailable', `The app core could not be reached: ${error instanceof Error ? error.message : String(error)}`);
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        if (response.status === 401) return failure('unauthenticated', 'The API token was refused');
        return failure('unavailable', `The app core answered HTTP ${response.status} without a result`);
      }
      return parseInvokeResult(json) ?? failure('internal', `The app core answered HTTP ${response.status} with an unexpected body`);
    },

    subscribe(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new EventStreamConnection(
          async (signal) => doFetch(HTTP_EVENTS_PATH, { headers: { Accept: 'text/event-stream', ...(await authorization()) }, cache: 'no-store', signal }),
          dispatch,
          reconnect,
        );
        stream.start();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.stop();
          stream = null;
        }
      };
    },
  };
}

/** One long-lived GET of the event stream that reconnects with back-off whenever it drops. */
class EventStreamConnection {
  private controller: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;
  private stopped = false;

  constructor(
    private readonly open: (signal: AbortSignal) => Promise<Response>,
    private readonly onEvent: (event: CoreEvent) => void,
    private readonly delays: { initialMs: number; maxMs: number },
  ) {}

  start(): void {
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await this.open(controller.signal);
      if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
      this.failedAttempts = 0;
      await this.read(response.body);
    } catch {
      // Dropped, refused or aborted: the retry below decides what happens next.
    }
    if (!this.stopped) this.scheduleRetry();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const data of parser.push(decoder.decode(value, { stream: true }))) this.deliver(data);
      }
    } finally {
      reader.releaseLock();
    }
  }

  private deliver(data: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const event = parseCoreEvent(raw);
    if (event) this.onEvent(event);
  }

  private scheduleRetry(): void {
    const base = Math.min(this.delays.maxMs, this.delays.initialMs * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    const jittered = base * (0.75 + Math.random() * 0.25);
    this.retryTimer = setTimeout(() => void this.connect(), jittered);
  }
}
