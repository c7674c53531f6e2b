/**
 * The CDA_TAX inset: a small magnified panel at Z_TAX in the side or top view (na62-analyses.md
 * §2.3). The construction's lines run 100+ m along z while the CDA_TAX is millimetres, so at any
 * one scale the segment between them vanishes; the inset draws the di-lepton momentum line, the
 * proton beam line and the CDA segment within a window of z around Z_TAX, each axis at its own
 * scale (the transverse one chosen so the segment and the lines' slopes read), with true-mm scale
 * bars and the engine's CDA_TAX value. Pure geometry in viewport px: the screen overlay draws it
 * as SVG, pictures as overlay items. Every number comes from the engine's TaxConstruction (which
 * it only hands out for unblinded events); nothing here recomputes CDA_TAX.
 */
import type { TaxConstruction, Vec3 } from '../../../src-shared/event/analysis';
import { formatLength, niceFloor } from '../../../src-shared/picture/lengths';
import type { ScreenPoint, ScreenProjector } from './projection';
import type { Viewport } from './types';
import { cdaTaxText, trackSegmentsOnScreen } from './labels';

export type InsetView = 'side' | 'top';
export interface InsetBox { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }
export interface InsetLine { readonly role: 'tax' | 'beam' | 'cda'; readonly points: readonly (readonly [number, number])[] }
export interface InsetBar { readonly mm: number; readonly px: number; readonly label: string }

export interface TaxInset {
  /** the panel, viewport px */
  readonly x: number; readonly y: number; readonly w: number; readonly h: number;
  /** where the plot sits inside the panel, viewport px */
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** the CDA segment's midpoint in the view (the leader's end), viewport px */
  readonly anchor: ScreenPoint;
  /** the leader from the panel's edge to the anchor */
  readonly leader: readonly [readonly [number, number], readonly [number, number]];
  /** the region the panel magnifies, outlined in the view (viewport px) */
  readonly source: InsetBox;
  /** the lines in the plot (viewport px, clipped to it) */
  readonly lines: readonly InsetLine[];
  /** the names of the two lines, at their left ends (text baseline at y, viewport px) */
  readonly tags: readonly { readonly role: 'tax' | 'beam'; readonly text: string; readonly x: number; readonly y: number }[];
  /** the transverse axis shown: y in the side view, x in the top view */
  readonly axis: 'x' | 'y';
  /** true-length bars: transverse (vertical on screen) and along z */
  readonly bar: InsetBar;
  readonly zBar: InsetBar;
  /** the engine's values: "CDA_TAX 12.3 mm · Z_TAX 45.6 m" */
  readonly title: string;
  /** the segment's component in this view when it is not the whole CDA_TAX (the rest is along the hidden axis) */
  readonly note?: string;
  /** the z window the plot covers, NA62 mm */
  readonly zFrom: number; readonly zTo: number;
  /** the transverse window, NA62 mm */
  readonly tFrom: number; readonly tTo: number;
}

export const INSET_SIZE = { w: 280, h: 176 } as const;
/** plot margins inside the panel: title row above, bars below */
const PAD = { left: 10, right: 64, top: 34, bottom: 26 } as const;
const GAP = 36;
/** the inset magnifies the view at least this much along each axis */
const MIN_GAIN = 3;
/** a px of an event track under the panel counts this many px of the construction's lines (placeInset) */
const TRACK_WEIGHT = 2;

/** The point of the line a→b at z (linear in z). */
export function atZ(a: Vec3, b: Vec3, z: number): Vec3 {
  const dz = b.z - a.z;
  const t = Math.abs(dz) < 1e-9 ? 0 : (z - a.z) / dz;
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z };
}

/**
 * The z window (half-width, mm) around Z_TAX: wide enough that the momentum line visibly slopes
 * across about twice the larger of its separation from the beam and 2 mm, within 0.2–20 m and
 * never past the vertex.
 */
export function insetHalfWindow(tax: TaxConstruction, axis: 'x' | 'y'): number {
  const slope = Math.abs((tax.lineTo[axis] - tax.lineFrom[axis]) / ((tax.lineTo.z - tax.lineFrom.z) || 1));
  const sep = Math.max(Math.abs(tax.cdaFrom[axis] - tax.cdaTo[axis]), 2);
  const want = slope > 1e-9 ? (2 * sep) / slope : 20_000;
  const toVertex = Math.abs(tax.vertex.z - tax.zTax);
  return niceFloor(Math.max(200, Math.min(20_000, want, toVertex > 400 ? toVertex : 20_000)));
}

const overlaps = (a: InsetBox, b: InsetBox) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Clip a segment to a rectangle (Liang–Barsky); undefined when it misses. */
function clip(p: readonly [number, number], q: readonly [number, number], r: { x: number; y: number; w: number; h: number }): [[number, number], [number, number]] | undefined {
  let t0 = 0, t1 = 1;
  const dx = q[0] - p[0], dy = q[1] - p[1];
  const checks: [number, number][] = [[-dx, p[0] - r.x], [dx, r.x + r.w - p[0]], [-dy, p[1] - r.y], [dy, r.y + r.h - p[1]]];
  for (const [pp, qq] of checks) {
    if (pp === 0) { if (qq < 0) return undefined; continue; }
    const t = qq / pp;
    if (pp < 0) { if (t > t1) return undefined; if (t > t0) t0 = t; } else { if (t < t0) return undefined; if (t < t1) t1 = t; }
  }
  return [[p[0] + dx * t0, p[1] + dy * t0], [p[0] + dx * t1, p[1] + dy * t1]];
}

/**
 * The panel's corner: candidates above and below the anchor, centred on it or shifted to either
 * side (always spanning its x), then the viewport's top and bottom, centred, then shifted; the first
 * that fits, keeps clear of `avoid` and covers the fewest px of the drawn lines wins. `tracks` (the
 * event's tracks, screen segments) count TRACK_WEIGHT× a construction line's px: the panel may cover
 * the construction it magnifies, but a track it covers is gone from the view.
 */
export function placeInset(
  anchor: ScreenPoint, viewport: Viewport, m: { top: number; bottom: number; left: number; right: number },
  avoid: readonly InsetBox[], lines: readonly (readonly [ScreenPoint, ScreenPoint])[],
  tracks: readonly (readonly [ScreenPoint, ScreenPoint])[] = [],
): { x: number; y: number } {
  const { w, h } = INSET_SIZE;
  const xs = [anchor.x - w / 2, anchor.x - w + 28, anchor.x - 28].map((x) => Math.min(viewport.width - m.right - w, Math.max(m.left, x)));
  const ys = [anchor.y - GAP - h, anchor.y + GAP];
  // last, the viewport's top and bottom shifted to either side: where neither place by the anchor fits
  // and the centred ones would cover a legend (a view's legend sits in its top right corner)
  const edges = [m.top, viewport.height - m.bottom - h];
  const cands = [...ys.flatMap((y) => xs.map((x) => ({ x, y }))), ...edges.map((y) => ({ x: xs[0]!, y })), ...edges.flatMap((y) => xs.slice(1).map((x) => ({ x, y })))];
  const fits = (c: { y: number }) => c.y >= m.top && c.y + h <= viewport.height - m.bottom;
  const covered = (r: { x: number; y: number; w: number; h: number }, segs: readonly (readonly [ScreenPoint, ScreenPoint])[]) =>
    segs.reduce((n, [p, q]) => { const s = clip([p.x, p.y], [q.x, q.y], r); return n + (s ? Math.hypot(s[1][0] - s[0][0], s[1][1] - s[0][1]) : 0); }, 0);
  const hidden = (c: { x: number; y: number }) => {
    const r = { x: c.x, y: c.y, w, h };
    return covered(r, lines) + TRACK_WEIGHT * covered(r, tracks);
  };
  const score = (c: { x: number; y: number }) =>
    (fits(c) ? 0 : 1e6) + (avoid.some((o) => overlaps({ x0: c.x, x1: c.x + w, y0: c.y, y1: c.y + h }, o)) ? 1e5 : 0) + hidden(c);
  let best = cands[0]!, bestScore = score(best);
  for (const c of cands.slice(1)) { const s = score(c); if (s < bestScore - 0.5) { best = c; bestScore = s; } }
  if (!fits(best)) return { x: best.x, y: Math.max(0, Math.min(viewport.height - h, best.y)) };
  return best;
}

export interface InsetRequest {
  readonly tax: TaxConstruction;
  readonly view: InsetView;
  /** NA62 mm → viewport px under the view's camera and mapping */
  readonly project: ScreenProjector;
  readonly viewport: Viewport;
  /** boxes the panel should keep clear of (a picture's caption, legend, scale bars), viewport px */
  readonly avoid?: readonly InsetBox[];
  /** room kept free at the viewport's edges (px): the HUD above, the scale bars below */
  readonly margin?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** the event's tracks as drawn (polylines, NA62 mm): the panel keeps off them where it can */
  readonly tracks?: readonly (readonly Vec3[])[];
}

/** The inset's layout, or undefined when Z_TAX does not project into the view (the view shows no construction there). */
export function taxInset(req: InsetRequest): TaxInset | undefined {
  const { tax, view, project, viewport } = req;
  if (!Number.isFinite(tax.zTax) || !Number.isFinite(tax.cdaTax)) return undefined;
  const axis = view === 'side' ? 'y' : 'x';
  const a = project(tax.cdaFrom), b = project(tax.cdaTo);
  if (!a || !b) return undefined;
  const anchor = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if (anchor.x < 0 || anchor.x > viewport.width) return undefined;
  const m = req.margin ?? { top: 8, bottom: 8, left: 8, right: 8 };
  const { w, h } = INSET_SIZE;

  // the view's own scale at Z_TAX (px per mm along z and across): the inset magnifies it MIN_GAIN× at least
  const plotW = w - PAD.left - PAD.right, plotH = h - PAD.top - PAD.bottom;
  const mid = { x: (tax.cdaFrom.x + tax.cdaTo.x) / 2, y: (tax.cdaFrom.y + tax.cdaTo.y) / 2, z: tax.zTax };
  const moved = (dz: number, dt: number) => { const q = project({ ...mid, z: mid.z + dz, [axis]: mid[axis] + dt }); return q ? Math.hypot(q.x - anchor.x, q.y - anchor.y) : 0; };
  const viewZ = moved(1000, 0) / 1000, viewT = moved(0, 1);

  // what the plot spans: z ± half-window around Z_TAX, and the lines' transverse range there
  const half = Math.max(50, Math.min(insetHalfWindow(tax, axis), viewZ > 0 ? plotW / (2 * MIN_GAIN * viewZ) : Infinity));
  const zFrom = tax.zTax - half, zTo = tax.zTax + half;
  const p0 = atZ(tax.lineFrom, tax.lineTo, zFrom), p1 = atZ(tax.lineFrom, tax.lineTo, zTo);
  const b0 = atZ(tax.beamFrom, tax.beamTo, zFrom), b1 = atZ(tax.beamFrom, tax.beamTo, zTo);
  const ts = [p0[axis], p1[axis], b0[axis], b1[axis], tax.cdaFrom[axis], tax.cdaTo[axis]];
  const tMid = mid[axis];
  const seg = Math.abs(tax.cdaFrom[axis] - tax.cdaTo[axis]) / 2;
  // the lines' reach, within the gain limit, never cutting the segment (nor below 0.1 mm)
  const reach = Math.max(Math.min(Math.max(...ts.map((t) => Math.abs(t - tMid))) * 1.15, viewT > 0 ? plotH / (2 * MIN_GAIN * viewT) : Infinity), seg * 1.3, 0.1);
  const tFrom = tMid - reach, tTo = tMid + reach;

  // place: above or below the segment, over Z_TAX, where it hides least of the construction's lines; clear of `avoid`
  const drawn = [[tax.lineFrom, tax.lineTo], [tax.beamFrom, tax.beamTo]].map(([p, q]) => [project(p!), project(q!)] as const)
    .filter((s): s is readonly [ScreenPoint, ScreenPoint] => !!s[0] && !!s[1]);
  // the tracks on screen as the label layout takes them (one projection of polylines, display/labels.ts)
  const tracks = trackSegmentsOnScreen(req.tracks, project, view).map(([p, q]) => [{ x: p[0], y: p[1] }, { x: q[0], y: q[1] }] as const);
  const { x: cx, y } = placeInset(anchor, viewport, m, req.avoid ?? [], drawn, tracks);
  const plot = { x: cx + PAD.left, y: y + PAD.top, w: plotW, h: plotH };

  const pxPerMmZ = plot.w / (zTo - zFrom), pxPerMmT = plot.h / (tTo - tFrom);
  const X = (z: number) => plot.x + (z - zFrom) * pxPerMmZ;
  const Y = (t: number) => plot.y + (tTo - t) * pxPerMmT; // transverse up, as in the view (y up; +x up in the top view)
  const line = (role: InsetLine['role'], p: Vec3, q: Vec3): InsetLine | undefined => {
    const c = clip([X(p.z), Y(p[axis])], [X(q.z), Y(q[axis])], plot);
    return c ? { role, points: c } : undefined;
  };
  const lines = [line('beam', b0, b1), line('tax', p0, p1), line('cda', tax.cdaFrom, tax.cdaTo)].filter((l): l is InsetLine => !!l);

  const tags = lineTags(lines, plot);
  const tMm = niceFloor(plot.h * 0.6 / pxPerMmT), zMm = niceFloor(plot.w * 0.45 / pxPerMmZ);
  const bar = { mm: tMm, px: tMm * pxPerMmT, label: formatLength(tMm) };
  const zBar = { mm: zMm, px: zMm * pxPerMmZ, label: formatLength(zMm) };

  // the region magnified, outlined in the view (at least a few px so it can be seen)
  const corners = [project({ ...atZ(tax.beamFrom, tax.beamTo, zFrom), [axis]: tFrom }), project({ ...atZ(tax.beamFrom, tax.beamTo, zTo), [axis]: tTo })].filter((q): q is ScreenPoint => !!q);
  const sx0 = Math.min(...corners.map((q) => q.x), anchor.x), sx1 = Math.max(...corners.map((q) => q.x), anchor.x);
  const sy0 = Math.min(...corners.map((q) => q.y), anchor.y), sy1 = Math.max(...corners.map((q) => q.y), anchor.y);
  const grow = (lo: number, hi: number, min: number) => (hi - lo >= min ? [lo, hi] : [(lo + hi) / 2 - min / 2, (lo + hi) / 2 + min / 2]);
  const [x0, x1] = grow(sx0, sx1, 10), [y0, y1] = grow(sy0, sy1, 10);
  const source = { x0: x0!, x1: x1!, y0: y0!, y1: y1! };

  const above = y + h <= anchor.y;
  const edge: [number, number] = [Math.min(cx + w - 4, Math.max(cx + 4, anchor.x)), above ? y + h : y];
  const end: [number, number] = [anchor.x, above ? source.y0 : source.y1];

  const seen = Math.abs(tax.cdaFrom[axis] - tax.cdaTo[axis]);
  const note = Math.abs(seen - tax.cdaTax) > 0.05 * tax.cdaTax + 0.05 ? `Δ${axis} ${seen.toFixed(1)} mm here; the rest along ${axis === 'y' ? 'x' : 'y'}` : undefined;
  return {
    x: cx, y, w, h, plot, anchor, leader: [edge, end], source, lines, tags, axis, bar, zBar,
    title: cdaTaxText(tax), ...(note ? { note } : {}), zFrom, zTo, tFrom, tTo,
  };
}

const TAG_TEXT = { tax: 'P line', beam: 'proton beam' } as const;

/** Each line's name just above its left end (below it near the plot's top, or when the two names would collide). */
function lineTags(lines: readonly InsetLine[], plot: { x: number; y: number; w: number; h: number }): TaxInset['tags'] {
  const ends = lines.filter((l): l is InsetLine & { role: 'tax' | 'beam' } => l.role !== 'cda')
    .map((l) => { const p = l.points[0]![0] <= l.points[l.points.length - 1]![0] ? l.points[0]! : l.points[l.points.length - 1]!; return { role: l.role, x: p[0] + 3, y: p[1] }; });
  const [hi, lo] = [...ends].sort((a, b) => a.y - b.y);
  return ends.map((e) => {
    const below = e.y - 4 < plot.y + 11 || (e === lo && hi && lo.y - hi.y < 14);
    return { role: e.role, text: TAG_TEXT[e.role], x: e.x, y: below ? Math.min(e.y + 13, plot.y + plot.h - 2) : e.y - 4 };
  });
}

/** The boxes the inset takes (panel and outlined region): element labels keep clear of them. */
export const insetBoxes = (i: TaxInset): InsetBox[] => [{ x0: i.x, x1: i.x + i.w, y0: i.y, y1: i.y + i.h }, i.source];
