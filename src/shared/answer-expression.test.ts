import { describe, expect, it } from 'vitest';
import { isProduct, readExpression, sameValue, toParserSpelling, variablesOf, type ExpressionDomain } from './answer-expression';

/** Whether a typed expression has the value of the expected one (both read with the expected one's letters). */
function agrees(typed: string, expected: string, domain: ExpressionDomain = 'real', variables = variablesOf(expected)): boolean {
  const given = readExpression(typed, variables);
  const want = readExpression(expected, variables);
  if (given.kind !== 'expression' || want.kind !== 'expression') return false;
  return sameValue(given.node, want.node, variables, domain);
}

describe('algebraic answers compared by value', () => {
  it.each([
    '(x-3)(x-5)',
    '(х-3)(х-5)', // Russian «х»
    '(X-3)(X-5)',
    '(x -3)(x-5)',
    '( x - 3 ) ( x - 5 )',
    '(x-5)(x-3)',
    '(3-x)(5-x)',
    '(x-3)·(x-5)',
    '(x-3)⋅(x-5)',
    '(x-3)×(x-5)',
    '(x-3)*(x-5)',
    '(x−3)(x–5)', // typographic minus and a dash
    '(x-3)(x-5).',
    'Ответ: (x-3)(x-5)',
    '[x-3][x-5]',
    'x^2-8x+15',
    'x²-8x+15',
    'x**2 - 8*x + 15',
  ])('%j equals (x-3)(x-5)', (typed) => expect(agrees(typed, '(x-3)(x-5)')).toBe(true));

  it.each(['(x-3)(x+5)', '(x+3)(x+5)', '(x-3)(x-5)+1', '2(x-3)(x-5)', 'x-3', '(x-3)(x-5)(x-1)'])('%j does not', (typed) => {
    expect(agrees(typed, '(x-3)(x-5)')).toBe(false);
  });

  it('reads what the parser would misread: x(x-3), xy, a decimal comma, √ and «:»', () => {
    expect(agrees('x(x-8)', 'x^2-8x')).toBe(true);
    expect(agrees('xy+y', 'y(x+1)')).toBe(true);
    expect(agrees('0,5x', 'x/2')).toBe(true);
    expect(agrees('x:2', 'x/2')).toBe(true);
    expect(agrees('2√3', '2*sqrt(3)')).toBe(true);
    expect(agrees('√(x^2)', 'abs(x)')).toBe(true);
    expect(toParserSpelling('ху(х-1)', ['x', 'y'])).toBe('x*y*(x-1)');
  });

  it('agrees only where the expected answer is defined, and needs enough such points', () => {
    expect(agrees('sqrt(x-10)', 'sqrt(x-10)')).toBe(true);
    expect(agrees('(x^2-4)/(x-2)', 'x+2')).toBe(true);
    expect(agrees('x+2', '(x^2-4)/(x-2)')).toBe(true);
    expect(agrees('x', 'sqrt(x)^2')).toBe(true);
    expect(agrees('abs(x)', 'x')).toBe(false);
  });

  it.each([
    ['x<= y', true],
    ['(x <= y)', true],
    ['x ≤ y', true],
    ['x⩽y', true],
    ['y >= x', true],
    ['y ⩾ x', true],
    ['not x or y', true],
    ['(not x) or y', true],
    ['y or not x', true],
    ['x < y', false],
    ['x >= y', false],
    ['x == y', false],
    ['y', false],
  ])('Python logic over 0/1: %j for x <= y is %s', (typed, same) => {
    expect(agrees(typed, 'x <= y', 'binary', ['x', 'y'])).toBe(same);
  });

  it.each(['', 'x = 3', 'x + ', '"x"', '[1, 2]', 'cos(x)', 'x mod 2', 'z + 1', 'x2', 'a.b', 'x; y'])('%j is not an answer expression over x', (typed) => {
    expect(readExpression(typed, ['x']).kind).not.toBe('expression');
  });

  it('asks for a product where the exercise says «разложите на множители»', () => {
    const product = (typed: string) => {
      const reading = readExpression(typed, ['x']);
      return reading.kind === 'expression' && isProduct(reading.node);
    };
    expect(product('(x-3)(x-5)')).toBe(true);
    expect(product('-(3-x)(x-5)')).toBe(true);
    expect(product('2(x-1)(x+1)')).toBe(true);
    expect(product('x(x-8)')).toBe(true);
    expect(product('(x-4)^2')).toBe(true);
    expect(product('x^2-8x+15')).toBe(false);
    expect(product('x(x-8)+15')).toBe(false);
    expect(product('2(x^2-1)')).toBe(false);
  });

  it('the letters of an answer are its variables', () => {
    expect(variablesOf('(x-3)(x-5)')).toEqual(['x']);
    expect(variablesOf('sqrt(a)+b')).toEqual(['a', 'b']);
  });
});
