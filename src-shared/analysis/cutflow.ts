/**
 * The cut-flow as a table: events and Σw after each cut, with the efficiency of each cut
 * relative to the one before and cumulative from the start, and the binomial error of each
 * unweighted efficiency, √(ε(1−ε)/N). A switched-off cut passes everything.
 */
import type { CutFlowRow } from '../selection/types';

export interface CutflowLine extends CutFlowRow {
  /** n / n(previous row) and its binomial error; NaN when the previous row is empty */
  readonly rel: number;
  readonly relErr: number;
  /** n / n(first row) */
  readonly cum: number;
  readonly cumErr: number;
  /** the same with weights */
  readonly relW: number;
  readonly cumW: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const binomial = (e: number, n: number) => (n > 0 && Number.isFinite(e) ? Math.sqrt(Math.max(0, e * (1 - e)) / n) : NaN);

export function cutflowTable(rows: readonly CutFlowRow[]): CutflowLine[] {
  const first = rows[0];
  return rows.map((r, i) => {
    const prev = i > 0 ? rows[i - 1]! : r;
    const rel = ratio(r.n, prev.n), cum = ratio(r.n, first!.n);
    return { ...r, rel, relErr: binomial(rel, prev.n), cum, cumErr: binomial(cum, first!.n), relW: ratio(r.w, prev.w), cumW: ratio(r.w, first!.w) };
  });
}
