/**
 * The pure side of zooming, panning and brushing the analysis plots: domains in data units in,
 * domains out; which candidates a brush holds; a histogram's bins over a zoomed range; the brushed
 * subset of a histogram's entries. PlotView turns wheel and drag into calls of these.
 */
import type { BinSpec } from '../../../src-shared/analysis/histogram';

export type Domain = readonly [number, number];

/** A plot's zoomed domains (data units); an absent axis shows its default range. */
export interface PlotZoom { readonly x?: Domain; readonly y?: Domain }

/** A brushed range in data units: x alone (histograms) or a box (scatter plots). */
export interface BrushRange { readonly x: Domain; readonly y?: Domain }

/** The factor one wheel event scales a domain by (< 1 zooms in): a notch of 100 px ≈ ×0.85. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-600, Math.min(600, px));
  return Math.exp(clamped * 0.0016);
}

/** `d` scaled by `factor` about `centre` (the data value under the cursor stays put). */
export function zoomAbout(d: Domain, centre: number, factor: number): Domain {
  const f = Number.isFinite(factor) && factor > 0 ? factor : 1;
  const c = Number.isFinite(centre) ? centre : (d[0] + d[1]) / 2;
  const lo = c - (c - d[0]) * f, hi = c + (d[1] - c) * f;
  // no zooming into rounding noise
  const span = Math.abs(hi - lo), scale = Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
  return span < scale * 1e-9 ? d : [lo, hi];
}

/** `d` moved by `delta` data units. */
export const panBy = (d: Domain, delta: number): Domain => (Number.isFinite(delta) ? [d[0] + delta, d[1] + delta] : d);

/** The finite extent of some values with a margin, or undefined without any (a degenerate one is widened). */
export function dataDomain(values: ArrayLike<number>, margin = 0.05): Domain | undefined {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) { const v = values[i]!; if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (!Number.isFinite(lo)) return undefined;
  if (hi === lo) { const d = Math.abs(lo) * 0.05 || 1; return [lo - d, hi + d]; }
  const m = (hi - lo) * margin;
  return [lo - m, hi + m];
}

/**
 * A histogram's bins over a zoomed range: as many bins as the full binning, over the zoomed range,
 * none narrower than `minWidth` (fewer bins then), so a zoom shows finer structure down to the
 * variable's resolution and no further.
 */
export function zoomedBins(full: BinSpec, x: Domain | undefined, minWidth: number): BinSpec {
  if (!x) return full;
  const lo = Math.min(x[0], x[1]), hi = Math.max(x[0], x[1]);
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return full;
  // a round width (1, 2, 2.5, 5 × 10^k) for about as many bins, edges on its multiples covering the range
  const width = niceWidth(Math.max((hi - lo) / full.bins, minWidth > 0 ? minWidth : 0));
  const a = Math.floor(lo / width + 1e-9), b = Math.ceil(hi / width - 1e-9);
  const round = (v: number) => Number(v.toPrecision(12));
  return { lo: round(a * width), hi: round(b * width), bins: Math.max(1, b - a) };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above w > 0. */
export function niceWidth(w: number): number {
  if (!(w > 0) || !Number.isFinite(w)) return 1;
  const decade = 10 ** Math.floor(Math.log10(w));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * decade >= w * (1 - 1e-9)) return Number((m * decade).toPrecision(12));
  return 10 * decade;
}

/** Positions (in the plotted list) of the candidates inside a brushed range: one value per candidate (xs, ys) … */
export function positionsInBox(xs: ArrayLike<number>, ys: ArrayLike<number> | undefined, range: BrushRange): Set<number> {
  const out = new Set<number>();
  const [x0, x1] = range.x, y = range.y;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (!(v >= x0 && v <= x1)) continue;
    if (y && ys) { const w = ys[i]!; if (!(w >= y[0] && w <= y[1])) continue; }
    out.add(i);
  }
  return out;
}

/** … or one or more values per candidate (a histogram's entries and their owners). */
export function positionsInRange(values: ArrayLike<number>, owners: ArrayLike<number>, x: Domain): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < values.length; k++) { const v = values[k]!; if (v >= x[0] && v <= x[1]) out.add(owners[k]!); }
  return out;
}

/** The entries of a histogram whose candidate is kept (by its event index): values and weights to bin again. */
export function brushedEntries(values: ArrayLike<number>, owners: ArrayLike<number>, weights: ArrayLike<number> | undefined, keep: (owner: number) => boolean): { values: Float64Array; weights: Float64Array } {
  const v: number[] = [], w: number[] = [];
  for (let k = 0; k < values.length; k++) {
    if (!keep(owners[k]!)) continue;
    v.push(values[k]!); w.push(weights ? weights[k]! : 1);
  }
  return { values: Float64Array.from(v), weights: Float64Array.from(w) };
}
