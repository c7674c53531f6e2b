/**
 * A scan's read buffers come from a pool shared by every open file (event-file.ts): a buffer goes
 * back only when its scan has ended and its last read ahead has landed. Scans that run at the same
 * time, stop early or fail must each still see their own batches.
 */
import { describe, expect, it } from 'vitest';
import { generateToSink } from '../../src-engine/generator/write-generated';
import { openEventFile, type EventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';

async function fileOf(seed: number, name: string) {
  const sink = memorySink();
  await generateToSink({ mode: 'dump', mix: { 'combinatorial-mumu': 1, 'prompt-ee': 1 }, numEvents: 3000, seed, truth: false, strawHits: false }, sink, { batchSize: 256 });
  return openEventFile(memorySource(name, sink.bytes()));
}

/** One number per batch from its columns, read inside the callback (where they are valid). */
async function digests(f: EventFile, opts: { yieldEach?: boolean; failAt?: number; stopAt?: number } = {}): Promise<number[]> {
  const out: number[] = [];
  await f.scan(0, f.numBatches, async (start, c) => {
    if (opts.yieldEach) await new Promise((r) => setTimeout(r, 0));
    const px = c.collections.get('tracks')!.fields['px']!, ev = c.header['event']!;
    let d = start + ev[0]! + 7 * ev[c.length - 1]!;
    for (let k = 0; k < px.length; k++) d += px[k]! * (k % 13);
    out.push(d);
    if (out.length === opts.failAt) throw new Error('stop here');
    return out.length !== opts.stopAt;
  });
  return out;
}

describe('scan read buffers, reused between scans', () => {
  it('give every scan its own batches: at the same time, after a failed scan and after one stopped early', async () => {
    const a = await fileOf(1, 'a.arrow'), b = await fileOf(2, 'b.arrow');
    const refA = await digests(a), refB = await digests(b);
    expect(refA.length).toBe(a.numBatches);
    expect(refA).not.toEqual(refB);
    const [ca, cb, ca2] = await Promise.all([digests(a, { yieldEach: true }), digests(b, { yieldEach: true }), digests(a, { yieldEach: true })]);
    expect(ca).toEqual(refA);
    expect(cb).toEqual(refB);
    expect(ca2).toEqual(refA);
    await expect(digests(b, { failAt: 3 })).rejects.toThrow(/stop here/);
    expect((await digests(a, { stopAt: 2 })).length).toBe(2);
    const [after, afterB] = await Promise.all([digests(a, { yieldEach: true }), digests(b)]);
    expect(after).toEqual(refA);
    expect(afterB).toEqual(refB);
    await a.close(); await b.close();
  });
});
