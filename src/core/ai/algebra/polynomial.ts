import { NotSchoolMath, type Expr } from './expression-tree';
import { Rational } from './rational';

/** Variable → power, e.g. x²y is { x: 2, y: 1 }; the key «x^2*y» names the monomial. */
type Powers = Record<string, number>;
const keyOf = (powers: Powers) =>
  Object.keys(powers)
    .sort()
    .map((v) => (powers[v] === 1 ? v : `${v}^${powers[v]}`))
    .join('*');

/** A polynomial in any letters with exact coefficients: what «раскрыть скобки и привести подобные» produces. */
export class Poly {
  private constructor(readonly terms: ReadonlyMap<string, { powers: Powers; coef: Rational }>) {}

  static constant(value: Rational): Poly {
    return new Poly(value.isZero() ? new Map() : new Map([['', { powers: {}, coef: value }]]));
  }
  static variable(name: string): Poly {
    return new Poly(new Map([[name, { powers: { [name]: 1 }, coef: Rational.ONE }]]));
  }

  add(o: Poly): Poly {
    const terms = new Map(this.terms);
    for (const [key, term] of o.terms) {
      const coef = (terms.get(key)?.coef ?? Rational.ZERO).add(term.coef);
      if (coef.isZero()) terms.delete(key);
      else terms.set(key, { powers: term.powers, coef });
    }
    return new Poly(terms);
  }
  scale(k: Rational): Poly {
    if (k.isZero()) return Poly.constant(Rational.ZERO);
    return new Poly(new Map([...this.terms].map(([key, t]) => [key, { powers: t.powers, coef: t.coef.mul(k) }])));
  }
  sub(o: Poly): Poly {
    return this.add(o.scale(Rational.of(-1)));
  }
  mul(o: Poly): Poly {
    let result = Poly.constant(Rational.ZERO);
    for (const a of this.terms.values()) {
      for (const b of o.terms.values()) {
        const powers: Powers = { ...a.powers };
        for (const [v, p] of Object.entries(b.powers)) powers[v] = (powers[v] ?? 0) + p;
        result = result.add(new Poly(new Map([[keyOf(powers), { powers, coef: a.coef.mul(b.coef) }]])));
      }
    }
    return result;
  }
  /** The polynomial's value when it has no letters, else null. */
  constantValue(): Rational | null {
    if (this.terms.size === 0) return Rational.ZERO;
    return this.terms.size === 1 && this.terms.has('') ? this.terms.get('')!.coef : null;
  }
  variables(): string[] {
    return [...new Set([...this.terms.values()].flatMap((t) => Object.keys(t.powers)))].sort();
  }
  degree(): number {
    return Math.max(0, ...[...this.terms.values()].map((t) => Object.values(t.powers).reduce((s, p) => s + p, 0)));
  }
  /** Coefficient of a monomial (`''` for the constant term, `x`, `x^2`, `x*y`). */
  coef(key: string): Rational {
    return this.terms.get(key)?.coef ?? Rational.ZERO;
  }
  at(values: Record<string, Rational>): Rational {
    let sum = Rational.ZERO;
    for (const t of this.terms.values()) {
      let term = t.coef;
      for (const [v, p] of Object.entries(t.powers)) term = term.mul(values[v]!.pow(p));
      sum = sum.add(term);
    }
    return sum;
  }
}

/** N/D: an expression with letters in a denominator (a «дробное рациональное уравнение»). */
export interface RationalFunction {
  num: Poly;
  den: Poly;
}

const MAX_POWER = 6;

/** Expand an expression into N/D; throws NotSchoolMath for roots of letters or non-whole powers of them. */
export function expand(expr: Expr): RationalFunction {
  switch (expr.kind) {
    case 'num':
      return { num: Poly.constant(expr.value), den: Poly.constant(Rational.ONE) };
    case 'var':
      return { num: Poly.variable(expr.name), den: Poly.constant(Rational.ONE) };
    case 'neg': {
      const a = expand(expr.arg);
      return { num: a.num.scale(Rational.of(-1)), den: a.den };
    }
    case 'sqrt': {
      const a = expand(expr.arg);
      const value = a.num.constantValue()?.div(a.den.constantValue() ?? Rational.ONE);
      const root = a.den.constantValue() ? value?.sqrt() : null;
      if (!root) throw new NotSchoolMath('root not exact');
      return { num: Poly.constant(root), den: Poly.constant(Rational.ONE) };
    }
    case 'op': {
      const a = expand(expr.left);
      const b = expand(expr.right);
      switch (expr.op) {
        case '+':
          return normal({ num: a.num.mul(b.den).add(b.num.mul(a.den)), den: a.den.mul(b.den) });
        case '-':
          return normal({ num: a.num.mul(b.den).sub(b.num.mul(a.den)), den: a.den.mul(b.den) });
        case '*':
          return normal({ num: a.num.mul(b.num), den: a.den.mul(b.den) });
        case '/':
          if (b.num.constantValue()?.isZero()) throw new NotSchoolMath('division by zero');
          return normal({ num: a.num.mul(b.den), den: a.den.mul(b.num) });
        case '^': {
          const exponent = b.num.constantValue()?.div(b.den.constantValue() ?? Rational.ONE);
          if (!exponent?.isInteger() || Math.abs(exponent.value()) > MAX_POWER) throw new NotSchoolMath('power');
          let result: RationalFunction = { num: Poly.constant(Rational.ONE), den: Poly.constant(Rational.ONE) };
          for (let i = 0; i < Math.abs(exponent.value()); i++) result = { num: result.num.mul(a.num), den: result.den.mul(a.den) };
          return normal(exponent.sign() < 0 ? { num: result.den, den: result.num } : result);
        }
      }
    }
  }
}

/** A constant denominator is folded into the coefficients, so a plain polynomial stays N/1. */
function normal(f: RationalFunction): RationalFunction {
  const d = f.den.constantValue();
  if (d === null) return f;
  if (d.isZero()) throw new NotSchoolMath('division by zero');
  return { num: f.num.scale(Rational.ONE.div(d)), den: Poly.constant(Rational.ONE) };
}
