/**
 * `npm run bench`: the foundation's performance targets, PGlite (as the app runs it, on disk) and
 * PostgreSQL 15 (durable settings) side by side, plus the raw query under the app's operation.
 * Prints a markdown table; bench/RESULTS.md records runs.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCoreOnDatabase, createLocalCore, type Core } from '../src/core/create-core';
import { openPostgres } from '../src/core/db/open-postgres';
import type { Db } from '../src/core/db/types';
import { executeRows } from '../src/core/db/execute-rows';
import { BCRYPT_COST, createPasswordHasher } from '../src/core/accounts/password-hasher';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { projectPaths } from '../src/web/project-paths';
import { measure, ms, renderTable, summarise, type Row, type Timing } from './stats';
import { COMPLETED_LESSONS, seedCatalogue, seedStudentHistory } from './seed-large';
import { measureMotivation, motivationRows } from './motivation';
import { chatRows, measureChat } from './chat';
import { measureReview, reviewRows } from './review';
import { measureSync, syncTable, type SyncResults } from './sync';

const PGLITE = 'PGlite';
const POSTGRES = 'PostgreSQL 15';
const quiet = { error: () => {} };
const log = (line: string) => process.stderr.write(`${line}\n`);
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

const localCore = (dataDir: string, templatePath: string | null = projectPaths.templatePath) =>
  createLocalCore({
    dataDir,
    appVersion: 'bench',
    migrationsFolder: projectPaths.migrationsFolder,
    contentDir: projectPaths.contentDir,
    templatePath,
    logger: quiet,
  });

async function call(core: Core, method: string, input?: unknown): Promise<unknown> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const BENCH_STUDENT = { email: 'bench@school.test', username: 'bench', fullName: 'Ученик для замеров', password: 'bench-password' };

/** Register the bench's student on a new database, or sign in on an existing one. */
async function signInStudent(core: Core): Promise<void> {
  const screen = (await call(core, 'accounts.signInScreen')) as { hasAccounts: boolean };
  if (!screen.hasAccounts) await call(core, 'accounts.register', BENCH_STUDENT);
  else await call(core, 'accounts.signIn', { login: BENCH_STUDENT.username, password: BENCH_STUDENT.password });
}

async function timeStarts(n: number, prepare: () => string, templatePath?: string | null): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const dir = prepare();
    const started = performance.now();
    const core = await localCore(dir, templatePath);
    samples.push(performance.now() - started);
    await core.close();
  }
  return summarise(samples);
}

interface Fixture {
  core: Core;
  db: Db;
  courseId: string;
  sessionId: string;
  pendingLessons: string[];
}

async function prepareFixture(core: Core): Promise<Fixture> {
  await signInStudent(core);
  log('  seeding 100 courses × 30 lessons…');
  await seedCatalogue(core.db);
  log(`  seeding ${COMPLETED_LESSONS} completed lessons and 10,000 chat messages…`);
  const { sessionId } = await seedStudentHistory(core.db, core.session.requireUserId());
  const pending = await executeRows<{ id: string }>(core.db, sql`
    SELECT l.id FROM lessons l
    WHERE NOT EXISTS (SELECT 1 FROM user_lessons ul WHERE ul.lesson_id = l.id)
    ORDER BY l.course_id, l.lesson_number`);
  const [partial] = await executeRows<{ course_id: string }>(core.db, sql`
      SELECT course_id FROM user_courses WHERE completed_lessons > 0 ORDER BY completed_lessons ASC LIMIT 1`);
  return { core, db: core.db, courseId: partial!.course_id, sessionId, pendingLessons: pending.map((r) => r.id) };
}

async function measureOperations(f: Fixture): Promise<Record<string, Timing>> {
  const out: Record<string, Timing> = {};
  out.coursesGet = await measure(300, () => call(f.core, 'courses.get', { courseId: f.courseId }));
  out.rawCourse = await measure(300, () =>
    f.db.execute(sql`SELECT c.*, l.id, l.lesson_number, l.title, ul.status, ul.score FROM courses c
      JOIN lessons l ON l.course_id = c.id
      LEFT JOIN user_lessons ul ON ul.lesson_id = l.id AND ul.user_id = ${f.core.session.requireUserId()}
      WHERE c.id = ${f.courseId} ORDER BY l.lesson_number`),
  );
  let next = 0;
  out.complete = await measure(300, () =>
    call(f.core, 'progress.completeLesson', { lessonId: f.pendingLessons[next++]!, score: 85, timeSpentMinutes: 20 }),
  );
  // Each send starts the teacher's reply: it is waited for untimed (a second question meanwhile is refused).
  out.append = await measure(500, (i) => call(f.core, 'chat.sendMessage', { sessionId: f.sessionId, content: `Вопрос ${i}: как сравнить дроби?` }), 10, () => f.core.replies.idle());
  out.last50 = await measure(300, () => call(f.core, 'chat.listMessages', { sessionId: f.sessionId, limit: 50 }));
  const queries = ['дробями', 'числитель', 'урок 7', 'знаменателем части', 'задачи'];
  out.search = await measure(300, (i) => call(f.core, 'catalogue.search', { query: queries[Math.abs(i) % queries.length] }));
  out.plan = await measure(100, () =>
    call(f.core, 'plans.generate', { courseId: f.courseId, targetDate: '2099-06-01', studyDays: [1, 3, 5], minutesPerDay: 45 }),
  );
  out.lessonOpen = await measure(300, (i) => call(f.core, 'lessons.get', { lessonId: f.pendingLessons[Math.abs(i) % f.pendingLessons.length]! }));
  return out;
}

async function main() {
  if (!fs.existsSync(projectPaths.templatePath)) throw new Error('Run `npm run build` first: the database template is missing.');
  const started = Date.now();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

  log('PGlite: first starts (new data directory, template, starter content)…');
  const firstStart = await timeStarts(5, () => tmp('teacher-ai-bench-first-'));
  log('PGlite: first start without the template, for comparison…');
  const firstStartNoTemplate = await timeStarts(2, () => tmp('teacher-ai-bench-initdb-'), null);

  log('PGlite: large data directory…');
  const pgliteDir = tmp('teacher-ai-bench-pglite-');
  let pgliteCore = await localCore(pgliteDir);
  await prepareFixture(pgliteCore);
  await pgliteCore.close();
  log('PGlite: warm starts (existing data directory with the large history)…');
  const warmStart = await timeStarts(5, () => pgliteDir);
  pgliteCore = await localCore(pgliteDir);
  const pgliteFixture = await prepareFixtureFromExisting(pgliteCore);
  log('PGlite: operations…');
  const pgliteOps = await measureOperations(pgliteFixture);
  log('PGlite: motivation (dashboard, achievement evaluation)…');
  const pgliteMotivation = await measureMotivation(pgliteCore.db, 'pglite');
  log('PGlite: review (1,000 cards due, a course\'s mastery)…');
  const pgliteReview = await measureReview(pgliteCore.db, 'pglite');
  log('PGlite: chat (first token, offline teacher; own data directory with the starter content)…');
  const pgliteChat = await measureChat({ kind: 'pglite' });
  log('Accounts: bcrypt and sign-in…');
  const hasher = createPasswordHasher();
  const bcryptHash = await measure(10, () => hasher.hash('пароль-ученика-7б'), 1);
  const signIn = await measure(10, async () => {
    await call(pgliteCore, 'accounts.signOut');
    await call(pgliteCore, 'accounts.signIn', { login: BENCH_STUDENT.username, password: BENCH_STUDENT.password });
  }, 1);
  await pgliteCore.close();

  log('PostgreSQL 15: starting a durable cluster…');
  const cluster = await startPostgresCluster({ durable: true });
  let pgOps: Record<string, Timing>;
  let pgMotivation: Record<string, Timing>;
  let pgReview: Record<string, Timing>;
  let pgChat: Record<string, Timing>;
  let sync: SyncResults;
  try {
    const database = await openPostgres({ connectionString: cluster.url, migrationsFolder: projectPaths.migrationsFolder });
    const pgCore = createCoreOnDatabase(database, { appVersion: 'bench', dataDir: tmp('teacher-ai-bench-pg-files-'), logger: quiet });
    const fixture = await prepareFixture(pgCore);
    log('PostgreSQL 15: operations…');
    pgOps = await measureOperations(fixture);
    log('PostgreSQL 15: motivation (dashboard, achievement evaluation)…');
    pgMotivation = await measureMotivation(database.db, 'postgres');
    log('PostgreSQL 15: review (1,000 cards due, a course\'s mastery)…');
    pgReview = await measureReview(database.db, 'postgres');
    await pgCore.close();
    log('PostgreSQL 15: chat (first token, offline teacher; own database with the starter content)…');
    pgChat = await measureChat({ kind: 'postgres', clusterUrl: cluster.url });
    log('Sync: the central server over PostgreSQL 15, devices over HTTP…');
    sync = await measureSync(cluster.url);
  } finally {
    cluster.stop();
  }
  fs.rmSync(pgliteDir, { recursive: true, force: true });

  const both = (key: string) => ({ [PGLITE]: pgliteOps[key]!, [POSTGRES]: pgOps[key]! });
  const rows: Row[] = [
    { operation: 'core warm start (existing data dir, open + migration check)', target: '≤ 1000', results: { [PGLITE]: warmStart, [POSTGRES]: null } },
    { operation: 'core first start (new data dir, template, starter content)', target: '≤ 3000', results: { [PGLITE]: firstStart, [POSTGRES]: null } },
    { operation: '  … the same without the template (initdb + migrations)', target: '—', results: { [PGLITE]: firstStartNoTemplate, [POSTGRES]: null } },
    { operation: '`courses.get` (course with 30 lessons)', target: 'p95 ≤ 5', results: both('coursesGet') },
    { operation: '  … raw SQL of the same read', target: '—', results: both('rawCourse') },
    { operation: 'complete a lesson (flow 3, with outbox)', target: 'p95 ≤ 10', results: both('complete') },
    { operation: 'append a chat message (with outbox)', target: 'p95 ≤ 5', results: both('append') },
    { operation: 'last 50 messages of a 10,000-message session', target: 'p95 ≤ 5', results: both('last50') },
    { operation: '`catalogue.search` (russian full text, 3,000 lessons)', target: 'p95 ≤ 20', results: both('search') },
    { operation: '`lessons.get` (lesson open)', target: 'p95 ≤ 5', results: both('lessonOpen') },
    { operation: '`plans.generate` (30-lesson course, stored, with outbox)', target: 'p95 ≤ 50', results: both('plan') },
    { operation: `bcrypt hash at cost ${BCRYPT_COST} (bcryptjs, async)`, target: 'report', results: { [PGLITE]: bcryptHash, [POSTGRES]: null } },
    { operation: 'sign-in end to end (sign out + `accounts.signIn`)', target: 'report', results: { [PGLITE]: signIn, [POSTGRES]: null } },
  ];
  console.log(`\nTeacher AI benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}`);
  console.log('Data: 100 courses × 30 lessons; a student with 2,000 completed lessons and 10,000 chat messages.\n');
  rows.push(...motivationRows({ [PGLITE]: pgliteMotivation, [POSTGRES]: pgMotivation }));
  rows.push(...reviewRows({ [PGLITE]: pgliteReview, [POSTGRES]: pgReview }));
  rows.push(...chatRows({ [PGLITE]: pgliteChat, [POSTGRES]: pgChat }));
  console.log(renderTable(rows, [PGLITE, POSTGRES]));
  console.log(`\n${syncTable(sync)}`);
  console.log(`\nTotal bench time ${ms((Date.now() - started) / 1000)} s`);
}

/** The PGlite fixture was seeded before the warm-start runs; find its ids again after reopening. */
async function prepareFixtureFromExisting(core: Core): Promise<Fixture> {
  await signInStudent(core);
  const userId = core.session.requireUserId();
  const pending = await executeRows<{ id: string }>(core.db, sql`
    SELECT l.id FROM lessons l WHERE NOT EXISTS (SELECT 1 FROM user_lessons ul WHERE ul.lesson_id = l.id)
    ORDER BY l.course_id, l.lesson_number`);
  const [partial] = await executeRows<{ course_id: string }>(core.db, sql`
      SELECT course_id FROM user_courses WHERE user_id = ${userId} AND completed_lessons > 0 ORDER BY completed_lessons ASC LIMIT 1`);
  const [session] = await executeRows<{ id: string }>(core.db, sql`SELECT id FROM chat_sessions WHERE user_id = ${userId} LIMIT 1`);
  return { core, db: core.db, courseId: partial!.course_id, sessionId: session!.id, pendingLessons: pending.map((r) => r.id) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
