import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_DAILY_GOAL_MINUTES } from '../../shared/accounts';
import { userAchievements, userPreferences, users } from '../db/schema';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { standingFor, type LockedAchievement } from './achievement-stats';
import type { DayChange, MutationContext } from '../mutations/mutation-context';
import { onceActivityId, recordActivity } from './activity';
import { newlyAchieved } from './achievements-rules';
import { levelForPoints } from './levels';
import { computeStreak, longestStreak, type StreakState } from './streaks';

export interface UnlockedAchievement {
  achievementId: string;
  name: string;
  title: string;
  pointsReward: number;
}

/** What a change earned, for the toasts; events are sent only after the transaction commits. */
export interface MotivationOutcome {
  pointsAwarded: number;
  totalPoints: number;
  level: number;
  levelReached: number | null;
  unlocked: UnlockedAchievement[];
}

/** Rewards can unlock rewards (points → a level → an achievement); this bounds the chain. */
const MAX_ROUNDS = 5;

export async function dailyGoalOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ goal: sql<number | null>`(${userPreferences.otherSettings} ->> 'dailyGoalMinutes')::int` })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return row?.goal ?? DEFAULT_DAILY_GOAL_MINUTES;
}

/** Local days on which the student reached their daily goal or completed a lesson. */
export async function qualifiedDays(db: Db, userId: string, goal: number): Promise<string[]> {
  const rows = await executeRows<{ day: string }>(
    db,
    sql`SELECT day::text AS day FROM user_study_days
        WHERE user_id = ${userId} AND (study_minutes >= ${goal} OR lessons_completed > 0)`,
  );
  return rows.map((r) => r.day);
}

export async function streakOf(db: Db, userId: string, goal: number, today: string): Promise<StreakState> {
  return computeStreak({ qualifiedDays: await qualifiedDays(db, userId, goal), today });
}

/**
 * After the change's activity moved: level, streak and achievements follow from the facts. Runs in the
 * same transaction as the change (and again on the server when it replays it); null when the change
 * recorded no activity.
 */
export async function refreshMotivation(ctx: MutationContext, at: string, timeZone: string | undefined): Promise<MotivationOutcome | null> {
  const { tx, userId, activity: touched } = ctx;
  if (!touched.recorded) return null;
  const unlocked: UnlockedAchievement[] = [];
  let levelReached: number | null = null;
  if (touched.days.length > 0 && (await refreshStreak(tx, userId, touched.days))) {
    touched.criteria.add('streak_days');
  }
  // Only the criteria this change touched can unlock anything; points and level are always looked at,
  // being one row away.
  touched.criteria.add('total_points').add('level_reached');
  let totals = { totalPoints: 0, level: 1 };
  for (let round = 0; round < MAX_ROUNDS && touched.criteria.size > 0; round++) {
    const criteria = [...touched.criteria];
    touched.criteria.clear();
    const standing = await standingFor(tx, userId, criteria);
    const level = levelForPoints(standing.totalPoints);
    for (let reached = standing.level + 1; reached <= level; reached++) {
      await recordActivity(ctx, {
        id: onceActivityId(userId, `level:${reached}`),
        type: 'level_reached',
        at,
        timeZone,
        data: { level: reached },
      });
      levelReached = reached;
    }
    if (level !== standing.level) await tx.update(users).set({ level }).where(eq(users.id, userId));
    totals = { totalPoints: standing.totalPoints, level };
    const fresh = await unlock(ctx, newlyAchieved({ ...standing.stats, level_reached: level }, standing.locked, new Set()), at, timeZone);
    unlocked.push(...fresh);
    // Their rewards are points: the next round looks at points and level again.
    if (fresh.length > 0) totals.totalPoints += fresh.reduce((sum, a) => sum + a.pointsReward, 0);
    else touched.criteria.clear();
  }
  return { pointsAwarded: touched.points, ...totals, levelReached, unlocked };
}

/**
 * The stored longest streak changes only when a day starts to count (its goal reached, or its first
 * lesson): recomputing it for every answered exercise of an already counted day would only cost time.
 */
async function refreshStreak(tx: Db, userId: string, changes: DayChange[]): Promise<boolean> {
  const goal = await dailyGoalOf(tx, userId);
  const counts = (d: { minutes: number; lessons: number }) => d.minutes >= goal || d.lessons > 0;
  if (!changes.some((c) => counts(c.after) && !counts(c.before))) return false;
  await storeLongestStreak(tx, userId, goal);
  return true;
}

/**
 * `users.longest_streak_days` from the facts and the daily goal alone — never a machine's "today" — so
 * the server and every device store the same number after the same changes.
 */
export async function storeLongestStreak(tx: Db, userId: string, goal?: number): Promise<void> {
  const days = await qualifiedDays(tx, userId, goal ?? (await dailyGoalOf(tx, userId)));
  await tx.update(users).set({ longestStreakDays: longestStreak(days) }).where(eq(users.id, userId));
}

async function unlock(
  ctx: MutationContext,
  reached: LockedAchievement[],
  at: string,
  timeZone: string | undefined,
): Promise<UnlockedAchievement[]> {
  const { tx, userId } = ctx;
  const fresh: UnlockedAchievement[] = [];
  for (const achievement of reached) {
    const [row] = await tx
      .insert(userAchievements)
      .values({ userId, achievementId: achievement.id, unlockedAt: new Date(at) })
      .onConflictDoNothing()
      .returning({ id: userAchievements.id });
    if (!row) continue;
    await recordActivity(ctx, {
      id: onceActivityId(userId, `achievement:${achievement.name}`),
      type: 'achievement_unlocked',
      at,
      timeZone,
      data: { achievement: achievement.name },
      award: { key: `achievement:${achievement.name}`, points: achievement.pointsReward },
    });
    fresh.push({ achievementId: achievement.id, name: achievement.name, title: achievement.title, pointsReward: achievement.pointsReward });
  }
  return fresh;
}

/** Mark toasts as shown; only the student's own unlocked achievements. */
export async function markAchievementsSeen(tx: Db, userId: string, ids: string[]): Promise<number> {
  let updated = 0;
  for (const id of ids) {
    const rows = await tx
      .update(userAchievements)
      .set({ seen: true })
      .where(and(eq(userAchievements.userId, userId), eq(userAchievements.achievementId, id), eq(userAchievements.seen, false)))
      .returning({ id: userAchievements.id });
    updated += rows.length;
  }
  return updated;
}
