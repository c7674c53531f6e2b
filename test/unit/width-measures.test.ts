/**
 * The width measures of src-engine/physics/width-measures.ts on samples with known answers: a
 * Gaussian (all measures give σ), a half-normal (CDA-like), and a scale mixture x = δ/θ like
 * Z_TAX − 23 m, whose RMS is known in closed form and whose core is narrower.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src-engine/generator/rng';
import {
  bootstrapError, boxFraction, containmentSigma, coreSigma, fitGaussian, kOfContainment, mlGaussianSigma, mlHalfNormalSigma, weightedQuantile,
} from '../../src-engine/physics/width-measures';

const rng = new Rng(20261202, 3);
const gauss = Array.from({ length: 20_000 }, () => rng.normal(23, 5));
// δ ~ N(0, 1), θ uniform in [0.3, 3.5]: E[x²] = E[1/θ²] = (1/0.3 − 1/3.5)/3.2, so the RMS is 0.976
const mixture = Array.from({ length: 20_000 }, () => rng.normal(0, 1) / rng.range(0.3, 3.5));
const RMS_MIXTURE = Math.sqrt((1 / 0.3 - 1 / 3.5) / 3.2);

describe('width measures', () => {
  it('agree on a Gaussian sample', () => {
    expect(coreSigma(gauss)).toBeCloseTo(5, 0);
    expect(Math.abs(coreSigma(gauss) / 5 - 1)).toBeLessThan(0.03);
    expect(Math.abs(mlGaussianSigma(gauss) / 5 - 1)).toBeLessThan(0.02);
    for (const method of ['ml-window', 'neyman-chi2'] as const) {
      const f = fitGaussian(gauss, undefined, -4, 50, 54, method);
      expect(Math.abs(f.sigma / 5 - 1), method).toBeLessThan(0.03);
      expect(Math.abs(f.mu - 23), method).toBeLessThan(0.15);
    }
    // the likelihood fit knows the window cuts the Gaussian: ±1σ of it still gives σ back (its RMS is 0.54σ)
    const inside = gauss.filter((x) => x >= 18 && x < 28);
    expect(mlGaussianSigma(inside)).toBeLessThan(3);
    expect(Math.abs(fitGaussian(gauss, undefined, 18, 28, 0, 'ml-window').sigma / 5 - 1)).toBeLessThan(0.1);
    // the containment of ±17 around 23 gives σ back
    expect(Math.abs(containmentSigma(boxFraction(gauss, undefined, 6, 40), 17) / 5 - 1)).toBeLessThan(0.05);
  });

  it('knows the Gaussian containments and inverts them', () => {
    expect(kOfContainment(0.9973)).toBeCloseTo(3, 2);
    expect(kOfContainment(0.6827)).toBeCloseTo(1, 2);
    expect(containmentSigma(0.9973, 17)).toBeCloseTo(17 / 3, 1);
  });

  it('takes weights as event counts', () => {
    // a sample with every value twice equals the sample once with weight 2
    const xs = gauss.slice(0, 2000), twice = [...xs, ...xs];
    expect(mlGaussianSigma(xs, xs.map(() => 2))).toBeCloseTo(mlGaussianSigma(twice), 10);
    expect(weightedQuantile(xs, xs.map(() => 2), 0.3)).toBe(weightedQuantile(twice, undefined, 0.3));
    // a heavy weight on one value drags the median onto it
    const w = xs.map((_, i) => (i === 7 ? 1e6 : 1));
    expect(weightedQuantile(xs, w, 0.5)).toBe(xs[7]);
  });

  it('gives the half-normal σ of a CDA-like quantity', () => {
    const folded = Array.from({ length: 20_000 }, () => Math.abs(rng.normal(0, 6.7)));
    expect(Math.abs(mlHalfNormalSigma(folded) / 6.7 - 1)).toBeLessThan(0.02);
    expect(Math.abs(weightedQuantile(folded, undefined, 0.6827) / 6.7 - 1)).toBeLessThan(0.03);
  });

  it('separates core and RMS on a scale mixture, and the likelihood fit follows the RMS', () => {
    const rms = mlGaussianSigma(mixture), core = coreSigma(mixture);
    expect(Math.abs(rms / RMS_MIXTURE - 1)).toBeLessThan(0.05);
    expect(Math.max(...mixture.map(Math.abs))).toBeLessThan(20); // the fit window below holds the whole sample
    expect(core).toBeLessThan(0.85 * rms);
    // the likelihood fit over a window wide enough to hold the sample returns its RMS;
    // the χ² fit with √n errors weighs the populated core and comes out near the core width
    const ml = fitGaussian(mixture, undefined, -20, 20, 0, 'ml-window');
    expect(Math.abs(ml.sigma / rms - 1)).toBeLessThan(0.01);
    // a narrower window cuts the tails: the truncated fit lies between core and RMS
    const narrow = fitGaussian(mixture, undefined, -2, 2, 0, 'ml-window').sigma;
    expect(narrow).toBeGreaterThan(core);
    expect(narrow).toBeLessThan(rms);
    const chi2 = fitGaussian(mixture, undefined, -20, 20, 400, 'neyman-chi2');
    expect(chi2.sigma).toBeLessThan(0.85 * rms);
    expect(Math.abs(chi2.sigma / core - 1)).toBeLessThan(0.15);
  });

  it('estimates the statistical error by a seeded bootstrap', () => {
    const xs = gauss.slice(0, 1000);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const e = bootstrapError(mean, xs, undefined, 200, 5);
    expect(Math.abs(e / (5 / Math.sqrt(1000)) - 1)).toBeLessThan(0.2);
    expect(bootstrapError(mean, xs, undefined, 200, 5)).toBe(e);
  });
});
