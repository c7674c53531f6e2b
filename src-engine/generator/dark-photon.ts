/**
 * Dark photon A' (kinetic mixing ε): decay widths, branching fractions, lifetime, and the
 * production yields of na62-analyses.md §6.2 and §6.4. Internally in MeV and mm.
 */
import { ALPHA, HBARC_MEV_MM, M } from './constants';
import { kallen } from './lorentz';

/** R(m) = σ(e+e−→hadrons)/σ(e+e−→μ+μ−): the points of §6.4 read from ALPINIST's table; m in GeV. */
const R_TABLE: readonly (readonly [number, number])[] = [
  [0.2814, 3.5e-4], [0.2994, 0.0176], [0.3446, 0.088], [0.391, 0.183], [0.4494, 0.323], [0.5095, 0.541],
  [0.5682, 0.962], [0.6268, 1.869], [0.6897, 4.32], [0.7539, 9.19], [0.7795, 24.6], [0.7979, 6.92],
  [0.8476, 3.59], [0.9244, 1.46], [1.0, 1.24], [1.018, 59.2], [1.06, 1.11],
];

/** R(m), linear interpolation; 0 below the 2π threshold table start, the last value above (§6.4). */
export function rHadrons(mMeV: number): number {
  const m = mMeV / 1000;
  const first = R_TABLE[0]!, last = R_TABLE[R_TABLE.length - 1]!;
  if (m < first[0]) return 0;
  if (m >= last[0]) return last[1];
  for (let i = 1; i < R_TABLE.length; i++) {
    const [m1, r1] = R_TABLE[i]!, [m0, r0] = R_TABLE[i - 1]!;
    if (m <= m1) return r0 + ((r1 - r0) * (m - m0)) / (m1 - m0);
  }
  return last[1];
}

/** Γ(A' → ℓ+ℓ−), MeV: (α ε² m / 3)(1 + 2mℓ²/m²)√(1 − 4mℓ²/m²) [C-ALP decay_widths_DP.py] */
export function widthLeptons(mMeV: number, eps: number, mLepton: number): number {
  const r = (mLepton * mLepton) / (mMeV * mMeV);
  if (4 * r >= 1) return 0;
  return ((ALPHA * eps * eps * mMeV) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

export interface DarkPhotonDecay {
  readonly gammaEE: number; readonly gammaMuMu: number; readonly gammaHad: number; readonly gammaTot: number;
  readonly brEE: number; readonly brMuMu: number; readonly brHad: number;
  /** proper decay length cτ, mm */
  readonly ctau: number;
}

export function darkPhotonDecay(mMeV: number, eps: number): DarkPhotonDecay {
  const gammaEE = widthLeptons(mMeV, eps, M.e);
  const gammaMuMu = widthLeptons(mMeV, eps, M.mu);
  // Γ_had = R(m)·Γ_μμ, with Γ_μμ taken without the phase-space suppression below the muon threshold irrelevant: R = 0 there
  const gammaHad = rHadrons(mMeV) * widthLeptons(mMeV, eps, M.mu);
  const gammaTot = gammaEE + gammaMuMu + gammaHad;
  return {
    gammaEE, gammaMuMu, gammaHad, gammaTot,
    brEE: gammaEE / gammaTot, brMuMu: gammaMuMu / gammaTot, brHad: gammaHad / gammaTot,
    ctau: HBARC_MEV_MM / gammaTot,
  };
}

/** Probability that a particle of decay length λ decays between path lengths L1 and L2 (§6.4). */
export function decayProbability(L1: number, L2: number, lambda: number): number {
  return Math.exp(-L1 / lambda) - Math.exp(-L2 / lambda);
}

// ---------- production (§6.2) ----------

/** Proton time-like form factor |F1(m²)|² (VMD, ρ and ω families) [C-ALP exotic_constants.py]; m in GeV. */
const FF_POLES: readonly (readonly [number, number, number])[] = [
  [0.77526, 0.1474, 0.616], [1.465, 0.4, 0.223], [1.72, 0.25, -0.339],
  [0.78266, 0.00868, 1.011], [1.41, 0.29, -0.881], [1.67, 0.315, 0.369],
];
export function formFactor2(mGeV: number): number {
  const m2 = mGeV * mGeV;
  let re = 0, im = 0;
  for (const [mv, gv, fv] of FF_POLES) {
    const a = mv * mv - m2, b = -mv * gv; // denominator a + i·(−b)… f m²/(a − i m Γ)
    const d = a * a + b * b;
    re += (fv * mv * mv * a) / d;
    im += (fv * mv * mv * -b) / d;
  }
  return re * re + im * im;
}

/** σ_pp(s), mb, s in GeV² [C-ALP] */
export const sigmaPP = (s: number): number =>
  35.45 + 0.308 * Math.log(s / (5.38 * 5.38)) ** 2 + 42.53 * (1 / s) ** 0.458 - 33.34 * (1 / s) ** 0.545;

/**
 * Blümlein–Brunner quasi-real bremsstrahlung density d²N/(dz dpT²) per POT per ε² (pT² in GeV²),
 * as in ALPINIST dp_brems_functions.py (§6.2 (a)). E_p = 400 GeV.
 */
export function bremsDensity(z: number, pT2: number, mGeV: number): number {
  const Mp = M.p / 1000, m2 = mGeV * mGeV, Ep = 400;
  const H = pT2 + (1 - z) * m2 + z * z * Mp * Mp;
  const w = (ALPHA / (2 * Math.PI * H)) * (
    (1 + (1 - z) ** 2) / z
    - 2 * z * (1 - z) * ((2 * Mp * Mp + m2) / H - (2 * z * z * Mp ** 4) / (H * H))
    + (2 * z * (1 - z) * (1 + (1 - z) ** 2) * Mp * Mp * m2) / (H * H)
    + (2 * z * (1 - z) ** 2 * m2 * m2) / (H * H)
  );
  const s = 2 * Mp * Ep, sp = 2 * Mp * Ep * (1 - z);
  return (sigmaPP(sp) / sigmaPP(s)) * w * formFactor2(mGeV);
}

/** Bremsstrahlung yield N/(ε²·POT) vs m (GeV) from the table of §6.2 (a), log-interpolated [D]. */
const BREMS_YIELD: readonly (readonly [number, number])[] = [
  [0.05, 7.7e-3], [0.1, 7.9e-3], [0.2, 8.4e-3], [0.3, 9.7e-3], [0.4, 1.25e-2], [0.5, 1.93e-2], [0.6, 3.95e-2], [0.7, 1.45e-1],
];
export function bremsYield(mMeV: number): number {
  const m = mMeV / 1000;
  if (m <= BREMS_YIELD[0]![0]) return BREMS_YIELD[0]![1];
  for (let i = 1; i < BREMS_YIELD.length; i++) {
    const [m1, y1] = BREMS_YIELD[i]!, [m0, y0] = BREMS_YIELD[i - 1]!;
    if (m <= m1) return Math.exp(Math.log(y0) + (Math.log(y1 / y0) * (m - m0)) / (m1 - m0));
  }
  return BREMS_YIELD[BREMS_YIELD.length - 1]![1];
}

/** Mesons of §6.2 (b): multiplicity per POT (middle of the [E] range) and spectrum parameters [E]. */
export interface MesonSource {
  readonly name: 'pi0' | 'eta' | 'etaPrime' | 'rho' | 'omega' | 'phi';
  readonly mass: number;
  readonly perPOT: number;
  /** (1 − |x_F|)^n, p_T e^(−p_T/T) */
  readonly n: number;
  readonly T: number;
  /** P → γA' (pseudoscalar) or V → P A' (vector) channels with BR(→γγ) or BR(V→Pγ) and the P mass */
  readonly channels: readonly { readonly kind: 'P->gA'; readonly brGG: number } [] | readonly { readonly kind: 'V->PA'; readonly brPG: number; readonly mP: number }[];
}

export const MESONS: readonly MesonSource[] = [
  { name: 'pi0', mass: M.pi0, perPOT: 4, n: 3.5, T: 160, channels: [{ kind: 'P->gA', brGG: 0.98823 }] },
  { name: 'eta', mass: M.eta, perPOT: 0.42, n: 3, T: 200, channels: [{ kind: 'P->gA', brGG: 0.3941 }] },
  { name: 'etaPrime', mass: M.etaPrime, perPOT: 0.04, n: 3, T: 200, channels: [{ kind: 'P->gA', brGG: 0.0222 }] },
  { name: 'omega', mass: M.omega, perPOT: 0.42, n: 3, T: 200, channels: [{ kind: 'V->PA', brPG: 0.084, mP: M.pi0 }, { kind: 'V->PA', brPG: 4.5e-4, mP: M.eta }] },
  { name: 'rho', mass: M.rho, perPOT: 0.42, n: 3, T: 200, channels: [{ kind: 'V->PA', brPG: 4.7e-4, mP: M.pi0 }, { kind: 'V->PA', brPG: 3e-4, mP: M.eta }] },
  { name: 'phi', mass: M.phi, perPOT: 0.0175, n: 3, T: 200, channels: [{ kind: 'V->PA', brPG: 1.3e-3, mP: M.pi0 }, { kind: 'V->PA', brPG: 0.0103, mP: M.eta }] },
];

/** BR(channel)/ε² for a meson decaying to A' of mass m (MeV), §6.2 (b). */
export function mesonBranching(ch: MesonSource['channels'][number], mesonMass: number, mMeV: number): number {
  if (ch.kind === 'P->gA') {
    if (mMeV >= mesonMass) return 0;
    return 2 * (1 - (mMeV * mMeV) / (mesonMass * mesonMass)) ** 3 * ch.brGG;
  }
  if (mMeV + ch.mP >= mesonMass) return 0;
  const l = kallen(mesonMass ** 2, ch.mP ** 2, mMeV ** 2);
  return ch.brPG * (Math.sqrt(l) / (mesonMass ** 2 - ch.mP ** 2)) ** 3;
}
