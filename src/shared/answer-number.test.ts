import { describe, expect, it } from 'vitest';
import { parseNumber, readTypedNumber } from './answer-number';

describe('numbers as students type them', () => {
  it.each([
    // decimal comma or point, sign, spaces around
    ['2.5', 2.5, 'decimal'],
    ['2,5', 2.5, 'decimal'],
    [' 2,5 ', 2.5, 'decimal'],
    ['.5', 0.5, 'decimal'],
    ['+3', 3, 'integer'],
    ['-0,75', -0.75, 'decimal'],
    // every minus and dash a keyboard or phone puts
    ['−4', -4, 'integer'],
    ['–3', -3, 'integer'],
    ['—3', -3, 'integer'],
    ['‐3', -3, 'integer'],
    ['- 3', -3, 'integer'],
    // thousands in groups of three (also non-breaking and thin spaces)
    ['1 000', 1000, 'integer'],
    ['150 000 000', 150_000_000, 'integer'],
    ['1\u00a0000,5', 1000.5, 'decimal'],
    ['1\u202f000', 1000, 'integer'],
    // fractions and mixed numbers: «1 1/2» is one and a half, not eleven halves
    ['3/4', 0.75, 'fraction'],
    ['3 / 4', 0.75, 'fraction'],
    ['-1/2', -0.5, 'fraction'],
    ['−3/8', -0.375, 'fraction'],
    ['1 1/2', 1.5, 'mixed'],
    ['-2 1/2', -2.5, 'mixed'],
    ['−2 1/2', -2.5, 'mixed'],
    ['6 3/13', 81 / 13, 'mixed'],
    ['2 6 / 11', 28 / 11, 'mixed'],
    ['1 100/200', 1.5, 'mixed'],
    // «x = », Russian «х», «≈», «Ответ:» before; units and punctuation after
    ['x = 6,5', 6.5, 'decimal'],
    ['х=6.5', 6.5, 'decimal'],
    ['X = -3', -3, 'integer'],
    ['x1 = -4;', -4, 'integer'],
    ['p=7', 7, 'integer'],
    ['≈ 0,14', 0.14, 'decimal'],
    ['Ответ: 7.', 7, 'integer'],
    ['ответ 12', 12, 'integer'],
    ['20 см', 20, 'integer'],
    ['20см', 20, 'integer'],
    ['5 км/ч', 5, 'integer'],
    ['12 м²', 12, 'integer'],
    ['12 м2', 12, 'integer'],
    ['21%', 21, 'integer'],
    ['x = 6,5 см.', 6.5, 'decimal'],
    ['3 / 4 кг', 0.75, 'fraction'],
    ['70 страниц', 70, 'integer'],
    ['5.', 5, 'integer'],
    ['5;', 5, 'integer'],
  ])('%j is %d (%s)', (typed, value, notation) => {
    const reading = readTypedNumber(typed);
    expect(reading).toMatchObject({ kind: 'number', notation });
    expect(parseNumber(typed)).toBeCloseTo(value, 12);
  });

  it('keeps the exact value, the unit and whether a fraction is in lowest terms', () => {
    expect(readTypedNumber('0,375')).toMatchObject({ exact: { num: 3n, den: 8n }, reduced: true, unit: null });
    expect(readTypedNumber('-2 1/2')).toMatchObject({ exact: { num: -5n, den: 2n }, reduced: true });
    expect(readTypedNumber('6/14')).toMatchObject({ exact: { num: 3n, den: 7n }, reduced: false });
    expect(readTypedNumber('2 12/22')).toMatchObject({ exact: { num: 28n, den: 11n }, reduced: false });
    expect(readTypedNumber('20 км/ч')).toMatchObject({ unit: 'км/ч' });
    expect(readTypedNumber('0110')).toMatchObject({ numeral: '0110', value: 110 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'empty'],
  ])('%j is nothing yet', (typed) => expect(readTypedNumber(typed)).toEqual({ kind: 'empty' }));

  it.each([
    // spaces between digits that are neither thousands nor a mixed number: refused with how to write it
    ['12 5', 'ambiguous_spaces'],
    ['1 00', 'ambiguous_spaces'],
    ['1 1', 'ambiguous_spaces'],
    ['2 5/3', 'ambiguous_spaces'],
    ['1 03/4', 'ambiguous_spaces'],
    ['1 000/3', 'ambiguous_spaces'],
    // not numbers at all
    ['два', 'not_a_number'],
    ['2,5,1', 'not_a_number'],
    ['1/0', 'not_a_number'],
    ['e5', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['5 и 6', 'not_a_number'],
    ['x = ', 'not_a_number'],
    ['2x', 'not_a_number'],
    ['3 см 5', 'not_a_number'],
  ])('%j is refused (%s)', (typed, reason) => {
    expect(readTypedNumber(typed)).toEqual({ kind: 'invalid', reason });
    expect(parseNumber(typed)).toBeNaN();
  });
});
