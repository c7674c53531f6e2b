/**
 * The "aimed" part of the biased μ⁻ proposal of the combinatorial pairs (halo-pairs.ts): slopes that
 * make the pair's summed momentum point back at the proton beam on the TAX, where the dump-mumu
 * signal region is (CDA_TAX < 20 mm, 6 < Z_TAX < 40 m, A§2.2 item 13 [S]).
 *
 * Why: random pairs spread flat over the CDA_TAX–Z_TAX plane (A§2.4 [S]), so only ~ 2 % of the
 * selected biased pairs of generator 1.4 fell in the SR, with a wide spread of weights; the SR's
 * statistical error at 10⁶ pairs was 8.7–10.8 %. Every source pairs with every other in the SR
 * (pairs of two B1B/B1C muons made 30 % of it, mixed pairs 48 %), so the aim is made on the pair's
 * summed momentum, not on a source's origin.
 *
 * Given the μ⁺ (slopes s₊, momentum p₊), the crossing point V = (P, z_v) and the μ⁻ momentum p₋
 * (drawn from the model's marginal), the summed direction S is drawn on the lines from V back to the
 * beam on the TAX, b = TAX_BEAM, at z_T: S = (P − b)·t + ε with t = 1/(z_v − z_T) uniform in
 * [1/(z_v − Z_T,lo), 1/(z_v − Z_T,hi)] and ε ~ N(0, σ_a) per axis (a spread of ~ σ_a·(z_v − z_T)
 * at the TAX). The μ⁻ slopes are then s₋ = A·S − B with A = (p₊ + p₋)/p₋, B = p₊·s₊/p₋ (the summed
 * slope of two small-angle tracks is (p₊s₊ + p₋s₋)/(p₊ + p₋)). Given (V, p₋) s₋ is a uniform
 * segment convolved with an isotropic Gaussian of σ = A·σ_a, whose density is closed-form
 * (aimedSlopeDensity): no approximation enters the weight from this step.
 */
import { TAX_BEAM } from '../../src-shared/physics/tax';
import type { Rng } from './rng';
import { normalMass } from './normal';

/** An aim: the Z_TAX range [zLo, zHi] (mm) and the angular spread σ_a per axis (rad) of the summed direction. */
export interface Aim { readonly zLo: number; readonly zHi: number; readonly sigma: number }
/** the SR's 6–40 m with 3 m on each side for the resolution; σ_a = 0.15 mrad is 11–25 mm at the TAX from the decay volume [E] */
export const SR_AIM: Aim = { zLo: 3_000, zHi: 43_000, sigma: 1.5e-4 };
/** the CR's −4…50 m and CDA_TAX < 150 mm (A§2.2 item 14 [S]) with 4 m on each side; 0.8 mrad is 60–130 mm at the TAX [E] */
export const CR_AIM: Aim = { zLo: -8_000, zHi: 54_000, sigma: 8e-4 };

/** The t range of the aim for a crossing at z_v (t = 1/(z_v − z_T)). */
const tRange = (aim: Aim, zv: number): [number, number] => [1 / (zv - aim.zLo), 1 / (zv - aim.zHi)];

/** The segment c + a·t (t in [t₀, t₁]) and the noise σ of the μ⁻ slopes for this crossing and momenta. */
function segment(aim: Aim, plusSx: number, plusSy: number, pPlus: number, pMinus: number, vx: number, vy: number, zv: number) {
  const A = (pPlus + pMinus) / pMinus, [t0, t1] = tRange(aim, zv);
  return { ax: A * (vx - TAX_BEAM.x), ay: A * (vy - TAX_BEAM.y), cx: (-pPlus * plusSx) / pMinus, cy: (-pPlus * plusSy) / pMinus, t0, t1, sigma: A * aim.sigma };
}

/** Draw the μ⁻ slopes aimed at the TAX (see above), for a crossing at (vx, vy, zv) and momenta p₊, p₋. */
export function sampleAimedSlopes(aim: Aim, plusSx: number, plusSy: number, pPlus: number, pMinus: number, vx: number, vy: number, zv: number, rng: Rng): { sx: number; sy: number } {
  const g = segment(aim, plusSx, plusSy, pPlus, pMinus, vx, vy, zv), t = rng.range(g.t0, g.t1);
  return { sx: g.cx + g.ax * t + rng.normal(0, g.sigma), sy: g.cy + g.ay * t + rng.normal(0, g.sigma) };
}

/**
 * Density (per rad²) of sampleAimedSlopes at (sx, sy): (1/(t₁ − t₀)) ∫ N₂(s; c + a·t, σ²) dt, i.e.
 * along the segment's direction a difference of normal integrals over |a|·(t₁ − t₀), across it a
 * Gaussian; a segment much shorter than σ is a point.
 */
export function aimedSlopeDensity(aim: Aim, sx: number, sy: number, plusSx: number, plusSy: number, pPlus: number, pMinus: number, vx: number, vy: number, zv: number): number {
  const g = segment(aim, plusSx, plusSy, pPlus, pMinus, vx, vy, zv);
  const la = Math.hypot(g.ax, g.ay), len = la * (g.t1 - g.t0), s = g.sigma;
  const dx = sx - g.cx, dy = sy - g.cy;
  if (len < 1e-6 * s) {
    const tm = (g.t0 + g.t1) / 2, ex = dx - g.ax * tm, ey = dy - g.ay * tm;
    return Math.exp(-0.5 * (ex * ex + ey * ey) / (s * s)) / (2 * Math.PI * s * s);
  }
  const ux = g.ax / la, uy = g.ay / la;
  const along = dx * ux + dy * uy, across = dx * uy - dy * ux;
  const mass = normalMass((la * g.t0 - along) / s, (la * g.t1 - along) / s);
  return (Math.exp(-0.5 * (across / s) ** 2) / (Math.sqrt(2 * Math.PI) * s)) * mass / len;
}
