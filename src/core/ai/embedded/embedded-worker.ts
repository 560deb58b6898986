import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getLlama, LlamaChatSession, type ChatHistoryItem, type Llama, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import type { ChatTurn } from '../provider';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The embedded model's thread: llama.cpp runs here, so a long prompt never freezes the core's event
 * loop (and with it the app). One model, one context, one reply at a time (the core queues).
 */
const port = parentPort;
if (!port) throw new Error('embedded-worker runs as a worker thread only');
const send = (message: FromWorker) => port.postMessage(message);

let llama: Llama | null = null;
let model: LlamaModel | null = null;
let context: LlamaContext | null = null;
const running = new Map<number, AbortController>();

/** Text like a grounded prompt's, to learn how many bytes the model's tokenizer puts in a token. */
const TOKENIZER_SAMPLE =
  'Дробь — это часть целого: числитель показывает, сколько частей взяли, знаменатель — на сколько частей разделили. ' +
  'Реши уравнение x^2 - 5x + 6 = 0. A fraction is a part of a whole; $\\frac{3}{4} + \\frac{1}{2} = \\frac{5}{4}$.';

async function load(modelPath: string, threads: number, contextTokens: number): Promise<void> {
  const started = performance.now();
  // build 'never': nothing is downloaded or compiled at run time; the prebuilt CPU binary or nothing.
  llama ??= await getLlama({ build: 'never', gpu: false, maxThreads: threads, progressLogs: false, logLevel: 'error' as never });
  model = await llama.loadModel({ modelPath, onLoadProgress: (loaded) => send({ type: 'progress', loaded }) });
  const size = Math.min(contextTokens, model.trainContextSize);
  context = await model.createContext({ contextSize: size, threads, sequences: 1 });
  const name = model.fileInfo.metadata.general?.name;
  const sampleBytes = new TextEncoder().encode(TOKENIZER_SAMPLE).length;
  send({
    type: 'loaded',
    model: {
      name: typeof name === 'string' && name.trim() ? name : basename(modelPath),
      sizeBytes: model.size,
      trainContextTokens: model.trainContextSize,
      contextTokens: context.contextSize,
      bytesPerToken: sampleBytes / Math.max(1, model.tokenize(TOKENIZER_SAMPLE).length),
      loadMs: Math.round(performance.now() - started),
    },
  });
}

function history(messages: ChatTurn[]): { items: ChatHistoryItem[]; question: string } {
  const items: ChatHistoryItem[] = [];
  for (const m of messages.slice(0, -1)) {
    if (m.role === 'system') items.push({ type: 'system', text: m.content });
    else if (m.role === 'user') items.push({ type: 'user', text: m.content });
    else items.push({ type: 'model', response: [m.content] });
  }
  return { items, question: messages.at(-1)?.content ?? '' };
}

/** Replies stopped while still waiting for the one before: they never start. */
const stoppedBeforeStart = new Set<number>();

async function generate(id: number, messages: ChatTurn[], maxTokens: number): Promise<void> {
  if (stoppedBeforeStart.delete(id)) return;
  if (!context) throw new Error('No model is loaded.');
  const controller = new AbortController();
  running.set(id, controller);
  const sequence = context.getSequence();
  try {
    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
    const { items, question } = history(messages);
    session.setChatHistory(items);
    const started = performance.now();
    let tokens = 0;
    const result = await session.promptWithMeta(question, {
      maxTokens,
      signal: controller.signal,
      stopOnAbortSignal: true,
      onTextChunk: (text) => {
        tokens++;
        send({ type: 'token', id, text });
      },
    });
    session.dispose({ disposeSequence: false });
    // Tenths of a millisecond: a tiny model can finish a short reply within one.
    send({ type: 'done', id, truncated: result.stopReason === 'maxTokens', tokens, ms: Math.round((performance.now() - started) * 10) / 10 });
  } finally {
    sequence.dispose();
    running.delete(id);
  }
}

/**
 * Everything native let go of, in order, before the thread ends: a worker terminated while llama.cpp
 * still held a context aborted the whole process on quit ("terminate called after throwing Napi::Error").
 */
async function unload(): Promise<void> {
  for (const controller of running.values()) controller.abort();
  await replies;
  await context?.dispose();
  await model?.dispose();
  await llama?.dispose();
  context = null;
  model = null;
  llama = null;
  send({ type: 'unloaded' });
}

/** The replies in order: the next starts when the previous one has finished and freed its sequence. */
let replies: Promise<void> = Promise.resolve();

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'load':
      load(message.modelPath, message.threads, message.contextTokens).catch((error: unknown) => send({ type: 'loadFailed', message: describe(error) }));
      return;
    case 'generate': {
      // One reply at a time, each after the last one let go of its sequence: a reply asked for right
      // after a Stop would otherwise find the context's only sequence still held ("No sequences left").
      const { id, messages, maxTokens } = message;
      replies = replies.then(() => generate(id, messages, maxTokens).catch((error: unknown) => send({ type: 'failed', id, message: describe(error) })));
      return;
    }
    case 'abort':
      if (running.has(message.id)) running.get(message.id)!.abort();
      else stoppedBeforeStart.add(message.id);
      return;
    case 'unload':
      unload().catch((error: unknown) => send({ type: 'unloadFailed', message: describe(error) }));
      return;
  }
});
