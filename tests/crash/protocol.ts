/** What the crash test's parent and its victim (writer.ts) say to each other through the journal file. */

export interface WriterArgs {
  /** The app's data directory (the database lives in `<dataDir>/db`). */
  dataDir: string;
  /** The append-only journal this run writes (one JSON object a line). */
  journal: string;
  /** The first id this run may use; the parent never hands out an id twice. */
  firstId: number;
  /** `verify`: open, report, close cleanly, exit 0 (the end of an epoch). */
  mode: 'write' | 'verify';
  migrationsFolder: string;
  contentDir: string | null;
  achievementsFile: string | null;
  /** The pre-migrated template, or null for a first start that runs initdb and every migration. */
  templatePath: string | null;
}

/** The test-only table. The writer creates it (CREATE TABLE IF NOT EXISTS), never a migration. */
export const PROBE_TABLE = 'crash_probe';
/** Rows of a multi-row transaction, tagged with one group id: all present or none. */
export const GROUP_SIZE = 3;

export interface StateEntry {
  t: 'state';
  /** The ids the reopened table holds, as [first, last] runs. */
  ranges: [number, number][];
  /** Groups whose row count is not GROUP_SIZE. */
  torn: { grp: number; n: number }[];
  /** count(*) through the primary-key index and through the heap: they must agree. */
  viaIndex: number;
  viaHeap: number;
  /** Rows of drizzle's migration journal. */
  migrations: number;
  /** Starter courses (installed on every start when new or changed). */
  courses: number;
}

export type JournalEntry =
  | { t: 'opened'; ms: number }
  | StateEntry
  | { t: 'try'; ids: number[] }
  | { t: 'ack'; ids: number[] }
  | { t: 'closed' }
  | { t: 'open-failed'; error: string }
  | { t: 'error'; error: string };

/** Consecutive ids as [first, last] pairs. */
export function toRanges(sortedIds: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const id of sortedIds) {
    const last = ranges.at(-1);
    if (last && last[1] === id - 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

export function fromRanges(ranges: [number, number][]): Set<number> {
  const ids = new Set<number>();
  for (const [first, last] of ranges) for (let id = first; id <= last; id++) ids.add(id);
  return ids;
}
