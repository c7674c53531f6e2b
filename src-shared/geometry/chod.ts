/**
 * The NA48-CHOD slab hodoscope ("CHOD" in the software; na62-geometry.md §15): two planes, V
 * (vertical slabs, measuring x) at z = 239 009 mm and H (horizontal slabs, measuring y) at
 * z = 239 389 mm, 20 mm thick; 16 slabs per quadrant per plane, 11 central ones 65 mm wide and 5
 * outer ones 99 mm wide (11 × 65 + 5 × 99 = 1210 mm = the octagon's apothem), 128 < R < 1210 mm
 * [MC-CHOD], [RECO-CHOD CHOD.conf], [BEATCH]. Slab lengths follow the octagon (|x| + |y| ≤ 1210 √2);
 * the sheet gives half-lengths 605 → 300 mm, the octagon cut gives 605 → 250 mm [E].
 * One definition for the detector response (which slab fires) and the event drawing (where it is).
 */
export const CHOD_PLANE_Z = [239_009, 239_389] as const;
export const CHOD_THICKNESS = 20;
export const CHOD_APOTHEM = 1210;
export const CHOD_R_MIN = 128;
/** slab widths from the beam outwards, per quadrant */
export const CHOD_SLAB_WIDTHS: readonly number[] = [...Array<number>(11).fill(65), ...Array<number>(5).fill(99)];
export const CHOD_SLABS_PER_QUADRANT = CHOD_SLAB_WIDTHS.length;
/** time resolution per hit: ≈ 200 ps published [R]; used as the σ of the hit time */
export const CHOD_SIGMA_T = 0.2;

/** inner edges of the slabs from the beam axis, and the outer edge last */
const EDGES: readonly number[] = CHOD_SLAB_WIDTHS.reduce<number[]>((e, w) => [...e, e[e.length - 1]! + w], [0]);

/** Plane 0 = V (slab across x), 1 = H (slab across y). Quadrant 0..3: (+,+), (−,+), (−,−), (+,−) in (x, y). */
export interface ChodSlab {
  readonly plane: 0 | 1;
  /** 0..63: quadrant × 16 + slab from the beam outwards */
  readonly slab: number;
  readonly z: number;
  /** the slab's rectangle in x and y, mm */
  readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number;
}

const QUADRANT_SIGNS: readonly (readonly [number, number])[] = [[1, 1], [-1, 1], [-1, -1], [1, -1]];

/** The rectangle of slab `slab` of a plane; undefined for an index out of range. */
export function chodSlab(plane: number, slab: number): ChodSlab | undefined {
  if ((plane !== 0 && plane !== 1) || !Number.isInteger(slab) || slab < 0 || slab >= 4 * CHOD_SLABS_PER_QUADRANT) return undefined;
  const q = Math.floor(slab / CHOD_SLABS_PER_QUADRANT), i = slab % CHOD_SLABS_PER_QUADRANT;
  const [sx, sy] = QUADRANT_SIGNS[q]!;
  const a = EDGES[i]!, b = EDGES[i + 1]!;
  // the slab's length: up to the octagon's diagonal side at its outer edge [E]
  const len = Math.min(CHOD_APOTHEM, CHOD_APOTHEM * Math.SQRT2 - b);
  const across = [a, b].map((u) => u * (plane === 0 ? sx : sy)).sort((m, n) => m - n) as [number, number];
  const along = [0, len].map((u) => u * (plane === 0 ? sy : sx)).sort((m, n) => m - n) as [number, number];
  const [x0, x1] = plane === 0 ? across : along;
  const [y0, y1] = plane === 0 ? along : across;
  return { plane, slab, z: CHOD_PLANE_Z[plane], x0, x1, y0, y1 };
}

/** The slab of a plane a particle crossing at (x, y) fires, or undefined outside the acceptance. */
export function chodSlabAt(plane: 0 | 1, x: number, y: number): number | undefined {
  const r = Math.hypot(x, y);
  if (r < CHOD_R_MIN || Math.abs(x) > CHOD_APOTHEM || Math.abs(y) > CHOD_APOTHEM || Math.abs(x) + Math.abs(y) > CHOD_APOTHEM * Math.SQRT2) return undefined;
  const u = Math.abs(plane === 0 ? x : y);
  const i = EDGES.findIndex((e, k) => k < CHOD_SLABS_PER_QUADRANT && u >= e && u < EDGES[k + 1]!);
  if (i < 0) return undefined;
  const q = x >= 0 ? (y >= 0 ? 0 : 3) : y >= 0 ? 1 : 2;
  return q * CHOD_SLABS_PER_QUADRANT + i;
}
