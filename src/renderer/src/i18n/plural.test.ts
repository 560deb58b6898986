import { describe, expect, it } from 'vitest';
import { englishPlural, russianPlural } from './plural';

const lesson = { one: 'урок', few: 'урока', many: 'уроков' };

describe('russianPlural', () => {
  it.each([
    [0, 'уроков'],
    [1, 'урок'],
    [2, 'урока'],
    [4, 'урока'],
    [5, 'уроков'],
    [11, 'уроков'],
    [12, 'уроков'],
    [14, 'уроков'],
    [21, 'урок'],
    [22, 'урока'],
    [25, 'уроков'],
    [101, 'урок'],
    [111, 'уроков'],
    [1.5, 'урока'],
  ])('%d → %s', (count, form) => expect(russianPlural(count, lesson)).toBe(form));
});

describe('englishPlural', () => {
  it('uses the singular only for one', () => {
    const forms = { one: 'lesson', other: 'lessons' };
    expect([0, 1, 2, 21].map((n) => englishPlural(n, forms))).toEqual(['lessons', 'lesson', 'lessons', 'lessons']);
  });
});
