import { describe, expect, it } from 'vitest';
import { emissionAngle, FORM_FACTOR_SLOPE, kpi4eWeight, kpiGammaStarDensity, krollWada, sampleKpi4eMasses, splitting } from '../../src-engine/generator/kpi4e-nonres';
import { detectorResponse, STRAW_MERGE_DISTANCE, type ChargedParticle } from '../../src-engine/detector/response';
import { p4 } from '../../src-engine/generator/lorentz';
import { M } from '../../src-engine/generator/constants';
import { Rng } from '../../src-engine/generator/rng';

describe('SM K+ → π+ e+e−e+e− matrix element (one-photon exchange, Husek 2022)', () => {
  const MK = M.K, zMax = ((M.K - M.piCharged) / M.K) ** 2;
  it('the K+ → π+γ* density vanishes at the end point (λ^{3/2} → 0) and grows with the form factor slope', () => {
    expect(kpiGammaStarDensity(zMax)).toBeCloseTo(0, 12);
    expect(kpiGammaStarDensity(zMax * 1.01)).toBe(0);
    expect(kpiGammaStarDensity(0.1)).toBeGreaterThan(0);
    // over the phase-space factor λ^{3/2}(1, z, r²), what is left is |W|² = (1 + δz)², δ = 2.32 (NA48/2)
    const r2 = (M.piCharged / M.K) ** 2, lam = (z: number) => (1 + z * z + r2 * r2 - 2 * z - 2 * r2 - 2 * z * r2) ** 1.5;
    expect(FORM_FACTOR_SLOPE).toBe(2.32);
    expect(kpiGammaStarDensity(0.2) / lam(0.2)).toBeCloseTo((1 + 2.32 * 0.2) ** 2, 10);
    expect(kpiGammaStarDensity(0.05) / lam(0.05)).toBeCloseTo((1 + 2.32 * 0.05) ** 2, 10);
  });

  it('limits: Kroll–Wada vanishes at threshold and → 1 far above; the splitting function is 2 at x → 0 and 1 at x → 1', () => {
    expect(krollWada(4 * M.e * M.e)).toBe(0);
    expect(krollWada(1e4)).toBeCloseTo(1, 3);
    expect(splitting(1e-9)).toBeCloseTo(2, 6);
    expect(splitting(1 - 1e-9)).toBeCloseTo(1, 6);
    expect(splitting(0)).toBe(0);
  });

  it('the weight vanishes outside the phase space', () => {
    const q2 = 200 ** 2, z = q2 / MK ** 2;
    expect(kpi4eWeight(z, 50 ** 2, 0.3, 4)).toBeGreaterThan(0);
    expect(kpi4eWeight(zMax * 1.01, 50 ** 2, 0.3, 4)).toBe(0); // beyond the K → π end point
    expect(kpi4eWeight(z, 250 ** 2, 0.3, 4)).toBe(0); // M_X + m_e > q
    expect(emissionAngle(200, 1, 0.3, 100)).toBeUndefined(); // γ₂* heavier than the emitter system allows
    expect(kpi4eWeight(z, 50 ** 2, 0.3, 0.5 * 4 * M.e * M.e)).toBe(0); // below the e+e− threshold
  });

  it('the second pair is light (ds/s: as many in 2–4 as in 4–8 MeV, up to the kinematic limit) and soft: mostly x < 0.5', () => {
    const rng = new Rng(7, 0);
    let d1 = 0, d2 = 0, soft = 0;
    const n = 6000;
    for (let i = 0; i < n; i++) {
      const m = sampleKpi4eMasses(rng), ms = Math.sqrt(m.s);
      if (ms > 2 && ms < 4) d1++; else if (ms > 4 && ms < 8) d2++;
      if (m.x < 0.5) soft++;
    }
    expect(d1).toBeGreaterThan(300);
    // ds/s gives equal counts per octave; the emission's phase space (t ≥ s/x) thins the heavier octave a little
    expect(d2 / d1).toBeGreaterThan(0.7);
    expect(d2 / d1).toBeLessThan(1.05);
    expect(soft / n).toBeGreaterThan(0.7);
  });

  it('m(4e) follows K+ → π+γ*, not the π0 pole: most above 150 MeV', () => {
    const rng = new Rng(8, 0);
    let above = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) if (Math.sqrt(sampleKpi4eMasses(rng).q2) > 150) above++;
    expect(above / n).toBeGreaterThan(0.7);
  });
});

describe('STRAW two-track separation', () => {
  const track = (x: number, p: number, q: number): ChargedParticle => ({ pdg: q > 0 ? -11 : 11, charge: q, p: p4(0, 0, p, M.e), vx: x, vy: 300, vz: 150_000, vt: 0 });
  it('two tracks closer than one straw diameter before the magnet leave one reconstructed track; farther apart, two', () => {
    const close = detectorResponse([track(300, 20_000, 1), track(300 + STRAW_MERGE_DISTANCE / 2, 10_000, -1)], new Rng(1, 0), { strawHits: false });
    expect(close.tracks).toHaveLength(1);
    expect(close.tracks[0]!.charge).toBe(1); // the higher-momentum one survives
    const apart = detectorResponse([track(300, 20_000, 1), track(300 + 2 * STRAW_MERGE_DISTANCE, 10_000, -1)], new Rng(1, 0), { strawHits: false });
    expect(apart.tracks).toHaveLength(2);
  });
});
