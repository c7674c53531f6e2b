/**
 * Can a halo muon (a straight line from the reference plane) give a STRAW track at all? A necessary
 * condition taken from the detector response itself (detector/response.ts): it must not be stopped by
 * a LAV ring or the vessel wall upstream of the spectrometer and must cross STRAW chamber 1 inside
 * its acceptance. The biased generators draw muons only among these and multiply by the fraction
 * that pass, measured once with a fixed seed (a pilot of 5·10⁴ draws: 1.6 % uncertainty on the normalisation).
 */
import { inChamber, VESSEL_CHECKS, Z_STRAW1 } from '../detector/response';
import { STRAW_HOLE_CENTRE_X } from '../../src-shared/geometry/straw';
import { LAV_FRONT, LAV_R_IN, LAV_R_OUT } from '../../src-shared/geometry/planes';
import { HALO_SOURCES, haloDensity, haloPositionDensity, haloSourcePositionDensity, probabilityWithin, sampleHalo, sampleHaloWithin, sampleMomentumGiven, Z_HALO_REF, type HaloState } from './halo-model';
import { Rng } from './rng';

const at = (h: HaloState, z: number) => ({ x: h.x + h.sx * (z - Z_HALO_REF), y: h.y + h.sy * (z - Z_HALO_REF) });

export function haloCanBeTracked(h: HaloState): boolean {
  for (let s = 0; s < LAV_FRONT.length && LAV_FRONT[s]! < Z_STRAW1; s++) {
    const q = at(h, LAV_FRONT[s]!), r = Math.hypot(q.x, q.y);
    if (r > LAV_R_IN[s]! && r < LAV_R_OUT[s]!) return false;
  }
  for (const [z, rmax] of VESSEL_CHECKS) {
    if (z > Z_STRAW1) break;
    const q = at(h, z);
    if (Math.hypot(q.x, q.y) > rmax) return false;
  }
  const q = at(h, Z_STRAW1);
  return inChamber(0, q.x, q.y);
}

const fractions = new Map<number, number>();
/** Fraction of the halo muons of charge q that can be tracked (pilot run, fixed seed, cached). */
export function trackableFraction(q: 1 | -1, n = 50_000): number {
  const hit = fractions.get(q);
  if (hit !== undefined) return hit;
  const rng = new Rng(0x4a10, q > 0 ? 1 : 2);
  let k = 0;
  for (let i = 0; i < n; i++) if (haloCanBeTracked(sampleHalo(q, rng))) k++;
  const f = k / n;
  fractions.set(q, f);
  return f;
}

/** Draw a trackable halo muon of charge q (rejection; the weight factor is trackableFraction(q)). */
export function sampleTrackableHalo(q: 1 | -1, rng: Rng): HaloState {
  for (let i = 0; i < 1_000_000; i++) {
    const h = sampleHalo(q, rng);
    if (haloCanBeTracked(h)) return h;
  }
  throw new Error('halo model: no trackable muon in 10⁶ draws');
}

/**
 * Does the muon's line cross STRAW1 within 150 mm of the beam-hole centre (G§12: hole half-size
 * 63.8 mm)? Such a muon escapes the spectrometer, LKr and MUV3 through their beam holes, so the
 * e⁺e⁻ it makes in material can be the only two tracks of the event: the prompt-background topology.
 */
const NEAR_HOLE_RADIUS = 150;
export function haloNearBeamHole(h: HaloState): boolean {
  const q = at(h, Z_STRAW1);
  return Math.hypot(q.x - STRAW_HOLE_CENTRE_X[0]!, q.y) < NEAR_HOLE_RADIUS;
}

const nearFractions = new Map<number, number>();
/** Fraction of the halo muons of charge q near the beam hole (analytic, halo-model.ts probabilityWithin). */
export function nearBeamHoleFraction(q: 1 | -1): number {
  let f = nearFractions.get(q);
  if (f === undefined) nearFractions.set(q, (f = probabilityWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, NEAR_HOLE_RADIUS)));
  return f;
}

/**
 * Inner tier of the prompt proposal: muons whose line crosses STRAW1 inside the beam hole itself
 * (within 90 mm of its centre: the 63.8 mm half-size square and its corners, G§12), most of which leave no track; the
 * e⁺e⁻ pair is then the whole event.
 */
const IN_HOLE_RADIUS = 90;
export function haloInBeamHole(h: HaloState): boolean {
  const q = at(h, Z_STRAW1);
  return Math.hypot(q.x - STRAW_HOLE_CENTRE_X[0]!, q.y) < IN_HOLE_RADIUS;
}
const inFractions = new Map<number, number>();
export function inBeamHoleFraction(q: 1 | -1): number {
  let f = inFractions.get(q);
  if (f === undefined) inFractions.set(q, (f = probabilityWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, IN_HOLE_RADIUS)));
  return f;
}

/** index of the undeflected source, the muons that point back to the dump (halo-model.ts) */
export const TAX_SOURCE = HALO_SOURCES.findIndex((s) => s.name === 'TAX');
const taxInFractions = new Map<number, number>();
/** Fraction of the halo muons of charge q that come from the TAX source and cross STRAW1 in the beam hole. */
export function taxInBeamHoleFraction(q: 1 | -1): number {
  let f = taxInFractions.get(q);
  if (f === undefined) taxInFractions.set(q, (f = probabilityWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, IN_HOLE_RADIUS, TAX_SOURCE)));
  return f;
}

/** Shares of the prompt proposal's tiers; the rest of the draws come from the whole model. */
export interface PromptShares {
  /** muons crossing STRAW1 within 150 mm of the beam-hole centre */
  readonly near: number;
  /** muons through the beam hole itself */
  readonly hole: number;
  /** muons of the TAX source through the beam hole */
  readonly tax?: number;
}

/**
 * Prompt-background proposal (importance sampling), a defensive mixture of tiers: with probability
 * `tax` a muon of the undeflected TAX source through the beam hole, with `hole` any muon through the
 * hole, with `near` one near it, otherwise one from the whole model. The TAX tier exists because the
 * pairs that point back to the dump (the dump-ee SR and CR) are made mostly by muons that do: 6 % of
 * the halo (halo-model.ts) but ~ 80 % of the SR expectation (measured with the tiers without it),
 * so drawing them often is what brings the weights together. The TAX tier draws position and slopes
 * from that source's density and the momentum from the model's conditional f(p | position, slopes),
 * so every tier's density over f is a function of the position alone and the weight is
 *   p/q = 1/(tax·1_in·g_TAX/(P_TAX,in·g) + hole·1_in/F_in + near·1_near/F_near + 1 − tax − hole − near),
 * g the model's position-and-slope density and g_TAX that of the TAX source (with its share).
 * Every muon stays possible (the last term), so nothing is excluded.
 */
export function samplePromptHalo(q: 1 | -1, rng: Rng, shares: PromptShares): { h: HaloState; weight: number } {
  const tax = shares.tax ?? 0, hole = shares.hole, near = shares.near;
  let h: HaloState;
  const u = rng.uniform();
  if (u < tax) {
    const t = sampleHaloWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, IN_HOLE_RADIUS, rng, TAX_SOURCE);
    h = { ...t, p: sampleMomentumGiven(t, rng) };
  } else if (u < tax + hole) h = sampleHaloWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, IN_HOLE_RADIUS, rng);
  else if (u < tax + hole + near) h = sampleHaloWithin(q, Z_STRAW1, STRAW_HOLE_CENTRE_X[0]!, 0, NEAR_HOLE_RADIUS, rng);
  else h = sampleHalo(q, rng);
  const inHole = haloInBeamHole(h);
  const density = (inHole && tax > 0 ? (tax * haloSourcePositionDensity(TAX_SOURCE, h)) / (taxInBeamHoleFraction(q) * haloPositionDensity(h)) : 0)
    + (inHole ? hole / inBeamHoleFraction(q) : 0) + (haloNearBeamHole(h) ? near / nearBeamHoleFraction(q) : 0) + 1 - tax - hole - near;
  return { h, weight: 1 / density };
}

/**
 * Harder muons for the prompt proposal: a pair whose two leptons pass the 5 GeV/c cut needs a muon
 * of several tens of GeV/c, the tail of the spectrum. Half the time the momentum drawn with the
 * muon (which follows f(p | position, slopes), the source mixture's conditional) is replaced by one
 * from a harder spectrum, 5 GeV/c + Exp(HARD_P_MEAN) up to 150 GeV/c; the weight f/q with
 * q = ½f + ½·hard is exact.
 */
const P_LO = 5000, P_HI = 150_000, HARD_P_MEAN = 40_000;
const hardDensity = (p: number) => (p < P_LO || p > P_HI ? 0 : Math.exp(-(p - P_LO) / HARD_P_MEAN) / (HARD_P_MEAN * -Math.expm1(-(P_HI - P_LO) / HARD_P_MEAN)));
export function hardenMomentum(h: HaloState, rng: Rng): { h: HaloState; weight: number } {
  const p = rng.uniform() < 0.5 ? h.p : P_LO - HARD_P_MEAN * Math.log1p(-rng.uniform() * -Math.expm1(-(P_HI - P_LO) / HARD_P_MEAN));
  const out = { ...h, p };
  const f = haloDensity(out) / haloPositionDensity(out);
  return { h: out, weight: f / (0.5 * f + 0.5 * hardDensity(p)) };
}
