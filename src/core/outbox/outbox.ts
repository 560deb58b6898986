import { count, eq, sql } from 'drizzle-orm';
import { outbox } from '../db/schema';
import type { Db } from '../db/types';

/**
 * Record a named mutation for the sync client, inside the caller's transaction. The student's next
 * mutation number comes from `outbox_sequences` in the same statement: 1, 2, 3, … with no gap even when
 * a transaction rolls back (a serial would skip), which is what lets the server refuse real gaps.
 */
export async function appendToOutbox(tx: Db, userId: string, name: string, args: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`
    WITH next AS (
      INSERT INTO outbox_sequences (user_id, last_mutation_id) VALUES (${userId}, 1)
      ON CONFLICT (user_id) DO UPDATE SET last_mutation_id = outbox_sequences.last_mutation_id + 1
      RETURNING last_mutation_id)
    INSERT INTO outbox (user_id, mutation_id, name, args)
    SELECT ${userId}, last_mutation_id, ${name}, ${JSON.stringify(args)}::jsonb FROM next`);
}

export async function countPendingMutations(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.userId, userId));
  return row?.n ?? 0;
}
