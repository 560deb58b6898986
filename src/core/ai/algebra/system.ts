import type { Language } from '../../../shared/domain';
import { plainNumber, texNumber, texPoly } from './latex';
import { Poly } from './polynomial';
import { Rational } from './rational';
import type { Solution } from './solution';
import { step } from './step-phrases';

const texTerm = (a: Rational, v: string) => (a.equals(Rational.ONE) ? v : a.equals(Rational.of(-1)) ? `-${v}` : `${texNumber(a)}${v}`);
const operand = (r: Rational) => (r.sign() < 0 || !r.isInteger() ? `\\left(${texNumber(r)}\\right)` : texNumber(r));

/**
 * Two linear equations in two letters, each given as `poly = 0`, solved by addition (the method of
 * the 7th-grade course): scale to cancel one letter, find the other, substitute back.
 */
export function solveLinearSystem(first: Poly, second: Poly, [u, w]: [string, string], lang: Language): Solution | null {
  if (first.degree() > 1 || second.degree() > 1) return null;
  const row = (p: Poly) => ({ a: p.coef(u), b: p.coef(w), c: p.coef('').neg() });
  const [e1, e2] = [row(first), row(second)];
  const form = (e: { a: Rational; b: Rational; c: Rational }) =>
    `${texPoly(Poly.variable(u).scale(e.a).add(Poly.variable(w).scale(e.b)))} = ${texNumber(e.c)}`;
  const steps = [`${step(lang, 'systemWrite')} $\\begin{cases} ${form(e1)} \\\\ ${form(e2)} \\end{cases}$`];
  // Eliminate `u`: e1·a2 − e2·a1 leaves (b1·a2 − b2·a1)·w = c1·a2 − c2·a1.
  const [x, y] = [u, w];
  let [first1, second1] = [e1, e2];
  if (e1.a.isZero() && e2.a.isZero()) return null;
  if (e1.a.isZero()) [first1, second1] = [e2, e1];
  const kw = first1.b.mul(second1.a).sub(second1.b.mul(first1.a));
  const kc = first1.c.mul(second1.a).sub(second1.c.mul(first1.a));
  const both = second1.a.equals(Rational.ONE) && first1.a.equals(Rational.ONE);
  const eliminate = both ? step(lang, 'systemSubtract', { v: x }) : step(lang, 'systemEliminate', { m1: `$${texNumber(second1.a)}$`, m2: `$${texNumber(first1.a)}$`, v: x });
  steps.push(`${eliminate} $${texTerm(kw, y)} = ${texNumber(kc)}$`);
  if (kw.isZero()) {
    const many = kc.isZero();
    const answer = step(lang, many ? 'anyAnswer' : 'noSolutionsAnswer');
    return { steps: [...steps, step(lang, many ? 'systemMany' : 'systemNone'), step(lang, 'answer', { answer })], answer, values: [], verbal: many ? 'any' : 'none' };
  }
  const yValue = kc.div(kw);
  const xValue = first1.c.sub(first1.b.mul(yValue)).div(first1.a);
  steps.push(`$${y} = ${texNumber(kc)} : ${operand(kw)} = ${texNumber(yValue)}$`);
  steps.push(`${step(lang, 'systemBack', { v: y, value: texNumber(yValue) })} $${texTerm(first1.a, x)} ${first1.b.sign() < 0 ? '-' : '+'} ${operand(first1.b.sign() < 0 ? first1.b.neg() : first1.b)} \\cdot ${operand(yValue)} = ${texNumber(first1.c)}$, $${x} = ${texNumber(xValue)}$`);
  const values: Record<string, Rational> = { [x]: xValue, [y]: yValue };
  const answer = `${u} = ${plainNumber(values[u]!, lang)}, ${w} = ${plainNumber(values[w]!, lang)}`;
  return { steps: [...steps, step(lang, 'answer', { answer })], answer, values: [values[u]!.value(), values[w]!.value()], exact: [values[u]!, values[w]!] };
}
