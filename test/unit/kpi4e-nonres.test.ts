import { describe, expect, it } from 'vitest';
import { amplitude2, kpi4eWeight, loopF, sampleKpi4eMasses } from '../../src-engine/generator/kpi4e-nonres';
import { detectorResponse, STRAW_MERGE_DISTANCE, type ChargedParticle } from '../../src-engine/detector/response';
import { p4 } from '../../src-engine/generator/lorentz';
import { M } from '../../src-engine/generator/constants';
import { Rng } from '../../src-engine/generator/rng';

describe('SM K+ → π+ e+e−e+e− matrix element', () => {
  it('the loop function: F(x) → −x/12 at small x, continuous at the ππ threshold x = 4, imaginary above it', () => {
    expect(loopF(1e-3).re / (-1e-3 / 12)).toBeCloseTo(1, 3);
    const below = loopF(4 - 1e-9), above = loopF(4 + 1e-9);
    expect(Math.abs(below.re - above.re)).toBeLessThan(1e-3);
    expect(below.im).toBe(0);
    expect(loopF(6).im).not.toBe(0);
  });

  it('|A(z)|² has the ππ cusp: larger just above m_γγ = 2m_π than at small z', () => {
    const z2pi = (2 * M.piCharged / M.K) ** 2;
    expect(amplitude2(z2pi * 1.05)).toBeGreaterThan(3 * amplitude2(0.05));
  });

  it('the weight vanishes outside the phase space', () => {
    const me2 = 4 * M.e * M.e;
    expect(kpi4eWeight(me2 * 0.99, 100, 300)).toBe(0);
    expect(kpi4eWeight(100, 100, M.K - M.piCharged + 1)).toBe(0);
    expect(kpi4eWeight(100 ** 2, 100 ** 2, 199)).toBe(0);
    expect(kpi4eWeight(100, 100, 300)).toBeGreaterThan(0);
  });

  it('pair masses follow the Kroll–Wada ds/s spectrum well below m_γγ: equal counts per decade of m_ee', () => {
    const rng = new Rng(7, 0);
    let d1 = 0, d2 = 0; // m_ee in [2, 6] MeV and [6, 18] MeV: the same span in ln m
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const m = Math.sqrt(sampleKpi4eMasses(rng).s1);
      if (m > 2 && m < 6) d1++; else if (m > 6 && m < 18) d2++;
    }
    expect(d1).toBeGreaterThan(1000);
    expect(Math.abs(d1 - d2) / Math.sqrt(d1 + d2)).toBeLessThan(4);
  });

  it('m_γγ sits mostly above the ππ threshold (the shape of K+ → π+γγ), not flat in phase space', () => {
    const rng = new Rng(8, 0);
    let above = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) if (sampleKpi4eMasses(rng).mgg > 2 * M.piCharged) above++;
    expect(above / n).toBeGreaterThan(0.6);
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
