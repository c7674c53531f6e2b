import { describe, expect, it } from 'vitest';
import { histogram } from '../../src-shared/analysis/histogram';
import { brushedEntries, dataDomain, niceWidth, panBy, positionsInBox, positionsInRange, wheelFactor, zoomAbout, zoomedBins } from '../../src-renderer/src/analysis/plot-zoom';

describe('plot zoom and pan', () => {
  it('zooms about the cursor: the value under it stays where it is', () => {
    const d = [-10, 60] as const;
    const z = zoomAbout(d, 7.5, 0.5);
    expect(z).toEqual([-1.25, 33.75]);
    // the cursor's fraction across the frame is the same before and after
    expect((7.5 - z[0]) / (z[1] - z[0])).toBeCloseTo((7.5 - d[0]) / (d[1] - d[0]), 12);
    expect(zoomAbout(z, 7.5, 2)).toEqual([-10, 60]);
    // nonsense factors and a collapsed range change nothing
    expect(zoomAbout(d, 0, NaN)).toEqual(d);
    expect(zoomAbout([1, 1 + 1e-12], 1, 1e-6)).toEqual([1, 1 + 1e-12]);
  });

  it('wheel up zooms in, down zooms out, lines and pages count as pixels', () => {
    expect(wheelFactor(-100)).toBeLessThan(1);
    expect(wheelFactor(100)).toBeGreaterThan(1);
    expect(wheelFactor(-100) * wheelFactor(100)).toBeCloseTo(1, 12);
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48), 12);
    expect(wheelFactor(-1e6)).toBe(wheelFactor(-600)); // one flick does not zoom to nothing
  });

  it('pans by a data offset', () => {
    expect(panBy([0, 10], 2.5)).toEqual([2.5, 12.5]);
    expect(panBy([0, 10], NaN)).toEqual([0, 10]);
  });

  it("gives the data's range with a margin", () => {
    expect(dataDomain([1, NaN, 3, 2])).toEqual([0.9, 3.1]);
    expect(dataDomain([5, 5])).toEqual([4.75, 5.25]);
    expect(dataDomain([NaN])).toBeUndefined();
  });
});

describe('histogram bins over a zoomed range', () => {
  it('keeps about the number of bins, on round widths, never finer than the resolution', () => {
    expect([0.3, 1, 1.2, 2.1, 3, 6, 0.04].map(niceWidth)).toEqual([0.5, 1, 2, 2.5, 5, 10, 0.05]);
    const full = { lo: 0, hi: 1000, bins: 40 };
    expect(zoomedBins(full, undefined, 1)).toBe(full);
    // 300–450 MeV/c²: 150/40 = 3.75 → bins of 5 from 300 to 450
    expect(zoomedBins(full, [300.4, 449.2], 1)).toEqual({ lo: 300, hi: 450, bins: 30 });
    // a zoom to 390–410: 0.5 MeV/c² bins would be finer than the 1 MeV/c² floor
    expect(zoomedBins(full, [390, 410], 1)).toEqual({ lo: 390, hi: 410, bins: 20 });
    // reversed or empty ranges fall back to the full binning
    expect(zoomedBins(full, [5, 5], 1)).toBe(full);
  });
});

describe('brushed subsets', () => {
  const xs = Float64Array.from([1, 2, 3, 4, NaN]);
  const ys = Float64Array.from([10, 20, 30, 40, 50]);
  it('finds the candidates in a box or a range', () => {
    expect([...positionsInBox(xs, ys, { x: [1.5, 4], y: [15, 35] })]).toEqual([1, 2]);
    expect([...positionsInBox(xs, ys, { x: [0, 10] })]).toEqual([0, 1, 2, 3]);
    // two entries per candidate (E/p of both tracks): a candidate counts once
    expect([...positionsInRange(Float64Array.from([0.1, 0.9, 0.5, 0.2]), Int32Array.from([0, 0, 1, 1]), [0, 0.3])]).toEqual([0, 1]);
  });

  it("bins the brushed events' entries like the full histogram: the counts add up to the brushed events", () => {
    const values = Float64Array.from([395, 401, 402, 250, 405, 990, -5]);
    const owners = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
    const events = [100, 101, 102, 103, 104, 105, 106]; // position → event index
    const brushed = new Set([101, 102, 105, 106]);
    const sub = brushedEntries(values, owners, undefined, (pos) => brushed.has(events[pos]!));
    expect([...sub.values]).toEqual([401, 402, 990, -5]);
    const spec = { lo: 0, hi: 500, bins: 50 };
    const h = histogram(sub.values, spec, sub.weights);
    const inBins = h.entries.reduce((a, b) => a + b, 0);
    expect(inBins + h.underflow + h.overflow).toBe(brushed.size);
    expect(h.entries[40]).toBe(2);
    // weights follow their entries
    const w = brushedEntries(values, owners, Float64Array.from([1, 2, 3, 4, 5, 6, 7]), (pos) => pos === 2 || pos === 4);
    expect([...w.weights]).toEqual([3, 5]);
  });
});
