import { count, eq } from 'drizzle-orm';
import { outbox } from '../db/schema';
import type { Db } from '../db/types';

/** Record a named mutation for the sync client, inside the caller's transaction. */
export async function appendToOutbox(tx: Db, userId: string, name: string, args: Record<string, unknown>): Promise<void> {
  await tx.insert(outbox).values({ userId, name, args });
}

export async function countPendingMutations(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.userId, userId));
  return row?.n ?? 0;
}
