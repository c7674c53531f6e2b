import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../src-engine/generator/generate';
import { darkPhotonDecay } from '../../src-engine/generator/dark-photon';
import { decayInVolume } from '../../src-engine/generator/processes';
import { decayIsotropic, decayThreeBody, mass, p4, add, type P4 } from '../../src-engine/generator/lorentz';
import { samplePi0DoubleDalitz } from '../../src-engine/generator/pi0-double-dalitz';
import { M } from '../../src-engine/generator/constants';
import { Rng } from '../../src-engine/generator/rng';
import type { Na62Event, TruthParticle } from '../../src-shared/event/model';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
const sumP = (ps: P4[]) => add(...ps);
const tp = (t: TruthParticle): P4 => ({ px: t.px, py: t.py, pz: t.pz, e: t.e });

function expectConserved(parent: P4, daughters: P4[]) {
  const s = sumP(daughters);
  const scale = parent.e;
  expect(Math.abs(s.px - parent.px) / scale).toBeLessThan(1e-9);
  expect(Math.abs(s.py - parent.py) / scale).toBeLessThan(1e-9);
  expect(Math.abs(s.pz - parent.pz) / scale).toBeLessThan(1e-9);
  expect(Math.abs(s.e - parent.e) / scale).toBeLessThan(1e-9);
}

describe('decay kinematics', () => {
  const rng = new Rng(42);
  it('two- and three-body decays conserve four-momentum to 1e-9 and keep the daughter masses', () => {
    for (let i = 0; i < 500; i++) {
      const parent = p4(rng.normal(0, 300), rng.normal(0, 300), rng.range(1e3, 1.5e5), 400);
      const [a, b] = decayIsotropic(parent, M.mu, M.mu, rng);
      expectConserved(parent, [a, b]);
      expect(rel(mass(a), M.mu)).toBeLessThan(1e-6);
      const k = p4(rng.normal(0, 100), rng.normal(0, 100), 75_000, M.K);
      const [pi, x1, x2] = decayThreeBody(k, M.piCharged, 17, 17, rng);
      expectConserved(k, [pi, x1, x2]);
      expect(rel(mass(add(a, b)), 400)).toBeLessThan(1e-9);
    }
  });

  it('generated lepton pairs have exactly the generated A\' mass, and events conserve four-momentum', () => {
    for (const [process, m] of [['aprime-mumu', 400], ['aprime-ee', 150], ['alp-mumu', 300]] as const) {
      const g = createGenerator({ mode: 'dump', mix: { [process]: 1 }, numEvents: 300, seed: 3, massMeV: m });
      for (const ev of g.events(0, 300)) {
        const t = ev.truth!;
        const parentIdx = t.findIndex((x) => x.pdg === 4900023 || x.pdg === 9000005);
        const kids = t.filter((x) => x.parent === parentIdx);
        expect(kids).toHaveLength(2);
        expect(rel(mass(add(tp(kids[0]!), tp(kids[1]!))), m)).toBeLessThan(1e-9);
        expectConserved(tp(t[parentIdx]!), kids.map(tp));
        // both leptons start at the A' decay point
        expect(kids[0]!.vz).toBe(t[parentIdx]!.dz);
      }
    }
  });

  it('kaon-mode decays conserve the kaon four-momentum', () => {
    for (const process of ['k2pi-dd', 'kpi-aa', 'kpi-s-aprime', 'kpi4e-nonres'] as const) {
      const g = createGenerator({ mode: 'kaon', mix: { [process]: 1 }, numEvents: 200, seed: 5 });
      for (const ev of g.events(0, 200)) {
        const t = ev.truth!;
        const finals = t.filter((x) => Math.abs(x.pdg) === 11 || Math.abs(x.pdg) === 211);
        expectConserved(tp(t[0]!), finals.map(tp));
      }
    }
  });
});

describe("A' decay widths (§6.4)", () => {
  it('matches the table at m = 0.4 GeV, ε = 1e-6 to 1 %', () => {
    const d = darkPhotonDecay(400, 1e-6);
    expect(rel(d.gammaEE / 1e-12 / 1000, 9.73e-4)).toBeLessThan(0.01); // Γ_ee/ε², GeV
    expect(rel(d.gammaMuMu / 1e-12 / 1000, 9.41e-4)).toBeLessThan(0.01);
    expect(rel(d.ctau / 1000, 0.0937)).toBeLessThan(0.01); // cτ, m
    expect(rel(d.brEE, 0.462)).toBeLessThan(0.01);
    expect(rel(d.brMuMu, 0.447)).toBeLessThan(0.01);
  });
  it('scales cτ as 1/ε² and has no μμ below threshold', () => {
    expect(rel(darkPhotonDecay(400, 1e-7).ctau, 100 * darkPhotonDecay(400, 1e-6).ctau)).toBeLessThan(1e-12);
    expect(darkPhotonDecay(200, 1e-6).brMuMu).toBe(0);
    expect(rel(darkPhotonDecay(100, 1e-6).ctau / 1000, 0.811)).toBeLessThan(0.01);
  });
});

describe('decay point in the fiducial volume', () => {
  it("stores with each A' event the probability that it decays in the FV, from its own momentum and cτ", () => {
    for (const ctauMm of [undefined, 5000]) {
      const g = createGenerator({ mode: 'dump', mix: { 'aprime-mumu': 1 }, numEvents: 50, seed: 4, massMeV: 400, epsilon: 3e-7, ...(ctauMm ? { ctauMm } : {}) });
      const ctau = ctauMm ?? darkPhotonDecay(400, 3e-7).ctau;
      for (const ev of g.events(0, 50)) {
        const a = ev.truth!.find((t) => t.pdg === 4900023)!;
        const p = Math.hypot(a.px, a.py, a.pz), lambda = (p / 400) * ctau, uz = a.pz / p;
        const expected = Math.exp(-(102_500 - a.vz) / uz / lambda) - Math.exp(-(180_000 - a.vz) / uz / lambda);
        expect(rel(ev.header.decayProbability!, expected)).toBeLessThan(1e-9);
        expect(a.dz).toBeGreaterThanOrEqual(102_500);
        expect(a.dz).toBeLessThanOrEqual(180_000);
      }
    }
  });

  it('follows the truncated exponential with λ = βγcτ (Kolmogorov–Smirnov)', () => {
    const rng = new Rng(11);
    const v = { x: 0, y: -22, z: 23_070, t: 0 };
    const p = p4(0, 0, 100_000, 400); // βγ = 250
    const ctau = 200; // mm → λ = 50 m
    const fv = { z0: 102_500, z1: 180_000 };
    const n = 20_000;
    const zs: number[] = [];
    let weight = 0, lambda = 0;
    for (let i = 0; i < n; i++) {
      const d = decayInVolume(v, p, ctau, rng, fv);
      zs.push(d.at.z); weight = d.weight; lambda = d.lambda;
    }
    expect(rel(lambda, 250 * 200)).toBeLessThan(1e-9);
    const L1 = fv.z0 - v.z, L2 = fv.z1 - v.z;
    expect(rel(weight, Math.exp(-L1 / lambda) - Math.exp(-L2 / lambda))).toBeLessThan(1e-12);
    const cdf = (z: number) => (Math.exp(-L1 / lambda) - Math.exp(-(z - v.z) / lambda)) / (Math.exp(-L1 / lambda) - Math.exp(-L2 / lambda));
    zs.sort((a, b) => a - b);
    let D = 0;
    zs.forEach((z, i) => { D = Math.max(D, Math.abs(cdf(z) - (i + 1) / n), Math.abs(cdf(z) - i / n)); });
    // 99.9 % critical value of the KS statistic: 1.95/√n
    expect(D).toBeLessThan(1.95 / Math.sqrt(n));
    // and a wrong λ is rejected by the same test (the test can fail)
    const wrong = (z: number) => (Math.exp(-L1 / (1.1 * lambda)) - Math.exp(-(z - v.z) / (1.1 * lambda))) / (Math.exp(-L1 / (1.1 * lambda)) - Math.exp(-L2 / (1.1 * lambda)));
    let Dw = 0;
    zs.forEach((z, i) => { Dw = Math.max(Dw, Math.abs(wrong(z) - (i + 1) / n)); });
    expect(Dw).toBeGreaterThan(1.95 / Math.sqrt(n));
  });
});

describe('π0 → e+e−e+e− (double Dalitz)', () => {
  it('conserves the π0 four-momentum and has the Kroll–Wada pair-mass spectrum', () => {
    const rng = new Rng(99);
    const pi0 = p4(50, -30, 20_000, M.pi0);
    const n = 20_000;
    const masses: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = samplePi0DoubleDalitz(pi0, rng);
      if (i < 200) expectConserved(pi0, [...d.pair1, ...d.pair2]);
      masses.push(Math.sqrt(d.s1), Math.sqrt(d.s2));
      if (i < 200) expect(rel(mass(add(...d.pair1)), Math.sqrt(d.s1))).toBeLessThan(1e-6);
    }
    // expected content of each pair-mass bin: ∫ d ln s1 ∫ d ln s2 <W>, W averaged over the angles
    // analytically (<c²> = 1/3, <sin²φ> = 1/2), i.e. the sampler's own proposal undone exactly
    const me = M.e, Mpi = M.pi0;
    const edges = [2 * me, 2, 5, 10, 20, 40, 70, 130];
    const ff = (x: number) => (770 * 770) / (770 * 770 - x);
    const wAvg = (s1: number, s2: number) => {
      const l = (Mpi * Mpi - s1 - s2) ** 2 - 4 * s1 * s2;
      if (l <= 0 || Math.sqrt(s1) + Math.sqrt(s2) >= Mpi) return 0;
      const b1 = 1 - (4 * me * me) / s1, b2 = 1 - (4 * me * me) / s2; // β²
      return (Math.pow(l, 1.5) / Mpi ** 6) * (ff(s1) * ff(s2)) ** 2 * Math.sqrt(b1 * b2) * (2 - (2 / 3) * (b1 + b2) + (2 / 9) * b1 * b2);
    };
    const lsMin = Math.log(4 * me * me), lsMax = Math.log((Mpi - 2 * me) ** 2);
    const expected: number[] = [];
    for (let b = 0; b + 1 < edges.length; b++) {
      const l0 = Math.log(edges[b]! ** 2), l1 = Math.log(edges[b + 1]! ** 2);
      let sum = 0;
      const K = 80, N = 800;
      for (let k = 0; k < K; k++) {
        const s1 = Math.exp(l0 + ((l1 - l0) * (k + 0.5)) / K);
        for (let j = 0; j < N; j++) sum += wAvg(s1, Math.exp(lsMin + ((lsMax - lsMin) * (j + 0.5)) / N)) * ((l1 - l0) / K) * ((lsMax - lsMin) / N);
      }
      expected.push(sum);
    }
    const total = expected.reduce((a, b) => a + b, 0);
    const observed = edges.slice(0, -1).map((lo, b) => masses.filter((m) => m >= lo && m < edges[b + 1]!).length);
    let chi2 = 0;
    observed.forEach((o, b) => { const e = (expected[b]! / total) * masses.length; chi2 += ((o - e) ** 2) / e; });
    // the spectrum is steep (Kroll–Wada's 1/s): per MeV, the lightest bin is the densest by far
    const perMeV = observed.map((o, b) => o / (edges[b + 1]! - edges[b]!));
    expect(perMeV[0]).toBeGreaterThan(3 * perMeV[2]!);
    for (let b = 1; b < perMeV.length; b++) expect(perMeV[b]).toBeLessThan(perMeV[b - 1]!);
    // and it agrees with the integrated matrix element bin by bin: χ² for 6 degrees of freedom below its 99.9 % point (22.5)
    expect(chi2).toBeLessThan(22.5);
    // a pure phase-space (flat in m) spectrum would fail the same comparison
    const flat = edges.slice(0, -1).map((lo, b) => ((edges[b + 1]! - lo) / (edges[edges.length - 1]! - edges[0]!)) * masses.length);
    const chi2Flat = observed.reduce((a, o, b) => a + ((o - flat[b]!) ** 2) / flat[b]!, 0);
    expect(chi2Flat / (observed.length - 1)).toBeGreaterThan(100);
  });

  it('reconstructed m(π+4e) of K2πDD events peaks at m_K with a width of 1–2 MeV', () => {
    const g = createGenerator({ mode: 'kaon', mix: { 'k2pi-dd': 1 }, numEvents: 40_000, seed: 21, truth: false });
    const m5: number[] = [];
    for (const ev of g.events(0, 40_000)) {
      if (ev.tracks.length !== 5) continue;
      const q = ev.tracks.reduce((a, t) => a + t.charge, 0);
      if (q !== 1) continue;
      // π+ hypothesis among the three positive tracks: the one giving m closest to m_K (§4.2 default [E])
      let best = Infinity;
      for (const [i, t] of ev.tracks.entries()) {
        if (t.charge < 0) continue; // π+ candidates are the positive tracks
        const ps = ev.tracks.map((x, j) => p4(x.px, x.py, x.pz, j === i ? M.piCharged : M.e));
        const mm = mass(add(...ps));
        if (Math.abs(mm - M.K) < Math.abs(best - M.K)) best = mm;
      }
      m5.push(best);
    }
    expect(m5.length).toBeGreaterThan(60); // ≈ 0.3 % of the decays keep five tracks once close e+e− tracks merge in the STRAW
    const core = m5.filter((m) => Math.abs(m - M.K) < 10).sort((a, b) => a - b);
    const median = core[Math.floor(core.length / 2)]!;
    const q16 = core[Math.floor(core.length * 0.16)]!, q84 = core[Math.floor(core.length * 0.84)]!;
    const width = (q84 - q16) / 2;
    expect(Math.abs(median - M.K)).toBeLessThan(0.5);
    expect(width).toBeGreaterThan(0.5);
    expect(width).toBeLessThan(2.5);
  });
});

describe('generator', () => {
  it('is deterministic given the seed, whatever the batch boundaries', () => {
    const cfg = { mode: 'dump' as const, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1, 'prompt-ee': 1 }, numEvents: 200, seed: 1234, strawHits: true };
    const a = createGenerator(cfg).events(0, 200);
    const b = [...createGenerator(cfg).events(0, 77), ...createGenerator(cfg).events(77, 123)];
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = createGenerator({ ...cfg, seed: 1235 }).events(0, 200);
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('produces the detector response of each particle type', () => {
    const evs: Na62Event[] = createGenerator({ mode: 'dump', mix: { 'aprime-mumu': 1, 'aprime-ee': 1 }, numEvents: 2000, seed: 8, strawHits: true }).events(0, 2000);
    const two = evs.filter((e) => e.tracks.length === 2);
    expect(two.length).toBeGreaterThan(300);
    const ee = two.filter((e) => e.header.process === 'aprime-ee' && e.lkrClusters.length === 2);
    const mumu = two.filter((e) => e.header.process === 'aprime-mumu');
    expect(ee.length).toBeGreaterThan(50);
    // electrons: E/p ≈ 1 (cluster energy vs the sum of momenta); muons: MIP clusters and MUV3 hits
    for (const e of ee.slice(0, 50)) {
      const sumE = e.lkrClusters.reduce((a, c) => a + c.energy, 0);
      const sumP = e.tracks.reduce((a, t) => a + Math.hypot(t.px, t.py, t.pz), 0);
      expect(sumE / sumP).toBeGreaterThan(0.9);
      expect(sumE / sumP).toBeLessThan(1.1);
      expect(e.muv3Hits).toHaveLength(0);
    }
    expect(mumu.filter((e) => e.muv3Hits.length === 2).length / mumu.length).toBeGreaterThan(0.6);
    for (const e of mumu) for (const c of e.lkrClusters) expect(c.energy).toBeLessThan(1100);
    // STRAW hits: 4 chambers × 4 views × ~2 layers per track
    for (const e of two.slice(0, 50)) expect(e.strawHits!.length).toBeGreaterThan(2 * 4 * 4);
    // positive tracks are kicked towards −x by MNP33
    for (const e of two) for (const t of e.tracks) expect(Math.sign(t.dxdzAfter - t.px / t.pz)).toBe(-t.charge);
  });
});
