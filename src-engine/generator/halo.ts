/**
 * Prompt beam-dump background (na62-analyses.md §6.7): the lepton pair a halo muon (halo-model.ts)
 * makes in material. Where, how often and with which energy share: prompt-material.ts.
 */
import { M } from './constants';
import { decayIsotropic, p4, type P4 } from './lorentz';
import type { Rng } from './rng';
import { diskProbability, inDisk, sampleInDisk, type AngleDisk } from './angle-disk';

/**
 * Importance sampling of the pair direction for the prompt background [method, not physics]: the
 * dump-ee regions keep only pairs whose line points back to the proton beam at the TAX (CDA_TAX <
 * 150 mm, −4 m < Z_TAX < 50 m, A§2.2 item 14 [S]), a small solid angle of the natural emission
 * cone. With probability `share` the angle Δ = s_pair − s_μ is drawn around the offsets that aim the
 * pair at the beam line at one of the points z_T spread over the CR's Z_TAX range (a 2-D Gaussian of
 * σ = 150 mm / (z_vertex − z_T) per axis) or, with probability SR_AIM_SHARE of the aimed draws, over
 * the SR's (σ = 15 mm / (z_vertex − z_T)); the SR gets the larger share because its expectation is
 * the one the background estimate must give to ≤ 10 % (each SR event's weight varies with the natural
 * density at its angle, so only more SR events lower the error),
 * otherwise from the natural density. For a muon whose own direction already points near the CR
 * (crDisk), the CR's share is drawn instead from the natural density restricted to a disk covering
 * the CR's directions: such a muon makes CR pairs at Δ ≈ 0, in the natural density's 1/|Δ| spike,
 * which the Gaussians miss. The weight p(Δ)/q(Δ) is exact because q is that finite mixture (the
 * disk's probability by quadrature, angle-disk.ts). Nothing is excluded (q > 0 wherever p > 0).
 *
 * Measured (the physics report's prompt measure, 10⁶ events, seeds 7–12 and 102): the CR's relative
 * error 13–27 % (median 16 %) with the disk, 17–24 % (median 18 %) without; the SR's 8.5–13 %
 * (median 9.8 %) with it, 9–21 % (median 10 %) without.
 */
export interface PairAim {
  /** share of the proposal aimed at the beam line (the aimed Gaussians and, where it applies, the disk below) */
  readonly share: number;
  /**
   * for the muons whose own direction is within a few σθ of the CR's pair directions, draw the CR's
   * share of the aimed draws from the natural density restricted to a disk covering those
   * directions (angle-disk.ts, crDisk) instead of the CR Gaussians
   */
  readonly crDisk?: boolean;
  /** the pair vertex, mm */
  readonly vertex: { readonly x: number; readonly y: number; readonly z: number };
}
/** proton beam line at the TAX (A§1.2 [C-ALP]); the CR's Z_TAX range and CDA_TAX bound (A§2.2 14 [S]); the SR's (A§3.2 6) */
const BEAM_XY = { x: 0, y: -22 } as const;
const AIM_CR = { z0: -4000, z1: 50_000, cda: 150, nodes: 24 } as const;
const AIM_SR = { z0: 6000, z1: 40_000, cda: 15, nodes: 12 } as const;
export const AIM_NODES = AIM_CR.nodes + AIM_SR.nodes;
/** share of the aimed draws that go at the SR ellipse (the rest at the CR band) */
const SR_AIM_SHARE = 0.8;

/** natural density of the 2-D angle Δ: |Δ| half-normal of scale σθ, azimuth uniform */
export function naturalAngleDensity(dx: number, dy: number, sigTheta: number): number {
  const th = Math.hypot(dx, dy);
  if (th === 0) return Infinity;
  return (Math.sqrt(2 / Math.PI) / sigTheta) * Math.exp(-0.5 * (th / sigTheta) ** 2) / (2 * Math.PI * th);
}

/** the aimed draws go at the CR band or at the SR ellipse (a finer set of Gaussians), SR_AIM_SHARE of them at the SR */
function aimTargets(ux: number, uy: number, v: PairAim['vertex']): { cx: number; cy: number; sig: number }[] {
  const out: { cx: number; cy: number; sig: number }[] = [];
  for (const a of [AIM_CR, AIM_SR]) for (let k = 0; k < a.nodes; k++) {
    const zT = a.z0 + ((a.z1 - a.z0) * (k + 0.5)) / a.nodes, L = v.z - zT;
    out.push({ cx: (v.x - BEAM_XY.x) / L - ux, cy: (v.y - BEAM_XY.y) / L - uy, sig: a.cda / L });
  }
  return out;
}

/** a margin on the disk around the CR's directions for the tracks' measured angles, rad [E] */
const CR_DISK_MARGIN = 5e-4;
/** the disk is used when the muon's direction is within this many σθ of it */
const CR_DISK_REACH = 5;

/**
 * The disk of Δ = s_pair − s_μ that covers every pair direction pointing back within the CR's
 * CDA_TAX of the beam line at a Z_TAX in the CR's range: those directions lie within cda/L of
 * (v − beam)/L for L = z_v − Z_TAX, centres on a segment; the disk is centred on the segment's
 * middle, its radius half the segment plus the largest cda/L and a margin. Undefined when the vertex
 * is not well downstream of the CR's range, or the disk is too far from the natural spike at Δ = 0.
 */
export function crDisk(sigTheta: number, ux: number, uy: number, v: PairAim['vertex']): (AngleDisk & { p: number }) | undefined {
  const L0 = v.z - AIM_CR.z0, L1 = v.z - AIM_CR.z1;
  if (L1 < 5000) return undefined;
  const ox = v.x - BEAM_XY.x, oy = v.y - BEAM_XY.y;
  const mx = (ox / L0 + ox / L1) / 2, my = (oy / L0 + oy / L1) / 2;
  const half = (Math.hypot(ox, oy) * (1 / L1 - 1 / L0)) / 2;
  const D = { cx: mx - ux, cy: my - uy, r: half + AIM_CR.cda / L1 + CR_DISK_MARGIN };
  const d = Math.hypot(D.cx, D.cy);
  if (d - D.r > CR_DISK_REACH * sigTheta) return undefined;
  const p = diskProbability(d, D.r, sigTheta);
  return p > 0 ? { ...D, p } : undefined;
}

/**
 * Draw Δ from the mixture (natural density, the aimed Gaussians and, for muons pointing near the
 * CR, the natural density within crDisk); returns it with the weight p(Δ)/q(Δ).
 */
export function sampleAimedAngle(sigTheta: number, ux: number, uy: number, aim: PairAim, rng: Rng): { dx: number; dy: number; weight: number } {
  const targets = aimTargets(ux, uy, aim.vertex);
  const disk = aim.crDisk ? crDisk(sigTheta, ux, uy, aim.vertex) : undefined;
  // the CR's share of the aimed draws goes to the disk where it applies (the SR's stay as they were)
  const aSr = aim.share * SR_AIM_SHARE, aDisk = disk ? aim.share * (1 - SR_AIM_SHARE) : 0;
  const aCr = aim.share * (1 - SR_AIM_SHARE) - aDisk, aNat = 1 - aim.share;
  let dx: number, dy: number;
  // (the draws in the order the generator made them before the disk: events without it are unchanged)
  if (rng.uniform() < aim.share) {
    const toCr = rng.uniform() >= SR_AIM_SHARE;
    if (toCr && disk) ({ dx, dy } = sampleInDisk(disk, sigTheta, rng));
    else {
      const t = toCr ? targets[rng.int(AIM_CR.nodes)]! : targets[AIM_CR.nodes + rng.int(AIM_SR.nodes)]!;
      dx = t.cx + rng.normal(0, t.sig); dy = t.cy + rng.normal(0, t.sig);
    }
  } else {
    const th = sigTheta * Math.abs(rng.normal()), ph = 2 * Math.PI * rng.uniform();
    dx = th * Math.cos(ph); dy = th * Math.sin(ph);
  }
  const p = naturalAngleDensity(dx, dy, sigTheta);
  // the Gaussians' mixture density, each node with its share of its group's
  let g = 0;
  targets.forEach((t, j) => {
    const group = j < AIM_CR.nodes ? aCr / AIM_CR.nodes : aSr / AIM_SR.nodes;
    g += (group * Math.exp(-0.5 * (((dx - t.cx) ** 2 + (dy - t.cy) ** 2) / (t.sig * t.sig)))) / (2 * Math.PI * t.sig * t.sig);
  });
  // the natural and disk components are both proportional to p: their factor
  const natural = aNat + (disk && inDisk(dx, dy, disk) ? aDisk / disk.p : 0);
  const q = natural * p + g;
  return { dx, dy, weight: Number.isFinite(p) ? p / q : 1 / natural };
}

/**
 * A uniform variable on [lo, hi] drawn half the time from its upper part [cut, hi] (defensive
 * mixture): returns it with p/q. Used for the pair's energy fraction and ln(mass): the pairs that
 * survive dump-ee are the hard (both leptons above 5 GeV/c) and heavy (opening angle enough to
 * leave the beam holes) ones.
 */
export function sampleUpperBiased(lo: number, hi: number, cut: number, rng: Rng): { v: number; weight: number } {
  const v = rng.uniform() < 0.5 ? rng.range(lo, hi) : rng.range(cut, hi);
  return { v, weight: (1 / (hi - lo)) / (0.5 / (hi - lo) + (v >= cut ? 0.5 / (hi - cut) : 0)) };
}

/**
 * A lepton pair radiated by a halo muon: pair mass from a 1/m spectrum between threshold and
 * 300 MeV [E], pair energy a fraction of the muon's (`given.frac`, drawn by the caller from the
 * spectrum of prompt-material.ts; without it U(0.05, 0.5)), emitted along the muon within m/E [E].
 * With `aim` (the biased generator) ln m (and the energy share when not given) is drawn half the time
 * from its upper range and the angle is aimed at the beam line (above); `weight` is the product of
 * the p/q, else 1.
 */
export function promptPair(muon: P4, lepton: number, rng: Rng, aim?: PairAim, given?: { frac: number }): { pair: P4; plus: P4; minus: P4; muonAfter: P4; weight: number } {
  const lo = Math.log(2 * lepton * 1.05), hi = Math.log(300);
  let frac: number, m: number, weight = 1;
  if (aim) {
    const f = given ? { v: given.frac, weight: 1 } : sampleUpperBiased(0.05, 0.5, 0.3, rng), u = sampleUpperBiased(lo, hi, Math.max(lo, Math.log(20)), rng);
    frac = f.v; m = Math.exp(u.v); weight = f.weight * u.weight;
  } else {
    m = Math.exp(rng.range(lo, hi));
    frac = given ? given.frac : rng.range(0.05, 0.5);
  }
  const E = Math.max(muon.e * frac, m * 1.5);
  const pmag = Math.sqrt(E * E - m * m);
  const pm = Math.hypot(muon.px, muon.py, muon.pz);
  const ux = muon.px / pm, uy = muon.py / pm;
  let dx: number, dy: number;
  if (aim) { const a = sampleAimedAngle(m / E, ux, uy, aim, rng); dx = a.dx; dy = a.dy; weight *= a.weight; }
  else {
    const th = (m / E) * Math.abs(rng.normal()), ph = 2 * Math.PI * rng.uniform();
    dx = th * Math.cos(ph); dy = th * Math.sin(ph);
  }
  const sx = ux + dx, sy = uy + dy;
  const pz = pmag / Math.sqrt(1 + sx * sx + sy * sy);
  const pair = p4(sx * pz, sy * pz, pz, m);
  const [plus, minus] = decayIsotropic(pair, lepton, lepton, rng, m);
  const rest = muon.e - E;
  const restP = Math.sqrt(Math.max(rest * rest - M.mu * M.mu, 1));
  const muonAfter = p4((muon.px / pm) * restP, (muon.py / pm) * restP, (muon.pz / pm) * restP, M.mu);
  return { pair, plus, minus, muonAfter, weight };
}
