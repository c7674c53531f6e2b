import { describe, expect, it } from 'vitest';
import { biasedPair, closeInterval, closeLength, naturalPair, NATURAL_WINDOW_NS, BIASED_WINDOW_NS, PAIR_PROPOSAL, pairsWithin, proposalDensities } from '../../src-engine/generator/halo-pairs';
import { aimedSlopeDensity, sampleAimedSlopes, SR_AIM } from '../../src-engine/generator/halo-pair-aim';
import { cdaTax } from '../../src-shared/physics/tax';
import { haloDensity, sampleHalo, Z_HALO_REF, type HaloState } from '../../src-engine/generator/halo-model';
import { haloCanBeTracked, haloNearBeamHole, nearBeamHoleFraction, samplePromptHalo, trackableFraction } from '../../src-engine/generator/halo-acceptance';
import { Rng } from '../../src-engine/generator/rng';

/** Truth-level two-line vertex: CDA and z of closest approach of two halo lines. */
function crossing(a: HaloState, b: HaloState): { cda: number; z: number } {
  const drx = b.x - a.x, dry = b.y - a.y, dsx = b.sx - a.sx, dsy = b.sy - a.sy;
  const A = dsx * dsx + dsy * dsy;
  const u = A > 0 ? -(drx * dsx + dry * dsy) / A : 0;
  return { cda: Math.hypot(drx + dsx * u, dry + dsy * u), z: Z_HALO_REF + u };
}

/** A region both generators populate: trackable lines crossing within 24 mm in 100–185 m (inside the biased support, ρ = 25 mm in 95–190 m). */
const inRegion = (p: { plus: HaloState; minus: HaloState }) => {
  if (!haloCanBeTracked(p.plus) || !haloCanBeTracked(p.minus)) return false;
  const c = crossing(p.plus, p.minus);
  return c.cda < 24 && c.z > 100_000 && c.z < 185_000;
};

/** Truth-level CDA_TAX and Z_TAX: the line through the lines' closest approach along the summed momentum. */
function taxOf(p: { plus: HaloState; minus: HaloState }): { cda: number; z: number } {
  const c = crossing(p.plus, p.minus), u = c.z - Z_HALO_REF, P = p.plus.p + p.minus.p;
  return cdaTax(p.plus.x + p.plus.sx * u, p.plus.y + p.plus.sy * u, c.z, (p.plus.sx * p.plus.p + p.minus.sx * p.minus.p) / P, (p.plus.sy * p.plus.p + p.minus.sy * p.minus.p) / P);
}

/**
 * Truth level: in that region, and the pair's summed momentum points back to the proton beam on the TAX
 * (CDA_TAX < 40 mm, 0 < Z_TAX < 50 m): what the dump-mumu SR and the inner CR select.
 */
const pointsToTax = (p: { plus: HaloState; minus: HaloState }) => {
  if (!inRegion(p)) return false;
  const t = taxOf(p);
  return t.cda < 40 && t.z > 0 && t.z < 50_000;
};

describe('combinatorial halo pairs: biased generation with weights', () => {
  it('the pair normalisation is linear in the coincidence window and quadratic in the halo rate', () => {
    expect(pairsWithin(2) / pairsWithin(1)).toBeCloseTo(2, 12);
    expect(pairsWithin(1, 2e-8) / pairsWithin(1, 1e-8)).toBeCloseTo(4, 12);
  });

  it('closeLength is the z range where the lines are within ρ (checked by scanning)', () => {
    const rng = new Rng(3, 0);
    for (let k = 0; k < 20; k++) {
      const a = sampleHalo(1, rng);
      const b: HaloState = { ...sampleHalo(-1, rng), x: a.x + rng.normal(0, 30), y: a.y + rng.normal(0, 30) };
      let inside = 0;
      for (let z = 95_000; z < 190_000; z += 10) {
        const u = z - Z_HALO_REF + 5;
        if (Math.hypot(b.x - a.x + (b.sx - a.sx) * u, b.y - a.y + (b.sy - a.sy) * u) < 25) inside += 10;
      }
      expect(Math.abs(closeLength(a, b) - inside)).toBeLessThan(25);
    }
  });

  it('biased and natural sampling give the same probability for pairs crossing in the decay volume', () => {
    // natural: P(region) = fraction of independent pairs; biased: mean of w_geo over the region
    const nNat = 400_000, nBias = 20_000;
    const rn = new Rng(11, 0);
    let kNat = 0;
    for (let i = 0; i < nNat; i++) if (inRegion(naturalPair(rn))) kNat++;
    const rb = new Rng(12, 0);
    let sw = 0, sw2 = 0;
    for (let i = 0; i < nBias; i++) {
      const p = biasedPair(rb);
      if (p.wGeo > 0 && inRegion(p)) { sw += p.wGeo; sw2 += p.wGeo ** 2; }
    }
    const pNat = kNat / nNat, ePat = Math.sqrt(kNat) / nNat;
    const pBias = sw / nBias, eBias = Math.sqrt(sw2) / nBias;
    expect(kNat).toBeGreaterThan(40);
    const pull = (pBias - pNat) / Math.hypot(ePat, eBias);
    expect(Math.abs(pull)).toBeLessThan(3.5);
    // and the biased generator is the efficient one: its relative error is several times smaller
    expect(eBias / pBias).toBeLessThan((0.5 * ePat) / pNat);
  }, 30_000);

  it('each part of the μ⁻ proposal is the density its sampler draws: E_q[part/q] = 1, and for the aims E_q[1_A·part/q] = their own rate in A', () => {
    // for any mixture q = Σ αᵢ qᵢ and draws from q, the mean of qᵢ/q is ∫ qᵢ = 1 and the mean of 1_A·qᵢ/q is
    // the probability that part i alone lands in A, when qᵢ is the density its part really samples
    // (integrated over the crossing point). The first catches a wrong normalisation; the second a wrong
    // shape, in A = the pairs that point to the TAX in the SR (the aim at the SR) or the CR (the aim at the
    // CR): evaluating the aim at the μ⁺'s crossing point instead of the μ⁻'s moves the SR by 11 % and
    // fails it. The ratios are below 1/αᵢ: 2·10⁴ pairs pin the means to 1–3 %.
    const r = new Rng(13, 0), n = 20_000, nAlone = 10_000, sh = PAIR_PROPOSAL;
    const parts = ['marg', 'near', 'point', 'aim', 'aimCr'] as const;
    const regionOf = { aim: (t: { cda: number; z: number }) => t.cda < 20 && t.z > 6_000 && t.z < 40_000, aimCr: (t: { cda: number; z: number }) => t.cda < 150 && t.z > -4_000 && t.z < 50_000 };
    const zero = () => Object.fromEntries(parts.map((k) => [k, 0])) as Record<(typeof parts)[number], number>;
    const s1 = zero(), s2 = zero(), a1 = zero(), a2 = zero();
    for (let i = 0; i < n; i++) {
      const p = biasedPair(r), d = proposalDensities(p.plus, p.minus, closeInterval(p.plus, p.minus)!), t = taxOf(p);
      const q = (1 - sh.near - sh.point - sh.aim - sh.aimCr) * d.marg + sh.near * d.near + sh.point * d.point + sh.aim * d.aim + sh.aimCr * d.aimCr;
      for (const k of parts) {
        const x = d[k] / q;
        s1[k] += x; s2[k] += x * x;
        if ((k === 'aim' || k === 'aimCr') && regionOf[k](t)) { a1[k] += x; a2[k] += x * x; }
      }
    }
    for (const k of parts) {
      const m = s1[k] / n, se = Math.sqrt((s2[k] / n - m * m) / n);
      expect(Math.abs(m - 1), k).toBeLessThan(Math.max(0.05, 4 * se));
    }
    for (const k of ['aim', 'aimCr'] as const) {
      const ra = new Rng(15, parts.indexOf(k));
      let hits = 0;
      for (let i = 0; i < nAlone; i++) if (regionOf[k](taxOf(biasedPair(ra, { near: 0, point: 0, aim: k === 'aim' ? 1 : 0, aimCr: k === 'aimCr' ? 1 : 0 })))) hits++;
      const f = hits / nAlone, fe = Math.sqrt(f * (1 - f) / nAlone);
      const ma = a1[k] / n, mae = Math.sqrt((a2[k] / n - ma * ma) / n);
      expect(f).toBeGreaterThan(0.3);
      expect(Math.abs(ma - f) / Math.hypot(fe, mae), `${k}: ${ma} vs ${f}`).toBeLessThan(3.5);
    }
  }, 30_000);

  it('the aimed slopes: the closed-form density is that of the sampler (histogram) and it integrates to 1', () => {
    // one μ⁺ and crossing point; a 2-D histogram of the drawn μ⁻ slopes against the density at the bin centres
    const r = new Rng(41, 0), plus = { sx: 1.2e-3, sy: -2.5e-3, p: 20_000 }, pm = 12_000, V = { x: 180, y: -240, z: 150_000 };
    const n = 200_000, xs: number[] = [], ys: number[] = [];
    for (let i = 0; i < n; i++) { const s = sampleAimedSlopes(SR_AIM, plus.sx, plus.sy, plus.p, pm, V.x, V.y, V.z, r); xs.push(s.sx); ys.push(s.sy); }
    const lo = (a: number[]) => a.reduce((m, v) => Math.min(m, v), Infinity), hi = (a: number[]) => a.reduce((m, v) => Math.max(m, v), -Infinity);
    const nb = 24, x0 = lo(xs), y0 = lo(ys), hx = (hi(xs) - x0) / nb, hy = (hi(ys) - y0) / nb;
    const h = new Array<number>(nb * nb).fill(0);
    for (let i = 0; i < n; i++) h[Math.min(nb - 1, Math.floor((xs[i]! - x0) / hx)) * nb + Math.min(nb - 1, Math.floor((ys[i]! - y0) / hy))]!++;
    let chi2 = 0, dof = 0, integral = 0;
    for (let i = 0; i < nb; i++) for (let j = 0; j < nb; j++) {
      const sx = x0 + (i + 0.5) * hx, sy = y0 + (j + 0.5) * hy;
      const d = aimedSlopeDensity(SR_AIM, sx, sy, plus.sx, plus.sy, plus.p, pm, V.x, V.y, V.z);
      integral += d * hx * hy;
      const expected = n * d * hx * hy;
      if (expected > 50) { chi2 += (h[i * nb + j]! - expected) ** 2 / expected; dof++; }
    }
    expect(dof).toBeGreaterThan(40);
    // bin-centre evaluation of a smooth density: a few per mille per bin against a 1/√N of 2–10 %
    expect(chi2 / dof).toBeLessThan(1.6);
    expect(Math.abs(integral - 1)).toBeLessThan(0.01);
  }, 30_000);

  it('the aimed proposal estimates the same pairs that point to the TAX as generator 1.4\'s proposal (checked against natural pairs above), with a smaller error', () => {
    // pointsToTax: ~ 1 in 50 pairs of the 1.4 proposal (without aims) lands there
    const estimate = (shares: typeof PAIR_PROPOSAL, n: number, seed: number) => {
      const r = new Rng(seed, 0);
      let sw = 0, sw2 = 0, k = 0;
      for (let i = 0; i < n; i++) { const p = biasedPair(r, shares); if (p.wGeo > 0 && pointsToTax(p)) { k++; sw += p.wGeo; sw2 += p.wGeo ** 2; } }
      return { k, p: sw / n, e: Math.sqrt(sw2) / n };
    };
    const old = estimate({ near: 0.25, point: 0.6, aim: 0, aimCr: 0 }, 20_000, 12), aimed = estimate(PAIR_PROPOSAL, 20_000, 14);
    expect(old.k).toBeGreaterThan(200);
    expect(aimed.k).toBeGreaterThan(5 * old.k);
    expect(Math.abs(aimed.p - old.p) / Math.hypot(old.e, aimed.e)).toBeLessThan(3.5);
    expect(aimed.e / aimed.p).toBeLessThan(0.6 * (old.e / old.p));
  }, 30_000);

  it('forces the time coincidence and keeps the weight of the window', () => {
    const r = new Rng(5, 0);
    for (let i = 0; i < 200; i++) expect(Math.abs(biasedPair(r).dt)).toBeLessThanOrEqual(BIASED_WINDOW_NS);
    expect(pairsWithin(NATURAL_WINDOW_NS) / pairsWithin(BIASED_WINDOW_NS)).toBeCloseTo(NATURAL_WINDOW_NS / BIASED_WINDOW_NS, 12);
  });

  it('the trackable fraction is what the rejection sampler keeps, and the density is normalised', () => {
    const f = trackableFraction(1);
    expect(f).toBeGreaterThan(0.01);
    expect(f).toBeLessThan(0.9);
    // the density integrates to 1: ∫f = E_g[f/g] with g a broad Gaussian in position and slope
    const rng = new Rng(21, 0);
    const n = 200_000, SX = 1500, SS = 0.03, P0 = 5000, P1 = 150_000;
    const g1 = (v: number, s: number) => Math.exp(-0.5 * (v / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const h: HaloState = { q: 1, x: rng.normal(0, SX), y: rng.normal(0, SX), sx: rng.normal(0, SS), sy: rng.normal(0, SS), p: rng.range(P0, P1) };
      const r = haloDensity(h) / (g1(h.x, SX) * g1(h.y, SX) * g1(h.sx, SS) * g1(h.sy, SS) / (P1 - P0));
      s += r; s2 += r * r;
    }
    const integral = s / n, err = Math.sqrt((s2 / n - integral ** 2) / n);
    expect(Math.abs(integral - 1)).toBeLessThan(Math.max(0.03, 4 * err));
  });

  it('prompt proposal: the analytic near-beam-hole fraction matches sampling; the conditional sampler draws that subset', () => {
    const rng = new Rng(31, 0);
    let k = 0;
    const n = 200_000, nearNatural: HaloState[] = [];
    for (let i = 0; i < n; i++) { const h = sampleHalo(-1, rng); if (haloNearBeamHole(h)) { k++; nearNatural.push(h); } }
    const f = nearBeamHoleFraction(-1);
    expect(Math.abs(k / n - f) / (Math.sqrt(k) / n)).toBeLessThan(4);
    // the exact conditional sampler: every draw is near the hole, and its slopes and momenta are distributed as the natural subset's
    const drawn: HaloState[] = [];
    for (let i = 0; i < 3000; i++) drawn.push(samplePromptHalo(-1, rng, { near: 1, hole: 0 }).h);
    expect(drawn.every(haloNearBeamHole)).toBe(true);
    const mean = (xs: HaloState[], g: (h: HaloState) => number) => xs.reduce((a, h) => a + g(h), 0) / xs.length;
    const sd = (xs: HaloState[], g: (h: HaloState) => number) => Math.sqrt(mean(xs, (h) => g(h) ** 2) - mean(xs, g) ** 2);
    for (const g of [(h: HaloState) => h.sy, (h: HaloState) => h.sx, (h: HaloState) => h.p, (h: HaloState) => h.y]) {
      const se = Math.hypot(sd(drawn, g) / Math.sqrt(drawn.length), sd(nearNatural, g) / Math.sqrt(nearNatural.length));
      expect(Math.abs(mean(drawn, g) - mean(nearNatural, g)) / se).toBeLessThan(4);
    }
    // weights: 1/(share/F) near the hole, 1/(1 − share) elsewhere, so that E_q[w] = 1
    const w = samplePromptHalo(-1, rng, { near: 0.9, hole: 0 });
    expect(w.weight).toBeCloseTo(haloNearBeamHole(w.h) ? 1 / (0.9 / f + 0.1) : 10, 10);
  }, 30_000);
});
