import { describe, expect, it } from 'vitest';
import { LEVEL_THRESHOLDS, MAX_LEVEL, levelForPoints, levelProgress } from './levels';

describe('level table', () => {
  it('starts level 1 at 0, has at least 20 levels and grows steadily', () => {
    expect(LEVEL_THRESHOLDS[0]).toBe(0);
    expect(LEVEL_THRESHOLDS.slice(0, 6)).toEqual([0, 200, 500, 900, 1400, 2000]);
    expect(MAX_LEVEL).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < LEVEL_THRESHOLDS.length; i++) {
      const step = LEVEL_THRESHOLDS[i]! - LEVEL_THRESHOLDS[i - 1]!;
      expect(step).toBeGreaterThan(0);
      // Each step is a little longer than the one before, never a jump.
      if (i > 1) expect(step - (LEVEL_THRESHOLDS[i - 1]! - LEVEL_THRESHOLDS[i - 2]!)).toBe(100);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(LEVEL_THRESHOLDS)).toBe(true);
  });
});

describe('levelForPoints', () => {
  it.each(LEVEL_THRESHOLDS.slice(1).map((at, i) => [i + 2, at]))('level %i starts exactly at %i points', (level, at) => {
    expect(levelForPoints(at - 1)).toBe(level - 1);
    expect(levelForPoints(at)).toBe(level);
  });

  it('reads 199 as level 1 and 200 as level 2', () => {
    expect(levelForPoints(0)).toBe(1);
    expect(levelForPoints(199)).toBe(1);
    expect(levelForPoints(200)).toBe(2);
  });

  it('is monotone', () => {
    let previous = 1;
    for (let points = 0; points <= LEVEL_THRESHOLDS.at(-1)! + 500; points += 7) {
      const level = levelForPoints(points);
      expect(level).toBeGreaterThanOrEqual(previous);
      previous = level;
    }
  });

  it('stops at the top level', () => {
    expect(levelForPoints(LEVEL_THRESHOLDS.at(-1)!)).toBe(MAX_LEVEL);
    expect(levelForPoints(10_000_000)).toBe(MAX_LEVEL);
  });

  it('treats negative, fractional and non-finite totals sanely', () => {
    expect(levelForPoints(-50)).toBe(1);
    expect(levelForPoints(Number.NaN)).toBe(1);
    expect(levelForPoints(99.9)).toBe(1);
  });
});

describe('levelProgress', () => {
  it('places points within their level', () => {
    expect(levelProgress(0)).toEqual({ level: 1, currentLevelAt: 0, nextLevelAt: 200, pointsIntoLevel: 0 });
    expect(levelProgress(199)).toEqual({ level: 1, currentLevelAt: 0, nextLevelAt: 200, pointsIntoLevel: 199 });
    expect(levelProgress(200)).toEqual({ level: 2, currentLevelAt: 200, nextLevelAt: 500, pointsIntoLevel: 0 });
    expect(levelProgress(550)).toEqual({ level: 3, currentLevelAt: 500, nextLevelAt: 900, pointsIntoLevel: 50 });
  });

  it('has no next level at the top', () => {
    const top = LEVEL_THRESHOLDS.at(-1)!;
    expect(levelProgress(top + 123)).toEqual({ level: MAX_LEVEL, currentLevelAt: top, nextLevelAt: null, pointsIntoLevel: 123 });
  });
});
