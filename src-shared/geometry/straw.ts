/**
 * Layout of the four STRAW chambers: views, layers, straws and the straw-free strips
 * around the beam hole. Pure functions, shared by the display (issue 2) and the
 * detector response of the fast MC (issue 3).
 *
 * Numbers: na62-geometry.md §12 and §26 ([GA], [RECO-Spectrometer], [MC-Spectrometer]).
 */

export type StrawView = 'u' | 'v' | 'x' | 'y';
export const STRAW_VIEWS: readonly StrawView[] = ['u', 'v', 'x', 'y'];

/** Chamber centre z, mm [GA], [RECO-Spectrometer] SpectrometerGeometry.cc */
export const STRAW_CHAMBER_Z: readonly number[] = [183508, 194066, 204459, 218885];
/** Chamber length along z, mm [RECO-Spectrometer], [MC-Spectrometer] */
export const STRAW_CHAMBER_LENGTH = 393.8;
/** Chamber vessel diameter O = 2100 mm [BEATCH] */
export const STRAW_VESSEL_RADIUS = 1050;
/** View centre z relative to the chamber centre, mm, in the order u, v, x, y [RECO-Spectrometer] */
export const STRAW_VIEW_LOCAL_Z: Readonly<Record<StrawView, number>> = { u: -173.5, v: -116.5, x: 116.5, y: 173.5 };
/** Straw pitch within a layer, mm [MC-Spectrometer] */
export const STRAW_PITCH = 17.6;
/** Straw outer diameter, mm [MC-Spectrometer] */
export const STRAW_DIAMETER = 9.82;
/** Straw length, mm [MC-Spectrometer] */
export const STRAW_LENGTH = 2100;
/** First and last straw-centre coordinate of a view, mm [MC-Spectrometer] */
export const STRAW_COORD_MIN = -1054.5;
export const STRAW_COORD_MAX = 1037.5;
/** Half-width of the straw-free strip around the beam hole in every view, mm [GA], [RECO-Spectrometer] */
export const STRAW_HOLE_HALF_WIDTH = 63.8;
/** Beam-hole centre x per chamber, mm (y = 0) [GA], [MC-Spectrometer] */
export const STRAW_HOLE_CENTRE_X: readonly number[] = [101.2, 114.4, 92.4, 52.8];
/**
 * Beam-hole centre in u and v view coordinates per chamber: the middle of the published
 * hole edges (ch1 6.6–134.2, ch2 15.4–143.0, ch3 2.2–129.8, ch4 −24.2–103.4 mm) [RECO-Spectrometer], [BEATCH].
 */
export const STRAW_HOLE_CENTRE_UV: readonly number[] = [70.4, 79.2, 66.0, 39.6];
/**
 * Four layers per view (two half-views of two layers): z offsets from the view centre and
 * coordinate staggers, mm. Half-view spacing 26, layer spacing 11, layers staggered by 8.8,
 * half-views by 4.4 [MC-Spectrometer]; the offsets are [D] from those spacings.
 */
export const STRAW_LAYERS: readonly { readonly dz: number; readonly stagger: number }[] = [
  { dz: -18.5, stagger: 0 },
  { dz: -7.5, stagger: 8.8 },
  { dz: 7.5, stagger: 4.4 },
  { dz: 18.5, stagger: 13.2 },
];

const SQRT1_2 = Math.SQRT1_2;
/**
 * Measured direction m (unit vector in x–y) and straw direction d of each view.
 * x measures x, y measures y; u = (x + y)/√2 and v = (x − y)/√2 reproduce the published u/v hole
 * edges from the x hole centres [D]; which stereo view is called u and which v is an [E].
 */
export const STRAW_VIEW_AXES: Readonly<Record<StrawView, { readonly m: readonly [number, number]; readonly d: readonly [number, number] }>> = {
  x: { m: [1, 0], d: [0, 1] },
  y: { m: [0, 1], d: [1, 0] },
  u: { m: [SQRT1_2, SQRT1_2], d: [-SQRT1_2, SQRT1_2] },
  v: { m: [SQRT1_2, -SQRT1_2], d: [SQRT1_2, SQRT1_2] },
};

/** Coordinate of the beam-hole centre in a view of a chamber. */
export function strawHoleCentre(chamber: number, view: StrawView): number {
  const cx = STRAW_HOLE_CENTRE_X[chamber];
  const cuv = STRAW_HOLE_CENTRE_UV[chamber];
  if (cx === undefined || cuv === undefined) throw new RangeError(`no STRAW chamber ${chamber}`);
  switch (view) {
    case 'x': return cx;
    case 'y': return 0;
    case 'u':
    case 'v': return cuv;
  }
}

/** View coordinate of a transverse point. */
export function strawViewCoordinate(view: StrawView, x: number, y: number): number {
  const { m } = STRAW_VIEW_AXES[view];
  return m[0] * x + m[1] * y;
}

/** Is a straw centred at `coord` removed because its tube would enter the beam-hole strip? */
export function strawInHoleStrip(chamber: number, view: StrawView, coord: number): boolean {
  return Math.abs(coord - strawHoleCentre(chamber, view)) < STRAW_HOLE_HALF_WIDTH + STRAW_DIAMETER / 2;
}

/** Centre coordinate of the straw of a layer nearest to `coord`, or undefined if there is none (outside, or in the hole strip). */
export function nearestStraw(chamber: number, view: StrawView, layer: number, coord: number): number | undefined {
  const stagger = STRAW_LAYERS[layer]!.stagger;
  const s = STRAW_COORD_MIN + stagger + Math.round((coord - STRAW_COORD_MIN - stagger) / STRAW_PITCH) * STRAW_PITCH;
  if (s < STRAW_COORD_MIN + stagger - 1e-6 || s > STRAW_COORD_MAX + stagger + 1e-6) return undefined;
  return strawInHoleStrip(chamber, view, s) ? undefined : s;
}

export interface StrawTube {
  readonly chamber: number;
  readonly view: StrawView;
  readonly layer: number;
  /** straw-centre coordinate in its view, mm */
  readonly coord: number;
  /** z of the straw axis, mm */
  readonly z: number;
  /** end points of the straw axis in x–y, mm */
  readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number;
}

/** Every straw of one chamber (about 1790; straws whose tube would enter the hole strip are absent). */
export function strawTubes(chamber: number): StrawTube[] {
  const zc = STRAW_CHAMBER_Z[chamber];
  if (zc === undefined) throw new RangeError(`no STRAW chamber ${chamber}`);
  const tubes: StrawTube[] = [];
  const half = STRAW_LENGTH / 2;
  for (const view of STRAW_VIEWS) {
    const { m, d } = STRAW_VIEW_AXES[view];
    STRAW_LAYERS.forEach((layer, li) => {
      const z = zc + STRAW_VIEW_LOCAL_Z[view] + layer.dz;
      for (let s = STRAW_COORD_MIN + layer.stagger; s <= STRAW_COORD_MAX + layer.stagger + 1e-9; s += STRAW_PITCH) {
        if (strawInHoleStrip(chamber, view, s)) continue;
        const cx = s * m[0], cy = s * m[1];
        tubes.push({
          chamber, view, layer: li, coord: s, z,
          x0: cx - half * d[0], y0: cy - half * d[1], x1: cx + half * d[0], y1: cy + half * d[1],
        });
      }
    });
  }
  return tubes;
}
