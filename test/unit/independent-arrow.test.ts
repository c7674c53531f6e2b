/**
 * The event format with an independent Arrow implementation (@uwdata/flechette), from the spec
 * (docs/event-format.md) alone: the columns, types, nulls, metadata and checksum are written out
 * here by hand, not taken from the app's layout or codec. Flechette writes → the app reads; the app
 * writes → flechette reads; the variants other writers produce (large lists, large strings, string
 * views) read the same; and format 1 files still read.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import * as fl from '@uwdata/flechette';
import { Table, Utf8View, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openEventFile, writeEventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { createGenerator } from '../../src-engine/generator/generate';
import { resolveSelection, runSelection } from '../../src-engine/selection/run';

// ---- the spec, as docs/event-format.md states it ----
type T = 'int8' | 'uint8' | 'int16' | 'int32' | 'float32' | 'float64';
const SCALARS: [string, T | 'utf8', boolean][] = [ // name, type, nullable
  ['run', 'int32', false], ['burst', 'int32', false], ['event', 'int32', false], ['mode', 'utf8', false],
  ['time_in_spill', 'float64', false], ['weight', 'float64', false], ['decay_prob', 'float64', true], ['process', 'utf8', false],
  ['kaon_px', 'float32', true], ['kaon_py', 'float32', true], ['kaon_pz', 'float32', true], ['kaon_x', 'float32', true], ['kaon_y', 'float32', true],
  ['kaon_gtk_time', 'float32', true], ['kaon_ktag_time', 'float32', true],
];
const f32 = (n: string): [string, T] => [n, 'float32'];
const LISTS: [string, [string, T][]][] = [
  ['tracks', [['charge', 'int8'], f32('px'), f32('py'), f32('pz'), f32('x'), f32('y'), f32('time'), f32('chi2'), ['n_chambers', 'uint8'], f32('dxdz_after'), f32('dydz_after')]],
  ['lkr_clusters', [f32('x'), f32('y'), f32('energy'), f32('time')]],
  ['muv3_hits', [['tile', 'int16'], f32('time')]],
  ['newchod_hits', [f32('x'), f32('y'), f32('time')]],
  ['lav_hits', [['station', 'uint8'], f32('phi'), f32('time')]],
  ['anti0_hits', [f32('x'), f32('y'), f32('time')]],
];
const ARRAY = { int8: Int8Array, uint8: Uint8Array, int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array } as const;
const FL = { int8: fl.int8, uint8: fl.uint8, int16: fl.int16, int32: fl.int32, float32: fl.float32, float64: fl.float64 } as const;

type Row = Record<string, number | string | null | Record<string, number>[]>;

/** The spec's checksum: CRC-32 (zlib) over the event's values in column order; null as NaN; each list as its length (int32) then each field's values. */
function specChecksum(e: Row): number {
  const parts: Uint8Array[] = [];
  const put = (a: ArrayBufferView) => parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const [name, type] of SCALARS) {
    const v = e[name];
    if (name === 'mode') put(new Uint8Array([v === 'dump' ? 0 : 1]));
    else if (type === 'utf8') put(new TextEncoder().encode(v as string));
    else put(new ARRAY[type]([v === null ? NaN : (v as number)]));
  }
  for (const [name, fields] of LISTS) {
    const rows = e[name] as Record<string, number>[];
    put(new Int32Array([rows.length]));
    for (const [f, type] of fields) put(new ARRAY[type](rows.map((r) => r[f]!)));
  }
  const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { all.set(p, o); o += p.length; }
  return zlibCrc32(all);
}

/** Deterministic made-up events (no app code): a few dump-mode and kaon-mode rows. */
function madeUpEvents(n: number): Row[] {
  let s = 12345;
  const rnd = () => { s = (s * 1103515245 + 12345) % 2 ** 31; return s / 2 ** 31; };
  const round = (x: number) => Math.fround(x);
  return Array.from({ length: n }, (_, i) => {
    const kaon = i % 3 === 2;
    const tracks = Array.from({ length: i % 4 }, () => ({
      charge: rnd() < 0.5 ? -1 : 1, px: round(rnd() * 100), py: round(rnd() * 100), pz: round(10_000 + rnd() * 50_000), x: round(rnd() * 500), y: round(rnd() * 500),
      time: round(rnd() * 2 - 1), chi2: round(rnd() * 10), n_chambers: 4, dxdz_after: round(rnd() * 0.01), dydz_after: round(rnd() * 0.01),
    }));
    return {
      run: 7, burst: 3, event: 100 + i, mode: kaon ? 'kaon' : 'dump', time_in_spill: rnd() * 4e9, weight: 1, decay_prob: i % 2 ? rnd() : null,
      process: kaon ? 'k2pi-dd' : 'from-root', kaon_px: kaon ? round(rnd()) : null, kaon_py: kaon ? round(rnd()) : null, kaon_pz: kaon ? round(75_000 + rnd()) : null,
      kaon_x: kaon ? round(rnd()) : null, kaon_y: kaon ? round(rnd()) : null, kaon_gtk_time: kaon ? round(rnd()) : null, kaon_ktag_time: kaon ? round(rnd()) : null,
      tracks, lkr_clusters: tracks.map((t) => ({ x: t.x, y: t.y, energy: round(rnd() * 1000), time: t.time })), muv3_hits: [{ tile: i, time: round(rnd()) }],
      newchod_hits: [], lav_hits: i % 5 === 0 ? [{ station: 3, phi: round(rnd() * 6), time: round(rnd()) }] : [], anti0_hits: [],
    };
  });
}

const META = (n: number, batchSize: number) => JSON.stringify({
  format: 'na62-event-display', formatVersion: 2, geometryVersion: 'external', numEvents: n, batchSize, strawHits: false, truth: false, kind: 'data', generator: null,
});

/** Flechette writes an event file as the spec says, in ceil(n / batchSize) batches. */
function flechetteFile(events: Row[], batchSize: number, variant: { largeList?: boolean; largeUtf8?: boolean; noChecksums?: boolean; checksumsOf?: Row[] } = {}): Uint8Array {
  const data: Record<string, unknown[]> = {};
  const types: Record<string, unknown> = {};
  for (const [name, type] of SCALARS) {
    data[name] = events.map((e) => e[name]);
    types[name] = type === 'utf8' ? (variant.largeUtf8 ? fl.largeUtf8() : fl.utf8()) : FL[type]();
  }
  for (const [name, fields] of LISTS) {
    data[name] = events.map((e) => e[name]);
    const item = fl.field('item', fl.struct(fields.map(([f, type]) => fl.field(f, FL[type](), false))), false);
    types[name] = variant.largeList ? fl.largeList(item) : fl.list(item);
  }
  if (!variant.noChecksums) {
    data['crc32'] = (variant.checksumsOf ?? events).map(specChecksum);
    types['crc32'] = fl.uint32();
  }
  const table = fl.tableFromArrays(data as never, { types: types as never, maxBatchRows: batchSize });
  (table.schema as { metadata: Map<string, string> | null }).metadata = new Map([['na62', META(events.length, batchSize)]]);
  return fl.tableToIPC(table, { format: 'file' })!;
}

/** The app's view of a made-up row (its in-memory model). */
const asModel = (e: Row) => ({
  header: {
    run: e['run'], burst: e['burst'], event: e['event'], mode: e['mode'], timeInSpill: e['time_in_spill'], weight: e['weight'], process: e['process'],
    ...(e['decay_prob'] === null ? {} : { decayProbability: e['decay_prob'] }),
  },
  tracks: (e['tracks'] as Record<string, number>[]).map(({ n_chambers: nChambers, dxdz_after: dxdzAfter, dydz_after: dydzAfter, ...t }) => ({ ...t, nChambers, dxdzAfter, dydzAfter })),
  lkrClusters: e['lkr_clusters'], muv3Hits: e['muv3_hits'], newchodHits: e['newchod_hits'], lavHits: e['lav_hits'], anti0Hits: e['anti0_hits'],
  ...(e['kaon_pz'] === null ? {} : { beamKaon: { px: e['kaon_px'], py: e['kaon_py'], pz: e['kaon_pz'], x: e['kaon_x'], y: e['kaon_y'], gtkTime: e['kaon_gtk_time'], ktagTime: e['kaon_ktag_time'] } }),
});

describe('an independent Arrow implementation writes event files from the spec alone', () => {
  it('flechette → app: every event reads back as written, checksums verified, a selection runs', async () => {
    const events = madeUpEvents(10);
    const f = await openEventFile(memorySource('/ext/from-flechette.arrow', flechetteFile(events, 4)));
    expect(f.numBatches).toBe(3);
    expect(f.checksums).toBe(true);
    for (let i = 0; i < events.length; i++) expect(await f.event(i)).toEqual(asModel(events[i]!));
    const r = await runSelection(f, resolveSelection({ preset: 'dump-mumu' }));
    expect(r.cutflow[0]!.n).toBe(10);
    expect(r.corrupt).toBeUndefined();
  });

  it('the variants other writers produce (LargeList, LargeUtf8; Utf8View below) read the same', async () => {
    const events = madeUpEvents(9);
    const f = await openEventFile(memorySource('/ext/large.arrow', flechetteFile(events, 4, { largeList: true, largeUtf8: true })));
    for (let i = 0; i < events.length; i++) expect(await f.event(i)).toEqual(asModel(events[i]!));
  });

  it('without a checksum column: read, with the warning', async () => {
    const f = await openEventFile(memorySource('/ext/nosum.arrow', flechetteFile(madeUpEvents(5), 8, { noChecksums: true })));
    expect(f.warnings[0]).toMatch(/^\/ext\/nosum\.arrow: no per-event checksums/);
    expect((await f.event(4)).header.event).toBe(104);
  });

  it('a wrong checksum or a wrong type is named exactly', async () => {
    const events = madeUpEvents(6);
    // the weight of event 2 changed after its checksum was computed
    const bad = flechetteFile(events.map((e, i) => (i === 2 ? { ...e, weight: 2 } : e)), 8, { checksumsOf: events });
    const f = await openEventFile(memorySource('/ext/bad.arrow', bad));
    await expect(f.event(2)).rejects.toThrow(/event 2 \(run:burst:event 7:3:102\) is corrupt/);
    await expect(f.event(3)).resolves.toBeTruthy();
    const asF64 = fl.tableFromArrays({ run: [1] }, { types: { run: fl.float64() } });
    (asF64.schema as { metadata: Map<string, string> | null }).metadata = new Map([['na62', META(1, 1)]]);
    const err = await openEventFile(memorySource('/ext/types.arrow', fl.tableToIPC(asF64, { format: 'file' })!)).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/^\/ext\/types\.arrow: unexpected columns for format 2: column "run" is Float64, expected Int32; missing column "burst" \(Int32\)/);
  });
});

describe('the app writes, an independent implementation reads', () => {
  it('flechette reads the app\'s file: names, types, nulls, units, metadata, and checksums it can recompute', async () => {
    const gen = createGenerator({ mode: 'dump', numEvents: 50, seed: 8, strawHits: false, truth: false, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1 } });
    const sink = memorySink();
    // format 2 here: its per-event checksums are columns flechette can read (format 3 keeps them in the batch messages)
    await writeEventFile(sink, 50, (s, c) => gen.events(s, c), { batchSize: 16, formatVersion: 2, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
    const t = fl.tableFromIPC(sink.bytes());
    const fields = t.schema.fields;
    expect(fields.map((x) => x.name)).toEqual([...SCALARS.map(([n]) => n), ...LISTS.map(([n]) => n), 'crc32']);
    // the format the app writes by default: the same columns, without crc32, and the same rows
    const sink3 = memorySink();
    await writeEventFile(sink3, 50, (s, c) => gen.events(s, c), { batchSize: 16, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
    const t3 = fl.tableFromIPC(sink3.bytes());
    expect(t3.schema.fields.map((x) => x.name)).toEqual([...SCALARS.map(([n]) => n), ...LISTS.map(([n]) => n)]);
    expect(JSON.parse(t3.schema.metadata!.get('na62')!).formatVersion).toBe(3);
    expect(JSON.stringify(t3.toArray().map((r) => ({ ...r, tracks: null, lkr_clusters: null })))).toBe(JSON.stringify(t.toArray().map((r) => ({ ...r, tracks: null, lkr_clusters: null, crc32: undefined }))));
    const byName = new Map(fields.map((x) => [x.name, x]));
    expect(byName.get('kaon_px')!.metadata?.get('unit')).toBe('MeV/c');
    expect(byName.get('time_in_spill')!.metadata?.get('unit')).toBe('ns');
    expect(byName.get('kaon_px')!.nullable).toBe(true);
    expect(byName.get('run')!.nullable).toBe(false);
    const meta = JSON.parse(t.schema.metadata!.get('na62')!);
    expect(meta).toMatchObject({ format: 'na62-event-display', formatVersion: 2, numEvents: 50, batchSize: 16 });
    const rows = t.toArray() as unknown as Row[];
    // dump mode: no beam kaon, as nulls (so mean() and is_null() work in dataframe tools)
    expect(rows.every((r) => r['kaon_px'] === null && r['mode'] === 'dump')).toBe(true);
    expect(rows.some((r) => r['decay_prob'] === null) && rows.some((r) => typeof r['decay_prob'] === 'number')).toBe(true);
    const crcs = t.getChild('crc32')!.toArray() as Uint32Array;
    rows.forEach((r, i) => {
      const plain: Row = { ...r };
      for (const [name] of LISTS) plain[name] = Array.from(r[name] as unknown as Iterable<Record<string, number>>, (x) => ({ ...x }));
      expect(specChecksum(plain)).toBe(crcs[i]);
    });
  });

  it('string views (polars\' default) read the same: the app\'s file with Utf8View strings', async () => {
    const gen = createGenerator({ mode: 'dump', numEvents: 20, seed: 2, strawHits: false, truth: false, mix: { 'prompt-ee': 1 } });
    const sink = memorySink();
    await writeEventFile(sink, 20, (s, c) => gen.events(s, c), { batchSize: 20, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
    const original = await openEventFile(memorySource('a.arrow', sink.bytes()));
    const t = tableFromIPC(sink.bytes());
    const cols = Object.fromEntries(t.schema.fields.map((x) => [x.name, t.getChild(x.name)!]));
    for (const name of ['mode', 'process']) cols[name] = vectorFromArray(cols[name]!.toArray() as string[], new Utf8View()) as never;
    const viewed = new Table(cols);
    viewed.schema.metadata.set('na62', t.schema.metadata.get('na62')!);
    expect(String(viewed.schema.fields.find((x) => x.name === 'process')!.type)).toBe('Utf8View');
    const f = await openEventFile(memorySource('views.arrow', tableToIPC(viewed, 'file')));
    for (const i of [0, 7, 19]) expect(await f.event(i)).toEqual(await original.event(i));
  });

  it('format 1 files (camelCase columns, NaN for missing values, mode as a code) still read', async () => {
    const gen = createGenerator({ mode: 'kaon', numEvents: 30, seed: 4, strawHits: true, truth: true, mix: { 'k2pi-dd': 1 } });
    const write = async (formatVersion: 1 | 2) => {
      const sink = memorySink();
      await writeEventFile(sink, 30, (s, c) => gen.events(s, c), { batchSize: 8, formatVersion, meta: { geometryVersion: 'g', strawHits: true, truth: true, kind: 'simulation', generator: gen.info } });
      return openEventFile(memorySource(`v${formatVersion}.arrow`, sink.bytes()));
    };
    const [v1, v2] = [await write(1), await write(2)];
    expect(v1.meta.formatVersion).toBe(1);
    expect(tableFromIPC(await (async () => { const s = memorySink(); await writeEventFile(s, 1, (a, c) => gen.events(a, c), { formatVersion: 1, meta: { geometryVersion: 'g', strawHits: true, truth: true, kind: 'simulation', generator: gen.info } }); return s.bytes(); })()).schema.fields.map((x) => x.name)).toContain('timeInSpill');
    for (const i of [0, 13, 29]) expect(await v1.event(i)).toEqual(await v2.event(i));
    const s1 = await runSelection(v1, resolveSelection({ preset: 'kaon-pi4e' })), s2 = await runSelection(v2, resolveSelection({ preset: 'kaon-pi4e' }));
    expect(s1.cutflow).toEqual(s2.cutflow);
  });
});
