import { eq, sql } from 'drizzle-orm';
import type { SyncRejection, SyncRejectionReason } from '../../shared/contract/sync';
import { executeRows } from '../db/execute-rows';
import { syncRejections } from '../db/schema';
import type { Db } from '../db/types';

/** The server's reason starts with the core's error code (`not_found: Course not found`) or names a database rule. */
export function rejectionReason(serverReason: string): SyncRejectionReason {
  const code = /^([a-z_]+):/.exec(serverReason)?.[1];
  if (code === 'not_found') return 'not_on_server';
  if (code === 'forbidden' || code === 'unauthenticated') return 'not_allowed';
  if (code === 'invalid_input' || code === 'conflict' || serverReason.startsWith('database rule')) return 'invalid';
  return 'other';
}

type RejectionRow = {
  id: string | number;
  reason: string;
  rejected_at: Date | string;
  course_title: string | null;
  lesson_title: string | null;
  about_chat: boolean;
};

/** A student's rejected changes, newest first, each with the course or lesson it was about, as titled here. */
export async function listRejections(db: Db, userId: string): Promise<SyncRejection[]> {
  const rows = await executeRows<RejectionRow>(
    db,
    sql`SELECT r.id, r.reason, r.rejected_at,
               c.title AS course_title, l.title AS lesson_title,
               (r.args ? 'sessionId') AS about_chat
          FROM sync_rejections r
          LEFT JOIN lessons l ON l.id::text = r.args ->> 'lessonId'
          LEFT JOIN courses c ON c.id::text = coalesce(r.args ->> 'courseId', l.course_id::text)
         WHERE r.user_id = ${userId}
         ORDER BY r.rejected_at DESC, r.id DESC
         LIMIT 200`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    subject: row.lesson_title !== null ? 'lesson' : row.course_title !== null ? 'course' : row.about_chat ? 'chat' : 'other',
    title: row.lesson_title ?? row.course_title,
    reason: rejectionReason(row.reason),
    serverMessage: row.reason,
    rejectedAt: new Date(row.rejected_at).toISOString(),
  }));
}

export async function dismissRejections(db: Db, userId: string): Promise<void> {
  await db.delete(syncRejections).where(eq(syncRejections.userId, userId));
}
