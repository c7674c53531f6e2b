import { describe, expect, it } from 'vitest';
import { hardFraction, PAIRS_PER_X0, PHOTONS_PER_X0, pairYield, PROMPT_SLABS, sampleInteraction, sampleV, slabsCrossed, V_HI, V_LO, vDensity } from '../../src-engine/generator/prompt-material';
import { Z_HALO_REF, type HaloState } from '../../src-engine/generator/halo-model';
import { Rng } from '../../src-engine/generator/rng';

/** a muon parallel to z at (x, y) */
const muonAt = (x: number, y: number): HaloState => ({ q: 1, x, y, sx: 0, sy: 0, p: 60_000 });

describe('prompt pairs: material on the muon line and the yield per X₀ (prompt-material.ts)', () => {
  it('a muon crosses the material that is where it passes: CHANTI ring, GTK3, ANTI0, nothing', () => {
    const ring = slabsCrossed(muonAt(70, 0));
    expect(ring.map((c) => c.slab.name)).toEqual(['CHANTI1', 'CHANTI2', 'CHANTI3', 'CHANTI4', 'CHANTI5', 'CHANTI6']);
    expect(pairYield(muonAt(70, 0)).depth).toBeCloseTo(6 * 33 / 413, 6); // G§7: two 16.5 mm layers per station
    expect(slabsCrossed(muonAt(10, 5)).map((c) => c.slab.name)).toEqual(['GTK3']); // in the CHANTI hole, on the GTK3 sensor
    expect(slabsCrossed(muonAt(40, 20))).toEqual([]); // CHANTI hole, off the sensor: vacuum
    expect(slabsCrossed(muonAt(400, 300)).map((c) => c.slab.name)).toEqual(['ANTI0']);
    expect(slabsCrossed(muonAt(1000, 0))).toEqual([]);
    // a sloped line is followed to each slab's z: at 0 at the reference plane, 70 mm at the CHANTI
    const sloped: HaloState = { q: -1, x: 0, y: 0, sx: 70 / (102_428 - Z_HALO_REF), sy: 0, p: 60_000 };
    expect(slabsCrossed(sloped)[0]!.slab.name).toBe('CHANTI1');
  });

  it('direct pairs grow as the depth T, converted photons as T²/2 (thin targets)', () => {
    const one = pairYield(muonAt(10, 5)), six = pairYield(muonAt(70, 0));
    expect(six.direct / one.direct).toBeCloseTo(six.depth / one.depth, 6);
    expect(six.converted / one.converted).toBeCloseTo((six.depth / one.depth) ** 2, 6);
    expect(six.converted).toBeCloseTo(PHOTONS_PER_X0 * (7 / 9) * six.depth ** 2 / 2, 12);
    // the per-X₀ figures the README quotes: ~ 5e-5 pairs and ~ 4e-5 photons with v in [0.05, 0.5]
    expect(PAIRS_PER_X0).toBeGreaterThan(3e-5); expect(PAIRS_PER_X0).toBeLessThan(6e-5);
    expect(PHOTONS_PER_X0).toBeGreaterThan(3e-5); expect(PHOTONS_PER_X0).toBeLessThan(5e-5);
    expect(PROMPT_SLABS.every((s) => s.x0 > 0 && s.x0 < 0.1)).toBe(true);
  });

  it('energy fraction: the natural sampler follows its density; the hard-biased one has mean weight 1 and the natural hard share', () => {
    for (const process of ['direct', 'converted'] as const) {
      // density integrates to 1
      let integral = 0; const n = 4000, h = (V_HI - V_LO) / n;
      for (let i = 0; i < n; i++) integral += vDensity(V_LO + (i + 0.5) * h, process) * h;
      expect(integral).toBeCloseTo(1, 3);
      const nat = new Rng(61, 0), bia = new Rng(62, 0), m = 20_000;
      let below = 0, w = 0, wHard = 0, drawnHard = 0, wv = 0, vNat = 0, natOff = 0;
      // natural probability of v < 0.1 from the density
      let p01 = 0; for (let i = 0; i < n; i++) { const v = V_LO + (i + 0.5) * h; if (v < 0.1) p01 += vDensity(v, process) * h; }
      for (let i = 0; i < m; i++) {
        const a = sampleV(process, 0, nat);
        natOff = Math.max(natOff, Math.abs(a.weight - 1));
        if (a.v < 0.1) below++;
        vNat += a.v;
        const b = sampleV(process, 0.6, bia);
        w += b.weight; wv += b.weight * b.v;
        if (b.v >= 0.25) { wHard += b.weight; drawnHard++; }
      }
      expect(natOff).toBeLessThan(1e-12);
      expect(Math.abs(below / m - p01)).toBeLessThan(4 * Math.sqrt(p01 * (1 - p01) / m));
      expect(w / m).toBeCloseTo(1, 1);
      expect(wHard / m / hardFraction(process)).toBeCloseTo(1, 1);
      expect(wv / m / (vNat / m)).toBeCloseTo(1, 1);
      expect(drawnHard / m).toBeGreaterThan(0.6); // and the hard end is drawn far more often
    }
  }, 20_000);

  it('where the pair is made: process shares and depths are the natural ones after the weights', () => {
    const h = muonAt(70, 0), y = pairYield(h), natDirect = y.direct / (y.direct + y.converted);
    for (const hardBias of [false, true]) {
      const rng = new Rng(hardBias ? 64 : 63, 0), n = 20_000;
      let w = 0, wDirect = 0, wConvFirst = 0, wConv = 0, wDirFirst = 0, zLo = Infinity, zHi = -Infinity;
      for (let i = 0; i < n; i++) {
        const r = sampleInteraction(h, rng, hardBias)!;
        w += r.weight;
        if (r.process === 'direct') { wDirect += r.weight; if (r.slab === 'CHANTI1') wDirFirst += r.weight; }
        else { wConv += r.weight; if (r.slab === 'CHANTI1') wConvFirst += r.weight; }
        zLo = Math.min(zLo, r.z); zHi = Math.max(zHi, r.z);
      }
      expect(zLo).toBeGreaterThanOrEqual(102_428);
      expect(zHi).toBeLessThanOrEqual(104_241);
      expect(w / n).toBeCloseTo(1, 1);
      expect(Math.abs(wDirect / n - natDirect)).toBeLessThan(0.015); // ~ 4σ at n = 2·10⁴
      // a direct pair is made uniformly in depth (1/6 in the first station); a photon converts behind
      // where it was made, density ∝ depth: (1/6)² of the conversions in the first station
      expect(wDirFirst / wDirect).toBeCloseTo(1 / 6, 1);
      expect(wConvFirst / wConv).toBeLessThan(0.06);
    }
    expect(sampleInteraction(muonAt(1000, 0), new Rng(65, 0))).toBeUndefined();
  }, 20_000);
});
