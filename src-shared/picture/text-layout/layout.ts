/**
 * The layout engine for the text of pictures and of the screen's overlays. A panel is a rectangle
 * in which pieces of text (and their leader lines) take room one after another, in priority order:
 * each piece is either placed whole, inside the panel and clear of everything placed before it
 * (boxes and segments), or dropped. Callers give the order (fixed furniture first: axis titles,
 * scale bars, titles, insets, tick labels; then element labels by priority). Pure geometry in any
 * unit (output px for pictures, CSS px on screen); no DOM.
 */
import type { Box } from './font-metrics';

export type { Box } from './font-metrics';

export type LayoutKind =
  | 'caption' | 'badge' | 'legend' | 'axis-title' | 'tick-label' | 'tick' | 'scale-bar' | 'title' | 'tax-inset' | 'event-label' | 'label' | 'leader'
  /** a segment of an event track on screen: text keeps off it (a leader may cross it, as a line crosses a line) */
  | 'track';

export interface LayoutBox {
  readonly kind: LayoutKind;
  readonly box: Box;
  /** the text it holds (labels, ticks, titles), for messages */
  readonly text?: string;
  /** a leader line: its end points (the box bounds them) */
  readonly segment?: readonly [readonly [number, number], readonly [number, number]];
}

/** Positive-area overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
export const inside = (a: Box, outer: Box, eps = 1e-6): boolean => a.x0 >= outer.x0 - eps && a.x1 <= outer.x1 + eps && a.y0 >= outer.y0 - eps && a.y1 <= outer.y1 + eps;
export const grow = (b: Box, d: number): Box => ({ x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d });
export const union = (bs: readonly Box[]): Box | undefined =>
  bs.length ? { x0: Math.min(...bs.map((b) => b.x0)), y0: Math.min(...bs.map((b) => b.y0)), x1: Math.max(...bs.map((b) => b.x1)), y1: Math.max(...bs.map((b) => b.y1)) } : undefined;

type Pt = readonly [number, number];

/** Does the segment a–b pass through the inside of the box (Liang–Barsky clipping)? */
export function segmentHitsBox(a: Pt, b: Pt, box: Box): boolean {
  let t0 = 0, t1 = 1;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const clip = (p: number, q: number): boolean => {
    if (Math.abs(p) < 1e-12) return q > 0;
    const r = q / p;
    if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    return true;
  };
  if (!clip(-dx, a[0] - box.x0) || !clip(dx, box.x1 - a[0]) || !clip(-dy, a[1] - box.y0) || !clip(dy, box.y1 - a[1])) return false;
  return t1 - t0 > 1e-9;
}

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
/** Do two segments cross or touch (collinear overlaps included)? */
export function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Pt, q: Pt, r: Pt, v: number) => Math.abs(v) < 1e-9 && Math.min(p[0], q[0]) - 1e-9 <= r[0] && r[0] <= Math.max(p[0], q[0]) + 1e-9 && Math.min(p[1], q[1]) - 1e-9 <= r[1] && r[1] <= Math.max(p[1], q[1]) + 1e-9;
  return on(c, d, a, d1) || on(c, d, b, d2) || on(a, b, c, d3) || on(a, b, d, d4);
}

/** Do two layout entries collide: box with box, a leader with a box, two leaders? */
export function collide(a: LayoutBox, b: LayoutBox): boolean {
  if (a.segment && b.segment) return a.kind !== 'track' && b.kind !== 'track' && segmentsMeet(a.segment[0], a.segment[1], b.segment[0], b.segment[1]);
  if (a.segment) return segmentHitsBox(a.segment[0], a.segment[1], b.box);
  if (b.segment) return segmentHitsBox(b.segment[0], b.segment[1], a.box);
  return overlaps(a.box, b.box);
}

/** Track segments as layout entries (kind 'track'): element labels are placed clear of them. */
export function trackEntries(segments: readonly (readonly [Pt, Pt])[]): LayoutBox[] {
  return segments.map((seg) => ({
    kind: 'track' as const, segment: seg,
    box: { x0: Math.min(seg[0][0], seg[1][0]), x1: Math.max(seg[0][0], seg[1][0]), y0: Math.min(seg[0][1], seg[1][1]), y1: Math.max(seg[0][1], seg[1][1]) },
  }));
}

/** The room of one panel: its bounds and what has been placed in it. */
export class PanelLayout {
  readonly placed: LayoutBox[] = [];
  constructor(readonly bounds: Box) {}

  /** Would `e` fit: inside the panel and clear of everything placed? */
  fits(e: LayoutBox): boolean {
    if (!inside(e.box, this.bounds)) return false;
    return !this.placed.some((p) => collide(p, e));
  }

  /** Place `e` if it fits; true when placed. */
  tryPlace(e: LayoutBox): boolean {
    if (!this.fits(e)) return false;
    this.placed.push(e);
    return true;
  }

  /** Place several entries together, all or none. */
  tryPlaceAll(es: readonly LayoutBox[]): boolean {
    const n = this.placed.length;
    for (const e of es) {
      if (!this.tryPlace(e)) { this.placed.length = n; return false; }
    }
    return true;
  }
}

/** Every pair of entries that collide and every entry outside `bounds`: empty when the layout keeps its guarantees. */
export function layoutProblems(entries: readonly LayoutBox[], bounds: Box): string[] {
  const out: string[] = [];
  const name = (e: LayoutBox) => `${e.kind}${e.text ? ` "${e.text}"` : ''}`;
  for (const e of entries) if (!inside(e.box, bounds, 0.05)) out.push(`${name(e)} leaves its panel`);
  for (let i = 0; i < entries.length; i++) for (let j = i + 1; j < entries.length; j++) {
    if (collide(entries[i]!, entries[j]!)) out.push(`${name(entries[i]!)} overlaps ${name(entries[j]!)}`);
  }
  return out;
}
