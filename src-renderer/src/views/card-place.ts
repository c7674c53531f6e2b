/**
 * Where a picked object's card goes in its view: beside the pick point in one of the four
 * quadrants around it (right-below first, as a reader expects), each moved inside the view; of
 * those, one that fits without moving and keeps off the point, then the one covering least of what
 * the view shows on top of the drawing (its legend, the CDA_TAX inset). Pure: viewport px, y down.
 */
import type { InsetBox } from '../display/tax-inset';

export const CARD_GAP = 14;
const EDGE = 4;

export function placeCard(
  at: { x: number; y: number }, card: { w: number; h: number }, view: { w: number; h: number }, avoid: readonly InsetBox[],
): { left: number; top: number } {
  const { w, h } = card;
  const right = at.x + CARD_GAP, left = at.x - CARD_GAP - w, below = at.y + CARD_GAP, above = at.y - CARD_GAP - h;
  const cands = [{ left: right, top: below }, { left: right, top: above }, { left, top: below }, { left, top: above }];
  const fits = (c: { left: number; top: number }) => c.left >= EDGE && c.top >= EDGE && c.left + w <= view.w - EDGE && c.top + h <= view.h - EDGE;
  const covered = (c: { left: number; top: number }) => avoid.reduce((n, b) =>
    n + Math.max(0, Math.min(c.left + w, b.x1) - Math.max(c.left, b.x0)) * Math.max(0, Math.min(c.top + h, b.y1) - Math.max(c.top, b.y0)), 0);
  const inside = (c: { left: number; top: number }) => ({ left: Math.max(EDGE, Math.min(c.left, view.w - w - EDGE)), top: Math.max(EDGE, Math.min(c.top, view.h - h - EDGE)) });
  const onPoint = (c: { left: number; top: number }) => at.x >= c.left && at.x <= c.left + w && at.y >= c.top && at.y <= c.top + h;
  let best = inside(cands[0]!), score = Infinity;
  for (const c of cands) {
    const p = inside(c);
    const s = (fits(c) ? 0 : 1e8) + (onPoint(p) ? 1e9 : 0) + covered(p);
    if (s < score) { best = p; score = s; }
  }
  return best;
}
