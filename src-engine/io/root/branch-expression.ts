/**
 * Mapping expressions over branches (`Muon_Px * 1000`, `sqrt(px*px + py*py)`, `Pos[2]`, `entry`),
 * parsed by jsep and compiled into closures: no eval, only the operators and functions listed.
 * Element-wise: in a collection, an array branch named bare gives its k-th element; `X[2]` always
 * its element 2; scalars are the same for every element.
 */
import jsep from 'jsep';

/** The values of one entry: branch name → number or array of numbers (as JSROOT reads them). */
export interface EntryValues { readonly [branch: string]: unknown }
export interface Env { values: EntryValues; entry: number; k: number }
export type Evaluator = (env: Env) => number;

export interface CompiledExpression {
  readonly text: string;
  readonly fn: Evaluator;
  /** every branch the expression reads */
  readonly branches: ReadonlySet<string>;
  /** branches read element-wise (bare names): their lengths set the number of elements */
  readonly elementwise: ReadonlySet<string>;
}

/** A value a mapping cannot use at run time (a string, a nested array, a missing element). */
export class ValueError extends Error {
  constructor(readonly branch: string, message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '%': (a, b) => a % b,
  '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b),
  '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b),
};
const FUNCTIONS: Record<string, { arity: number | 'any'; fn: (...x: number[]) => number }> = {
  sqrt: { arity: 1, fn: Math.sqrt }, abs: { arity: 1, fn: Math.abs }, exp: { arity: 1, fn: Math.exp }, log: { arity: 1, fn: Math.log },
  sin: { arity: 1, fn: Math.sin }, cos: { arity: 1, fn: Math.cos }, tan: { arity: 1, fn: Math.tan }, atan2: { arity: 2, fn: Math.atan2 },
  pow: { arity: 2, fn: Math.pow }, hypot: { arity: 'any', fn: Math.hypot }, min: { arity: 'any', fn: Math.min }, max: { arity: 'any', fn: Math.max },
  sign: { arity: 1, fn: Math.sign },
};
const CONSTANTS: Record<string, number> = { pi: Math.PI };
const MAX_DEPTH = 64;

const isArrayLike = (v: unknown): v is ArrayLike<unknown> => Array.isArray(v) || ArrayBuffer.isView(v);

/** A number from what JSROOT read for `branch`; anything else is a ValueError naming the branch. */
export function toNumber(v: unknown, branch: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) throw new ValueError(branch, `branch ${branch} has no value here`);
  if (isArrayLike(v)) throw new ValueError(branch, `branch ${branch} holds nested arrays, which the mapping cannot use`);
  throw new ValueError(branch, `branch ${branch} holds ${typeof v === 'string' ? 'text' : typeof v}, not numbers`);
}

/** The element count a branch gives in this entry: its array length, or undefined for a scalar. */
export function lengthOf(values: EntryValues, branch: string): number | undefined {
  const v = values[branch];
  return isArrayLike(v) ? v.length : undefined;
}

function read(values: EntryValues, name: string, k: number): number {
  const v = values[name];
  if (!isArrayLike(v)) return toNumber(v, name);
  if (k >= v.length) throw new ValueError(name, `branch ${name} has ${v.length} elements, element ${k} asked`);
  return toNumber(v[k], name);
}

/**
 * Compile `text`; `known` says whether a name is a branch of the tree. Errors are plain Errors
 * whose message says what is wrong (the caller adds the file, tree and field).
 */
export function compileExpression(text: string, known: (name: string) => boolean, suggest?: (name: string) => string | undefined): CompiledExpression {
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (err) {
    throw new Error(`cannot parse "${text}": ${err instanceof Error ? err.message : String(err)}`);
  }
  const branches = new Set<string>(), elementwise = new Set<string>();

  /** a.b.c as one dotted branch name (split objects), or undefined */
  const dotted = (n: jsep.Expression): string | undefined => {
    if (n.type === 'Identifier') return (n as jsep.Identifier).name;
    if (n.type === 'MemberExpression' && !(n as jsep.MemberExpression).computed) {
      const m = n as jsep.MemberExpression;
      const base = dotted(m.object);
      return base === undefined ? undefined : `${base}.${(m.property as jsep.Identifier).name}`;
    }
    return undefined;
  };
  const branchName = (name: string): string => {
    if (!known(name)) {
      const s = suggest?.(name);
      throw new Error(`"${text}": no branch "${name}"${s ? ` (did you mean "${s}"?)` : ''}`);
    }
    return name;
  };

  const build = (n: jsep.Expression, depth: number): Evaluator => {
    if (depth > MAX_DEPTH) throw new Error(`"${text}": nested too deeply`);
    switch (n.type) {
      case 'Literal': {
        const v = (n as jsep.Literal).value;
        if (typeof v !== 'number') throw new Error(`"${text}": only numbers are allowed as constants`);
        return () => v;
      }
      case 'Identifier': {
        const name = (n as jsep.Identifier).name;
        if (name === 'entry') return (e) => e.entry;
        if (name in CONSTANTS && !known(name)) { const c = CONSTANTS[name]!; return () => c; }
        const b = branchName(name);
        branches.add(b); elementwise.add(b);
        return (e) => read(e.values, b, e.k);
      }
      case 'MemberExpression': {
        const m = n as jsep.MemberExpression;
        if (!m.computed) {
          const b = branchName(dotted(m) ?? '?');
          branches.add(b); elementwise.add(b);
          return (e) => read(e.values, b, e.k);
        }
        const base = dotted(m.object);
        const idx = m.property.type === 'Literal' ? (m.property as jsep.Literal).value : undefined;
        if (base === undefined || typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0) throw new Error(`"${text}": an index must be a whole number after a branch name, like X[0]`);
        const b = branchName(base);
        branches.add(b);
        return (e) => {
          const v = e.values[b];
          if (!isArrayLike(v)) throw new ValueError(b, `branch ${b} is not an array, [${idx}] cannot apply`);
          if (idx >= v.length) throw new ValueError(b, `branch ${b} has ${v.length} elements, [${idx}] asked`);
          return toNumber(v[idx], b);
        };
      }
      case 'UnaryExpression': {
        const u = n as jsep.UnaryExpression;
        const a = build(u.argument, depth + 1);
        if (u.operator === '-') return (e) => -a(e);
        if (u.operator === '+') return a;
        throw new Error(`"${text}": operator ${u.operator} is not allowed`);
      }
      case 'BinaryExpression': {
        const bn = n as jsep.BinaryExpression;
        const op = BINARY[bn.operator];
        if (!op) throw new Error(`"${text}": operator ${bn.operator} is not allowed`);
        const l = build(bn.left, depth + 1), r = build(bn.right, depth + 1);
        return (e) => op(l(e), r(e));
      }
      case 'ConditionalExpression': {
        const c = n as jsep.ConditionalExpression;
        const t = build(c.test, depth + 1), a = build(c.consequent, depth + 1), b = build(c.alternate, depth + 1);
        return (e) => (t(e) ? a(e) : b(e));
      }
      case 'CallExpression': {
        const c = n as jsep.CallExpression;
        const name = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
        const f = FUNCTIONS[name];
        if (!f) throw new Error(`"${text}": unknown function ${name || '(expression)'}; known: ${Object.keys(FUNCTIONS).join(', ')}`);
        if (f.arity !== 'any' && c.arguments.length !== f.arity) throw new Error(`"${text}": ${name} takes ${f.arity} argument${f.arity > 1 ? 's' : ''}`);
        if (c.arguments.length === 0) throw new Error(`"${text}": ${name} needs arguments`);
        const args = c.arguments.map((a) => build(a, depth + 1));
        const fn = f.fn;
        if (args.length === 1) { const a0 = args[0]!; return (e) => fn(a0(e)); }
        if (args.length === 2) { const a0 = args[0]!, a1 = args[1]!; return (e) => fn(a0(e), a1(e)); }
        return (e) => fn(...args.map((a) => a(e)));
      }
      default:
        throw new Error(`"${text}": ${n.type.replace(/Expression$/, '').toLowerCase()} expressions are not allowed`);
    }
  };
  const fn = build(ast, 0);
  return { text, fn, branches, elementwise };
}

/** A constant or an expression as one evaluator. */
export function compileValue(v: number | string, known: (name: string) => boolean, suggest?: (name: string) => string | undefined): CompiledExpression {
  if (typeof v === 'number') return { text: String(v), fn: () => v, branches: new Set(), elementwise: new Set() };
  return compileExpression(v, known, suggest);
}
