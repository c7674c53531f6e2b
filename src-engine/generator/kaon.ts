/**
 * Kaon mode (na62-analyses.md §6.6): the 75 GeV/c K+ beam and the decays of Analysis C.
 * Returns lab four-momenta of the charged daughters (and intermediate states for the truth record).
 */
import { FV_KAON, KAON_DECAY_LENGTH, M, Z_GTK3 } from './constants';
import { decayIsotropic, decayThreeBody, p4, type P4 } from './lorentz';
import { samplePi0DoubleDalitz } from './pi0-double-dalitz';
import { decayKpi4e } from './kpi4e-nonres';
import type { Rng } from './rng';

export interface BeamKaonTruth {
  /** at GTK3 */
  readonly p: P4;
  readonly x: number; readonly y: number;
  /** decay point */
  readonly vz: number; readonly vx: number; readonly vy: number;
}

/** p = 75 GeV/c (1 % rms), dx/dz = 1.2 mrad, divergence 0.1 mrad [E], spot σ 7 × 4 mm at GTK3 [E]; decay z in 105–180 m. */
export function sampleBeamKaon(rng: Rng): BeamKaonTruth {
  const p = 75_000 * (1 + 0.01 * rng.normal());
  const sx = 0.0012 + rng.normal(0, 1e-4), sy = rng.normal(0, 1e-4);
  const pz = p / Math.sqrt(1 + sx * sx + sy * sy);
  const x = rng.normal(0, 7), y = rng.normal(0, 4);
  // exponential from GTK3 with λ = 563.857 m, truncated to the fiducial volume
  const a = Math.exp(-(FV_KAON.z0 - Z_GTK3) / KAON_DECAY_LENGTH), b = Math.exp(-(FV_KAON.z1 - Z_GTK3) / KAON_DECAY_LENGTH);
  const vz = Z_GTK3 - KAON_DECAY_LENGTH * Math.log(a - rng.uniform() * (a - b));
  return { p: p4(sx * pz, sy * pz, pz, M.K), x, y, vz, vx: x + sx * (vz - Z_GTK3), vy: y + sy * (vz - Z_GTK3) };
}

export interface Daughter { readonly pdg: number; readonly p: P4; readonly parent: number }

/** K+ → π+π0, π0 → e+e−e+e− (the normalisation channel). Truth list: [π+, π0, e+, e−, e+, e−]. */
export function k2piDD(k: P4, rng: Rng): Daughter[] {
  const [pi, pi0] = decayIsotropic(k, M.piCharged, M.pi0, rng, M.K);
  const dd = samplePi0DoubleDalitz(pi0, rng);
  return [
    { pdg: 211, p: pi, parent: -1 }, { pdg: 111, p: pi0, parent: -1 },
    { pdg: -11, p: dd.pair1[0], parent: 1 }, { pdg: 11, p: dd.pair1[1], parent: 1 },
    { pdg: -11, p: dd.pair2[0], parent: 1 }, { pdg: 11, p: dd.pair2[1], parent: 1 },
  ];
}

/** K+ → π+ a a (flat phase space), a → e+e− prompt and isotropic [E]. */
export function kpiAA(k: P4, ma: number, rng: Rng): Daughter[] {
  const [pi, a1, a2] = decayThreeBody(k, M.piCharged, ma, ma, rng, M.K);
  const [e1p, e1m] = decayIsotropic(a1, M.e, M.e, rng, ma);
  const [e2p, e2m] = decayIsotropic(a2, M.e, M.e, rng, ma);
  return [
    { pdg: 211, p: pi, parent: -1 }, { pdg: 9000005, p: a1, parent: -1 }, { pdg: 9000005, p: a2, parent: -1 },
    { pdg: -11, p: e1p, parent: 1 }, { pdg: 11, p: e1m, parent: 1 }, { pdg: -11, p: e2p, parent: 2 }, { pdg: 11, p: e2m, parent: 2 },
  ];
}

/** K+ → π+ S, S → A'A', A' → e+e− (all prompt, isotropic) [E]. */
export function kpiS(k: P4, mS: number, mA: number, rng: Rng): Daughter[] {
  const [pi, s] = decayIsotropic(k, M.piCharged, mS, rng, M.K);
  const [a1, a2] = decayIsotropic(s, mA, mA, rng, mS);
  const [e1p, e1m] = decayIsotropic(a1, M.e, M.e, rng, mA);
  const [e2p, e2m] = decayIsotropic(a2, M.e, M.e, rng, mA);
  return [
    { pdg: 211, p: pi, parent: -1 }, { pdg: 9000006, p: s, parent: -1 }, { pdg: 4900023, p: a1, parent: 1 }, { pdg: 4900023, p: a2, parent: 1 },
    { pdg: -11, p: e1p, parent: 2 }, { pdg: 11, p: e1m, parent: 2 }, { pdg: -11, p: e2p, parent: 3 }, { pdg: 11, p: e2m, parent: 3 },
  ];
}

/**
 * Non-resonant K+ → π+ e+e−e+e− with the SM matrix element (kpi4e-nonres.ts): K+ → π+ γ*, γ* → e+e−e+e−
 * through the exact QED current (qed4e.ts). The truth record names the lightest e+e− pairing the
 * conversion pair of a second photon γ₂* (with identical leptons the diagrams do not single one out).
 * Truth list: [π+, γ*, γ₂* (child of γ*), e+, e− (of γ*), e+, e− (of γ₂*)].
 */
export function kpi4eNonResonant(k: P4, rng: Rng): Daughter[] {
  const d = decayKpi4e(k, rng);
  return [
    { pdg: 211, p: d.pi, parent: -1 }, { pdg: 22, p: d.g1, parent: -1 }, { pdg: 22, p: d.g2, parent: 1 },
    { pdg: -11, p: d.e1[0], parent: 1 }, { pdg: 11, p: d.e1[1], parent: 1 }, { pdg: -11, p: d.e2[0], parent: 2 }, { pdg: 11, p: d.e2[1], parent: 2 },
  ];
}
