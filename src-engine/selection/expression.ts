/**
 * User-defined cuts: expressions over the defined variables (`cda_tax < 20 && p1 > 10000`),
 * parsed by jsep into a syntax tree and compiled into closures over the variable columns.
 * No eval, no Function constructor: only the operators, functions and names listed here exist.
 */
import jsep from 'jsep';
import { VARIABLE_NAMES, VARIABLES, type VariableColumns, type VariableName } from '../reco/variables';

export type Compiled = (v: VariableColumns, i: number) => number;

export class ExpressionError extends Error {
  constructor(readonly expression: string, message: string) {
    super(`"${expression}": ${message}`);
    this.name = 'ExpressionError';
  }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '%': (a, b) => a % b, '**': (a, b) => a ** b,
  '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b),
  '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b), '===': (a, b) => +(a === b), '!==': (a, b) => +(a !== b),
};
const FUNCTIONS: Record<string, { arity: number | 'any'; fn: (...x: number[]) => number }> = {
  abs: { arity: 1, fn: Math.abs }, sqrt: { arity: 1, fn: Math.sqrt }, log: { arity: 1, fn: Math.log }, log10: { arity: 1, fn: Math.log10 },
  exp: { arity: 1, fn: Math.exp }, min: { arity: 'any', fn: Math.min }, max: { arity: 'any', fn: Math.max }, hypot: { arity: 'any', fn: Math.hypot },
  isnan: { arity: 1, fn: (x) => +Number.isNaN(x) },
};
const CONSTANTS: Record<string, number> = { pi: Math.PI, m_K: 493.677, m_pi0: 134.977, m_mu: 105.658, m_e: 0.51099895 };

/** The closest known name, for "did you mean". */
function suggest(name: string): string | undefined {
  const names = [...VARIABLE_NAMES, ...Object.keys(FUNCTIONS), ...Object.keys(CONSTANTS)];
  let best: string | undefined, bestD = 3;
  for (const n of names) {
    const d = editDistance(name.toLowerCase(), n.toLowerCase());
    if (d < bestD) { bestD = d; best = n; }
  }
  return best;
}
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

const MAX_LENGTH = 2000;

export function compileExpression(text: string): Compiled {
  const fail = (msg: string): never => { throw new ExpressionError(text, msg); };
  if (typeof text !== 'string' || !text.trim()) fail('is empty');
  if (text.length > MAX_LENGTH) fail(`is longer than ${MAX_LENGTH} characters`);
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (err) {
    const e = err as { description?: string; index?: number; message?: string };
    return fail(`syntax error${e.index !== undefined ? ` at character ${e.index + 1}` : ''}: ${e.description ?? e.message ?? String(err)}`);
  }
  let depth = 0;
  const build = (node: jsep.Expression): Compiled => {
    if (++depth > 200) fail('is nested too deeply');
    try {
      switch (node.type) {
        case 'Literal': {
          const val = (node as jsep.Literal).value;
          if (typeof val === 'number') return () => val;
          if (typeof val === 'boolean') return () => +val;
          return fail(`only numbers are allowed, not ${JSON.stringify(val)}`);
        }
        case 'Identifier': {
          const name = (node as jsep.Identifier).name;
          if (name === 'true' || name === 'false') { const b = +(name === 'true'); return () => b; }
          if (Object.prototype.hasOwnProperty.call(VARIABLES, name)) {
            const key = name as keyof VariableColumns;
            return (v, i) => v[key][i]!;
          }
          if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) { const c = CONSTANTS[name]!; return () => c; }
          const s = suggest(name);
          return fail(`unknown variable "${name}"${s ? ` (did you mean ${s}?)` : ''}`);
        }
        case 'UnaryExpression': {
          const u = node as jsep.UnaryExpression;
          const arg = build(u.argument);
          if (u.operator === '-') return (v, i) => -arg(v, i);
          if (u.operator === '+') return arg;
          if (u.operator === '!') return (v, i) => +!arg(v, i);
          return fail(`operator "${u.operator}" is not allowed`);
        }
        case 'BinaryExpression': {
          const b = node as jsep.BinaryExpression;
          const l = build(b.left), r = build(b.right);
          if (b.operator === '&&') return (v, i) => +(!!l(v, i) && !!r(v, i));
          if (b.operator === '||') return (v, i) => +(!!l(v, i) || !!r(v, i));
          const op = Object.prototype.hasOwnProperty.call(BINARY, b.operator) ? BINARY[b.operator] : undefined;
          if (!op) return fail(`operator "${b.operator}" is not allowed`);
          return (v, i) => op(l(v, i), r(v, i));
        }
        case 'ConditionalExpression': {
          const c = node as jsep.ConditionalExpression;
          const t = build(c.test), y = build(c.consequent), n = build(c.alternate);
          return (v, i) => (t(v, i) ? y(v, i) : n(v, i));
        }
        case 'CallExpression': {
          const call = node as jsep.CallExpression;
          if (call.callee.type !== 'Identifier') return fail('only the listed functions can be called');
          const name = (call.callee as jsep.Identifier).name;
          const f = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
          if (!f) return fail(`unknown function "${name}" (known: ${Object.keys(FUNCTIONS).join(', ')})`);
          if (f.arity !== 'any' && call.arguments.length !== f.arity) return fail(`${name}() takes ${f.arity} argument${f.arity === 1 ? '' : 's'}`);
          const args = call.arguments.map(build);
          if (args.length === 1) { const a0 = args[0]!; return (v, i) => f.fn(a0(v, i)); }
          return (v, i) => f.fn(...args.map((a) => a(v, i)));
        }
        case 'Compound':
          return fail('must be a single expression (no ";" or ",")');
        default:
          return fail(`${node.type.replace(/Expression$/, '').toLowerCase()} syntax is not allowed`);
      }
    } finally {
      depth--;
    }
  };
  return build(ast);
}

/** Check an expression without running it: undefined if fine, else the message. */
export function checkExpression(text: string): string | undefined {
  try {
    compileExpression(text);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The variables an expression reads (what a selection must read the columns of); [] if it does not parse. */
export function expressionVariables(text: string): VariableName[] {
  let ast: jsep.Expression;
  try { ast = jsep(text); } catch { return []; }
  const out = new Set<VariableName>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: unknown };
    if (n.type === 'Identifier' && typeof n.name === 'string' && Object.prototype.hasOwnProperty.call(VARIABLES, n.name)) out.add(n.name as VariableName);
    for (const [k, child] of Object.entries(node)) {
      if (k === 'callee') continue;
      if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(ast);
  return [...out];
}
