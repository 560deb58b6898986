import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs/number';
import { Rational } from './rational';

/**
 * mathjs is the parser: it is already pinned and bundled for the answer checker
 * (src/shared/answer-expression.ts says why it was chosen over nerdamer and the compute engine), it
 * reads school notation as typed («2x», «(x-2)(x+3)», «x^2») and only its parser is taken here, so a
 * reply costs no bundle weight and no start-up time. What a CAS would do next — simplify, solve — is
 * our own code over exact fractions: a student needs the steps a teacher writes on the board, which
 * no CAS prints, and the exact 5/6 rather than 0.8333.
 */
const math = create({ parseDependencies } as FactoryFunctionMap);

/** A school expression: numbers (exact), letters, the four operations, powers and square roots. */
export type Expr =
  | { kind: 'num'; value: Rational }
  | { kind: 'var'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'sqrt'; arg: Expr };

export class NotSchoolMath extends Error {}

const OPS: Record<string, '+' | '-' | '*' | '/' | '^'> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };

function fromNode(node: MathNode): Expr {
  const n = node as MathNode & { value?: unknown; name?: string; fn?: unknown; args?: MathNode[]; content?: MathNode };
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number' || !Number.isFinite(n.value)) throw new NotSchoolMath('not a number');
      return { kind: 'num', value: Rational.parse(decimalText(n.value)) };
    case 'SymbolNode':
      if (!/^[a-z]$/.test(n.name ?? '')) throw new NotSchoolMath(`unknown symbol ${n.name}`);
      return { kind: 'var', name: n.name! };
    case 'ParenthesisNode':
      return fromNode(n.content!);
    case 'OperatorNode': {
      const args = n.args ?? [];
      const fn = String(n.fn);
      if (fn === 'unaryMinus') return { kind: 'neg', arg: fromNode(args[0]!) };
      if (fn === 'unaryPlus') return fromNode(args[0]!);
      const op = OPS[fn];
      if (!op || args.length !== 2) throw new NotSchoolMath(`operator ${fn}`);
      return { kind: 'op', op, left: fromNode(args[0]!), right: fromNode(args[1]!) };
    }
    case 'FunctionNode': {
      const name = (n.fn as { name?: string } | undefined)?.name;
      if (name === 'sqrt' && n.args?.length === 1) return { kind: 'sqrt', arg: fromNode(n.args[0]!) };
      throw new NotSchoolMath(`function ${name}`);
    }
    default:
      throw new NotSchoolMath(node.type);
  }
}

/** 1e-7 prints as «1e-7»: written out so Rational.parse reads it exactly. */
const decimalText = (value: number) => (Number.isInteger(value) ? value.toFixed(0) : value.toFixed(12).replace(/0+$/, ''));

/** Parse a normalised expression (see math-text.ts); throws NotSchoolMath for anything else. */
export function parseExpr(text: string): Expr {
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch {
    throw new NotSchoolMath('unparsable');
  }
  return fromNode(node);
}

export function variablesOf(expr: Expr, into = new Set<string>()): Set<string> {
  if (expr.kind === 'var') into.add(expr.name);
  else if (expr.kind === 'neg' || expr.kind === 'sqrt') variablesOf(expr.arg, into);
  else if (expr.kind === 'op') {
    variablesOf(expr.left, into);
    variablesOf(expr.right, into);
  }
  return into;
}
