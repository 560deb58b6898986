import type { Language } from '../../../shared/domain';
import type { Expr } from './expression-tree';
import type { Poly } from './polynomial';
import { Rational } from './rational';

/** How numbers and formulas are written in a reply: LaTeX in the steps, plain text in the «Ответ:» line. */

export function texNumber(r: Rational): string {
  if (r.isInteger()) return String(r.num);
  const frac = `\\frac{${Math.abs(r.num)}}{${r.den}}`;
  return r.num < 0 ? `-${frac}` : frac;
}

/** «-1/3», «2», and a finite decimal as the student would write it («0,4» in Russian). */
export function plainNumber(r: Rational, lang: Language): string {
  if (r.isInteger()) return String(r.num);
  const decimal = r.decimal();
  if (decimal && decimal.length <= 8) return lang === 'ru' ? decimal : decimal.replace(',', '.');
  return `${r.num}/${r.den}`;
}

export function plainFloat(value: number, lang: Language, digits = 2): string {
  const text = String(Number(value.toFixed(digits)));
  return lang === 'ru' ? text.replace('.', ',') : text;
}

const monomialTex = (powers: Record<string, number>) =>
  Object.keys(powers)
    .sort()
    .map((v) => (powers[v] === 1 ? v : `${v}^${powers[v]}`))
    .join('');

/** Terms from the highest power down (then alphabetically), signs joined as a teacher writes them. */
export function texPoly(poly: Poly): string {
  const terms = [...poly.terms.values()].sort((a, b) => {
    const da = Object.values(a.powers).reduce((s, p) => s + p, 0);
    const db = Object.values(b.powers).reduce((s, p) => s + p, 0);
    return db - da || monomialTex(a.powers).localeCompare(monomialTex(b.powers));
  });
  if (!terms.length) return '0';
  return terms
    .map((t, i) => {
      const mono = monomialTex(t.powers);
      const abs = t.coef.sign() < 0 ? t.coef.neg() : t.coef;
      const coef = mono && abs.equals(Rational.ONE) ? '' : texNumber(abs);
      const sign = t.coef.sign() < 0 ? (i ? ' - ' : '-') : i ? ' + ' : '';
      return `${sign}${coef}${mono}`;
    })
    .join('');
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 } as const;

function precedence(e: Expr): number {
  if (e.kind === 'op') return PRECEDENCE[e.op];
  if (e.kind === 'neg') return 3;
  if (e.kind === 'num') return e.value.sign() < 0 ? 3 : e.value.isInteger() ? 5 : 2;
  return 5;
}

const paren = (text: string) => `\\left(${text}\\right)`;

/** An expression in LaTeX, with only the brackets its structure needs. */
export function texExpr(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return texNumber(e.value);
    case 'var':
      return e.name;
    case 'sqrt':
      return `\\sqrt{${texExpr(e.arg)}}`;
    case 'neg':
      return `-${precedence(e.arg) <= 3 ? paren(texExpr(e.arg)) : texExpr(e.arg)}`;
    case 'op': {
      if (e.op === '/') return `\\frac{${texExpr(e.left)}}{${texExpr(e.right)}}`;
      const p = PRECEDENCE[e.op];
      const left = precedence(e.left) < p || (e.op === '^' && precedence(e.left) <= 4) ? paren(texExpr(e.left)) : texExpr(e.left);
      if (e.op === '^') return `${left}^{${texExpr(e.right)}}`;
      // Right operands bind tighter: 5 - (2 - 1), and a negative number is always bracketed after a sign.
      const right = precedence(e.right) <= p || (precedence(e.right) === 3) ? paren(texExpr(e.right)) : texExpr(e.right);
      const op = e.op === '*' ? ' \\cdot ' : ` ${e.op} `;
      return `${left}${op}${right}`;
    }
  }
}
