import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executeRows } from '../../core/db/execute-rows';
import { sqlArray } from '../../core/db/sql-array';
import type { Db } from '../../core/db/types';

/**
 * Online sign-in and registration are open to the whole internet, so attempts are counted in the
 * database (every instance sees the same counts), under keys of three kinds:
 * - an account (its email and username share one count) — or a hash of a login that does not exist;
 * - a client (its address, see client-address.ts): wrong passwords and refused registrations of all
 *   logins together, so one client can neither guess across many accounts nor list who has one;
 * - an account from one client: the back-off that a wrong password earns.
 * The account-wide count holds back only clients that have failed on that account themselves: a
 * stranger's wrong passwords never lock the owner out of their own account.
 * A key is free for `free` attempts, then waits `firstBlockSeconds`, doubling up to `maxBlockSeconds`;
 * a quiet hour starts its count over.
 */
export interface LimitPolicy {
  readonly free: number;
  readonly firstBlockSeconds: number;
  readonly maxBlockSeconds: number;
}

/** Wrong passwords of one account (from one client, and in all). */
export const ACCOUNT_LIMIT: LimitPolicy = { free: 5, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60 };
/**
 * Wrong passwords and refused registrations of one client, whatever the login. Generous: a school's
 * students may all reach the server from one address.
 */
export const CLIENT_LIMIT: LimitPolicy = { free: 30, firstBlockSeconds: 60, maxBlockSeconds: 15 * 60 };
/** Accounts one client registers (a class registering at once behind one address passes). */
export const REGISTRATION_LIMIT: LimitPolicy = { free: 60, firstBlockSeconds: 60, maxBlockSeconds: 60 * 60 };

export const FREE_FAILURES = ACCOUNT_LIMIT.free;
const RESET_AFTER_MS = 60 * 60 * 1000;

export function blockSecondsAfter(failures: number, policy: LimitPolicy = ACCOUNT_LIMIT): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxBlockSeconds, policy.firstBlockSeconds * 2 ** Math.min(failures - policy.free, 20));
}

/**
 * The key a login is counted under: the account when it exists (so its email and its username share one
 * count), otherwise a hash of what was typed (an attacker's guesses are not stored in clear).
 */
export function limitKey(accountId: string | null, login: string): string {
  return accountId ? `user:${accountId}` : `login:${createHash('sha256').update(login).digest('hex')}`;
}

/** The key of one account's (or login's) attempts from one client. */
export const fromClient = (key: string, client: string) => `${key}@${client}`;

/** The key of the accounts one client registers. */
export const registrationsOf = (client: string) => `register@${client}`;

export interface LimitState {
  /** Attempts counted (0 once a quiet hour has passed). */
  failures: number;
  /** Seconds until the key may try again (0: now). */
  blockedSeconds: number;
}

/** Where each key stands now. */
export async function readLimits(db: Db, keys: readonly string[], now: Date): Promise<Map<string, LimitState>> {
  const rows = await executeRows<{ login: string; failures: number; until: Date | string | null; updated: Date | string }>(db, sql`
    SELECT login, failed_attempts AS failures, blocked_until AS until, updated_at AS updated
    FROM sync_sign_in_limits WHERE login = ANY(${sqlArray([...keys], 'text')})`);
  const states = new Map<string, LimitState>(keys.map((key) => [key, { failures: 0, blockedSeconds: 0 }]));
  for (const row of rows) {
    const stale = now.getTime() - new Date(row.updated).getTime() > RESET_AFTER_MS;
    const blockedSeconds = row.until ? Math.max(0, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000)) : 0;
    states.set(row.login, { failures: stale ? 0 : Number(row.failures), blockedSeconds });
  }
  return states;
}

/** Count an attempt against `key`; returns how many seconds the key is now blocked for (0: not blocked). */
export async function recordFailure(db: Db, key: string, now: Date, policy: LimitPolicy = ACCOUNT_LIMIT): Promise<number> {
  const [row] = await executeRows<{ failures: number }>(db, sql`
    INSERT INTO sync_sign_in_limits (login, failed_attempts, updated_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (login) DO UPDATE SET
      failed_attempts = CASE WHEN sync_sign_in_limits.updated_at < ${new Date(now.getTime() - RESET_AFTER_MS)}
                             THEN 1 ELSE sync_sign_in_limits.failed_attempts + 1 END,
      updated_at = excluded.updated_at
    RETURNING failed_attempts AS failures`);
  const seconds = blockSecondsAfter(row?.failures ?? 1, policy);
  if (seconds > 0) {
    await db.execute(sql`
      UPDATE sync_sign_in_limits SET blocked_until = ${new Date(now.getTime() + seconds * 1000)} WHERE login = ${key}`);
  }
  // Now and then, forget keys nobody has tried for a day (guesses at accounts that do not exist pile up).
  if (Math.random() < 0.01) {
    await db.execute(sql`DELETE FROM sync_sign_in_limits WHERE updated_at < ${new Date(now.getTime() - 24 * RESET_AFTER_MS)}`);
  }
  return seconds;
}

export async function clearFailures(db: Db, ...keys: string[]): Promise<void> {
  await db.execute(sql`DELETE FROM sync_sign_in_limits WHERE login = ANY(${sqlArray(keys, 'text')})`);
}
