/**
 * Sync benchmarks (issue 7): the central server over a durable PostgreSQL 15, driven over HTTP as
 * devices drive it.
 * - push of 10,000 mutations from one device (batches of 500, outbox read and cleaned as the app does);
 * - pull of a student's full history (≥ 50,000 rows) onto a fresh device (PGlite on disk), applied in
 *   one transaction;
 * - 200 devices (200 students) each pushing 50 mutations at once: throughput and p95 per push;
 * - side by side, the raw PostgreSQL insert rate of the same rows (one INSERT per row, 500 per
 *   transaction, no tracking, no services) — the ratio says how close sync comes to the database.
 * `npx tsx bench/sync.ts` runs just this part; bench/run.ts includes it.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { executeRows } from '../src/core/db/execute-rows';
import { openPglite } from '../src/core/db/open-pglite';
import type { Db } from '../src/core/db/types';
import { installPackDirectory } from '../src/core/content/load-packs';
import { installAchievements, loadAchievementCatalogue } from '../src/core/motivation/achievement-catalogue';
import { appendToOutbox } from '../src/core/outbox/outbox';
import { applyPull } from '../src/core/sync/apply-pull';
import { schemaVersionOf } from '../src/core/db/schema-version';
import { startServer } from '../src/server/server';
import { createLogger } from '../src/server/logger';
import { INITIAL_CURSOR, type MutationEnvelope, type PullResponse, type PushResponse, type RowChange, type TokensResponse } from '../src/shared/sync';
import { projectPaths } from '../src/web/project-paths';
import { schoolConfigSchema } from '../src/shared/school-config';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { ms, summarise, type Timing } from './stats';
import { connectClient, createPool } from '../src/core/db/pg-connections';

const log = (line: string) => process.stderr.write(`${line}\n`);
const SECRET = 'bench-token-secret-that-is-long-enough-0123456789';
const PUSH_MUTATIONS = 10_000;
const PULL_ROWS = 50_000;
const DEVICES = 200;
const PER_DEVICE = 50;
const BATCH = 500;
const TIME_ZONE = 'Europe/Moscow';

export interface SyncResults {
  push: { mutations: number; seconds: number; rows: number; batch: Timing };
  pull: { rows: number; pages: number; seconds: number; fetchSeconds: number; applySeconds: number };
  fleet: { devices: number; mutations: number; seconds: number; latency: Timing; rows: number; busyRetries: number };
  raw: { rows: number; seconds: number };
}

/** How many requests the server turned away as busy (503) and the bench sent again. */
let retried503 = 0;

async function json<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let response: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(url, { ...init, headers });
    } catch (error) {
      // A kept-alive socket the server closed just as it was reused: the request never arrived.
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      response = await fetch(url, { ...init, headers });
    }
    // Overloaded (every pooled connection busy): come back as told, as the app's sync client does.
    if (response.status !== 503 || attempt >= 20) break;
    await response.arrayBuffer();
    retried503++;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

interface Catalogue {
  lessons: { id: string; exerciseId: string | null; type: string | null }[];
}

async function readCatalogue(db: Db): Promise<Catalogue> {
  const rows = await executeRows<{ id: string; exercise: { id: string; type: string } | null }>(
    db,
    sql`SELECT id, practice_exercises -> 0 AS exercise FROM lessons ORDER BY course_id, lesson_number`,
  );
  return { lessons: rows.map((r) => ({ id: r.id, exerciseId: r.exercise?.id ?? null, type: r.exercise?.type ?? null })) };
}

/** A day of a student's work as named mutations: questions, study minutes, answers, lessons opened. */
function mutationFor(i: number, catalogue: Catalogue, sessionId: string, base: number): { name: string; args: Record<string, unknown> } {
  const lesson = catalogue.lessons[i % catalogue.lessons.length]!;
  const at = new Date(base + i * 60_000).toISOString();
  switch (i % 4) {
    case 0:
      return { name: 'chat.appendMessage', args: { messageId: crypto.randomUUID(), sessionId, role: 'user', content: `Вопрос номер ${i}: как решать такие задачи?`, at, timeZone: TIME_ZONE } };
    case 1:
      return { name: 'study.time', args: { entryId: crypto.randomUUID(), lessonId: lesson.id, minutes: 1 + (i % 5), at, timeZone: TIME_ZONE } };
    case 2:
      if (lesson.exerciseId && lesson.type) {
        const answer = lesson.type === 'single_choice' ? { type: 'single_choice', choice: i % 3 } : lesson.type === 'multiple_choice' ? { type: 'multiple_choice', choices: [i % 3] } : { type: lesson.type, text: String(i % 10) };
        return { name: 'exercise.answer', args: { answerId: crypto.randomUUID(), lessonId: lesson.id, exerciseId: lesson.exerciseId, answer, at, timeZone: TIME_ZONE } };
      }
      return { name: 'lesson.start', args: { lessonId: lesson.id, at, timeZone: TIME_ZONE } };
    default:
      return { name: 'lesson.start', args: { lessonId: lesson.id, at, timeZone: TIME_ZONE } };
  }
}

const startSession = (sessionId: string, at: string) => ({
  name: 'chat.startSession',
  args: { sessionId, sessionType: 'interactive', courseId: null, lessonId: null, contextData: {}, at },
});

async function openDevice(dir: string): Promise<{ db: Db; close(): Promise<void> }> {
  const device = await openPglite({ dataDir: path.join(dir, 'db'), migrationsFolder: projectPaths.migrationsFolder, templatePath: projectPaths.templatePath });
  await installPackDirectory(device.db, projectPaths.contentDir, { publisher: 'starter', now: () => new Date() });
  await installAchievements(device.db, loadAchievementCatalogue(projectPaths.achievementsFile));
  return device;
}

async function createLocalStudent(db: Db, userId: string, name: string) {
  await db.execute(sql`INSERT INTO users (id, email, username, full_name, password_hash) VALUES (${userId}, ${`${name}@bench.test`}, ${name}, ${name}, 'x')`);
  await db.execute(sql`INSERT INTO user_preferences (user_id) VALUES (${userId})`);
}

export async function measureSync(clusterUrl: string): Promise<SyncResults> {
  const admin = await connectClient({ connectionString: clusterUrl });
  await admin.query('DROP DATABASE IF EXISTS bench_sync WITH (FORCE)');
  await admin.query('DROP DATABASE IF EXISTS bench_raw WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_sync');
  await admin.query('CREATE DATABASE bench_raw');
  await admin.end();
  const urlOf = (name: string) => Object.assign(new URL(clusterUrl), { pathname: `/${name}` }).toString();
  const server = await startServer({
    env: { DATABASE_URL: urlOf('bench_sync'), TOKEN_SECRET: SECRET, PORT: '0', BCRYPT_COST: '4' },
    log: createLogger(fs.createWriteStream('/dev/null')),
    host: '127.0.0.1',
    version: 'bench',
  });
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-bench-sync-'));
    dirs.push(dir);
    return dir;
  };
  const schemaVersion = schemaVersionOf(projectPaths.migrationsFolder);
  const serverDb = createPool({ connectionString: urlOf('bench_sync'), max: 2 });
  try {
    // ── push: 10,000 mutations from one device ────────────────────────────────────────────────
    log('sync: preparing a device with 10,000 mutations in its outbox…');
    const device = await openDevice(tmp());
    const catalogue = await readCatalogue(device.db);
    const userId = crypto.randomUUID();
    const deviceId = crypto.randomUUID();
    await createLocalStudent(device.db, userId, 'benchpush');
    const sessionId = crypto.randomUUID();
    const base = Date.parse('2026-09-01T06:00:00Z');
    await device.db.transaction(async (tx) => {
      const first = startSession(sessionId, new Date(base).toISOString());
      await appendToOutbox(tx, userId, first.name, first.args);
      for (let i = 1; i < PUSH_MUTATIONS; i++) {
        const m = mutationFor(i, catalogue, sessionId, base);
        await appendToOutbox(tx, userId, m.name, m.args);
      }
    });
    const tokens = await json<TokensResponse>(`${server.url}/auth/register`, {
      method: 'POST',
      body: JSON.stringify({ userId, email: 'benchpush@bench.test', username: 'benchpush', fullName: 'Bench', password: 'bench-password-1', device: { id: deviceId, name: 'bench' } }),
    });
    log('sync: pushing…');
    const batchTimes: number[] = [];
    const pushStarted = performance.now();
    for (;;) {
      const rows = await executeRows<{ id: string | number; name: string; args: Record<string, unknown> }>(
        device.db,
        sql`SELECT mutation_id AS id, name, args FROM outbox WHERE user_id = ${userId} ORDER BY mutation_id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) break;
      const started = performance.now();
      const answer = await json<PushResponse>(`${server.url}/sync/push`, {
        method: 'POST',
        token: tokens.accessToken,
        body: JSON.stringify({ deviceId, schemaVersion, mutations: rows.map((r) => ({ id: Number(r.id), name: r.name, args: r.args })) }),
      });
      batchTimes.push(performance.now() - started);
      if (answer.rejected.length) throw new Error(`rejected: ${JSON.stringify(answer.rejected.slice(0, 3))}`);
      await device.db.execute(sql`DELETE FROM outbox WHERE user_id = ${userId} AND mutation_id <= ${answer.lastMutationId}`);
    }
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    log(`sync: pushed ${PUSH_MUTATIONS} mutations in ${pushSeconds.toFixed(1)} s`);
    const [{ n: pushRows }] = (await serverDb.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_changes WHERE scope_id = $1', [userId])).rows as [{ n: number }];
    await device.close();

    // ── raw: the same rows straight into PostgreSQL ───────────────────────────────────────────
    log('sync: raw insert of the same rows…');
    const raw = await measureRawInsert(serverDb, urlOf('bench_raw'), userId);

    // ── pull: the student's full history onto a fresh device ──────────────────────────────────
    log('sync: growing the history to 50,000 rows on the server…');
    await growHistory(serverDb, userId, sessionId, PULL_ROWS);
    const [{ n: historyRows }] = (await serverDb.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_changes WHERE scope_id = $1', [userId])).rows as [{ n: number }];
    const fresh = await openDevice(tmp());
    await createLocalStudent(fresh.db, userId, 'benchpush');
    await fresh.db.execute(sql`INSERT INTO sync_accounts (user_id, server_url, device_id) VALUES (${userId}, ${server.url}, ${deviceId})`);
    log('sync: pulling…');
    const pullStarted = performance.now();
    let cursor = INITIAL_CURSOR;
    const changes: RowChange[] = [];
    let pages = 0;
    let lastMutationId = 0;
    for (;;) {
      const page = await json<PullResponse>(`${server.url}/sync/pull?cursor=${cursor}`, { token: tokens.accessToken });
      pages++;
      changes.push(...page.changes);
      cursor = page.cursor;
      lastMutationId = page.lastMutationId;
      if (!page.more) break;
    }
    const fetched = performance.now();
    // The bench server is the computer's trusted server (a school configuration names it).
    const school = { config: schoolConfigSchema.parse({ version: 1, syncServerUrl: server.url }) };
    await applyPull(fresh.db, userId, { changes, cursor, lastMutationId, syncedAt: new Date(), serverUrl: server.url }, school);
    const pullDone = performance.now();
    await fresh.close();

    // ── fleet: 200 devices × 50 mutations at once ─────────────────────────────────────────────
    log('sync: registering 200 students…');
    const fleet: { userId: string; deviceId: string; token: string; mutations: MutationEnvelope[] }[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const user = crypto.randomUUID();
      const dev = crypto.randomUUID();
      const t = await json<TokensResponse>(`${server.url}/auth/register`, {
        method: 'POST',
        body: JSON.stringify({ userId: user, email: `fleet${d}@bench.test`, username: `fleet${d}`, fullName: `Fleet ${d}`, password: 'bench-password-1', device: { id: dev, name: 'bench' } }),
      });
      const session = crypto.randomUUID();
      const mutations: MutationEnvelope[] = [{ id: 1, ...startSession(session, new Date(base).toISOString()) }];
      for (let i = 1; i < PER_DEVICE; i++) mutations.push({ id: i + 1, ...mutationFor(i + d, catalogue, session, base) });
      fleet.push({ userId: user, deviceId: dev, token: t.accessToken, mutations });
    }
    log('sync: 200 devices pushing at once…');
    const latencies: number[] = [];
    retried503 = 0;
    const fleetStarted = performance.now();
    await Promise.all(
      fleet.map(async (f) => {
        const started = performance.now();
        await json<PushResponse>(`${server.url}/sync/push`, {
          method: 'POST',
          token: f.token,
          body: JSON.stringify({ deviceId: f.deviceId, schemaVersion, mutations: f.mutations }),
        });
        latencies.push(performance.now() - started);
      }),
    );
    const fleetSeconds = (performance.now() - fleetStarted) / 1000;
    const [{ n: fleetRows }] = (
      await serverDb.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_changes WHERE scope_id = ANY($1::uuid[])', [fleet.map((f) => f.userId)])
    ).rows as [{ n: number }];

    return {
      push: { mutations: PUSH_MUTATIONS, seconds: pushSeconds, rows: pushRows, batch: summarise(batchTimes) },
      pull: { rows: historyRows, pages, seconds: (pullDone - pullStarted) / 1000, fetchSeconds: (fetched - pullStarted) / 1000, applySeconds: (pullDone - fetched) / 1000 },
      fleet: { devices: DEVICES, mutations: DEVICES * PER_DEVICE, seconds: fleetSeconds, latency: summarise(latencies), rows: fleetRows, busyRetries: retried503 },
      raw,
    };
  } finally {
    await serverDb.end();
    await server.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Extra history for the pull: more questions in the student's conversation, 1,000 per server transaction. */
async function growHistory(pool: pg.Pool, userId: string, sessionId: string, target: number) {
  const client = await pool.connect();
  try {
    await client.query(`SET teacher.track_changes = on`);
    for (;;) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_changes WHERE scope_id = $1', [userId]);
      const missing = target - rows[0]!.n;
      if (missing <= 0) break;
      await client.query(
        `INSERT INTO chat_messages (session_id, role, content, created_at)
         SELECT $1, 'user', 'Ещё один вопрос ученика № ' || g, now() - g * interval '1 minute'
         FROM generate_series(1, $2::int) g`,
        [sessionId, Math.min(1000, missing)],
      );
    }
  } finally {
    client.release();
  }
}

/**
 * The rows the push made (every synced table of that student), inserted into an empty copy of the
 * schema the plainest way an application would: one INSERT per row, 500 rows per transaction.
 */
async function measureRawInsert(source: pg.Pool, targetUrl: string, userId: string): Promise<SyncResults['raw']> {
  const { openPostgres } = await import('../src/core/db/open-postgres');
  const target = await openPostgres({ connectionString: targetUrl, migrationsFolder: projectPaths.migrationsFolder });
  await target.pool.end();
  const pool = createPool({ connectionString: targetUrl, max: 1 });
  try {
    const tables = ['users', 'user_preferences', 'chat_sessions', 'chat_messages', 'user_courses', 'user_lessons', 'user_achievements', 'user_activity_log'];
    const rows: { table: string; row: Record<string, unknown> }[] = [];
    for (const table of tables) {
      const owner = table === 'users' ? 'id = $1' : table === 'chat_messages' ? 'session_id IN (SELECT id FROM chat_sessions WHERE user_id = $1)' : 'user_id = $1';
      const { rows: found } = await source.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t.*) AS row FROM ${table} t WHERE ${owner}`, [userId]);
      rows.push(...found.map((f) => ({ table, row: f.row })));
    }
    // The catalogue the rows point at, untimed.
    const client = await pool.connect();
    try {
      for (const table of ['courses', 'lessons', 'achievements']) {
        const { rows: catalogue } = await source.query<{ rows: unknown }>(`SELECT jsonb_agg(t.*) AS rows FROM ${table} t`);
        const { rows: columns } = await source.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`,
          [table],
        );
        const list = columns.map((c) => `"${c.column_name}"`).join(', ');
        await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1) ON CONFLICT DO NOTHING`, [JSON.stringify(catalogue[0]!.rows)]);
      }
      const prepared = rows.map(({ table, row }) => {
        const columns = Object.keys(row).filter((c) => !(table === 'lessons' && c === 'search_vector'));
        return { text: `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM jsonb_populate_record(NULL::${table}, $1)`, values: [JSON.stringify(row)] };
      });
      const started = performance.now();
      for (let i = 0; i < prepared.length; i += BATCH) {
        await client.query('BEGIN');
        for (const statement of prepared.slice(i, i + BATCH)) await client.query(statement.text, statement.values);
        await client.query('COMMIT');
      }
      return { rows: prepared.length, seconds: (performance.now() - started) / 1000 };
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

export function syncTable(r: SyncResults): string {
  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')}/s`;
  const syncRowRate = r.push.rows / r.push.seconds;
  const rawRowRate = r.raw.rows / r.raw.seconds;
  return [
    '| sync operation | result |',
    '|---|---|',
    `| push ${r.push.mutations.toLocaleString('en-US')} mutations from one device (batches of ${BATCH}) | ${r.push.seconds.toFixed(1)} s — ${rate(r.push.mutations, r.push.seconds)} mutations, ${rate(r.push.rows, r.push.seconds)} rows; batch p50 / p95 ${ms(r.push.batch.p50)} / ${ms(r.push.batch.p95)} ms |`,
    `| raw PostgreSQL insert of the same ${r.raw.rows.toLocaleString('en-US')} rows (1 INSERT per row, ${BATCH} per transaction) | ${r.raw.seconds.toFixed(1)} s — ${rate(r.raw.rows, r.raw.seconds)} rows |`,
    `| **ratio sync / raw (rows per second)** | **${(syncRowRate / rawRowRate).toFixed(2)}** (aim ≥ 0.3) |`,
    `| pull a full history of ${r.pull.rows.toLocaleString('en-US')} rows onto a fresh device (PGlite) | ${r.pull.seconds.toFixed(1)} s (${r.pull.pages} pages fetched in ${r.pull.fetchSeconds.toFixed(1)} s, applied in one transaction in ${r.pull.applySeconds.toFixed(1)} s) — ${rate(r.pull.rows, r.pull.seconds)} rows |`,
    `| ${r.fleet.devices} devices × ${r.fleet.mutations / r.fleet.devices} mutations pushed at once | ${r.fleet.seconds.toFixed(1)} s — ${rate(r.fleet.mutations, r.fleet.seconds)} mutations, ${rate(r.fleet.rows, r.fleet.seconds)} rows; push p50 / p95 ${ms(r.fleet.latency.p50)} / ${ms(r.fleet.latency.p95)} ms (incl. ${r.fleet.busyRetries} retries after 503 «busy») |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const results = await measureSync(cluster.url);
    console.log(`\nSync benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
    console.log(syncTable(results));
  } finally {
    cluster.stop();
  }
}
