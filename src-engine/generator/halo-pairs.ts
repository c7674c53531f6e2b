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
 *  1. the time coincidence is forced: Δt uniform in ±τ_b with τ_b = 1.8 ns, wide enough for the
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
import { aimedSlopeDensity, CR_AIM, sampleAimedSlopes, SR_AIM } from './halo-pair-aim';
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
 * The μ⁻ slope proposal, a defensive mixture: the model's marginal (the rest of the shares, bounds
 * the weights), slopes near the μ⁺'s (`near`, σ NEAR_SIGMA per axis: a kept pair has two trackable,
 * roughly parallel muons), slopes pointing back from the crossing point to one of the sources'
 * origins (`point`, sources equally: the position–angle correlation of the model), and slopes that
 * make the pair's summed momentum point back at the proton beam on the TAX (`aim` over the SR,
 * `aimCr` broadly over the CR; halo-pair-aim.ts): the SR is where the pair, not each muon, points to
 * the TAX, and random pairs of any two sources get there.
 */
const NEAR_SIGMA = 3e-3;
/** Shares of the μ⁻ proposal's parts; the model's marginal takes the rest. */
export interface PairProposal {
  /** slopes near the μ⁺'s */
  readonly near: number;
  /** slopes pointing back to a source's origin */
  readonly point: number;
  /** slopes that aim the pair's summed momentum at the proton beam on the TAX in the SR (halo-pair-aim.ts) */
  readonly aim: number;
  /** the same, aimed broadly over the CR */
  readonly aimCr: number;
}
/**
 * The shares used (the marginal keeps 0.1). Generator 1.4 had near 0.25, point 0.6 and no aim: its
 * SR pairs were 2 % of the selected ones and their weights spread (effective sample size 0.2 of
 * their number; the five largest, each with a μ⁻ last deflected in B1B/B1C, carried 60 % of Σw²),
 * 8.7–10.8 % error at 10⁶ pairs over four seeds; with the aims 2.5–3.1 % on the SR and 2.5–2.6 % on
 * the CR, the SR holding 17 % of the selected pairs (README, physics).
 */
export const PAIR_PROPOSAL: PairProposal = { near: 0.1, point: 0.3, aim: 0.3, aimCr: 0.2 };
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
 * The parts of the proposal density of the μ⁻ (each per mm² rad² MeV/c at the reference plane and
 * normalised), integrated over the crossing point z_v: (1/Δz πρ²) ∫_I part dz over the interval I
 * where the lines are within ρ, with the parts q_sp(s, p) (marginal), f_p(p)·N(s; s₊, σ) (near),
 * Σ_k f_p,k(p)·N(s; pointing_k(X(z), z))/K (point) and f_p(p)·a(s | X(z), z, μ⁺) (the aims,
 * halo-pair-aim.ts). The first two do not depend on z: their integral is the length of I; the others
 * by 8-point Gauss–Legendre, which agrees with a 4000-step midpoint sum to < 10⁻⁶ on the pairs that
 * point to the TAX (the integrands are smooth over I).
 */
export function proposalDensities(plus: HaloState, minus: HaloState, interval: [number, number]): { marg: number; near: number; point: number; aim: number; aimCr: number } {
  const { sx, sy, p } = minus;
  const len = interval[1] - interval[0], norm = (Z_V_HI - Z_V_LO) * Math.PI * RHO * RHO;
  const marg = slopeMomentumDensity(-1, sx, sy, p);
  const fp = slopeMomentumDensity(-1, NaN, NaN, p, true);
  const near = fp * gauss2(sx, sy, plus.sx, plus.sy, NEAR_SIGMA);
  let point = 0, aim = 0, aimCr = 0;
  const half = len / 2, mid = (interval[0] + interval[1]) / 2;
  const pk = HALO_SOURCES.map((_, k) => sourceMomentumDensity(k, p));
  for (let g = 0; g < GL_X.length; g++) {
    const z = mid + half * GL_X[g]!, u = z - Z_HALO_REF, X = minus.x + sx * u, Y = minus.y + sy * u;
    for (let k = 0; k < HALO_SOURCES.length; k++) {
      const m = pointingSlopeMean(k, -1, X, Y, z);
      point += (GL_W[g]! * half * pk[k]! * gauss2(sx, sy, m.mx, m.my, m.sigma)) / HALO_SOURCES.length;
    }
    aim += GL_W[g]! * half * fp * aimedSlopeDensity(SR_AIM, sx, sy, plus.sx, plus.sy, plus.p, p, X, Y, z);
    aimCr += GL_W[g]! * half * fp * aimedSlopeDensity(CR_AIM, sx, sy, plus.sx, plus.sy, plus.p, p, X, Y, z);
  }
  return { marg: (marg * len) / norm, near: (near * len) / norm, point: point / norm, aim: aim / norm, aimCr: aimCr / norm };
}

/** The mixture's density: Σ share · part, the marginal taking 1 − near − point − aim − aimCr. */
export function proposalDensity(plus: HaloState, minus: HaloState, interval: [number, number], shares: PairProposal = PAIR_PROPOSAL): number {
  const d = proposalDensities(plus, minus, interval);
  return (1 - shares.near - shares.point - shares.aim - shares.aimCr) * d.marg + shares.near * d.near + shares.point * d.point + shares.aim * d.aim + shares.aimCr * d.aimCr;
}

/** A μ⁺μ⁻ pair forced to cross within ρ in the decay region and to coincide in time, with its weight. */
export function biasedPair(rng: Rng, shares: PairProposal = PAIR_PROPOSAL): HaloPair {
  const plus = sampleTrackableHalo(1, rng);
  const zv = rng.range(Z_V_LO, Z_V_HI), u = zv - Z_HALO_REF;
  const rr = RHO * Math.sqrt(rng.uniform()), ph = 2 * Math.PI * rng.uniform();
  const px = plus.x + plus.sx * u + rr * Math.cos(ph), py = plus.y + plus.sy * u + rr * Math.sin(ph);
  let sp: { sx: number; sy: number; p: number };
  const c = rng.uniform();
  if (c < shares.near) {
    sp = { sx: rng.normal(plus.sx, NEAR_SIGMA), sy: rng.normal(plus.sy, NEAR_SIGMA), p: sampleSlopeMomentum(-1, rng).p };
  } else if (c < shares.near + shares.point) {
    const k = rng.int(HALO_SOURCES.length), m = pointingSlopeMean(k, -1, px, py, zv);
    sp = { sx: rng.normal(m.mx, m.sigma), sy: rng.normal(m.my, m.sigma), p: sampleSourceMomentum(k, rng) };
  } else if (c < shares.near + shares.point + shares.aim + shares.aimCr) {
    const p = sampleSlopeMomentum(-1, rng).p, aim = c < shares.near + shares.point + shares.aim ? SR_AIM : CR_AIM;
    sp = { ...sampleAimedSlopes(aim, plus.sx, plus.sy, plus.p, p, px, py, zv, rng), p };
  } else sp = sampleSlopeMomentum(-1, rng);
  const minus: HaloState = { q: -1, x: px - sp.sx * u, y: py - sp.sy * u, sx: sp.sx, sy: sp.sy, p: sp.p };
  let wGeo = 0;
  const interval = haloCanBeTracked(minus) ? closeInterval(plus, minus) : undefined;
  if (interval) {
    const q = proposalDensity(plus, minus, interval, shares);
    wGeo = q > 0 ? (trackableFraction(1) * haloDensity(minus)) / q : 0;
  }
  return { plus, minus, dt: rng.range(-BIASED_WINDOW_NS, BIASED_WINDOW_NS), wGeo };
}
