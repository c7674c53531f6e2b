/**
 * Standard-Model K⁺ → π⁺e⁺e⁻e⁺e⁻ (non-resonant, i.e. away from the π⁰ pole of K2πDD).
 *
 * Which amplitude: Husek, PRD 106 (2022) L071301 (arXiv:2207.02234; the reference sheet's [A-4e],
 * BR = (7.2 ± 0.7)·10⁻¹¹) finds that outside the π⁰ pole "the one-photon-exchange topology is
 * prevalent throughout most of the phase space" (abstract). So the SM non-resonant decay is
 * K⁺ → π⁺γ*, γ* → e⁺e⁻e⁺e⁻ with
 *
 *   |M|² = |W(z)|² · Σ_hel |H_ν J^ν|²,   H = P_K + p_π,   z = q²/m_K²,
 *
 * J the exact lowest-order QED current of γ* → 4e with all 8 diagrams and the Fermi minus sign of the
 * identical-lepton exchange (qed4e.ts), and W(z) = W₀(1 + δz) the K⁺ → π⁺γ* form factor, δ = 2.32 ±
 * 0.18 measured in K± → π±e⁺e⁻ by NA48/2 (PLB 677 (2009) 246, arXiv:0903.3130, abstract). With two
 * leptons instead of four the same |M|² is the K⁺ → π⁺e⁺e⁻ rate λ^{3/2}|W|² of Ecker–Pich–de Rafael,
 * NPB 291 (1987) 692 [R: reference not re-read] (tested).
 * Left out [E]: the two-photon topology K⁺ → π⁺γ*γ* away from the π⁰ pole (Husek: subleading there)
 * and radiative corrections.
 *
 * Sampling: multi-channel importance sampling of the five-body phase space (Kleiss–Pittau, CPC 83
 * (1994) 141 [R]) and accept–reject on the weight. Each of 8 channels picks which e⁻e⁺ pair the γ*
 * attaches to (4 pairings: the primary line) and which of its two leptons radiates the internal photon
 * (2), and follows the peaks of that diagram:
 *   K → π⁺ γ*(q²) (q² from λ^{3/2}|W|²·ln²(q²/4m_e²), a tabulated proposal),
 *   γ* → e_spectator + X, X → e_emitter + Y, Y → e⁺e⁻ (the conversion pair),
 *   s = m²(Y) with ds/s, t = m²(X) − m_e² with dt/t (the emitter propagator), and the emission angle
 *   in X so that the light-cone share of Y has dx/x (soft emission) mixed with a flat part.
 * The weight is |M|² / Σ_c α_c ρ_c (ρ_c: channel c's density with respect to dΦ₅, exact), so every
 * channel's peaks are covered whichever channel made the point. The bound on the weight comes from a
 * fixed-seed scan (KPI4E_MAX_WEIGHT); weights above it are truncated [E] (< 10⁻³ of the rate, tested).
 */
import { M } from './constants';
import { alignZ, boost, decayIsotropic, kallen, p4, twoBodyMomentum, type P4 } from './lorentz';
import { me2eSquared, me4eSquared, v4dot, type FourLeptons, type V4 } from './qed4e';
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
const formFactor2 = (q2: number) => (1 + (FORM_FACTOR_SLOPE * q2) / (MK * MK)) ** 2;

// ---- the q² proposal: piecewise constant on NB bins (exact density, cheap inverse CDF)
const Q2_LO = (4 * ME) ** 2, Q2_HI = (MK - MPI) ** 2, NB = 512;
const Q2_CDF = (() => {
  const c = new Float64Array(NB + 1), h = (Q2_HI - Q2_LO) / NB;
  for (let i = 0; i < NB; i++) {
    const q2 = Q2_LO + (i + 0.5) * h;
    c[i + 1] = c[i]! + kpiGammaStarDensity(q2 / (MK * MK)) * Math.log(q2 / Q2_LO) ** 2;
  }
  for (let i = 1; i <= NB; i++) c[i]! /= c[NB]!;
  return c;
})();
function sampleQ2(rng: Rng): number {
  const u = rng.uniform();
  let lo = 0, hi = NB;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (Q2_CDF[mid]! <= u) lo = mid; else hi = mid; }
  const h = (Q2_HI - Q2_LO) / NB;
  return Q2_LO + (lo + rng.uniform()) * h;
}
function densityQ2(q2: number): number {
  if (q2 <= Q2_LO || q2 >= Q2_HI) return 0;
  const h = (Q2_HI - Q2_LO) / NB, i = Math.min(NB - 1, Math.floor((q2 - Q2_LO) / h));
  return (Q2_CDF[i + 1]! - Q2_CDF[i]!) / h;
}

/** The leptons: 0 = e⁺(p1), 1 = e⁻(p2), 2 = e⁺(p3), 3 = e⁻(p4). A channel: primary line (a: e⁻, b: e⁺), conversion pair (c: e⁻, d: e⁺), emitter r ∈ {a, b}. */
interface Channel { a: number; b: number; c: number; d: number; r: number; s: number }
const CHANNELS: Channel[] = [];
for (const [a, b, c, d] of [[1, 0, 3, 2], [3, 2, 1, 0], [1, 2, 3, 0], [3, 0, 1, 2]] as const) {
  CHANNELS.push({ a, b, c, d, r: a, s: b }, { a, b, c, d, r: b, s: a });
}

/** 1/(16π² M)·p*: dΦ₂ per dΩ */
const phi2 = (Mp: number, m1: number, m2: number) => twoBodyMomentum(Mp, m1, m2) / (16 * Math.PI * Math.PI * Mp);

/** ranges of the channel variables at given q (and s) */
const sRange = (q: number): [number, number] => [4 * ME * ME, (q - 2 * ME) ** 2];
const tRange = (q: number, s: number): [number, number] => [(ME + Math.sqrt(s)) ** 2 - ME * ME, (q - ME) ** 2 - ME * ME];

/** density of cos θ (Y in the X frame against X's flight): ½ flat + ½ with d(E* + p* cos θ)/(E* + p* cos θ) */
function cosRange(mx: number, s: number): { e: number; p: number } {
  return { e: (mx * mx + s - ME * ME) / (2 * mx), p: twoBodyMomentum(mx, ME, Math.sqrt(s)) };
}
function densityCos(c: number, mx: number, s: number): number {
  const { e, p } = cosRange(mx, s), lo = e - p, hi = e + p, w = e + p * c;
  return 0.25 + (0.5 * p) / (w * Math.log(hi / lo));
}
function sampleCos(mx: number, s: number, rng: Rng): number {
  if (rng.uniform() < 0.5) return rng.range(-1, 1);
  const { e, p } = cosRange(mx, s), lo = e - p, hi = e + p;
  return Math.max(-1, Math.min(1, (lo * Math.exp(rng.uniform() * Math.log(hi / lo)) - e) / p));
}

const toV4 = (p: P4): V4 => [p.e, p.px, p.py, p.pz];
const m2of = (p: V4) => v4dot(p, p);
const sumV = (...ps: V4[]): V4 => ps.reduce<V4>((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]], [0, 0, 0, 0]);

/**
 * Density of channel ch at a point, with respect to dΦ₅ (exact normalisation, PDG conventions:
 * dΦ₅ = dΦ₂(K; π, Q) dQ²/2π dΦ₂(Q; e_s, X) dM_X²/2π dΦ₂(X; e_r, Y) ds/2π dΦ₂(Y; e_c, e_d)).
 */
function channelDensity(ch: Channel, q: V4, l: readonly V4[]): number {
  const q2 = m2of(q), qm = Math.sqrt(q2);
  const Y = sumV(l[ch.c]!, l[ch.d]!), X = sumV(Y, l[ch.r]!);
  const s = m2of(Y), mx2 = m2of(X), t = mx2 - ME * ME, mx = Math.sqrt(mx2);
  const [s0, s1] = sRange(qm), [t0, t1] = tRange(qm, s);
  if (s <= s0 || s >= s1 || t <= t0 || t >= t1) return 0;
  // cos θ from invariants: in the X frame the γ* moves against X's flight direction
  const eq = v4dot(q, X) / mx, pq = Math.sqrt(Math.max(0, eq * eq - q2));
  const { e: ey, p: py } = cosRange(mx, s);
  const c = Math.max(-1, Math.min(1, (v4dot(q, Y) - eq * ey) / (pq * py)));
  const g = densityQ2(q2) / (s * Math.log(s1 / s0)) / (t * Math.log(t1 / t0)) * densityCos(c, mx, s) / (2 * Math.PI) / (4 * Math.PI) ** 3;
  const jac = phi2(MK, MPI, qm) * phi2(qm, ME, mx) * phi2(mx, ME, Math.sqrt(s)) * phi2(Math.sqrt(s), ME, ME) / (2 * Math.PI) ** 3;
  return g / jac;
}

/** Two-body decay of `parent` (mass Mp) with daughter 1 at cos θ* to the parent's direction (φ uniform). */
function decayAt(parent: P4, Mp: number, m1: number, m2: number, cosT: number, rng: Rng): [P4, P4] {
  const k = twoBodyMomentum(Mp, m1, m2);
  const sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT)), ph = 2 * Math.PI * rng.uniform();
  const pm = Math.hypot(parent.px, parent.py, parent.pz);
  const d1 = alignZ(p4(k * sinT * Math.cos(ph), k * sinT * Math.sin(ph), k * cosT, m1), parent.px / pm, parent.py / pm, parent.pz / pm);
  const d2 = { px: -d1.px, py: -d1.py, pz: -d1.pz, e: Math.sqrt(k * k + m2 * m2) };
  return [boost(d1, parent, Mp), boost(d2, parent, Mp)];
}

/** A weighted phase-space point in the K⁺ rest frame. */
export interface Kpi4ePoint {
  readonly pi: P4; readonly q: P4;
  /** e⁺(p1), e⁻(p2), e⁺(p3), e⁻(p4) */
  readonly leptons: readonly [P4, P4, P4, P4];
  /** |M|²/(Σ α_c ρ_c): its mean is ∫|W|²Σ|H·J|² dΦ₅ (couplings and W₀ left out) */
  readonly weight: number;
  /** each channel's density ρ_c at the point and the mixture Σ α_c ρ_c (the proposal), per dΦ₅ */
  readonly rho: readonly number[]; readonly rhoMix: number;
}

/** The SM |M|² (up to couplings): |W(q²)|²·Σ_hel|H·J|², momenta in any one frame. */
export function kpi4eMatrixElement(pK: V4, pPi: V4, l: readonly V4[], exchange = 1): number {
  const q2 = m2of(sumV(...l));
  const leptons: FourLeptons = { p1: l[0]!, p2: l[1]!, p3: l[2]!, p4: l[3]! };
  return formFactor2(q2) * me4eSquared(leptons, sumV(pK, pPi), ME, exchange);
}

/** One weighted point from the multi-channel proposal (K⁺ at rest). `exchange` as in qed4e.amplitude4e. */
export function sampleKpi4ePoint(rng: Rng, exchange = 1): Kpi4ePoint {
  const ch = CHANNELS[rng.int(CHANNELS.length)]!;
  const q2 = sampleQ2(rng), qm = Math.sqrt(q2);
  const [s0, s1] = sRange(qm), s = s0 * Math.exp(rng.uniform() * Math.log(s1 / s0));
  const [t0, t1] = tRange(qm, s), t = t0 * Math.exp(rng.uniform() * Math.log(t1 / t0));
  const mx = Math.sqrt(t + ME * ME), my = Math.sqrt(s);
  // in the γ* rest frame: spectator + X; X → emitter + Y at the sampled angle; Y → e⁻_c e⁺_d
  const rest: P4 = { px: 0, py: 0, pz: 0, e: qm };
  const [spec0, X0] = decayIsotropic(rest, ME, mx, rng, qm);
  const [Y0, emit0] = decayAt(X0, mx, my, ME, sampleCos(mx, s, rng), rng);
  const [c0, d0] = decayIsotropic(Y0, ME, ME, rng, my);
  const kRest: P4 = { px: 0, py: 0, pz: 0, e: MK };
  const [pi, q] = decayIsotropic(kRest, MPI, qm, rng, MK);
  const lq: P4[] = [];
  lq[ch.s] = spec0; lq[ch.r] = emit0; lq[ch.c] = c0; lq[ch.d] = d0;
  const leptons = lq.map((p) => boost(p, q, qm)) as [P4, P4, P4, P4];
  const l = leptons.map(toV4), qv = sumV(...l);
  const rhos = CHANNELS.map((c) => channelDensity(c, qv, l));
  const rho = rhos.reduce((a, b) => a + b, 0) / CHANNELS.length;
  const me = kpi4eMatrixElement([MK, 0, 0, 0], toV4(pi), l, exchange);
  return { pi, q, leptons, weight: rho > 0 ? me / rho : 0, rho: rhos, rhoMix: rho };
}

/** ∫|W|²·Σ|H·ūγv|² dΦ₃ of K⁺ → π⁺e⁺e⁻ by the same conventions (for the ratio of rates), from n points. */
export function kpiEeIntegral(rng: Rng, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const q2 = sampleQ2(rng), qm = Math.sqrt(q2);
    const kRest: P4 = { px: 0, py: 0, pz: 0, e: MK };
    const [pi, q] = decayIsotropic(kRest, MPI, qm, rng, MK);
    const [ep, em] = decayIsotropic(q, ME, ME, rng, qm);
    const rhoQ = densityQ2(q2) / (4 * Math.PI) ** 2;
    const jac = phi2(MK, MPI, qm) * phi2(qm, ME, ME) / (2 * Math.PI);
    sum += formFactor2(q2) * me2eSquared(toV4(ep), toV4(em), sumV([MK, 0, 0, 0], toV4(pi))) * jac / rhoQ;
  }
  return sum / n;
}

/**
 * BR(one-photon K⁺ → π⁺4e)/BR(K⁺ → π⁺e⁺e⁻) = (4πα)²·(1/2!2!)·∫|M₄ₑ|²dΦ₅ / ∫|M₂ₑ|²dΦ₃: the two extra
 * QED vertices' e², the identical-particle factor. α = 1/137.036 [R].
 */
export function ratioTo2e(int4e: number, int2e: number): number {
  const alpha = 1 / 137.035999;
  return (4 * Math.PI * alpha) ** 2 * 0.25 * int4e / int2e;
}

// ---- unweighting
/**
 * The accept–reject bound on the weight (MeV units of qed4e, couplings left out): the largest of
 * 3·10⁵ weights of a fixed-seed scan (Rng(0x4e4e, 7)) was 1.655·10¹², 14.2× the mean 1.162·10¹¹;
 * the 99.99 % quantile 1.47·10¹² truncates 5·10⁻⁵ of the rate. A constant, so that the kaon demo does
 * not pay a 3 s scan; the unit test re-scans and fails if weights above it carry > 10⁻³ of the rate.
 */
export const KPI4E_MAX_WEIGHT = 1.7e12;

/** One unweighted point of the SM distribution (K⁺ at rest); ≈ 14 proposals per point. */
export function sampleKpi4e(rng: Rng): Kpi4ePoint {
  for (;;) {
    const p = sampleKpi4ePoint(rng);
    if (rng.uniform() * KPI4E_MAX_WEIGHT < p.weight) return p;
  }
}

export interface Kpi4eMasses {
  /** m(4e)², MeV² */ readonly q2: number;
  /** m² of the lightest e⁺e⁻ pair (the conversion pair of the truth record), MeV² */ readonly s: number;
}

/**
 * The lab four-momenta: π⁺, γ*(→ 4e), the truth record's second photon γ₂* (the lightest of the
 * four e⁺e⁻ pairings — with identical leptons the diagrams do not say which pair "converted"), and
 * the two pairs [e⁺, e⁻]: pair 1 the other two leptons, pair 2 the lightest pair.
 */
export function decayKpi4e(k: P4, rng: Rng): { pi: P4; g1: P4; g2: P4; e1: [P4, P4]; e2: [P4, P4]; m: Kpi4eMasses } {
  const pt = sampleKpi4e(rng);
  const lab = (p: P4) => boost(p, k, MK);
  const [a, b, c, d] = pt.leptons.map(lab) as [P4, P4, P4, P4]; // e⁺ e⁻ e⁺ e⁻
  const pairs: [P4, P4, P4, P4][] = [[a, b, c, d], [c, d, a, b], [a, d, c, b], [c, b, a, d]];
  const m2 = (x: P4, y: P4) => (x.e + y.e) ** 2 - (x.px + y.px) ** 2 - (x.py + y.py) ** 2 - (x.pz + y.pz) ** 2;
  let best = pairs[0]!, bs = Infinity;
  for (const p of pairs) { const s = m2(p[0], p[1]); if (s < bs) { bs = s; best = p; } }
  const [p2p, p2m, p1p, p1m] = best;
  const g2 = { px: p2p.px + p2m.px, py: p2p.py + p2m.py, pz: p2p.pz + p2m.pz, e: p2p.e + p2m.e };
  const q2 = pt.q.e ** 2 - pt.q.px ** 2 - pt.q.py ** 2 - pt.q.pz ** 2;
  return { pi: lab(pt.pi), g1: lab(pt.q), g2, e1: [p1p, p1m], e2: [p2p, p2m], m: { q2, s: bs } };
}
