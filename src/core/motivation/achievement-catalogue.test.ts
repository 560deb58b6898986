import { asc } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_CRITERIA } from '../../shared/domain';
import { ROOT, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { achievements } from '../db/schema';
import {
  InvalidAchievementCatalogueError,
  installAchievements,
  loadAchievementCatalogue,
  parseAchievementCatalogue,
  type AchievementDefinition,
} from './achievement-catalogue';

const CATALOGUE_FILE = path.join(ROOT, 'resources/achievements/catalogue.json');

/** What the product promises to recognise, as (criterion, threshold). */
const REQUIRED: [AchievementDefinition['criteriaType'], number][] = [
  ['lessons_completed', 1],
  ['lessons_completed', 10],
  ['streak_days', 3],
  ['streak_days', 7],
  ['streak_days', 30],
  ['total_points', 100],
  ['total_points', 1000],
  ['courses_completed', 1],
  ['perfect_scores', 1],
  ['perfect_scores', 5],
  ['chat_questions', 10],
  ['homework_submitted', 1],
  ['homework_submitted', 5],
  ['exam_topics_mastered', 1],
  ['level_reached', 5],
  ['study_minutes', 60],
  ['study_minutes', 600],
  ['exercises_correct', 50],
  ['plans_generated', 1],
];

describe('the shipped achievement catalogue', () => {
  const catalogue = loadAchievementCatalogue(CATALOGUE_FILE);

  it('validates and has at least 15 achievements', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(15);
  });

  it.each(REQUIRED)('has an achievement for %s ≥ %i', (criteriaType, criteriaValue) => {
    expect(catalogue.some((a) => a.criteriaType === criteriaType && a.criteriaValue === criteriaValue)).toBe(true);
  });

  it('uses every criterion and starts with the first lesson', () => {
    expect(new Set(catalogue.map((a) => a.criteriaType))).toEqual(new Set(ACHIEVEMENT_CRITERIA));
    expect(catalogue[0]).toMatchObject({ name: 'first-lesson', title: 'Первый урок', criteriaType: 'lessons_completed', criteriaValue: 1 });
  });

  it('is written in Russian', () => {
    for (const a of catalogue) {
      expect(a.title).toMatch(/[А-Яа-яЁё]/);
      expect(a.description).toMatch(/[А-Яа-яЁё]/);
    }
  });
});

describe('an invalid catalogue', () => {
  const valid = JSON.parse(fs.readFileSync(CATALOGUE_FILE, 'utf8')) as { format: string; achievements: Record<string, unknown>[] };
  const reasonsFor = (json: unknown) => {
    try {
      parseAchievementCatalogue('broken.json', JSON.stringify(json));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAchievementCatalogueError);
      return (error as Error).message;
    }
    throw new Error('expected the catalogue to be refused');
  };

  it('names the file and the JSON path of the problem', () => {
    const badCriterion = { ...valid, achievements: [{ ...valid.achievements[0], criteriaType: 'logins' }] };
    expect(reasonsFor(badCriterion)).toMatch(/^broken\.json: achievements\.0\.criteriaType: /);
    const negative = { ...valid, achievements: [{ ...valid.achievements[0], criteriaValue: -1 }] };
    expect(reasonsFor(negative)).toMatch(/achievements\.0\.criteriaValue/);
    const fractional = { ...valid, achievements: [{ ...valid.achievements[0], pointsReward: 1.5 }] };
    expect(reasonsFor(fractional)).toMatch(/achievements\.0\.pointsReward/);
    const badName = { ...valid, achievements: [{ ...valid.achievements[0], name: 'First Lesson' }] };
    expect(reasonsFor(badName)).toMatch(/achievements\.0\.name: lowercase latin letters/);
  });

  it('refuses duplicate names, a wrong format and broken JSON', () => {
    const duplicate = { ...valid, achievements: [valid.achievements[0], valid.achievements[0]] };
    expect(reasonsFor(duplicate)).toMatch(/achievements\.1\.name: duplicate name "first-lesson"/);
    expect(reasonsFor({ ...valid, format: 'teacher-ai-achievements/2' })).toMatch(/format/);
    expect(() => parseAchievementCatalogue('broken.json', '{ "format": ')).toThrow(/^broken\.json: not valid JSON/);
  });

  it('names a file that cannot be read', () => {
    const missing = path.join(os.tmpdir(), 'teacher-ai-no-such-catalogue.json');
    expect(() => loadAchievementCatalogue(missing)).toThrow(/teacher-ai-no-such-catalogue\.json: cannot be read/);
  });
});

describeOnEachDatabase('installAchievements', (ctx) => {
  const catalogue = loadAchievementCatalogue(CATALOGUE_FILE);
  const rows = () => ctx.db.select().from(achievements).orderBy(asc(achievements.name));

  it('installs one row per name, twice over', async () => {
    await installAchievements(ctx.db, catalogue);
    await installAchievements(ctx.db, catalogue);
    const installed = await rows();
    expect(installed).toHaveLength(catalogue.length);
    expect(new Set(installed.map((r) => r.name))).toEqual(new Set(catalogue.map((a) => a.name)));
    expect(installed.find((r) => r.name === 'first-lesson')).toMatchObject({
      title: 'Первый урок',
      iconName: 'book-open',
      criteriaType: 'lessons_completed',
      criteriaValue: 1,
      pointsReward: 10,
    });
  });

  it('updates a changed definition in place and never deletes rows', async () => {
    await installAchievements(ctx.db, catalogue);
    const before = await rows();
    const changed = catalogue
      .filter((a) => a.name !== 'first-plan')
      .map((a) => (a.name === 'first-lesson' ? { ...a, title: 'Самый первый урок', criteriaValue: 2, icon: 'star' as const } : a));
    await installAchievements(ctx.db, changed);
    const after = await rows();
    expect(after).toHaveLength(before.length);
    const firstLesson = after.find((r) => r.name === 'first-lesson')!;
    expect(firstLesson).toMatchObject({ title: 'Самый первый урок', criteriaValue: 2, iconName: 'star' });
    // Same row (unlocks reference its id), and the untouched ones were not rewritten.
    expect(firstLesson.id).toBe(before.find((r) => r.name === 'first-lesson')!.id);
    const tenLessons = (list: typeof before) => list.find((r) => r.name === 'lessons-10')!;
    expect(tenLessons(after).updatedAt).toEqual(tenLessons(before).updatedAt);
    expect(after.some((r) => r.name === 'first-plan')).toBe(true);
  });
});
