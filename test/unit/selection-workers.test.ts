import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile } from '../../src-engine/io/event-file';
import { resolveSelection, runSelection, SelectionCancelled, unpackCandidates } from '../../src-engine/selection/run';
import { createNodeEngineHost } from '../../src-main/engine-host';
import { partition, runInWorkersPacked, stopWorkers } from '../../src-node/selection-pool';
import { nodeFileSink, nodeFileSource } from '../../src-node/fs/node-file';
import type { DatasetInfo, Envelope, TaskProgress } from '../../src-shared/api/contract';
import type { SelectionResult } from '../../src-shared/selection/types';
import { withLazyCandidates } from '../../src-shared/selection/candidate-columns';

const value = <T>(e: Envelope<unknown>): T => { if (!e.ok) throw new Error(e.error.message); return e.value as T; };

const WORKER = new URL('../../cli/select-worker.mjs', import.meta.url);

describe('selections on worker threads (the Electron main process path)', () => {
  let dir = '', file = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'na62-pool-'));
    file = path.join(dir, 'big.arrow');
    await generateToSink({ mode: 'dump', mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 2 }, numEvents: 60_000, seed: 41, truth: false }, await nodeFileSink(file), { batchSize: 2048, mockData: true });
  }, 60_000);
  afterAll(stopWorkers);
  it('give exactly the in-process result, with progress', async () => {
    const progress: TaskProgress[] = [];
    const handlers = createEngineHandlers({
      host: 'node', appVersion: 't',
      files: createNodeEngineHost(dir, (p) => progress.push(p), WORKER),
    });
    const d = createDispatcher({ ...handlers, openDropped: async ({ path: p }) => handlers.store.add(await nodeFileSource(p)) });
    const ds = value<DatasetInfo>(await d.handle('openDropped', { path: file }));
    const viaWorkers = value<SelectionResult>(await d.handle('runSelection', { taskId: 'w', dataset: ds.id, selection: { preset: 'dump-mumu' } }));
    const f = await openEventFile(await nodeFileSource(file));
    const local = await runSelection(f, resolveSelection({ preset: 'dump-mumu' }));
    expect(viaWorkers.cutflow.map((c) => c.n)).toEqual(local.cutflow.map((c) => c.n));
    // the workers' candidates reach the API as columns, equal to the in-process list
    expect(viaWorkers.candidates).toEqual([]);
    expect(withLazyCandidates(viaWorkers).candidates).toEqual(local.candidates);
    expect(viaWorkers.masked.n).toBe(local.masked.n);
    expect(viaWorkers.masked.n).toBeGreaterThan(0); // mock data: the workers mask at the source too
    expect(viaWorkers.blinding).toMatchObject({ applies: true, datasets: [], log: [] });
    expect(progress.filter((p) => p.taskId === 'w').length).toBeGreaterThan(1); // it really was split: progress came part by part
    // the parts' ranges joined, with the dataset's identity
    expect(viaWorkers.inputs).toEqual([{ file, events: 60_000, firstEvent: 0, datasetEvents: 60_000, identity: await f.identity() }]);
    expect(progress.filter((p) => p.taskId === 'w').at(-1)).toMatchObject({ done: 60_000, total: 60_000 });
  }, 60_000);

  it('give the same candidates run after run, each part written into the columns of an earlier one', async () => {
    const f = await openEventFile(await nodeFileSource(file));
    const parts = partition([{ file, numBatches: f.numBatches, batchSize: f.meta.batchSize, numEvents: f.numEvents }], 2);
    expect(parts.length).toBeGreaterThan(4);
    const plain = { preset: 'dump-mumu' as const }, kept = { preset: 'dump-mumu' as const, keep: ['m_ee', 'ptot', 'nlav'] };
    const local = { [0]: (await runSelection(f, resolveSelection(plain))).candidates, [1]: (await runSelection(f, resolveSelection(kept))).candidates };
    expect(local[0].length).toBeGreaterThan(20);
    // the second run of each reuses the first's columns; the one with more key variables cannot use the other's
    for (const k of [0, 1, 0, 0, 1, 1] as const) {
      const r = await runInWorkersPacked(parts, k ? kept : plain, { workerUrl: WORKER, workers: 2 });
      expect(r.packed.n).toBe(local[k].length);
      expect(unpackCandidates(r.packed)).toEqual(local[k]);
    }
    await f.close();
  }, 60_000);

  it('write the list of a replaced selection again only where results leave by a copy (Electron IPC), its room zeroed', async () => {
    const f = await openEventFile(await nodeFileSource(file));
    // two selections, the second with more key variables (its list cannot be written into the first's)
    const plain = { preset: 'dump-mumu' as const }, kept = { preset: 'dump-mumu' as const, keep: ['m_ee', 'ptot', 'nlav'] };
    const local = [(await runSelection(f, resolveSelection(plain))).candidates, (await runSelection(f, resolveSelection(kept))).candidates];
    await f.close();
    expect(local[0]!.length).toBeGreaterThan(100);
    for (const resultsCopied of [true, false]) {
      const handlers = createEngineHandlers({ host: 'node', appVersion: 't', files: createNodeEngineHost(dir, () => {}, WORKER, { resultsCopied }) });
      const d = createDispatcher({ ...handlers, openDropped: async ({ path: p }) => handlers.store.add(await nodeFileSource(p)) });
      const ds = value<DatasetInfo>(await d.handle('openDropped', { path: file }));
      const runs: SelectionResult[] = [];
      for (const k of [0, 1, 0, 1, 1]) {
        const r = value<SelectionResult>(await d.handle('runSelection', { taskId: `t${runs.length}`, dataset: ds.id, selection: k ? kept : plain }));
        runs.push(r);
        const sent = structuredClone(r); // what the IPC hands the renderer, as the handler's promise resolves
        expect(withLazyCandidates(sent).candidates).toEqual(local[k]);
        // the whole buffers cross: beyond the rows, zeros only (never an earlier selection's rows)
        for (const c of [sent.columns!.index, sent.columns!.event, sent.columns!.region, ...sent.columns!.vars]) {
          const all = new (c.constructor as Float64ArrayConstructor)(c.buffer as ArrayBuffer);
          expect(all.subarray(c.length).every((x) => x === 0)).toBe(true);
        }
      }
      // the third run wrote into the first's list, released when the second replaced it; the fourth into
      // the second's; the fifth not into the third's (too few key variables), so into fresh memory
      const buffer = (k: number) => runs[k]!.columns!.index.buffer;
      expect([buffer(2) === buffer(0), buffer(3) === buffer(1)]).toEqual([resultsCopied, resultsCopied]);
      expect(new Set([0, 1, 4].map(buffer)).size).toBe(3);
      if (!resultsCopied) expect(withLazyCandidates(runs[0]!).candidates).toEqual(local[0]); // in-process callers keep theirs intact
      await d.handle('closeDataset', { dataset: ds.id });
    }
  }, 60_000);

  it('stop within a part when the signal aborts (the workers watch a shared flag between batches)', async () => {
    // one part holding the whole file: before the shared flag, cancelling took effect only after it
    const whole = [{ file, batches: [0, 30] as [number, number], events: 60_000 }];
    const ctl = new AbortController();
    const run = runInWorkersPacked(whole, { preset: 'dump-mumu' }, { workerUrl: WORKER, workers: 1, signal: ctl.signal });
    ctl.abort();
    await expect(run).rejects.toBeInstanceOf(SelectionCancelled);
    await expect(runInWorkersPacked(whole, { preset: 'dump-mumu' }, { workerUrl: WORKER, workers: 1, signal: ctl.signal })).rejects.toBeInstanceOf(SelectionCancelled);
    // and the pool still works afterwards
    const again = await runInWorkersPacked(whole, { preset: 'dump-mumu' }, { workerUrl: WORKER, workers: 1 });
    expect(again.result.cutflow[0]!.n).toBe(60_000);
  }, 60_000);
});
