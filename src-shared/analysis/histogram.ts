/**
 * Fixed-width histograms as HEP plots show them: the sum of weights per bin with its error
 * √(Σw²) (√N unweighted), under- and overflow kept apart, non-finite values counted and left out.
 * Pure: the plots, the CLI and the tests bin the same way.
 */
import { nice } from 'd3';

export interface Histogram {
  /** nbins + 1 bin edges, increasing */
  readonly edges: Float64Array;
  /** Σw per bin */
  readonly sumw: Float64Array;
  /** √(Σw²) per bin */
  readonly err: Float64Array;
  /** entries (unweighted) per bin */
  readonly entries: Uint32Array;
  readonly underflow: number;
  readonly overflow: number;
  /** values that were NaN or ±∞ */
  readonly nonFinite: number;
}

export interface BinSpec { readonly lo: number; readonly hi: number; readonly bins: number }

export function histogram(values: ArrayLike<number>, spec: BinSpec, weights?: ArrayLike<number>): Histogram {
  const { lo, hi } = spec;
  const bins = Math.max(1, Math.floor(spec.bins));
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`histogram range [${lo}, ${hi}] is empty or not finite`);
  if (weights && weights.length !== values.length) throw new RangeError(`${values.length} values but ${weights.length} weights`);
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  const sumw = new Float64Array(bins), sumw2 = new Float64Array(bins), entries = new Uint32Array(bins);
  let underflow = 0, overflow = 0, nonFinite = 0;
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!, w = weights ? weights[i]! : 1;
    if (!Number.isFinite(x)) { nonFinite++; continue; }
    if (x < lo) { underflow += w; continue; }
    if (x >= hi) { overflow += w; continue; }
    // the last edge belongs to the overflow, as in ROOT; rounding never puts x past the last bin
    const k = Math.min(bins - 1, Math.floor((x - lo) / width));
    sumw[k] = sumw[k]! + w; sumw2[k] = sumw2[k]! + w * w; entries[k] = entries[k]! + 1;
  }
  const err = sumw2.map(Math.sqrt);
  return { edges, sumw, err, entries, underflow, overflow, nonFinite };
}

/** A range with round edges that holds the finite values (or `fallback` when there are none). */
export function autoRange(values: ArrayLike<number>, bins: number, fallback: readonly [number, number] = [0, 1]): BinSpec {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isFinite(x)) { if (x < lo) lo = x; if (x > hi) hi = x; }
  }
  if (!Number.isFinite(lo)) [lo, hi] = fallback;
  if (hi === lo) { const d = Math.abs(lo) * 0.05 || 1; lo -= d; hi += d; }
  const [a, b] = nice(lo, hi, bins) as [number, number];
  // nice() may land the maximum on the last edge, which is overflow: open the range a little
  return { lo: a, hi: b > hi ? b : b + (b - a) / bins, bins };
}

/** Index of the bin that holds x, or −1 outside the range. */
export function binOf(h: Pick<Histogram, 'edges'>, x: number): number {
  const e = h.edges, n = e.length - 1;
  if (!(x >= e[0]!) || !(x < e[n]!)) return -1;
  let lo = 0, hi = n;
  while (hi - lo > 1) { const m = (lo + hi) >> 1; if (x >= e[m]!) lo = m; else hi = m; }
  return lo;
}
