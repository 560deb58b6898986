import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../../../tests/support/provider-failure';
import { EMBEDDED_WORKER, tinyGguf } from '../../../../tests/support/tiny-gguf';
import { createEmbeddedEngine, defaultThreads, type EmbeddedEngine } from './embedded-engine';

const MESSAGES = [
  { role: 'system' as const, content: 'Ты учитель математики.' },
  { role: 'user' as const, content: 'Что такое дробь?' },
];

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

/** Real inference through node-llama-cpp (prebuilt CPU binary) on a random-weight model written for the run. */
describe('the embedded model engine', () => {
  let model: string;
  let engine: EmbeddedEngine;
  beforeAll(() => {
    model = tinyGguf();
    engine = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, contextTokens: 1024 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('loads with progress, streams a reply off the main thread, and says what it runs', async () => {
    const progress: number[] = [];
    let truncated = false;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const pieces = await collect(
      engine.stream(model, MESSAGES, 24, new AbortController().signal, { onProgress: (p) => progress.push(p), onTruncated: () => (truncated = true) }),
    );
    clearInterval(timer);
    expect(pieces.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    // A random model rarely ends on its own: 24 tokens is its limit, and the reply says it was cut.
    expect(truncated).toBe(true);
    // The event loop ran all along: loading and generating happened in the worker.
    expect(ticks).toBeGreaterThan(5);
    expect(engine.info()).toMatchObject({
      name: 'teacher-ai tiny test model (random weights)',
      contextTokens: 1024,
      trainContextTokens: 2048,
      threads: 1,
    });
    expect(engine.info()!.sizeBytes).toBeGreaterThan(100_000);
    expect(engine.info()!.tokensPerSecond).toBeGreaterThan(0);
    // The tiny model spells Russian nearly byte by byte: its prompt budget must know (2.5 is the default guess).
    expect(engine.info()!.bytesPerToken).toBeGreaterThan(0.5);
    expect(engine.info()!.bytesPerToken).toBeLessThan(2.5);
  }, 60_000);

  it('stops when the signal is aborted, and answers again after', async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const error = await failure(
      (async () => {
        for await (const piece of engine.stream(model, MESSAGES, 2000, controller.signal)) {
          pieces.push(piece);
          if (pieces.length === 3) controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('cancelled');
    expect(pieces.length).toBe(3);
    expect((await collect(engine.stream(model, MESSAGES, 8, new AbortController().signal))).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a model that does not fit in the free memory, and a file that is not there, with a sentence', async () => {
    const tight = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, freeMemory: () => 32 * 1024 * 1024 });
    const tooLarge = await failure(collect(tight.stream(model, MESSAGES, 8, new AbortController().signal)));
    expect(tooLarge.code).toBe('model_too_large');
    expect(tooLarge.message).toMatch(/needs about \d+ MB of memory, and only 32 MB are free/);
    const missing = await failure(collect(tight.stream('/no/such/model.gguf', MESSAGES, 8, new AbortController().signal)));
    expect(missing.code).toBe('model_unavailable');
    await tight.close();
  });

  it('closing while a reply is being written lets llama.cpp go before the thread ends', async () => {
    const own = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, contextTokens: 1024 });
    const stream = own.stream(model, MESSAGES, 500, new AbortController().signal)[Symbol.asyncIterator]();
    expect((await stream.next()).done).toBe(false);
    const started = Date.now();
    await own.close();
    expect(own.isLoaded()).toBe(false);
    // Well inside the bounded wait: the model answered «unloaded» rather than being cut off.
    expect(Date.now() - started).toBeLessThan(5_000);
    // What the reply had not yet said ends with the model's stop, not with a hang.
    await expect(Promise.race([stream.next().then(() => 'ended', () => 'ended'), new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000))])).resolves.toBe('ended');
  });

  it('unloads after being idle', async () => {
    const idle = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads: 1, idleMs: 200, contextTokens: 512 });
    await collect(idle.stream(model, MESSAGES, 4, new AbortController().signal));
    expect(idle.isLoaded()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(idle.isLoaded()).toBe(false);
    await idle.close();
  }, 60_000);

  it('uses at most two threads by default (llama.cpp’s own 4 on a 2-core laptop is ~20× slower)', () => {
    expect(defaultThreads()).toBeGreaterThanOrEqual(1);
    expect(defaultThreads()).toBeLessThanOrEqual(2);
  });
});
