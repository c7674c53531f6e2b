/**
 * Standard-Model K⁺ → π⁺e⁺e⁻e⁺e⁻ (non-resonant): K⁺ → π⁺γ*γ*, γ* → e⁺e⁻.
 *
 * Matrix element: the O(p⁴) chiral amplitude of K⁺ → π⁺γγ (Ecker, Pich, de Rafael, Nucl. Phys. B 303
 * (1988) 665 [R]), continued to two virtual photons as in the SM prediction of Husek, PRD 106 (2022)
 * L071301 (BR = 7.2e-11, the reference sheet's [A-4e]), without the (small) B-type and form-factor terms:
 *
 *   M = A(z) · (q₂^μ q₁^ν − q₁·q₂ g^μν) · (e/s₁) ū γ_μ v · (e/s₂) ū γ_ν v,   z = m²_γγ / m_K²
 *   A(z) ∝ [ (r² − 1 − z) F(z/r²) + (1 − r² − z) F(z) + ĉ z ] / z
 *
 * with r = m_π/m_K, F the loop function of the pion (z/r² can exceed 4: the ππ cusp at m_γγ = 2m_π)
 * and of the kaon, and the counterterm ĉ = 1.7 (NA62 K⁺ → π⁺γγ fits give ĉ ≈ 1.7 [R]).
 * Integrating the lepton angles, each γ* → e⁺e⁻ gives (α/3π)·β(1 + 2m_e²/s)·ds/s (Kroll–Wada) and
 * the tensor contracts to T·T = s₁s₂ + 2(q₁·q₂)² (gauge invariance removes the q^μq^ν terms), so
 *
 *   dΓ ∝ d ln s₁ · d ln s₂ · dm_γγ · KW(s₁) KW(s₂) · p*_π p*_γ · |A(z)|² (s₁s₂ + 2(q₁·q₂)²).
 *
 * This is what makes the spectrum soft: most pairs have masses of a few MeV (d ln s), i.e. nearly
 * collinear e⁺e⁻ that the STRAW cannot separate (detector/response.ts), and the π⁺ takes little
 * momentum because m_γγ sits near the ππ threshold. Drawn here by accept–reject on that weight.
 */
import { M } from './constants';
import { decayIsotropic, twoBodyMomentum, type P4 } from './lorentz';
import type { Rng } from './rng';

const ME = M.e, MK = M.K, MPI = M.piCharged;
const R2 = (MPI / MK) ** 2;
/** counterterm of the O(p⁴) amplitude [R] */
export const C_HAT = 1.7;

interface Cx { re: number; im: number }
/** F(x) = 1 − (4/x)·arcsin²(√x/2) for x ≤ 4, continued above threshold (Ecker–Pich–de Rafael [R]). */
export function loopF(x: number): Cx {
  if (x <= 0) return { re: 0, im: 0 };
  if (x <= 4) { const a = Math.asin(Math.sqrt(x) / 2); return { re: 1 - (4 / x) * a * a, im: 0 }; }
  const b = Math.sqrt(1 - 4 / x);
  const L = Math.log((1 - b) / (1 + b)); // (L + iπ)²
  return { re: 1 + (L * L - Math.PI * Math.PI) / x, im: (2 * Math.PI * L) / x };
}

/** |A(z)|² up to constants: the pion loop, the kaon loop and ĉ, over z. */
export function amplitude2(z: number, cHat = C_HAT): number {
  const fp = loopF(z / R2), fk = loopF(z);
  const re = (R2 - 1 - z) * fp.re + (1 - R2 - z) * fk.re + cHat * z;
  const im = (R2 - 1 - z) * fp.im + (1 - R2 - z) * fk.im;
  return (re * re + im * im) / (z * z);
}

const kw = (s: number) => Math.sqrt(1 - (4 * ME * ME) / s) * (1 + (2 * ME * ME) / s);

/** The weight of one point (s₁, s₂, m_γγ) for the sampling measure d ln s₁ d ln s₂ dm_γγ. */
export function kpi4eWeight(s1: number, s2: number, mgg: number): number {
  const m1 = Math.sqrt(s1), m2 = Math.sqrt(s2);
  if (s1 <= 4 * ME * ME || s2 <= 4 * ME * ME || mgg <= m1 + m2 || mgg >= MK - MPI) return 0;
  const q12 = (mgg * mgg - s1 - s2) / 2;
  const ps = twoBodyMomentum(MK, MPI, mgg) * twoBodyMomentum(mgg, m1, m2);
  return kw(s1) * kw(s2) * ps * amplitude2((mgg * mgg) / (MK * MK)) * (s1 * s2 + 2 * q12 * q12) / MK ** 4;
}

const LO = Math.log(4 * ME * ME), HI = Math.log((MK - MPI) ** 2);
/** maximum of the weight over the sampling box, from a deterministic scan with a margin */
const W_MAX = (() => {
  let w = 0;
  for (let i = 0; i <= 60; i++) for (let j = 0; j <= 60; j++) for (let k = 0; k <= 200; k++) {
    const s1 = Math.exp(LO + ((HI - LO) * i) / 60), s2 = Math.exp(LO + ((HI - LO) * j) / 60);
    w = Math.max(w, kpi4eWeight(s1, s2, 2 * ME + ((MK - MPI - 2 * ME) * k) / 200));
  }
  return 1.3 * w;
})();

/** Draw (s₁, s₂, m_γγ) from the SM density. */
export function sampleKpi4eMasses(rng: Rng): { s1: number; s2: number; mgg: number } {
  for (;;) {
    const s1 = Math.exp(rng.range(LO, HI)), s2 = Math.exp(rng.range(LO, HI));
    const lo = Math.sqrt(s1) + Math.sqrt(s2);
    if (lo >= MK - MPI) continue;
    const mgg = rng.range(2 * ME, MK - MPI);
    if (rng.uniform() * W_MAX < kpi4eWeight(s1, s2, mgg)) return { s1, s2, mgg };
  }
}

/** The lab four-momenta: π⁺, γ*₁, γ*₂ and the two e⁺e⁻ pairs (pair decays isotropic in their frames [E]). */
export function decayKpi4e(k: P4, rng: Rng): { pi: P4; g1: P4; g2: P4; e1: [P4, P4]; e2: [P4, P4] } {
  const { s1, s2, mgg } = sampleKpi4eMasses(rng);
  const m1 = Math.sqrt(s1), m2 = Math.sqrt(s2);
  const [pi, gg] = decayIsotropic(k, MPI, mgg, rng, MK);
  const [g1, g2] = decayIsotropic(gg, m1, m2, rng, mgg);
  const e1 = decayIsotropic(g1, ME, ME, rng, m1), e2 = decayIsotropic(g2, ME, ME, rng, m2);
  return { pi, g1, g2, e1, e2 };
}
