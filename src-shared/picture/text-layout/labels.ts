/**
 * Element labels with leader lines, placed by the layout engine: by priority (the elements the event
 * touches, then the main stations, then the rest; ties to the larger element), each above its
 * element, stacked upwards, else below it, stacked downwards, shifted sideways to stay whole in the
 * panel; the leader runs from the label to the element (clamped into the panel). A label that finds
 * no free spot is dropped, never drawn in part.
 */
import { measureText, FONT_ASCENT, FONT_DESCENT, type Box } from './font-metrics';
import type { PanelLayout } from './layout';

/** Label priorities: lower is placed first. */
export const LABEL_PRIORITY = { touched: 0, main: 1, other: 2 } as const;

export interface LabelRequest {
  readonly id: string;
  readonly text: string;
  /** LABEL_PRIORITY, then `rank` inside it */
  readonly priority: number;
  readonly rank?: number;
  /** the element's projected box (same units as the layout, y down) */
  readonly target: Box;
}

export interface PlacedLabelBox {
  readonly id: string;
  readonly text: string;
  /** centre of the text, and its alphabetic baseline */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
  /** from the label's edge to the element; absent when the label sits on the element's edge */
  readonly leader?: readonly [readonly [number, number], readonly [number, number]];
}

export interface LabelStyle {
  /** font size */
  readonly size: number;
  readonly bold?: boolean;
  /** room kept around the text (its halo and a gap between neighbours) */
  readonly pad: number;
  /** gap between the element and the first level */
  readonly gap: number;
  /** stacking levels tried above and below */
  readonly levels?: number;
}

export function placeLabelsIn(layout: PanelLayout, reqs: readonly LabelRequest[], st: LabelStyle): PlacedLabelBox[] {
  const b = layout.bounds;
  const out: PlacedLabelBox[] = [];
  const asc = FONT_ASCENT * st.size, desc = FONT_DESCENT * st.size, line = asc + desc + st.pad;
  const levels = st.levels ?? 6;
  const order = [...reqs].sort((p, q) => p.priority - q.priority || (p.rank ?? 9) - (q.rank ?? 9) || (q.target.x1 - q.target.x0) - (p.target.x1 - p.target.x0));
  for (const r of order) {
    const t = r.target;
    // only elements seen in the panel
    if (t.x1 < b.x0 || t.x0 > b.x1 || t.y1 < b.y0 || t.y0 > b.y1) continue;
    const w = measureText(r.text, st.size, st.bold) + 2 * st.pad;
    const cx = (Math.max(t.x0, b.x0) + Math.min(t.x1, b.x1)) / 2;
    // kept whole in the panel: shifted sideways off an edge
    const x = Math.min(b.x1 - w / 2, Math.max(b.x0 + w / 2, cx));
    // the leader's foot: on the element, under the label where it can be, inside the panel
    const footX = Math.min(Math.min(t.x1, b.x1 - 1), Math.max(Math.max(t.x0, b.x0 + 1), x));
    const top = Math.max(t.y0, b.y0), bottom = Math.min(t.y1, b.y1);
    const spots: { y: number; foot: number; above: boolean; on?: boolean }[] = [];
    for (let l = 0; l < levels; l++) spots.push({ y: top - st.gap - desc - st.pad - l * line, foot: top, above: true });
    // an element that runs past the panel's top (or bottom) edge: its label on it, along that edge
    if (t.y0 < b.y0) for (let l = 0; l < levels; l++) spots.push({ y: b.y0 + st.pad + asc + l * line, foot: 0, above: true, on: true });
    for (let l = 0; l < levels; l++) spots.push({ y: bottom + st.gap + asc + st.pad + l * line, foot: bottom, above: false });
    if (t.y1 > b.y1) for (let l = 0; l < levels; l++) spots.push({ y: b.y1 - st.pad - desc - l * line, foot: 0, above: false, on: true });
    for (const s of spots) {
      const box: Box = { x0: x - w / 2, x1: x + w / 2, y0: s.y - asc - st.pad, y1: s.y + desc + st.pad };
      const edge = s.above ? box.y1 : box.y0;
      const leader = !s.on && (Math.abs(edge - s.foot) > 0.5 || Math.abs(footX - x) > 0.5) ? ([[x, edge], [footX, s.foot]] as const) : undefined;
      const entries = [{ kind: 'label' as const, box, text: r.text }, ...(leader ? [{ kind: 'leader' as const, box: segBox(leader), segment: leader }] : [])];
      if (!layout.tryPlaceAll(entries)) continue;
      out.push({ id: r.id, text: r.text, x, y: s.y, box, ...(leader ? { leader } : {}) });
      break;
    }
  }
  return out;
}

const segBox = (s: readonly [readonly [number, number], readonly [number, number]]): Box =>
  ({ x0: Math.min(s[0][0], s[1][0]), x1: Math.max(s[0][0], s[1][0]), y0: Math.min(s[0][1], s[1][1]), y1: Math.max(s[0][1], s[1][1]) });
