import { sql } from 'drizzle-orm';
import type { Db } from '../db/types';

/**
 * A database restored from a backup is behind what this computer already sent: its outbox numbers
 * would repeat ones the server has applied (and be skipped as duplicates), its cursor would point past
 * changes it no longer holds. So every linked account rejoins as a new device: a new device id, no
 * refresh token (the student signs in online once), the outbox renumbered from 1, a full pull.
 * Replaying mutations the server already has is harmless: they are idempotent by design.
 */
export async function rejoinAfterRestore(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE sync_accounts SET device_id = gen_random_uuid(), refresh_token_sealed = NULL, cursor = '0.0'`);
    // Two steps: the (user_id, mutation_id) key is checked row by row.
    await tx.execute(sql`UPDATE outbox SET mutation_id = -mutation_id`);
    await tx.execute(sql`
      UPDATE outbox o SET mutation_id = n.rn
      FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY mutation_id DESC) AS rn FROM outbox) n
      WHERE o.id = n.id`);
    await tx.execute(sql`DELETE FROM outbox_sequences`);
    await tx.execute(sql`
      INSERT INTO outbox_sequences (user_id, last_mutation_id)
      SELECT user_id, max(mutation_id) FROM outbox GROUP BY user_id`);
  });
}
