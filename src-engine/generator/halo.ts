/**
 * Prompt beam-dump background (na62-analyses.md §6.7, all [E]): what a halo muon (halo-model.ts) does in material.
 */
import { M } from './constants';
import { decayIsotropic, p4, type P4 } from './lorentz';
import type { Rng } from './rng';

/** Where a prompt pair is made: 70 % in the material at 102.4–105.1 m (final collimator, window, ANTI0 region), 30 % at a LAV flange [E]. */
export function promptInteractionZ(rng: Rng, lavFronts: readonly number[]): number {
  if (rng.uniform() < 0.7) return rng.range(102_400, 105_100);
  return lavFronts[rng.int(8)]! - 200;
}

/**
 * A lepton pair radiated by a halo muon: pair mass from a 1/m spectrum between threshold and
 * 300 MeV, pair energy a fraction U(0.05, 0.5) of the muon's, emitted along the muon within m/E [E].
 */
export function promptPair(muon: P4, lepton: number, rng: Rng): { pair: P4; plus: P4; minus: P4; muonAfter: P4 } {
  const lo = Math.log(2 * lepton * 1.05), hi = Math.log(300);
  const m = Math.exp(rng.range(lo, hi));
  const frac = rng.range(0.05, 0.5);
  const E = Math.max(muon.e * frac, m * 1.5);
  const pmag = Math.sqrt(E * E - m * m);
  const th = (m / E) * Math.abs(rng.normal()), ph = 2 * Math.PI * rng.uniform();
  const pm = Math.hypot(muon.px, muon.py, muon.pz);
  const ux = muon.px / pm, uy = muon.py / pm;
  const sx = ux + th * Math.cos(ph), sy = uy + th * Math.sin(ph);
  const pz = pmag / Math.sqrt(1 + sx * sx + sy * sy);
  const pair = p4(sx * pz, sy * pz, pz, m);
  const [plus, minus] = decayIsotropic(pair, lepton, lepton, rng, m);
  const rest = muon.e - E;
  const restP = Math.sqrt(Math.max(rest * rest - M.mu * M.mu, 1));
  const muonAfter = p4((muon.px / pm) * restP, (muon.py / pm) * restP, (muon.pz / pm) * restP, M.mu);
  return { pair, plus, minus, muonAfter };
}
