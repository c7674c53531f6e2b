/**
 * Expected-signal reach of the dump searches on a grid of masses and couplings (A′) or lifetimes
 * (ALP), by reweighting: for each mass the signal is generated once at a long lifetime, selected
 * with the published selections (dump-mumu, dump-ee), and every selected candidate is reweighted
 * analytically to each grid point from its own truth (momentum and decay length L from the
 * production to the decay vertex):
 *
 *   w′ = w · (ε′/ε)² · (BR′/BR) · f′(L)/f(L),   f(L) = e^(−L/λ)/λ,   λ = (p/m)·cτ.
 *
 * The generator draws L from f truncated to the FV and carries P_dec in w, so w/P_dec · f′/(f/P_dec)
 * is the event's contribution at the new lifetime (processes.ts decayInVolume). The MC uncertainty of
 * each point is √Σw′². test/unit/reach.test.ts compares the reweighting with direct generation.
 */
import { PDG, type Na62Event } from '../../src-shared/event/model';
import { darkPhotonDecay } from '../generator/dark-photon';
import { measure } from './measure';

import { UL90, type ReachChannel } from '../../src-shared/reach/aprime-figure';
/** Observed events in the SR (A§2.5, A§3.4 [S]): μμ 1, ee 0 */
export { UL90, type ReachChannel };

export interface Candidate {
  /** the event weight as generated */
  readonly w: number;
  /** momentum and mass of the long-lived particle, and its decay length from the production vertex, MeV and mm */
  readonly p: number;
  readonly m: number;
  readonly L: number;
}

/** The long-lived particle of a signal event (A′ or ALP) from the truth record. */
export function longLivedOf(ev: Na62Event): Candidate | undefined {
  const t = ev.truth?.find((x) => x.pdg === PDG.darkPhoton || x.pdg === PDG.alp);
  if (!t) return undefined;
  const p = Math.hypot(t.px, t.py, t.pz), m = Math.sqrt(Math.max(t.e * t.e - p * p, 0));
  const L = Math.hypot(t.dx - t.vx, t.dy - t.vy, t.dz - t.vz);
  return { w: ev.header.weight, p, m, L };
}

/** Σ over candidates of the weight reweighted from the generation lifetime to cτ′ (times a constant factor). */
export function reweight(cands: readonly Candidate[], ctauGen: number, ctauNew: number, factor = 1): { n: number; err: number } {
  let s = 0, s2 = 0;
  for (const c of cands) {
    const lg = (c.p / c.m) * ctauGen, ln = (c.p / c.m) * ctauNew;
    const r = factor * (lg / ln) * Math.exp(-c.L / ln + c.L / lg);
    const w = c.w * r;
    s += w; s2 += w * w;
  }
  return { n: s, err: Math.sqrt(s2) };
}

export interface ReachOptions {
  readonly events: number;
  readonly seed: number;
  /** proper decay length of the generation, mm: long, so the decays fill the FV */
  readonly ctauGenMm?: number;
}
const CTAU_GEN = 1e6;
const EPS_GEN = 1e-6;

/** Selected signal candidates of one channel at one mass, generated at a long lifetime. */
export function selectedCandidates(model: 'aprime' | 'alp', channel: ReachChannel, massMeV: number, o: ReachOptions): Candidate[] {
  const label = `${model === 'aprime' ? 'aprime' : 'alp'}-${channel}` as const;
  const m = measure(
    { mode: 'dump', mix: { [label]: 1 }, numEvents: o.events, seed: o.seed, truth: true, strawHits: false, massMeV, ctauMm: o.ctauGenMm ?? CTAU_GEN, ...(model === 'aprime' ? { epsilon: EPS_GEN } : { brProduct: 1e-7 }) },
    { preset: channel === 'mumu' ? 'dump-mumu' : 'dump-ee' },
  );
  // the expected signal is the one in the SR (the published limits count SR events)
  return m.events.filter((e) => e.region === 'SR').map((e) => longLivedOf(e.event)).filter((c): c is Candidate => c !== undefined);
}

export interface AprimePoint { massMeV: number; epsilon: number; channel: ReachChannel; nExp: number; err: number; n: number }

/** N_exp(m, ε) in the SR for each channel, from one generation per mass and channel. */
export function aprimeReach(masses: readonly number[], epsilons: readonly number[], channels: readonly ReachChannel[], o: ReachOptions): AprimePoint[] {
  const out: AprimePoint[] = [];
  for (const m of masses) for (const ch of channels) {
    const ml = ch === 'mumu' ? 105.658 : 0.511;
    if (m <= 2 * ml * 1.001) { for (const e of epsilons) out.push({ massMeV: m, epsilon: e, channel: ch, nExp: 0, err: 0, n: 0 }); continue; }
    const cands = selectedCandidates('aprime', ch, m, o);
    const d0 = darkPhotonDecay(m, EPS_GEN);
    const br0 = ch === 'mumu' ? d0.brMuMu : d0.brEE;
    for (const e of epsilons) {
      const d = darkPhotonDecay(m, e), br = ch === 'mumu' ? d.brMuMu : d.brEE;
      const r = reweight(cands, o.ctauGenMm ?? CTAU_GEN, d.ctau, (e / EPS_GEN) ** 2 * (br / br0));
      out.push({ massMeV: m, epsilon: e, channel: ch, nExp: r.n, err: r.err, n: cands.length });
    }
  }
  return out;
}

export interface AlpPoint { massMeV: number; ctauMm: number; channel: ReachChannel; brLimit: number; relErr: number; n: number }

/** 90 % CL upper limit on BR(B → K*a)·BR(a → ℓℓ) against cτ (observed 1 event in μμ, 0 in ee). */
export function alpLimits(masses: readonly number[], ctaus: readonly number[], channels: readonly ReachChannel[], o: ReachOptions): AlpPoint[] {
  const out: AlpPoint[] = [];
  for (const m of masses) for (const ch of channels) {
    if (m <= 2 * (ch === 'mumu' ? 105.658 : 0.511) * 1.001) continue; // channel closed at this mass
    const cands = selectedCandidates('alp', ch, m, o);
    for (const c of ctaus) {
      const r = reweight(cands, o.ctauGenMm ?? CTAU_GEN, c, 1 / 1e-7); // N_exp per unit BR
      const ul = UL90[ch === 'mumu' ? 1 : 0];
      out.push({ massMeV: m, ctauMm: c, channel: ch, brLimit: r.n > 0 ? ul / r.n : Infinity, relErr: r.n > 0 ? r.err / r.n : Infinity, n: cands.length });
    }
  }
  return out;
}

/** n values from a to b, logarithmically spaced (inclusive). */
export const logSpace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a * Math.pow(b / a, n === 1 ? 0 : i / (n - 1)));
