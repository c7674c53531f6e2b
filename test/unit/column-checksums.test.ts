/**
 * Format 3: a CRC-32 per column buffer per record batch. The stored checksums are zlib's CRC of the
 * bytes in the file; a selection reads and verifies only the buffers it needs (and selects exactly
 * what a full read selects); a flipped byte in a buffer it reads fails it, naming the batch and
 * the column; one in a buffer it does not read leaves it unchanged and is found by `na62 check`
 * and by opening the event.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeFileSource } from '../../src-node/fs/node-file';
import { beforeAll, describe, expect, it } from 'vitest';
import { Message, RecordBatchReader } from 'apache-arrow';
import { createGenerator, type GeneratorConfigInput } from '../../src-engine/generator/generate';
import { BatchChecksumError, openEventFile, writeEventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource, type RandomAccessSource } from '../../src-engine/io/source';
import { checkEventFile } from '../../src-engine/io/check';
import { CRC_KEY, decodeBatchMessage, messagePlan, neededBuffers, parseCrcBytes, parseCrcs } from '../../src-engine/io/column-read';
import { CorruptEventError, resolveSelection, runSelection, runSelectionPacked, SELECTION_COLUMNS } from '../../src-engine/selection/run';
import { selectionColumns } from '../../src-engine/selection/columns';
import type { SelectionConfigInput } from '../../src-shared/selection/types';

const DUMP: GeneratorConfigInput = { mode: 'dump', numEvents: 600, seed: 21, strawHits: false, truth: false, mix: { 'aprime-mumu': 2, 'aprime-ee': 1, 'combinatorial-mumu': 1, 'prompt-ee': 1 } };
const KAON: GeneratorConfigInput = { mode: 'kaon', numEvents: 300, seed: 22, strawHits: true, truth: true, mix: { 'k2pi-dd': 1, 'kpi-aa': 1, 'kpi4e-nonres': 1 } };

async function makeFile(cfg: GeneratorConfigInput, formatVersion: 2 | 3, batchSize = 128) {
  const gen = createGenerator(cfg);
  const sink = memorySink();
  await writeEventFile(sink, cfg.numEvents!, (s, c) => gen.events(s, c), {
    batchSize, formatVersion, meta: { geometryVersion: 'g', strawHits: gen.config.strawHits, truth: gen.config.truth, kind: 'simulation', generator: gen.info },
  });
  return sink.bytes().slice();
}

/** A source that records every byte range read from it. */
function recorded(name: string, bytes: Uint8Array): { src: RandomAccessSource; reads: [number, number][] } {
  const reads: [number, number][] = [];
  const inner = memorySource(name, bytes);
  return { reads, src: { ...inner, read: (p, l) => { reads.push([p, l]); return inner.read(p, l); } } };
}

/** The only place of a float32 value's 4 bytes in a file. */
function onlyPlaceOf(bytes: Uint8Array, value: number): number {
  const pat = Buffer.from(new Float32Array([value]).buffer);
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pat);
  expect(at).toBeGreaterThan(0);
  expect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pat, at + 1)).toBe(-1);
  return at;
}

let dump3: Uint8Array, dump2: Uint8Array;
beforeAll(async () => {
  dump3 = await makeFile(DUMP, 3);
  dump2 = await makeFile(DUMP, 2);
});

describe('format 3 checksums', () => {
  it('each batch message stores zlib.crc32 of its buffers: the weight column\'s bytes, found in the file, are among them', async () => {
    const f = await openEventFile(memorySource('/d/a.arrow', dump3));
    expect(f.meta.formatVersion).toBe(3);
    expect(f.checksums).toBe(true);
    const file = Buffer.from(dump3);
    let b = 0;
    for await (const batch of RecordBatchReader.from(dump3)) {
      const crcs = batch.metadata.get(CRC_KEY)!.split(' ').map((h) => parseInt(h, 16));
      const { columns } = await f.batchAt(b * 128);
      const w = columns.header['weight']!;
      const raw = Buffer.from(w.buffer, w.byteOffset, w.byteLength);
      const at = file.indexOf(raw);
      expect(at).toBeGreaterThan(0);
      // the buffer as the message declares it: the values, then zeros up to a multiple of 8 (none for float64)
      expect(crcs).toContain(zlibCrc32(file.subarray(at, at + raw.byteLength)));
      b++;
    }
    expect(b).toBe(f.numBatches);
  });

  it('a selection reads only the buffers of the columns its variables need and selects exactly what format 2 selects, for every preset', async () => {
    // the last: dump-mumu with a variable of dump-ee only (ANTI0) in an expression
    const anti0: SelectionConfigInput = { preset: 'dump-mumu', expressions: ['nanti0 < 1'] };
    const fractions: number[] = [];
    for (const [cfg, sels] of [[DUMP, [{ preset: 'dump-mumu' }, { preset: 'dump-ee' }, anti0]], [KAON, [{ preset: 'kaon-pi4e' }]]] as const) {
      const b3 = cfg === DUMP ? dump3 : await makeFile(cfg, 3), b2 = cfg === DUMP ? dump2 : await makeFile(cfg, 2);
      for (const selection of sels) {
        const { src, reads } = recorded('/d/a.arrow', b3);
        const f3 = await openEventFile(src);
        reads.length = 0;
        const r3 = await runSelection(f3, resolveSelection(selection));
        const r2 = await runSelection(await openEventFile(memorySource('/d/a.arrow', b2)), resolveSelection(selection));
        expect(r3.cutflow).toEqual(r2.cutflow);
        expect(r3.candidates).toEqual(r2.candidates);
        // events get past the cheap cuts into the reconstruction (the kaon sample's acceptance is too small for candidates)
        expect((cfg === DUMP ? r3.cutflow.at(-1)! : r3.cutflow[1]!).n).toBeGreaterThan(0);
        // no buffer of a column outside the selection's set is read (but for gaps under 1/64 of a batch, read through)
        const footer = RecordBatchReader.from(b3);
        footer.open();
        const plan = messagePlan(footer.schema)!;
        const set = selectionColumns(resolveSelection(selection), false);
        const needed = new Set(neededBuffers(plan, set, 3));
        let skipped = 0;
        for (let b = 0; b < f3.numBatches; b++) {
          const blk = (footer as unknown as { _impl: { footer: { getRecordBatch(i: number): { offset: bigint | number; metaDataLength: number; bodyLength: bigint | number } } } })._impl.footer.getRecordBatch(b);
          const body = Number(blk.offset) + blk.metaDataLength;
          const msg = decodeBatchMessage(b3.subarray(Number(blk.offset), body), Number(blk.bodyLength));
          msg.buffers.forEach((x, k) => {
            if (needed.has(k) || x.length <= Number(blk.bodyLength) / 64) return;
            const [lo, hi] = [body + x.offset, body + x.offset + x.length];
            expect(reads.filter(([p, l]) => p < hi && p + l > lo), plan.bufferNames[k]).toEqual([]);
            skipped += x.length;
          });
        }
        fractions.push(skipped / b3.byteLength);
        expect(reads.reduce((a, r) => a + r[1], 0) + skipped).toBeLessThanOrEqual(b3.byteLength);
      }
    }
    // dump-mumu leaves out ANTI0 too; the expression reads it back; kaon-pi4e reads only the tracks it needs
    // (the kaon file also holds raw STRAW hits and MC truth)
    const [mumu, ee, withAnti0, kaon] = fractions as [number, number, number, number];
    expect(ee).toBeGreaterThan(0.3);
    expect(mumu).toBeGreaterThan(ee);
    expect(withAnti0).toBeCloseTo(ee, 2);
    expect(kaon).toBeGreaterThan(0.75); // 0.70 with the columns every preset reads
    // what a selection reads while the published analyses mask events: every preset's columns (all of SELECTION_COLUMNS)
    expect(selectionColumns(resolveSelection({ preset: 'kaon-pi4e' }), true).collections).toEqual(SELECTION_COLUMNS.collections);
  });

  it('a flipped byte in a column the selection reads fails it, naming the batch and the column; skip leaves the batch out', async () => {
    const f0 = await openEventFile(memorySource('/d/a.arrow', dump3));
    let i = 200;
    while ((await f0.event(i)).tracks.length === 0) i++;
    const pz = (await f0.event(i)).tracks[0]!.pz;
    const bad = dump3.slice();
    bad[onlyPlaceOf(dump3, pz) + 1]! ^= 0x01;
    const f = await openEventFile(memorySource('/d/a.arrow', bad));
    const b = Math.floor(i / 128);
    const err = await runSelection(f, resolveSelection({ preset: 'dump-mumu' })).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptEventError);
    expect((err as Error).message).toBe(`/d/a.arrow: events ${b * 128}–${b * 128 + 127} (batch ${b}) are corrupt: column "tracks.pz" does not match its checksum; rerun with --on-corrupt skip to leave such events out and count them`);
    // the display refuses every event of that batch, and no other
    await expect(f.event(i)).rejects.toBeInstanceOf(BatchChecksumError);
    await expect(f.event(b * 128)).rejects.toThrow(/column "tracks.pz" does not match its checksum/);
    await expect(f.event(b === 0 ? 128 : 0)).resolves.toBeTruthy();
    const skipped = await runSelection(f, resolveSelection({ preset: 'dump-mumu' }), { onCorrupt: 'skip' });
    expect(skipped.corrupt?.n).toBe(128);
    expect(skipped.corrupt?.events[0]).toEqual({ file: '/d/a.arrow', index: b * 128, id: `batch ${b}, column tracks.pz` });
    expect(skipped.cutflow[0]!.n).toBe(DUMP.numEvents! - 128);
  });

  it('a flipped byte in a column the selection does not read leaves it unchanged; na62 check and the event open find it', async () => {
    const f0 = await openEventFile(memorySource('/d/a.arrow', dump3));
    // an LKr cluster time: the selections use the cluster positions and energies, not their times
    expect(SELECTION_COLUMNS.collections.lkrClusters).not.toContain('time');
    let i = 300;
    while ((await f0.event(i)).lkrClusters.length === 0) i++;
    const bad = dump3.slice();
    bad[onlyPlaceOf(dump3, (await f0.event(i)).lkrClusters[0]!.time) + 2]! ^= 0x10;
    const f = await openEventFile(memorySource('/d/a.arrow', bad));
    const good = await runSelection(f0, resolveSelection({ preset: 'dump-mumu' }));
    const r = await runSelection(f, resolveSelection({ preset: 'dump-mumu' }));
    expect(r.cutflow).toEqual(good.cutflow);
    expect(r.corrupt).toBeUndefined();
    const b = Math.floor(i / 128);
    await expect(f.event(i)).rejects.toThrow(`events ${b * 128}–${b * 128 + 127} (batch ${b}) are corrupt: column "lkr_clusters.time" does not match its checksum`);
    const report = await checkEventFile(memorySource('/d/a.arrow', bad));
    expect(report.problems).toEqual([`events ${b * 128}–${b * 128 + 127} (batch ${b}) are corrupt: column "lkr_clusters.time" does not match its checksum`]);
    expect((await checkEventFile(memorySource('/d/a.arrow', dump3))).problems).toEqual([]);
  });

  it('a column outside the set read throws when touched; a file without checksums is read with a warning', async () => {
    const f = await openEventFile(memorySource('/d/a.arrow', dump3));
    let seen = false;
    await f.scan(0, 1, (_s, c) => {
      expect(c.header['weight']!.length).toBe(128);
      expect(() => c.header['timeInSpill']).toThrow(/column timeInSpill was not read/);
      expect(() => c.collections.get('lkrClusters')!.fields['time']).toThrow(/was not read/);
      expect(c.collections.get('newchodHits')).toBeUndefined();
      seen = true;
    }, { columns: SELECTION_COLUMNS });
    expect(seen).toBe(true);
    const gen = createGenerator({ ...DUMP, numEvents: 50 });
    const sink = memorySink();
    await writeEventFile(sink, 50, (s, c) => gen.events(s, c), { batchSize: 16, checksums: false, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
    const plain = await openEventFile(memorySource('/d/plain.arrow', sink.bytes()));
    expect(plain.checksums).toBe(false);
    expect(plain.warnings).toEqual([`/d/plain.arrow: no checksums (its batches carry no "${CRC_KEY}" metadata): damaged events cannot be detected`]);
    expect((await runSelection(plain, resolveSelection({ preset: 'dump-mumu' }))).cutflow[0]!.n).toBe(50);
  });
});

describe('the batch message header, read straight from its flatbuffer', () => {
  it('gives what Apache Arrow decodes, and parses the checksum list as the string parser does', async () => {
    const b3 = await makeFile(KAON, 3, 64);
    const footer = RecordBatchReader.from(b3);
    footer.open();
    const ft = (footer as unknown as { _impl: { footer: { getRecordBatch(i: number): { offset: bigint | number; metaDataLength: number; bodyLength: bigint | number } } } })._impl.footer;
    for (let b = 0; b < footer.numRecordBatches; b++) {
      const blk = ft.getRecordBatch(b);
      const meta = b3.subarray(Number(blk.offset), Number(blk.offset) + blk.metaDataLength);
      const ours = decodeBatchMessage(meta, Number(blk.bodyLength));
      const m = Message.decode(meta.subarray(8, 8 + new DataView(meta.buffer, meta.byteOffset).getInt32(4, true)));
      const h = m.header() as unknown as { length: bigint | number; nodes: { length: bigint | number; nullCount: bigint | number }[]; buffers: { offset: bigint | number; length: bigint | number }[] };
      expect(ours.length).toBe(Number(h.length));
      expect(ours.nodes).toEqual(h.nodes.map((n) => ({ length: Number(n.length), nullCount: Number(n.nullCount) })));
      expect(ours.buffers).toEqual(h.buffers.map((x) => ({ offset: Number(x.offset), length: Number(x.length) })));
      expect(ours.crcs).toEqual(parseCrcs(m.metadata.get(CRC_KEY)!, h.buffers.length));
    }
    // the byte parser: the same values and the same messages as the string parser, on good and damaged lists
    const enc = new TextEncoder();
    const good = Array.from({ length: 7 }, (_, k) => ((k * 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')).join(' ');
    for (const s of [good, good.toUpperCase(), good.replace(' ', '  '), good.slice(0, -9), `${good} `, good.replace(/.$/, 'g'), good.replace(' ', 'x'), '']) {
      for (const n of [7, 6, 0]) expect(parseCrcBytes(enc.encode(s), n), `${JSON.stringify(s)} for ${n}`).toEqual(parseCrcs(s, n));
    }
  });
});

describe('candidate process labels', () => {
  it('are each event\'s own, over many batches read into one reused Node buffer, parts run one after another', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-labels-'));
    const file = path.join(dir, 'd.arrow');
    writeFileSync(file, await makeFile({ ...DUMP, mix: { 'aprime-ee': 1, 'prompt-ee': 2, 'aprime-mumu': 1 } }, 3, 32));
    const f = await openEventFile(await nodeFileSource(file, { sync: true }));
    const sel = resolveSelection({ preset: 'dump-ee', disabled: ['electron_id', 'vertex_cda', 'fiducial'] });
    const utf8 = new TextDecoder();
    let checked = 0;
    for (let b = 0; b < f.numBatches; b += 3) {
      const { packed } = await runSelectionPacked(f, sel, { batches: [b, Math.min(f.numBatches, b + 3)] });
      expect(new Set(packed.processes).size).toBe(packed.processes.length); // one id per label
      for (let k = 0; k < packed.n; k++) {
        const { start, columns } = await f.batchAt(packed.index[k]!);
        const i = packed.index[k]! - start;
        expect(packed.processes[packed.process[k]!]).toBe(utf8.decode(columns.processBytes.subarray(columns.processOffsets[i]!, columns.processOffsets[i + 1]!)));
        checked++;
      }
    }
    await f.close();
    expect(checked).toBeGreaterThan(20);
  });
});
