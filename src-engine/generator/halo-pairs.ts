/**
 * Combinatorial halo-muon pairs (A§2.4 [S]: "random pairing of halo muons from interactions of
 * uncorrelated protons"), with their expected number in the 2021 dump sample.
 *
 * Normalisation, derived and not fitted per event:
 *   N_pairs(|Δt| < τ) = N_spills · R₊ · R₋ · T_eff · 2τ,   N_spills = N_POT / POT per spill,
 * R± = the rate of μ± of the halo model (halo-model.ts) during the effective spill T_eff.
 * Each generated pair carries N_pairs(τ) · w_geo / n, where w_geo is 1 for natural sampling and the
 * importance weight below for biased sampling.
 *
 * Biased sampling (importance sampling; the reason: only ~ 1e-9 of the random pairs reach the CR):
 *  1. the time coincidence is forced: Δt uniform in ±τ_b with τ_b = 2.5 ns, wide enough for the
 *     |Δt| < 1 ns cut after a 0.28 ns resolution (√2 × 0.2 ns, A§6.5), instead of the ±5 ns readout;
 *  2. the vertex is forced: the μ⁺ is drawn among the trackable muons (halo-acceptance.ts, × that
 *     fraction); a point z_v uniform in [95, 190] m is chosen on its line, the μ⁻'s slopes and momentum
 *     are drawn from a defensive mixture (proposalDensity below) and its position is set so that it
 *     passes within ρ = 25 mm of the μ⁺ at z_v (uniform in the disc). The proposal density of the μ⁻
 *     is the mixture integrated over the z_v that could have produced it, i.e. over the interval of
 *     [95, 190] m where the two lines are closer than ρ (a quadratic in z, solved exactly), and the
 *     weight is w_geo = f(μ⁻)/q with f the model density. E[w_geo · 1_A] equals the natural
 *     probability of A for any set A of pairs inside the support: pairs whose lines come within
 *     ρ of each other between 95 and 190 m, which contains every pair the dump selections keep
 *     (two-track CDA < 10 mm and vertex in 102.5–180 m, after a resolution of a few mm).
 * test/unit/halo-pairs.test.ts checks the biased and natural generators against each other.
 */
import { HALO_SOURCES, haloDensity, pointingSlopeMean, sampleHalo, sampleSlopeMomentum, sampleSourceMomentum, slopeMomentumDensity, sourceMomentumDensity, Z_HALO_REF, type HaloState } from './halo-model';
import { haloCanBeTracked, sampleTrackableHalo, trackableFraction } from './halo-acceptance';
import { N_POT_2021, POT_PER_SPILL, SPILL_EFFECTIVE_NS } from './constants';
import type { Rng } from './rng';

/**
 * Halo muons per POT in the halo model's population (both charges, equal shares) [E]. The dump-mode
 * halo flux is not in the reference (G§23); NA62's kaon-mode halo is 135 MHz at nominal intensity
 * (G§23, NA62MC files), i.e. ~ 1e-4 per proton, and the dump-mode sweeping removes most of it. This value
 * is the one global constant set against the published CR expectation of the μμ analysis (A§2.4,
 * 0.17 ± 0.02); the SR expectation, the shape over the CDA_TAX–Z_TAX plane and the prompt backgrounds
 * then follow from the model.
 */
export const HALO_MUONS_PER_POT = 5.0e-8;

/** Readout window of the natural generator (A§6.7 [E]) and the forced coincidence of the biased one. */
export const NATURAL_WINDOW_NS = 5;
export const BIASED_WINDOW_NS = 1.8;
const Z_V_LO = 95_000, Z_V_HI = 190_000, RHO = 25;
/**
 * The μ⁻ slope proposal, a defensive mixture: the model's marginal (share 0.2, bounds the weights),
 * slopes near the μ⁺'s (NEAR_SHARE, σ NEAR_SIGMA per axis: a kept pair has two trackable, roughly
 * parallel muons), and slopes pointing back from the crossing point to one of the sources' origins
 * (POINT_SHARE, sources equally: the position–angle correlation of the model, which the pairs that
 * point to the TAX, hence to the SR, need).
 */
const NEAR_SHARE = 0.25, NEAR_SIGMA = 3e-3, POINT_SHARE = 0.6;
/** Gauss–Legendre nodes and weights on [−1, 1], 8 points */
const GL_X = [-0.9602898565, -0.7966664774, -0.5255324099, -0.1834346425, 0.1834346425, 0.5255324099, 0.7966664774, 0.9602898565];
const GL_W = [0.1012285363, 0.2223810345, 0.3137066459, 0.3626837834, 0.3626837834, 0.3137066459, 0.2223810345, 0.1012285363];
const INV_2PI = 1 / (2 * Math.PI);

/** Expected opposite-sign pairs with |Δt| < τ in the 2021 sample. */
export function pairsWithin(tauNs: number, muonsPerPot = HALO_MUONS_PER_POT): number {
  const spills = N_POT_2021 / POT_PER_SPILL;
  const perSpill = muonsPerPot * POT_PER_SPILL;
  const rate = perSpill / 2 / SPILL_EFFECTIVE_NS; // per charge, per ns
  return spills * rate * rate * SPILL_EFFECTIVE_NS * 2 * tauNs;
}

export interface HaloPair {
  readonly plus: HaloState;
  readonly minus: HaloState;
  /** μ⁻ time minus μ⁺ time, ns */
  readonly dt: number;
  /** importance weight w_geo (1 for natural sampling) */
  readonly wGeo: number;
}

/** Two independent muons and a time difference uniform in ±NATURAL_WINDOW_NS. */
export function naturalPair(rng: Rng): HaloPair {
  const plus = sampleHalo(1, rng), minus = sampleHalo(-1, rng);
  return { plus, minus, dt: rng.range(-NATURAL_WINDOW_NS, NATURAL_WINDOW_NS), wGeo: 1 };
}

/** Length of the z range within [lo, hi] where two lines (at the reference plane) are closer than ρ. */
export function closeLength(a: HaloState, b: HaloState, lo = Z_V_LO, hi = Z_V_HI, rho = RHO): number {
  const i = closeInterval(a, b, lo, hi, rho);
  return i ? i[1] - i[0] : 0;
}

/** That z range itself (absolute z), or undefined when empty. */
export function closeInterval(a: HaloState, b: HaloState, lo = Z_V_LO, hi = Z_V_HI, rho = RHO): [number, number] | undefined {
  const drx = b.x - a.x, dry = b.y - a.y, dsx = b.sx - a.sx, dsy = b.sy - a.sy;
  const A = dsx * dsx + dsy * dsy, B = 2 * (drx * dsx + dry * dsy), C = drx * drx + dry * dry - rho * rho;
  const u0 = lo - Z_HALO_REF, u1 = hi - Z_HALO_REF;
  if (A < 1e-30) return C < 0 ? [lo, hi] : undefined;
  const disc = B * B - 4 * A * C;
  if (disc <= 0) return undefined;
  const sq = Math.sqrt(disc);
  const r0 = Math.max((-B - sq) / (2 * A), u0), r1 = Math.min((-B + sq) / (2 * A), u1);
  return r1 > r0 ? [r0 + Z_HALO_REF, r1 + Z_HALO_REF] : undefined;
}

const gauss2 = (x: number, y: number, mx: number, my: number, sg: number) => (INV_2PI / (sg * sg)) * Math.exp(-0.5 * ((x - mx) ** 2 + (y - my) ** 2) / (sg * sg));

/**
 * The proposal density of the μ⁻ (per mm² rad² MeV/c at the reference plane), integrated over the
 * crossing point z_v: q = (1/Δz πρ²) ∫_I [ (1 − NEAR − POINT)·q_sp(s, p) + NEAR·f_p(p)·N(s; s₊, σ)
 * + POINT·Σ_k f_p,k(p)·N(s; pointing_k(X(z), z))/K ] dz over the interval I where the lines are
 * within ρ (the first two do not depend on z: their integral is the length of I; the third by
 * 8-point Gauss–Legendre).
 */
function proposalDensity(plus: HaloState, minus: HaloState, interval: [number, number]): number {
  const { sx, sy, p } = minus;
  const len = interval[1] - interval[0];
  const marg = slopeMomentumDensity(-1, sx, sy, p);
  const near = slopeMomentumDensity(-1, NaN, NaN, p, true) * gauss2(sx, sy, plus.sx, plus.sy, NEAR_SIGMA);
  let point = 0;
  const half = len / 2, mid = (interval[0] + interval[1]) / 2;
  for (let k = 0; k < HALO_SOURCES.length; k++) {
    let integral = 0;
    for (let g = 0; g < GL_X.length; g++) {
      const z = mid + half * GL_X[g]!, u = z - Z_HALO_REF;
      const m = pointingSlopeMean(k, -1, minus.x + sx * u, minus.y + sy * u, z);
      integral += GL_W[g]! * half * gauss2(sx, sy, m.mx, m.my, m.sigma);
    }
    point += (sourceMomentumDensity(k, p) * integral) / HALO_SOURCES.length;
  }
  return ((1 - NEAR_SHARE - POINT_SHARE) * marg * len + NEAR_SHARE * near * len + POINT_SHARE * point) / ((Z_V_HI - Z_V_LO) * Math.PI * RHO * RHO);
}

/** A μ⁺μ⁻ pair forced to cross within ρ in the decay region and to coincide in time, with its weight. */
export function biasedPair(rng: Rng): HaloPair {
  const plus = sampleTrackableHalo(1, rng);
  const zv = rng.range(Z_V_LO, Z_V_HI), u = zv - Z_HALO_REF;
  const rr = RHO * Math.sqrt(rng.uniform()), ph = 2 * Math.PI * rng.uniform();
  const px = plus.x + plus.sx * u + rr * Math.cos(ph), py = plus.y + plus.sy * u + rr * Math.sin(ph);
  let sp: { sx: number; sy: number; p: number };
  const c = rng.uniform();
  if (c < NEAR_SHARE) {
    sp = { sx: rng.normal(plus.sx, NEAR_SIGMA), sy: rng.normal(plus.sy, NEAR_SIGMA), p: sampleSlopeMomentum(-1, rng).p };
  } else if (c < NEAR_SHARE + POINT_SHARE) {
    const k = rng.int(HALO_SOURCES.length), m = pointingSlopeMean(k, -1, px, py, zv);
    sp = { sx: rng.normal(m.mx, m.sigma), sy: rng.normal(m.my, m.sigma), p: sampleSourceMomentum(k, rng) };
  } else sp = sampleSlopeMomentum(-1, rng);
  const minus: HaloState = { q: -1, x: px - sp.sx * u, y: py - sp.sy * u, sx: sp.sx, sy: sp.sy, p: sp.p };
  let wGeo = 0;
  const interval = haloCanBeTracked(minus) ? closeInterval(plus, minus) : undefined;
  if (interval) {
    const q = proposalDensity(plus, minus, interval);
    wGeo = q > 0 ? (trackableFraction(1) * haloDensity(minus)) / q : 0;
  }
  return { plus, minus, dt: rng.range(-BIASED_WINDOW_NS, BIASED_WINDOW_NS), wGeo };
}
