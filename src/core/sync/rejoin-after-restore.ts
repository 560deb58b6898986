import { sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { renumberOutbox } from './sync-store';

/**
 * A database restored from a backup is behind what this computer already sent: its outbox numbers
 * would repeat ones the server has applied (and be skipped as duplicates), its cursor would point past
 * changes it no longer holds. So every linked account rejoins as a new device: a new device id, no
 * refresh token (the student signs in online once), the outbox — with the sent log — renumbered from 1, a full pull.
 * Replaying mutations the server already has is harmless: they are idempotent by design.
 */
export async function rejoinAfterRestore(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE sync_accounts SET device_id = gen_random_uuid(), refresh_token_sealed = NULL, cursor = '0.0'`);
    const owners = await executeRows<{ user_id: string }>(tx, sql`SELECT user_id FROM outbox UNION SELECT user_id FROM sent_mutations`);
    for (const { user_id } of owners) await renumberOutbox(tx, user_id);
  });
}
