import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/types';

/** The role every student request runs as: it owns no table and cannot bypass row-level security. */
export const APP_ROLE = 'teacher_app';

export interface UserTransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
}

/**
 * A transaction on behalf of one student: before anything else it becomes `teacher_app` and names the
 * student in `teacher.user_id`, so PostgreSQL's row-level security admits that student's rows only —
 * the second wall behind the server's own checks. Both settings are LOCAL: they end with the
 * transaction, and the pooled connection goes back as it came.
 */
export async function inUserTransaction<T>(
  db: Db,
  userId: string,
  fn: (tx: Db) => Promise<T>,
  options: UserTransactionOptions = {},
): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL ROLE ${APP_ROLE}`));
      await tx.execute(sql`SELECT set_config('teacher.user_id', ${userId}, true)`);
      return fn(tx);
    },
    {
      isolationLevel: options.isolation ?? 'read committed',
      accessMode: options.readOnly ? 'read only' : 'read write',
    },
  );
}
