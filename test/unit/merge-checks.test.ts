/** Honest merges: what checkMergeable refuses, with the files named, and what it lets through. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile, type EventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { mergeResults, resolveSelection, runSelection, SOFTWARE } from '../../src-engine/selection/run';
import { checkMergeable, resultProblems, type NamedResult } from '../../src-engine/selection/merge-checks';
import type { SelectionResult } from '../../src-shared/selection/types';

const ID = `sha256:${'ab'.repeat(32)}`;
let file: EventFile;
let whole: SelectionResult, s1: SelectionResult, s2: SelectionResult;

/** Shard i of 2 (batches), as na62 select --shard writes it: inputs with identity and shard. */
async function shard(i: number, n: number): Promise<SelectionResult> {
  const B = file.numBatches;
  const r = await runSelection(file, resolveSelection({ preset: 'dump-mumu' }), { batches: [Math.floor(((i - 1) * B) / n), Math.floor((i * B) / n)] });
  return { ...r, inputs: r.inputs.map((x) => ({ ...x, identity: ID, shard: { index: i, count: n } })) };
}
const named = (...xs: [string, SelectionResult][]): NamedResult[] => xs.map(([name, result]) => ({ name, result }));

beforeAll(async () => {
  const sink = memorySink();
  await generateToSink({ mode: 'dump', numEvents: 3000, seed: 21, truth: false, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1 } }, sink, { batchSize: 256 });
  file = await openEventFile(memorySource('/data/dump.arrow', sink.bytes()));
  [whole, s1, s2] = [await shard(1, 1), await shard(1, 2), await shard(2, 2)];
});

describe('merge: refused, naming the files', () => {
  it('results name the software version of package.json', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(SOFTWARE).toEqual({ name: 'na62-event-display', version: pkg.version });
    expect(whole.software).toEqual(SOFTWARE);
  });

  it('lets the shards of a dataset through, and their merge equals the whole run', () => {
    expect(() => checkMergeable(named(['b.json', s2], ['a.json', s1]))).not.toThrow();
    const m = mergeResults([s2, s1]);
    expect(m.cutflow.map((c) => c.n)).toEqual(whole.cutflow.map((c) => c.n));
    expect(m.candidates).toEqual(whole.candidates);
    expect(resultProblems(m)).toEqual([]);
    // the merged result keeps each shard's range, so it can be merged again
    expect(m.inputs.map((x) => [x.firstEvent, x.events, x.shard?.index])).toEqual([[0, 1536, 1], [1536, 1464, 2]]);
  });

  it('the same shard twice', () => {
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', s1]))).toThrow(/a\.json and b\.json both hold events 0–1535 of dump\.arrow \(ababababab.*counted twice/);
    expect(() => checkMergeable(named(['a.json', s1], ['a.json', s1]))).toThrow(/a\.json, given twice, holds/);
  });

  it('a whole-dataset result with one of its shards', () => {
    expect(() => checkMergeable(named(['all.json', whole], ['part-2.json', s2]))).toThrow(/all\.json and part-2\.json both hold events 1536–2999/);
  });

  it('a missing shard, unless merging in stages (--partial)', () => {
    expect(() => checkMergeable(named(['part-1.json', s1]))).toThrow(/events 1536–2999 of dump\.arrow .* are in none of the results .*shards given: 1\/2.*--partial/);
    expect(() => checkMergeable(named(['part-1.json', s1]), { allowPartial: true })).not.toThrow();
    expect(() => checkMergeable(named(['part-2.json', s2]))).toThrow(/events 0–1535/);
  });

  it('another software version', () => {
    const other = { ...s2, software: { name: 'na62-event-display', version: '0.2.0' } };
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', other]))).toThrow(/a\.json was made by na62-event-display 0\.1\.0, b\.json by na62-event-display 0\.2\.0/);
  });

  it('other selections or blinding', () => {
    const params = { ...s2, selection: { ...s2.selection, params: { ...s2.selection.params, cdaMax: 8 } } };
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', params]))).toThrow(/a\.json and b\.json are results of different selections/);
    // the same shards made under another blinding stage (dump-mumu's CR opened on one of them)
    const stage = { ...s2, blinding: { ...s2.blinding!, stages: { ...s2.blinding!.stages, 'dump-mumu': 'cr' as const } } };
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', stage]))).toThrow(/a\.json and b\.json differ in blinding/);
    // but not in the time of their log entries: shards unblinded at other times merge
    const logged = (r: SelectionResult, time: string) => ({ ...r, blinding: { ...r.blinding!, log: [{ preset: 'dump-mumu' as const, region: 'CR' as const, dataset: ID, datasetName: 'x.arrow', time, appVersion: '0.1.0' }] } });
    expect(() => checkMergeable(named(['a.json', logged(s1, '2026-01-01T00:00:00Z')], ['b.json', logged(s2, '2026-01-02T00:00:00Z')]))).not.toThrow();
  });

  it('impossible cut-flows: counts that rise, a start that does not match the inputs, a candidate list that does not match the end', () => {
    const rising = { ...s2, cutflow: s2.cutflow.map((c, k) => (k === 3 ? { ...c, n: s2.cutflow[1]!.n + 5 } : c)) };
    expect(() => checkMergeable(named(['a.json', s1], ['edited.json', rising]))).toThrow(/edited\.json: cannot be merged: cut-flow row "[\w_]+" counts \d+ events, more than the \d+ before it/);
    const start = { ...s2, cutflow: s2.cutflow.map((c, k) => (k === 0 ? { ...c, n: c.n + 10 } : c)) };
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', start]))).toThrow(/b\.json: .*the cut-flow starts with 1474 events, but its inputs hold 1464/);
    const fewer = { ...s2, candidates: s2.candidates.slice(1) };
    expect(() => checkMergeable(named(['a.json', s1], ['b.json', fewer]))).toThrow(/b\.json: .*candidates, but the cut-flow ends with/);
  });

  it('results that do not record their inputs\' identity (made before format 2)', () => {
    const old = { ...s2, formatVersion: 1 as const, inputs: s2.inputs.map(({ file: f, events, firstEvent }) => ({ file: f, events, firstEvent })) };
    expect(() => checkMergeable(named(['a.json', s1], ['old.json', old]))).toThrow(/old\.json: cannot be merged: it does not record the identity of its inputs/);
  });
});
