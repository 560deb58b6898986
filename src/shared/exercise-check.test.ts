import { describe, expect, it } from 'vitest';
import type { Exercise } from './content';
import { checkAnswer, normaliseText, parseNumber } from './exercise-check';

const base = { id: 'ex', prompt: 'Вопрос', explanation: 'Потому что', hints: [] };
const numeric = (answer: number, tolerance?: number): Exercise => ({ ...base, type: 'numeric', answer, ...(tolerance !== undefined ? { tolerance } : {}) });
const text = (answer: string, accept?: string[]): Exercise => ({ ...base, type: 'short_text', answer, ...(accept ? { accept } : {}) });
const ege = (answer: string): Exercise => ({ ...base, type: 'ege_short', answer });

describe('numbers as students type them', () => {
  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    [' 2,5 ', 2.5],
    ['+3', 3],
    ['−4', -4],
    ['-0,75', -0.75],
    ['1 000', 1000],
    ['1\u00a0000,5', 1000.5],
    ['3/4', 0.75],
    ['-1/2', -0.5],
    ['.5', 0.5],
  ])('%s is %d', (typed, value) => expect(parseNumber(typed)).toBeCloseTo(value, 12));

  it.each(['', 'два', '2,5,1', '1/0', '3 / 4 кг', 'e5', '0x10', 'Infinity', '1e3'])('%j is not a number', (typed) => {
    expect(parseNumber(typed)).toBeNaN();
  });
});

describe('checkAnswer', () => {
  it('numeric: comma or point, within the tolerance only', () => {
    expect(checkAnswer(numeric(2.5), { type: 'numeric', text: '2,5' })).toBe(true);
    expect(checkAnswer(numeric(0.3), { type: 'numeric', text: String(0.1 + 0.2) })).toBe(true);
    expect(checkAnswer(numeric(2.5), { type: 'numeric', text: '2.51' })).toBe(false);
    expect(checkAnswer(numeric(3.14, 0.01), { type: 'numeric', text: '3,15' })).toBe(true);
    expect(checkAnswer(numeric(3.14, 0.01), { type: 'numeric', text: '3,16' })).toBe(false);
    expect(checkAnswer(numeric(20), { type: 'numeric', text: '20 м/с' })).toBe(false);
    expect(checkAnswer(numeric(5), { type: 'numeric', text: '' })).toBe(false);
  });

  it('short text: case, spaces and ё/е are forgiven, other words are not', () => {
    expect(normaliseText('  Ёжик   в тумане. ')).toBe('ежик в тумане');
    expect(checkAnswer(text('числитель'), { type: 'short_text', text: ' ЧИСЛИТЕЛЬ ' })).toBe(true);
    expect(checkAnswer(text('счёт'), { type: 'short_text', text: 'счет' })).toBe(true);
    expect(checkAnswer(text('траектория', ['линия движения']), { type: 'short_text', text: 'Линия  движения' })).toBe(true);
    expect(checkAnswer(text('числитель'), { type: 'short_text', text: 'знаменатель' })).toBe(false);
  });

  it('ЕГЭ short answers: numbers compare as numbers, digit strings exactly', () => {
    expect(checkAnswer(ege('0.35'), { type: 'ege_short', text: '0,35' })).toBe(true);
    expect(checkAnswer(ege('25'), { type: 'ege_short', text: ' 25 ' })).toBe(true);
    expect(checkAnswer(ege('25'), { type: 'ege_short', text: '25.0' })).toBe(true);
    expect(checkAnswer(ege('1011'), { type: 'ege_short', text: '1011' })).toBe(true);
    expect(checkAnswer(ege('0110'), { type: 'ege_short', text: '110' })).toBe(false);
    expect(checkAnswer(ege('xyzw'), { type: 'ege_short', text: 'XYZW' })).toBe(true);
    expect(checkAnswer(ege('25'), { type: 'ege_short', text: '52' })).toBe(false);
  });

  it('choices: the one right option; all and only the right options', () => {
    const single: Exercise = { ...base, type: 'single_choice', options: ['a', 'b', 'c'], answer: 1 };
    const multiple: Exercise = { ...base, type: 'multiple_choice', options: ['a', 'b', 'c'], answer: [0, 2] };
    expect(checkAnswer(single, { type: 'single_choice', choice: 1 })).toBe(true);
    expect(checkAnswer(single, { type: 'single_choice', choice: 2 })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [2, 0] })).toBe(true);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0] })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0, 1, 2] })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0, 0, 2] })).toBe(false);
  });

  it('an answer of another kind is wrong, never an error', () => {
    expect(checkAnswer(numeric(1), { type: 'short_text', text: '1' })).toBe(false);
    expect(checkAnswer(text('a'), { type: 'single_choice', choice: 0 })).toBe(false);
  });
});
