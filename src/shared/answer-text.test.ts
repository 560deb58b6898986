import { describe, expect, it } from 'vitest';
import { normaliseText, stripOuterParentheses, tidyAnswer } from './answer-text';

describe('what every answer is forgiven', () => {
  it.each([
    ['  7  ', '7'],
    ['7.', '7'],
    ['7;', '7'],
    ['7 .', '7'],
    ['7!', '7'],
    ['−3', '-3'],
    ['–3', '-3'],
    ['—3', '-3'],
    ['Ответ: 5', '5'],
    ['ответ — 5', '5'],
    ['Ответ 5.', '5'],
    ['ответ', 'ответ'],
    ['2   6/11', '2 6/11'],
  ])('%j is %j', (typed, tidy) => expect(tidyAnswer(typed)).toBe(tidy));

  it('strips only a pair of brackets that wraps the whole answer', () => {
    expect(stripOuterParentheses('(x <= y)')).toBe('x <= y');
    expect(stripOuterParentheses('((x))')).toBe('x');
    expect(stripOuterParentheses('(x-3)(x-5)')).toBe('(x-3)(x-5)');
  });
});

describe('short text answers', () => {
  it.each([
    ['  Ёжик   в тумане. ', 'ежик в тумане'],
    ['ЧИСЛИТЕЛЬ', 'числитель'],
    ['Скорость  сближения;', 'скорость сближения'],
    ['3 / 7', '3/7'],
    ['2 6 / 11', '2 6/11'],
    ['x<= y', 'x<=y'],
    ['(x <= y)', 'x<=y'],
    ['x ≤ y', 'x<=y'],
    ['x⩽y', 'x<=y'],
    ['y ≥ x', 'y>=x'],
    ['z, x, w, y', 'z,x,w,y'],
    ['v in s', 'v in s'],
  ])('%j compares as %j', (typed, normal) => expect(normaliseText(typed)).toBe(normal));
});
