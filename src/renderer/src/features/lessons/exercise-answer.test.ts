import { describe, expect, it } from 'vitest';
import { readExpression } from '../../../../shared/answer-expression';
import { EMPTY_DRAFT, lessonScore, optionName, readNumber, toAnswer, toggleChoice } from './exercise-answer';

describe('exercise answers', () => {
  it('sends nothing until something is chosen or typed', () => {
    for (const type of ['single_choice', 'multiple_choice', 'numeric', 'fraction', 'short_text', 'expression', 'ege_short'] as const) {
      expect(toAnswer({ type }, EMPTY_DRAFT), type).toBeNull();
    }
    expect(toAnswer({ type: 'short_text' }, { ...EMPTY_DRAFT, text: '   ' })).toBeNull();
  });

  it('builds the answer of each type', () => {
    expect(toAnswer({ type: 'single_choice' }, { ...EMPTY_DRAFT, choice: 0 })).toEqual({ type: 'single_choice', choice: 0 });
    expect(toAnswer({ type: 'multiple_choice' }, { ...EMPTY_DRAFT, choices: [2, 0] })).toEqual({ type: 'multiple_choice', choices: [0, 2] });
    expect(toAnswer({ type: 'numeric' }, { ...EMPTY_DRAFT, text: ' 2,5 ' })).toEqual({ type: 'numeric', text: '2,5' });
    expect(toAnswer({ type: 'short_text' }, { ...EMPTY_DRAFT, text: ' Числитель ' })).toEqual({ type: 'short_text', text: 'Числитель' });
    expect(toAnswer({ type: 'ege_short' }, { ...EMPTY_DRAFT, text: '0,25' })).toEqual({ type: 'ege_short', text: '0,25' });
    expect(toAnswer({ type: 'fraction' }, { ...EMPTY_DRAFT, text: ' 2 6/11 ' })).toEqual({ type: 'fraction', text: '2 6/11' });
    expect(toAnswer({ type: 'expression' }, { ...EMPTY_DRAFT, text: '(х-3)(х-5)' })).toEqual({ type: 'expression', text: '(х-3)(х-5)' });
  });

  it('does not send a number that is not one, or an expression that cannot be read', () => {
    expect(toAnswer({ type: 'numeric' }, { ...EMPTY_DRAFT, text: 'двадцать' })).toBeNull();
    expect(toAnswer({ type: 'numeric' }, { ...EMPTY_DRAFT, text: '12 5' })).toBeNull();
    expect(toAnswer({ type: 'fraction' }, { ...EMPTY_DRAFT, text: 'две трети' })).toBeNull();
    const reads = (text: string) => readExpression(text).kind === 'expression';
    expect(toAnswer({ type: 'expression' }, { ...EMPTY_DRAFT, text: '(x-3)(x-5' }, reads)).toBeNull();
    // Before the parser has loaded, the core judges what is typed.
    expect(toAnswer({ type: 'expression' }, { ...EMPTY_DRAFT, text: '(x-3)(x-5' })).toEqual({ type: 'expression', text: '(x-3)(x-5' });
  });

  it('reads numbers the way the core checks them', () => {
    expect(readNumber('')).toEqual({ kind: 'empty' });
    expect(readNumber('2,5')).toEqual({ kind: 'number', value: 2.5, commonFraction: false });
    expect(readNumber('3/4')).toEqual({ kind: 'number', value: 0.75, commonFraction: true });
    expect(readNumber('1 000')).toEqual({ kind: 'number', value: 1000, commonFraction: false });
    expect(readNumber('1 1/2')).toEqual({ kind: 'number', value: 1.5, commonFraction: true });
    expect(readNumber('−2 1/2')).toEqual({ kind: 'number', value: -2.5, commonFraction: true });
    expect(readNumber('x = 6,5')).toEqual({ kind: 'number', value: 6.5, commonFraction: false });
    expect(readNumber('2,5 см')).toEqual({ kind: 'number', value: 2.5, commonFraction: false });
    expect(readNumber('12 5')).toEqual({ kind: 'invalid', reason: 'ambiguous_spaces' });
    expect(readNumber('2,5,1')).toEqual({ kind: 'invalid', reason: 'not_a_number' });
  });

  it('ticks and unticks options', () => {
    expect(toggleChoice([], 1)).toEqual([1]);
    expect(toggleChoice([1, 3], 1)).toEqual([3]);
  });

  it('scores the share of exercises solved', () => {
    expect(lessonScore(0, 0)).toBe(100);
    expect(lessonScore(0, 7)).toBe(0);
    expect(lessonScore(1, 7)).toBe(14);
    expect(lessonScore(2, 3)).toBe(67);
    expect(lessonScore(7, 7)).toBe(100);
  });

  it('names an option that holds a formula by its words, and leaves one of plain words to its label', () => {
    expect(optionName('$\\frac{3}{4}$')).toBe('3/4');
    expect(optionName('$\\frac{1}{x^2} + x = 2$')).toBe('1/x² + x = 2');
    expect(optionName('Числитель')).toBeUndefined();
  });
});
