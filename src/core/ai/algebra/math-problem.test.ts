import { describe, expect, it } from 'vitest';
import { canonicalForm, solveMathIn } from './math-problem';
import { mathRuns, normaliseMath } from './math-text';
import { solveWordProblem } from './word-problems';

const answerOf = (message: string, factor = false) => solveMathIn(message, 'ru', factor)?.answer ?? null;

describe('reading maths the Russian way', () => {
  it('turns comma decimals, Cyrillic x, «:», «²» and «−» into plain notation and finds the formula in a sentence', () => {
    expect(mathRuns(normaliseMath('Реши уравнение 2х² − 12 : 4 = 0,5х, пожалуйста'))).toEqual(['2x^2 - 12 / 4 = 0.5x']);
    expect(mathRuns(normaliseMath('Найди x: 3x = 12'))).toEqual(['3x = 12']);
    expect(mathRuns(normaliseMath('у меня есть вопрос'))).toEqual([]);
    expect(mathRuns(normaliseMath('x + у = 5 и х − у = 1'))).toEqual(['x + y = 5', 'x - y = 1']);
  });
});

describe('solving school problems step by step', () => {
  it.each([
    ['x^2-5x+6=0', 'x₁ = 2, x₂ = 3'],
    ['3x^2 - 5x - 2 = 0', 'x₁ = -1/3, x₂ = 2'],
    ['x^2 - 6x + 9 = 0', 'x = 3'],
    ['x^2 + x + 1 = 0', 'корней нет'],
    ['x^2 - 2x - 1 = 0', 'x₁,₂ = 1 ± √2 (x₁ ≈ -0,41, x₂ ≈ 2,41)'],
    ['x² − 9 = 0', 'x₁ = -3, x₂ = 3'],
    ['x^2 - 3x = 0', 'x₁ = 0, x₂ = 3'],
    ['5(x - 2) = 3x + 4', 'x = 7'],
    ['0,2х = 1,4', 'x = 7'],
    ['x/3 + x/2 = 5', 'x = 6'],
    ['(x^2-1)/(x-1) = 0', 'x = -1'],
    ['2x + 1 = 2x + 3', 'корней нет'],
    ['-3x + 1 ≤ 7', 'x ≥ -2, [-2; +∞)'],
    ['x + y = 5, x - y = 1', 'x = 3, y = 2'],
    ['1/2 + 1/3', '5/6'],
    ['2,5 * 4 - 3 : 4', '37/4 = 9,25'],
    ['√16 + 3²', '13'],
    ['2^-2', '1/4 = 0,25'],
    ['2a + 3b при a = 2, b = -1', '1'],
    ['2 + 2 = 5', 'равенство неверно'],
  ])('%s → %s', (problem, answer) => {
    expect(answerOf(problem)).toBe(answer);
  });

  it('shows the discriminant and states the answer last', () => {
    const steps = solveMathIn('x^2-5x+6=0', 'ru')!.steps;
    expect(steps).toContain('Дискриминант: $D = b^2 - 4ac = \\left(-5\\right)^2 - 4 \\cdot 1 \\cdot 6 = 25 - 24 = 1$.');
    expect(steps.at(-1)).toBe('**Ответ:** x₁ = 2, x₂ = 3');
  });

  it('factorises a trinomial when asked, and refuses what it cannot solve', () => {
    expect(answerOf('x^2 + 3x - 10', true)).toBe('(x + 5)(x - 2)');
    expect(answerOf('x^3 - x = 0')).toBeNull();
    expect(answerOf('sin(x) = 1')).toBeNull();
    expect(answerOf('как дела')).toBeNull();
  });

  it('solves percent and motion word problems', () => {
    expect(solveWordProblem('Найди 15% от 240', 'ru')?.answer).toBe('36');
    expect(solveWordProblem('Цена 800 рублей, скидка 15%. Сколько стоит товар?', 'ru')?.answer).toBe('680');
    expect(solveWordProblem('пешеход прошёл 3 км за 45 минут, найди скорость', 'ru')?.answer).toBe('4 км/ч');
    expect(solveWordProblem('переведи 72 км/ч в м/с', 'ru')?.answer).toBe('20 м/с');
  });

  it('spells one problem one way whatever the notation', () => {
    expect(canonicalForm('(x + 4)/3 = (x - 1)/2')).toBe(canonicalForm(mathRuns(normaliseMath('$\\frac{x + 4}{3} = \\frac{x - 1}{2}$'))[0]!));
    expect(canonicalForm('x^2 + 3x - 10')).not.toBe(canonicalForm('x^2 + 3x - 108 = 0'));
    expect(canonicalForm('(-3)^2 + 4*(-2)')).not.toBe(canonicalForm('1'));
  });
});
