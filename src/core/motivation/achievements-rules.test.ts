import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_CRITERIA } from '../../shared/domain';
import { ROOT } from '../../../tests/support/test-databases';
import { loadAchievementCatalogue } from './achievement-catalogue';
import { emptyStats, isAchieved, newlyAchieved, progressTowards, type AchievementStats } from './achievements-rules';

const catalogue = loadAchievementCatalogue(path.join(ROOT, 'resources/achievements/catalogue.json'));
const statsWith = (changes: Partial<AchievementStats>): AchievementStats => ({ ...emptyStats(), ...changes });

describe('isAchieved', () => {
  it.each(catalogue.map((a) => [a.name, a]))('%s is reached exactly at its threshold', (_name, achievement) => {
    const { criteriaType, criteriaValue } = achievement;
    expect(isAchieved(statsWith({ [criteriaType]: criteriaValue - 1 }), achievement)).toBe(false);
    expect(isAchieved(statsWith({ [criteriaType]: criteriaValue }), achievement)).toBe(true);
    expect(isAchieved(statsWith({ [criteriaType]: criteriaValue + 1 }), achievement)).toBe(true);
  });

  it('looks only at its own criterion', () => {
    const firstLesson = catalogue.find((a) => a.name === 'first-lesson')!;
    const everythingElse = Object.fromEntries(ACHIEVEMENT_CRITERIA.map((c) => [c, 1_000])) as AchievementStats;
    expect(isAchieved({ ...everythingElse, lessons_completed: 0 }, firstLesson)).toBe(false);
  });

  it('treats a missing or nonsensical number as zero', () => {
    expect(isAchieved({ ...emptyStats(), total_points: Number.NaN }, { criteriaType: 'total_points', criteriaValue: 1 })).toBe(false);
    expect(isAchieved({} as AchievementStats, { criteriaType: 'total_points', criteriaValue: 1 })).toBe(false);
    expect(isAchieved({} as AchievementStats, { criteriaType: 'total_points', criteriaValue: 0 })).toBe(true);
  });
});

describe('progressTowards', () => {
  const tenLessons = { criteriaType: 'lessons_completed', criteriaValue: 10 } as const;

  it('reports the fraction done', () => {
    expect(progressTowards(emptyStats(), tenLessons)).toEqual({ current: 0, target: 10, fraction: 0 });
    expect(progressTowards(statsWith({ lessons_completed: 4 }), tenLessons)).toEqual({ current: 4, target: 10, fraction: 0.4 });
    expect(progressTowards(statsWith({ lessons_completed: 10 }), tenLessons)).toEqual({ current: 10, target: 10, fraction: 1 });
  });

  it('caps at the target and handles a zero target', () => {
    expect(progressTowards(statsWith({ lessons_completed: 25 }), tenLessons)).toEqual({ current: 10, target: 10, fraction: 1 });
    expect(progressTowards(emptyStats(), { criteriaType: 'lessons_completed', criteriaValue: 0 })).toEqual({
      current: 0,
      target: 0,
      fraction: 1,
    });
  });
});

describe('newlyAchieved', () => {
  it('returns the reached achievements not yet unlocked, in catalogue order', () => {
    const stats = statsWith({ lessons_completed: 10, total_points: 150 });
    const names = newlyAchieved(stats, catalogue, new Set(['first-lesson'])).map((a) => a.name);
    expect(names).toEqual(['lessons-10', 'points-100']);
  });

  it('returns nothing for a new student or when everything is unlocked', () => {
    expect(newlyAchieved(emptyStats(), catalogue, new Set())).toEqual([]);
    const all = Object.fromEntries(ACHIEVEMENT_CRITERIA.map((c) => [c, 1_000_000])) as AchievementStats;
    expect(newlyAchieved(all, catalogue, new Set())).toHaveLength(catalogue.length);
    expect(newlyAchieved(all, catalogue, new Set(catalogue.map((a) => a.name)))).toEqual([]);
  });
});
