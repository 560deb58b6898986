/**
 * Spaced-review benchmarks (issue 13): opening «Повторение» with 1,000 cards due, and a 30-lesson
 * course page with every lesson's mastery computed. Runs inside `npm run bench` (bench/run.ts), or
 * alone: `npx tsx bench/review.ts` (its own small catalogue, PGlite on disk and a durable PostgreSQL 15).
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAccount } from '../src/core/accounts/accounts-service';
import { createPasswordHasher } from '../src/core/accounts/password-hasher';
import { installPack } from '../src/core/content/install-pack';
import { createCoreOnDatabase, createLocalCore, type Core } from '../src/core/create-core';
import { executeRows } from '../src/core/db/execute-rows';
import { openPostgres } from '../src/core/db/open-postgres';
import type { Db, OpenedDatabase } from '../src/core/db/types';
import { lessonMastery } from '../src/core/review/lesson-mastery';
import { projectPaths } from '../src/web/project-paths';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { benchPack } from './seed-large';
import { measure, ms, renderTable, type Row, type Timing } from './stats';

/** 250 completed lessons × (1 key concept + 3 exercises once missed) = 1,000 cards, each reviewed once. */
export const DUE_CARDS = 1_000;
const LESSONS_STUDIED = 250;
const RUNS = 200;
const quiet = { error: () => {} };
const log = (line: string) => process.stderr.write(`${line}\n`);

async function call(core: Core, method: string, input?: unknown): Promise<unknown> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * The student's facts, three days old: enrolled in the first courses, 250 lessons completed, three
 * exercises of each answered wrong, and every card rated «Снова» two days ago — so all 1,000 are due.
 */
async function seedReviewHistory(db: Db, userId: string): Promise<string> {
  const lessons = await executeRows<{ id: string; course_id: string }>(
    db,
    sql`SELECT l.id::text AS id, l.course_id::text AS course_id FROM lessons l JOIN courses c ON c.id = l.course_id
        WHERE c.title LIKE 'Курс %' ORDER BY c.title, l.lesson_number LIMIT ${LESSONS_STUDIED}`,
  );
  if (lessons.length < LESSONS_STUDIED) throw new Error(`only ${lessons.length} bench lessons`);
  const ids = JSON.stringify(lessons.map((l) => l.id));
  const inLessons = sql`l.id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`;
  await db.execute(sql`
    INSERT INTO user_courses (user_id, course_id, status)
    SELECT DISTINCT ${userId}::uuid, l.course_id, 'active' FROM lessons l WHERE ${inLessons}`);
  await db.execute(sql`
    INSERT INTO user_lessons (user_id, lesson_id, user_course_id, status, score, completed_at)
    SELECT ${userId}::uuid, l.id, uc.id, 'completed', 75, now() - interval '3 days'
    FROM lessons l JOIN user_courses uc ON uc.course_id = l.course_id AND uc.user_id = ${userId} WHERE ${inLessons}`);
  await db.execute(sql`
    INSERT INTO user_activity_log (user_id, activity_type, activity_data, course_id, lesson_id, created_at)
    SELECT ${userId}::uuid, 'exercise_answered', jsonb_build_object('exerciseId', 'ex-' || e, 'correct', false),
      l.course_id, l.id, now() - interval '3 days'
    FROM lessons l CROSS JOIN generate_series(1, 3) e WHERE ${inLessons}`);
  await db.execute(sql`
    INSERT INTO review_log (id, user_id, card_key, lesson_id, rating, reviewed_at)
    SELECT gen_random_uuid(), ${userId}::uuid, k.key, l.id, 1, now() - interval '2 days'
    FROM lessons l CROSS JOIN LATERAL (
      SELECT 'concept:' || l.id || ':Дробь' AS key UNION ALL SELECT 'exercise:' || l.id || ':ex-' || e FROM generate_series(1, 3) e) k
    WHERE ${inLessons}`);
  await db.execute(sql`ANALYZE`);
  return lessons[0]!.course_id;
}

/** On a database holding the bench catalogue: a student with 1,000 due cards; the queue and a course's mastery. */
export async function measureReview(db: Db, kind: OpenedDatabase['kind']): Promise<Record<string, Timing>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-bench-review-'));
  const core = createCoreOnDatabase({ db, kind, close: async () => {} }, { appVersion: 'bench', dataDir, logger: quiet, timeZone: () => 'Europe/Moscow' });
  try {
    const suffix = crypto.randomUUID().slice(0, 8);
    const user = await createAccount(db, createPasswordHasher(4), {
      email: `review-${suffix}@school.test`,
      username: `review-${suffix}`,
      fullName: 'Ученик с карточками',
      password: 'bench-password',
      role: 'student',
    });
    core.session.signIn(user);
    log(`  seeding ${DUE_CARDS.toLocaleString('en')} due review cards…`);
    const courseId = await seedReviewHistory(db, user.id);
    const queue = (await call(core, 'review.queue', {})) as { dueCount: number };
    if (queue.dueCount !== DUE_CARDS) throw new Error(`expected ${DUE_CARDS} due cards, the queue has ${queue.dueCount}`);
    const lessonIds = (await executeRows<{ id: string }>(db, sql`SELECT id::text AS id FROM lessons WHERE course_id = ${courseId}`)).map((r) => r.id);
    return {
      queue: await measure(RUNS, () => call(core, 'review.queue', {})),
      course: await measure(RUNS, () => call(core, 'courses.get', { courseId })),
      mastery: await measure(RUNS, () => lessonMastery(db, user.id, lessonIds)),
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function reviewRows(results: Record<string, Record<string, Timing> | null>): Row[] {
  const pick = (key: string) => Object.fromEntries(Object.entries(results).map(([column, r]) => [column, r?.[key] ?? null]));
  return [
    { operation: `\`review.queue\` (${DUE_CARDS.toLocaleString('en')} cards due, each with its review replayed)`, target: 'p95 ≤ 10', results: pick('queue') },
    { operation: 'mastery of a 30-lesson course (`lessonMastery`, every lesson studied)', target: 'p95 ≤ 10', results: pick('mastery') },
    { operation: '  … the whole `courses.get` with mastery', target: 'report', results: pick('course') },
  ];
}

/** 10 bench courses (300 lessons) are enough for 250 studied lessons. */
async function seedSmallCatalogue(db: Db) {
  for (let c = 0; c < 10; c++) await installPack(db, benchPack(c), `bench-${c}`);
}

async function main() {
  const started = Date.now();
  const PGLITE = 'PGlite';
  const POSTGRES = 'PostgreSQL 15';
  const results: Record<string, Record<string, Timing> | null> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-bench-review-pglite-'));
  try {
    const local = await createLocalCore({
      dataDir: dir,
      appVersion: 'bench',
      migrationsFolder: projectPaths.migrationsFolder,
      contentDir: null,
      templatePath: null,
      logger: quiet,
    });
    log('PGlite: seeding 10 bench courses…');
    await seedSmallCatalogue(local.db);
    log('PGlite: review…');
    results[PGLITE] = await measureReview(local.db, 'pglite');
    await local.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  log('PostgreSQL 15: starting a durable cluster…');
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const database = await openPostgres({ connectionString: cluster.url, migrationsFolder: projectPaths.migrationsFolder });
    await seedSmallCatalogue(database.db);
    log('PostgreSQL 15: review…');
    results[POSTGRES] = await measureReview(database.db, 'postgres');
    await database.close();
  } finally {
    cluster.stop();
  }
  console.log(`\nReview benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}\n`);
  console.log(renderTable(reviewRows(results), [PGLITE, POSTGRES]));
  console.log(`\nTotal bench time ${ms((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
