/** Histogram binning and errors, the cut-flow efficiencies, and what the analysis plots show while blind. */
import { describe, expect, it } from 'vitest';
import { autoRange, binOf, histogram } from '../../src-shared/analysis/histogram';
import { cutflowTable } from '../../src-shared/analysis/cutflow';
import { analysisPlots, binsWithFloor, type HistSpec, type ScatterSpec } from '../../src-renderer/src/analysis/analysis-data';
import { runSelection, resolveSelection } from '../../src-engine/selection/run';
import { regionShapes } from '../../src-engine/public';
import { ALL_OPEN } from '../../src-shared/selection/blinding';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { VARIABLES } from '../../src-engine/reco/variables';
import type { SelectionConfigInput } from '../../src-shared/selection/types';
import { columnsFromCandidates } from '../../src-shared/selection/candidate-columns';

describe('histogram', () => {
  it('puts each value in its bin, the upper edge in the overflow, NaN apart', () => {
    const h = histogram([0, 0.5, 0.99, 1, 1.5, 9.99, 10, -0.1, NaN, Infinity], { lo: 0, hi: 10, bins: 10 });
    expect([...h.entries]).toEqual([3, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(h.underflow).toBe(1);
    expect(h.overflow).toBe(1); // 10 itself
    expect(h.nonFinite).toBe(2); // NaN and +∞
    expect([...h.edges]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives √N errors unweighted and √Σw² weighted', () => {
    const u = histogram([1, 1, 1, 1, 3], { lo: 0, hi: 4, bins: 4 });
    expect(u.sumw[1]).toBe(4);
    expect(u.err[1]).toBeCloseTo(2, 12);
    expect(u.err[3]).toBeCloseTo(1, 12);
    expect(u.err[0]).toBe(0);
    const w = histogram([1, 1, 3], { lo: 0, hi: 4, bins: 4 }, [2, 0.5, 3]);
    expect(w.sumw[1]).toBeCloseTo(2.5, 12);
    expect(w.err[1]).toBeCloseTo(Math.sqrt(4 + 0.25), 12);
    expect(w.entries[1]).toBe(2);
    expect(w.sumw[3]).toBe(3);
    expect(w.err[3]).toBe(3);
  });

  it('never puts a value that rounds up past the last bin into a bin that does not exist', () => {
    const h = histogram([0.3 - 1e-16, 0.29999999999999993], { lo: 0, hi: 0.3, bins: 3 });
    expect(h.entries[2]).toBe(2);
  });

  it('refuses an empty range and mismatched weights', () => {
    expect(() => histogram([1], { lo: 1, hi: 1, bins: 5 })).toThrow(/empty/);
    expect(() => histogram([1, 2], { lo: 0, hi: 3, bins: 3 }, [1])).toThrow(/2 values but 1 weights/);
  });

  it('finds round ranges that hold every finite value, and the bin of a value', () => {
    const r = autoRange([213.4, 498.2, 377, NaN], 40);
    expect(r.lo).toBeLessThanOrEqual(213.4);
    expect(r.hi).toBeGreaterThan(498.2);
    expect(r.bins).toBe(40);
    const h = histogram([213.4, 498.2, 377], r);
    expect(h.underflow + h.overflow).toBe(0);
    expect(h.entries.reduce((a, b) => a + b, 0)).toBe(3);
    expect(autoRange([], 10, [5, 6])).toMatchObject({ lo: 5 });
    const e = histogram([], { lo: 0, hi: 10, bins: 10 });
    expect(binOf(e, 0)).toBe(0);
    expect(binOf(e, 9.999)).toBe(9);
    expect(binOf(e, 10)).toBe(-1);
    expect(binOf(e, -1)).toBe(-1);
    expect(binOf(e, NaN)).toBe(-1);
  });
});

describe('cut-flow table', () => {
  it('computes relative and cumulative efficiencies with binomial errors, weighted and not', () => {
    const t = cutflowTable([
      { id: 'all', label: 'all', enabled: true, n: 1000, w: 500 },
      { id: 'a', label: 'a', enabled: true, n: 400, w: 100 },
      { id: 'b', label: 'b', enabled: false, n: 400, w: 100 },
      { id: 'c', label: 'c', enabled: true, n: 100, w: 10 },
      { id: 'd', label: 'd', enabled: true, n: 0, w: 0 },
      { id: 'e', label: 'e', enabled: true, n: 0, w: 0 },
    ]);
    expect(t[1]).toMatchObject({ rel: 0.4, cum: 0.4, relW: 0.2, cumW: 0.2 });
    expect(t[1]!.relErr).toBeCloseTo(Math.sqrt((0.4 * 0.6) / 1000), 12);
    expect(t[2]).toMatchObject({ rel: 1, relErr: 0 }); // switched off: passes all
    expect(t[3]!.rel).toBeCloseTo(0.25, 12);
    expect(t[3]!.relErr).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 400), 12);
    expect(t[3]!.cum).toBeCloseTo(0.1, 12);
    expect(t[5]!.rel).toBeNaN(); // nothing left to cut on
  });
});

describe('analysis plots of a selection', () => {
  /** the selection on a mock-data file (blind like data), blind and with every region open */
  async function resultsOf(config: Parameters<typeof generateToSink>[0], selection: SelectionConfigInput) {
    const sink = memorySink();
    await generateToSink(config, sink, { mockData: true });
    const file = await openEventFile(memorySource('mc.arrow', sink.bytes()));
    return { shut: await runSelection(file, resolveSelection(selection)), open: await runSelection(file, resolveSelection(selection), { stages: ALL_OPEN }) };
  }
  const resultOf = async (config: Parameters<typeof generateToSink>[0], selection: SelectionConfigInput) => (await resultsOf(config, selection)).open;

  it('plots no event in the masked SR and CR of the CDA_TAX–Z_TAX plane while blind, and draws both regions', async () => {
    const sel = { preset: 'dump-mumu' } as const;
    const { open, shut } = await resultsOf({ mode: 'dump', numEvents: 1500, seed: 7, mix: { 'aprime-mumu': 2, 'combinatorial-mumu': 1 } }, sel);
    expect(open.candidates.filter((c) => c.region).length).toBeGreaterThan(20); // the test means something
    const input = (r: typeof open) => ({ result: r, shapes: regionShapes(r.selection), variables: VARIABLES, weighted: false });
    const tax = (r: typeof open) => analysisPlots(input(r)).find((p) => p.id === 'tax') as ScatterSpec;
    const inRegion = (s: ScatterSpec, x: number, y: number) => s.regions.some((g) => g.kind === 'box' && x > g.x0 && x < g.x1 && y > g.y0 && y < g.y1);
    const blindPlane = tax(shut);
    expect(blindPlane.regions.map((g) => [g.id, g.masked])).toEqual([['SR', true], ['CR', true]]);
    for (let i = 0; i < blindPlane.xs.length; i++) expect(inRegion(blindPlane, blindPlane.xs[i]!, blindPlane.ys[i]!)).toBe(false);
    const openPlane = tax(open);
    expect(openPlane.regions.every((g) => !g.masked)).toBe(true);
    expect(Array.from(openPlane.xs).some((x, i) => inRegion(openPlane, x, openPlane.ys[i]!))).toBe(true);
    // the SR box is the paper's: 0 < CDA_TAX < 20 mm, 6 < Z_TAX < 40 m
    expect(blindPlane.regions[0]).toMatchObject({ kind: 'box', x0: 6, x1: 40, y0: 0, y1: 20 });
    // a background sample goes under the plane as a density, in the same units
    const withBg = analysisPlots({ ...input(open), background: { columns: columnsFromCandidates(open.candidates.slice(0, 10), open.keyVariables), label: 'bg.arrow' } }).find((p) => p.id === 'tax') as ScatterSpec;
    expect(withBg.density?.label).toBe('bg.arrow');
    expect(Array.from(withBg.density!.xs)).toEqual(Array.from(openPlane.xs.slice(0, 10)));
    // the mass histogram holds every candidate once, the E/p one both tracks of each
    const plots = analysisPlots(input(open));
    const mass = plots.find((p) => p.id === 'mass') as HistSpec;
    const eop = plots.find((p) => p.id === 'eop') as HistSpec;
    const total = (h: HistSpec) => h.h.entries.reduce((a, b) => a + b, 0) + h.h.underflow + h.h.overflow + h.h.nonFinite;
    expect(total(mass)).toBe(open.candidates.length);
    expect(eop.values.length).toBe(2 * open.candidates.length);
  });

  it('keeps the m_π4e SR band empty while blind and shades it as masked', async () => {
    const { open: r, shut } = await resultsOf({ mode: 'kaon', numEvents: 5000, seed: 11, mix: { 'k2pi-dd': 3, 'kpi4e-nonres': 1 } }, { preset: 'kaon-pi4e', params: { hypothesis: 'none' } });
    const mass = analysisPlots({ result: shut, shapes: regionShapes(shut.selection), variables: VARIABLES, weighted: false }).find((p) => p.id === 'mass') as HistSpec;
    expect(mass.bands).toEqual([{ lo: 484, hi: 504, label: 'SR', masked: true }]);
    for (let k = 0; k < mass.h.entries.length; k++) {
      if (mass.h.edges[k]! >= 484 && mass.h.edges[k + 1]! <= 504) expect(mass.h.entries[k]).toBe(0);
    }
    expect(r.candidates.some((c) => c.region === 'SR')).toBe(true); // unblinded, the band has events
  }, 20_000); // 5000 kaon events (five-track acceptance ≈ 0.13 %): seconds on a loaded machine

  it('lists a variable kept on demand with every candidate, and plots it', async () => {
    const r = await resultOf({ mode: 'dump', numEvents: 600, seed: 3, mix: { 'aprime-mumu': 1 } }, { preset: 'dump-mumu', keep: ['chi2_1', 'vx'] });
    expect(r.keyVariables).toEqual(expect.arrayContaining(['chi2_1', 'vx', 'm_mumu']));
    expect(r.candidates.every((c) => Number.isFinite(c.vars['chi2_1']))).toBe(true);
    const plots = analysisPlots({ result: r, shapes: regionShapes(r.selection), variables: VARIABLES, weighted: false, custom: { x: 'vx', y: 'chi2_1' } });
    const custom = plots.find((p) => p.id === 'custom') as ScatterSpec;
    expect(custom.kind).toBe('scatter');
    expect(custom.xLabel).toBe('two-track vertex x [mm]');
    expect(custom.xs.length).toBe(r.candidates.length);
    expect(() => resolveSelection({ preset: 'dump-mumu', keep: ['nonsense'] })).toThrow(/no variable "nonsense"/);
  });

  it('frames the CDA_TAX–Z_TAX plane on the regions, counts what falls outside, and titles every axis in words with its unit', async () => {
    const r = await resultOf({ mode: 'dump', numEvents: 600, seed: 3, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1 } }, { preset: 'dump-mumu' });
    const plots = analysisPlots({ result: r, shapes: regionShapes(r.selection), variables: VARIABLES, weighted: false, custom: { x: 'p1' } });
    const tax = plots.find((p) => p.id === 'tax') as ScatterSpec;
    // the paper's CR is CDA_TAX < 150 mm, −4 < Z_TAX < 50 m: the frame holds it with a little room, and the SR (< 20 mm) is 1/8 of the height
    expect(tax.domainY).toEqual([0, 160]);
    expect(tax.domainX).toEqual([-10, 60]);
    const beyond = Array.from(tax.xs).filter((x, i) => !(x >= -10 && x <= 60 && tax.ys[i]! >= 0 && tax.ys[i]! <= 160)).length;
    expect(tax.outside).toBe(beyond);
    expect(tax.xLabel).toBe('Z_TAX [m]');
    expect(tax.yLabel).toBe('CDA_TAX [mm]');
    const labels = Object.fromEntries(plots.map((p) => [p.id, p.xLabel]));
    expect(labels).toMatchObject({ mass: 'm_μμ [MeV/c²]', vz: 'two-track vertex z [m]', dt: 'Δt = t₁ − t₂ [ns]', eop: 'E/p of both tracks (LKr cluster)', custom: 'momentum of track 1 [GeV/c]' }); // momenta in GeV/c, as the HUD shows them
    // never a raw catalogue name such as "kvz" or "p1"
    for (const p of plots) expect(p.xLabel).not.toMatch(/^[a-z0-9_]+( \[|$)/);
  });

  it('titles the kaon-mode vertex axis in words, not "kvz"', async () => {
    const r = await resultOf({ mode: 'kaon', numEvents: 400, seed: 11, mix: { 'k2pi-dd': 1 } }, { preset: 'kaon-pi4e', params: { hypothesis: 'none' } });
    const plots = analysisPlots({ result: r, shapes: regionShapes(r.selection), variables: VARIABLES, weighted: false });
    expect(plots.find((p) => p.id === 'vz')?.xLabel).toBe('five-track vertex z [m]');
    expect(plots.find((p) => p.id === 'mass')?.xLabel).toBe('m_π4e [MeV/c²]');
    expect(plots.find((p) => p.id === 'chi2')?.xLabel).toBe('five-track vertex χ²');
  }, 20_000);

  it('does not auto-range a histogram of two entries to bins finer than the variable resolves', async () => {
    const r = await resultOf({ mode: 'dump', numEvents: 600, seed: 3, mix: { 'aprime-mumu': 1 } }, { preset: 'dump-mumu' });
    const two = r.candidates.filter((c) => Number.isFinite(c.vars['m_mumu'])).slice(0, 2);
    expect(two.length).toBe(2);
    // two masses 0.03 MeV/c² apart: before, 40 bins of < 0.001 MeV/c²
    const pair = [{ ...two[0]!, vars: { ...two[0]!.vars, m_mumu: 400.01 } }, { ...two[1]!, vars: { ...two[1]!.vars, m_mumu: 400.04 } }];
    const plots = analysisPlots({ result: { ...r, candidates: pair }, shapes: regionShapes(r.selection), variables: VARIABLES, weighted: false });
    const mass = plots.find((p) => p.id === 'mass') as HistSpec;
    const width = (mass.h.edges[mass.h.edges.length - 1]! - mass.h.edges[0]!) / (mass.h.edges.length - 1);
    expect(width).toBeCloseTo(1, 9);
    expect(mass.yLabel).toBe('events / 1 MeV/c²');
    expect(mass.h.entries.reduce((a, b) => a + b, 0)).toBe(2); // both inside the range, neither in the overflow
    // edges on whole MeV/c²: tick labels are short round numbers
    for (const e of mass.h.edges) expect(Number.isInteger(e)).toBe(true);
  });

  it('widens a too-fine binning about the data and leaves a fine-enough one alone', () => {
    expect(binsWithFloor({ lo: 0, hi: 100, bins: 40 }, 1, 3, 97)).toEqual({ lo: 0, hi: 100, bins: 40 });
    const w = binsWithFloor({ lo: 400, hi: 400.05, bins: 40 }, 1, 400.01, 400.04);
    // 40 bins of 1 MeV/c², edges on whole numbers, the data in the middle
    expect(w).toEqual({ lo: 381, hi: 421, bins: 40 });
    // a value on an edge stays inside the last bin (its upper edge is overflow)
    const e = binsWithFloor({ lo: 0, hi: 0.5, bins: 10 }, 1, 0, 0.5);
    expect(e.lo).toBeLessThanOrEqual(0);
    expect(e.hi).toBeGreaterThan(0.5);
    // no entries: bins of the floor width from the fallback's start, not a range about nothing
    expect(binsWithFloor({ lo: 0, hi: 1, bins: 40 }, 1, Infinity, -Infinity)).toEqual({ lo: 0, hi: 40, bins: 40 });
  });
});
