/**
 * Columnar candidates (issue 20): a selection's candidates reach the UI as typed-array columns —
 * through the API (Electron's structured clone, the browser worker's transfer) with no object per
 * candidate — and the table orders them on the columns exactly as it ordered the objects. Blinding
 * stays in the engine: masked candidates are never in the columns.
 */
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src-shared/api/client';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { memoryHost } from '../memory-host';
import { candidateAt, columnBuffers, columnsFromCandidates, columnsOf, copyColumns, tableOrder, withLazyCandidates } from '../../src-shared/selection/candidate-columns';
import type { Envelope } from '../../src-shared/api/contract';
import type { Candidate, SelectionResult } from '../../src-shared/selection/types';

/** The table's order as it was made on candidate objects (the reference the columns must match). */
function tableCandidates(list: readonly Candidate[], sort: { key: string; dir: 1 | -1 }, brush: { events: ReadonlySet<number> } | undefined): readonly Candidate[] {
  const l = brush ? list.filter((c) => brush.events.has(c.index)) : list;
  const val = (c: Candidate): number | string => (sort.key === 'rbe' ? c.index : sort.key === 'region' ? c.region : c.vars[sort.key] ?? NaN);
  return [...l].sort((a, b) => {
    const x = val(a), y = val(b);
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1; // NaN last either way
      if (Number.isNaN(y)) return -1;
      return (x - y) * sort.dir;
    }
    return String(x).localeCompare(String(y)) * sort.dir;
  });
}

const value = <T>(e: Envelope<unknown>): T => { if (!e.ok) throw new Error(e.error.message); return e.value as T; };

const runs = new Map<boolean, ReturnType<typeof runOnce>>();
/** one run per kind, shared by the tests (generating and selecting is most of their time) */
const run = (mockData: boolean) => { if (!runs.has(mockData)) runs.set(mockData, runOnce(mockData)); return runs.get(mockData)!; };
async function runOnce(mockData: boolean) {
  const d = createDispatcher(createEngineHandlers({ host: 'node', appVersion: 't', files: memoryHost() }));
  const ds = value<{ id: string }>(await d.handle('generate', { taskId: 'g', name: 's.arrow', ...(mockData ? { mockData } : {}), config: { mode: 'dump', mix: { 'aprime-mumu': 2, 'combinatorial-mumu': 1 }, numEvents: 3000, seed: 41 } }));
  return { d, ds, res: value<SelectionResult>(await d.handle('runSelection', { taskId: 's', dataset: ds.id, selection: { preset: 'dump-mumu' } })) };
}

describe('candidate columns through the API', () => {
  it('the engine answers with columns and no candidate objects; the client makes an object only when one is read', async () => {
    const { res } = await run(false);
    expect(res.candidates).toEqual([]);
    const c = res.columns!;
    expect(c.n).toBe(res.cutflow.at(-1)!.n);
    expect(c.index).toBeInstanceOf(Float64Array);
    expect(c.vars).toHaveLength(res.keyVariables.length);
    // Electron's IPC is a structured clone: typed arrays arrive as typed arrays
    const cloned = structuredClone(res);
    expect(cloned.columns!.vars[0]).toBeInstanceOf(Float64Array);
    expect(Array.from(cloned.columns!.index)).toEqual(Array.from(c.index));
    // the browser worker transfers copies of the buffers (the engine keeps its own for export)
    const copy = copyColumns(c);
    const moved = structuredClone(copy, { transfer: columnBuffers(copy) });
    expect(copy.index.length).toBe(0); // detached: really transferred
    expect(Array.from(moved.vars[1]!)).toEqual(Array.from(c.vars[1]!));
    expect(c.index.length).toBe(c.n); // the engine's own columns untouched
    // the client: candidates on demand, equal to the one-by-one objects, made once
    const lazy = withLazyCandidates({ ...res, columns: moved });
    const list = lazy.candidates;
    expect(list).toHaveLength(c.n);
    expect(list[3]).toEqual(candidateAt(c, 3));
    expect(list[3]!.vars[c.keys[0]!]).toBe(c.vars[0]![3]);
    expect(lazy.candidates).toBe(list);
    // the client wrapper over a transport applies it
    const api = createApiClient('electron' as never, async (key, payload) => (key === 'runSelection' ? { ok: true, value: cloned } : { ok: false, error: { code: 'internal', message: String(payload) } }) as never, {} as never);
    const got = await api.runSelection({ taskId: 't', dataset: 'x', selection: { preset: 'dump-mumu' } });
    expect(got.columns!.n).toBe(c.n);
    expect(got.candidates).toHaveLength(c.n);
  });

  it('blind: no masked candidate is in the columns, and the export still lists objects', async () => {
    const { d, ds, res } = await run(true);
    expect(res.blinded).toBe(true);
    expect(res.masked.n).toBeGreaterThan(0);
    expect(res.columns!.region.every((r) => r === 0)).toBe(true);
    const json = value<{ text: string }>(await d.handle('exportSelection', { dataset: ds.id, format: 'json' }));
    const saved = JSON.parse(json.text) as SelectionResult;
    expect(saved.columns).toBeUndefined();
    expect(saved.candidates).toHaveLength(res.columns!.n);
    expect(saved.candidates.every((x) => x.region === '')).toBe(true);
  });
});

describe('the table order on columns', () => {
  it('equals the order of the candidate objects for every sort key, both directions, with and without a brush', async () => {
    const { res } = await run(false);
    const c = res.columns!;
    const objects = withLazyCandidates(res).candidates;
    const brush = { plot: 'p', range: { x: [0, 1] as const }, label: 'l', events: new Set(objects.filter((_, i) => i % 3 === 0).map((x) => x.index)) };
    for (const key of ['rbe', 'region', ...c.keys]) {
      for (const dir of [1, -1] as const) {
        for (const b of [undefined, brush]) {
          const want = tableCandidates(objects, { key, dir }, b).map((x) => x.index);
          const got = Array.from(tableOrder(c, { key, dir }, b?.events), (p) => c.index[p]!);
          expect(got, `${key} ${dir} ${b ? 'brushed' : ''}`).toEqual(want);
        }
      }
    }
    expect(Array.from(tableOrder(c))).toEqual(Array.from({ length: c.n }, (_, i) => i));
    // a loaded list (objects, no columns) gets the same columns
    const loaded = { ...res, columns: undefined, candidates: objects };
    const fromObjects = columnsOf(loaded);
    expect(Array.from(fromObjects.vars[2]!)).toEqual(Array.from(c.vars[2]!));
    expect(columnsOf(loaded)).toBe(fromObjects);
    expect(columnsFromCandidates(objects, res.keyVariables).region).toEqual(c.region);
  });
});
