/**
 * The physics processes of the paper, each producing the true particles of one event, the charged
 * ones the detector sees, and the event weight (expected events in the dataset per generated event).
 * Dump mode normalises to 1.4e17 POT [S]; kaon mode to N_K = 8.58e11 K+ decays in the FV [S].
 */
import type { Anti0Hit, LavHit, ProcessLabel, TruthParticle } from '../../src-shared/event/model';
import { PDG } from '../../src-shared/event/model';
import { C_MM_NS, FV_DUMP, M, N_POT_2021, Z_GTK3 } from './constants';
import { bremsYield, darkPhotonDecay } from './dark-photon';
import { decayIsotropic, pmag, type P4 } from './lorentz';
import { aprimeFromMeson, createBremsSampler, forward, mesonChannels, protonInteraction, sampleB, type Vertex4 } from './production';
import { k2piDD, kpi4eNonResonant, kpiAA, kpiS, sampleBeamKaon, type BeamKaonTruth, type Daughter } from './kaon';
import { promptPair } from './halo';
import { MUMU_SUPPRESSION, pairYield, sampleInteraction, sampleV } from './prompt-material';
import { haloP4, sampleHalo, Z_HALO_REF } from './halo-model';
import { hardenMomentum, samplePromptHalo } from './halo-acceptance';
import { biasedPair, BIASED_WINDOW_NS, HALO_MUONS_PER_POT, NATURAL_WINDOW_NS, naturalPair, pairsWithin } from './halo-pairs';
import type { ChargedParticle } from '../detector/response';
import { Rng } from './rng';
import { Z_PLANE } from '../../src-shared/geometry/planes';

export interface PhysicsParams {
  /** A' or ALP or a mass, MeV */
  readonly massMeV: number;
  /** kinetic mixing ε of the A' */
  readonly epsilon: number;
  /** proper decay length cτ, mm: the ALP's (default 1 m), or for the A' an override of the cτ that ε implies */
  readonly ctauMm?: number;
  /** BR(B→K*a)·BR(a→ℓℓ) for the ALP, or the BR product of the kaon-mode signals */
  readonly brProduct: number;
  /** dark scalar S mass, MeV (K → π S, S → A'A') */
  readonly scalarMassMeV: number;
  /** halo backgrounds: importance-sampled where the selections keep them (default) or natural (halo-pairs.ts) */
  readonly haloSampling?: 'biased' | 'natural';
}

export const DEFAULT_PARAMS: PhysicsParams = { massMeV: 400, epsilon: 3e-7, brProduct: 1e-7, scalarMassMeV: 200 };
const DEFAULT_ALP_CTAU = 1000;
/** Defaults that make sense per process (a 17 MeV a for K → π a a, the ⁸Be anomaly mass [S]). */
export const PROCESS_DEFAULTS: Partial<Record<ProcessLabel, Partial<PhysicsParams>>> = {
  'kpi-aa': { massMeV: 17, brProduct: 2.1e-9 },
  'kpi-s-aprime': { massMeV: 50, scalarMassMeV: 200, brProduct: 1e-9 },
  'alp-mumu': { massMeV: 300 },
  'alp-ee': { massMeV: 100 },
};

/** N_K of Analysis C [S]; BR(K2πDD) = 0.2067 × 3.34e-5 ≈ 6.9e-6 [D]; SM non-resonant BR 7.2e-11 [A-4e] */
const N_K = 8.58e11;
const BR_K2PIDD = 6.9e-6;
const BR_KPI4E_SM = 7.2e-11;
/** b b̄ pairs per POT in the Cu dump ≈ 2.6e-7 (§6.3 [D]); B+ and B0 fractions 0.4 + 0.4 [R] */
const BB_PER_POT = 2.6e-7;
/**
 * Halo muons in the 2021 sample (both charges): the halo model's population (halo-pairs.ts, its one
 * constant set on the μμ analysis) × N_POT [S]. Each makes a prompt pair with the probability that
 * the material on its own line gives (prompt-material.ts); nothing here is set on the ee numbers.
 */
const HALO_MUONS_2021 = HALO_MUONS_PER_POT * N_POT_2021;

export interface GeneratedPhysics {
  readonly truth: TruthParticle[];
  readonly charged: ChargedParticle[];
  /** expected events in the dataset per event of this kind, before dividing by the number generated */
  readonly yield: number;
  /** for long-lived signals: the probability of decaying in the fiducial volume (already in `yield`) */
  readonly decayProbability?: number;
  readonly beamKaon?: BeamKaonTruth;
  /** activity the detector model does not derive from the charged list (a shower at a LAV flange, the muon upstream of its interaction) */
  readonly extraLav?: LavHit[];
  readonly extraAnti0?: Anti0Hit[];
}

const NAN4 = { dx: NaN, dy: NaN, dz: NaN, dt: NaN };
const charge = (pdg: number): number => (pdg === -11 || pdg === -13 || pdg === 211 || pdg === 321 || pdg === 2212 ? 1 : pdg === 11 || pdg === 13 || pdg === -211 ? -1 : 0);

function truthOf(pdg: number, parent: number, p: P4, v: Vertex4, decay?: Vertex4): TruthParticle {
  return { pdg, parent, px: p.px, py: p.py, pz: p.pz, e: p.e, vx: v.x, vy: v.y, vz: v.z, vt: v.t, ...(decay ? { dx: decay.x, dy: decay.y, dz: decay.z, dt: decay.t } : NAN4) };
}

/**
 * Decay point of a particle from `v` with momentum p and proper decay length cτ, drawn from the
 * exponential truncated to the fiducial volume; `weight` = probability of decaying there (§6.4).
 */
export function decayInVolume(v: Vertex4, p: P4, ctau: number, rng: Rng, fv: { z0: number; z1: number } = FV_DUMP): { at: Vertex4; weight: number; lambda: number } {
  const pm = pmag(p), uz = p.pz / pm;
  const m = Math.sqrt(Math.max(p.e * p.e - pm * pm, 1e-12));
  const lambda = (pm / m) * ctau;
  const L1 = (fv.z0 - v.z) / uz, L2 = (fv.z1 - v.z) / uz;
  const span = -Math.expm1(-(L2 - L1) / lambda);
  const weight = Math.exp(-L1 / lambda) * span;
  const L = L1 - lambda * Math.log1p(-rng.uniform() * span);
  const beta = pm / p.e;
  return { at: { x: v.x + (L * p.px) / pm, y: v.y + (L * p.py) / pm, z: v.z + L * uz, t: v.t + L / (beta * C_MM_NS) }, weight, lambda };
}

export interface ProcessModel {
  readonly label: ProcessLabel;
  readonly mode: 'dump' | 'kaon';
  generate(rng: Rng): GeneratedPhysics;
}

/** Fraction of draws that point into the detector, from a deterministic pilot run. */
function pilotAcceptance(draw: (rng: Rng) => { p: P4 }, seed: number, n = 400): number {
  const rng = new Rng(seed, 0x7fffffff);
  let tries = 0;
  for (let i = 0; i < n; i++) tries += forward(() => draw(rng)).tries;
  return n / tries;
}

function leptonMass(label: ProcessLabel): number {
  return label.endsWith('mumu') ? M.mu : M.e;
}
const leptonPdg = (label: ProcessLabel) => (label.endsWith('mumu') ? 13 : 11);

function darkPhotonModel(label: 'aprime-mumu' | 'aprime-ee', params: PhysicsParams, seed: number): ProcessModel {
  const m = params.massMeV, eps = params.epsilon;
  const ml = leptonMass(label);
  if (m <= 2 * ml) throw new RangeError(`${label}: an A' of ${m} MeV cannot decay to ${label.endsWith('mumu') ? 'μμ' : 'ee'}`);
  const decay = darkPhotonDecay(m, eps);
  const br = label === 'aprime-mumu' ? decay.brMuMu : decay.brEE;
  const ctau = params.ctauMm ?? decay.ctau; // "for a given mass and ε (or lifetime)"

  // production channels: bremsstrahlung and meson decays, each with its forward acceptance
  const brems = createBremsSampler(m);
  type Ch = { kind: 'brems' } | { kind: 'meson'; ch: ReturnType<typeof mesonChannels>[number] };
  const chans: { ch: Ch; forwardYield: number }[] = [];
  const bremsAcc = pilotAcceptance((r) => ({ p: brems(r) }), seed);
  chans.push({ ch: { kind: 'brems' }, forwardYield: bremsYield(m) * bremsAcc });
  for (const mc of mesonChannels(m)) {
    const acc = pilotAcceptance((r) => ({ p: aprimeFromMeson(mc, m, r).aprime }), seed + mc.meson.mass);
    chans.push({ ch: { kind: 'meson', ch: mc }, forwardYield: mc.yieldPerEps2 * acc });
  }
  const total = chans.reduce((a, c) => a + c.forwardYield, 0);
  return {
    label, mode: 'dump',
    generate(rng) {
      let u = rng.uniform() * total;
      const pick = chans.find((c) => (u -= c.forwardYield) < 0) ?? chans[chans.length - 1]!;
      const v = protonInteraction(rng);
      const truth: TruthParticle[] = [];
      let aprime: P4;
      if (pick.ch.kind === 'brems') {
        aprime = forward(() => ({ p: brems(rng) })).value.p;
        truth.push(truthOf(PDG.darkPhoton, -1, aprime, v));
      } else {
        const mc = pick.ch.ch;
        const r = forward(() => { const x = aprimeFromMeson(mc, m, rng); return { p: x.aprime, x }; }).value.x;
        const mesonPdg = { pi0: PDG.pi0, eta: PDG.eta, etaPrime: PDG.etaPrime, rho: PDG.rho0, omega: PDG.omega, phi: PDG.phi }[mc.meson.name];
        truth.push(truthOf(mesonPdg, -1, r.meson, v, v));
        truth.push(truthOf(PDG.darkPhoton, 0, r.aprime, v));
        truth.push(truthOf(r.partnerMass === 0 ? PDG.gamma : mc.channel.kind === 'V->PA' && mc.channel.mP === M.eta ? PDG.eta : PDG.pi0, 0, r.partner, v));
        aprime = r.aprime;
      }
      const d = decayInVolume(v, aprime, ctau, rng);
      const ai = truth.findIndex((t) => t.pdg === PDG.darkPhoton);
      truth[ai] = truthOf(PDG.darkPhoton, truth[ai]!.parent, aprime, v, d.at);
      const [lp, lm] = decayIsotropic(aprime, ml, ml, rng, m);
      const lpdg = leptonPdg(label);
      truth.push(truthOf(-lpdg, ai, lp, d.at), truthOf(lpdg, ai, lm, d.at));
      const charged: ChargedParticle[] = [lp, lm].map((p, i) => ({ pdg: i === 0 ? -lpdg : lpdg, charge: i === 0 ? 1 : -1, p, vx: d.at.x, vy: d.at.y, vz: d.at.z, vt: 0 }));
      return { truth, charged, yield: N_POT_2021 * eps * eps * total * d.weight * br, decayProbability: d.weight };
    },
  };
}

function alpModel(label: 'alp-mumu' | 'alp-ee', params: PhysicsParams, seed: number): ProcessModel {
  const m = params.massMeV, ml = leptonMass(label);
  if (m <= 2 * ml || m >= M.B - M.Kstar0) throw new RangeError(`${label}: m_a = ${m} MeV is outside the kinematic range`);
  const drawA = (rng: Rng) => {
    const B = sampleB(rng);
    const [kstar, a] = decayIsotropic(B, M.Kstar0, m, rng, M.B);
    return { p: a, B, kstar };
  };
  const acc = pilotAcceptance(drawA, seed);
  return {
    label, mode: 'dump',
    generate(rng) {
      const v = protonInteraction(rng);
      const { B, kstar, p: a } = forward(() => drawA(rng)).value;
      const d = decayInVolume(v, a, params.ctauMm ?? DEFAULT_ALP_CTAU, rng);
      const [lp, lm] = decayIsotropic(a, ml, ml, rng, m);
      const lpdg = leptonPdg(label);
      const truth = [truthOf(PDG.bPlus, -1, B, v, v), truthOf(PDG.kStar0, 0, kstar, v), truthOf(PDG.alp, 0, a, v, d.at), truthOf(-lpdg, 2, lp, d.at), truthOf(lpdg, 2, lm, d.at)];
      const charged: ChargedParticle[] = [lp, lm].map((p, i) => ({ pdg: i === 0 ? -lpdg : lpdg, charge: i === 0 ? 1 : -1, p, vx: d.at.x, vy: d.at.y, vz: d.at.z, vt: 0 }));
      return { truth, charged, yield: N_POT_2021 * BB_PER_POT * 2 * 0.8 * params.brProduct * acc * d.weight, decayProbability: d.weight };
    },
  };
}

function combinatorialModel(params: PhysicsParams): ProcessModel {
  // opposite-sign pairs of uncorrelated halo muons (A§2.4 [S]); normalisation and sampling in halo-pairs.ts
  const natural = params.haloSampling === 'natural';
  const pairs = pairsWithin(natural ? NATURAL_WINDOW_NS : BIASED_WINDOW_NS);
  return {
    label: 'combinatorial-mumu', mode: 'dump',
    generate(rng) {
      const pair = natural ? naturalPair(rng) : biasedPair(rng);
      // the trigger time is the pair's mean time: the tracks sit at ∓Δt/2
      const mus = [{ h: pair.plus, t: -pair.dt / 2 }, { h: pair.minus, t: pair.dt / 2 }];
      const truth: TruthParticle[] = [], charged: ChargedParticle[] = [];
      for (const { h, t } of mus) {
        const pdg = h.q > 0 ? PDG.muPlus : PDG.muMinus, p = haloP4(h);
        const at = { x: h.x, y: h.y, z: Z_HALO_REF, t };
        truth.push(truthOf(pdg, -1, p, at));
        charged.push({ pdg, charge: h.q, p, vx: at.x, vy: at.y, vz: at.z, vt: t });
      }
      return { truth, charged, yield: pairs * pair.wGeo };
    },
  };
}

const Z_ANTI0 = Z_PLANE.anti0;

/**
 * Shares of the biased prompt generation (halo-acceptance.ts samplePromptHalo): muons of the TAX
 * source through the beam hole (they make ~ 80 % of the dump-ee SR and CR expectation), any muon
 * through the hole, muons near it; the remaining 0.1 from the whole model bounds the weights.
 */
const PROMPT_SHARES = { tax: 0.7, hole: 0.12, near: 0.08 } as const;
/** share of the biased prompt pairs aimed back at the proton beam line at the TAX (halo.ts sampleAimedAngle) */
const PROMPT_AIM_SHARE = 0.9;
/** share of the biased pair energy fractions drawn uniformly at the hard end (prompt-material.ts sampleV) */
const PROMPT_HARD_V_SHARE = 0.6;

/**
 * Prompt pairs from halo muons (A§3.3 [S], A§6.7): a muon from the halo model; the material on its
 * line (GTK3, CHANTI, ANTI0) gives its expected number of pairs P (prompt-material.ts), the process
 * (direct pair or converted bremsstrahlung photon) and the vertex; the pair's energy fraction follows
 * that process's spectrum. Event weight = N_μ · P · (importance weights); a muon that crosses no
 * material gives an event of weight 0.
 */
function promptModel(label: 'prompt-ee' | 'prompt-mumu', params: PhysicsParams): ProcessModel {
  const ml = leptonMass(label), lpdg = leptonPdg(label);
  const biased = params.haloSampling !== 'natural';
  const perPair = label === 'prompt-mumu' ? MUMU_SUPPRESSION : 1;
  return {
    label, mode: 'dump',
    generate(rng) {
      const q: 1 | -1 = rng.uniform() < 0.5 ? 1 : -1;
      const drawn = biased ? samplePromptHalo(q, rng, PROMPT_SHARES) : { h: sampleHalo(q, rng), weight: 1 };
      const hard = biased ? hardenMomentum(drawn.h, rng) : { h: drawn.h, weight: 1 };
      const h = hard.h, weight = drawn.weight * hard.weight;
      const mu = { charge: q, p: haloP4(h), origin: { x: h.x, y: h.y, z: Z_HALO_REF, t: rng.range(-1, 1) } };
      const y = pairYield(h), inter = sampleInteraction(h, rng, biased);
      const process = inter?.process ?? 'direct', z = inter?.z ?? Z_ANTI0 + 5;
      const v = sampleV(process, biased ? PROMPT_HARD_V_SHARE : 0, rng);
      const s = (z - mu.origin.z) / mu.p.pz;
      const at: Vertex4 = { x: mu.origin.x + s * mu.p.px, y: mu.origin.y + s * mu.p.py, z, t: mu.origin.t };
      const aimed = promptPair(mu.p, ml, rng, biased ? { share: PROMPT_AIM_SHARE, crDisk: true, vertex: at } : undefined, { frac: v.v });
      const { plus, minus, muonAfter, pair } = aimed;
      const muPdg = q > 0 ? PDG.muPlus : PDG.muMinus;
      const truth = [
        truthOf(muPdg, -1, mu.p, mu.origin, at), truthOf(muPdg, 0, muonAfter, at), truthOf(PDG.gamma, 0, pair, at, at),
        truthOf(-lpdg, 2, plus, at), truthOf(lpdg, 2, minus, at),
      ];
      // downstream of the interaction the muon carries on (nearly collinear) with the pair
      const charged: ChargedParticle[] = [
        { pdg: muPdg, charge: q, p: muonAfter, vx: at.x, vy: at.y, vz: at.z, vt: at.t },
        { pdg: -lpdg, charge: 1, p: plus, vx: at.x, vy: at.y, vz: at.z, vt: at.t },
        { pdg: lpdg, charge: -1, p: minus, vx: at.x, vy: at.y, vz: at.z, vt: at.t },
      ];
      // the incoming muon crosses ANTI0 when it interacts in or downstream of it (G§8 [E])
      const extraAnti0: Anti0Hit[] = [];
      if (z >= Z_ANTI0) {
        const s0 = (Z_ANTI0 - mu.origin.z) / mu.p.pz;
        const ax = mu.origin.x + s0 * mu.p.px, ay = mu.origin.y + s0 * mu.p.py, r = Math.hypot(ax, ay);
        if (r > 165 && r < 960) extraAnti0.push({ x: ax, y: ay, time: at.t + rng.normal(0, 1) });
      }
      const expected = inter ? (y.direct + y.converted) * perPair : 0;
      return { truth, charged, yield: HALO_MUONS_2021 * expected * weight * (inter?.weight ?? 1) * aimed.weight * v.weight, extraAnti0 };
    },
  };
}

function kaonModel(label: 'k2pi-dd' | 'kpi-aa' | 'kpi-s-aprime' | 'kpi4e-nonres', params: PhysicsParams): ProcessModel {
  if (label === 'kpi-aa' && 2 * params.massMeV + M.piCharged >= M.K) throw new RangeError(`kpi-aa: m_a = ${params.massMeV} MeV is too heavy`);
  if (label === 'kpi-s-aprime' && (params.scalarMassMeV + M.piCharged >= M.K || 2 * params.massMeV >= params.scalarMassMeV || params.massMeV <= 2 * M.e)) {
    throw new RangeError(`kpi-s-aprime: needs 2 m_e < m_A' < m_S/2 and m_S < m_K − m_π (m_S = ${params.scalarMassMeV}, m_A' = ${params.massMeV} MeV)`);
  }
  const br = { 'k2pi-dd': BR_K2PIDD, 'kpi-aa': params.brProduct, 'kpi-s-aprime': params.brProduct, 'kpi4e-nonres': BR_KPI4E_SM }[label];
  return {
    label, mode: 'kaon',
    generate(rng) {
      const k = sampleBeamKaon(rng);
      const kv: Vertex4 = { x: k.vx, y: k.vy, z: k.vz, t: 0 };
      const daughters: Daughter[] =
        label === 'k2pi-dd' ? k2piDD(k.p, rng)
          : label === 'kpi-aa' ? kpiAA(k.p, params.massMeV, rng)
            : label === 'kpi-s-aprime' ? kpiS(k.p, params.scalarMassMeV, params.massMeV, rng)
              : kpi4eNonResonant(k.p, rng);
      const truth: TruthParticle[] = [truthOf(PDG.kPlus, -1, k.p, { x: k.x, y: k.y, z: Z_GTK3, t: 0 }, kv)];
      for (const d of daughters) {
        const stable = Math.abs(d.pdg) === 11 || Math.abs(d.pdg) === 211;
        truth.push(truthOf(d.pdg, d.parent + 1, d.p, kv, stable ? undefined : kv));
      }
      const charged: ChargedParticle[] = daughters
        .filter((d) => charge(d.pdg) !== 0 && (Math.abs(d.pdg) === 11 || Math.abs(d.pdg) === 211))
        .map((d) => ({ pdg: d.pdg, charge: charge(d.pdg), p: d.p, vx: kv.x, vy: kv.y, vz: kv.z, vt: 0 }));
      return { truth, charged, yield: N_K * br, beamKaon: k };
    },
  };
}

/** Parameters of a process: the user's, else the process's own defaults, else the general ones. */
export function resolveParams(label: ProcessLabel, user: Partial<PhysicsParams>): PhysicsParams {
  return { ...DEFAULT_PARAMS, ...PROCESS_DEFAULTS[label], ...stripUndefined(user) };
}

export function createProcessModel(label: ProcessLabel, user: Partial<PhysicsParams>, seed: number): ProcessModel {
  const p = resolveParams(label, user);
  switch (label) {
    case 'aprime-mumu':
    case 'aprime-ee': return darkPhotonModel(label, p, seed);
    case 'alp-mumu':
    case 'alp-ee': return alpModel(label, p, seed);
    case 'combinatorial-mumu': return combinatorialModel(p);
    case 'prompt-ee':
    case 'prompt-mumu': return promptModel(label, p);
    default: return kaonModel(label, p);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
