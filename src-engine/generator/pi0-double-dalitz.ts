/**
 * π0 → e+e−e+e− (double Dalitz), leading order, direct term (na62-analyses.md §6.6, after
 * NA62MC Generator/pi0DDalitz.cc by T. Husek [C-fw]). Virtual-photon masses s1, s2 are drawn
 * log-uniformly, the pair angles uniformly, and accepted against the matrix-element weight W.
 */
import { M } from './constants';
import { alignZ, boost, kallen, p4, type P4 } from './lorentz';
import type { Rng } from './rng';

const ME = M.e;
const MV = 770; // VMD ρ mass in the form factor, MeV (as in NA62MC)
const W_MAX = 2.2; // §6.6

const ff = (s: number) => (MV * MV) / (MV * MV - s);

/** The weight W of §6.6 (masses in MeV, s in MeV²). */
export function doubleDalitzWeight(Mpi: number, s1: number, s2: number, c1: number, c2: number, phi: number): number {
  const l = kallen(Mpi * Mpi, s1, s2);
  if (l <= 0) return 0;
  const b1 = Math.sqrt(1 - (4 * ME * ME) / s1), b2 = Math.sqrt(1 - (4 * ME * ME) / s2);
  const f = ff(s1) * ff(s2);
  const bracket = 2 - b1 * b1 - b2 * b2 + b1 * b1 * c1 * c1 + b2 * b2 * c2 * c2 + b1 * b1 * b2 * b2 * (1 - c1 * c1) * (1 - c2 * c2) * Math.sin(phi) ** 2;
  return (Math.pow(l, 1.5) / Mpi ** 6) * f * f * b1 * b2 * bracket;
}

export interface DalitzPairs {
  /** [e+, e−] of the first and second virtual photon */
  readonly pair1: [P4, P4];
  readonly pair2: [P4, P4];
  readonly s1: number;
  readonly s2: number;
}

/** e+ and e− of γ* → e+e− in the γ* frame: e+ at polar angle acos(c) from +z, azimuth phi. */
function pairInRestFrame(s: number, c: number, phi: number): [P4, P4] {
  const q = Math.sqrt(s / 4 - ME * ME);
  const sn = Math.sqrt(1 - c * c);
  const ex = q * sn * Math.cos(phi), ey = q * sn * Math.sin(phi), ez = q * c;
  return [p4(ex, ey, ez, ME), p4(-ex, -ey, -ez, ME)];
}

/** One decay of a π0 with lab four-momentum `pi0`. */
export function samplePi0DoubleDalitz(pi0: P4, rng: Rng, Mpi = M.pi0): DalitzPairs {
  const lo = Math.log(4 * ME * ME), hi = Math.log((Mpi - 2 * ME) ** 2);
  for (let tries = 0; tries < 1_000_000; tries++) {
    const s1 = Math.exp(rng.range(lo, hi)), s2 = Math.exp(rng.range(lo, hi));
    if (Math.sqrt(s1) + Math.sqrt(s2) >= Mpi) continue;
    const c1 = rng.range(-1, 1), c2 = rng.range(-1, 1), phi = rng.range(0, 2 * Math.PI);
    const w = doubleDalitzWeight(Mpi, s1, s2, c1, c2, phi);
    if (rng.uniform() * W_MAX >= w) continue;
    // γ*1 along +z, γ*2 along −z in the π0 frame
    const q = Math.sqrt(kallen(Mpi * Mpi, s1, s2)) / (2 * Mpi);
    const g1 = p4(0, 0, q, Math.sqrt(s1)), g2 = p4(0, 0, -q, Math.sqrt(s2));
    const phi1 = rng.range(0, 2 * Math.PI);
    // θ2 is measured from γ*2's own direction (−z): cos from +z is −c2; the decay planes differ by φ in azimuth
    const [a1, b1] = pairInRestFrame(s1, c1, phi1);
    const [a2, b2] = pairInRestFrame(s2, -c2, phi1 + phi);
    const m1 = Math.sqrt(s1), m2 = Math.sqrt(s2);
    const pairs = [boost(a1, g1, m1), boost(b1, g1, m1), boost(a2, g2, m2), boost(b2, g2, m2)];
    // random orientation, then to the lab
    const [ux, uy, uz] = rng.isotropic();
    const spin = rng.range(0, 2 * Math.PI);
    const cs = Math.cos(spin), sn = Math.sin(spin);
    const lab = pairs.map((p) => boost(alignZ({ px: cs * p.px - sn * p.py, py: sn * p.px + cs * p.py, pz: p.pz, e: p.e }, ux, uy, uz), pi0, Mpi));
    return { pair1: [lab[0]!, lab[1]!], pair2: [lab[2]!, lab[3]!], s1, s2 };
  }
  throw new Error('π0 double-Dalitz sampler did not converge');
}
