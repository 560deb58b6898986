/**
 * Exact fractions for school arithmetic: ½ + ⅓ must come out as 5/6, not 0.8333. Numerators and
 * denominators are plain numbers (school problems stay far below 2^53); anything that would lose
 * exactness (a huge power) is refused by the caller, not rounded silently.
 */
export class Rational {
  private constructor(
    readonly num: number,
    readonly den: number,
  ) {}

  static of(num: number, den = 1): Rational {
    if (den === 0) throw new RangeError('division by zero');
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) throw new RangeError('number too large for exact arithmetic');
    const g = gcd(Math.abs(num), Math.abs(den)) || 1;
    const sign = den < 0 ? -1 : 1;
    return new Rational((sign * num) / g + 0, (sign * den) / g);
  }

  /** «2.5» → 5/2 exactly (a decimal as typed, not as a binary float). */
  static parse(text: string): Rational {
    const [whole = '0', fraction = ''] = text.split('.');
    return Rational.of(Number(whole + fraction), 10 ** fraction.length);
  }

  static readonly ZERO = Rational.of(0);
  static readonly ONE = Rational.of(1);

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return Rational.of(-this.num, this.den);
  }
  /** Whole exponents only; a fractional one is not exact in general. */
  pow(exponent: number): Rational {
    if (!Number.isInteger(exponent) || Math.abs(exponent) > 64) throw new RangeError('exponent not supported');
    let result = Rational.ONE;
    const base = exponent < 0 ? Rational.ONE.div(this) : this;
    for (let i = 0; i < Math.abs(exponent); i++) result = result.mul(base);
    return result;
  }
  /** The exact square root when there is one (16/9 → 4/3), else null. */
  sqrt(): Rational | null {
    if (this.num < 0) return null;
    const n = Math.round(Math.sqrt(this.num));
    const d = Math.round(Math.sqrt(this.den));
    return n * n === this.num && d * d === this.den ? Rational.of(n, d) : null;
  }
  isZero(): boolean {
    return this.num === 0;
  }
  isInteger(): boolean {
    return this.den === 1;
  }
  sign(): number {
    return Math.sign(this.num);
  }
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  compare(o: Rational): number {
    return Math.sign(this.num * o.den - o.num * this.den);
  }
  value(): number {
    return this.num / this.den;
  }
  /** A finite decimal when the denominator has only the factors 2 and 5 (3/4 → «0,75»). */
  decimal(): string | null {
    let d = this.den;
    while (d % 2 === 0) d /= 2;
    while (d % 5 === 0) d /= 5;
    if (d !== 1) return null;
    return String(Number(this.value().toFixed(10))).replace('.', ',');
  }
}

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
