/**
 * Blinding through the reused candidate list (Electron host, `resultsCopied`): a blind selection whose
 * list is written into the list of an unblinded one (another dataset, its SR and CR open) carries
 * nothing of the earlier rows out: the whole buffers that a structured clone copies hold the blind
 * result's rows and zeros. A leak attempt made a test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile } from '../../src-engine/io/event-file';
import { resolveSelection, runSelection } from '../../src-engine/selection/run';
import { createNodeEngineHost } from '../../src-main/engine-host';
import { stopWorkers } from '../../src-node/selection-pool';
import { nodeFileSink, nodeFileSource } from '../../src-node/fs/node-file';
import { unblindPhrase } from '../../src-shared/selection/blinding';
import { withLazyCandidates } from '../../src-shared/selection/candidate-columns';
import type { DatasetInfo, Envelope } from '../../src-shared/api/contract';
import type { SelectionResult } from '../../src-shared/selection/types';

const value = <T>(e: Envelope<unknown>): T => { if (!e.ok) throw new Error(e.error.message); return e.value as T; };
const WORKER = new URL('../../cli/select-worker.mjs', import.meta.url);
afterAll(stopWorkers);

it('a blind selection written into the list of an unblinded one carries none of its rows out', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'na62-reuse-'));
  // mock data (so blinding applies); B larger than A, so that B's blind list is about the size of A's open one
  const make = async (name: string, numEvents: number, seed: number) => {
    const file = path.join(dir, name);
    await generateToSink({ mode: 'dump', mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 150 }, numEvents, seed, truth: false }, await nodeFileSink(file), { batchSize: 2048, mockData: true });
    return file;
  };
  const fileA = await make('a.arrow', 60_000, 43), fileB = await make('b.arrow', 108_000, 44);
  const handlers = createEngineHandlers({ host: 'node', appVersion: 't', files: createNodeEngineHost(dir, () => {}, WORKER, { resultsCopied: true }) });
  const d = createDispatcher({ ...handlers, openDropped: async ({ path: p }) => handlers.store.add(await nodeFileSource(p)) });
  const a = value<DatasetInfo>(await d.handle('openDropped', { path: fileA })), b = value<DatasetInfo>(await d.handle('openDropped', { path: fileB }));
  const identity = value<{ identity: string }>(await d.handle('blinding', { dataset: a.id, identify: true })).identity;
  for (const region of ['CR', 'SR'] as const) value(await d.handle('setBlinding', { dataset: a.id, preset: 'dump-mumu', stage: region === 'CR' ? 'cr' : 'sr', confirm: unblindPhrase('dump-mumu', region, identity) }));
  const select = async (id: string) => value<SelectionResult>(await d.handle('runSelection', { taskId: 't', dataset: id, selection: { preset: 'dump-mumu' } }));
  const open = await select(a.id);
  expect(open.columns!.region.filter((r) => r !== 0).length).toBeGreaterThan(100); // its SR and CR rows are there
  await select(a.id); // replaces it: the open list is released
  const blind = await select(b.id);
  expect(blind.columns!.index.buffer).toBe(open.columns!.index.buffer); // written into the open one's buffers
  const sent = structuredClone(blind); // what the IPC hands the renderer: the whole buffers
  const whole = (c: ArrayBufferView) => new (c.constructor as Float64ArrayConstructor)(c.buffer as ArrayBuffer);
  expect(whole(sent.columns!.region).every((x) => x === 0)).toBe(true);
  for (const c of [sent.columns!.index, sent.columns!.event, sent.columns!.weight, ...sent.columns!.vars]) expect(whole(c).subarray(c.length).every((x) => x === 0)).toBe(true);
  const f = await openEventFile(await nodeFileSource(fileB));
  expect(withLazyCandidates(sent).candidates).toEqual((await runSelection(f, resolveSelection({ preset: 'dump-mumu' }))).candidates);
  await f.close();
}, 120_000);
