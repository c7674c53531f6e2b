/**
 * Closest approach of two straight lines: the two-track vertex of na62-analyses.md §2.3 (the
 * midpoint of the shortest segment between the track lines before the magnet) and its length, the
 * CDA. One definition for the reconstruction the selections run, the display and the tests.
 */

export interface Line3 {
  /** a point on the line, mm */
  readonly x: number; readonly y: number; readonly z: number;
  /** direction (need not be normalised) */
  readonly dx: number; readonly dy: number; readonly dz: number;
}

export interface ClosestApproach {
  /** midpoint of the shortest segment between the lines */
  x: number; y: number; z: number;
  /** its length: the CDA, mm */
  cda: number;
  /** false for (numerically) parallel lines: the midpoint is then taken at the first line's point */
  defined: boolean;
}

/**
 * Lines whose sin²(angle) is below this are parallel. Double precision resolves sin²θ down to
 * ~1e-16; tracks in NA62 are never closer than ~1e-6 rad unless they are the same line.
 */
export const PARALLEL_SIN2 = 1e-15;

/**
 * The definition, reading the two lines from an array (ax, ay, az, adx, ady, adz, then b's six):
 * the reconstruction's hot loop calls it so. Twelve numbers passed to a call that V8 does not
 * inline are each boxed into a heap object; through an array nothing is (that boxing was most of
 * the selections' garbage, and a sixth of the two-track reconstruction's time).
 */
export function closestApproachOf(l: Float64Array, out: ClosestApproach): ClosestApproach {
  const ax = l[0]!, ay = l[1]!, az = l[2]!, adx = l[3]!, ady = l[4]!, adz = l[5]!;
  const bx = l[6]!, by = l[7]!, bz = l[8]!, bdx = l[9]!, bdy = l[10]!, bdz = l[11]!;
  const wx = ax - bx, wy = ay - by, wz = az - bz;
  const aa = adx * adx + ady * ady + adz * adz;
  const bb = bdx * bdx + bdy * bdy + bdz * bdz;
  const ab = adx * bdx + ady * bdy + adz * bdz;
  const aw = adx * wx + ady * wy + adz * wz;
  const bw = bdx * wx + bdy * wy + bdz * wz;
  const den = aa * bb - ab * ab;
  if (den <= PARALLEL_SIN2 * aa * bb) {
    // parallel: the distance from b's line to a's point
    const t = bw / bb;
    const px = wx - t * bdx, py = wy - t * bdy, pz = wz - t * bdz;
    out.x = ax; out.y = ay; out.z = az; out.cda = Math.sqrt(px * px + py * py + pz * pz); out.defined = false;
    return out;
  }
  const s = (ab * bw - bb * aw) / den, t = (aa * bw - ab * aw) / den;
  const px = ax + s * adx, py = ay + s * ady, pz = az + s * adz;
  const qx = bx + t * bdx, qy = by + t * bdy, qz = bz + t * bdz;
  out.x = (px + qx) / 2; out.y = (py + qy) / 2; out.z = (pz + qz) / 2;
  out.cda = Math.sqrt((px - qx) ** 2 + (py - qy) ** 2 + (pz - qz) ** 2); out.defined = true;
  return out;
}

const LINES = new Float64Array(12);
/** closestApproachOf with the lines as numbers, written into `out`. */
export function closestApproachInto(
  ax: number, ay: number, az: number, adx: number, ady: number, adz: number,
  bx: number, by: number, bz: number, bdx: number, bdy: number, bdz: number,
  out: ClosestApproach,
): ClosestApproach {
  LINES[0] = ax; LINES[1] = ay; LINES[2] = az; LINES[3] = adx; LINES[4] = ady; LINES[5] = adz;
  LINES[6] = bx; LINES[7] = by; LINES[8] = bz; LINES[9] = bdx; LINES[10] = bdy; LINES[11] = bdz;
  return closestApproachOf(LINES, out);
}

export function closestApproach(a: Line3, b: Line3): ClosestApproach {
  return closestApproachInto(a.x, a.y, a.z, a.dx, a.dy, a.dz, b.x, b.y, b.z, b.dx, b.dy, b.dz, { x: 0, y: 0, z: 0, cda: 0, defined: false });
}
