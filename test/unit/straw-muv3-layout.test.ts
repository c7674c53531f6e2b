import { describe, expect, it } from 'vitest';
import {
  STRAW_HOLE_CENTRE_UV, STRAW_HOLE_CENTRE_X, STRAW_HOLE_HALF_WIDTH, STRAW_VIEWS, nearestStraw, strawHoleCentre, strawTubes, strawViewCoordinate,
} from '../../src-shared/geometry/straw';
import { muv3TileAt, muv3Tiles } from '../../src-shared/geometry/muv3';

describe('STRAW layout', () => {
  it('has about 112 straws per layer and about 1790 per chamber, none in the beam-hole strip', () => {
    for (let ch = 0; ch < 4; ch++) {
      const tubes = strawTubes(ch);
      expect(tubes.length).toBeGreaterThan(1750);
      expect(tubes.length).toBeLessThan(1830);
      for (const view of STRAW_VIEWS) {
        const hole = strawHoleCentre(ch, view);
        for (const t of tubes.filter((x) => x.view === view)) expect(Math.abs(t.coord - hole)).toBeGreaterThanOrEqual(STRAW_HOLE_HALF_WIDTH);
      }
    }
  });

  it('u/v hole centres agree with the x hole centre projected into the stereo views', () => {
    STRAW_HOLE_CENTRE_X.forEach((cx, ch) => {
      expect(Math.abs(strawViewCoordinate('u', cx, 0) - STRAW_HOLE_CENTRE_UV[ch]!)).toBeLessThan(4.4);
      expect(Math.abs(strawViewCoordinate('v', cx, 0) - STRAW_HOLE_CENTRE_UV[ch]!)).toBeLessThan(4.4);
    });
  });

  it('finds the straw at a coordinate with the same rule that lays them out', () => {
    for (const t of strawTubes(1).filter((_, i) => i % 53 === 0)) {
      expect(nearestStraw(1, t.view, t.layer, t.coord + 3)).toBeCloseTo(t.coord, 9);
    }
    expect(nearestStraw(0, 'x', 0, STRAW_HOLE_CENTRE_X[0]!)).toBeUndefined(); // the beam hole
    expect(nearestStraw(0, 'y', 0, 5000)).toBeUndefined(); // outside the chamber
  });

  it('a straw lies at its view coordinate along its whole length', () => {
    for (const t of strawTubes(2).filter((_, i) => i % 97 === 0)) {
      expect(strawViewCoordinate(t.view, t.x0, t.y0)).toBeCloseTo(t.coord, 6);
      expect(strawViewCoordinate(t.view, t.x1, t.y1)).toBeCloseTo(t.coord, 6);
      expect(Math.hypot(t.x1 - t.x0, t.y1 - t.y0)).toBeCloseTo(2100, 6);
    }
  });
});

describe('MUV3 tiles', () => {
  const tiles = muv3Tiles();
  it('has 148 tiles with IDs 0–151 less the four central large ones', () => {
    expect(tiles.length).toBe(148);
    const ids = tiles.map((t) => t.id).sort((a, b) => a - b);
    const expected = Array.from({ length: 152 }, (_, i) => i).filter((i) => ![65, 66, 77, 78].includes(i));
    expect(ids).toEqual(expected);
  });

  it('tiles do not overlap and cover 2640 × 2640 mm with the 0.8 mm gap', () => {
    const rects = tiles.flatMap((t) => t.rects.map((r) => ({ ...r, id: t.id })));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!, b = rects[j]!;
        const overlap = a.x0 < b.x1 - 1e-9 && b.x0 < a.x1 - 1e-9 && a.y0 < b.y1 - 1e-9 && b.y0 < a.y1 - 1e-9;
        expect(overlap, `${a.id} vs ${b.id}`).toBe(false);
      }
    }
    expect(Math.min(...rects.map((r) => r.x0))).toBeCloseTo(-1320.4, 6);
    expect(Math.max(...rects.map((r) => r.x1))).toBeCloseTo(1320.4, 6);
    const area = rects.reduce((a, r) => a + (r.x1 - r.x0) * (r.y1 - r.y0), 0);
    expect(area).toBeCloseTo(2640 * 2640 - (440 / 3) ** 2, 0); // everything but the central small cell (the beam hole)
  });

  it('finds the tile at a point: corners, the hole and the gap', () => {
    expect(muv3TileAt(-1300, -1300, tiles)).toBe(0);
    expect(muv3TileAt(1300, 1300, tiles)).toBe(143);
    expect(muv3TileAt(1300, -1300, tiles)).toBe(11);
    expect(muv3TileAt(0, 0, tiles)).toBeUndefined();
    expect(muv3TileAt(0, 150, tiles)).toBeUndefined(); // inside the 0.8 mm gap
    expect(muv3TileAt(5, 150, tiles)).toBeGreaterThanOrEqual(144);
  });
});
