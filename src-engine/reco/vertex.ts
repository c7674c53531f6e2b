/** Closest approach of straight track lines (before the magnet): the two-track vertex of na62-analyses.md §2.3. */

export interface Line3 {
  /** a point on the line, mm */
  readonly x: number; readonly y: number; readonly z: number;
  /** direction (need not be normalised) */
  readonly dx: number; readonly dy: number; readonly dz: number;
}

export interface ClosestApproach {
  /** midpoint of the shortest segment between the lines */
  readonly x: number; readonly y: number; readonly z: number;
  /** its length: the CDA, mm */
  readonly cda: number;
  /** false for (numerically) parallel lines: the midpoint is then taken at the first line's point */
  readonly defined: boolean;
}

export function closestApproach(a: Line3, b: Line3): ClosestApproach {
  const wx = a.x - b.x, wy = a.y - b.y, wz = a.z - b.z;
  const aa = a.dx * a.dx + a.dy * a.dy + a.dz * a.dz;
  const bb = b.dx * b.dx + b.dy * b.dy + b.dz * b.dz;
  const ab = a.dx * b.dx + a.dy * b.dy + a.dz * b.dz;
  const aw = a.dx * wx + a.dy * wy + a.dz * wz;
  const bw = b.dx * wx + b.dy * wy + b.dz * wz;
  const den = aa * bb - ab * ab;
  if (den <= 1e-15 * aa * bb) {
    // parallel: distance from b's line to a's point
    const t = bw / bb;
    const px = wx - t * b.dx, py = wy - t * b.dy, pz = wz - t * b.dz;
    return { x: a.x, y: a.y, z: a.z, cda: Math.hypot(px, py, pz), defined: false };
  }
  const s = (ab * bw - bb * aw) / den, t = (aa * bw - ab * aw) / den;
  const p = { x: a.x + s * a.dx, y: a.y + s * a.dy, z: a.z + s * a.dz };
  const q = { x: b.x + t * b.dx, y: b.y + t * b.dy, z: b.z + t * b.dz };
  return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, z: (p.z + q.z) / 2, cda: Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z), defined: true };
}
