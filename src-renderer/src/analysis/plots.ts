/**
 * The analysis plots, built with Observable Plot: HEP-style step histograms with √Σw² error bars,
 * and scatter plots (the CDA_TAX–Z_TAX plane of the paper's Figure 3 among them) with the SR and
 * CR drawn — filled grey while blind, outlined once unblinded. Above MAX_DOTS points a scatter
 * plot draws a density instead of dots (SVG stays light); clicks still find the nearest event.
 */
import * as Plot from '@observablehq/plot';
import { binOf, type Histogram } from '../../../src-shared/analysis/histogram';
import type { BuiltPlot, PlotElement } from './built-plot';
import { cleanSvg, scaleFns } from './built-plot';
import type { PlotTheme } from './plot-theme';

export const MAX_DOTS = 20_000;
// right: room for half of the last tick label (a 5-character label must not clip to "400.C")
const MARGIN = { top: 24, right: 22, bottom: 38, left: 54 } as const;
const PICK_PX = 8;

export interface PlotSize { readonly width: number; readonly height: number }

/** "NA62 Simulation · dump-mumu · BLIND", in the plot's top-right corner so exports carry it */
const tagMark = (tag: string | undefined, t: PlotTheme): Plot.Markish[] =>
  tag ? [Plot.text([tag], { frameAnchor: 'top-right', dy: -14, fill: t.muted, fontSize: 10, textAnchor: 'end', clip: false })] : [];

/** Shared look: themed background and text, grid, axis labels with units. */
function frameOptions(size: PlotSize, theme: PlotTheme, xLabel: string, yLabel: string) {
  return {
    width: size.width, height: size.height,
    marginTop: MARGIN.top, marginRight: MARGIN.right, marginBottom: MARGIN.bottom, marginLeft: MARGIN.left,
    style: { background: theme.background, color: theme.text, fontSize: '11px', fontFamily: '"DejaVu Sans", system-ui, sans-serif' },
    grid: true,
    // the label 6 px clear of the bottom edge: at Plot's default (3 px) the descenders were cut off, and
    // "Z_TAX" read "Z TAX"
    x: { label: xLabel, labelAnchor: 'center' as const, labelArrow: 'none' as const, labelOffset: MARGIN.bottom - 6 },
    y: { label: yLabel, labelAnchor: 'center' as const, labelArrow: 'none' as const },
  };
}

const frameOf = (size: PlotSize) => ({ x0: MARGIN.left, x1: size.width - MARGIN.right, y0: MARGIN.top, y1: size.height - MARGIN.bottom });

/** A region on a 1D plot (the m_π4e SR band): shaded while masked, outlined otherwise. */
export interface Band { readonly lo: number; readonly hi: number; readonly label: string; readonly masked: boolean }

export interface HistogramPlotInput {
  readonly h: Histogram;
  readonly xLabel: string;
  readonly yLabel: string;
  /** one value per entry, in the display units of the axis, and the candidate each belongs to */
  readonly values: ArrayLike<number>;
  readonly owners: ArrayLike<number>;
  readonly bands?: readonly Band[];
  readonly logY?: boolean;
  readonly tag?: string;
  readonly theme: PlotTheme;
  readonly size: PlotSize;
  /** the entries of the brushed events, binned as `h`: drawn filled over it, with a legend */
  readonly brushed?: { readonly h: Histogram; readonly label: string };
  /** the x range on show (a zoom), inside the bins' range; the bins' range without one */
  readonly domainX?: readonly [number, number];
}

/** Σ entries in the bins, and outside them (under- and overflow, unweighted when the histogram is) */
const entriesOf = (h: Histogram) => ({ inBins: h.entries.reduce((a, b) => a + b, 0) });

/** The step outline of a histogram, down to the axis at both ends (ROOT's "HIST"). */
function stepOf(h: Histogram, floor: number): { x: number; y: number }[] {
  const n = h.sumw.length;
  const step: { x: number; y: number }[] = [{ x: h.edges[0]!, y: floor }];
  for (let i = 0; i < n; i++) step.push({ x: h.edges[i]!, y: Math.max(floor, h.sumw[i]!) }, { x: h.edges[i + 1]!, y: Math.max(floor, h.sumw[i]!) });
  step.push({ x: h.edges[n]!, y: floor });
  return step;
}

/**
 * A legend in the frame's top-left corner, on a backing that keeps it legible over the data
 * (an SVG group, so exports carry it).
 */
export function appendLegend(svg: SVGSVGElement, x0: number, y0: number, rows: readonly { colour: string; label: string; fill?: boolean }[], t: PlotTheme): void {
  const NS = 'http://www.w3.org/2000/svg';
  const g = document.createElementNS(NS, 'g');
  g.setAttribute('class', 'plot-legend');
  g.setAttribute('font-size', '11');
  const lineH = 15, pad = 5, sw = 16;
  const width = pad * 2 + sw + 6 + Math.max(...rows.map((r) => r.label.length)) * 6.2;
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('x', String(x0 + 4)); bg.setAttribute('y', String(y0 + 4));
  bg.setAttribute('width', String(Math.round(width))); bg.setAttribute('height', String(pad * 2 + rows.length * lineH - 3));
  bg.setAttribute('fill', t.background); bg.setAttribute('fill-opacity', '0.85'); bg.setAttribute('stroke', t.grid); bg.setAttribute('rx', '3');
  g.appendChild(bg);
  rows.forEach((r, i) => {
    const cy = y0 + 4 + pad + i * lineH + 6;
    const sample = document.createElementNS(NS, 'rect');
    sample.setAttribute('x', String(x0 + 4 + pad)); sample.setAttribute('y', String(cy - 4));
    sample.setAttribute('width', String(sw)); sample.setAttribute('height', '8');
    sample.setAttribute('fill', r.fill ? r.colour : 'none'); sample.setAttribute('fill-opacity', r.fill ? '0.55' : '0');
    sample.setAttribute('stroke', r.colour); sample.setAttribute('stroke-width', '1.5');
    const text = document.createElementNS(NS, 'text');
    text.setAttribute('x', String(x0 + 4 + pad + sw + 6)); text.setAttribute('y', String(cy + 4));
    text.setAttribute('fill', t.text);
    text.setAttribute('text-anchor', 'start'); // Plot's SVG centres text by default
    text.textContent = r.label;
    g.append(sample, text);
  });
  svg.appendChild(g);
}

export function histogramPlot(o: HistogramPlotInput): BuiltPlot {
  const { h, theme } = o;
  const n = h.sumw.length;
  const bins = Array.from({ length: n }, (_, i) => ({ x1: h.edges[i]!, x2: h.edges[i + 1]!, c: (h.edges[i]! + h.edges[i + 1]!) / 2, y: h.sumw[i]!, e: h.err[i]!, entries: h.entries[i]! }));
  const floor = o.logY ? 0.5 : 0;
  const step = stepOf(h, floor);
  const filled = bins.filter((b) => b.entries > 0);
  const ymax = Math.max(1, ...bins.map((b) => b.y + b.e)) * (o.logY ? 3 : 1.12);
  const marks: Plot.Markish[] = [];
  for (const b of o.bands ?? []) {
    marks.push(Plot.rectX([b], { x1: 'lo', x2: 'hi', y1: floor, y2: ymax, fill: b.masked ? theme.mask : theme.sr, fillOpacity: b.masked ? 0.55 : 0.12, stroke: b.masked ? 'none' : theme.sr, strokeDasharray: '4,3' }));
    marks.push(Plot.text([b], { x: (d: Band) => (d.lo + d.hi) / 2, y: ymax, text: (d: Band) => `${d.label}${d.masked ? ' (masked)' : ''}`, dy: 9, fill: b.masked ? theme.text : theme.sr, fontSize: 10 }));
  }
  const sub = o.brushed;
  if (sub) {
    // the brushed events filled under the full histogram's outline: both read at once
    const s = stepOf(sub.h, floor);
    marks.push(
      Plot.areaY(s, { x: 'x', y1: floor, y2: 'y', fill: theme.brushed, fillOpacity: 0.55, curve: 'linear' }),
      Plot.line(s, { x: 'x', y: 'y', stroke: theme.brushed, strokeWidth: 1.5, curve: 'linear' }),
    );
  }
  marks.push(
    Plot.line(step, { x: 'x', y: 'y', stroke: theme.data, strokeWidth: 1.5, curve: 'linear' }),
    Plot.ruleX(filled, { x: 'c', y1: (b: (typeof bins)[number]) => Math.max(floor, b.y - b.e), y2: (b: (typeof bins)[number]) => b.y + b.e, stroke: theme.data, strokeWidth: 1 }),
    Plot.dot(filled, { x: 'c', y: 'y', r: 1.6, fill: theme.data, title: (b: (typeof bins)[number]) => `[${fmt(b.x1)}, ${fmt(b.x2)}): ${fmt(b.y)} ± ${fmt(b.e)} (${b.entries} entries)` }),
    ...tagMark(o.tag, theme),
  );
  const base = frameOptions(o.size, theme, o.xLabel, o.yLabel);
  const plot = Plot.plot({
    ...base,
    clip: true,
    x: { ...base.x, domain: o.domainX ? [...o.domainX] : [h.edges[0]!, h.edges[n]!] },
    y: { ...base.y, domain: [floor, ymax], type: o.logY ? 'log' : 'linear' },
    marks,
  }) as unknown as PlotElement;
  const svg = cleanSvg(plot);
  const x = scaleFns(plot, 'x');
  if (sub) {
    const all = entriesOf(h).inBins, some = entriesOf(sub.h).inBins;
    appendLegend(svg, MARGIN.left, MARGIN.top, [
      { colour: theme.data, label: `all (${all})` },
      { colour: theme.brushed, label: `${sub.label} (${some})`, fill: true },
    ], theme);
    svg.setAttribute('data-entries', String(all));
    svg.setAttribute('data-brushed-entries', String(some));
    svg.setAttribute('data-brushed-outside', String(sub.h.underflow + sub.h.overflow));
  }
  const firstOwner = (k: number): number | undefined => {
    for (let i = 0; i < o.values.length; i++) if (binOf(h, o.values[i]!) === k) return o.owners[i];
    return undefined;
  };
  return {
    svg, x, frame: frameOf(o.size), brush: 'x',
    pick: (px) => { const k = binOf(h, x.invert(px)); return k < 0 ? undefined : firstOwner(k); },
    locate: (index) => {
      for (let i = 0; i < o.values.length; i++) if (o.owners[i] === index && Number.isFinite(o.values[i]!)) return { x: o.values[i]! };
      return undefined;
    },
  };
}

/** A region in a 2D plot's coordinates (display units). */
export type Region2D =
  | { readonly kind: 'box'; readonly id: string; readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number; readonly masked: boolean }
  | { readonly kind: 'ellipse'; readonly id: string; readonly cx: number; readonly cy: number; readonly ax: number; readonly ay: number; readonly masked: boolean };

export interface ScatterPlotInput {
  readonly xLabel: string;
  readonly yLabel: string;
  /** per candidate, display units; NaN is left out */
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly titles?: (i: number) => string;
  readonly domainX?: readonly [number, number];
  readonly domainY?: readonly [number, number];
  readonly regions?: readonly Region2D[];
  /** a background sample drawn as a density underneath */
  readonly density?: { readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number>; readonly label: string };
  /** the candidates (indices into xs/ys) brushed in another plot: drawn over the others, which are dimmed, with a legend */
  readonly brushed?: { readonly has: (i: number) => boolean; readonly label: string };
  readonly tag?: string;
  readonly theme: PlotTheme;
  readonly size: PlotSize;
}

const regionColour = (id: string, t: PlotTheme) => (id === 'SR' ? t.sr : t.cr);

function regionMarks(regions: readonly Region2D[], t: PlotTheme): Plot.Markish[] {
  // the CR first, the SR over it (the CR is the box around the SR)
  const order = [...regions].sort((a, b) => (a.id === 'CR' ? -1 : 0) - (b.id === 'CR' ? -1 : 0));
  const marks: Plot.Markish[] = [];
  for (const r of order) {
    const c = regionColour(r.id, t);
    const fill = r.masked ? (r.id === 'SR' ? t.muted : t.mask) : 'none';
    const fillOpacity = r.masked ? 0.6 : 0;
    if (r.kind === 'box') {
      marks.push(Plot.rect([r], { x1: 'x0', x2: 'x1', y1: 'y0', y2: 'y1', fill, fillOpacity, stroke: c, strokeWidth: 1.3, strokeDasharray: r.id === 'CR' ? '5,3' : undefined }));
      marks.push(Plot.text([r], { x: 'x1', y: 'y1', text: () => `${r.id}${r.masked ? ' masked' : ''}`, textAnchor: 'end', dx: -3, dy: 8, fill: c, fontSize: 10 }));
    } else {
      const pts = Array.from({ length: 97 }, (_, i) => {
        const a = Math.PI * (i / 96); // the upper half: CDA_TAX ≥ 0
        return { x: r.cx - r.ax * Math.cos(a), y: r.cy + r.ay * Math.sin(a) };
      });
      if (r.masked) marks.push(Plot.areaY(pts, { x: 'x', y1: r.cy, y2: 'y', fill, fillOpacity }));
      marks.push(Plot.line(pts, { x: 'x', y: 'y', stroke: c, strokeWidth: 1.3 }));
      marks.push(Plot.text([r], { x: r.cx, y: r.cy + r.ay, text: () => `${r.id}${r.masked ? ' masked' : ''}`, dy: -7, fill: c, fontSize: 10 }));
    }
  }
  return marks;
}

/** Bin edges over the plot's frame (or the values' extent), so density cells have the frame's scale. */
function edges<T>(data: readonly T[], value: (d: T) => number, domain: readonly [number, number] | undefined, bins: number): number[] {
  let lo = domain?.[0] ?? Infinity, hi = domain?.[1] ?? -Infinity;
  if (!domain) for (const d of data) { const v = value(d); if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
  if (!(hi > lo)) { lo = Number.isFinite(lo) ? lo - 1 : 0; hi = lo + 2; }
  return Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
}

/** Counts in cells as a colour scale (log), cells edge to edge. */
function densityMark<T>(data: readonly T[], x: (d: T) => number, y: (d: T) => number, dx: readonly [number, number] | undefined, dy: readonly [number, number] | undefined, nx: number, ny: number): Plot.Markish {
  const options = { x: { value: x, thresholds: edges(data, x, dx, nx) }, y: { value: y, thresholds: edges(data, y, dy, ny) }, inset: 0 };
  return Plot.rect(data as T[], Plot.bin({ fill: 'count' }, options as unknown as Plot.BinInputs<Plot.RectOptions>));
}

export function scatterPlot(o: ScatterPlotInput): BuiltPlot {
  const t = o.theme;
  const idx: number[] = [];
  for (let i = 0; i < o.xs.length; i++) if (Number.isFinite(o.xs[i]!) && Number.isFinite(o.ys[i]!)) idx.push(i);
  const marks: Plot.Markish[] = [];
  if (o.density) {
    const d = o.density;
    const pts = Array.from({ length: d.xs.length }, (_, i) => ({ x: d.xs[i]!, y: d.ys[i]! })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    marks.push(densityMark(pts, (p) => p.x, (p) => p.y, o.domainX, o.domainY, 40, 30));
  }
  marks.push(...regionMarks(o.regions ?? [], t));
  const xs = o.xs, ys = o.ys;
  const title = o.titles ? { title: (i: number) => o.titles!(i) } : {};
  // a brush in another plot: its events drawn over the rest, which fade (both still pickable)
  const sub = o.brushed ? idx.filter((i) => o.brushed!.has(i)) : undefined;
  if (idx.length <= MAX_DOTS) {
    marks.push(Plot.dot(idx, {
      x: (i: number) => xs[i], y: (i: number) => ys[i], r: 2.4, fill: sub ? t.muted : t.data, fillOpacity: sub ? 0.45 : 0.9, stroke: t.background, strokeWidth: 0.5, ...title,
    }));
  } else {
    marks.push(densityMark(idx, (i) => xs[i]!, (i) => ys[i]!, o.domainX, o.domainY, 60, 40));
  }
  if (sub) {
    // more brushed events than dots can show: the first MAX_DOTS, and the legend says so
    marks.push(Plot.dot(sub.length <= MAX_DOTS ? sub : sub.slice(0, MAX_DOTS), {
      x: (i: number) => xs[i], y: (i: number) => ys[i], r: 2.6, fill: t.brushed, fillOpacity: 0.95, stroke: t.background, strokeWidth: 0.5, ...title,
    }));
  }
  marks.push(Plot.frame({ stroke: t.grid }), ...tagMark(o.tag, t));
  const base = frameOptions(o.size, t, o.xLabel, o.yLabel);
  const plot = Plot.plot({
    ...base,
    clip: true,
    x: { ...base.x, ...(o.domainX ? { domain: [...o.domainX] } : {}) },
    y: { ...base.y, ...(o.domainY ? { domain: [...o.domainY] } : {}) },
    color: { scheme: t.density as Plot.ColorScheme, type: 'log' },
    marks,
  }) as unknown as PlotElement;
  const svg = cleanSvg(plot);
  const x = scaleFns(plot, 'x'), y = scaleFns(plot, 'y');
  if (sub && o.brushed) {
    appendLegend(svg, MARGIN.left, MARGIN.top, [
      { colour: t.muted, label: `all (${idx.length})`, fill: true },
      { colour: t.brushed, label: `${o.brushed.label} (${sub.length}${sub.length > MAX_DOTS ? `, ${MAX_DOTS} drawn` : ''})`, fill: true },
    ], t);
    svg.setAttribute('data-entries', String(idx.length));
    svg.setAttribute('data-brushed-entries', String(sub.length));
  }
  return {
    svg, x, y, frame: frameOf(o.size), brush: 'xy',
    pick: (px, py) => {
      let best: number | undefined, bestD = PICK_PX * PICK_PX;
      for (const i of idx) {
        const dx = x.apply(xs[i]!) - px, dy = y.apply(ys[i]!) - py;
        const d = dx * dx + dy * dy;
        if (d <= bestD) { bestD = d; best = i; }
      }
      return best;
    },
    locate: (i) => (i >= 0 && i < xs.length && Number.isFinite(xs[i]!) && Number.isFinite(ys[i]!) ? { x: xs[i]!, y: ys[i]! } : undefined),
  };
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}
