/**
 * The embedded model (node-llama-cpp in a worker thread) on the tiny random-weight GGUF, or on a real one:
 * load time and tokens/s with 1 and 2 threads, and the first token's p95 after «send».
 * Usage: npx tsx bench/embedded-model.ts [model.gguf]   (default: the tests' tiny model)
 */
import { createEmbeddedEngine } from '../src/core/ai/embedded/embedded-engine';
import { EMBEDDED_WORKER, tinyGguf } from '../tests/support/tiny-gguf';

const RUNS = 10;
const MESSAGES = [
  { role: 'system' as const, content: 'Ты учитель математики.' },
  { role: 'user' as const, content: 'Что такое дробь?' },
];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;

async function measure(model: string, threads: number) {
  const engine = createEmbeddedEngine({ workerFile: EMBEDDED_WORKER.file, bootstrap: EMBEDDED_WORKER.bootstrap, threads, contextTokens: 2048 });
  const loaded = performance.now();
  const info = await engine.load(model, () => {});
  const loadMs = performance.now() - loaded;
  const firsts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sent = performance.now();
    let first: number | null = null;
    for await (const piece of engine.stream(model, MESSAGES, 64, new AbortController().signal)) {
      if (first === null && piece !== '') first = performance.now() - sent;
    }
    if (first !== null) firsts.push(first);
  }
  const tokensPerSecond = engine.info()?.tokensPerSecond ?? null;
  await engine.close();
  return { threads, loadMs: Math.round(loadMs), tokensPerSecond, firstTokenP95Ms: Math.round(p95(firsts)), model: info.name };
}

const model = process.argv[2] ?? tinyGguf();
// The engine's worker does not keep a process alive on its own (the app's window does): this does.
const alive = setInterval(() => {}, 1000);
for (const threads of [1, 2]) console.log(JSON.stringify(await measure(model, threads)));
clearInterval(alive);
