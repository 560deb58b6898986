/**
 * Crash safety of the app's data directory (issue 8): `npm run test:crash`.
 *
 * A child process (writer.ts, bundled once so a start costs node + PGlite, not a TypeScript compile) opens
 * the data directory exactly as the app does and commits numbered rows; this test SIGKILLs it at random
 * moments — during the first start (template unpack, or initdb and every migration), during a reopen (crash
 * recovery), and between and inside transactions — and the next child's open is the check:
 *   - the data directory reopens (openLocalApp opens the core, not recovery mode; every migration is there);
 *   - no acknowledged row is missing;
 *   - no row appears that was never acknowledged, except the one transaction in flight at the kill;
 *   - a three-row transaction is all there or not at all;
 *   - the primary-key index and the heap count the same rows.
 * Several lanes (own data directories) run side by side; each lane reuses a data directory for an epoch of
 * kills, then verifies it with a clean open and close and starts again from an empty directory: two in three
 * from the build's template, one in three without it (initdb and every migration).
 *
 * CRASH_KILLS (default 200), CRASH_LANES (default 2) and CRASH_KILLS_PER_EPOCH (default 25) tune it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// esbuild is vite's own bundler (a dependency of the vite devDependency).
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packTemplate, TEMPLATE_FILE_NAME } from '../../src/core/db/db-template';
import { openPglite } from '../../src/core/db/open-pglite';
import { PROJECT_ROOT, projectPaths } from '../../src/web/project-paths';
import { fromRanges, type JournalEntry, type StateEntry, type WriterArgs } from './protocol';

const TARGET_KILLS = Number(process.env.CRASH_KILLS ?? 200);
const LANES = Number(process.env.CRASH_LANES ?? 2);
const KILLS_PER_EPOCH = Number(process.env.CRASH_KILLS_PER_EPOCH ?? 25);
/**
 * V8 flags of the writers. Liftoff only (no TurboFan tier-up of PGlite's WASM) saves ~30 % of the CPU a start
 * costs, and the 2 cores are the budget; it changes how fast the code runs, never what it writes.
 * CRASH_NODE_FLAGS='' runs them exactly as node does by default.
 */
const WRITER_NODE_FLAGS = (process.env.CRASH_NODE_FLAGS ?? '--liftoff-only').split(' ').filter(Boolean);
/** A child that neither opens nor fails within this long counts as a failed reopen. */
const HANG_MS = 90_000;
/** After this many failed reopens the run stops: the finding is made, the details are in the output. */
const MAX_FAILURES = 5;

const EXPECTED_MIGRATIONS = (
  JSON.parse(fs.readFileSync(path.join(projectPaths.migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;

type Phase = 'first-time setup' | 'reopen' | 'verify' | 'writes';

interface Totals {
  kills: number;
  killsBy: Record<Phase, number>;
  reopens: number;
  reopenFailures: number;
  acknowledgedTransactions: number;
  acknowledgedRows: number;
  lostRows: number;
  phantomRows: number;
  inFlightCommitted: number;
  inFlightAbsent: number;
  tornGroups: number;
  indexMismatches: number;
  incompleteSetups: number;
  leftoverPartialDirs: number;
  epochs: number;
  problems: string[];
  /** Spawn to open, ms: first starts from the template, first starts with initdb, reopens. */
  openMs: { template: number[]; initdb: number[]; reopen: number[] };
}

const totals: Totals = {
  kills: 0,
  killsBy: { 'first-time setup': 0, reopen: 0, verify: 0, writes: 0 },
  reopens: 0,
  reopenFailures: 0,
  acknowledgedTransactions: 0,
  acknowledgedRows: 0,
  lostRows: 0,
  phantomRows: 0,
  inFlightCommitted: 0,
  inFlightAbsent: 0,
  tornGroups: 0,
  indexMismatches: 0,
  incompleteSetups: 0,
  leftoverPartialDirs: 0,
  epochs: 0,
  problems: [],
  openMs: { template: [], initdb: [], reopen: [] },
};

let workDir = '';
let runStarted = 0;
/** Set when the run must end (the test timed out): lanes stop, a running writer is killed. */
let stopping = false;
let lanes: Promise<unknown> = Promise.resolve();
let writerBundle = '';
let templateFile = '';

/**
 * CPU seconds used by this process's finished children (Linux: cutime + cstime of /proc/self/stat): what the
 * writers cost, whatever else the machine was running meanwhile. null elsewhere.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), counted from 1 with pid and comm before the ')'.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const random = (min: number, max: number) => min + Math.random() * (max - min);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);
const problem = (text: string) => {
  if (totals.problems.length < 50) totals.problems.push(text);
};

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-crash-'));
  // Inside node_modules so the bundle's bare imports (PGlite, drizzle, zod…) resolve to the project's packages.
  const cacheDir = path.join(PROJECT_ROOT, 'node_modules/.cache/teacher-ai-crash');
  fs.mkdirSync(cacheDir, { recursive: true });
  writerBundle = path.join(cacheDir, `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: writerBundle,
    logLevel: 'warning',
  });
  // A private copy of the build's template (another build may replace it mid-run), or one made here.
  templateFile = path.join(workDir, TEMPLATE_FILE_NAME);
  if (fs.existsSync(projectPaths.templatePath)) {
    fs.copyFileSync(projectPaths.templatePath, templateFile);
  } else {
    const templateDir = path.join(workDir, 'template');
    const database = await openPglite({ dataDir: templateDir, migrationsFolder: projectPaths.migrationsFolder });
    await database.client.query('CHECKPOINT');
    await database.close();
    fs.writeFileSync(templateFile, packTemplate(templateDir));
  }
}, 120_000);

afterAll(async () => {
  stopping = true;
  await lanes;
  if (writerBundle) fs.rmSync(writerBundle, { force: true });
  if (workDir && totals.reopenFailures === 0) fs.rmSync(workDir, { recursive: true, force: true });
});

interface Run {
  entries: JournalEntry[];
  killed: boolean;
  /** Neither opened nor failed within HANG_MS: killed, and counted as a failed reopen. */
  hung: boolean;
  exitCode: number | null;
  stderr: string;
  /** ms from spawn to the child's "opened" marker, when it got there. */
  openedAfter: number | null;
}

/** Start a writer; kill it per plan ('never' lets it finish: verify mode). */
function runWriter(args: WriterArgs, plan: { kind: 'after-spawn' | 'after-writing'; delayMs: number } | { kind: 'never' }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...WRITER_NODE_FLAGS, writerBundle, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    let hung = false;
    let openedAfter: number | null = null;
    let stderr = '';
    let stdout = '';
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timers: NodeJS.Timeout[] = [];
    timers.push(setInterval(() => stopping && kill(), 500));
    if (plan.kind === 'after-spawn') timers.push(setTimeout(kill, plan.delayMs));
    const hang = setTimeout(() => {
      if (openedAfter !== null) return;
      hung = true;
      problem(`a writer hung for ${HANG_MS} ms (${args.dataDir})`);
      kill();
    }, HANG_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        if (line === 'phase opened') openedAfter = performance.now() - started;
        if (line === 'phase writing' && plan.kind === 'after-writing') timers.push(setTimeout(kill, plan.delayMs));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      for (const timer of timers) clearTimeout(timer);
      clearTimeout(hang);
      const text = fs.existsSync(args.journal) ? fs.readFileSync(args.journal, 'utf8') : '';
      const entries: JournalEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          entries.push(JSON.parse(line) as JournalEntry);
        } catch {
          // A line cut by the kill: at worst an "ack" we did not see, which only widens what is allowed.
        }
      }
      resolve({ entries, killed, hung, exitCode, stderr, openedAfter });
    });
  });
}

/** What a lane knows about its data directory. */
interface Model {
  committed: Set<number>;
  /** The transaction that was running when a child died, until a reopen shows whether it committed. */
  inFlight: number[] | null;
}

function checkState(lane: string, model: Model, state: StateEntry): void {
  totals.reopens++;
  const observed = fromRanges(state.ranges);
  const inFlight = new Set(model.inFlight ?? []);
  let lost = 0;
  for (const id of model.committed) if (!observed.has(id)) lost++;
  let phantom = 0;
  for (const id of observed) if (!model.committed.has(id) && !inFlight.has(id)) phantom++;
  if (lost) problem(`${lane}: ${lost} acknowledged rows missing after a reopen`);
  if (phantom) problem(`${lane}: ${phantom} rows appeared that were never acknowledged nor in flight`);
  totals.lostRows += lost;
  totals.phantomRows += phantom;
  if (model.inFlight) {
    const present = model.inFlight.filter((id) => observed.has(id)).length;
    if (present === model.inFlight.length) totals.inFlightCommitted++;
    else if (present === 0) totals.inFlightAbsent++;
    else {
      totals.tornGroups++;
      problem(`${lane}: the in-flight transaction ${JSON.stringify(model.inFlight)} is partly there (${present} rows)`);
    }
  }
  if (state.torn.length) {
    totals.tornGroups += state.torn.length;
    problem(`${lane}: torn groups ${JSON.stringify(state.torn.slice(0, 5))}`);
  }
  if (state.viaIndex !== state.viaHeap || state.viaHeap !== observed.size) {
    totals.indexMismatches++;
    problem(`${lane}: index counts ${state.viaIndex}, heap ${state.viaHeap}, rows ${observed.size}`);
  }
  if (state.migrations !== EXPECTED_MIGRATIONS || state.courses === 0) {
    totals.incompleteSetups++;
    problem(`${lane}: reopened with ${state.migrations}/${EXPECTED_MIGRATIONS} migrations and ${state.courses} courses`);
  }
  model.committed = observed;
  model.inFlight = null;
}

/** Apply one run's journal to the model; returns the highest id it tried. */
function applyRun(lane: string, model: Model, run: Run): number {
  let highest = 0;
  for (const entry of run.entries) {
    if (entry.t === 'state') checkState(lane, model, entry);
    else if (entry.t === 'try') {
      model.inFlight = entry.ids;
      highest = Math.max(highest, ...entry.ids);
    } else if (entry.t === 'ack') {
      for (const id of entry.ids) model.committed.add(id);
      totals.acknowledgedTransactions++;
      totals.acknowledgedRows += entry.ids.length;
      model.inFlight = null;
    }
  }
  return highest;
}

function phaseOf(run: Run, fresh: boolean): Phase {
  if (!run.entries.some((e) => e.t === 'opened')) return fresh ? 'first-time setup' : 'reopen';
  return run.entries.some((e) => e.t === 'try') ? 'writes' : 'verify';
}

async function runLane(index: number): Promise<void> {
  const laneDir = path.join(workDir, `lane-${index}`);
  let epoch = 0;
  let runNumber = 0;
  let nextId = 1;
  // How long an open takes here, learnt as the lane goes: early kills are spread over it.
  const estimate = { template: 4000, initdb: 10_000, reopen: 2500 };
  while (totals.kills < TARGET_KILLS && totals.reopenFailures < MAX_FAILURES && !stopping) {
    // One data directory in three starts without the template: initdb and every migration, the slow first start.
    const useTemplate = (epoch + 2 * index) % 3 !== 0;
    const lane = `lane ${index} epoch ${epoch} (${useTemplate ? 'template' : 'initdb'})`;
    const dataDir = path.join(laneDir, `epoch-${epoch}`);
    const model: Model = { committed: new Set(), inFlight: null };
    const args = (mode: WriterArgs['mode']): WriterArgs => ({
      dataDir,
      journal: path.join(laneDir, `run-${++runNumber}.ndjson`),
      firstId: nextId,
      mode,
      migrationsFolder: projectPaths.migrationsFolder,
      contentDir: projectPaths.contentDir,
      achievementsFile: projectPaths.achievementsFile,
      templatePath: useTemplate ? templateFile : null,
    });
    let epochKills = 0;
    let freshKillsInARow = 0;
    let failed = false;
    fs.mkdirSync(laneDir, { recursive: true });
    while (epochKills < KILLS_PER_EPOCH && totals.kills < TARGET_KILLS && !stopping) {
      const fresh = !fs.existsSync(path.join(dataDir, 'db', 'PG_VERSION'));
      // A new directory is killed during its first start most of the time (a few times in a row at most);
      // an existing one now and then during its reopen (recovery), otherwise amid its transactions.
      const killEarly = fresh ? freshKillsInARow < 2 && Math.random() < 0.75 : Math.random() < 0.3;
      const run = await runWriter(
        args('write'),
        killEarly
          ? { kind: 'after-spawn', delayMs: random(0, 1.1 * estimate[fresh ? (useTemplate ? 'template' : 'initdb') : 'reopen']) }
          : { kind: 'after-writing', delayMs: random(0, 250) },
      );
      if (run.openedAfter !== null) {
        const key = fresh ? (useTemplate ? 'template' : 'initdb') : 'reopen';
        estimate[key] = 0.7 * estimate[key] + 0.3 * run.openedAfter;
        totals.openMs[key].push(run.openedAfter);
      }
      nextId = Math.max(nextId, applyRun(lane, model, run) + 1);
      const failure = run.entries.find((e) => e.t === 'open-failed' || e.t === 'error');
      if (!run.killed || run.hung || failure) {
        totals.reopenFailures++;
        failed = true;
        problem(`${lane}: the writer stopped by itself (exit ${run.exitCode}): ${failure && 'error' in failure ? failure.error : run.stderr}`);
        break;
      }
      totals.kills++;
      epochKills++;
      if (totals.kills % 25 === 0) {
        const seconds = Math.round((performance.now() - runStarted) / 1000);
        console.log(`crash-safety: ${totals.kills}/${TARGET_KILLS} kills, ${seconds} s, problems so far ${totals.problems.length}`);
      }
      const phase = phaseOf(run, fresh);
      totals.killsBy[phase]++;
      freshKillsInARow = phase === 'first-time setup' ? freshKillsInARow + 1 : 0;
    }
    if (!failed && !stopping) {
      // The epoch's last kill is checked by a clean open, check and close.
      const run = await runWriter(args('verify'), { kind: 'never' });
      applyRun(lane, model, run);
      if (run.exitCode !== 0 || !run.entries.some((e) => e.t === 'closed')) {
        totals.reopenFailures++;
        failed = true;
        const failure = run.entries.find((e) => e.t === 'open-failed' || e.t === 'error');
        problem(`${lane}: the final reopen failed (exit ${run.exitCode}): ${failure && 'error' in failure ? failure.error : run.stderr}`);
      }
    }
    const partials = fs.readdirSync(dataDir).filter((name) => name.startsWith('db.') && name !== 'db');
    totals.leftoverPartialDirs += partials.length;
    if (partials.length) problem(`${lane}: left-over directories beside the database: ${partials.join(', ')}`);
    if (failed) console.log(`crash-safety: kept the data directory that failed: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    for (const name of fs.readdirSync(laneDir)) if (name.endsWith('.ndjson')) fs.rmSync(path.join(laneDir, name));
    totals.epochs++;
    epoch++;
  }
}

it(
  `survives ${TARGET_KILLS} SIGKILLs: reopens, loses no acknowledged row, invents none, tears no transaction`,
  async () => {
    const started = performance.now();
    runStarted = started;
    const cpuBefore = childCpuSeconds();
    lanes = Promise.all(Array.from({ length: LANES }, (_, i) => runLane(i)));
    await lanes;
    const seconds = Math.round((performance.now() - started) / 1000);
    const cpuAfter = childCpuSeconds();
    const writerCpu = cpuBefore === null || cpuAfter === null ? null : Math.round(cpuAfter - cpuBefore);
    const by = totals.killsBy;
    const summary =
      `crash-safety: ${totals.kills} kills in ${seconds} s on ${LANES} lanes, ${totals.epochs} data directories ` +
      `(first-time setup ${by['first-time setup']}, reopen/recovery ${by.reopen}, right after reopen ${by.verify}, amid transactions ${by.writes}); ` +
      `reopens checked ${totals.reopens}, reopen failures ${totals.reopenFailures}; ` +
      `acknowledged ${totals.acknowledgedTransactions} transactions / ${totals.acknowledgedRows} rows, lost ${totals.lostRows}; ` +
      `unacknowledged rows that appeared ${totals.phantomRows} (in-flight transaction committed ${totals.inFlightCommitted}, absent ${totals.inFlightAbsent}); ` +
      `torn groups ${totals.tornGroups}; index/heap mismatches ${totals.indexMismatches}; incomplete setups ${totals.incompleteSetups}; ` +
      `left-over template copies ${totals.leftoverPartialDirs}; ` +
      `median open ms: first start from the template ${Math.round(median(totals.openMs.template))}, with initdb ${Math.round(median(totals.openMs.initdb))}, reopen ${Math.round(median(totals.openMs.reopen))}; ` +
      `writers' CPU ${writerCpu ?? '?'} s (${os.cpus().length} cores, load average at the end ${os.loadavg()[0]!.toFixed(1)})`;
    console.log(summary);
    const resultsDir = path.join(PROJECT_ROOT, 'test-results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'crash-safety.json'), `${JSON.stringify({ summary, seconds, writerCpuSeconds: writerCpu, lanes: LANES, ...totals }, null, 2)}\n`);
    for (const text of totals.problems) console.log(`crash-safety problem: ${text}`);

    expect(totals.kills).toBeGreaterThanOrEqual(TARGET_KILLS);
    expect(totals.problems).toEqual([]);
    expect({
      reopenFailures: totals.reopenFailures,
      lostRows: totals.lostRows,
      phantomRows: totals.phantomRows,
      tornGroups: totals.tornGroups,
      indexMismatches: totals.indexMismatches,
      incompleteSetups: totals.incompleteSetups,
      leftoverPartialDirs: totals.leftoverPartialDirs,
    }).toEqual({ reopenFailures: 0, lostRows: 0, phantomRows: 0, tornGroups: 0, indexMismatches: 0, incompleteSetups: 0, leftoverPartialDirs: 0 });
    expect(totals.acknowledgedRows).toBeGreaterThan(0);
  },
  45 * 60_000,
);
