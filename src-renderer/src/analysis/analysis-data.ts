/**
 * What the analysis panel plots for a selection result: the paper's CDA_TAX–Z_TAX plane and the
 * m_ℓℓ histogram in dump mode, m_π4e with its SR band in kaon mode, vertex z, Δt and E/p, and any
 * variable on demand. Pure: candidate columns in, plot inputs out (display units: m for z, mm, ns,
 * MeV/c²); read on the typed-array columns, no object per candidate (issue 20).
 */
import type { RegionId, RegionShape, SelectionResult } from '../../../src-shared/selection/types';
import { columnsOf, variableColumn, type CandidateColumns } from '../../../src-shared/selection/candidate-columns';
import { regionOpen } from '../../../src-shared/selection/blinding';
import { autoRange, histogram, type BinSpec, type Histogram } from '../../../src-shared/analysis/histogram';
import type { Band, Region2D } from './plots';
import { dataDomain } from './plot-zoom';

export interface HistSpec {
  readonly kind: 'hist';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly h: Histogram;
  /** one entry per value: the value (display units) and the position of its candidate in the result */
  readonly values: Float64Array;
  readonly owners: Int32Array;
  /** each entry's weight (1 unweighted) */
  readonly weights: Float64Array;
  /** the binning of `h`, the narrowest bin worth drawing, the axis unit: a zoom bins again with them */
  readonly bins: BinSpec;
  readonly minWidth: number;
  readonly unit: string;
  readonly bands: readonly Band[];
}

export interface ScatterSpec {
  readonly kind: 'scatter';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly domainX?: readonly [number, number];
  readonly domainY?: readonly [number, number];
  readonly regions: readonly Region2D[];
  readonly density?: { readonly xs: Float64Array; readonly ys: Float64Array; readonly label: string };
  /** candidates outside the drawn frame (the plane has a fixed frame) */
  readonly outside: number;
}

export type PlotSpec = HistSpec | ScatterSpec;

export interface VariableInfo { readonly unit: string; readonly meaning: string }

export interface AnalysisInput {
  readonly result: SelectionResult;
  readonly shapes: readonly { id: string; blinded: boolean; shape: RegionShape }[];
  readonly variables: Readonly<Record<string, readonly [string, string]>>;
  readonly weighted: boolean;
  /** candidates of a background sample, drawn as a density under the CDA_TAX–Z_TAX plane */
  readonly background?: { readonly columns: CandidateColumns; readonly label: string };
  /** a variable on demand, alone (histogram) or against another (scatter) */
  readonly custom?: { readonly x: string; readonly y?: string };
  /** axis ranges: from the selection's regions and the analysis's usual ranges (default), or from the data */
  readonly ranges?: 'regions' | 'data';
}

/** A histogram's y title: what is counted per bin of this width. */
export function histYLabel(weighted: boolean, width: number, unit: string): string {
  return `${weighted ? 'Σw' : 'events'} / ${Number(width.toPrecision(3))}${unit ? ` ${unit}` : ''}`;
}

/** positions along the beam: shown in metres */
const Z_POSITIONS = ['vz', 'kvz', 'z_tax'];

/** The paper's symbols, where an axis reads better with them than with the catalogue's sentence. */
const SYMBOLS: Readonly<Record<string, string>> = {
  cda_tax: 'CDA_TAX', z_tax: 'Z_TAX', m_mumu: 'm_μμ', m_ee: 'm_ee', m_pi4e: 'm_π4e', m_4e: 'm_4e', dt: 'Δt = t₁ − t₂',
};

/** An axis's human name: the paper's symbol, else the catalogue's meaning without its references in brackets. */
export function humanName(name: string, variables: AnalysisInput['variables']): string {
  const meaning = variables[name]?.[1];
  if (SYMBOLS[name]) return SYMBOLS[name];
  if (!meaning) return name;
  const cut = meaning.search(/ \(|; /);
  return cut > 0 ? meaning.slice(0, cut) : meaning;
}

/** Short names the HUD uses, for table headers (axis titles keep the catalogue's words for these). */
const SHORT: Readonly<Record<string, string>> = {
  dt: 'Δt', eop1: 'E/p₁', eop2: 'E/p₂', vz: 'vertex z', kvz: 'vertex z', cda: 'CDA', kchi2: 'vertex χ²', ptot: '|Σp|', p1: 'p₁', p2: 'p₂', m_ee_lo: 'm_ee lo', m_ee_hi: 'm_ee hi',
};
/** A variable's short name for table headers: the HUD's, else the paper's symbol, else its name in the catalogue. */
export const symbolOf = (name: string): string => SHORT[name] ?? SYMBOLS[name] ?? name;

/**
 * Display scale of a variable, as the event's HUD shows it: z positions in metres, momenta in GeV/c,
 * everything else in its own unit; the axis title names it in words. Plots and the candidate table use it.
 */
export function displayOf(name: string, variables: AnalysisInput['variables']): { factor: number; unit: string; label: string } {
  const unit = variables[name]?.[0] ?? '';
  const shown = unit === 'mm' && Z_POSITIONS.includes(name) ? { factor: 1e-3, unit: 'm' } : unit === 'MeV/c' ? { factor: 1e-3, unit: 'GeV/c' } : { factor: 1, unit };
  const title = humanName(name, variables);
  return { ...shown, label: shown.unit ? `${title} [${shown.unit}]` : title };
}

/** variables that only take whole values: a bin narrower than 1 splits nothing */
const WHOLE = /^(ntracks|qsum|q[12]|nch\d|nch_min5|nmuv3_\d|inacc\d|nlav|nanti0|npos)$/;

/**
 * The narrowest bin worth drawing for a variable, in display units: about its resolution (estimates
 * for the fast MC: STRAW momentum ~0.3 %, masses a few MeV/c², times ~0.1 ns, z to ~0.1 m), so a
 * histogram of two entries does not auto-range to bins of 0.02 MeV.
 */
export function minBinWidth(name: string, unit: string): number {
  if (WHOLE.test(name)) return 1;
  switch (unit) {
    case 'MeV/c²': return 1;
    case 'GeV/c': return 0.1;
    case 'm': return 0.1;
    case 'mm': return 1;
    case 'ns': return 0.05;
    default: return 0.01;
  }
}

/** An automatic binning no finer than `minWidth`: the same number of bins, widened about the data, edges on multiples of the width. */
export function binsWithFloor(spec: BinSpec, minWidth: number, dataLo: number, dataHi: number): BinSpec {
  if ((spec.hi - spec.lo) / spec.bins >= minWidth) return spec;
  // no entries: the same number of bins of the floor width from the fallback's start (0 for a mass)
  if (!(Number.isFinite(dataLo) && Number.isFinite(dataHi))) {
    const from = Math.floor(spec.lo / minWidth) * minWidth;
    return { lo: from, hi: Number((from + spec.bins * minWidth).toPrecision(12)), bins: spec.bins };
  }
  const lo0 = Math.floor(dataLo / minWidth) * minWidth;
  const hi = dataHi;
  const needed = Math.floor((hi - lo0) / minWidth) + 1; // the maximum strictly inside the last bin
  const bins = Math.max(needed, spec.bins);
  const lo = lo0 - Math.floor((bins - needed) / 2) * minWidth;
  const round = (x: number) => Number(x.toPrecision(12));
  return { lo: round(lo), hi: round(lo + bins * minWidth), bins };
}

function hist1d(id: string, title: string, input: AnalysisInput, names: readonly string[], bins: BinSpec | number, bands: readonly Band[] = [], axisTitle?: string): HistSpec | undefined {
  const c = columnsOf(input.result);
  if (!names.every((n) => input.result.keyVariables.includes(n))) return undefined;
  const d = displayOf(names[0]!, input.variables);
  const values = new Float64Array(c.n * names.length), owners = new Int32Array(values.length), weights = new Float64Array(values.length);
  let k = 0;
  for (const n of names) {
    const j = c.keys.indexOf(n), col = j >= 0 ? c.vars[j]! : undefined;
    for (let i = 0; i < c.n; i++) {
      values[k] = col ? col[i]! * d.factor : NaN; owners[k] = i; weights[k] = input.weighted ? c.weight[i]! : 1; k++;
    }
  }
  let spec: BinSpec;
  const minWidth = minBinWidth(names[0]!, d.unit);
  // the data's range asked for: a fixed range becomes an automatic one with as many bins
  const auto = typeof bins === 'number' ? bins : input.ranges === 'data' ? bins.bins : undefined;
  if (auto !== undefined) {
    let lo = Infinity, hi = -Infinity;
    for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    spec = binsWithFloor(autoRange(values, auto), minWidth, lo, hi);
  } else spec = bins as BinSpec;
  const h = histogram(values, spec, weights);
  const width = (spec.hi - spec.lo) / spec.bins;
  const xLabel = axisTitle ?? d.label;
  const yLabel = histYLabel(input.weighted, width, d.unit);
  return { kind: 'hist', id, title, xLabel, yLabel, h, values, owners, weights, bins: spec, minWidth, unit: d.unit, bands };
}

/** Is a region still closed in this result (the CR opens before the SR)? Older lists: their blinded flag. */
function regionMasked(r: SelectionResult, s: { id: string; blinded: boolean }): boolean {
  if (!s.blinded) return false;
  const b = r.blinding;
  if (!b) return r.blinded;
  return b.applies && !regionOpen(b.stages[r.selection.preset], s.id as RegionId);
}

/** The Figure 3 plane: Z_TAX in m across, CDA_TAX in mm up, with the preset's regions. */
function taxPlane(input: AnalysisInput): ScatterSpec | undefined {
  const r = input.result;
  if (!r.keyVariables.includes('cda_tax') || !r.keyVariables.includes('z_tax')) return undefined;
  const cols = columnsOf(r);
  const xs = variableColumn(cols, 'z_tax', 1e-3), ys = variableColumn(cols, 'cda_tax');
  const regions: Region2D[] = [];
  for (const s of input.shapes) {
    const masked = regionMasked(r, s);
    if (s.shape.kind === 'box') regions.push({ kind: 'box', id: s.id, x0: s.shape.x0 / 1000, x1: s.shape.x1 / 1000, y0: s.shape.y0, y1: s.shape.y1, masked });
    else if (s.shape.kind === 'ellipse') regions.push({ kind: 'ellipse', id: s.id, cx: s.shape.cx / 1000, cy: s.shape.cy, ax: s.shape.ax / 1000, ay: s.shape.ay, masked });
  }
  // frame: the CR with a little room around it (CDA_TAX 0–160 mm, Z_TAX −10–60 m for the paper's CR
  // of 150 mm and −4–50 m), so the SR (< 20 mm) is an eighth of the height, not a strip of pixels;
  // candidates beyond it are counted in the plot's note (`outside`)
  const cr = regions.find((x) => x.id === 'CR' && x.kind === 'box') as Extract<Region2D, { kind: 'box' }> | undefined;
  let domainX: readonly [number, number] = cr ? [Math.floor((cr.x0 - 5) / 10) * 10, Math.ceil((cr.x1 + 5) / 10) * 10] : [-10, 60];
  let domainY: readonly [number, number] = [0, cr ? Math.ceil((cr.y1 * 1.05) / 20) * 20 : 160];
  // the data's range asked for: the candidates' extent (CDA_TAX from 0: it is a distance)
  if (input.ranges === 'data') {
    domainX = dataDomain(xs) ?? domainX;
    const dy = dataDomain(ys);
    if (dy) domainY = [Math.max(0, dy[0]), dy[1]];
  }
  let outside = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i]! >= domainX[0] && xs[i]! <= domainX[1] && ys[i]! >= domainY[0] && ys[i]! <= domainY[1])) outside++;
  }
  const bg = input.background;
  return {
    kind: 'scatter', id: 'tax', title: 'CDA_TAX vs Z_TAX', xLabel: displayOf('z_tax', input.variables).label, yLabel: displayOf('cda_tax', input.variables).label, xs, ys, domainX, domainY, regions, outside,
    ...(bg ? { density: { xs: variableColumn(bg.columns, 'z_tax', 1e-3), ys: variableColumn(bg.columns, 'cda_tax'), label: bg.label } } : {}),
  };
}

function customPlot(input: AnalysisInput): PlotSpec | undefined {
  const c = input.custom;
  if (!c || !input.result.keyVariables.includes(c.x)) return undefined;
  if (!c.y) return hist1d('custom', humanName(c.x, input.variables), input, [c.x], 40);
  if (!input.result.keyVariables.includes(c.y)) return undefined;
  const dx = displayOf(c.x, input.variables), dy = displayOf(c.y, input.variables);
  return {
    kind: 'scatter', id: 'custom', title: `${humanName(c.y, input.variables)} vs ${humanName(c.x, input.variables)}`, xLabel: dx.label, yLabel: dy.label,
    xs: variableColumn(columnsOf(input.result), c.x, dx.factor), ys: variableColumn(columnsOf(input.result), c.y, dy.factor), regions: [], outside: 0,
  };
}

export function analysisPlots(input: AnalysisInput): PlotSpec[] {
  const r = input.result;
  const out: (PlotSpec | undefined)[] = [];
  if (r.selection.preset === 'kaon-pi4e') {
    const bands = input.shapes.filter((s) => s.shape.kind === 'band').map((s) => {
      const b = s.shape as Extract<RegionShape, { kind: 'band' }>;
      return { lo: b.lo, hi: b.hi, label: s.id, masked: regionMasked(r, s) };
    });
    out.push(
      hist1d('mass', 'm_π4e', input, ['m_pi4e'], { lo: 440, hi: 540, bins: 50 }, bands),
      hist1d('m4e', 'm_4e', input, ['m_4e'], 40),
      hist1d('vz', 'vertex z', input, ['kvz'], { lo: 100, hi: 185, bins: 34 }),
      hist1d('chi2', 'vertex χ²', input, ['kchi2'], { lo: 0, hi: 30, bins: 30 }),
    );
  } else {
    const m = r.selection.preset === 'dump-ee' ? 'm_ee' : 'm_mumu';
    out.push(
      taxPlane(input),
      hist1d('mass', humanName(m, input.variables), input, [m], 40),
      hist1d('vz', 'vertex z', input, ['vz'], { lo: 100, hi: 185, bins: 34 }),
      hist1d('dt', 'Δt', input, ['dt'], { lo: -2, hi: 2, bins: 40 }),
      hist1d('eop', 'E/p (both tracks)', input, ['eop1', 'eop2'], { lo: 0, hi: 1.5, bins: 60 }, [], 'E/p of both tracks (LKr cluster)'),
    );
  }
  out.push(customPlot(input));
  return out.filter((p): p is PlotSpec => p !== undefined);
}
