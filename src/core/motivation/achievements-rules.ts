/**
 * When an achievement is earned. Every achievement is one threshold on one number about the
 * student (`criteriaType` ≥ `criteriaValue`), so the catalogue can grow without new code and the
 * profile can always show how far along each one is.
 */
import { ACHIEVEMENT_CRITERIA, type AchievementCriterion } from '../../shared/domain';

export type { AchievementCriterion };

/** The student's numbers, one per criterion the catalogue can use. */
export type AchievementStats = Record<AchievementCriterion, number>;

export interface AchievementCriteria {
  criteriaType: AchievementCriterion;
  criteriaValue: number;
}

export interface AchievementProgress {
  /** The student's number, capped at the target so a finished badge reads "10 / 10". */
  current: number;
  target: number;
  /** 0..1 */
  fraction: number;
}

/** Stats with every number at zero, for a new student and as a base to fill in. */
export function emptyStats(): AchievementStats {
  return Object.fromEntries(ACHIEVEMENT_CRITERIA.map((criterion) => [criterion, 0])) as AchievementStats;
}

/** A missing or nonsensical number counts as nothing achieved rather than throwing. */
const statOf = (stats: AchievementStats, criterion: AchievementCriterion): number => {
  const value = stats[criterion];
  return Number.isFinite(value) && value > 0 ? value : 0;
};

export function isAchieved(stats: AchievementStats, achievement: AchievementCriteria): boolean {
  return statOf(stats, achievement.criteriaType) >= achievement.criteriaValue;
}

export function progressTowards(stats: AchievementStats, achievement: AchievementCriteria): AchievementProgress {
  const target = achievement.criteriaValue;
  const current = Math.min(statOf(stats, achievement.criteriaType), target);
  return { current, target, fraction: target > 0 ? current / target : 1 };
}

/** The catalogue's achievements that the stats reach and the student does not have yet, in catalogue order. */
export function newlyAchieved<T extends AchievementCriteria & { name: string }>(
  stats: AchievementStats,
  catalogue: readonly T[],
  unlockedNames: ReadonlySet<string>,
): T[] {
  return catalogue.filter((achievement) => !unlockedNames.has(achievement.name) && isAchieved(stats, achievement));
}
