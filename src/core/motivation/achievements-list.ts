import { and, asc, eq } from 'drizzle-orm';
import type { AchievementView } from '../../shared/contract';
import type { AchievementCriterion } from '../../shared/domain';
import { achievements, userAchievements } from '../db/schema';
import type { Db } from '../db/types';
import { achievementStats, limitsFor } from './achievement-stats';
import { progressTowards } from './achievements-rules';

/** The whole catalogue with the student's standing: unlocked ones with their date, progress towards the rest. */
export async function listAchievements(db: Db, userId: string): Promise<AchievementView[]> {
  const rows = await db
    .select({ achievement: achievements, unlockedAt: userAchievements.unlockedAt, seen: userAchievements.seen })
    .from(achievements)
    .leftJoin(userAchievements, and(eq(userAchievements.achievementId, achievements.id), eq(userAchievements.userId, userId)))
    .orderBy(asc(achievements.criteriaType), asc(achievements.criteriaValue), asc(achievements.name));
  const stats = await achievementStats(db, userId, limitsFor(rows.filter((r) => !r.unlockedAt).map((r) => r.achievement)));
  return rows.map(({ achievement: a, unlockedAt, seen }) => {
    const criteria = { criteriaType: a.criteriaType as AchievementCriterion, criteriaValue: a.criteriaValue };
    const progress = progressTowards(stats, criteria);
    return {
      id: a.id,
      name: a.name,
      title: a.title,
      description: a.description,
      iconName: a.iconName,
      ...criteria,
      pointsReward: a.pointsReward,
      current: unlockedAt ? a.criteriaValue : Math.min(progress.current, a.criteriaValue),
      unlockedAt: unlockedAt?.toISOString() ?? null,
      seen: seen ?? false,
    };
  });
}
