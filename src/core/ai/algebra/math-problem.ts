import type { Language } from '../../../shared/domain';
import { evaluateWithSteps } from './arithmetic';
import { solveOneVariable, type Relation } from './equations';
import { NotSchoolMath, parseExpr, variablesOf, type Expr } from './expression-tree';
import { texExpr, texPoly } from './latex';
import { expand } from './polynomial';
import { mathRuns, normaliseMath } from './math-text';
import { Rational } from './rational';
import type { Solution } from './solution';
import { step } from './step-phrases';
import { solveLinearSystem } from './system';

const RELATION = /≤|≥|<|>|=/;

interface Statement {
  text: string;
  left: Expr;
  rel: Relation | null;
  right: Expr | null;
}

function statement(run: string): Statement | null {
  const parts = run.split(RELATION);
  const rel = run.match(RELATION)?.[0] as Relation | undefined;
  if (parts.length > 2) return null;
  // «2 + 3 · 4 =» asks for the value.
  const right = parts[1]?.trim();
  // «15%» inside an expression is fifteen hundredths.
  const percent = (text: string) => text.replace(/(\d+(?:\.\d+)?)\s*%/g, '($1/100)');
  try {
    const left = parseExpr(percent(parts[0]!));
    if (!rel || !right) return { text: run, left, rel: null, right: null };
    return { text: run, left, rel, right: parseExpr(percent(right)) };
  } catch (error) {
    if (error instanceof NotSchoolMath) return null;
    throw error;
  }
}

/** `a = 3`: a letter given a value (to substitute into an expression). */
const assignment = (s: Statement) => (s.rel === '=' && s.left.kind === 'var' && s.right && variablesOf(s.right).size === 0 ? s.left.name : null);

/**
 * The maths problem a message states, solved with steps; null when it states none we can solve.
 * Equations and inequalities in one letter, a system of two linear equations, a numeric expression,
 * an expression to evaluate at given values («при a = 2»), or to simplify.
 */
export function solveMathIn(message: string, lang: Language, wantsFactoring = false): Solution | null {
  const statements = mathRuns(normaliseMath(message)).map(statement).filter((s): s is Statement => s !== null);
  if (!statements.length) return null;
  try {
    return solveStatements(statements, lang, wantsFactoring);
  } catch (error) {
    // A problem outside school arithmetic (a huge number, a power of a letter we cannot expand) is not solved here.
    if (error instanceof NotSchoolMath || error instanceof RangeError) return null;
    throw error;
  }
}

function solveStatements(statements: Statement[], lang: Language, wantsFactoring: boolean): Solution | null {
  const equations = statements.filter((s) => s.rel && s.right && variablesOf(s.left).size + variablesOf(s.right).size > 0);
  const given = new Map<string, Expr>();
  for (const s of statements) {
    const name = assignment(s);
    if (name) given.set(name, s.right!);
  }
  const real = equations.filter((s) => !assignment(s));
  if (real.length >= 2) {
    const [a, b] = real.map((s) => {
      const f = expand({ kind: 'op', op: '-', left: s.left, right: s.right! });
      return f.den.constantValue() ? f.num : null;
    });
    const vars = [...new Set([...variablesOf(real[0]!.left), ...variablesOf(real[0]!.right!), ...variablesOf(real[1]!.left), ...variablesOf(real[1]!.right!)])].sort();
    if (a && b && vars.length === 2) return solveLinearSystem(a, b, [vars[0]!, vars[1]!], lang);
    return null;
  }
  const expression = statements.find((s) => !s.rel || !s.right);
  if (expression && given.size && [...variablesOf(expression.left)].every((v) => given.has(v))) {
    const substituted = substitute(expression.left, given);
    return evaluateWithSteps(substituted, lang, [step(lang, 'substitute'), `$${texExpr(substituted)}$`]);
  }
  if (real.length === 1 || (equations.length === 1 && !expression)) {
    const s = real[0] ?? equations[0]!;
    const vars = [...new Set([...variablesOf(s.left), ...variablesOf(s.right!)])];
    if (vars.length !== 1) return null;
    return solveOneVariable(expand(s.left), expand(s.right!), s.rel!, vars[0]!, lang, s.text);
  }
  const numeric = statements.find((s) => variablesOf(s.left).size === 0 && (!s.right || variablesOf(s.right).size === 0));
  if (numeric && numeric.rel === '=' && numeric.right) return checkEquality(numeric, lang);
  if (numeric) return evaluateWithSteps(numeric.left, lang);
  if (expression) return simplify(expression.left, lang, wantsFactoring);
  return null;
}

function substitute(e: Expr, values: Map<string, Expr>): Expr {
  switch (e.kind) {
    case 'var':
      return values.get(e.name) ?? e;
    case 'num':
      return e;
    case 'neg':
    case 'sqrt':
      return { ...e, arg: substitute(e.arg, values) };
    case 'op':
      return { ...e, left: substitute(e.left, values), right: substitute(e.right, values) };
  }
}

/** «2 + 3 = 5?»: both sides worked out. */
function checkEquality(s: Statement, lang: Language): Solution | null {
  const left = evaluateWithSteps(s.left, lang);
  const right = evaluateWithSteps(s.right!, lang);
  if (!left || !right) return null;
  const holds = Math.abs(left.values[0]! - right.values[0]!) < 1e-9;
  const answer = step(lang, holds ? 'trueAnswer' : 'falseAnswer');
  return {
    steps: [step(lang, holds ? 'identityTrue' : 'identityFalse', { work: `$${texExpr(s.left)} = ${left.answer.split(' = ')[0]}$, $${texExpr(s.right!)} = ${right.answer.split(' = ')[0]}$` }), step(lang, 'answer', { answer })],
    answer,
    values: [],
    verbal: holds ? 'true' : 'false',
  };
}

/** An expression with letters: expanded and collected; a quadratic trinomial factorised when asked. */
function simplify(e: Expr, lang: Language, wantsFactoring: boolean): Solution | null {
  const f = expand(e);
  if (!f.den.constantValue()) return null;
  const vars = f.num.variables();
  if (wantsFactoring && vars.length === 1 && f.num.degree() === 2) {
    const v = vars[0]!;
    const solved = solveOneVariable(f, expand({ kind: 'num', value: Rational.ZERO }), '=', v, lang);
    const roots = solved?.exact;
    if (solved && roots?.length === 2) {
      const a = f.num.coef(`${v}^2`);
      const factor = (r: Rational) => `(${v} ${r.sign() < 0 ? '+' : '-'} ${texPoly(expand({ kind: 'num', value: r.sign() < 0 ? r.neg() : r }).num)})`;
      const lead = a.equals(Rational.ONE) ? '' : a.equals(Rational.of(-1)) ? '-' : texPoly(expand({ kind: 'num', value: a }).num);
      const result = `${lead}${factor(roots[0]!)}${factor(roots[1]!)}`;
      const answer = result.replace(/\\frac\{(\d+)\}\{(\d+)\}/g, '$1/$2');
      return {
        steps: [...solved.steps.slice(0, -1), `${step(lang, 'factorised', { roots: solved.answer })} $${texPoly(f.num)} = ${result}$`, step(lang, 'answer', { answer })],
        answer,
        values: roots.map((r) => r.value()),
      };
    }
  }
  const result = texPoly(f.num);
  const answer = result.replace(/\^(\d)/g, (_, d: string) => ({ 2: '²', 3: '³' })[d] ?? `^${d}`).replace(/\\frac\{(\d+)\}\{(\d+)\}/g, '$1/$2');
  return { steps: [`${step(lang, 'simplified')} $${texExpr(e)} = ${result}$`, step(lang, 'answer', { answer })], answer, values: [] };
}

/**
 * One spelling for one problem: «(x + 4)/3 = (x - 1)/2» and «\frac{x+4}{3} = \frac{x-1}{2}» both
 * become the expanded «left − right» scaled to a leading coefficient of 1; an expression its expanded
 * self. Null for a run that is not school maths.
 */
export function canonicalForm(run: string): string | null {
  const s = statement(run);
  if (!s) return null;
  // Numbers alone are compared as written (every sum equal to 1 is not one problem), brackets aside.
  if (variablesOf(s.left).size + (s.right ? variablesOf(s.right).size : 0) === 0) return `${texExpr(s.left)}${s.rel ?? ''}${s.right ? texExpr(s.right) : ''}`;
  try {
    const f = expand(s.rel && s.right ? { kind: 'op', op: '-', left: s.left, right: s.right } : s.left);
    const degree = (powers: Record<string, number>) => Object.values(powers).reduce((sum, p) => sum + p, 0);
    const lead = [...f.num.terms.values()].sort((a, b) => degree(b.powers) - degree(a.powers))[0]?.coef;
    // Only an equation may be scaled: «2x = 4» is «x = 2», but the expression 2x is not x.
    const scale = s.rel && lead ? Rational.ONE.div(lead) : Rational.ONE;
    return `${s.rel ?? ''}${texPoly(f.num.scale(scale))}|${texPoly(f.den)}`;
  } catch (error) {
    if (error instanceof NotSchoolMath || error instanceof RangeError) return null;
    throw error;
  }
}
