import { eq } from 'drizzle-orm';
import type { MotivationSummary } from '../../shared/contract';
import { userPreferences, users } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { DEFAULT_DAILY_GOAL_MINUTES } from '../../shared/accounts';
import { streakOf } from './refresh-motivation';
import { levelProgress } from './levels';
import { executeRows } from '../db/execute-rows';
import { sql } from 'drizzle-orm';

/** Points, level, streak and today's minutes as the student sees them now (`today` in their zone). */
export async function motivationSummary(db: Db, userId: string, today: string): Promise<MotivationSummary> {
  // The preferences hold the daily goal the streak is counted against: read them once, first.
  const [prefs] = await db.select({ other: userPreferences.otherSettings }).from(userPreferences).where(eq(userPreferences.userId, userId));
  const goal = typeof prefs?.other.dailyGoalMinutes === 'number' ? prefs.other.dailyGoalMinutes : DEFAULT_DAILY_GOAL_MINUTES;
  const [[user], streak, [todayRow]] = await Promise.all([
    db
      .select({ totalPoints: users.totalPoints, totalLessonsCompleted: users.totalLessonsCompleted })
      .from(users)
      .where(eq(users.id, userId)),
    streakOf(db, userId, goal, today),
    executeRows<{ minutes: number }>(db, sql`SELECT study_minutes AS minutes FROM user_study_days WHERE user_id = ${userId} AND day = ${today}`),
  ]);
  if (!user) throw notFound('Account');
  const level = levelProgress(user.totalPoints);
  return {
    totalPoints: user.totalPoints,
    level: level.level,
    currentLevelAt: level.currentLevelAt,
    nextLevelAt: level.nextLevelAt,
    totalLessonsCompleted: user.totalLessonsCompleted,
    // Read, not stored: a missed day shows as soon as the day is over, with no write needed.
    streak: { current: streak.current, longest: streak.longest, freezesAvailable: streak.freezesAvailable, todayQualified: streak.todayQualified },
    todayMinutes: Number(todayRow?.minutes ?? 0),
    dailyGoalMinutes: goal,
    hideStreaks: prefs?.other.hideStreaks === true,
    hideComparisons: prefs?.other.hideComparisons === true,
  };
}
