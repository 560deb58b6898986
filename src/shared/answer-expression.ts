/**
 * Algebraic answers are compared by value, never by spelling: «(х-3)(х-5)» (Russian «х»), «(x -3)(x-5)»,
 * «(3-x)(5-x)», «(x-3)·(x-5)» and «(x-3)*(x-5)» are one answer because they agree at every point tried.
 *
 * The parser and evaluator are mathjs (an exact version is pinned in package.json). Of the three
 * maintained candidates it is the one that reads school notation as typed (implicit multiplication «2x»,
 * «(x-3)(x-5)»; comparisons; and/or/not), runs unchanged in Node (core, server) and in the page, and has
 * a number-only build from which an instance with just the operators used here is made: about 150 kB
 * minified, which the page loads only for a lesson with an expression exercise. nerdamer has had no
 * release since December 2024; @cortex-js/compute-engine is still 0.x (its API moves between minor
 * versions) and reads LaTeX or MathJSON rather than the plain text students type.
 *
 * Comparison by value: both expressions are evaluated at fixed pseudo-random points (the same on every
 * device and on the server, so a verdict never depends on where it was computed) and must agree at all
 * the points where the expected answer is defined. For logic (`binary`) every 0/1 assignment is tried.
 */
import {
  absDependencies,
  addDependencies,
  andDependencies,
  create,
  divideDependencies,
  equalDependencies,
  largerDependencies,
  largerEqDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  type EvalFunction,
  type FactoryFunctionMap,
  type MathNode,
} from 'mathjs/number';
import { asciiRelations, tidyAnswer } from './answer-text';

// mathjs types every factory as possibly undefined (an index signature); they are all exported.
const math = create({
  absDependencies,
  addDependencies,
  andDependencies,
  divideDependencies,
  equalDependencies,
  largerDependencies,
  largerEqDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} as FactoryFunctionMap);

/** Where the variables range: real numbers, or 0 and 1 (Python logic over bits). */
export type ExpressionDomain = 'real' | 'binary';

/** The operators a school answer uses; anything else (assignment, matrices, strings…) is not an answer. */
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'smallerEq',
  'larger',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);
const FUNCTIONS = new Set(['sqrt', 'abs']);
const KEYWORDS = new Set([...FUNCTIONS, 'and', 'or', 'not', 'true', 'false']);

/** Cyrillic letters that look like the Latin ones used for variables (a keyboard left in Russian). */
const LOOKALIKES: Record<string, string> = { а: 'a', в: 'b', с: 'c', е: 'e', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', у: 'y', х: 'x' };

/**
 * What students type, in the parser's spelling: «·», «×», «∙» for «*»; «:» and «÷» for «/»; «**», «²», «³»
 * for powers; «√» for sqrt; a decimal comma; square and curly brackets; and a product of variables written
 * without a sign («xy», «x(x-3)») — the parser would read those as one name or a function call.
 */
export function toParserSpelling(typed: string, variables: readonly string[] | null): string {
  const text = asciiRelations(tidyAnswer(typed).toLocaleLowerCase('ru-RU'))
    .replace(/[а-яё]/g, (letter) => LOOKALIKES[letter] ?? letter)
    .replace(/[·⋅∙×•]/g, '*')
    .replace(/[:÷]/g, '/')
    .replace(/\*\*/g, '^')
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/√\s*\(/g, 'sqrt(')
    .replace(/√\s*(\d+(?:[.,]\d+)?|[a-z])/g, 'sqrt($1)')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/[[{]/g, '(')
    .replace(/[\]}]/g, ')');
  return text.replace(/[a-z]+/g, (word, offset: number) => {
    if (KEYWORDS.has(word)) return word;
    const letters = [...word];
    const allVariables = letters.every((letter) => (variables ? variables.includes(letter) : true));
    if (!allVariables) return word;
    const call = text[offset + word.length] === '(' ? '*' : '';
    return letters.join('*') + call;
  });
}

function isAnswerTree(node: MathNode, variables: readonly string[] | null): boolean {
  let valid = true;
  node.traverse((child) => {
    switch (child.type) {
      case 'ParenthesisNode':
      case 'RelationalNode':
        return;
      case 'ConstantNode': {
        const value = (child as unknown as { value: unknown }).value;
        if (typeof value !== 'number' && typeof value !== 'boolean') valid = false;
        return;
      }
      case 'SymbolNode': {
        const name = (child as unknown as { name: string }).name;
        // A function's name is a SymbolNode too; the FunctionNode case checks it.
        if (!FUNCTIONS.has(name) && !(variables ? variables.includes(name) : /^[a-z]$/.test(name))) valid = false;
        return;
      }
      case 'OperatorNode':
        if (!OPERATORS.has((child as unknown as { fn: string }).fn)) valid = false;
        return;
      case 'FunctionNode': {
        const call = child as unknown as { fn: { name?: string }; args: unknown[] };
        if (!FUNCTIONS.has(call.fn.name ?? '') || call.args.length !== 1) valid = false;
        return;
      }
      default:
        valid = false;
    }
  });
  return valid;
}

export type ExpressionReading = { kind: 'empty' } | { kind: 'expression'; node: MathNode } | { kind: 'invalid' };

/**
 * An answer read as an expression. With `variables` only those letters may appear; without (the page,
 * which does not know them) any single Latin letter may.
 */
export function readExpression(typed: string, variables: readonly string[] | null = null): ExpressionReading {
  const text = toParserSpelling(typed, variables);
  if (text === '') return { kind: 'empty' };
  try {
    const node = math.parse(text);
    return isAnswerTree(node, variables) ? { kind: 'expression', node } : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

/** The letters an expected answer uses: its variables unless the exercise names them. */
export function variablesOf(expression: string): string[] {
  const reading = readExpression(expression);
  if (reading.kind !== 'expression') return [];
  const names = reading.node
    .filter((node) => node.type === 'SymbolNode' && !FUNCTIONS.has((node as unknown as { name: string }).name))
    .map((node) => (node as unknown as { name: string }).name);
  return [...new Set(names)].sort();
}

/** A small deterministic generator (mulberry32): the same points everywhere, every time. */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranges the points come from: near zero, and further out on both sides (so √(x − 10) is defined somewhere). */
const RANGES: readonly (readonly [number, number])[] = [
  ...Array.from({ length: 6 }, () => [-3, 3] as const),
  ...Array.from({ length: 4 }, () => [0, 25] as const),
  ...Array.from({ length: 4 }, () => [-25, 0] as const),
  ...Array.from({ length: 3 }, () => [25, 200] as const),
  ...Array.from({ length: 3 }, () => [-200, -25] as const),
];

function samplePoints(variables: readonly string[], domain: ExpressionDomain): Record<string, number>[] {
  if (domain === 'binary') {
    return Array.from({ length: 2 ** variables.length }, (_, bits) =>
      Object.fromEntries(variables.map((name, index) => [name, (bits >> index) & 1])),
    );
  }
  const next = pseudoRandom(0x5eed);
  return RANGES.map(([low, high]) => Object.fromEntries(variables.map((name) => [name, low + (high - low) * next()])));
}

/** A real number, a truth value (as 0/1), or null where the expression is undefined or not real. */
function valueAt(compiled: EvalFunction, point: Record<string, number>, domain: ExpressionDomain): number | null {
  try {
    const value: unknown = compiled.evaluate({ ...point });
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    // Python logic: any non-zero number is true.
    return domain === 'binary' ? (value !== 0 ? 1 : 0) : value;
  } catch {
    return null;
  }
}

/** How many points the expected answer must be defined at for a comparison to mean anything. */
const MIN_DEFINED_POINTS = 4;
const RELATIVE_TOLERANCE = 1e-8;

/** Whether two expressions agree at every point where the expected one is defined. */
export function sameValue(given: MathNode, expected: MathNode, variables: readonly string[], domain: ExpressionDomain): boolean {
  const [givenCode, expectedCode] = [given.compile(), expected.compile()];
  let compared = 0;
  for (const point of samplePoints(variables, domain)) {
    const want = valueAt(expectedCode, point, domain);
    if (want === null) continue;
    const got = valueAt(givenCode, point, domain);
    if (got === null || Math.abs(got - want) > RELATIVE_TOLERANCE * Math.max(1, Math.abs(got), Math.abs(want))) return false;
    compared++;
  }
  // A truth table is complete however short; real points must be enough to rule out a coincidence.
  return compared >= (domain === 'binary' ? 1 : MIN_DEFINED_POINTS);
}

const unwrap = (node: MathNode): MathNode =>
  node.type === 'ParenthesisNode' ? unwrap((node as unknown as { content: MathNode }).content) : node;
const hasVariable = (node: MathNode): boolean => node.filter((child) => child.type === 'SymbolNode').length > 0;

/** The factors of a product (flattening «a·b·c»); a lone expression is its only factor. */
function factorsOf(node: MathNode): MathNode[] {
  const inner = unwrap(node);
  const operator = inner as unknown as { type: string; fn?: string; args?: MathNode[] };
  if (operator.type === 'OperatorNode' && (operator.fn === 'unaryMinus' || operator.fn === 'unaryPlus')) return factorsOf(operator.args![0]!);
  if (operator.type === 'OperatorNode' && operator.fn === 'multiply') return operator.args!.flatMap(factorsOf);
  return [inner];
}

/**
 * Whether an answer is written as a product — what «разложите на множители» asks for: two or more
 * factors with a variable, or a power of one («(x-3)^2»). «x^2 - 8x + 15» has the right value but is not.
 */
export function isProduct(node: MathNode): boolean {
  const factors = factorsOf(node).filter(hasVariable);
  if (factors.length >= 2) return true;
  const only = factors[0] as unknown as { type: string; fn?: string; args?: MathNode[] } | undefined;
  return only?.type === 'OperatorNode' && only.fn === 'pow' && hasVariable(only.args![0]!) && !hasVariable(only.args![1]!);
}
