/** Four-vectors and two-body kinematics (MeV). */
import type { Rng } from './rng';

export interface P4 { px: number; py: number; pz: number; e: number }

export const p4 = (px: number, py: number, pz: number, m: number): P4 => ({ px, py, pz, e: Math.sqrt(px * px + py * py + pz * pz + m * m) });
export const add = (...ps: P4[]): P4 => ps.reduce((a, b) => ({ px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz, e: a.e + b.e }), { px: 0, py: 0, pz: 0, e: 0 });
export const pmag = (p: P4): number => Math.hypot(p.px, p.py, p.pz);
export function mass(p: P4): number {
  const m2 = p.e * p.e - p.px * p.px - p.py * p.py - p.pz * p.pz;
  return m2 > 0 ? Math.sqrt(m2) : 0;
}
/** Källén function λ(a, b, c) */
export const kallen = (a: number, b: number, c: number): number => a * a + b * b + c * c - 2 * a * b - 2 * a * c - 2 * b * c;
/** Momentum of either daughter in the rest frame of M → m1 m2 (0 if closed) */
export function twoBodyMomentum(M: number, m1: number, m2: number): number {
  const l = kallen(M * M, m1 * m1, m2 * m2);
  return l > 0 ? Math.sqrt(l) / (2 * M) : 0;
}

/**
 * Boost p by the velocity of a particle with four-momentum `by` (its rest frame → lab).
 * Pass the boosting particle's mass when it is known: γ = E/m then avoids the cancellation in
 * 1 − β² (at γ ≈ 500 that alone costs 1e-11 relative per boost); (γ − 1)/β² is written γ²/(γ + 1).
 */
export function boost(p: P4, by: P4, byMass = mass(by)): P4 {
  if (byMass <= 0) throw new RangeError('cannot boost into the frame of a massless particle');
  const g = by.e / byMass;
  const bx = by.px / by.e, byy = by.py / by.e, bz = by.pz / by.e;
  const bp = bx * p.px + byy * p.py + bz * p.pz;
  const g2 = (g * g) / (g + 1);
  return { px: p.px + (g2 * bp + g * p.e) * bx, py: p.py + (g2 * bp + g * p.e) * byy, pz: p.pz + (g2 * bp + g * p.e) * bz, e: g * (p.e + bp) };
}

/** Rotate p so that the z axis goes to the unit vector (ux, uy, uz). */
export function alignZ(p: P4, ux: number, uy: number, uz: number): P4 {
  // rotation taking ẑ to u: about the axis ẑ × u
  const s = Math.hypot(ux, uy);
  if (s < 1e-15) return uz >= 0 ? { ...p } : { px: -p.px, py: p.py, pz: -p.pz, e: p.e };
  const cth = uz, sth = s, cph = ux / s, sph = uy / s;
  // R = Rz(φ) · Ry(θ)
  const x1 = cth * p.px + sth * p.pz, z1 = -sth * p.px + cth * p.pz, y1 = p.py;
  return { px: cph * x1 - sph * y1, py: sph * x1 + cph * y1, pz: z1, e: p.e };
}

/** Isotropic two-body decay of `parent` (of mass M, computed if not given) into masses m1, m2: daughters in the lab. */
export function decayIsotropic(parent: P4, m1: number, m2: number, rng: Rng, M = mass(parent)): [P4, P4] {
  const q = twoBodyMomentum(M, m1, m2);
  const [ux, uy, uz] = rng.isotropic();
  const d1 = p4(q * ux, q * uy, q * uz, m1), d2 = p4(-q * ux, -q * uy, -q * uz, m2);
  return [boost(d1, parent, M), boost(d2, parent, M)];
}

/**
 * Three-body decay with flat phase space (uniform Dalitz plot): m23 drawn with the phase-space
 * weight p*(M→1,23)·p*(23→2,3), accepted against its maximum, then two sequential isotropic decays.
 */
export function decayThreeBody(parent: P4, m1: number, m2: number, m3: number, rng: Rng, M = mass(parent)): [P4, P4, P4] {
  const lo = m2 + m3, hi = M - m1;
  if (hi <= lo) throw new RangeError(`three-body decay closed: ${M} → ${m1} + ${m2} + ${m3}`);
  // the weight's maximum: scan once (cheap, 64 points) with a margin
  let wmax = 0;
  for (let i = 0; i <= 64; i++) {
    const m23 = lo + ((hi - lo) * i) / 64;
    wmax = Math.max(wmax, twoBodyMomentum(M, m1, m23) * twoBodyMomentum(m23, m2, m3));
  }
  wmax *= 1.05;
  let m23: number;
  for (;;) {
    m23 = rng.range(lo, hi);
    if (rng.uniform() * wmax < twoBodyMomentum(M, m1, m23) * twoBodyMomentum(m23, m2, m3)) break;
  }
  const [d1, d23] = decayIsotropic(parent, m1, m23, rng, M);
  const [d2, d3] = decayIsotropic(d23, m2, m3, rng, m23);
  return [d1, d2, d3];
}
