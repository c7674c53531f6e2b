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
 *  2. the vertex is forced: the μ⁺ is drawn from the model; a point z_v uniform in [95, 190] m is chosen
 *     on its line, the μ⁻'s slopes and momentum are drawn from the model's marginal q_sp(s, p) and its
 *     position is set so that it passes within ρ = 25 mm of the μ⁺ at z_v (uniform in the disc).
 *     The proposal density of the μ⁻ is then q = q_sp(s, p) · ℓ / (Δz · πρ²), ℓ = the length of
 *     [95, 190] m over which the two lines are closer than ρ (a quadratic in z, solved exactly), and
 *     the weight is w_geo = f(μ⁻)/q with f the model density. E[w_geo · 1_A] equals the natural
 *     probability of A for any set A of pairs inside the support: pairs whose lines come within
 *     ρ of each other between 95 and 190 m, which contains every pair the dump selections keep
 *     (two-track CDA < 10 mm and vertex in 102.5–180 m, after a resolution of a few mm).
 * test/unit/halo-pairs.test.ts checks the biased and natural generators against each other.
 */
import { haloDensity, sampleHalo, sampleSlopeMomentum, slopeMomentumDensity, Z_HALO_REF, type HaloState } from './halo-model';
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
export const HALO_MUONS_PER_POT = 3.9e-8;

/** Readout window of the natural generator (A§6.7 [E]) and the forced coincidence of the biased one. */
export const NATURAL_WINDOW_NS = 5;
export const BIASED_WINDOW_NS = 1.8;
const Z_V_LO = 95_000, Z_V_HI = 190_000, RHO = 25;
/** share of the μ⁻ proposal drawn around the μ⁺ slope, and that proposal's σ per axis (rad) */
const NEAR_SHARE = 0.8, NEAR_SIGMA = 3e-3;
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
  const drx = b.x - a.x, dry = b.y - a.y, dsx = b.sx - a.sx, dsy = b.sy - a.sy;
  const A = dsx * dsx + dsy * dsy, B = 2 * (drx * dsx + dry * dsy), C = drx * drx + dry * dry - rho * rho;
  const u0 = lo - Z_HALO_REF, u1 = hi - Z_HALO_REF;
  if (A < 1e-30) return C < 0 ? u1 - u0 : 0;
  const disc = B * B - 4 * A * C;
  if (disc <= 0) return 0;
  const sq = Math.sqrt(disc);
  const r0 = (-B - sq) / (2 * A), r1 = (-B + sq) / (2 * A);
  return Math.max(0, Math.min(r1, u1) - Math.max(r0, u0));
}

/**
 * Density of the μ⁻ slope–momentum proposal: a defensive mixture of the model's marginal q_sp (share
 * 1 − NEAR_SHARE, which bounds the weights) and slopes near the μ⁺'s (NEAR_SHARE, momentum from the
 * model), since a pair the detector keeps has two trackable, hence roughly parallel, muons.
 */
function proposalDensity(plus: HaloState, sx: number, sy: number, p: number): number {
  const marg = slopeMomentumDensity(-1, sx, sy, p);
  // the momentum density of the near component: the model's, summed over slopes (the marginal at any slope divided by its slope factor is not separable, so draw p from the model's p marginal)
  const near = momentumMarginal(p) * INV_2PI / (NEAR_SIGMA * NEAR_SIGMA) * Math.exp(-0.5 * ((sx - plus.sx) ** 2 + (sy - plus.sy) ** 2) / (NEAR_SIGMA * NEAR_SIGMA));
  return (1 - NEAR_SHARE) * marg + NEAR_SHARE * near;
}

/** momentum marginal of the μ⁻ model (slopes integrated out) */
function momentumMarginal(p: number): number {
  // ∫ q_sp ds = p density of the mixture; evaluate q_sp at its own slope means is not enough, so integrate analytically: each source's slope Gaussian integrates to 1
  return slopeMomentumDensity(-1, NaN, NaN, p, true);
}

/** A μ⁺μ⁻ pair forced to cross within ρ in the decay region and to coincide in time, with its weight. */
export function biasedPair(rng: Rng): HaloPair {
  const plus = sampleTrackableHalo(1, rng);
  const zv = rng.range(Z_V_LO, Z_V_HI), u = zv - Z_HALO_REF;
  const rr = RHO * Math.sqrt(rng.uniform()), ph = 2 * Math.PI * rng.uniform();
  const px = plus.x + plus.sx * u + rr * Math.cos(ph), py = plus.y + plus.sy * u + rr * Math.sin(ph);
  let sp: { sx: number; sy: number; p: number };
  if (rng.uniform() < NEAR_SHARE) {
    const m = sampleSlopeMomentum(-1, rng);
    sp = { sx: rng.normal(plus.sx, NEAR_SIGMA), sy: rng.normal(plus.sy, NEAR_SIGMA), p: m.p };
  } else sp = sampleSlopeMomentum(-1, rng);
  const minus: HaloState = { q: -1, x: px - sp.sx * u, y: py - sp.sy * u, sx: sp.sx, sy: sp.sy, p: sp.p };
  let wGeo = 0;
  if (haloCanBeTracked(minus)) {
    const len = closeLength(plus, minus);
    const q = proposalDensity(plus, sp.sx, sp.sy, sp.p) * len / ((Z_V_HI - Z_V_LO) * Math.PI * RHO * RHO);
    wGeo = q > 0 ? (trackableFraction(1) * haloDensity(minus)) / q : 0;
  }
  return { plus, minus, dt: rng.range(-BIASED_WINDOW_NS, BIASED_WINDOW_NS), wGeo };
}
