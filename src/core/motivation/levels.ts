/**
 * The published level table. Entry `i` is the total number of points at which level `i + 1`
 * starts: level 1 at 0 points, level 2 at 200, and each step is 100 points longer than the one
 * before (200, 300, 400, …), i.e. level n starts at 50·(n − 1)·(n + 2). At the README's model of
 * a 20-minute study day (one lesson and its exercises, about 90 points) level 2 takes three days,
 * level 5 about two weeks and level 10 two months: a level says days of steady work, not minutes.
 * It is a literal table rather than a formula so that what the student is shown and what the code
 * does cannot drift apart.
 */
export const LEVEL_THRESHOLDS: readonly number[] = Object.freeze([
  0, 200, 500, 900, 1400, 2000, 2700, 3500, 4400, 5400, // levels 1–10
  6500, 7700, 9000, 10400, 11900, 13500, 15200, 17000, 18900, 20900, // levels 11–20
  23000, 25200, 27500, 29900, 32400, 35000, 37700, 40500, 43400, 46400, // levels 21–30
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
