import { sql, type SQL } from 'drizzle-orm';
import type { RowChange } from '../../shared/sync';
import { executeRows } from '../db/execute-rows';
import { sqlArray } from '../db/sql-array';
import type { Db } from '../db/types';

/** What a pull changed that an open page shows: the engine tells the pages after the pull committed. */
export interface PulledChanges {
  /** Courses whose progress, enrolment or plan changed. */
  courseIds: string[];
  /** Conversations that got messages or changed. */
  chatSessionIds: string[];
  /** Messages this device did not have before the pull. */
  newMessages: { sessionId: string; messageId: string }[];
  /** Points, level or achievements may differ: facts behind them came or went. */
  motivation: boolean;
  /** Anything at all came (exam progress, the catalogue, preferences): pages that show it re-read. */
  any: boolean;
}

const MOTIVATION_TABLES = new Set(['user_activity_log', 'user_achievements']);

/** The course of each row of a progress table, by the rows' ids (read before a deletion, after an upsert). */
const COURSE_OF: Record<string, (ids: string[]) => SQL> = {
  user_courses: (ids) => sql`SELECT course_id::text AS course_id FROM user_courses WHERE id = ANY(${sqlArray(ids, 'uuid')})`,
  learning_plans: (ids) => sql`SELECT course_id::text AS course_id FROM learning_plans WHERE id = ANY(${sqlArray(ids, 'uuid')})`,
  user_lessons: (ids) =>
    sql`SELECT l.course_id::text AS course_id FROM user_lessons ul JOIN lessons l ON l.id = ul.lesson_id WHERE ul.id = ANY(${sqlArray(ids, 'uuid')})`,
  // A review moves its lesson's mastery on the course page.
  review_log: (ids) =>
    sql`SELECT l.course_id::text AS course_id FROM review_log r JOIN lessons l ON l.id = r.lesson_id WHERE r.id = ANY(${sqlArray(ids, 'uuid')})`,
};

/**
 * Collects, while a pull is applied inside its transaction, what it changed. Rows are read from the
 * device's own tables (the student's rows only, as the pull scoped them), so a row the pull dropped
 * is not reported.
 */
export function pulledChangesCollector(tx: Db, changes: readonly RowChange[]) {
  const courses = new Set<string>();
  const sessions = new Set<string>();
  const newMessages: PulledChanges['newMessages'] = [];
  let knownMessages = new Set<string>();
  const own = changes.filter((c) => c.table !== 'courses' && c.table !== 'lessons' && c.table !== 'achievements');

  async function addCourses(table: string, ids: string[]) {
    const query = COURSE_OF[table];
    if (!query || ids.length === 0) return;
    for (const row of await executeRows<{ course_id: string | null }>(tx, query(ids))) if (row.course_id) courses.add(row.course_id);
  }
  const idsOf = (table: string, deleted: boolean) => own.filter((c) => c.table === table && c.deleted === deleted).map((c) => c.key);
  const messageIds = () => own.filter((c) => c.table === 'chat_messages' && c.row).map((c) => String(c.row!.id));

  return {
    /** Before anything is applied: the courses of rows about to be deleted, the messages already here. */
    async before(userId: string) {
      for (const table of Object.keys(COURSE_OF)) await addCourses(table, idsOf(table, true));
      const ids = messageIds();
      if (ids.length === 0) return;
      const rows = await executeRows<{ id: string }>(
        tx,
        sql`SELECT m.id::text AS id FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
            WHERE m.id = ANY(${sqlArray(ids, 'uuid')}) AND s.user_id = ${userId}::uuid`,
      );
      knownMessages = new Set(rows.map((r) => r.id));
    },
    /** After the pull's rows are in (and pending mutations re-applied): what is there now. */
    async after(userId: string): Promise<PulledChanges> {
      for (const table of Object.keys(COURSE_OF)) await addCourses(table, idsOf(table, false));
      for (const change of own.filter((c) => c.table === 'chat_sessions')) sessions.add(change.key);
      const ids = messageIds();
      if (ids.length > 0) {
        const rows = await executeRows<{ id: string; session_id: string }>(
          tx,
          sql`SELECT m.id::text AS id, m.session_id::text AS session_id FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
              WHERE m.id = ANY(${sqlArray(ids, 'uuid')}) AND s.user_id = ${userId}::uuid ORDER BY m.created_at, m.id`,
        );
        for (const row of rows) {
          sessions.add(row.session_id);
          if (!knownMessages.has(row.id)) newMessages.push({ sessionId: row.session_id, messageId: row.id });
        }
      }
      return {
        courseIds: [...courses],
        chatSessionIds: [...sessions],
        newMessages,
        motivation: own.some((c) => MOTIVATION_TABLES.has(c.table)),
        any: changes.length > 0,
      };
    },
  };
}
