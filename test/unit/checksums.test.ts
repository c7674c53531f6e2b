/**
 * Format 2 (still read, verified its own way): the per-event checksum: its algorithm as docs/event-format.md states it (checked against zlib's
 * CRC-32 over the bytes the spec lists, built here from the event objects alone), and every read
 * path refusing, or with --on-corrupt skip counting, an event whose stored bytes changed.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Update, finishStates, foldFixed, foldRanges, startStates } from '../../src-engine/io/crc32';
import { batchChecksums, batchChecksumsJs, batchChecksumsWasm, corruptRows, rowChecksum, rowChecksummer, type BatchColumns } from '../../src-engine/io/codec';
import { wasmCrcKernel } from '../../src-engine/io/crc32-wasm';
import { WASM_BASE64 } from '../../src-engine/io/wasm/crc32-wasm-bytes';
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import type { TypedArray } from '../../src-engine/io/layout';
import { openEventFile, writeEventFile, type EventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { createGenerator, type GeneratorConfigInput } from '../../src-engine/generator/generate';
import { resolveSelection, runSelection } from '../../src-engine/selection/run';
import { specBytes } from '../spec-bytes';

/** A deterministic byte generator (xorshift32), so every run tests the same bytes. */
function bytesOf(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; out[i] = s & 0xff; }
  return out;
}

/** A format 2 file (per-event checksums); format 3 has its own tests (column-checksums.test.ts). */
async function makeFile(cfg: GeneratorConfigInput, opts: { checksums?: boolean; batchSize?: number } = {}) {
  const gen = createGenerator(cfg);
  const sink = memorySink();
  await writeEventFile(sink, gen.config.numEvents, (s, c) => gen.events(s, c), {
    batchSize: opts.batchSize ?? 16, ...(opts.checksums === false ? { checksums: false } : {}), formatVersion: 2,
    meta: { geometryVersion: 'g', strawHits: gen.config.strawHits, truth: gen.config.truth, kind: 'simulation', generator: gen.info },
  });
  return { bytes: sink.bytes().slice(), gen };
}

const open = (bytes: Uint8Array, name = '/data/run.arrow') => openEventFile(memorySource(name, bytes));

/** Where in the file the 4 stored bytes of a float32 value are; the value must occur exactly once. */
function onlyPlaceOf(bytes: Uint8Array, value: number): number {
  const pat = new Uint8Array(new Float32Array([value]).buffer);
  const at: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes[i] === pat[0] && bytes[i + 1] === pat[1] && bytes[i + 2] === pat[2] && bytes[i + 3] === pat[3]) at.push(i);
  expect(at).toHaveLength(1);
  return at[0]!;
}

const DUMP: GeneratorConfigInput = { mode: 'dump', numEvents: 80, seed: 11, strawHits: false, truth: false, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1 } };

/** The file with one bit flipped in the pz of the first track of the first event from 5 on that has a track. */
async function flippedPz() {
  const { bytes } = await makeFile(DUMP);
  const f = await open(bytes);
  let index = 5;
  while ((await f.event(index)).tracks.length === 0) index++;
  const e = await f.event(index);
  const at = onlyPlaceOf(bytes, e.tracks[0]!.pz);
  const bad = bytes.slice();
  bad[at + 1] = bad[at + 1]! ^ 0x01; // the lowest bit of the second mantissa byte: pz changes by a few MeV/c
  return { bad, index, id: `${e.header.run}:${e.header.burst}:${e.header.event}` };
}

describe('CRC-32 as zlib computes it', () => {
  it('matches zlib.crc32 on seeded random bytes, whole and chained in pieces', () => {
    for (const [n, seed] of [[0, 1], [1, 2], [3, 3], [4, 4], [7, 5], [1000, 6], [4099, 7]] as const) {
      const b = bytesOf(n, seed);
      expect(crc32(b)).toBe(zlibCrc32(b));
      const cut = Math.floor(n / 3);
      expect(crc32Update(crc32Update(0, b, 0, cut), b, cut, n)).toBe(zlibCrc32(b));
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard check value
  });

  it('an event\'s checksum is zlib.crc32 of the bytes the spec lists (dump and kaon mode, hits and truth)', async () => {
    const kaon: GeneratorConfigInput = { mode: 'kaon', numEvents: 40, seed: 3, strawHits: true, truth: true, mix: { 'k2pi-dd': 1, 'kpi-aa': 1 } };
    for (const cfg of [DUMP, kaon]) {
      const { bytes, gen } = await makeFile(cfg);
      const f = await open(bytes);
      for (const i of [0, 1, 17, cfg.numEvents! - 1]) {
        const e = await f.event(i);
        const { start, columns } = await f.batchAt(i);
        const want = zlibCrc32(specBytes(e, { strawHits: gen.config.strawHits, truth: gen.config.truth }));
        expect(rowChecksum(columns, i - start)).toBe(want);
        expect(columns.crc![i - start]).toBe(want);
      }
    }
  });
});

/** The same columns copied to byte offsets that are not multiples of 4 (the kernel's byte-wise path). */
function misaligned(c: BatchColumns): BatchColumns {
  const shift = <T extends TypedArray>(a: T): T => {
    const buf = new ArrayBuffer(a.byteLength + 8);
    new Uint8Array(buf, 1, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    // a typed view at offset 1 exists only for byte arrays: wider ones are read through their bytes by the kernel
    return (a.BYTES_PER_ELEMENT === 1 ? new (a.constructor as new (b: ArrayBuffer, o: number, n: number) => T)(buf, 1, a.length) : a) as T;
  };
  const collections = new Map([...c.collections].map(([k, v]) => [k, { ...v, fields: Object.fromEntries(Object.entries(v.fields).map(([n, a]) => [n, shift(a)])) }]));
  return { ...c, processBytes: shift(c.processBytes), collections };
}

describe('the batch checksum kernel', () => {
  it('equals the event-by-event checksum on generated batches (dump and kaon, hits and truth), aligned or not, and finds a flipped bit', async () => {
    const kaon: GeneratorConfigInput = { mode: 'kaon', numEvents: 70, seed: 5, strawHits: true, truth: true, mix: { 'k2pi-dd': 1, 'kpi-aa': 1 } };
    for (const cfg of [DUMP, kaon]) {
      const { bytes } = await makeFile(cfg, { batchSize: 32 });
      const f = await open(bytes);
      for (let b = 0; b < f.numBatches; b++) {
        const { columns } = await f.batchAt(b * 32);
        const one = rowChecksummer(columns);
        const want = Array.from({ length: columns.length }, (_, i) => one(i));
        expect(Array.from(batchChecksumsJs(columns))).toEqual(want);
        expect(Array.from(batchChecksumsJs(misaligned(columns)))).toEqual(want);
        expect(Array.from(batchChecksumsWasm(columns, wasmCrcKernel()!))).toEqual(want);
        expect(Array.from(batchChecksums(columns))).toEqual(want);
        expect(Array.from(columns.crc!)).toEqual(want);
        expect(corruptRows(columns)).toEqual([]);
      }
    }
    const { bad, index } = await flippedPz();
    const { start, columns } = await (await open(bad)).batchAt(index);
    expect(corruptRows(columns)).toEqual([index - start]);
  });

  it('runs in WebAssembly under Node, from bytes assembled from the committed .wat', async () => {
    expect(wasmCrcKernel()).toBeDefined();
    const wabt = await wabtInit();
    const mod = wabt.parseWat('crc32.wat', readFileSync(new URL('../../src-engine/io/wasm/crc32.wat', import.meta.url), 'utf8'), {});
    expect(Buffer.from(mod.toBinary({}).buffer).toString('base64')).toBe(WASM_BASE64); // else: node scripts/build-wasm.mjs
  });

  it('folds 4- and 8-byte values the same through whole words (aligned) and byte by byte (misaligned)', () => {
    const n = 50, offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (i % 4);
    for (const size of [4, 8]) {
      const data = bytesOf(offsets[n]! * size, size);
      const odd = new Uint8Array(data.length + 1).subarray(1);
      odd.set(data);
      const a = startStates(n), b = startStates(n), c = startStates(n), d = startStates(n);
      foldRanges(a, data, offsets, size, n); foldRanges(b, odd, offsets, size, n);
      foldFixed(c, data.subarray(0, n * size), size, n); foldFixed(d, odd.subarray(0, n * size), size, n);
      expect(Array.from(finishStates(a))).toEqual(Array.from(finishStates(b)));
      expect(Array.from(finishStates(c))).toEqual(Array.from(finishStates(d)));
      // and both equal zlib's CRC of each row's bytes
      for (const i of [0, 1, 3, 49]) expect(finishStates(a)[i]).toBe(zlibCrc32(data.subarray(offsets[i]! * size, offsets[i + 1]! * size)));
    }
  });
});

describe('every read path verifies the checksums', () => {
  it('a selection fails on a flipped bit in a track momentum, naming the file, the event and run:burst:event', async () => {
    const { bad, index, id } = await flippedPz();
    const f = await open(bad);
    const err = await runSelection(f, resolveSelection({ preset: 'dump-mumu' })).then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toContain(`/data/run.arrow: event ${index} (run:burst:event ${id}) is corrupt (checksum mismatch)`);
    expect(err?.message).toMatch(/--on-corrupt skip/);
    // the display refuses the same event, and only that one
    await expect(f.event(index)).rejects.toThrow(/checksum mismatch/);
    await expect(f.event(index === 0 ? 1 : 0)).resolves.toBeTruthy();
  });

  it('with skip, the corrupt event is left out of every count and recorded', async () => {
    const { bad, index, id } = await flippedPz();
    const { bytes } = await makeFile(DUMP);
    const good = await runSelection(await open(bytes), resolveSelection({ preset: 'dump-mumu' }));
    const r = await runSelection(await open(bad), resolveSelection({ preset: 'dump-mumu' }), { onCorrupt: 'skip' });
    expect(r.cutflow[0]!.n).toBe(good.cutflow[0]!.n - 1);
    expect(r.corrupt).toEqual({ n: 1, events: [{ file: '/data/run.arrow', index, id }] });
    expect(r.inputs[0]!.events).toBe(DUMP.numEvents); // the range read: the skipped event is counted apart
    expect(good.corrupt).toBeUndefined();
  });

  it('a file whose checksums were left zero fails, not half-trusted', async () => {
    const { bytes } = await makeFile(DUMP);
    const f0 = await open(bytes);
    // zero the stored checksums: find each batch's crc column through the values it holds
    const zeroed = bytes.slice();
    for (let b = 0; b < f0.numBatches; b++) {
      const { columns } = await f0.batchAt(b * 16);
      const crcBytes = new Uint8Array(columns.crc!.buffer, columns.crc!.byteOffset, columns.crc!.byteLength);
      const first = new Uint8Array(crcBytes.subarray(0, 16));
      let at = -1;
      for (let i = 0; i + 16 <= zeroed.length && at < 0; i++) if (first.every((x, k) => zeroed[i + k] === x)) at = i;
      expect(at).toBeGreaterThan(0);
      zeroed.fill(0, at, at + crcBytes.length);
    }
    const f = await open(zeroed);
    await expect(runSelection(f, resolveSelection({ preset: 'dump-mumu' }))).rejects.toThrow(/event 0 \(run:burst:event [\d:]+\) is corrupt/);
    await expect(f.event(3)).rejects.toThrow(/checksum mismatch/);
  });

  it('a file written without checksums is read with a warning that names it, on every path', async () => {
    const { bytes } = await makeFile(DUMP, { checksums: false });
    const f: EventFile = await open(bytes);
    expect(f.checksums).toBe(false);
    expect(f.warnings).toEqual(['/data/run.arrow: no per-event checksums (no "crc32" column): damaged events cannot be detected']);
    expect((await f.event(4)).header.event).toBeGreaterThanOrEqual(0);
    const r = await runSelection(f, resolveSelection({ preset: 'dump-mumu' }));
    expect(r.warnings).toEqual(f.warnings);
    expect(r.cutflow[0]!.n).toBe(DUMP.numEvents);
    const withSums = await open((await makeFile(DUMP)).bytes);
    expect(withSums.warnings).toEqual([]);
  });
});
