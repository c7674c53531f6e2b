/**
 * Blinding, attacked: random presets, parameters (region edges included), disabled cuts,
 * expressions, keep lists, the user's own regions, shard/merge splits, event requests by index
 * and by run:burst:event, exports and reloaded lists — through the engine dispatcher and through
 * the browser build's Web Worker host. Property: while blind, no response holds the index, the
 * run:burst:event or a variable value of an event that passes a published selection and lands in
 * its published SR or CR. A last test narrows the masking on purpose and checks the property sees it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers, type Dispatcher, type EngineHost } from '../../src-engine';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile, type EventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { mergeResults, resolveSelection, runSelection, runSelectionPacked, unpackCandidates } from '../../src-engine/selection/run';
import { PRESETS } from '../../src-engine/selection/presets';
import { VARIABLE_NAMES } from '../../src-engine/reco/variables';
import { candidatesFromCsv, parseCandidateList } from '../../src-engine/selection/candidates-io';
import { ALL_BLIND, ALL_OPEN, type BlindStages } from '../../src-shared/selection/blinding';
import type { Envelope } from '../../src-shared/api/contract';
import type { PresetId, SelectionConfigInput, SelectionResult } from '../../src-shared/selection/types';
import { budget, FUZZ_SEED, TEST_TIMEOUT_MS } from './fuzz-budget';

interface Truth {
  /** masked event indices of each file */
  readonly index: Set<number>;
  readonly rbe: Set<string>;
  readonly rbeList: [number, number, number][];
  /** every key-variable value of a masked event, as the published selections list them */
  readonly values: Set<number>;
}

const DUMP_MIX = { 'aprime-mumu': 3, 'aprime-ee': 2, 'combinatorial-mumu': 1, 'prompt-ee': 1 } as const;
const KAON_MIX = { 'k2pi-dd': 2, 'kpi-aa': 1, 'kpi4e-nonres': 1 } as const;

async function makeFile(mode: 'dump' | 'kaon', seed: number, n: number): Promise<Uint8Array> {
  const sink = memorySink();
  await generateToSink({ mode, numEvents: n, seed, mix: mode === 'dump' ? DUMP_MIX : KAON_MIX, truth: false }, sink, { batchSize: 64, mockData: true });
  return sink.bytes();
}

/** What is masked, found by running each published selection with every region open. */
async function truthOf(file: EventFile): Promise<Truth> {
  const t: Truth = { index: new Set(), rbe: new Set(), rbeList: [], values: new Set() };
  for (const p of PRESETS) {
    const r = await runSelection(file, resolveSelection({ preset: p.id }), { stages: ALL_OPEN });
    for (const c of r.candidates) {
      if (c.region !== 'SR' && c.region !== 'CR') continue;
      t.index.add(c.index);
      const key = `${c.run}:${c.burst}:${c.event}`;
      if (!t.rbe.has(key)) t.rbeList.push([c.run, c.burst, c.event]);
      t.rbe.add(key);
      // values that are not small integers (counts, flags) identify the event
      for (const v of Object.values(c.vars)) if (Number.isFinite(v) && !Number.isInteger(v)) t.values.add(v);
    }
  }
  return t;
}

/** Every problem a result (or reloaded list) shows with respect to the masked events. */
function leaksOf(r: Pick<SelectionResult, 'candidates'>, truth: Truth): string[] {
  const out: string[] = [];
  for (const c of r.candidates) {
    if (truth.index.has(c.index)) out.push(`candidate index ${c.index}`);
    if (truth.rbe.has(`${c.run}:${c.burst}:${c.event}`)) out.push(`candidate ${c.run}:${c.burst}:${c.event}`);
    for (const [k, v] of Object.entries(c.vars)) if (truth.values.has(v)) out.push(`value ${k}=${v} of a masked event`);
  }
  return out;
}

/** Text leaving the engine (exports, messages): no masked run:burst:event row, no masked value. */
function textLeaks(text: string, truth: Truth): string[] {
  const out: string[] = [];
  for (const [r, b, e] of truth.rbeList) if (text.includes(`\n${r},${b},${e},`) || text.includes(`"run":${r},"burst":${b},"event":${e}`)) out.push(`${r}:${b}:${e} in exported text`);
  return out;
}

const presetArb = fc.constantFrom<PresetId>('dump-mumu', 'dump-ee', 'kaon-pi4e');
const EXPRESSIONS = ['z_tax > 20000 && z_tax < 21000', 'cda_tax < 5', 'cda_tax < 200', 'm_mumu > 0', 'p1 > 10000', 'abs(z_tax - 23000) < 3000',
  'm_pi4e > 480 && m_pi4e < 510', 'ntracks >= 2', 'vz > 0'];

/** A selection as an adversarial analyst would set it up. */
function selectionArb(): fc.Arbitrary<SelectionConfigInput> {
  return presetArb.chain((preset) => {
    const p = PRESETS.find((x) => x.id === preset)!;
    const numeric = p.params.filter((x) => typeof x.value === 'number');
    const paramArb = fc.dictionary(fc.constantFrom(...numeric.map((x) => x.name)),
      fc.oneof(fc.constantFrom(0, 1, 5, 6, 20, 1000, 6000, 19_000, 20_000, 21_000, 40_000, 50_000, 1e9, -1e9), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxKeys: 6 });
    return fc.record({
      preset: fc.constant(preset),
      params: preset === 'kaon-pi4e' ? fc.tuple(paramArb, fc.constantFrom('none', 'aa', 'S', 'nonres')).map(([d, h]) => ({ ...d, hypothesis: h })) : paramArb,
      disabled: fc.subarray(p.cuts.map((c) => c.id)),
      expressions: fc.subarray(EXPRESSIONS, { maxLength: 2 }),
      keep: fc.subarray([...VARIABLE_NAMES], { maxLength: 5 }),
    });
  });
}

let dumpBytes: Uint8Array, kaonBytes: Uint8Array;
let dumpFile: EventFile, kaonFile: EventFile;
let dumpTruth: Truth, kaonTruth: Truth;

beforeAll(async () => {
  dumpBytes = await makeFile('dump', FUZZ_SEED % 997, 1200);
  kaonBytes = await makeFile('kaon', FUZZ_SEED % 991, 4000); // five-track acceptance ≈ 0.13 %: a few SR events
  dumpFile = await openEventFile(memorySource('mock-dump.arrow', dumpBytes));
  kaonFile = await openEventFile(memorySource('mock-kaon.arrow', kaonBytes));
  dumpTruth = await truthOf(dumpFile);
  kaonTruth = await truthOf(kaonFile);
}, 120_000);

describe('blinding, attacked', () => {
  it('the files hold masked events of every region the property speaks about (not vacuous)', () => {
    expect(dumpTruth.index.size).toBeGreaterThan(30);
    expect(kaonTruth.index.size).toBeGreaterThan(3);
  });

  it('selections, shards and merges never list a masked event, whatever the parameters', async () => {
    await fc.assert(fc.asyncProperty(selectionArb(), fc.boolean(), fc.integer({ min: 1, max: 6 }), async (cfg, kaon, parts) => {
      const file = kaon ? kaonFile : dumpFile, truth = kaon ? kaonTruth : dumpTruth;
      let sel;
      try { sel = resolveSelection(cfg); } catch { return; } // refused requests leak nothing
      // shards of the file, merged as the CLI and the worker pool merge them
      const B = file.numBatches, results: SelectionResult[] = [];
      for (let k = 0; k < parts; k++) {
        const { result, packed } = await runSelectionPacked(file, sel, { batches: [Math.floor((k * B) / parts), Math.floor(((k + 1) * B) / parts)] });
        results.push({ ...result, candidates: unpackCandidates(packed) });
      }
      const merged = mergeResults(results);
      expect(leaksOf(merged, truth)).toEqual([]);
      // the cut-flow holds no masked event beyond the 'all events' row
      expect(merged.cutflow[1]?.n ?? 0).toBeLessThanOrEqual(merged.cutflow[0]!.n - merged.masked.n);
      expect(merged.regions.SR).toBeUndefined();
      expect(merged.regions.CR).toBeUndefined();
    }), budget(60, 30_000));
  }, TEST_TIMEOUT_MS);

  for (const transport of ['engine dispatcher', 'web worker host'] as const) {
    it(`requests through the ${transport} never answer with a masked event`, async () => {
      const t = transport === 'engine dispatcher' ? await dispatcherTransport() : await workerTransport();
      const dump = t.dump, kaon = t.kaon;
      await fc.assert(fc.asyncProperty(fc.array(opArb(), { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const op of ops) {
          const ds = op.kaon ? kaon : dump, truth = op.kaon ? kaonTruth : dumpTruth;
          if (op.kind === 'select') {
            const env = await t.call('runSelection', { taskId: 'sel-f', dataset: ds, selection: op.selection });
            if (env.ok) expect(leaksOf(env.value as SelectionResult, truth)).toEqual([]);
            const out = await t.call('exportSelection', { dataset: ds, format: op.format });
            if (out.ok) {
              const text = (out.value as { text: string }).text;
              expect(textLeaks(text, truth)).toEqual([]);
              const listed = op.format === 'json' ? parseCandidateList(text, 'x.json') : { candidates: candidatesFromCsv(text, 'x.csv').candidates };
              expect(leaksOf(listed, truth)).toEqual([]);
            }
          } else if (op.kind === 'event') {
            const index = op.masked ? [...truth.index][op.pick % truth.index.size]! : op.pick % 900;
            const env = await t.call('event', { dataset: ds, index });
            if (truth.index.has(index)) {
              expect(env.ok).toBe(false);
              if (!env.ok) { expect(env.error.code).toBe('blinded'); expect(env.error.message).not.toMatch(/\d{2,}|SR|CR/); }
            }
          } else {
            const [r, b, e] = truth.rbeList[op.pick % truth.rbeList.length]!;
            const env = await t.call('findEvent', { dataset: ds, run: r, burst: b, event: e });
            expect(env.ok).toBe(false);
            if (!env.ok) expect(env.error.message).not.toContain(String(e));
          }
        }
      }), budget(40, 30_000));
      // the track summary (where the display opens, the file-wide momentum scale) names no masked event
      // and takes its top momentum from a visible one
      const tops = await Promise.all(Array.from({ length: dumpFile.numEvents }, async (_, i) => Math.max(0, ...(await dumpFile.event(i)).tracks.map((k) => Math.hypot(k.px, k.py, k.pz)))));
      for (const [ds, truth] of [[dump, dumpTruth], [kaon, kaonTruth]] as const) {
        const env = await t.call('trackSummary', { dataset: ds });
        expect(env.ok).toBe(true);
        const sum = (env as { value: { firstWithTracks: number | null; pMax: number | null } }).value;
        expect(sum.firstWithTracks).not.toBeNull();
        expect(truth.index.has(sum.firstWithTracks!)).toBe(false);
        if (ds === dump) {
          expect(tops[sum.firstWithTracks!]).toBeGreaterThan(0);
          const from = tops.flatMap((p, i) => (Math.abs(p - sum.pMax!) < 1e-6 ? [i] : []));
          expect(from.some((i) => !truth.index.has(i))).toBe(true);
        }
      }
    }, TEST_TIMEOUT_MS);
  }

  it('a list made after unblinding is refused by an engine that is still blind', async () => {
    const t = await dispatcherTransport();
    const r = await runSelection(dumpFile, resolveSelection({ preset: 'dump-mumu' }), { stages: ALL_OPEN });
    expect(leaksOf(r, dumpTruth).length).toBeGreaterThan(0);
    const withRecord: SelectionResult = { ...r, blinding: { applies: true, stages: ALL_OPEN, datasets: [await dumpFile.identity()], log: [] } };
    const { resultToJson } = await import('../../src-engine/selection/candidates-io');
    expect(() => t.engine.loadCandidateText(resultToJson(withRecord), 'open.json')).toThrow(/unblind it here first/);
    const { blinding: _drop, ...old } = withRecord;
    expect(() => t.engine.loadCandidateText(resultToJson(old as SelectionResult), 'old.json')).toThrow(/older version/);
  });

  it('sees a leak when the masking is narrowed on purpose (the property can fail)', async () => {
    // dump-mumu opened behind the property's back (dump-ee still blind): it must report its SR events
    const narrowed: BlindStages = { ...ALL_BLIND, 'dump-mumu': 'sr' };
    const r = await runSelection(dumpFile, resolveSelection({ preset: 'dump-mumu' }), { stages: narrowed });
    expect(leaksOf(r, dumpTruth).length).toBeGreaterThan(0);
    // and the user's own narrowed regions alone do not decide: with them only, the published SR leaks
    const all = await runSelection(dumpFile, resolveSelection({ preset: 'dump-mumu', params: { srCdaMax: 5, crCdaMax: 6, srZMin: 20_000, srZMax: 21_000, crZMin: 19_000, crZMax: 22_000 } }), { stages: ALL_OPEN });
    expect(leaksOf(all, dumpTruth).length).toBeGreaterThan(0);
    const blind = await runSelection(dumpFile, resolveSelection({ preset: 'dump-mumu', params: { srCdaMax: 5, crCdaMax: 6, srZMin: 20_000, srZMax: 21_000, crZMin: 19_000, crZMax: 22_000 } }));
    expect(leaksOf(blind, dumpTruth)).toEqual([]);
  });
});

type Op =
  | { kind: 'select'; kaon: boolean; selection: SelectionConfigInput; format: 'csv' | 'json' }
  | { kind: 'event'; kaon: boolean; masked: boolean; pick: number }
  | { kind: 'find'; kaon: boolean; pick: number };

function opArb(): fc.Arbitrary<Op> {
  return fc.oneof(
    fc.record({ kind: fc.constant('select' as const), kaon: fc.boolean(), selection: selectionArb(), format: fc.constantFrom('csv' as const, 'json' as const) }),
    fc.record({ kind: fc.constant('event' as const), kaon: fc.boolean(), masked: fc.boolean(), pick: fc.nat(10_000) }),
    fc.record({ kind: fc.constant('find' as const), kaon: fc.boolean(), pick: fc.nat(10_000) }),
  );
}

interface Transport {
  call(key: string, payload: unknown): Promise<Envelope<unknown>>;
  dump: string;
  kaon: string;
  engine: ReturnType<typeof createEngineHandlers>;
}

const unusedHost: EngineHost = {
  createFile: () => { throw new Error('unused'); }, cachedFile: () => { throw new Error('unused'); },
  progress: () => {}, yieldToHost: () => new Promise((r) => setImmediate(r)),
};

async function dispatcherTransport(): Promise<Transport> {
  const engine = createEngineHandlers({ host: 'node', appVersion: 'fuzz', files: unusedHost });
  const d: Dispatcher = createDispatcher(engine, (msg, err) => { throw new Error(`${msg}: ${String(err)}`); });
  const dump = (await engine.store.add(memorySource('mock-dump.arrow', dumpBytes))).id;
  const kaon = (await engine.store.add(memorySource('mock-kaon.arrow', kaonBytes))).id;
  return { call: (k, p) => d.handle(k, p), dump, kaon, engine };
}

/** The browser build's worker module, loaded with a stand-in for its global scope, spoken to in its own protocol. */
async function workerTransport(): Promise<Transport> {
  const replies = new Map<number, (e: Envelope<unknown>) => void>();
  const scope = { postMessage: (m: { id?: number; envelope?: Envelope<unknown> }) => { if (m.id !== undefined && m.envelope) replies.get(m.id)?.(m.envelope); }, onmessage: undefined as unknown as (e: { data: unknown }) => Promise<void> };
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src-renderer/src/api/engine.worker');
  let id = 0;
  const call = (key: string, payload: unknown) => new Promise<Envelope<unknown>>((resolve) => { const n = ++id; replies.set(n, resolve); void scope.onmessage({ data: { id: n, key, payload } }); });
  const open = async (name: string, bytes: Uint8Array) => {
    const env = await call('openBlob', { file: new Blob([bytes as BlobPart]), name });
    if (!env.ok) throw new Error(env.error.message);
    return (env.value as { id: string }).id;
  };
  return { call, dump: await open('mock-dump.arrow', dumpBytes), kaon: await open('mock-kaon.arrow', kaonBytes), engine: undefined as never };
}
