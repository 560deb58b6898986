import type { Rational } from './rational';

/** A worked solution: the steps as Markdown lines, the answer as the student would write it. */
export interface Solution {
  steps: string[];
  /** «x₁ = 2, x₂ = 3», «5/6», «корней нет» — goes after «Ответ:». */
  answer: string;
  /** The numbers the answer consists of (roots, the value), to check a student's own answer against. */
  values: number[];
  /** The same numbers exactly, when they are rational. */
  exact?: Rational[];
  /** Set when the answer is not a list of numbers (no roots, an interval, every number). */
  verbal?: 'none' | 'any' | 'interval' | 'true' | 'false';
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
export const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
