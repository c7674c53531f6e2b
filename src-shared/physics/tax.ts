/**
 * The back-extrapolation of a di-lepton's momentum to the TAX (na62-analyses.md §2.3): the
 * closest approach (CDA_TAX) of the line through the vertex along the total momentum to the proton
 * beam line on the TAX, and where along z it happens (Z_TAX).
 */

/** The proton beam line on the TAX: through (0, −22 mm, 23.07 m), along z (A§1.2 [C-ALP ExpParameters.C, FillCDAzTAX]). */
export const TAX_BEAM = { x: 0, y: -22, z: 23_070 } as const;

/** CDA_TAX and Z_TAX of a line through V with direction slopes (sx, sy) (§2.3, 2-D form). */
export function cdaTax(vx: number, vy: number, vz: number, sx: number, sy: number): { cda: number; z: number } {
  const cda = new Float64Array(1), z = new Float64Array(1);
  cdaTaxInto(vx, vy, vz, sx, sy, cda, z, 0);
  return { cda: cda[0]!, z: z[0]! };
}

/** cdaTax without allocation, written into columns at i; a line parallel to the beam has Z_TAX NaN. */
export function cdaTaxInto(vx: number, vy: number, vz: number, sx: number, sy: number, cda: Float64Array, z: Float64Array, i: number): void {
  const dx = vx - TAX_BEAM.x, dy = vy - TAX_BEAM.y;
  const s2 = sx * sx + sy * sy;
  if (s2 < 1e-24) { cda[i] = Math.sqrt(dx * dx + dy * dy); z[i] = NaN; return; }
  cda[i] = Math.abs(dx * sy - dy * sx) / Math.sqrt(s2);
  z[i] = vz - (dx * sx + dy * sy) / s2;
}
