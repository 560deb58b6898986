/**
 * AI teacher benchmarks: what the app itself adds between «send» and the first token of a model's
 * reply (the model being a local OpenAI-compatible server that answers at once), and the offline
 * teacher's whole answer over the real starter catalogue.
 *
 * `measureChat` makes its own database (PGlite in a new data directory, or a new database in the given
 * PostgreSQL cluster) with the starter content and achievements installed, as the app has them;
 * bench/run.ts calls it for both. `npx tsx bench/chat.ts` runs just this part.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCoreOnDatabase, createLocalCore, type Core } from '../src/core/create-core';
import { lessonIdFor } from '../src/core/content/content-ids';
import { installPackDirectory, readPackFile } from '../src/core/content/load-packs';
import { openPostgres } from '../src/core/db/open-postgres';
import { installAchievements, loadAchievementCatalogue } from '../src/core/motivation/achievement-catalogue';
import type { CoreEvent, EventPayload } from '../src/shared/contract';
import { projectPaths } from '../src/web/project-paths';
import { startFakeOpenAiServer } from '../tests/support/fake-openai-server';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { ms, renderTable, summarise, type Row, type Timing } from './stats';
import { connectClient } from '../src/core/db/pg-connections';

const RUNS = 200;
const WARMUP = 10;
/** A conversation is started afresh every so many questions, as a student would over a day. */
const TURNS_PER_SESSION = 8;

const quiet = { error: () => {} };
const log = (line: string) => process.stderr.write(`${line}\n`);
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

async function call<T = unknown>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Questions a student of the starter courses would ask (each finds its lesson by full-text search). */
const QUESTIONS = [
  'Как сложить дроби с разными знаменателями?',
  'Что такое дискриминант и как найти корни квадратного уравнения?',
  'Как перевести число из двоичной системы счисления в десятичную?',
  'Как найти среднюю скорость, если известны путь и время?',
  'Как сократить дробь?',
  'Объясни теорему Виета',
  'Как посчитать вероятность случайного события?',
  'Что такое смешанное число?',
  'Как решать задачи на движение навстречу друг другу?',
  'Как найти информационный объём сообщения?',
];

type Finished = EventPayload<'chat.replyFinished'>;

/** When each reply's first token and its end were seen, stamped in the listener itself. */
function watchReplies(core: Core) {
  const firstToken = new Map<string, number>();
  const finished = new Map<string, { at: number; payload: Finished }>();
  core.subscribe((event: CoreEvent) => {
    if (event.name === 'chat.token') {
      const { messageId } = event.payload as EventPayload<'chat.token'>;
      if (!firstToken.has(messageId)) firstToken.set(messageId, performance.now());
    } else if (event.name === 'chat.replyFinished') {
      const payload = event.payload as Finished;
      finished.set(payload.messageId, { at: performance.now(), payload });
    }
  });
  return { firstToken, finished };
}

interface ReplyBench {
  /** What the reply must have been, so a fallback or failure can never pass as a fast sample. */
  provider: Finished['provider'];
  /** 'first' = «send» to the first token; 'whole' = «send» to the stored reply. */
  until: 'first' | 'whole';
  startSession: () => Promise<{ id: string }>;
}

/** Send questions through the contract as the page does; the reply is waited for untimed before the next. */
async function timeReplies(core: Core, watch: ReturnType<typeof watchReplies>, bench: ReplyBench): Promise<Timing> {
  const samples: number[] = [];
  let sessionId = '';
  for (let i = -WARMUP; i < RUNS; i++) {
    if ((i + WARMUP) % TURNS_PER_SESSION === 0) sessionId = (await bench.startSession()).id;
    const content = QUESTIONS[(i + WARMUP) % QUESTIONS.length]!;
    const started = performance.now();
    const { replyId } = await call<{ replyId: string }>(core, 'chat.sendMessage', { sessionId, content });
    await core.replies.idle();
    const end = watch.finished.get(replyId);
    if (!end) throw new Error('the reply never finished');
    const { status, provider, fallbackReason } = end.payload;
    if (status !== 'complete' || provider !== bench.provider || fallbackReason !== null) {
      throw new Error(`unexpected reply: ${JSON.stringify(end.payload)}`);
    }
    const first = watch.firstToken.get(replyId);
    if (first === undefined) throw new Error('the reply had no token');
    if (i >= 0) samples.push((bench.until === 'first' ? first : end.at) - started);
  }
  return summarise(samples);
}

/** A lesson of the starter catalogue with an exercise that has hints: where a student asks for help. */
function starterExercise(): { lessonId: string; exerciseId: string } {
  const { pack } = readPackFile(path.join(projectPaths.contentDir, 'math-5-fractions.json'));
  const lesson = pack.lessons.find((l) => l.exercises.some((e) => e.hints.length >= 2)) ?? pack.lessons[0]!;
  const exercise = lesson.exercises.find((e) => e.hints.length >= 2) ?? lesson.exercises[0]!;
  return { lessonId: lessonIdFor(pack.course.key, lesson.key), exerciseId: exercise.id };
}

export type ChatTarget = { kind: 'pglite' } | { kind: 'postgres'; clusterUrl: string };

/** A core over a new database with the starter content and the achievements, as the app starts. */
async function openChatCore(target: ChatTarget): Promise<{ core: Core; cleanup: () => void }> {
  const dataDir = tmp('teacher-ai-bench-chat-');
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (target.kind === 'pglite') {
    const core = await createLocalCore({
      dataDir,
      appVersion: 'bench',
      migrationsFolder: projectPaths.migrationsFolder,
      contentDir: projectPaths.contentDir,
      achievementsFile: projectPaths.achievementsFile,
      templatePath: projectPaths.templatePath,
      logger: quiet,
    });
    return { core, cleanup };
  }
  const name = `bench_chat_${process.pid}_${Date.now()}`;
  const admin = await connectClient({ connectionString: target.clusterUrl });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.clusterUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ connectionString: url.toString(), migrationsFolder: projectPaths.migrationsFolder });
  await installPackDirectory(database.db, projectPaths.contentDir, {
    publisher: 'starter',
    now: () => new Date(),
    onInvalid: (error) => {
      throw error;
    },
  });
  await installAchievements(database.db, loadAchievementCatalogue(projectPaths.achievementsFile));
  return { core: createCoreOnDatabase(database, { appVersion: 'bench', dataDir, logger: quiet }), cleanup };
}

export async function measureChat(target: ChatTarget): Promise<Record<string, Timing>> {
  const fake = await startFakeOpenAiServer();
  const { core, cleanup } = await openChatCore(target);
  try {
    await call(core, 'accounts.register', {
      email: 'chat-bench@school.test',
      username: 'chatbench',
      fullName: 'Ученик для замеров чата',
      password: 'chat-bench-password',
    });
    const watch = watchReplies(core);
    const interactive = () => call<{ id: string }>(core, 'chat.startSession', { sessionType: 'interactive' });
    const out: Record<string, Timing> = {};

    await call(core, 'ai.saveUserSettings', { provider: 'openai', baseUrl: fake.baseUrl, model: 'instant', timeoutSeconds: 30 });
    out.firstToken = await timeReplies(core, watch, { provider: 'openai', until: 'first', startSession: interactive });

    await call(core, 'ai.clearUserSettings');
    out.offlineQuestion = await timeReplies(core, watch, { provider: 'offline', until: 'whole', startSession: interactive });
    const { lessonId, exerciseId } = starterExercise();
    const onExercise = () =>
      call<{ id: string }>(core, 'chat.startSession', { sessionType: 'lesson', lessonId, exerciseId, attempt: { answer: '1/2', correct: false, tries: 1 } });
    // Four questions per session walk the whole hint ladder: nudge, mistake, worked example, answer.
    out.offlineExercise = await timeReplies(core, watch, { provider: 'offline', until: 'whole', startSession: onExercise });
    return out;
  } finally {
    await core.close();
    await fake.close();
    cleanup();
  }
}

export function chatRows(results: Record<string, Record<string, Timing> | null>): Row[] {
  const pick = (key: string) => Object.fromEntries(Object.entries(results).map(([column, r]) => [column, r?.[key] ?? null]));
  return [
    { operation: 'chat: «send» → first token (fake OpenAI server, `instant`, 127.0.0.1)', target: 'p95 ≤ 50', results: pick('firstToken') },
    { operation: 'chat: offline teacher, whole answer to a question (starter catalogue)', target: 'p95 ≤ 100', results: pick('offlineQuestion') },
    { operation: 'chat: offline teacher, whole answer on an exercise (hint ladder)', target: 'p95 ≤ 100', results: pick('offlineExercise') },
  ];
}

async function main() {
  if (!fs.existsSync(projectPaths.templatePath)) throw new Error('Run `npm run build` first: the database template is missing.');
  const started = Date.now();
  log('PGlite: chat…');
  const pglite = await measureChat({ kind: 'pglite' });
  log('PostgreSQL 15: starting a durable cluster…');
  const cluster = await startPostgresCluster({ durable: true });
  let postgres: Record<string, Timing>;
  try {
    log('PostgreSQL 15: chat…');
    postgres = await measureChat({ kind: 'postgres', clusterUrl: cluster.url });
  } finally {
    cluster.stop();
  }
  const columns = ['PGlite', 'PostgreSQL 15'];
  console.log(`\nTeacher AI chat benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  console.log(renderTable(chatRows({ [columns[0]!]: pglite, [columns[1]!]: postgres }), columns));
  console.log(`\nTotal ${ms((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
