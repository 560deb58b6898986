import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../shared/contract';
import { createHttpTransport } from './transport-http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function streamOf(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

afterEach(() => vi.useRealTimers());

describe('HTTP transport: invoke', () => {
  it('posts {method, input} with the bearer token and returns the envelope', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true, value: { version: '1' } }));
    const transport = createHttpTransport({ token: async () => 'secret', fetch });
    await expect(transport.invoke('app.info', undefined)).resolves.toEqual({ ok: true, value: { version: '1' } });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/invoke');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(JSON.parse(init.body as string)).toEqual({ method: 'app.info' });
  });

  it('reads the error envelope of a 4xx answer', async () => {
    const error = { code: 'not_found', message: 'Course not found' };
    const transport = createHttpTransport({ token: () => 't', fetch: async () => json(404, { ok: false, error }) });
    await expect(transport.invoke('courses.get', { courseId: 'x' })).resolves.toEqual({ ok: false, error });
  });

  it('turns a network failure into unavailable', async () => {
    const transport = createHttpTransport({
      token: () => 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await transport.invoke('app.info', undefined);
    expect(result.ok === false && result.error.code).toBe('unavailable');
  });

  it('does not trust a body that is not an InvokeResult', async () => {
    const transport = createHttpTransport({ token: () => 't', fetch: async () => json(200, { hello: 1 }) });
    const result = await transport.invoke('app.info', undefined);
    expect(result.ok === false && result.error.code).toBe('internal');
  });
});

describe('HTTP transport: events', () => {
  const progress: CoreEvent = { name: 'progress.changed', payload: { courseId: '28b90e11-9d5b-5cae-b529-340b14d466f3' } };

  it('delivers valid events, skips unknown ones, and reconnects with back-off after a drop', async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(streamOf(': connected\n\n', 'data: {"name":"nope","payload":{}}\n\n', `data: ${JSON.stringify(progress)}\n\n`))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(streamOf(`data: ${JSON.stringify(progress)}\n\n`));
    const transport = createHttpTransport({ token: () => 't', fetch, reconnect: { initialMs: 100, maxMs: 1_000 } });
    const events: CoreEvent[] = [];
    const stop = transport.subscribe((event) => events.push(event));

    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([progress]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer t');

    await vi.advanceTimersByTimeAsync(100); // first retry fails
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(99); // the next waits longer
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(101);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(events).toEqual([progress, progress]);

    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
