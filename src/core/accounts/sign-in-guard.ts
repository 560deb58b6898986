import { eq, sql } from 'drizzle-orm';
import { signInGuards } from '../db/schema';
import type { Db } from '../db/types';

/** Wrong passwords allowed before sign-in to that account is delayed. */
export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60 * 1_000;

/** The wait after `failures` wrong passwords in a row: none for the first four, then 1 s doubling, capped at 15 min. */
export function backOffDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Milliseconds until this account may try again (0: now). */
export async function remainingBlockMs(db: Db, userId: string, now: Date): Promise<number> {
  const [guard] = await db.select({ blockedUntil: signInGuards.blockedUntil }).from(signInGuards).where(eq(signInGuards.userId, userId));
  if (!guard?.blockedUntil) return 0;
  return Math.max(0, guard.blockedUntil.getTime() - now.getTime());
}

/** Count a wrong password and return the new wait in milliseconds. */
export async function recordFailedSignIn(db: Db, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(signInGuards)
    .values({ userId, failedAttempts: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInGuards.userId,
      set: { failedAttempts: sql`${signInGuards.failedAttempts} + 1`, updatedAt: now },
    })
    .returning({ failedAttempts: signInGuards.failedAttempts });
  const delay = backOffDelayMs(row?.failedAttempts ?? 1);
  if (delay > 0) {
    await db.update(signInGuards).set({ blockedUntil: new Date(now.getTime() + delay) }).where(eq(signInGuards.userId, userId));
  }
  return delay;
}

export async function clearSignInGuard(db: Db, userId: string): Promise<void> {
  await db.delete(signInGuards).where(eq(signInGuards.userId, userId));
}
