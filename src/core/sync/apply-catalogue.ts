import { sql } from 'drizzle-orm';
import type { RowChange } from '../../shared/sync';
import type { Db } from '../db/types';
import { sqlArray } from '../db/sql-array';
import { syncedTable } from './synced-tables';
import { upsertRows } from './upsert-rows';

/** Lesson numbers are moved out of the way before the server's numbering lands (as installPack does). */
const RENUMBER_OFFSET = 1_000_000;

const rowsOf = (changes: readonly RowChange[], table: string) =>
  changes.filter((c) => c.table === table && c.row).map((c) => c.row!);
const keysDeleted = (changes: readonly RowChange[], table: string) => changes.filter((c) => c.table === table && c.deleted).map((c) => c.key);

/**
 * The trusted server's catalogue changes, inside the pull's transaction. A course or lesson it
 * deleted is retired here — hidden from new students, kept with everyone's progress — and an
 * achievement definition stays (students keep what they unlocked). Courses it sends become the
 * server's: a file imported here cannot replace them (it would clash with every later sync).
 */
export async function applyCatalogue(tx: Db, changes: readonly RowChange[], syncedAt: Date): Promise<void> {
  for (const table of ['courses', 'lessons'] as const) {
    const keys = keysDeleted(changes, table);
    if (keys.length === 0) continue;
    await tx.execute(
      sql`UPDATE ${sql.identifier(table)} SET retired_at = ${syncedAt.toISOString()}::timestamptz
          WHERE id = ANY(${sqlArray(keys, 'uuid')}) AND retired_at IS NULL`,
    );
  }

  const courseRows = rowsOf(changes, 'courses');
  await upsertRows(tx, syncedTable('courses')!, courseRows);
  if (courseRows.length > 0) {
    await tx.execute(sql`
      INSERT INTO course_publishers (course_id, publisher, published_by, published_at)
      SELECT DISTINCT u.id, 'server', NULL::uuid, ${syncedAt.toISOString()}::timestamptz
      FROM unnest(${sqlArray(courseRows.map((r) => String(r.id)), 'uuid')}) AS u(id)
      ON CONFLICT (course_id) DO UPDATE SET publisher = 'server', published_by = NULL, published_at = excluded.published_at`);
  }

  const lessonRows = rowsOf(changes, 'lessons');
  if (lessonRows.length > 0) await makeRoomForLessons(tx, lessonRows, syncedAt);
  await upsertRows(tx, syncedTable('lessons')!, lessonRows);

  await upsertRows(tx, syncedTable('achievements')!, rowsOf(changes, 'achievements'));
}

/**
 * The server's numbering wins: its lessons that are already here step out of the way, and a lesson
 * only this computer has (an import) that holds a number the server's lesson takes is retired — never
 * a unique-key failure that would stop every sync from now on.
 */
async function makeRoomForLessons(tx: Db, rows: Record<string, unknown>[], syncedAt: Date): Promise<void> {
  const ids = sqlArray(rows.map((r) => String(r.id)), 'uuid');
  await tx.execute(sql`UPDATE lessons SET lesson_number = lesson_number + ${RENUMBER_OFFSET} WHERE id = ANY(${ids}) AND retired_at IS NULL`);
  const taken = rows.filter((r) => r.retired_at == null).map((r) => ({ course_id: r.course_id, lesson_number: r.lesson_number }));
  await tx.execute(sql`
    UPDATE lessons l SET retired_at = ${syncedAt.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(taken)}::jsonb) AS t(course_id uuid, lesson_number int)
    WHERE l.course_id = t.course_id AND l.lesson_number = t.lesson_number AND l.retired_at IS NULL AND l.id <> ALL(${ids})`);
}
