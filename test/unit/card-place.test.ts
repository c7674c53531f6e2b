/**
 * Where the picked object's card goes (views/card-place.ts): beside the pick point, inside the view,
 * off the view's legend and CDA_TAX inset where a quadrant allows (the card had covered the legend,
 * "rack, q > 0", in the workspace's picture).
 */
import { describe, expect, it } from 'vitest';
import { CARD_GAP, placeCard } from '../../src-renderer/src/views/card-place';

const card = { w: 220, h: 200 }, view = { w: 800, h: 400 };
const overlaps = (p: { left: number; top: number }, b: { x0: number; x1: number; y0: number; y1: number }) =>
  p.left < b.x1 && b.x0 < p.left + card.w && p.top < b.y1 && b.y0 < p.top + card.h;

describe('the pick card’s place', () => {
  it('goes right of and below the point where there is room', () => {
    expect(placeCard({ x: 100, y: 100 }, card, view, [])).toEqual({ left: 100 + CARD_GAP, top: 100 + CARD_GAP });
  });

  it('flips to the side where the view has room', () => {
    expect(placeCard({ x: 700, y: 300 }, card, view, [])).toEqual({ left: 700 - CARD_GAP - card.w, top: 300 - CARD_GAP - card.h });
  });

  it('keeps off the legend (top right) when another quadrant beside the point is free of it', () => {
    const legend = { x0: 640, x1: 790, y0: 10, y1: 190 };
    const p = placeCard({ x: 480, y: 60 }, card, view, [legend]);
    expect(overlaps(p, legend)).toBe(false);
    expect(p.left + card.w).toBeLessThanOrEqual(480 - CARD_GAP); // to the left of the point, not over the legend
    // the old rule (right-below, flipped only at the view's edge) would have covered it
    expect(overlaps({ left: 480 + CARD_GAP, top: 60 + CARD_GAP }, legend)).toBe(true);
  });

  it('in a view too short for any quadrant: moved inside, off the point, and of those the one covering least of the legend', () => {
    const short = { w: 550, h: 380 }, legend = { x0: 430, x1: 545, y0: 10, y1: 230 }, at = { x: 380, y: 175 };
    const p = placeCard(at, card, short, [legend]);
    expect(p.left).toBeGreaterThanOrEqual(4); expect(p.top).toBeGreaterThanOrEqual(4);
    expect(p.left + card.w).toBeLessThanOrEqual(546); expect(p.top + card.h).toBeLessThanOrEqual(376);
    expect(at.x >= p.left && at.x <= p.left + card.w && at.y >= p.top && at.y <= p.top + card.h).toBe(false);
    expect(overlaps(p, legend)).toBe(false); // left of the point: the legend stays whole
  });

  it('stays inside the view when no quadrant fits', () => {
    const p = placeCard({ x: 400, y: 200 }, { w: 500, h: 380 }, view, []);
    expect(p.left).toBeGreaterThanOrEqual(4); expect(p.top).toBeGreaterThanOrEqual(4);
    expect(p.left + 500).toBeLessThanOrEqual(796); expect(p.top + 380).toBeLessThanOrEqual(396);
  });
});
