import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { DIFFICULTY_LEVELS, SUBJECTS } from '../../../shared/domain';
import { en } from './en';
import { difficultyKey, errorKey, subjectKey } from './labels';
import { ru } from './ru';
import { createTranslate } from './translate';

describe('translate', () => {
  const ruT = createTranslate('ru');
  const enT = createTranslate('en');

  it('interpolates parameters', () => {
    expect(ruT('course.grade', { grade: 5 })).toBe('5 класс');
    expect(enT('course.grade', { grade: 5 })).toBe('Grade 5');
  });

  it('chooses plural forms by count', () => {
    expect([1, 2, 5].map((count) => ruT('course.lessonCount', { count }))).toEqual(['1 урок', '2 урока', '5 уроков']);
    expect([1, 2].map((count) => enT('course.lessonCount', { count }))).toEqual(['1 lesson', '2 lessons']);
    expect(ruT('course.progressText', { done: 3, count: 5 })).toBe('3 из 5 уроков пройдено');
    expect(enT('course.progressText', { done: 1, count: 1 })).toBe('1 of 1 lesson completed');
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    expect(ruT('course.grade')).toBe('{grade} класс');
  });

  it('has a non-empty sentence for every error code, subject and difficulty in both languages', () => {
    const keys = [...ERROR_CODES.map(errorKey), ...SUBJECTS.map(subjectKey), ...DIFFICULTY_LEVELS.map(difficultyKey)];
    for (const key of keys) {
      expect(ruT(key).length, key).toBeGreaterThan(0);
      expect(enT(key).length, key).toBeGreaterThan(0);
    }
    expect(ruT('error.unavailable')).toBe('Нет связи с ядром приложения. Попробуйте ещё раз.');
  });

  it('has exactly the same keys in Russian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
});
