/**
 * Standard-Model K⁺ → π⁺e⁺e⁻e⁺e⁻ (non-resonant, i.e. away from the π⁰ pole of K2πDD).
 *
 * Which amplitude: Husek, PRD 106 (2022) L071301 (arXiv:2207.02234; the reference sheet's [A-4e],
 * BR = (7.2 ± 0.7)·10⁻¹¹) finds that outside the π⁰ pole "the one-photon-exchange topology is
 * prevalent throughout most of the phase space" (abstract). So the SM non-resonant decay is
 * K⁺ → π⁺γ*, γ* → e⁺e⁻ with a second, internal-conversion pair radiated off one of the leptons:
 *
 *   1. q² = m²(4e) from the K⁺ → π⁺γ* spectrum: dΓ/dz ∝ λ^{3/2}(1, z, r²)·|W(z)|², z = q²/m_K²,
 *      with the linear form factor W(z) = W₀(1 + δz), δ = 2.32 ± 0.18 measured in K± → π±e⁺e⁻ by
 *      NA48/2 (PLB 677 (2009) 246, arXiv:0903.3130, abstract); the λ^{3/2}|W|² form is the standard
 *      one for a vector current (Ecker–Pich–de Rafael, NPB 291 (1987) 692 [R: reference not re-read]).
 *   2. γ*(q) → e_s + X, X → e_r + γ₂*: one lepton (e_r, either charge) emits the second virtual photon
 *      in the collinear (Weizsäcker–Williams) approximation — the same structure as the A′
 *      bremsstrahlung of dark-photon.ts: energy fraction x with the splitting function
 *      (1 + (1 − x)²)/x, emitter virtuality t = M_X² − m_e² with dt/t, exact two-body kinematics.
 *   3. γ₂* → e⁺e⁻ with the Kroll–Wada spectrum (α/3π)·β(1 + 2m_e²/s)·ds/s.
 *   Identical-fermion exchange and the two-photon (K⁺ → π⁺γ*γ*) topology are left out [E].
 *
 * This makes the spectrum soft where the detector is blind: the second pair has a few MeV of mass
 * (ds/s), is emitted collinear to its parent lepton (dt/t) and takes a small share of its energy
 * (dx/x), so its tracks are low-momentum, close to each other and to the emitter, and the STRAW
 * two-track separation and the magnet's kick (detector/response.ts) take most of them.
 *
 * Sampling: (z, ln t, ln x, ln s) uniform in a fixed box, accept–reject on the density below.
 * Estimates [E]: the collinear emission itself (no exact 4-lepton matrix element), isotropic γ* and
 * γ₂* decays, the upper cut t < q² of the dt/t.
 */
import { M } from './constants';
import { alignZ, boost, decayIsotropic, kallen, p4, twoBodyMomentum, type P4 } from './lorentz';
import type { Rng } from './rng';

const ME = M.e, MK = M.K, MPI = M.piCharged;
const R2 = (MPI / MK) ** 2;
/** slope δ of the K⁺ → π⁺e⁺e⁻ form factor W(z) = W₀(1 + δz) (NA48/2, PLB 677 (2009) 246, abstract) */
export const FORM_FACTOR_SLOPE = 2.32;

/** dΓ(K⁺ → π⁺γ*)/dz up to a constant: λ^{3/2}(1, z, r²)·|W(z)|², W ∝ 1 + δz. */
export function kpiGammaStarDensity(z: number): number {
  const l = kallen(1, z, R2);
  if (l <= 0 || z <= 0) return 0;
  const w = 1 + FORM_FACTOR_SLOPE * z;
  return l ** 1.5 * w * w;
}

/** Kroll–Wada factor β(1 + 2m_e²/s) of γ* → e⁺e⁻ (per ds/s). */
export const krollWada = (s: number): number => (s <= 4 * ME * ME ? 0 : Math.sqrt(1 - (4 * ME * ME) / s) * (1 + (2 * ME * ME) / s));

/** Quasi-real emission of a virtual photon of energy fraction x (per dx/x): x·P(x) = 1 + (1 − x)². */
export const splitting = (x: number): number => (x <= 0 || x >= 1 ? 0 : 1 + (1 - x) ** 2);

/**
 * Kinematics of the emission, or undefined where it is closed: X = e_r + γ₂* of mass M_X = √(t + m_e²)
 * must fit in γ*(q) with the spectator, and the light-cone fraction x of γ₂* in X must be reachable
 * by a decay angle (|cos θ*| ≤ 1). Returns cos θ* in the X frame, along the X direction.
 */
export function emissionAngle(q: number, t: number, x: number, s: number): number | undefined {
  const mx = Math.sqrt(t + ME * ME), m2 = Math.sqrt(s);
  if (mx + ME >= q || mx <= ME + m2) return undefined;
  const pStar = twoBodyMomentum(mx, ME, m2);
  const eStar = (mx * mx + s - ME * ME) / (2 * mx);
  const c = (x * mx - eStar) / pStar;
  return c >= -1 && c <= 1 ? c : undefined;
}

/** The density of one point per d z · d ln t · d ln x · d ln s (arbitrary normalisation). */
export function kpi4eWeight(z: number, t: number, x: number, s: number): number {
  const q = Math.sqrt(z) * MK;
  if (q <= 4 * ME || q >= MK - MPI) return 0;
  if (emissionAngle(q, t, x, s) === undefined) return 0;
  // the collinear factor dt/t of the quasi-real approximation is cut where t exceeds the hard scale q²
  return kpiGammaStarDensity(z) * splitting(x) * krollWada(s);
}

const Z_LO = (4 * ME / MK) ** 2, Z_HI = ((MK - MPI) / MK) ** 2;
const LT_LO = Math.log(ME * ME), LT_HI = Math.log((MK - MPI) ** 2);
const LX_LO = Math.log(1e-5), LX_HI = 0;
const LS_LO = Math.log(4 * ME * ME), LS_HI = Math.log((MK - MPI) ** 2);
/** max of λ^{3/2}|W|² on [Z_LO, Z_HI] (scan with a margin) × max of the splitting (2) × Kroll–Wada (≤ 1.2) */
const W_MAX = (() => {
  let w = 0;
  for (let i = 0; i <= 400; i++) w = Math.max(w, kpiGammaStarDensity(Z_LO + ((Z_HI - Z_LO) * i) / 400));
  return 1.05 * w * 2 * 1.2;
})();

export interface Kpi4eMasses {
  /** m(4e)², MeV² */ readonly q2: number;
  /** emitter virtuality M_X² − m_e², MeV² */ readonly t: number;
  /** light-cone energy fraction of the second photon in X */ readonly x: number;
  /** m²(second pair), MeV² */ readonly s: number;
}

/** Draw (q², t, x, s) from the SM one-photon-exchange density. */
export function sampleKpi4eMasses(rng: Rng): Kpi4eMasses {
  for (;;) {
    const z = rng.range(Z_LO, Z_HI), t = Math.exp(rng.range(LT_LO, LT_HI)), x = Math.exp(rng.range(LX_LO, LX_HI)), s = Math.exp(rng.range(LS_LO, LS_HI));
    if (t >= z * MK * MK) continue; // dt/t up to the hard scale q²
    if (rng.uniform() * W_MAX < kpi4eWeight(z, t, x, s)) return { q2: z * MK * MK, t, x, s };
  }
}

/** Two-body decay of `parent` (mass M) with daughter 1 at cos θ* to the parent's direction (φ uniform). */
function decayAt(parent: P4, Mp: number, m1: number, m2: number, cosT: number, rng: Rng): [P4, P4] {
  const k = twoBodyMomentum(Mp, m1, m2);
  const sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT)), ph = 2 * Math.PI * rng.uniform();
  const pm = Math.hypot(parent.px, parent.py, parent.pz);
  const d1 = alignZ(p4(k * sinT * Math.cos(ph), k * sinT * Math.sin(ph), k * cosT, m1), parent.px / pm, parent.py / pm, parent.pz / pm);
  const d2 = { px: -d1.px, py: -d1.py, pz: -d1.pz, e: Math.sqrt(k * k + m2 * m2) };
  return [boost(d1, parent, Mp), boost(d2, parent, Mp)];
}

/**
 * The lab four-momenta: π⁺, γ*(→ 4e), the second photon γ₂*, and the two e⁺e⁻ pairs — pair 1 the
 * primary leptons (spectator and emitter), pair 2 the conversion pair of γ₂*. The γ* and γ₂* decays
 * are isotropic in their frames [E].
 */
export function decayKpi4e(k: P4, rng: Rng): { pi: P4; g1: P4; g2: P4; e1: [P4, P4]; e2: [P4, P4]; m: Kpi4eMasses } {
  const m = sampleKpi4eMasses(rng);
  const q = Math.sqrt(m.q2), mx = Math.sqrt(m.t + ME * ME), m2 = Math.sqrt(m.s);
  const [pi, g1] = decayIsotropic(k, MPI, q, rng, MK);
  // the emission in the γ* rest frame, where the light-cone fraction is taken along X's flight
  const rest: P4 = { px: 0, py: 0, pz: 0, e: q };
  const [spec0, X0] = decayIsotropic(rest, ME, mx, rng, q);
  const [g20, emit0] = decayAt(X0, mx, m2, ME, emissionAngle(q, m.t, m.x, m.s)!, rng);
  const spectator = boost(spec0, g1, q), emitter = boost(emit0, g1, q), g2 = boost(g20, g1, q);
  const [c1, c2] = decayIsotropic(g2, ME, ME, rng, m2);
  // the emitting lepton has either charge: the primary pair is (e⁺, e⁻) in either order
  const emitterPositive = rng.uniform() < 0.5;
  const e1: [P4, P4] = emitterPositive ? [emitter, spectator] : [spectator, emitter];
  return { pi, g1, g2, e1, e2: [c1, c2], m };
}
