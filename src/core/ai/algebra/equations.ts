import type { Language } from '../../../shared/domain';
import { texNumber, texPoly, plainNumber, plainFloat } from './latex';
import { Poly, type RationalFunction } from './polynomial';
import { Rational, lcm } from './rational';
import { subscript, type Solution } from './solution';
import { step } from './step-phrases';

export type Relation = '=' | '<' | '>' | '≤' | '≥';

const tex = (r: Rational) => texNumber(r);
/** A number as an operand after a sign: (-3). */
const texOperand = (r: Rational) => (r.sign() < 0 || !r.isInteger() ? `\\left(${texNumber(r)}\\right)` : texNumber(r));
const TEX_RELATION: Record<Relation, string> = { '=': '=', '<': '<', '>': '>', '≤': '\\le', '≥': '\\ge' };
const FLIP: Record<Relation, Relation> = { '=': '=', '<': '>', '>': '<', '≤': '≥', '≥': '≤' };

/** `a` times `v` in LaTeX: «x», «-x», «3x», «\frac{1}{2}x». */
function texTerm(a: Rational, v: string): string {
  if (a.equals(Rational.ONE)) return v;
  if (a.equals(Rational.of(-1))) return `-${v}`;
  return `${tex(a)}${v}`;
}

/**
 * One equation or inequality in one letter, `left rel right`, both sides expanded. Linear and
 * quadratic ones are solved the school way; a letter in a denominator first drops the denominator
 * and rejects the roots it forbids. Higher degrees return null (the teacher says it cannot).
 */
/** What the student typed, without spaces and «*»: a step that would only repeat it is left out. */
const bare = (text: string) => text.replace(/[\s*]|\\left|\\right/g, '').replace(/\\le/g, '≤').replace(/\\ge/g, '≥');

export function solveOneVariable(left: RationalFunction, right: RationalFunction, rel: Relation, v: string, lang: Language, source = ''): Solution | null {
  const leftDen = left.den.constantValue();
  const rightDen = right.den.constantValue();
  if (leftDen && rightDen) {
    const difference = left.num.sub(right.num);
    if (difference.degree() <= 1) return solveLinear(left.num, right.num, rel, v, lang, { source, check: true });
    if (difference.degree() === 2 && rel === '=') return solveQuadratic(difference, bare(source) === bare(`${texPoly(difference)}=0`) ? null : right.num.constantValue()?.isZero() ? 'expand' : 'toStandard', v, lang);
    return null;
  }
  if (rel !== '=') return null;
  // N/D = 0 with N = left.num·right.den − right.num·left.den and D = left.den·right.den.
  const num = left.num.mul(right.den).sub(right.num.mul(left.den));
  const den = left.den.mul(right.den);
  if (num.degree() > 2) return null;
  const inner = num.degree() <= 1 ? solveLinear(num, Poly.constant(Rational.ZERO), '=', v, lang, { source: `${texPoly(num)}=0`, check: false }) : solveQuadratic(num, null, v, lang);
  if (!inner) return null;
  const steps = [step(lang, 'domain', { den: texPoly(den) }), `$${texPoly(num)} = 0$`, ...inner.steps.slice(0, -1)];
  const kept = (inner.exact ?? []).filter((root) => {
    if (!den.at({ [v]: root }).isZero()) return true;
    steps.push(step(lang, 'extraneous', { x: tex(root) }));
    return false;
  });
  if (!inner.exact) {
    // Irrational roots never make a polynomial with rational coefficients zero: none is extraneous.
    return { ...inner, steps: [...steps, inner.steps.at(-1)!] };
  }
  return finish(steps, kept, v, lang);
}

function finish(steps: string[], roots: Rational[], v: string, lang: Language): Solution {
  const sorted = [...roots].sort((a, b) => a.compare(b));
  if (!sorted.length) return { steps: [...steps, step(lang, 'answer', { answer: step(lang, 'noRootsAnswer') })], answer: step(lang, 'noRootsAnswer'), values: [], exact: [], verbal: 'none' };
  const answer = sorted.length === 1 ? `${v} = ${plainNumber(sorted[0]!, lang)}` : sorted.map((r, i) => `${v}${subscript(i + 1)} = ${plainNumber(r, lang)}`).join(', ');
  return { steps: [...steps, step(lang, 'answer', { answer })], answer, values: sorted.map((r) => r.value()), exact: sorted };
}

function solveLinear(left: Poly, right: Poly, rel: Relation, v: string, lang: Language, shown: { source: string; check: boolean }): Solution {
  const [a1, b1, a2, b2] = [left.coef(v), left.coef(''), right.coef(v), right.coef('')];
  const steps: string[] = [];
  const R = TEX_RELATION[rel];
  const expanded = `${texPoly(left)} ${R} ${texPoly(right)}`;
  if (bare(shown.source) !== bare(expanded)) steps.push(`${step(lang, 'expand')} $${expanded}$`);
  const a = a1.sub(a2);
  const c = b2.sub(b1);
  if (!a2.isZero() || !b1.isZero()) {
    const lhs = [texTerm(a1, v), a2.isZero() ? '' : `${a2.sign() < 0 ? '+' : '-'} ${texTerm(a2.sign() < 0 ? a2.neg() : a2, v)}`].filter(Boolean).join(' ');
    const rhs = b2.isZero() ? tex(b1.neg()) : [tex(b2), b1.isZero() ? '' : `${b1.sign() < 0 ? '+' : '-'} ${tex(b1.sign() < 0 ? b1.neg() : b1)}`].filter(Boolean).join(' ');
    steps.push(`${step(lang, 'moveTerms', { v })} $${a1.isZero() ? `0${v}` : lhs} ${R} ${rhs}$`);
    if (!a2.isZero() || (!b1.isZero() && !b2.isZero())) steps.push(`${step(lang, 'collect')} $${a.isZero() ? `0 \\cdot ${v}` : texTerm(a, v)} ${R} ${tex(c)}$`);
  }
  if (a.isZero()) {
    const holds = rel === '=' ? c.isZero() : compare(Rational.ZERO, rel, c);
    if (rel === '=') {
      const answer = step(lang, holds ? 'anyAnswer' : 'noRootsAnswer');
      return { steps: [...steps, step(lang, holds ? 'anyNumber' : 'noRoots', { v }), step(lang, 'answer', { answer })], answer, values: [], verbal: holds ? 'any' : 'none' };
    }
    const answer = step(lang, holds ? 'anyAnswer' : 'noSolutionsAnswer');
    return { steps: [...steps, step(lang, holds ? 'allNumbers' : 'noSolutions', { v }), step(lang, 'answer', { answer })], answer, values: [], verbal: holds ? 'any' : 'none' };
  }
  const x = c.div(a);
  const finalRel = a.sign() < 0 ? FLIP[rel] : rel;
  if (!a.equals(Rational.ONE)) {
    steps.push(
      `${step(lang, a.sign() < 0 && rel !== '=' ? 'divideFlip' : 'divideBoth', { k: `$${tex(a)}$` })} $${v} ${TEX_RELATION[finalRel]} ${tex(c)} : ${texOperand(a)} = ${tex(x)}$`,
    );
  }
  if (rel === '=') {
    if (shown.check) steps.push(step(lang, 'check', { work: `$${v} = ${tex(x)}$: $${tex(left.at({ [v]: x }))} = ${tex(right.at({ [v]: x }))}$ ✓` }));
    return finish(steps, [x], v, lang);
  }
  const answer = `${v} ${finalRel} ${plainNumber(x, lang)}`;
  const open = finalRel === '<' || finalRel === '>';
  const interval = finalRel === '<' || finalRel === '≤' ? `(−∞; ${plainNumber(x, lang)}${open ? ')' : ']'}` : `${open ? '(' : '['}${plainNumber(x, lang)}; +∞)`;
  const full = `${answer}, ${interval}`;
  return { steps: [...steps, step(lang, 'answer', { answer: full })], answer: full, values: [x.value()], verbal: 'interval' };
}

function compare(a: Rational, rel: Relation, b: Rational): boolean {
  const c = a.compare(b);
  return rel === '<' ? c < 0 : rel === '>' ? c > 0 : rel === '≤' ? c <= 0 : rel === '≥' ? c >= 0 : c === 0;
}

/** The largest square dividing n: √72 = 6√2. */
function splitSquare(n: number): [outside: number, inside: number] {
  let outside = 1;
  let inside = n;
  for (let k = 2; k * k <= inside; k++) {
    while (inside % (k * k) === 0) {
      inside /= k * k;
      outside *= k;
    }
  }
  return [outside, inside];
}

function solveQuadratic(poly: Poly, intro: 'expand' | 'toStandard' | null, v: string, lang: Language): Solution {
  const steps: string[] = [];
  let p = poly;
  const show = () => `$${texPoly(p)} = 0$`;
  if (intro) steps.push(`${step(lang, intro)} ${show()}`);
  else steps.push(show());
  const dens = [p.coef(`${v}^2`), p.coef(v), p.coef('')].map((c) => c.den);
  const k = dens.reduce((m, d) => lcm(m, d), 1);
  if (k !== 1) {
    p = p.scale(Rational.of(k));
    steps.push(`${step(lang, 'clearFractions', { k: `$${k}$` })} ${show()}`);
  }
  if (p.coef(`${v}^2`).sign() < 0) {
    p = p.scale(Rational.of(-1));
    steps.push(`${step(lang, 'flipSign')} ${show()}`);
  }
  const [a, b, c] = [p.coef(`${v}^2`), p.coef(v), p.coef('')];
  if (c.isZero()) {
    const other = b.neg().div(a);
    const bTerm = `${b.sign() < 0 ? '-' : '+'} ${tex(b.sign() < 0 ? b.neg() : b)}`;
    steps.push(`${step(lang, 'factorOut', { v })} $${v}(${texTerm(a, v)} ${bTerm}) = 0$`);
    if (b.isZero()) return finish([...steps.slice(0, -1), `$${texTerm(a, `${v}^2`)} = 0$, $${v} = 0$`], [Rational.ZERO], v, lang);
    steps.push(`${step(lang, 'productZero')} $${v} = 0$ ${step(lang, 'or')} $${texTerm(a, v)} ${bTerm} = 0$, $${v} = ${tex(other)}$.`);
    return finish(steps, [Rational.ZERO, other], v, lang);
  }
  if (b.isZero()) {
    const square = c.neg().div(a);
    steps.push(`${step(lang, 'isolateSquare', { v })} $${v}^2 = ${tex(square)}$`);
    if (square.sign() < 0) return finish([...steps, step(lang, 'squareNegative')], [], v, lang);
    const root = square.sqrt();
    if (root) {
      steps.push(`${step(lang, 'squareRoot')} $${v} = \\pm ${tex(root)}$`);
      return finish(steps, [root.neg(), root], v, lang);
    }
    steps.push(`${step(lang, 'squareRoot')} $${v} = \\pm\\sqrt{${tex(square)}}$`);
    return irrationalAnswer(steps, [-Math.sqrt(square.value()), Math.sqrt(square.value())], `${v}_{1,2} = \\pm\\sqrt{${tex(square)}}`, `${v} = ±√${plainNumber(square, lang)}`, v, lang);
  }
  steps.push(step(lang, 'coefficients', { a: tex(a), b: tex(b), c: tex(c) }));
  const d = b.mul(b).sub(Rational.of(4).mul(a).mul(c));
  steps.push(step(lang, 'discriminant', { work: `${texOperand(b)}^2 - 4 \\cdot ${texOperand(a)} \\cdot ${texOperand(c)} = ${tex(b.mul(b))} ${d.sub(b.mul(b)).sign() < 0 ? '-' : '+'} ${tex(b.mul(b).sub(d).sign() < 0 ? b.mul(b).sub(d).neg() : b.mul(b).sub(d))} = ${tex(d)}` }));
  const twoA = a.mul(Rational.of(2));
  if (d.sign() < 0) return finish([...steps, step(lang, 'negativeD')], [], v, lang);
  if (d.isZero()) {
    const x = b.neg().div(twoA);
    steps.push(step(lang, 'oneRoot', { work: `-\\frac{${tex(b)}}{${tex(twoA)}} = ${tex(x)}` }));
    return finish(steps, [x], v, lang);
  }
  const root = d.sqrt();
  if (root) {
    const x1 = b.neg().sub(root).div(twoA);
    const x2 = b.neg().add(root).div(twoA);
    steps.push(step(lang, 'twoRoots', { work: `\\frac{${tex(b.neg())} \\pm ${tex(root)}}{${tex(twoA)}}` }) + ` $${v}_1 = ${tex(x1)}$, $${v}_2 = ${tex(x2)}$.`);
    return finish(steps, [x1, x2], v, lang);
  }
  // √D is irrational: simplify it and cancel a common factor, as the lesson does with 1 ± √2.
  const dInt = d.isInteger() ? d.num : null;
  const [out, inside] = dInt ? splitSquare(dInt) : [1, d.value()];
  const sqrtTex = out === 1 ? `\\sqrt{${tex(d)}}` : `${out}\\sqrt{${inside}}`;
  const values = [(-b.value() - Math.sqrt(d.value())) / twoA.value(), (-b.value() + Math.sqrt(d.value())) / twoA.value()];
  let [p0, q0, r0] = [b.neg(), Rational.of(out), twoA];
  if (p0.isInteger() && r0.isInteger()) {
    const g = [p0.num, q0.num, r0.num].map(Math.abs).reduce((x, y) => gcdOf(x, y));
    if (g > 1) [p0, q0, r0] = [p0.div(Rational.of(g)), q0.div(Rational.of(g)), r0.div(Rational.of(g))];
  }
  const sq = q0.equals(Rational.ONE) ? `\\sqrt{${inside}}` : `${tex(q0)}\\sqrt{${inside}}`;
  const plainSq = q0.equals(Rational.ONE) ? `√${inside}` : `${plainNumber(q0, lang)}√${inside}`;
  const numTex = p0.isZero() ? `\\pm ${sq}` : `${tex(p0)} \\pm ${sq}`;
  const numPlain = p0.isZero() ? `±${plainSq}` : `${plainNumber(p0, lang)} ± ${plainSq}`;
  const exact = r0.equals(Rational.ONE) ? numTex : `\\frac{${numTex}}{${tex(r0)}}`;
  const exactPlain = r0.equals(Rational.ONE) ? numPlain : `(${numPlain})/${plainNumber(r0, lang)}`;
  steps.push(step(lang, 'twoRoots', { work: `\\frac{${tex(b.neg())} \\pm ${sqrtTex}}{${tex(twoA)}} = ${exact}` }));
  return irrationalAnswer(steps, values, `${v}_{1,2} = ${exact}`, `${v}₁,₂ = ${exactPlain}`, v, lang);
}

function gcdOf(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function irrationalAnswer(steps: string[], values: number[], _tex: string, exactPlain: string, v: string, lang: Language): Solution {
  const approx = values.map((x, i) => `${v}${subscript(i + 1)} ≈ ${plainFloat(x, lang)}`).join(', ');
  const answer = `${exactPlain} (${approx})`;
  return { steps: [...steps, step(lang, 'answer', { answer })], answer, values };
}
