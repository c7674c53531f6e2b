/**
 * Issue 20: candidates reach the UI without a per-candidate object pass. A result of 10⁵
 * candidates as the client holds it (columns, and `candidates` made lazily from them) goes through
 * everything the UI does with a selection — stepping (next/previous, first/last, the walk
 * position, a run:burst:event jump), the slideshow, the analysis plots (TAX plane, histograms, a
 * background density, a custom scatter), a plot's brush and tooltip, the shown event's region —
 * and the lazy candidate list must never be read: reading it is the object pass this test forbids.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { first, jump, last, step, walkIndex, walkList, walkPosition } from '../../src-renderer/src/state/navigation';
import { followAutoplay } from '../../src-renderer/src/state/autoplay';
import { analysisPlots, type HistSpec, type ScatterSpec } from '../../src-renderer/src/analysis/analysis-data';
import { positionsInRange } from '../../src-renderer/src/analysis/plot-zoom';
import { columnsOf, selectedRegion, tableOrder, withLazyCandidates, type CandidateColumns } from '../../src-shared/selection/candidate-columns';
import { resolveSelection } from '../../src-engine/selection/run';
import { regionShapes } from '../../src-engine/public';
import { VARIABLES } from '../../src-engine/reco/variables';
import type { DatasetInfo } from '../../src-shared/api/contract';
import type { SelectionResult } from '../../src-shared/selection/types';

const N = 100_000;
const KEYS = ['m_mumu', 'z_tax', 'cda_tax', 'vz', 'dt', 'eop1', 'eop2'];

/** 10⁵ candidates as columns: every third event of the file, deterministic values (an LCG, seed 7). */
function bigColumns(): CandidateColumns {
  let s = 7;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const vars = KEYS.map(() => new Float64Array(N));
  const c: CandidateColumns = {
    n: N, files: ['big.arrow'], file: new Uint16Array(N), processes: ['aprime-mumu', 'combinatorial-mumu'], process: new Uint16Array(N),
    index: new Float64Array(N), run: new Int32Array(N), burst: new Int32Array(N), event: new Int32Array(N), weight: new Float64Array(N),
    region: new Uint8Array(N), keys: KEYS, vars,
  };
  for (let i = 0; i < N; i++) {
    c.index[i] = 3 * i; c.run[i] = 11001; c.burst[i] = Math.floor(i / 1000); c.event[i] = i % 1000; c.weight[i] = 0.5 + rnd();
    c.process[i] = i % 2; c.region[i] = i % 50 === 0 ? 1 : i % 7 === 0 ? 2 : 0;
    vars[0]![i] = 200 + 400 * rnd(); vars[1]![i] = -10e3 + 70e3 * rnd(); vars[2]![i] = 160 * rnd(); vars[3]![i] = 100e3 + 85e3 * rnd();
    vars[4]![i] = 4 * rnd() - 2; vars[5]![i] = 1.5 * rnd(); vars[6]![i] = i % 11 === 0 ? NaN : 1.5 * rnd();
  }
  return c;
}

/** The result as the API client hands it to the UI, with a count of every read of its candidate objects. */
function clientResult(): { result: SelectionResult; reads: () => number } {
  const selection = resolveSelection({ preset: 'dump-mumu' });
  const base = { format: 'na62-selection', selection, keyVariables: KEYS, candidates: [], columns: bigColumns(), blinded: false, masked: { n: 0 }, cutflow: [] } as unknown as SelectionResult;
  const lazy = withLazyCandidates(base);
  const get = Object.getOwnPropertyDescriptor(lazy, 'candidates')!.get!;
  let reads = 0;
  Object.defineProperty(lazy, 'candidates', { enumerable: true, configurable: true, get: () => { reads++; return get(); } });
  return { result: lazy, reads: () => reads };
}

describe('candidates reach the UI as columns: no object per candidate', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('stepping, the slideshow, the plots, brushes, tooltips and the shown event’s region read 10⁵ candidates without making their objects', async () => {
    const { result, reads } = clientResult();
    const cols = columnsOf(result);
    const stores = createAppStores({ storage: memoryStorage() });
    const ds = { id: 'd1', name: 'big.arrow', numEvents: 3 * N, meta: {} } as unknown as DatasetInfo;
    const shown: number[] = [];
    const showEvent = async (i: number) => { shown.push(i); stores.data.setState({ index: i }); };
    stores.data.setState({ datasets: [ds], current: 'd1', index: 0 });
    stores.selection.setState({ result, resultDataset: 'd1', walkCandidates: true, sort: { key: 'm_mumu', dir: -1 } });

    // stepping follows the table's order (m_mumu, descending)
    const order = tableOrder(cols, { key: 'm_mumu', dir: -1 });
    const walk = walkList(stores)!;
    expect(walk.rows.length).toBe(N);
    await first(stores, showEvent);
    expect(shown.at(-1)).toBe(cols.index[order[0]!]);
    await step(stores, showEvent, 1);
    expect(shown.at(-1)).toBe(cols.index[order[1]!]);
    expect(walkPosition(stores, walkList(stores)!)).toBe(1);
    await step(stores, showEvent, -1);
    expect(shown.at(-1)).toBe(cols.index[order[0]!]);
    await last(stores, showEvent);
    expect(shown.at(-1)).toBe(cols.index[order[N - 1]!]);
    expect(walkIndex(walkList(stores)!, N - 1)).toBe(shown.at(-1));
    expect(await jump(stores, showEvent, '11001:42:17', async () => null)).toBeUndefined();
    expect(shown.at(-1)).toBe(3 * (42 * 1000 + 17));

    // the slideshow: from the shown event to the next row of the walk
    stores.data.setState({ index: cols.index[order[10]!]! });
    const stop = followAutoplay(stores, stores.autoplay, showEvent);
    stores.autoplay.getState().setInterval(0.5);
    stores.autoplay.getState().play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown.slice(-2)).toEqual([cols.index[order[11]!], cols.index[order[12]!]]);
    stop();

    // the shown event: selected (its region) or not
    expect(selectedRegion(result, 0)).toBe('SR');
    expect(selectedRegion(result, 3 * 7)).toBe('CR');
    expect(selectedRegion(result, 3)).toBe('');
    expect(selectedRegion(result, 1)).toBeUndefined();

    // the analysis plots, weighted, with a background density and a custom scatter
    const plots = analysisPlots({
      result, shapes: regionShapes(result.selection), variables: VARIABLES, weighted: true,
      background: { columns: cols, label: 'bg' }, custom: { x: 'vz', y: 'm_mumu' },
    });
    const tax = plots.find((p) => p.id === 'tax') as ScatterSpec, mass = plots.find((p) => p.id === 'mass') as HistSpec, eop = plots.find((p) => p.id === 'eop') as HistSpec;
    expect(tax.xs.length).toBe(N);
    expect(tax.xs[5]).toBeCloseTo(cols.vars[1]![5]! * 1e-3, 12);
    expect(tax.density!.ys[9]).toBe(cols.vars[2]![9]);
    expect(mass.values.length).toBe(N);
    expect(mass.weights[3]).toBe(cols.weight[3]);
    expect(eop.values.length).toBe(2 * N);
    expect(Number.isNaN(eop.values[N])).toBe(true); // eop2 of candidate 0 is NaN
    expect((plots.find((p) => p.id === 'custom') as ScatterSpec).ys[4]).toBe(cols.vars[0]![4]);
    // a brush: the events inside a mass range, by their positions in the columns
    const brushed = new Set([...positionsInRange(mass.values, mass.owners, [300, 320])].map((pos) => cols.index[pos]!));
    expect(brushed.size).toBeGreaterThan(N / 50);
    for (const e of [...brushed].slice(0, 50)) { const v = cols.vars[0]![e / 3]!; expect(v >= 300 && v <= 320).toBe(true); }

    // nothing above asked for the candidates as objects
    expect(reads()).toBe(0);
  }, 30_000);
});
