/**
 * Motivation benchmarks: the progress dashboard over two years of daily activity, and the achievement
 * evaluation that follows every activity-changing mutation.
 *
 * `measureMotivation` runs on a database that already holds the bench catalogue (bench/run.ts calls it
 * on both databases after its own operations); `npx tsx bench/motivation.ts` runs just this part.
 */
import { sql, TransactionRollbackError } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAccount } from '../src/core/accounts/accounts-service';
import { createPasswordHasher } from '../src/core/accounts/password-hasher';
import { createCoreOnDatabase, createLocalCore, type Core } from '../src/core/create-core';
import { executeRows } from '../src/core/db/execute-rows';
import { openPostgres } from '../src/core/db/open-postgres';
import type { Db, OpenedDatabase } from '../src/core/db/types';
import { installAchievements, loadAchievementCatalogue } from '../src/core/motivation/achievement-catalogue';
import { recordActivity } from '../src/core/motivation/activity';
import { mutationContext } from '../src/core/mutations/mutation-context';
import { localDay } from '../src/core/motivation/local-day';
import { POINTS } from '../src/core/motivation/points-rules';
import { refreshMotivation } from '../src/core/motivation/refresh-motivation';
import { projectPaths } from '../src/web/project-paths';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { seedCatalogue } from './seed-large';
import { measure, ms, renderTable, summarise, type Row, type Timing } from './stats';

export const HISTORY_DAYS = 730;
export const HISTORY_ROWS = 50_000;
const TIME_ZONE = 'Europe/Moscow';
const REFRESH_RUNS = 300;
const COMPLETE_RUNS = 200;

const quiet = { error: () => {} };
const log = (line: string) => process.stderr.write(`${line}\n`);

async function call(core: Core, method: string, input?: unknown): Promise<unknown> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Two years of a diligent student's days, ending today: ~68 log rows a day (study time, answers, chat
 * questions, lessons opened and completed, homework, sign-ins), the per-day totals summed from them as
 * the app keeps them, and the points on the account.
 */
async function seedActivityHistory(db: Db, userId: string, today: string): Promise<void> {
  const day = sql`(${today}::date - (g % ${HISTORY_DAYS}))`;
  await db.execute(sql`
    INSERT INTO user_activity_log (user_id, activity_type, activity_data, created_at)
    SELECT ${userId}, kind.type,
      jsonb_strip_nulls(jsonb_build_object(
        'day', ${day}::text,
        'minutes', CASE WHEN kind.type = 'study_time' THEN 1 + g % 15 END,
        'correct', CASE WHEN kind.type = 'exercise_answered' THEN g % 2 = 0 END,
        'award', CASE WHEN kind.points > 0 AND (kind.type <> 'exercise_answered' OR g % 2 = 0) THEN 'bench:' || g END,
        'points', CASE WHEN kind.points > 0 AND (kind.type <> 'exercise_answered' OR g % 2 = 0) THEN kind.points END)),
      ${day}::timestamp AT TIME ZONE 'UTC' + interval '6 hours' + interval '1 second' * (g / ${HISTORY_DAYS})
    FROM generate_series(0, ${HISTORY_ROWS - 1}) AS g
    CROSS JOIN LATERAL (SELECT CASE
      WHEN g % 20 < 8 THEN 'study_time'
      WHEN g % 20 < 12 THEN 'exercise_answered'
      WHEN g % 20 < 14 THEN 'chat_question'
      WHEN g % 20 < 16 THEN 'lesson_started'
      WHEN g % 20 = 16 THEN 'lesson_completed'
      WHEN g % 20 = 17 THEN 'homework_submitted'
      ELSE 'sign_in' END AS type) AS t
    CROSS JOIN LATERAL (SELECT t.type, CASE t.type
      WHEN 'exercise_answered' THEN ${POINTS.exerciseCorrect}
      WHEN 'lesson_completed' THEN ${POINTS.lessonCompleted}
      WHEN 'homework_submitted' THEN ${POINTS.homeworkSubmitted}
      ELSE 0 END AS points) AS kind`);
  await db.execute(sql`
    INSERT INTO user_study_days (user_id, day, study_minutes, lessons_completed, points)
    SELECT user_id, (activity_data ->> 'day')::date,
      coalesce(sum((activity_data ->> 'minutes')::int), 0),
      count(*) FILTER (WHERE activity_type = 'lesson_completed'),
      coalesce(sum((activity_data ->> 'points')::int), 0)
    FROM user_activity_log WHERE user_id = ${userId} AND activity_data ? 'day'
    GROUP BY 1, 2`);
  await db.execute(sql`
    UPDATE users SET total_points = (SELECT coalesce(sum(points), 0) FROM user_study_days WHERE user_id = ${userId})
    WHERE id = ${userId}`);
  await db.execute(sql`ANALYZE`);
}

/**
 * On a database that holds the bench catalogue: a new student with two years of history, then the
 * dashboard (as the app calls it), achievement evaluation alone, and a whole lesson completion.
 */
export async function measureMotivation(db: Db, kind: OpenedDatabase['kind']): Promise<Record<string, Timing>> {
  await installAchievements(db, loadAchievementCatalogue(projectPaths.achievementsFile));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-bench-motivation-'));
  // A core of its own over the same database, so the caller's signed-in student is left alone.
  const core = createCoreOnDatabase({ db, kind, close: async () => {} }, { appVersion: 'bench', dataDir, logger: quiet, timeZone: () => TIME_ZONE });
  try {
    const suffix = crypto.randomUUID().slice(0, 8);
    const user = await createAccount(db, createPasswordHasher(4), {
      email: `motivation-${suffix}@school.test`,
      username: `motivation-${suffix}`,
      fullName: 'Ученик с историей',
      password: 'bench-password',
      role: 'student',
    });
    core.session.signIn(user);
    const userId = user.id;
    const today = localDay(new Date(), TIME_ZONE);
    log(`  seeding ${HISTORY_ROWS.toLocaleString('en')} activity rows over ${HISTORY_DAYS} days…`);
    await seedActivityHistory(db, userId, today);

    const lessons = (
      await executeRows<{ id: string; course_id: string }>(db, sql`
        SELECT l.id, l.course_id FROM lessons l JOIN courses c ON c.id = l.course_id ORDER BY c.title, l.lesson_number`)
    ).map((r) => ({ lessonId: r.id, courseId: r.course_id }));
    if (lessons.length < COMPLETE_RUNS + 20) throw new Error(`the bench catalogue has only ${lessons.length} lessons`);
    // Completing lessons from the end of the catalogue: courses the student is still in the middle of.
    const fresh = lessons.slice(-(COMPLETE_RUNS + 20));
    // One real mutation brings levels and achievements up to the history: the steady state measured below.
    await call(core, 'lessons.start', { lessonId: fresh[0]!.lessonId });

    const out: Record<string, Timing> = {};
    out.dashboard = await measure(300, () => call(core, 'motivation.dashboard'));
    out.summary = await measure(300, () => call(core, 'motivation.summary'));
    out.achievements = await measure(300, () => call(core, 'achievements.list'));

    // Achievement evaluation alone: a lesson completion's log row, then the refresh, timed, rolled back.
    const target = fresh[1]!;
    const samples: number[] = [];
    for (let i = -10; i < REFRESH_RUNS; i++) {
      const at = new Date().toISOString();
      await db
        .transaction(async (tx) => {
          const change = mutationContext(tx, userId);
          await recordActivity(change, {
            id: crypto.randomUUID(),
            type: 'lesson_completed',
            at,
            timeZone: TIME_ZONE,
            courseId: target.courseId,
            lessonId: target.lessonId,
            data: { score: 90 },
            award: { key: `lesson:${target.lessonId}`, points: POINTS.lessonCompleted },
            lessonCompleted: true,
          });
          const started = performance.now();
          const outcome = await refreshMotivation(change, at, TIME_ZONE);
          if (i >= 0) samples.push(performance.now() - started);
          if (!outcome) throw new Error('refreshMotivation did not run');
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
    }
    out.refresh = summarise(samples);

    let next = 2;
    out.complete = await measure(COMPLETE_RUNS, () =>
      call(core, 'progress.completeLesson', { lessonId: fresh[next++]!.lessonId, score: 90, timeSpentMinutes: 20 }),
    );
    return out;
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The table rows, one column per database. */
export function motivationRows(results: Record<string, Record<string, Timing> | null>): Row[] {
  const pick = (key: string) => Object.fromEntries(Object.entries(results).map(([column, r]) => [column, r?.[key] ?? null]));
  const history = `${HISTORY_ROWS.toLocaleString('en')} log rows, ${HISTORY_DAYS} study days`;
  return [
    { operation: `\`motivation.dashboard\` (${history})`, target: 'p95 ≤ 30', results: pick('dashboard') },
    { operation: '  … `motivation.summary` (points, level, streak)', target: '—', results: pick('summary') },
    { operation: '  … `achievements.list` (catalogue with progress)', target: '—', results: pick('achievements') },
    { operation: 'achievement evaluation after a lesson completion (`refreshMotivation`)', target: 'p95 ≤ 5', results: pick('refresh') },
    { operation: '  … the whole `progress.completeLesson` for that student', target: 'report', results: pick('complete') },
  ];
}

/** Just this part: the bench catalogue on PGlite (on disk, as the app runs it) and on a durable PostgreSQL 15. */
async function main() {
  const started = Date.now();
  const PGLITE = 'PGlite';
  const POSTGRES = 'PostgreSQL 15';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-bench-motivation-pglite-'));
  const results: Record<string, Record<string, Timing> | null> = {};
  try {
    log('PGlite: seeding the bench catalogue (100 courses × 30 lessons)…');
    const local = await createLocalCore({
      dataDir: dir,
      appVersion: 'bench',
      migrationsFolder: projectPaths.migrationsFolder,
      contentDir: null,
      templatePath: fs.existsSync(projectPaths.templatePath) ? projectPaths.templatePath : null,
      logger: quiet,
    });
    await seedCatalogue(local.db);
    log('PGlite: motivation…');
    results[PGLITE] = await measureMotivation(local.db, 'pglite');
    await local.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  log('PostgreSQL 15: starting a durable cluster…');
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const database = await openPostgres({ connectionString: cluster.url, migrationsFolder: projectPaths.migrationsFolder });
    await seedCatalogue(database.db);
    log('PostgreSQL 15: motivation…');
    results[POSTGRES] = await measureMotivation(database.db, 'postgres');
    await database.close();
  } finally {
    cluster.stop();
  }
  console.log(`\nMotivation benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}\n`);
  console.log(renderTable(motivationRows(results), [PGLITE, POSTGRES]));
  console.log(`\nTotal bench time ${ms((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
