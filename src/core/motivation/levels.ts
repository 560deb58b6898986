/**
 * The published level table. Entry `i` is the total number of points at which level `i + 1`
 * starts: level 1 at 0 points, level 2 at 100, and each step is 50 points longer than the one
 * before (100, 150, 200, …), i.e. level n starts at 25·(n − 1)·(n + 2). The steps grow gently so
 * early levels come quickly and later ones still feel reachable. It is a literal table rather
 * than a formula so that what the student is shown and what the code does cannot drift apart.
 */
export const LEVEL_THRESHOLDS: readonly number[] = Object.freeze([
  0, 100, 250, 450, 700, 1000, 1350, 1750, 2200, 2700, // levels 1–10
  3250, 3850, 4500, 5200, 5950, 6750, 7600, 8500, 9450, 10450, // levels 11–20
  11500, 12600, 13750, 14950, 16200, 17500, 18850, 20250, 21700, 23200, // levels 21–30
]);

export const MAX_LEVEL = LEVEL_THRESHOLDS.length;

export interface LevelProgress {
  level: number;
  /** Points at which the current level started. */
  currentLevelAt: number;
  /** Points at which the next level starts; null at the top level. */
  nextLevelAt: number | null;
  pointsIntoLevel: number;
}

/** Points are whole and never negative; anything else (NaN, −5, 12.7) is read as the nearest sane value. */
const sanePoints = (points: number): number => (Number.isFinite(points) && points > 0 ? Math.floor(points) : 0);

/** The level (1-based) that a total of points has reached. */
export function levelForPoints(points: number): number {
  const total = sanePoints(points);
  let level = 1;
  while (level < MAX_LEVEL && total >= LEVEL_THRESHOLDS[level]!) level++;
  return level;
}

/** Where a total of points stands within its level, for the progress bar. */
export function levelProgress(points: number): LevelProgress {
  const total = sanePoints(points);
  const level = levelForPoints(total);
  const currentLevelAt = LEVEL_THRESHOLDS[level - 1]!;
  const nextLevelAt = level < MAX_LEVEL ? LEVEL_THRESHOLDS[level]! : null;
  return { level, currentLevelAt, nextLevelAt, pointsIntoLevel: total - currentLevelAt };
}
