import { describe, expect, it } from 'vitest';
import catalogue from '../../../../../resources/achievements/catalogue.json';
import { createTranslate } from '../../i18n';
import { en } from '../../i18n/en';
import { ru } from '../../i18n/ru';
import { achievementDescription, achievementPercent, achievementTitle, sortAchievements } from './achievement-text';

const ruT = createTranslate('ru');
const enT = createTranslate('en');

describe('achievement texts', () => {
  it('has a Russian and an English title and description for every achievement of the catalogue', () => {
    for (const entry of catalogue.achievements) {
      for (const part of ['title', 'description']) {
        const key = `achievement.${entry.name}.${part}`;
        expect(Object.keys(ru), key).toContain(key);
        expect(Object.keys(en), key).toContain(key);
      }
      expect(achievementTitle(ruT, entry)).toBe(entry.title);
      expect(achievementDescription(ruT, entry)).toBe(entry.description);
      expect(achievementTitle(enT, entry).length).toBeGreaterThan(0);
    }
  });

  it('translates by name and falls back to the core’s text for a name it does not know', () => {
    expect(achievementTitle(enT, { name: 'first-lesson', title: 'Первый урок' })).toBe('First lesson');
    const unknown = { name: 'from-a-later-version', title: 'Новое', description: 'Описание' };
    expect(achievementTitle(enT, unknown)).toBe('Новое');
    expect(achievementDescription(enT, unknown)).toBe('Описание');
  });

  it('measures progress towards the target, within 0–100', () => {
    expect(achievementPercent(3, 10)).toBe(30);
    expect(achievementPercent(12, 10)).toBe(100);
    expect(achievementPercent(0, 0)).toBe(100);
  });

  it('lists the earned first (latest on top), then the nearest to being earned', () => {
    const list = [
      { name: 'a', unlockedAt: null, current: 1, criteriaValue: 10 },
      { name: 'b', unlockedAt: '2026-03-01T10:00:00.000Z', current: 1, criteriaValue: 1 },
      { name: 'c', unlockedAt: null, current: 5, criteriaValue: 10 },
      { name: 'd', unlockedAt: '2026-03-02T10:00:00.000Z', current: 1, criteriaValue: 1 },
      { name: 'e', unlockedAt: null, current: 1, criteriaValue: 10 },
    ];
    expect(sortAchievements(list).map((item) => item.name)).toEqual(['d', 'b', 'c', 'a', 'e']);
  });
});
