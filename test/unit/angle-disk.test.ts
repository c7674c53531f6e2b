/**
 * The natural pair-angle density restricted to a disk (angle-disk.ts): its probability against
 * hit-or-miss counts of the natural sampler, draws that follow it, and the prompt proposal with the
 * CR disk keeping the natural rates (mean weight 1, the weighted rate into the CR's directions).
 */
import { describe, expect, it } from 'vitest';
import { arcInside, diskProbability, inDisk, sampleInDisk } from '../../src-engine/generator/angle-disk';
import { crDisk, sampleAimedAngle } from '../../src-engine/generator/halo';
import { Rng } from '../../src-engine/generator/rng';

/** natural draws of Δ: |Δ| half-normal of σ, azimuth uniform */
const natural = (sigma: number, rng: Rng) => { const th = sigma * Math.abs(rng.normal()), ph = 2 * Math.PI * rng.uniform(); return { dx: th * Math.cos(ph), dy: th * Math.sin(ph) }; };

describe('the natural angle density within a disk', () => {
  it('arc fractions at the limits: whole circle inside, outside, half at the tangent', () => {
    expect(arcInside(0.5, 0.2, 1)).toBe(1);
    expect(arcInside(3, 0.5, 1)).toBe(0);
    expect(arcInside(0.5, 3, 1)).toBe(0);
    expect(arcInside(Math.SQRT2, 1, 1)).toBeCloseTo(0.25, 12); // circle of radius √2 through the disk's rim at ±90°
  });

  it('P(D) equals the natural sampler\'s hit-or-miss rate: inside, straddling, beside and beyond the spike', () => {
    const rng = new Rng(71, 0), n = 400_000;
    // (d, R, σ): the disk around the spike, off-centre over it, beside it, and a few σ away
    expect(diskProbability(0, 1, 1)).toBeCloseTo(0.682689492, 6); // erf(1/√2)
    for (const [d, R, s] of [[0.5, 1, 1], [2, 1, 1], [5e-3, 5e-3, 1e-3], [2.2e-3, 2e-3, 1e-4], [3, 1, 0.8]] as const) {
      const P = diskProbability(d, R, s);
      let k = 0;
      for (let i = 0; i < n; i++) { const a = natural(s, rng); if (inDisk(a.dx, a.dy, { cx: d, cy: 0, r: R })) k++; }
      expect(k).toBeGreaterThan(100);
      expect(Math.abs(P - k / n)).toBeLessThan(4 * Math.sqrt(k) / n);
    }
  });

  it('draws land in the disk and follow the natural density there (radial quartiles, mean x)', () => {
    const rng = new Rng(72, 0), D = { cx: 2e-3, cy: -1e-3, r: 2e-3 }, sigma = 1e-3, n = 200_000;
    const drawn = new Float64Array(n), ref = new Float64Array(n);
    let sx = 0, rx = 0;
    for (let i = 0; i < n; i++) { const a = sampleInDisk(D, sigma, rng); expect(inDisk(a.dx, a.dy, D)).toBe(true); drawn[i] = Math.hypot(a.dx, a.dy); sx += a.dx; }
    for (let k = 0; k < n;) { const a = natural(sigma, rng); if (inDisk(a.dx, a.dy, D)) { ref[k++] = Math.hypot(a.dx, a.dy); rx += a.dx; } }
    drawn.sort(); ref.sort();
    // (200 000 each: the quartiles agree to ≈ 0.3 %; drawing θ without the exp(−θ₀t/σ²) factor moves them 4–8 %)
    for (const f of [0.25, 0.5, 0.75]) expect(Math.abs(drawn[f * n]! / ref[f * n]! - 1)).toBeLessThan(0.012);
    expect(Math.abs(sx / rx - 1)).toBeLessThan(0.01);
  });
});

describe('the prompt proposal with the CR disk (halo.ts)', () => {
  // a vertex in the CHANTI and a muon whose own line points back at the proton beam at z = 20 m:
  // its pairs at Δ ≈ 0 (σθ = m/E = 50 µrad) are in the CR's directions, which the Gaussians (≥ 0.2 mrad) miss
  const vertex = { x: 90, y: 30, z: 103_500 };
  const L = vertex.z - 20_000, ux = (vertex.x - 0) / L, uy = (vertex.y + 22) / L, sigma = 5e-5;
  it('applies to such a muon, not to one pointing elsewhere', () => {
    expect(crDisk(sigma, ux, uy, vertex)!.p).toBeGreaterThan(0.999);
    expect(crDisk(sigma, ux + 0.02, uy, vertex)).toBeUndefined();
  });

  it('mean weight 1, the weighted rate into a region of the spike equals the natural one, and the error per draw drops by a third', () => {
    // a region inside the disk that holds part of the spike (the test's own)
    const region = { cx: sigma, cy: 0, r: sigma };
    const n = 60_000;
    const run = (crDiskOn: boolean, seed: number) => {
      const rng = new Rng(seed, 0);
      let w = 0, wIn = 0, w2In = 0;
      for (let i = 0; i < n; i++) {
        const a = sampleAimedAngle(sigma, ux, uy, { share: 0.9, crDisk: crDiskOn, vertex }, rng);
        w += a.weight;
        if (inDisk(a.dx, a.dy, region)) { wIn += a.weight; w2In += a.weight ** 2; }
      }
      return { mean: w / n, p: wIn / n, e: Math.sqrt(w2In) / n };
    };
    const on = run(true, 73), off = run(false, 74);
    // a muon whose spike sits on the disk's rim: P(D) ≈ ½ enters the weight
    const D0 = crDisk(sigma, ux, uy, vertex)!, ux2 = ux + D0.cx - D0.r, uy2 = uy + D0.cy;
    const rim = crDisk(sigma, ux2, uy2, vertex)!;
    expect(rim.p).toBeGreaterThan(0.3);
    expect(rim.p).toBeLessThan(0.7);
    const rng2 = new Rng(76, 0);
    let wRim = 0, w2Rim = 0;
    for (let i = 0; i < n; i++) {
      const a = sampleAimedAngle(sigma, ux2, uy2, { share: 0.9, crDisk: true, vertex }, rng2);
      if (inDisk(a.dx, a.dy, region)) { wRim += a.weight; w2Rim += a.weight ** 2; }
    }
    const nat = new Rng(75, 0), m = 400_000;
    let k = 0;
    for (let i = 0; i < m; i++) { const a = natural(sigma, nat); if (inDisk(a.dx, a.dy, region)) k++; }
    const pN = k / m, eN = Math.sqrt(k) / m;
    expect(pN).toBeGreaterThan(0.1);
    expect(on.mean).toBeCloseTo(1, 1);
    expect(Math.abs(on.p - pN)).toBeLessThan(3 * Math.hypot(on.e, eN));
    expect(Math.abs(off.p - pN)).toBeLessThan(3 * Math.hypot(off.e, eN));
    expect(Math.abs(wRim / n - pN)).toBeLessThan(3 * Math.hypot(Math.sqrt(w2Rim) / n, eN));
    expect(on.e / on.p).toBeLessThan(0.75 * (off.e / off.p)); // measured ×0.65
  });
});
