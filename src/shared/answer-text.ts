/**
 * What every typed answer is forgiven before any field reads it: stray spaces, the dash a keyboard or a
 * phone puts for a minus, a full stop or semicolon at the end, and a leading «Ответ:». Each field type
 * starts from this, so the same slip is forgiven (or not) the same way everywhere.
 */

/** The minus sign, figure/en/em dashes, hyphens and full-width minus all mean «-» in an answer. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
/** Punctuation a sentence ends with; none of it belongs to an answer. */
const TRAILING_PUNCTUATION = /[\s.;,!…]+$/;
/** «Ответ: 5», «ответ — 5», «Answer: 5». */
const ANSWER_LABEL = /^(?:ответ|answer)\s*(?:[:=-]\s*|\s+(?=\S))/i;

export function tidyAnswer(text: string): string {
  return text
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ANSWER_LABEL, '')
    .replace(TRAILING_PUNCTUATION, '')
    .trim();
}

/** ≤ ⩽ ≥ ⩾ ≠ as students type them, in the ASCII spelling the checkers compare. */
export function asciiRelations(text: string): string {
  return text.replace(/[≤⩽]/g, '<=').replace(/[≥⩾]/g, '>=').replace(/≠/g, '!=');
}

/** Whether the first character's bracket closes at the very end: «(x <= y)», not «(x-3)(x-5)». */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

export function stripOuterParentheses(text: string): string {
  let current = text;
  while (wrappedInParentheses(current)) current = current.slice(1, -1).trim();
  return current;
}

/**
 * A word answer as compared: case, ё/е, spaces (and the spaces next to signs: «3 / 7», «x<= y»), ≤ for <=,
 * a wrapping pair of brackets and trailing punctuation do not make it a different answer.
 */
export function normaliseText(text: string): string {
  const tidy = asciiRelations(tidyAnswer(text).toLocaleLowerCase('ru-RU').replaceAll('ё', 'е'));
  return stripOuterParentheses(tidy.replace(/\s*([^\p{L}\p{N}\s])\s*/gu, '$1'));
}
