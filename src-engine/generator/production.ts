/**
 * Where long-lived particles come from in dump mode (§6.1–§6.3): the proton interaction point in
 * the TAX, A' from proton bremsstrahlung and from meson decays, and ALPs from B → K* a.
 */
import { E_PROTON, LAMBDA_I_CU, M, TAX_DEPTH, TAX_IMPACT } from './constants';
import { MESONS, bremsDensity, mesonBranching, type MesonSource } from './dark-photon';
import { boost, decayIsotropic, p4, pmag, type P4 } from './lorentz';
import type { Rng } from './rng';

export interface Vertex4 { x: number; y: number; z: number; t: number }

/** Proton interaction point: Gaussian spot around (0, −22 mm), z = 23.07 m + Exp(λ_I = 153 mm) inside the 3.2 m dump (A§1.2, §6.1). */
export function protonInteraction(rng: Rng): Vertex4 {
  let dz: number;
  do dz = rng.exponential(LAMBDA_I_CU); while (dz > TAX_DEPTH);
  const z = TAX_IMPACT.z + dz;
  return { x: rng.normal(TAX_IMPACT.x, TAX_IMPACT.spotSigma), y: rng.normal(TAX_IMPACT.y, TAX_IMPACT.spotSigma), z, t: z / 299.792458 };
}

/** Largest polar angle that can reach the spectrometer from the TAX (R ≈ 1 m at 160 m), with margin (§6.2 (a) step 4). */
export const THETA_MAX = 0.008;

const polar = (p: P4) => Math.atan2(Math.hypot(p.px, p.py), p.pz);

/** √s and the CM → lab boost of a 400 GeV proton on a nucleon at rest (§6.2 (b)). */
const SQRT_S = Math.sqrt(2 * M.p * E_PROTON + 2 * M.p * M.p); // E_PROTON is the beam energy
const CM: P4 = { px: 0, py: 0, pz: Math.sqrt(E_PROTON * E_PROTON - M.p * M.p), e: E_PROTON + M.p };
const CM_MASS = SQRT_S;

/** A' from proton bremsstrahlung: z = E_A'/E_p ∈ [0.1, 0.9], p_T² ∈ [1e-4, 1] GeV², accept–reject on d²N/(dz dp_T²). */
export function createBremsSampler(mMeV: number): (rng: Rng) => P4 {
  const mGeV = mMeV / 1000;
  // proposal: z ∝ 1/z, log p_T² uniform → density ∝ 1/(z·p_T²); target·z·p_T² has a bounded maximum
  const lz0 = Math.log(0.1), lz1 = Math.log(0.9), lp0 = Math.log(1e-4), lp1 = Math.log(1);
  let fmax = 0;
  for (let i = 0; i <= 40; i++) for (let j = 0; j <= 40; j++) {
    const z = Math.exp(lz0 + ((lz1 - lz0) * i) / 40), pt2 = Math.exp(lp0 + ((lp1 - lp0) * j) / 40);
    fmax = Math.max(fmax, bremsDensity(z, pt2, mGeV) * z * pt2);
  }
  fmax *= 1.3;
  return (rng: Rng) => {
    for (let tries = 0; tries < 100_000; tries++) {
      const z = Math.exp(rng.range(lz0, lz1)), pt2 = Math.exp(rng.range(lp0, lp1));
      if (rng.uniform() * fmax > bremsDensity(z, pt2, mGeV) * z * pt2) continue;
      const E = z * E_PROTON, pT = Math.sqrt(pt2) * 1000;
      const pz2 = E * E - mMeV * mMeV - pT * pT;
      if (pz2 <= 0) continue;
      const phi = 2 * Math.PI * rng.uniform();
      return { px: pT * Math.cos(phi), py: pT * Math.sin(phi), pz: Math.sqrt(pz2), e: E };
    }
    throw new Error('bremsstrahlung sampler did not converge');
  };
}

/**
 * A meson from the dump, in both hemispheres: the invariant density E*·d³N/dp*³ ∝ (1 − |x_F|)^n with
 * p_T·e^(−p_T/T), i.e. dN/(dx_F dp_T) ∝ (1 − |x_F|)^n p_T e^(−p_T/T) / E* (§6.2 (b) [E] for n and T).
 * The 1/E* (Jacobian of the invariant form, drawn as an acceptance mT/E* ≤ 1) puts most mesons near
 * x_F = 0; with it the sheet's n and T give, for the photons of π⁰/η/ω decays at 400 GeV, the yields
 * and p_T of PYTHIA 8.2 SoftQCD (ALPINIST tab_gammas/400GeV, the NA62 authors' tables): per proton
 * 1.2 against 1.1 γ at 10–30 GeV/c, 0.21 against 0.12 at 60–120 GeV/c, median p_T 0.29 against
 * 0.30 GeV/c there. Taken non-invariant and forward-only, as before, the same n and T gave ×5–14 the
 * PYTHIA yield above 30 GeV/c with half its p_T (README, physics validation).
 */
export function sampleMeson(src: MesonSource, rng: Rng): P4 {
  for (;;) {
    const xa = 1 - Math.pow(rng.open(), 1 / (src.n + 1));
    const xF = rng.uniform() < 0.5 ? xa : -xa;
    const pT = -src.T * Math.log(rng.open() * rng.open()); // Gamma(2, T)
    const pL = (xF * SQRT_S) / 2;
    const mT = Math.hypot(src.mass, pT);
    if (rng.uniform() * Math.hypot(mT, pL) > mT) continue; // the 1/E* of the invariant form
    const phi = 2 * Math.PI * rng.uniform();
    const cm = p4(pT * Math.cos(phi), pT * Math.sin(phi), pL, src.mass);
    if (cm.e > SQRT_S / 2) continue;
    return boost(cm, CM, CM_MASS);
  }
}

export interface MesonChannel {
  readonly meson: MesonSource;
  readonly channel: MesonSource['channels'][number];
  /** A' per POT per ε² through this channel */
  readonly yieldPerEps2: number;
}

/** All open meson channels for an A' of mass m, with their yields (multiplicity × BR/ε²). */
export function mesonChannels(mMeV: number): MesonChannel[] {
  const out: MesonChannel[] = [];
  for (const meson of MESONS) for (const channel of meson.channels) {
    const y = meson.perPOT * mesonBranching(channel, meson.mass, mMeV);
    if (y > 0) out.push({ meson, channel, yieldPerEps2: y });
  }
  return out;
}

/** A' from one meson decay channel: the meson, then P → γA' or V → P A', isotropic (§6.2 (b)). */
export function aprimeFromMeson(ch: MesonChannel, mMeV: number, rng: Rng): { aprime: P4; meson: P4; partner: P4; partnerMass: number } {
  const meson = sampleMeson(ch.meson, rng);
  const partnerMass = ch.channel.kind === 'P->gA' ? 0 : ch.channel.mP;
  const [aprime, partner] = decayIsotropic(meson, mMeV, partnerMass, rng, ch.meson.mass);
  return { aprime, meson, partner, partnerMass };
}

/** B meson from the dump: dN/dx_F ∝ (1 − |x_F|)^4, ⟨p_T²⟩ ≈ 2 GeV² (§6.3 [E]). */
export function sampleB(rng: Rng): P4 {
  for (;;) {
    const xF = 1 - Math.pow(rng.open(), 1 / 5);
    const pT = Math.sqrt(rng.exponential(2e6));
    const phi = 2 * Math.PI * rng.uniform();
    const cm = p4(pT * Math.cos(phi), pT * Math.sin(phi), (xF * SQRT_S) / 2, M.B);
    if (cm.e > SQRT_S / 2) continue;
    return boost(cm, CM, CM_MASS);
  }
}

/** Keep drawing until the particle points into the detector; returns it and the fraction accepted so far. */
export function forward<T extends { p: P4 }>(draw: () => T, maxTries = 200_000): { value: T; tries: number } {
  for (let tries = 1; tries <= maxTries; tries++) {
    const v = draw();
    if (polar(v.p) < THETA_MAX && v.p.pz > 0) return { value: v, tries };
  }
  throw new Error(`no particle within ${THETA_MAX * 1000} mrad after ${maxTries} tries`);
}

export { polar, pmag };
