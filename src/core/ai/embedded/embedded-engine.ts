import { statSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChatTurn } from '../provider';
import { ProviderError } from '../provider';
import type { FromWorker, LoadedModel, ToWorker } from './protocol';

export interface EmbeddedEngineOptions {
  /** The worker's script: `out/main/embedded-worker.js` in the app. */
  workerFile: string;
  /** Run `workerFile` through this bootstrap instead (tests: the .ts source under tsx). */
  bootstrap?: (workerFile: string) => string;
  /** Threads for llama.cpp. Default: min(2, cores) — its own default of 4 on a 2-core laptop is ~20× slower. */
  threads?: number;
  /** Unload the model after this long without a reply (frees its memory). */
  idleMs?: number;
  contextTokens?: number;
  /** For tests: the free memory to plan with. */
  freeMemory?: () => number;
}

export interface EmbeddedModelInfo extends LoadedModel {
  threads: number;
  /** Measured on the last reply (null before the first). */
  tokensPerSecond: number | null;
}

export const defaultThreads = (): number => Math.max(1, Math.min(2, os.availableParallelism()));

/** A GGUF in memory takes about its file size, plus the context's KV cache and llama.cpp's buffers. */
export function memoryNeeded(fileBytes: number, contextTokens: number): number {
  return Math.ceil(fileBytes * 1.1 + contextTokens * 64 * 1024 + 64 * 1024 * 1024);
}

type Listener = (message: FromWorker) => void;

/** What the engine is doing, for the settings page: nothing, loading a file (with progress 0…1), or holding one. */
export type EmbeddedEngineState =
  | { state: 'idle' }
  | { state: 'loading'; modelPath: string; progress: number }
  | { state: 'loaded'; modelPath: string; model: EmbeddedModelInfo };

/** Whether a model file fits in the free memory, before anything is loaded. */
export interface EmbeddedFit {
  sizeBytes: number;
  neededBytes: number;
  freeBytes: number;
  fits: boolean;
}

/**
 * One embedded model at a time in a worker thread: loaded on the first reply (with progress), replies
 * one after another, unloaded after `idleMs`. Refuses with a sentence a model that does not fit in
 * the free memory, rather than letting the computer swap to a standstill.
 */
/** How long closing waits for the model to let go of its memory before the thread is ended anyway. */
const UNLOAD_WAIT_MS = 5_000;

export function createEmbeddedEngine(options: EmbeddedEngineOptions) {
  const threads = options.threads ?? defaultThreads();
  const idleMs = options.idleMs ?? 5 * 60_000;
  const contextTokens = options.contextTokens ?? 4096;
  const freeMemory = options.freeMemory ?? (() => os.freemem());
  let worker: Worker | null = null;
  let loaded: { path: string; info: EmbeddedModelInfo } | null = null;
  let loading: Promise<EmbeddedModelInfo> | null = null;
  let progress: { modelPath: string; loaded: number } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const listeners = new Set<Listener>();

  function start(): Worker {
    if (worker) return worker;
    const created = options.bootstrap ? new Worker(options.bootstrap(options.workerFile), { eval: true }) : new Worker(options.workerFile);
    created.on('message', (message: FromWorker) => listeners.forEach((l) => l(message)));
    created.on('error', (error) => listeners.forEach((l) => l({ type: 'loadFailed', message: error.message })));
    created.unref();
    worker = created;
    return created;
  }

  const post = (message: ToWorker) => start().postMessage(message);

  /** The model unloaded inside the thread first (bounded wait), then the thread ended. */
  async function stopWorker(): Promise<void> {
    const w = worker;
    worker = null;
    loaded = null;
    loading = null;
    progress = null;
    if (!w) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, UNLOAD_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      w.on('message', (message: FromWorker) => {
        if (message.type === 'unloaded' || message.type === 'unloadFailed') done();
      });
      w.once('exit', done);
      w.postMessage({ type: 'unload' } satisfies ToWorker);
    });
    await w.terminate();
  }

  function armIdle(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void stopWorker(), idleMs);
    idleTimer.unref();
  }

  /** The file's size against the free memory; null when there is no such file. */
  function fit(modelPath: string): EmbeddedFit | null {
    let sizeBytes: number;
    try {
      sizeBytes = statSync(modelPath).size;
    } catch {
      return null;
    }
    const neededBytes = memoryNeeded(sizeBytes, contextTokens);
    // A model already in memory needs nothing more.
    const freeBytes = freeMemory() + (loaded?.path === modelPath ? neededBytes : 0);
    return { sizeBytes, neededBytes, freeBytes, fits: neededBytes <= freeBytes };
  }

  function load(modelPath: string, onProgress: (loaded: number) => void): Promise<EmbeddedModelInfo> {
    if (loaded?.path === modelPath) return Promise.resolve(loaded.info);
    if (loading) return loading;
    const fitting = fit(modelPath);
    if (!fitting) return Promise.reject(new ProviderError('model_unavailable', `There is no model file at ${modelPath}.`));
    if (!fitting.fits) {
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      return Promise.reject(
        new ProviderError('model_too_large', `The model needs about ${mb(fitting.neededBytes)} MB of memory, and only ${mb(fitting.freeBytes)} MB are free.`),
      );
    }
    progress = { modelPath, loaded: 0 };
    const switching = loaded ? stopWorker() : Promise.resolve();
    loading = switching.then(
      () =>
        new Promise<EmbeddedModelInfo>((resolve, reject) => {
          const listener: Listener = (message) => {
            if (message.type === 'progress') {
              progress = { modelPath, loaded: message.loaded };
              onProgress(message.loaded);
            }
            if (message.type === 'loaded') {
              listeners.delete(listener);
              progress = null;
              const info = { ...message.model, threads, tokensPerSecond: null };
              loaded = { path: modelPath, info };
              loading = null;
              resolve(info);
            }
            if (message.type === 'loadFailed') {
              listeners.delete(listener);
              void stopWorker();
              reject(new ProviderError('model_unavailable', `The model could not be loaded: ${message.message}`));
            }
          };
          listeners.add(listener);
          post({ type: 'load', modelPath, threads, contextTokens });
        }),
    );
    return loading;
  }

  /** The reply's pieces as the worker sends them; stopping the iteration or the signal stops generation. */
  async function* generate(messages: ChatTurn[], maxTokens: number, signal: AbortSignal, onTruncated?: () => void): AsyncIterable<string> {
    const id = nextId++;
    const pending: string[] = [];
    let end: { error?: ProviderError } | null = null;
    let wake: (() => void) | null = null;
    const listener: Listener = (message) => {
      if (message.type === 'loadFailed') end = { error: new ProviderError('model_unavailable', `The embedded model stopped: ${message.message}`) };
      else if (!('id' in message) || message.id !== id) return;
      else if (message.type === 'token') pending.push(message.text);
      else if (message.type === 'done') {
        if (message.truncated) onTruncated?.();
        if (loaded && message.ms > 0) loaded.info.tokensPerSecond = Math.round((message.tokens / message.ms) * 1000 * 10) / 10;
        end = {};
      } else if (message.type === 'failed') {
        const code = /context/i.test(message.message) ? 'context_exceeded' : 'model_unavailable';
        end = { error: new ProviderError(code, message.message, null, null, message.message) };
      }
      wake?.();
    };
    const onAbort = () => {
      post({ type: 'abort', id });
      end = { error: new ProviderError('cancelled', 'The reply was stopped.') };
      wake?.();
    };
    listeners.add(listener);
    signal.addEventListener('abort', onAbort, { once: true });
    clearTimeout(idleTimer);
    try {
      if (signal.aborted) throw new ProviderError('cancelled', 'The reply was stopped.');
      post({ type: 'generate', id, messages, maxTokens });
      for (;;) {
        while (pending.length > 0) yield pending.shift()!;
        const ended = end as { error?: ProviderError } | null;
        if (ended) {
          if (ended.error) throw ended.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      if (end === null) post({ type: 'abort', id });
      signal.removeEventListener('abort', onAbort);
      listeners.delete(listener);
      armIdle();
    }
  }

  return {
    threads,
    load,
    /** One reply at a time: a second waits for the first (the model has one context). */
    stream(modelPath: string, messages: ChatTurn[], maxTokens: number, signal: AbortSignal, hooks: { onProgress?: (loaded: number) => void; onTruncated?: () => void } = {}): AsyncIterable<string> {
      const turn = queue;
      let release!: () => void;
      queue = new Promise<void>((resolve) => (release = resolve));
      return (async function* () {
        try {
          await turn;
          await load(modelPath, hooks.onProgress ?? (() => {}));
          yield* generate(messages, maxTokens, signal, hooks.onTruncated);
        } finally {
          release();
        }
      })();
    },
    fit,
    state: (): EmbeddedEngineState =>
      loaded ? { state: 'loaded', modelPath: loaded.path, model: loaded.info } : progress ? { state: 'loading', modelPath: progress.modelPath, progress: progress.loaded } : { state: 'idle' },
    info: (): EmbeddedModelInfo | null => loaded?.info ?? null,
    isLoaded: () => loaded !== null,
    close: async () => {
      clearTimeout(idleTimer);
      await stopWorker();
    },
  };
}

export type EmbeddedEngine = ReturnType<typeof createEmbeddedEngine>;
