import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from '../../../shared/accounts';
import { DIFFICULTY_LEVELS, SUBJECTS, THEMES, USER_ROLES } from '../../../shared/domain';
import { en } from './en';
import { difficultyKey, errorKey, issueKey, roleKey, subjectKey, themeKey } from './labels';
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
    const keys = [
      ...ERROR_CODES.map(errorKey),
      ...SUBJECTS.map(subjectKey),
      ...DIFFICULTY_LEVELS.map(difficultyKey),
      ...USER_ROLES.map(roleKey),
      ...THEMES.map(themeKey),
    ];
    for (const key of keys) {
      expect(ruT(key).length, key).toBeGreaterThan(0);
      expect(enT(key).length, key).toBeGreaterThan(0);
    }
    expect(ruT('error.unavailable')).toBe('Нет связи с ядром приложения. Попробуйте ещё раз.');
  });

  it('has exactly the same keys in Russian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('says the sign-in sentences of the accounts issue', () => {
    expect(ruT('signIn.wrongPassword')).toBe('Неверное имя пользователя или пароль');
    expect(ruT('signIn.rateLimited', { seconds: 8 })).toBe('Слишком много неудачных попыток. Попробуйте снова через 8 сек.');
    expect(enT('signIn.rateLimited', { seconds: 8 })).toBe('Too many failed attempts. Try again in 8 s.');
  });

  it('turns the issue messages of the shared schemas and the core into sentences, anything else into a general one', () => {
    expect(ruT(issueKey(PASSWORD_TOO_SHORT))).toBe('Пароль должен быть не короче 8 символов');
    expect(ruT(issueKey(PASSWORD_TOO_LONG))).toBe('Пароль слишком длинный: не больше 72 байт (примерно 36 русских букв)');
    expect(ruT(issueKey('taken'))).toBe('Этот адрес почты или имя пользователя уже заняты');
    for (const message of ['invalid_email', 'invalid_username', 'name_required', 'avatar_too_large', 'wrong_password']) {
      expect(issueKey(message), message).not.toBe('issue.invalid');
    }
    expect(issueKey('Too big: expected string to have <=255 characters')).toBe('issue.invalid');
  });
});
