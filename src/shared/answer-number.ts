import { tidyAnswer } from './answer-text';
import { looksLikeUnit } from './answer-units';

/**
 * A number as students type it. Forgiven: a decimal comma or point; any minus or dash for the sign; a
 * fraction «3/4» (also «3 / 4»); a mixed number «1 1/2» (= 3/2, and «-2 1/2» = −5/2); thousands in
 * groups of three «1 000 000»; «x = », «х=», «≈» or «Ответ:» before it; a unit after it («20 см»); a
 * full stop or semicolon after it.
 *
 * Spaces between digits: «1 000» is a thousand (groups of exactly three, the Russian way of writing
 * big numbers); «1 1/2» is one and a half (a whole part, a space and a proper fraction). Anything else
 * with spaces between digits — «12 5», «1 00», «2 5/3» — could mean two things, so it is not read at
 * all: the student is told how to write it (reason `ambiguous_spaces`).
 */

/** An exact value: numerator over a positive denominator, in lowest terms. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** How the number was written, which some fields care about (the ОГЭ blank takes no fractions). */
export type Notation = 'integer' | 'decimal' | 'fraction' | 'mixed';

export type NumberReading =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: number;
      exact: Rational;
      notation: Notation;
      /** A written fraction (or a mixed number's fraction) in lowest terms; always true for integers and decimals. */
      reduced: boolean;
      /** The unit written after the number, as typed; null when there is none. */
      unit: string | null;
      /** The number itself without spaces, sign included, decimal point «.» (for answers that are digit strings). */
      numeral: string;
    }
  | { kind: 'invalid'; reason: 'not_a_number' | 'ambiguous_spaces' };

export type TypedNumber = Extract<NumberReading, { kind: 'number' }>;

const NOT_A_NUMBER: NumberReading = { kind: 'invalid', reason: 'not_a_number' };
const AMBIGUOUS: NumberReading = { kind: 'invalid', reason: 'ambiguous_spaces' };

/** «x = », «х=», «x1 =», «R =», «≈», «= » before the number. */
const VARIABLE_PREFIX = /^(?:[\p{L}][\p{L}\d_₀-₉]{0,4}\s*)?[=≈]\s*/u;
/** The part that can be the number: digits, spaces, separators and a slash; the rest is a unit. */
const NUMBER_PART = /^[\d\s.,/]*/;

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?: \d{3})+(?:\.\d+)?$/;
const FRACTION = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/;
const MIXED = /^(\d+) (\d+)\/(\d+)$/;

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint, den: bigint): Rational {
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export const sameRational = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;

/** «2.50» is 5/2 exactly (a float would not say 0.1 + 0.2 = 0.3). */
function decimalRational(text: string): Rational {
  const [whole = '', fraction = ''] = text.split('.');
  return rational(BigInt((whole || '0') + fraction), 10n ** BigInt(fraction.length));
}

/** The unsigned number with its spaces already tidied, or why it cannot be read. */
function readMagnitude(text: string): Omit<TypedNumber, 'kind' | 'unit' | 'numeral'> | NumberReading {
  const mixed = MIXED.exec(text);
  if (mixed) {
    const [whole, num, den] = [BigInt(mixed[1]!), BigInt(mixed[2]!), BigInt(mixed[3]!)];
    // «1 100/200» is one and a half; «2 5/3» or «1 03/4» are not a mixed number anyone writes on purpose.
    if (den === 0n || num === 0n || num >= den || mixed[2]!.startsWith('0')) return AMBIGUOUS;
    return {
      value: Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]),
      exact: rational(whole * den + num, den),
      notation: 'mixed',
      reduced: gcd(num, den) === 1n,
    };
  }
  if (GROUPED.test(text)) text = text.replaceAll(' ', '');
  else if (text.includes(' ')) return AMBIGUOUS;
  const fraction = FRACTION.exec(text);
  if (fraction) {
    const [top, bottom] = [decimalRational(fraction[1]!), decimalRational(fraction[2]!)];
    if (bottom.num === 0n) return NOT_A_NUMBER;
    const integers = top.den === 1n && bottom.den === 1n && !fraction[1]!.includes('.') && !fraction[2]!.includes('.');
    return {
      value: Number(fraction[1]) / Number(fraction[2]),
      exact: rational(top.num * bottom.den, top.den * bottom.num),
      notation: 'fraction',
      reduced: integers && gcd(top.num, bottom.num) === 1n,
    };
  }
  if (!DECIMAL.test(text)) return NOT_A_NUMBER;
  return { value: Number(text), exact: decimalRational(text), notation: text.includes('.') ? 'decimal' : 'integer', reduced: true };
}

export function readTypedNumber(typed: string): NumberReading {
  const tidy = tidyAnswer(typed);
  if (tidy === '') return { kind: 'empty' };
  const unprefixed = tidy.replace(VARIABLE_PREFIX, '');
  const sign = /^([+-])\s*/.exec(unprefixed);
  const rest = sign ? unprefixed.slice(sign[0].length) : unprefixed;
  const numberPart = NUMBER_PART.exec(rest)![0];
  const unit = rest.slice(numberPart.length).trim();
  if (unit !== '' && !looksLikeUnit(unit)) return NOT_A_NUMBER;
  const digits = numberPart.trim().replace(/\s*\/\s*/g, '/').replaceAll(',', '.');
  if (!/\d/.test(digits)) return NOT_A_NUMBER;
  const magnitude = readMagnitude(digits);
  if ('kind' in magnitude) return magnitude;
  const negative = sign?.[1] === '-';
  return {
    kind: 'number',
    ...magnitude,
    value: negative ? -magnitude.value : magnitude.value,
    exact: negative ? rational(-magnitude.exact.num, magnitude.exact.den) : magnitude.exact,
    unit: unit === '' ? null : unit,
    numeral: (negative ? '-' : '') + (magnitude.notation === 'mixed' ? digits : digits.replaceAll(' ', '')),
  };
}

/** The number a student typed, or NaN when it is not one (see readTypedNumber for what is forgiven). */
export function parseNumber(typed: string): number {
  const reading = readTypedNumber(typed);
  return reading.kind === 'number' ? reading.value : Number.NaN;
}
