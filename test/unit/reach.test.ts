import { describe, expect, it } from 'vitest';
import { aprimeReach, longLivedOf, reweight, selectedCandidates } from '../../src-engine/physics/reach';
import { countError, measure } from '../../src-engine/physics/measure';

describe('reach scan: reweighting a long-lifetime sample to other couplings', () => {
  it('reweighting to the generation lifetime changes nothing; to another lifetime follows the exponential', () => {
    const c = [{ w: 2, p: 100_000, m: 400, L: 100_000 }];
    expect(reweight(c, 1e6, 1e6).n).toBeCloseTo(2, 12);
    const lg = (100_000 / 400) * 1e6, ln = (100_000 / 400) * 1e3;
    expect(reweight(c, 1e6, 1e3).n).toBeCloseTo(2 * (lg / ln) * Math.exp(-100_000 / ln + 100_000 / lg), 12);
  });

  it('agrees with direct generation at two couplings (400 MeV A′ → μμ, SR of dump-mumu)', () => {
    const n = 12_000;
    const [lo, hi] = aprimeReach([400], [3e-7, 1e-6], ['mumu'], { events: n, seed: 41 });
    for (const [pt, eps] of [[lo!, 3e-7], [hi!, 1e-6]] as const) {
      const direct = measure({ mode: 'dump', mix: { 'aprime-mumu': 1 }, numEvents: n, seed: 42, truth: true, massMeV: 400, epsilon: eps }, { preset: 'dump-mumu' }, { keepEvents: false });
      const d = direct.regions['SR']!;
      expect(d.n).toBeGreaterThan(200);
      const pull = (pt.nExp - d.w) / Math.hypot(pt.err, countError(d));
      expect(Math.abs(pull), `ε = ${eps}: reweighted ${pt.nExp} ± ${pt.err}, direct ${d.w} ± ${countError(d)}`).toBeLessThan(3.5);
    }
  }, 60_000);

  it('takes the decay length from the truth of each selected candidate', () => {
    const c = selectedCandidates('aprime', 'mumu', 400, { events: 2000, seed: 43 });
    expect(c.length).toBeGreaterThan(50);
    for (const x of c) { expect(x.m).toBeCloseTo(400, 3); expect(x.L).toBeGreaterThan(102_500 - 26_500); expect(x.L).toBeLessThan(180_000); }
    void longLivedOf;
  }, 30_000);
});
