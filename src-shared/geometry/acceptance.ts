/**
 * Geometric acceptances of the downstream detectors as NA62's analysis code defines them
 * (A§1.3, [C-fw GeometricAcceptance.cc]; mm in the detector's plane). One definition for the
 * fast detector response and the reconstruction.
 */

/** LKr: R > 150 mm and inside the regular octagon of apothem 1130 mm */
export function inLkrAcceptance(x: number, y: number): boolean {
  const ax = Math.abs(x), ay = Math.abs(y);
  return x * x + y * y > 150 * 150 && ax < 1130 && ay < 1130 && ax + ay < Math.SQRT2 * 1130;
}

/** NewCHOD: 140 < R < 1070 mm */
export function inNewChodAcceptance(x: number, y: number): boolean {
  const r2 = x * x + y * y;
  return r2 > 140 * 140 && r2 < 1070 * 1070;
}

/** MUV3: R > 103 mm, |x| < 1320.4 mm (with the 0.8 mm gap), |y| < 1320 mm */
export function inMuv3Acceptance(x: number, y: number): boolean {
  return x * x + y * y > 103 * 103 && Math.abs(x) < 1320.4 && Math.abs(y) < 1320;
}
