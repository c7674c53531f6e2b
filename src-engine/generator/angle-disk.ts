/**
 * The natural density of the prompt pair's angle Δ to its muon (|Δ| half-normal of scale σ,
 * azimuth uniform: halo.ts) restricted to a disk D of Δ-space, for a component of the biased
 * generator's proposal [method, not physics]: the disk's probability P(D) and exact draws from
 * p·1_D / P(D).
 *
 * Why: a muon whose own line already points back at the TAX makes pairs in the control region at
 * Δ ≈ 0, inside the natural density's 1/|Δ| spike. The Gaussians aimed at the beam line (σ ≈ mrad)
 * miss that spike, so such pairs came only from the proposal's small natural share, each with a
 * weight of ≈ 1/(that share): two of them carried 74 % of the CR's Σw². Drawn from this component
 * they come with a weight ≈ 1, every time such a muon is generated.
 *
 * P(D) = ∫ f(θ) A(θ) dθ, f the half-normal density and A(θ) the fraction of the circle of radius θ
 * inside the disk: the circles wholly inside add erf((R − d)/(σ√2)); the rest is a 1-D integral,
 * by Gauss–Legendre quadrature split at θ₀ + {¼, 1, 3, 8, 20}σ, each piece in cos-substituted
 * nodes (A has square-root ends), to ≲ 1e-9 (the unit test checks it against hit-or-miss counts).
 */
import { erfc } from './normal';
import type { Rng } from './rng';

/** a disk of Δ-space: centre (cx, cy) and radius r, rad */
export interface AngleDisk { readonly cx: number; readonly cy: number; readonly r: number }

/** Fraction of the circle of radius θ about Δ = 0 that lies inside a disk of radius R whose centre is at distance d. */
export function arcInside(theta: number, d: number, R: number): number {
  if (theta + d <= R) return 1;
  if (theta >= d + R || theta <= d - R) return 0;
  const c = (theta * theta + d * d - R * R) / (2 * theta * d);
  return Math.acos(Math.max(-1, Math.min(1, c))) / Math.PI;
}

const halfNormal = (theta: number, sigma: number) => (Math.sqrt(2 / Math.PI) / sigma) * Math.exp(-0.5 * (theta / sigma) ** 2);

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on the Legendre polynomial) */
function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n), w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5)), dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1, p1 = 0;
      for (let k = 1; k <= n; k++) { const p2 = p1; p1 = p0; p0 = ((2 * k - 1) * z * p1 - (k - 1) * p2) / k; }
      dp = (n * (z * p0 - p1)) / (z * z - 1);
      const dz = p0 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = z; w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}
const GL = gaussLegendre(24);

/** ∫ g over [a, b] in pieces split at a + kσ, each with θ = mid − half·cos(πu)-style clustering at both ends */
function integrate(g: (theta: number) => number, a: number, b: number, sigma: number): number {
  const cuts = [a, ...[0.25, 1, 3, 8, 20].map((k) => a + k * sigma).filter((c) => c < b), b];
  let s = 0;
  for (let p = 0; p + 1 < cuts.length; p++) {
    const x0 = cuts[p]!, x1 = cuts[p + 1]!, h = (x1 - x0) / 2;
    for (let i = 0; i < GL.x.length; i++) {
      // u in [0, 1] → θ = x0 + (x1 − x0)(1 − cos πu)/2, dθ = h π sin(πu) du
      const u = (GL.x[i]! + 1) / 2, theta = x0 + h * (1 - Math.cos(Math.PI * u));
      s += (GL.w[i]! / 2) * g(theta) * h * Math.PI * Math.sin(Math.PI * u);
    }
  }
  return s;
}

/** P(D) under the natural density of scale σ, for a disk of radius R at distance d from Δ = 0. */
export function diskProbability(d: number, R: number, sigma: number): number {
  // circles of radius θ ≤ R − d lie wholly inside: the half-normal's mass up to there, 1 − erfc
  const inner = R - d > 0 ? 1 - erfc((R - d) / (sigma * Math.SQRT2)) : 0;
  const a = Math.abs(R - d), b = Math.min(d + R, a + 40 * sigma);
  return inner + (b > a ? integrate((t) => halfNormal(t, sigma) * arcInside(t, d, R), a, b, sigma) : 0);
}

/** Is Δ inside the disk? */
export const inDisk = (dx: number, dy: number, D: AngleDisk): boolean => (dx - D.cx) ** 2 + (dy - D.cy) ** 2 < D.r * D.r;

/**
 * A draw of Δ from the natural density restricted to the disk. θ = θ₀ + t, t half-normal of σ,
 * θ₀ = max(0, d − R), accepted with probability exp(−θ₀t/σ²)·A(θ) (f(θ₀ + t) ∝ that times the
 * proposal's density: exact), the azimuth then uniform on the arc inside. A disk many σ beyond the
 * spike would take many tries: the caller uses the component only within a few σ of it.
 */
export function sampleInDisk(D: AngleDisk, sigma: number, rng: Rng): { dx: number; dy: number } {
  const d = Math.hypot(D.cx, D.cy), t0 = Math.max(0, d - D.r), hi = d + D.r, phiC = Math.atan2(D.cy, D.cx);
  for (;;) {
    const t = sigma * Math.abs(rng.normal()), theta = t0 + t;
    if (theta >= hi) continue;
    const A = arcInside(theta, d, D.r);
    if (rng.uniform() >= Math.exp((-t0 * t) / (sigma * sigma)) * A) continue;
    const phi = A >= 1 ? 2 * Math.PI * rng.uniform() : phiC + Math.PI * A * (2 * rng.uniform() - 1);
    return { dx: theta * Math.cos(phi), dy: theta * Math.sin(phi) };
  }
}
