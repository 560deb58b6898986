/**
 * Students type maths the Russian way: «2,5» for 2.5, a Cyrillic «х» for x, «:» for division, «²»,
 * «−», «√». Everything here turns that into the plain notation the parser reads, and finds the
 * pieces of a sentence that are maths («Реши уравнение 2х + 3 = 11, пожалуйста» → «2x + 3 = 11»).
 */

/** A Cyrillic letter that looks like a Latin variable, standing alone (not inside a word). */
const LONE = (letter: string) => new RegExp(`(?<![\\p{L}])${letter}(?![\\p{L}])`, 'gu');

export function normaliseMath(text: string): string {
  return (
    text
      .replace(/\$|\\[,;!]|\\left|\\right/g, '')
      .replace(/\\cdot|\\times/g, '*')
      .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)')
      .replace(/\\sqrt\{([^{}]*)\}/g, 'sqrt($1)')
      .replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))
      .replace(LONE('[хХ]'), 'x')
      // «у» is also a preposition («у меня»): a variable only next to an operator, a digit or «=».
      .replace(/(?<![\p{L}])[уУ](?=\s*[-+*/=^)<>≤≥\d])|(?<=[-+*/=(^\d]\s*)[уУ](?![\p{L}])/gu, 'y')
      .replace(/[XY]/g, (c) => c.toLowerCase())
      .replace(/²/g, '^2')
      .replace(/³/g, '^3')
      .replace(/[−–‒]/g, '-')
      .replace(/[×·∙⋅]/g, '*')
      .replace(/÷/g, '/')
      // «48 : 6» divides; «Найди x: 3x = 12» only introduces the formula.
      .replace(/(?<=[\d)]\s*):(?=\s*[-\d(a-z√])/g, '/')
      .replace(/(\d),(\d)/g, '$1.$2')
      .replace(/≤|<=/g, '≤')
      .replace(/≥|>=/g, '≥')
      .replace(/√\s*(\d+(?:\.\d+)?|[a-z])/g, 'sqrt($1)')
      .replace(/√\s*\(/g, 'sqrt(')
  );
}

const TOKENS = /sqrt|§|\d+(?:\.\d+)?|[a-z]+|[-+*/^=()<>≤≥%]|\s+|[^]/gu;
const MATH_TOKEN = /^(?:sqrt|§|\d+(?:\.\d+)?|[a-z]|[-+*/^=()<>≤≥%]|\s+)$/;
/** A function we do not know («sin(x)», «log(2)»): its whole formula is left alone, not read without it. */
const UNKNOWN_FUNCTION = /(?<![a-z])(?!sqrt\b)[a-z]{2,}\s*(?=\()/g;

/** The runs of a normalised sentence that are maths, each trimmed; words and punctuation end a run. */
export function mathRuns(normalised: string): string[] {
  const runs: string[] = [];
  let current = '';
  for (const token of normalised.replace(UNKNOWN_FUNCTION, '§').match(TOKENS) ?? []) {
    if (MATH_TOKEN.test(token)) current += token;
    else {
      runs.push(current);
      current = '';
    }
  }
  runs.push(current);
  return runs
    .map((run) => run.trim().replace(/^[-+*/^=<>≤≥]+(?=\s)|[-+*/^(<>≤≥\s]+$/g, '').trim())
    .filter((run) => !run.includes('§') && /[\da-z]/.test(run) && /[-+*/^=<>≤≥]|\d\s*[a-z(]|\)\s*\(/.test(run) && isBalanced(run));
}

function isBalanced(run: string): boolean {
  let depth = 0;
  for (const c of run) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The numbers a sentence states, with Russian decimal commas read («получил 2,5» → 2.5). */
export function numbersIn(text: string): number[] {
  return (normaliseMath(text).match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}
