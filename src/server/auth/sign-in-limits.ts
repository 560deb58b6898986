import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executeRows } from '../../core/db/execute-rows';
import type { Db } from '../../core/db/types';

/**
 * Online sign-in is open to the whole internet, so wrong passwords are counted per login in the
 * database (every instance sees the same count): five are free, then the login waits 30 s, doubling
 * with every further failure up to 15 min. A quiet hour starts the count over.
 */
export const FREE_FAILURES = 5;
export const FIRST_BLOCK_SECONDS = 30;
export const MAX_BLOCK_SECONDS = 15 * 60;
const RESET_AFTER = '1 hour';

export function blockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** Math.min(failures - FREE_FAILURES, 20));
}

/**
 * The key a login is counted under: the account when it exists (so its email and its username share one
 * count), otherwise a hash of what was typed (an attacker's guesses are not stored in clear).
 */
export function limitKey(accountId: string | null, login: string): string {
  return accountId ? `user:${accountId}` : `login:${createHash('sha256').update(login).digest('hex')}`;
}

/** Seconds until this key may try again (0: now). */
export async function blockedSeconds(db: Db, key: string, now: Date): Promise<number> {
  const [row] = await executeRows<{ until: Date | string | null }>(db, sql`
    SELECT blocked_until AS until FROM sync_sign_in_limits WHERE login = ${key}`);
  if (!row?.until) return 0;
  return Math.max(0, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000));
}

/** Count a failure; returns how many seconds the key is now blocked for (0: not blocked). */
export async function recordFailure(db: Db, key: string, now: Date): Promise<number> {
  const [row] = await executeRows<{ failures: number }>(db, sql`
    INSERT INTO sync_sign_in_limits (login, failed_attempts, updated_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (login) DO UPDATE SET
      failed_attempts = CASE WHEN sync_sign_in_limits.updated_at < ${now}::timestamptz - ${RESET_AFTER}::interval
                             THEN 1 ELSE sync_sign_in_limits.failed_attempts + 1 END,
      updated_at = excluded.updated_at
    RETURNING failed_attempts AS failures`);
  const seconds = blockSecondsAfter(row?.failures ?? 1);
  if (seconds > 0) {
    await db.execute(sql`
      UPDATE sync_sign_in_limits SET blocked_until = ${new Date(now.getTime() + seconds * 1000)} WHERE login = ${key}`);
  }
  // Now and then, forget logins nobody has tried for a day (guesses at accounts that do not exist pile up).
  if (Math.random() < 0.01) {
    await db.execute(sql`DELETE FROM sync_sign_in_limits WHERE updated_at < ${now}::timestamptz - interval '1 day'`);
  }
  return seconds;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM sync_sign_in_limits WHERE login = ${key}`);
}
