/**
 * Regression tests for what fuzzing the event-file reader found (test/fuzz/event-file.fuzz.ts):
 * each damage is made exactly here, at the byte that broke the reader.
 */
import { ByteBuffer } from 'flatbuffers';
import { Footer } from 'apache-arrow/fb/footer';
import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../src-engine/generator/generate';
import { EventFileError, openEventFile, writeEventFile } from '../../src-engine/io/event-file';
import { batchColumns, columnsToBatch, encodeColumns, eventSchema } from '../../src-engine/io/codec';
import { memorySink, memorySource } from '../../src-engine/io/source';

const layout = { strawHits: false, truth: false };

async function smallFile() {
  const gen = createGenerator({ mode: 'dump', numEvents: 20, seed: 5, strawHits: false, truth: false, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1 } });
  const sink = memorySink();
  await writeEventFile(sink, 20, (s, c) => gen.events(s, c), { batchSize: 8, meta: { geometryVersion: 'g', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
  return { bytes: sink.bytes().slice(), gen };
}

/** The footer of an Arrow file as flatbuffers, with the absolute position of its first byte. */
function footerOf(bytes: Uint8Array) {
  const len = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 10, 4).getInt32(0, true);
  const start = bytes.length - 10 - len;
  const bb = new ByteBuffer(bytes.subarray(start, start + len));
  return { start, bb, footer: Footer.getRootAsFooter(bb) };
}

function tracksField(footer: Footer) {
  const s = footer.schema()!;
  for (let i = 0; i < s.fieldsLength(); i++) if (s.fields(i)!.name() === 'tracks') return s.fields(i)!;
  throw new Error('no tracks column');
}

const put32 = (bytes: Uint8Array, at: number, v: number) => new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, v >>> 0, true);

async function expectRefused(bytes: Uint8Array, re: RegExp) {
  const err = await openEventFile(memorySource('/data/run.arrow', bytes)).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(EventFileError);
  expect((err as Error).message).toMatch(/^\/data\/run\.arrow: /);
  expect((err as Error).message).toMatch(re);
}

describe('damaged event files found by fuzzing', () => {
  it('refuses a footer whose vector length was flipped to 2^31 (Arrow looped over it: a hang)', async () => {
    const { bytes } = await smallFile();
    const { start, bb, footer } = footerOf(bytes);
    const tracks = tracksField(footer);
    const item = tracks.children(0)!;
    const slot = bb.__offset(item.bb_pos, 14); // Field.children
    put32(bytes, start + bb.__vector(item.bb_pos + slot) - 4, 0x7fffffff);
    await expectRefused(bytes, /footer is damaged.*claims 2147483647 entries/);
  });

  it('refuses a list column whose type lost its child (Arrow threw a TypeError printing it)', async () => {
    const { bytes } = await smallFile();
    const { start, bb, footer } = footerOf(bytes);
    const tracks = tracksField(footer);
    put32(bytes, start + bb.__vector(tracks.bb_pos + bb.__offset(tracks.bb_pos, 14)) - 4, 0);
    await expectRefused(bytes, /unexpected columns/);
  });

  it('refuses a batch block whose 64-bit offset is not a safe number (Arrow threw a TypeError)', async () => {
    const { bytes } = await smallFile();
    const { start, footer } = footerOf(bytes);
    const block = footer.recordBatches(0)!;
    put32(bytes, start + block.bb_pos + 4, 0xafffffff); // high word of Block.offset
    await expectRefused(bytes, /batch 0 lies outside the file/);
  });

  it('names a header column shorter than the batch instead of throwing a RangeError', () => {
    const gen = createGenerator({ mode: 'dump', numEvents: 4, seed: 5, mix: { 'aprime-mumu': 1 } });
    const cols = encodeColumns(gen.events(0, 4), layout);
    const short = { ...cols, header: { ...cols.header, run: (cols.header['run'] as Int32Array).subarray(0, 2) } };
    const batch = columnsToBatch(short, eventSchema(layout));
    expect(() => batchColumns(batch, layout)).toThrow(/column "run" holds 2 values for 4 rows/);
    const badOffsets = { ...cols, processOffsets: Int32Array.from(cols.processOffsets, (o, i) => (i === 0 ? -3 : o)) };
    expect(() => batchColumns(columnsToBatch(badOffsets, eventSchema(layout)), layout)).toThrow(/"process" has bad offsets/);
  });
});
