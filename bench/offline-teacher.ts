/**
 * The offline teacher's whole answer, from the student's question to the last token, over the
 * starter catalogue in PGlite (a data directory in memory): every question of the proof set
 * (tests/fixtures/offline-teacher-questions.ts), so definitions, the algebra, plans and refusals are
 * all in the mix. Target (issue #14): p95 ≤ 100 ms including the algebra.
 *
 * `npx tsx bench/offline-teacher.ts` (`OFFLINE_TEACHER_ROUNDS`, default 5 rounds of the whole set).
 */
import path from 'node:path';
import os from 'node:os';
import { TEACHER_QUESTIONS, type TeacherQuestion } from '../tests/fixtures/offline-teacher-questions';
import { lessonIdFor } from '../src/core/content/content-ids';
import { installPackDirectory, readPackFile } from '../src/core/content/load-packs';
import { openPglite } from '../src/core/db/open-pglite';
import { createOfflineTeacher } from '../src/core/ai/offline-teacher';
import type { TeachingContext } from '../src/core/ai/provider';
import { teachingExercise } from '../src/core/ai/teaching-context';
import { ms, summarise, type Timing } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONTENT_DIR = path.join(ROOT, 'resources/content');
const ROUNDS = Number(process.env.OFFLINE_TEACHER_ROUNDS ?? 5);

function contextFor(q: TeacherQuestion): TeachingContext {
  const base: TeachingContext = { language: 'ru', grade: null, courseTitle: null, lesson: null, exercise: null, attempt: null, homework: null };
  if (!q.exercise) return base;
  const [courseKey, lessonKey, exerciseId] = q.exercise;
  const pack = readPackFile(path.join(CONTENT_DIR, `${courseKey}.json`)).pack;
  const lesson = pack.lessons.find((l) => l.key === lessonKey)!;
  const exercise = lesson.exercises.find((e) => e.id === exerciseId)!;
  return {
    ...base,
    courseTitle: pack.course.title,
    lesson: { id: lessonIdFor(courseKey, lessonKey), title: lesson.title, topic: lesson.topic, content: lesson.content, keyConcepts: lesson.keyConcepts },
    exercise: teachingExercise(exercise),
  };
}

const { db, close } = await openPglite({ dataDir: null, migrationsFolder: path.join(ROOT, 'drizzle') });
await installPackDirectory(db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
const teacher = createOfflineTeacher(db);
const asks = TEACHER_QUESTIONS.map((q) => ({ q, context: contextFor(q) }));

async function answer({ q, context }: (typeof asks)[number]): Promise<number> {
  const started = performance.now();
  let text = '';
  const history = [{ role: 'user' as const, content: q.question }];
  for await (const piece of teacher.streamReply({ context, history, signal: new AbortController().signal })) text += piece;
  if (!text) throw new Error(`no answer to ${q.question}`);
  return performance.now() - started;
}

// Warm-up: one pass (the JIT, PGlite's first queries, the parser's first use are not a student's wait).
const firstAnswer = await answer(asks.find((a) => a.q.category === 'solving')!);
for (const ask of asks) await answer(ask);

const all: number[] = [];
const byCategory = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const ask of asks) {
    const took = await answer(ask);
    all.push(took);
    byCategory.set(ask.q.category, [...(byCategory.get(ask.q.category) ?? []), took]);
  }
}
await close();

const line = (name: string, t: Timing) => `| ${name} | ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.max)} (n=${t.n}) |`;
console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}, Node ${process.version}`);
console.log(`First answer after start (cold: parser and queries first used): ${ms(firstAnswer)} ms`);
console.log('| offline answer | p50 / p95 / max (ms) |\n|---|---|');
console.log(line('all questions', summarise(all)));
for (const [category, samples] of byCategory) console.log(line(category, summarise(samples)));
