import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC, RecordBatchStreamWriter, tableFromIPC } from 'apache-arrow';
import { createGenerator } from '../../src-engine/generator/generate';
import { EventFileError, openEventFile, writeEventFile, WriteCancelled } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { META_KEY } from '../../src-shared/event/file-meta';
import type { Na62Event } from '../../src-shared/event/model';

const f32 = (x: number) => Math.fround(x);

/** What an event should read back as: float32 columns rounded, the rest exact. */
function asStored(e: Na62Event): Na62Event {
  const round = (o: Record<string, number>, keep: string[]) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, keep.includes(k) ? v : f32(v)]));
  return {
    header: e.header,
    tracks: e.tracks.map((t) => round(t as never, ['charge', 'nChambers'])) as never,
    lkrClusters: e.lkrClusters.map((c) => round(c as never, [])) as never,
    muv3Hits: e.muv3Hits.map((h) => round(h as never, ['tile'])) as never,
    newchodHits: e.newchodHits.map((h) => round(h as never, [])) as never,
    lavHits: e.lavHits.map((h) => round(h as never, ['station'])) as never,
    anti0Hits: e.anti0Hits.map((h) => round(h as never, [])) as never,
    ...(e.beamKaon ? { beamKaon: round(e.beamKaon as never, []) as never } : {}),
    ...(e.strawHits ? { strawHits: e.strawHits.map((h) => round(h as never, ['chamber', 'view'])) as never } : {}),
    ...(e.truth ? { truth: e.truth } : {}),
  };
}

async function makeFile(opts: { n: number; mode?: 'dump' | 'kaon'; strawHits?: boolean; batchSize?: number }) {
  const gen = createGenerator({
    mode: opts.mode ?? 'dump', numEvents: opts.n, seed: 77, strawHits: opts.strawHits ?? true,
    mix: opts.mode === 'kaon' ? { 'k2pi-dd': 1, 'kpi-aa': 1 } : { 'aprime-mumu': 1, 'combinatorial-mumu': 1, 'prompt-ee': 1 },
  });
  const sink = memorySink();
  const meta = await writeEventFile(sink, opts.n, (s, c) => gen.events(s, c), {
    batchSize: opts.batchSize ?? 64,
    meta: { geometryVersion: 'test-geo', strawHits: gen.config.strawHits, truth: true, kind: 'simulation', generator: gen.info },
  });
  return { bytes: sink.bytes(), gen, meta };
}

const problem = async (bytes: Uint8Array, name = 'run123.arrow') => {
  try {
    const f = await openEventFile(memorySource(name, bytes));
    for (let i = 0; i < f.numEvents; i++) await f.event(i);
    return 'no error';
  } catch (err) {
    expect(err).toBeInstanceOf(EventFileError);
    expect((err as Error).message.startsWith(`${name}: `)).toBe(true);
    return (err as Error).message;
  }
};

describe('event file', () => {
  it('round-trips: write → read gives the same events, metadata and generator record', async () => {
    for (const mode of ['dump', 'kaon'] as const) {
      const { bytes, gen } = await makeFile({ n: 300, mode });
      const f = await openEventFile(memorySource('x.arrow', bytes));
      expect(f.numEvents).toBe(300);
      expect(f.meta.generator).toEqual(gen.info);
      expect(f.meta.geometryVersion).toBe('test-geo');
      const want = gen.events(0, 300);
      for (const i of [0, 1, 63, 64, 65, 150, 299]) expect(await f.event(i)).toEqual(asStored(want[i]!));
    }
  });

  it('has random access by batch and an exact record of the metadata', async () => {
    const { bytes } = await makeFile({ n: 1000, batchSize: 100, strawHits: false });
    const f = await openEventFile(memorySource('x.arrow', bytes));
    expect(f.numBatches).toBe(10);
    const e = await f.event(731);
    expect(e.header.event).toBe(731);
    expect(e.strawHits).toBeUndefined();
    // readable as plain Arrow by standard tools: the same bytes load as a table with nested columns
    const t = tableFromIPC(bytes);
    expect(t.numRows).toBe(1000);
    expect(t.getChild('tracks')!.get(731)!.length).toBe(e.tracks.length);
    expect(JSON.parse(t.schema.metadata.get(META_KEY)!).format).toBe('na62-event-display');
  });

  it('rejects a corrupted byte in the event data with a message naming the file and the event', async () => {
    const { bytes } = await makeFile({ n: 200, strawHits: false });
    const flipped = bytes.slice();
    const at = Math.floor(bytes.length * 0.5);
    flipped[at] = flipped[at]! ^ 0x40;
    const msg = await problem(flipped);
    expect(msg).toMatch(/run123\.arrow: (events \d+–\d+ \(batch \d+\) are corrupt: column "[a-z0-9_.]+( \((offsets|validity)\))?" does not match its checksum|batch \d+ is corrupt|the file is corrupt)/);
  });

  it('rejects truncated, empty, foreign and wrong-version files clearly', async () => {
    const { bytes } = await makeFile({ n: 100, strawHits: false });
    expect(await problem(bytes.slice(0, bytes.length - 100))).toMatch(/truncated/);
    expect(await problem(bytes.slice(0, 4000))).toMatch(/truncated/);
    expect(await problem(new Uint8Array(0))).toMatch(/empty/);
    expect(await problem(new TextEncoder().encode('run,burst,event\n1,2,3\n'.repeat(10)))).toMatch(/not an NA62 event file/);
    expect(await problem(new Uint8Array([0x50, 0x41, 0x52, 0x31, ...new Array(40).fill(0)]))).toMatch(/Parquet/);
    // a valid Arrow file that is not ours
    const foreign = tableToIPC(tableFromArrays({ px: new Float64Array([1, 2, 3]) }), 'file');
    expect(await problem(foreign)).toMatch(/not an NA62 event file \(no "na62" metadata\)/);
    // an Arrow stream
    const stream = RecordBatchStreamWriter.writeAll(tableFromArrays({ px: new Float64Array([1, 2, 3]) })).toUint8Array(true);
    expect(await problem(stream)).toMatch(/Arrow IPC \*stream\*/);
    // a newer format version: rewrite the metadata in place (same length keeps the file valid)
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"formatVersion":3');
    expect(at).toBeGreaterThan(0);
    const newer = bytes.slice();
    newer.set(new TextEncoder().encode('"formatVersion":7'), at);
    expect(await problem(newer)).toMatch(/format version 7 is newer than this app reads \(3\)/);
  });

  it('never commits a partial write', async () => {
    const gen = createGenerator({ mode: 'dump', numEvents: 500, seed: 1, mix: { 'aprime-mumu': 1 } });
    const sink = memorySink();
    let committed = false, aborted = false;
    const watched = { ...sink, commit: async () => { committed = true; await sink.commit(); }, abort: async () => { aborted = true; await sink.abort(); } };
    await expect(writeEventFile(watched, 500, (s, c) => gen.events(s, c), {
      batchSize: 100, meta: { geometryVersion: 'g', strawHits: false, truth: true, kind: 'simulation', generator: gen.info },
      onProgress: (n) => n < 300,
    })).rejects.toBeInstanceOf(WriteCancelled);
    expect(committed).toBe(false);
    expect(aborted).toBe(true);
    await expect(writeEventFile(watched, 10, () => { throw new Error('generator failed'); }, {
      meta: { geometryVersion: 'g', strawHits: false, truth: true, kind: 'simulation', generator: gen.info },
    })).rejects.toThrow('generator failed');
    expect(committed).toBe(false);
  });
});
