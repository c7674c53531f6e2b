/**
 * The straight line of a charged track, kinked once by MNP33: the one extrapolation that the fast
 * detector response, the reconstruction and the event drawing all use.
 *
 * MNP33 is a thin-lens kick at the magnet centre: Δp_x = −270 MeV/c for a positive charge
 * (na62-geometry.md §13 [MC-Spectrometer], na62-analyses.md §1.3); y is not bent.
 */
import { Z_PLANE } from '../geometry/planes';

export const Z_MNP33 = Z_PLANE.mnp33;
/** p_T kick of MNP33, MeV/c, along −x for a positive charge (G§13) */
export const PT_KICK = 270;

/** dx/dz after MNP33 of a particle with momentum (px, pz) and charge q (units of e). */
export const kickedSlope = (px: number, pz: number, charge: number): number => (px - charge * PT_KICK) / pz;

/**
 * One transverse coordinate at z of a line that starts at (c0, z0) with slope `slope` and turns to
 * `slopeAfter` at MNP33. A line that starts downstream of the magnet is never kicked; a point
 * upstream of the start extrapolates the first segment backwards.
 */
export function kinkedCoordinate(c0: number, z0: number, slope: number, slopeAfter: number, z: number): number {
  if (z <= Z_MNP33 || z0 >= Z_MNP33) return c0 + slope * (z - z0);
  return c0 + slope * (Z_MNP33 - z0) + slopeAfter * (z - Z_MNP33);
}

/** A kinked line: a start point and the slopes before and after MNP33. */
export interface KinkedLine {
  readonly x0: number; readonly y0: number; readonly z0: number;
  readonly sx: number; readonly sy: number;
  readonly sxAfter: number; readonly syAfter: number;
}

export function kinkedLineAt(l: KinkedLine, z: number): { x: number; y: number } {
  return { x: kinkedCoordinate(l.x0, l.z0, l.sx, l.sxAfter, z), y: kinkedCoordinate(l.y0, l.z0, l.sy, l.syAfter, z) };
}

/** The true trajectory of a particle from its production (or decay) vertex, momentum in MeV/c. */
export function particleLine(vx: number, vy: number, vz: number, px: number, py: number, pz: number, charge: number): KinkedLine {
  const sx = px / pz, sy = py / pz;
  return { x0: vx, y0: vy, z0: vz, sx, sy, sxAfter: kickedSlope(px, pz, charge), syAfter: sy };
}

/** What a reconstructed STRAW track carries: position at STRAW1, momentum, slopes after the magnet. */
export interface TrackParameters {
  readonly x: number; readonly y: number;
  readonly px: number; readonly py: number; readonly pz: number;
  readonly dxdzAfter: number; readonly dydzAfter: number;
}

/** A reconstructed track as a kinked line (its position is given at STRAW1, G§12). */
export function trackLine(t: TrackParameters): KinkedLine {
  return { x0: t.x, y0: t.y, z0: Z_PLANE.straw1, sx: t.px / t.pz, sy: t.py / t.pz, sxAfter: t.dxdzAfter, syAfter: t.dydzAfter };
}

/** Where a reconstructed track crosses the plane z. */
export const trackAt = (t: TrackParameters, z: number): { x: number; y: number } => kinkedLineAt(trackLine(t), z);
