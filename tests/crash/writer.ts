/**
 * The crash test's victim (tests/crash/crash-safety.test.ts starts it and SIGKILLs it at random moments).
 *
 * It opens a data directory exactly as the app does (`openLocalApp` → `createLocalCore`: the data-directory
 * lock, the template copy or initdb, the drizzle migrations, the starter content and achievements, draft
 * recovery, the log file),
 * reports what the test table holds, then commits numbered rows for ever: single-row transactions and
 * three-row groups that must be all-or-nothing. Every line of the journal is written with a synchronous
 * `write(2)` to an append-only file, so a line is on record before the next step starts and a SIGKILL
 * cannot lose it:
 *   {"t":"opened",…}            the app's core is open
 *   {"t":"state",…}             the rows the reopened database holds (ranges of ids) and its checks
 *   {"t":"try","ids":[…]}       a transaction is about to run (the only one that may be in flight)
 *   {"t":"ack","ids":[…]}       its COMMIT returned
 *   {"t":"open-failed",…}       opening threw, or the app fell back to recovery mode: it did not reopen
 * Phase markers go to stdout (`phase opened`, `phase writing`) so the parent can time its kills.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Core } from '../../src/core/create-core';
import { executeRows } from '../../src/core/db/execute-rows';
import { createDataDirLogger, logStarted } from '../../src/core/diagnostics/logger';
import { openLocalApp, type LocalApp } from '../../src/core/local-app';
import { GROUP_SIZE, PROBE_TABLE, toRanges, type JournalEntry, type WriterArgs } from './protocol';

const args = JSON.parse(process.argv[2] ?? '{}') as WriterArgs;
const journal = fs.openSync(args.journal, 'a');
/** One write(2) per line: once it returns the line is the kernel's, and a SIGKILL cannot take it back. */
const record = (entry: JournalEntry) => fs.writeSync(journal, `${JSON.stringify(entry)}\n`);
const phase = (name: string) => {
  try {
    fs.writeSync(1, `phase ${name}\n`);
  } catch {
    // Only a timing hint for the parent.
  }
};
const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error));

async function reportState(core: Core): Promise<void> {
  const db = core.db;
  await db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS ${PROBE_TABLE} (
    id bigint PRIMARY KEY,
    grp bigint,
    member smallint,
    payload text NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
  )`));
  const rows = await executeRows<{ id: string }>(db, sql.raw(`SELECT id::text AS id FROM ${PROBE_TABLE} ORDER BY id`));
  const torn = await executeRows<{ grp: string; n: number }>(
    db,
    sql.raw(`SELECT grp::text AS grp, count(*)::int AS n FROM ${PROBE_TABLE} WHERE grp IS NOT NULL GROUP BY grp HAVING count(*) <> ${GROUP_SIZE}`),
  );
  // The primary-key index and the heap must agree (a torn page or a lost index entry shows here).
  const count = (settings: string[]) =>
    db.transaction(async (tx) => {
      for (const setting of settings) await tx.execute(sql.raw(`SET LOCAL ${setting}`));
      const result = (await tx.execute(sql.raw(`SELECT count(*)::int AS n FROM ${PROBE_TABLE} WHERE id >= 0`))) as unknown as { rows: { n: number }[] };
      return result.rows[0]?.n ?? -1;
    });
  const viaIndex = await count(['enable_seqscan = off', 'enable_bitmapscan = off']);
  const viaHeap = await count(['enable_indexscan = off', 'enable_indexonlyscan = off', 'enable_bitmapscan = off']);
  const [migrations] = await executeRows<{ n: number }>(db, sql.raw('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations'));
  const [courses] = await executeRows<{ n: number }>(db, sql.raw('SELECT count(*)::int AS n FROM courses'));
  record({
    t: 'state',
    ranges: toRanges(rows.map((r) => Number(r.id))),
    torn: torn.map((r) => ({ grp: Number(r.grp), n: r.n })),
    viaIndex,
    viaHeap,
    migrations: migrations?.n ?? -1,
    courses: courses?.n ?? -1,
  });
}

async function writeForever(core: Core, firstId: number): Promise<never> {
  let id = firstId;
  let transactions = 0;
  phase('writing');
  for (;;) {
    const size = Math.random() < 0.4 ? GROUP_SIZE : 1;
    const ids = Array.from({ length: size }, (_, i) => id + i);
    id += size;
    const grp = size > 1 ? ids[0]! : null;
    // Payloads of different sizes: some rows share pages, some fill them, so WAL records vary.
    const payload = 'x'.repeat(Math.floor(Math.random() ** 3 * 3000));
    record({ t: 'try', ids });
    await core.db.transaction(async (tx) => {
      for (const [member, rowId] of ids.entries()) {
        await tx.execute(sql`INSERT INTO ${sql.identifier(PROBE_TABLE)} (id, grp, member, payload) VALUES (${rowId}, ${grp}, ${member}, ${payload})`);
      }
    });
    record({ t: 'ack', ids });
    // Now and then a checkpoint, so kills also land while data pages are being written back.
    if (++transactions % 150 === 0) await core.db.execute(sql.raw('CHECKPOINT'));
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  // As the desktop app and browser mode start (src/main/index.ts, src/web/start-browser-mode.ts).
  const logger = createDataDirLogger(args.dataDir);
  let local: LocalApp;
  try {
    local = await openLocalApp({
      dataDir: args.dataDir,
      appVersion: '0.0.0-crash-test',
      migrationsFolder: args.migrationsFolder,
      contentDir: args.contentDir,
      achievementsFile: args.achievementsFile,
      templatePath: args.templatePath,
      logger,
    });
  } catch (error) {
    record({ t: 'open-failed', error: describe(error) });
    process.exit(3);
  }
  const core = local.core;
  if (!core) {
    // The app would show its recovery screen: the database did not open.
    record({ t: 'open-failed', error: `recovery mode: ${JSON.stringify(local.recoveryStatus())}` });
    process.exit(3);
  }
  const openMs = Math.round(performance.now() - started);
  logStarted(logger, { mode: 'browser', appVersion: '0.0.0-crash-test', openMs, recovery: false });
  record({ t: 'opened', ms: openMs });
  phase('opened');
  await reportState(core);
  if (args.mode === 'verify') {
    await local.close();
    record({ t: 'closed' });
    process.exit(0);
  }
  await writeForever(core, args.firstId);
}

main().catch((error: unknown) => {
  record({ t: 'error', error: describe(error) });
  process.exit(4);
});
