/**
 * Whether a muon reaches MUV3 behind the iron, and which fired tile it is matched to: one rule for
 * the detector response (which tiles fire), the reconstruction (E/p and MUV3 association the
 * selections cut on) and the drawing (a track drawn on to MUV3 only when matched there).
 */

/** Below this momentum a muon ranges out in the LKr, MUV1/2 and the iron wall (MeV/c) [E]. */
export const MUV3_MIN_MOMENTUM = 3_000;
/** efficiency of a MUV3 tile for a muon that reaches it [E] */
export const MUV3_EFFICIENCY = 0.99;
/** time window of the track–MUV3 association, ns (A§2.2 [E]) */
export const MUV3_MATCH_WINDOW = 5;

/** Multiple scattering in the iron: σ ≈ 40 mm × (10 GeV/c ÷ p) at MUV3 [E]. */
export const muv3ScatterSigma = (pMeV: number): number => 40 * (10_000 / pMeV);

/** How far outside a fired tile a track may point and still be matched: 3σ of scattering, at least 60 mm [E]. */
export const muv3MatchTolerance = (pMeV: number): number => Math.max(60, 3 * muv3ScatterSigma(pMeV));

/** Can a muon of momentum p reach MUV3 at all? */
export const reachesMuv3 = (pMeV: number): boolean => pMeV > MUV3_MIN_MOMENTUM;

/**
 * How far outside a fired tile a track of momentum p may point and still be matched to it, or −1
 * when the track cannot reach MUV3 at all: per track, so that a loop over an event's hits asks once.
 */
export const muv3Window = (pMeV: number): number => (reachesMuv3(pMeV) ? muv3MatchTolerance(pMeV) : -1);

/**
 * Is a track extrapolated to (x, y) at MUV3, with the window `tol` of muv3Window(p), matched to a
 * tile with the bounds [x0, x1] × [y0, y1] that fired dt ns from the track? Never when tol < 0.
 */
export function muv3HitMatches(x: number, y: number, tol: number, x0: number, x1: number, y0: number, y1: number, dt: number): boolean {
  return tol >= 0 && Math.abs(dt) < MUV3_MATCH_WINDOW && x > x0 - tol && x < x1 + tol && y > y0 - tol && y < y1 + tol;
}

/**
 * Is a track of momentum p, extrapolated to (x, y) at MUV3, matched to a tile with the bounds
 * [x0, x1] × [y0, y1] that fired dt ns from the track? A track that cannot reach MUV3 never is.
 */
export function muv3Matches(x: number, y: number, pMeV: number, x0: number, x1: number, y0: number, y1: number, dt: number): boolean {
  return muv3HitMatches(x, y, muv3Window(pMeV), x0, x1, y0, y1, dt);
}
