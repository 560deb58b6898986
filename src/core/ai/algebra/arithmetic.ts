import type { Language } from '../../../shared/domain';
import type { Expr } from './expression-tree';
import { plainFloat, plainNumber, texExpr } from './latex';
import { type Rational, lcm } from './rational';
import type { Solution } from './solution';
import { step } from './step-phrases';

class Inexact extends Error {}

/** One operation on two known numbers, exactly; a root or power that is not exact throws Inexact. */
function apply(e: Extract<Expr, { kind: 'op' | 'neg' | 'sqrt' }>, notes: string[], lang: Language): Rational {
  const value = (x: Expr) => (x as { value: Rational }).value;
  if (e.kind === 'neg') return value(e.arg).neg();
  if (e.kind === 'sqrt') {
    const root = value(e.arg).sqrt();
    if (!root) throw new Inexact();
    return root;
  }
  const [a, b] = [value(e.left), value(e.right)];
  switch (e.op) {
    case '+':
    case '-': {
      if (a.den !== b.den && !a.isInteger() && !b.isInteger()) {
        const d = lcm(a.den, b.den);
        const as = (r: Rational) => `\\frac{${r.num}}{${r.den}} = \\frac{${r.num * (d / r.den)}}{${d}}`;
        notes.push(step(lang, 'commonDenominator', { d: `$${d}$`, work: [a, b].filter((r) => r.den !== d).map((r) => `$${as(r)}$`).join(', ') }));
      }
      return e.op === '+' ? a.add(b) : a.sub(b);
    }
    case '*':
      return a.mul(b);
    case '/':
      if (b.isZero()) throw new Inexact();
      return a.div(b);
    case '^':
      if (!b.isInteger() || Math.abs(b.num) > 30) throw new Inexact();
      return a.pow(b.num);
  }
}

const isNum = (e: Expr): e is Extract<Expr, { kind: 'num' }> => e.kind === 'num';

/** Every operation whose operands are already numbers is done at once: one line of the board per round. */
function reduceRound(e: Expr, notes: string[], lang: Language): Expr {
  switch (e.kind) {
    case 'num':
    case 'var':
      return e;
    case 'neg':
    case 'sqrt': {
      if (isNum(e.arg)) return { kind: 'num', value: apply(e, notes, lang) };
      return { ...e, arg: reduceRound(e.arg, notes, lang) };
    }
    case 'op': {
      if (isNum(e.left) && isNum(e.right)) return { kind: 'num', value: apply(e, notes, lang) };
      return { ...e, left: reduceRound(e.left, notes, lang), right: reduceRound(e.right, notes, lang) };
    }
  }
}

function approximate(e: Expr): number {
  switch (e.kind) {
    case 'num':
      return e.value.value();
    case 'var':
      return NaN;
    case 'neg':
      return -approximate(e.arg);
    case 'sqrt':
      return Math.sqrt(approximate(e.arg));
    case 'op': {
      const [a, b] = [approximate(e.left), approximate(e.right)];
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
  }
}

const MAX_ROUNDS = 20;

/** An expression without letters worked out line by line; the value exactly (5/6), or approximately when it has to be. */
export function evaluateWithSteps(expr: Expr, lang: Language, intro: string[] = []): Solution | null {
  const steps = [...intro, step(lang, 'evaluate')];
  const chain = [texExpr(expr)];
  let current = expr;
  try {
    for (let round = 0; round < MAX_ROUNDS && !isNum(current); round++) {
      const notes: string[] = [];
      current = reduceRound(current, notes, lang);
      steps.push(...notes);
      const shown = texExpr(current);
      if (shown !== chain.at(-1)) chain.push(shown);
    }
  } catch (error) {
    if (!(error instanceof Inexact)) throw error;
    const value = approximate(expr);
    if (!Number.isFinite(value)) return null;
    const answer = `≈ ${plainFloat(value, lang, 4)}`;
    return { steps: [...intro, `$${texExpr(expr)}$`, step(lang, 'approximately'), `$${texExpr(expr)} \\approx ${plainFloat(value, lang, 4)}$`, step(lang, 'answer', { answer })], answer, values: [value] };
  }
  if (!isNum(current)) return null;
  const value = current.value;
  steps.push(`$${chain.join(' = ')}$`);
  const decimal = !value.isInteger() && value.decimal();
  const answer = decimal && decimal.length <= 8 ? `${value.num}/${value.den} = ${lang === 'ru' ? decimal : decimal.replace(',', '.')}` : plainNumber(value, lang);
  return { steps: [...steps, step(lang, 'answer', { answer })], answer, values: [value.value()], exact: [value] };
}

