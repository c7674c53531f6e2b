/**
 * Widths of a (weighted) sample, the several things "σ" can mean for a resolution: the Gaussian
 * core, the maximum-likelihood Gaussian (the RMS; also truncated to a window), the χ² Gaussian fit
 * a histogram tool makes by default, and the σ of the Gaussian with the same containment in a box. For a Gaussian sample they
 * all agree; for a scale mixture of Gaussians such as Z_TAX − 23 m ≈ δ∥/θ_A′ (README, physics) they
 * differ by up to ×2, so the physics report prints each with its definition. Each estimator's
 * statistical error comes from a seeded bootstrap, valid for heavy tails where σ/√(2n) is not.
 */
import { Rng } from '../generator/rng';

/** erf to 1.5e-7 (Abramowitz–Stegun 7.1.26) */
export function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
/** Φ(x) of the standard normal */
const cdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));

const ones = (n: number) => new Array<number>(n).fill(1);
const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);

/** Weighted quantile: the smallest x with at least a fraction f of the weight at or below it. */
export function weightedQuantile(xs: readonly number[], ws: readonly number[] = ones(xs.length), f: number): number {
  if (xs.length === 0) return NaN;
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const W = sum(ws);
  let s = 0;
  for (const i of idx) { s += ws[i]!; if (s >= f * W) return xs[i]!; }
  return xs[idx[idx.length - 1]!]!;
}

/** Core width: half the 15.87–84.13 % range (= σ for a Gaussian, blind to the tails). */
export const coreSigma = (xs: readonly number[], ws?: readonly number[]): number =>
  (weightedQuantile(xs, ws, cdf(1)) - weightedQuantile(xs, ws, cdf(-1))) / 2;

/**
 * σ of the maximum-likelihood Gaussian fit to the whole sample, which is its weighted RMS about the
 * weighted mean (the ML estimates of a Gaussian's μ and σ are the sample's mean and RMS).
 */
export function mlGaussianSigma(xs: readonly number[], ws: readonly number[] = ones(xs.length)): number {
  const W = sum(ws);
  const mu = xs.reduce((s, x, i) => s + ws[i]! * x, 0) / W;
  return Math.sqrt(xs.reduce((s, x, i) => s + ws[i]! * (x - mu) ** 2, 0) / W);
}

/** σ of the ML half-normal (centred at 0) for a positive quantity such as CDA_TAX: √(Σw x²/Σw). */
export function mlHalfNormalSigma(xs: readonly number[], ws: readonly number[] = ones(xs.length)): number {
  return Math.sqrt(xs.reduce((s, x, i) => s + ws[i]! * x * x, 0) / sum(ws));
}

/** Weighted fraction of the sample inside (lo, hi). */
export function boxFraction(xs: readonly number[], ws: readonly number[] = ones(xs.length), lo: number, hi: number): number {
  return xs.reduce((s, x, i) => s + (x > lo && x < hi ? ws[i]! : 0), 0) / sum(ws);
}

/** k with 2Φ(k) − 1 = f: a centred Gaussian box of ±kσ holds the fraction f. */
export function kOfContainment(f: number): number {
  let lo = 0, hi = 12;
  for (let it = 0; it < 80; it++) { const mid = (lo + hi) / 2; if (erf(mid / Math.SQRT2) < f) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
/** σ of the centred Gaussian that a box of ± halfWidth contains to the fraction f. */
export const containmentSigma = (f: number, halfWidth: number): number => halfWidth / kOfContainment(f);

export type FitMethod = 'ml-window' | 'neyman-chi2';

/**
 * Gaussian fitted to the part of the sample in [lo, hi).
 * - 'ml-window': unbinned maximum likelihood of a Gaussian truncated to the window (the fit a
 *   histogram of that range makes by likelihood); with a window that holds the whole sample it is
 *   the mean and RMS. It needs only Σw, Σwx, Σwx² of the window.
 * - 'neyman-chi2': χ² to the histogram (nBins bins of Σw) with errors √n_i, empty bins skipped and the
 *   normalisation free: ROOT's default TH1::Fit("gaus"). It weighs the populated core.
 * The minimum is found on a (μ, log σ) grid refined five times (the cost is smooth and single-peaked here).
 */
export function fitGaussian(xs: readonly number[], ws: readonly number[] = ones(xs.length), lo: number, hi: number, nBins: number, method: FitMethod): { mu: number; sigma: number } {
  let cost: (mu: number, sigma: number) => number;
  if (method === 'ml-window') {
    let s0 = 0, s1 = 0, s2 = 0;
    xs.forEach((x, i) => { if (x >= lo && x < hi) { const w = ws[i]!; s0 += w; s1 += w * x; s2 += w * x * x; } });
    // −log L = Σw (x − μ)²/2σ² + Σw log σ + Σw log(Φ((hi − μ)/σ) − Φ((lo − μ)/σ))
    cost = (mu, sigma) => (s2 - 2 * mu * s1 + mu * mu * s0) / (2 * sigma * sigma) + s0 * Math.log(sigma)
      + s0 * Math.log(Math.max(cdf((hi - mu) / sigma) - cdf((lo - mu) / sigma), 1e-300));
  } else {
    const bw = (hi - lo) / nBins;
    const h = new Array<number>(nBins).fill(0);
    xs.forEach((x, i) => { if (x >= lo && x < hi) h[Math.floor((x - lo) / bw)]! += ws[i]!; });
    const edges = Array.from({ length: nBins + 1 }, (_, i) => lo + i * bw);
    cost = (mu, sigma) => {
      const c = edges.map((e) => cdf((e - mu) / sigma));
      let num = 0, den = 0;
      h.forEach((y, i) => { if (y > 0) { const f = c[i + 1]! - c[i]!; num += f; den += (f * f) / y; } });
      const A = den > 0 ? num / den : 0;
      return h.reduce((s, y, i) => (y > 0 ? s + (y - A * (c[i + 1]! - c[i]!)) ** 2 / y : s), 0);
    };
  }
  let muC = (lo + hi) / 2, muH = (hi - lo) / 2, lsC = Math.log((hi - lo) / 8), lsH = Math.log(50);
  let best = { mu: muC, sigma: Math.exp(lsC), c: Infinity };
  for (let round = 0; round < 6; round++) {
    const n = 40;
    for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) {
      const mu = muC - muH + (2 * muH * i) / n, sigma = Math.exp(lsC - lsH + (2 * lsH * j) / n);
      const c = cost(mu, sigma);
      if (c < best.c) best = { mu, sigma, c };
    }
    muC = best.mu; lsC = Math.log(best.sigma); muH /= 8; lsH /= 8;
  }
  return { mu: best.mu, sigma: best.sigma };
}

/**
 * Standard deviation of an estimator over nBoot bootstrap resamples (events drawn with replacement,
 * weights kept), seeded so that a report is reproducible.
 */
export function bootstrapError(estimator: (xs: number[], ws: number[]) => number, xs: readonly number[], ws: readonly number[] = ones(xs.length), nBoot = 100, seed = 1): number {
  const rng = new Rng(seed, 0x5eed);
  const n = xs.length, vals: number[] = [];
  for (let b = 0; b < nBoot; b++) {
    const bx = new Array<number>(n), bwt = new Array<number>(n);
    for (let i = 0; i < n; i++) { const k = rng.int(n); bx[i] = xs[k]!; bwt[i] = ws[k]!; }
    vals.push(estimator(bx, bwt));
  }
  const m = sum(vals) / nBoot;
  return Math.sqrt(vals.reduce((s, v) => s + (v - m) ** 2, 0) / (nBoot - 1));
}
