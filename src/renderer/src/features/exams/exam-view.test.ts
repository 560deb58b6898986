import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../i18n';
import { examCardKey, examShortKey, formatStudiedDate, MASTERY_ORDER, masteryKey, masterySymbol } from './exam-view';

describe('the exams screen', () => {
  it('names every mastery level in both languages, each with its own symbol', () => {
    const ru = createTranslate('ru');
    const en = createTranslate('en');
    expect(MASTERY_ORDER.map((m) => ru(masteryKey(m)))).toEqual(['Не начато', 'Нужно подтянуть', 'Хорошо', 'Освоено']);
    expect(new Set(MASTERY_ORDER.map((m) => en(masteryKey(m)))).size).toBe(4);
    expect(new Set(MASTERY_ORDER.map(masterySymbol)).size).toBe(4);
  });

  it('titles a card «ОГЭ · Математика»', () => {
    const ru = createTranslate('ru');
    expect(ru('exams.cardTitle', { exam: ru(examShortKey('ОГЭ')), subject: ru('subject.math') })).toBe('ОГЭ · Математика');
    expect(examCardKey({ examType: 'ЕГЭ', subject: 'informatics' })).toBe('ЕГЭ|informatics');
  });

  it('writes the last study date in the interface language, or nothing', () => {
    expect(formatStudiedDate('2026-03-05T10:00:00.000Z', 'ru-RU')).toMatch(/^5 марта 2026/);
    expect(formatStudiedDate('2026-03-05T10:00:00.000Z', 'en-GB')).toBe('5 March 2026');
    expect(formatStudiedDate(null, 'ru-RU')).toBeNull();
    expect(formatStudiedDate('not a date', 'ru-RU')).toBeNull();
  });

  it('counts topics with the right Russian form', () => {
    const ru = createTranslate('ru');
    expect(ru('exams.progress', { done: 1, count: 1 })).toBe('1 из 1 темы');
    expect(ru('exams.progress', { done: 2, count: 24 })).toBe('2 из 24 тем');
    expect(ru('exams.progress', { done: 0, count: 5 })).toBe('0 из 5 тем');
  });
});
