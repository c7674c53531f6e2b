/**
 * The selection-expression parser on random and grammar-shaped input: every text compiles or is
 * refused with an ExpressionError quoting it; what compiles evaluates on any variable values
 * without throwing. Nothing of the host leaks through (no eval: names outside the lists fail).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression, ExpressionError } from '../../src-engine/selection/expression';
import { VARIABLE_NAMES, type VariableColumns } from '../../src-engine/reco/variables';
import { budget, TEST_TIMEOUT_MS } from './fuzz-budget';

const N = 4;
const special = [0, -0, 1, -1, NaN, Infinity, -Infinity, 1e308, 5e-324];
const columns = fc.array(fc.oneof(fc.double(), fc.constantFrom(...special)), { minLength: N, maxLength: N }).map((vals) =>
  Object.fromEntries(VARIABLE_NAMES.map((k, j) => [k, Float64Array.from(vals, (v, i) => (j + i) % 3 ? v : v * j)])) as VariableColumns);

/** Expression-shaped text: the real names and operators, plus names and syntax that must be refused. */
const token = fc.oneof(
  fc.constantFrom(...VARIABLE_NAMES),
  fc.constantFrom('abs', 'sqrt', 'min', 'max', 'hypot', 'isnan', 'log', 'pi', 'm_K', 'true', 'false'),
  fc.constantFrom('constructor', '__proto__', 'prototype', 'this', 'process', 'globalThis', 'eval', 'Function', 'require', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.constantFrom('+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '==', '!=', '===', '&&', '||', '!', '?', ':', '(', ')', ',', ';', '.', '[', ']', '=', '|', '&', '^', '~', '<<', '>>', '`', "'", '"', 'new', '=>', '{', '}'),
  fc.double().map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 4 }),
);
const shaped = fc.array(token, { maxLength: 30 }).map((t) => t.join(' '));
const nested = fc.tuple(fc.integer({ min: 1, max: 1200 }), fc.constantFrom('(', '-', '!', 'abs(', '+', 'min(1,')).map(([n, open]) =>
  open.repeat(n) + 'p1' + (open.includes('(') ? ')'.repeat(n) : ''));

function compileOrRefuse(text: string, v: VariableColumns): void {
  let fn;
  try {
    fn = compileExpression(text);
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw new Error(`not an ExpressionError for ${JSON.stringify(text).slice(0, 80)}: ${err instanceof Error ? err.stack : String(err)}`);
    expect(err.message.startsWith(`"${text}": `)).toBe(true);
    expect(checkExpression(text)).toBe(err.message);
    return;
  }
  for (let i = 0; i < N; i++) expect(typeof fn(v, i)).toBe('number');
  expect(checkExpression(text)).toBeUndefined();
}

describe('selection expressions, fuzzed', () => {
  it('compiles the documented examples (the properties below are not vacuous)', () => {
    expect(checkExpression('cda_tax < 20 && p1 > 10000')).toBeUndefined();
    expect(checkExpression('constructor')).toMatch(/unknown variable/);
  });

  it('random text compiles or is refused with an ExpressionError', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 })), columns, compileOrRefuse), budget(3000));
  }, TEST_TIMEOUT_MS);

  it('expression-shaped text compiles and evaluates to a number, or is refused', () => {
    let compiled = 0;
    fc.assert(fc.property(shaped, columns, (t, v) => { compileOrRefuse(t, v); if (checkExpression(t) === undefined) compiled++; }), budget(4000));
    expect(compiled).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);

  it('deep nesting and overlong input are refused, not a stack overflow', () => {
    fc.assert(fc.property(nested, columns, compileOrRefuse), budget(300));
    expect(checkExpression('('.repeat(1000) + '1' + ')'.repeat(1000))).toMatch(/nested too deeply|longer than/);
    expect(checkExpression('1+'.repeat(1001) + '1')).toMatch(/longer than 2000/);
  }, TEST_TIMEOUT_MS);
});
