/**
 * The needed-bytes floor of a selection, shared by the selection benchmarks: the byte ranges a
 * preset reads of a format 3 file (the column buffers of its variables, coalesced per batch),
 * recorded from a real scan with its column set, and one plain read of them into a reused buffer,
 * with or without their CRC-32 — what any reader that verifies what it reads must at least do.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { openEventFile } from '../src-engine/io/event-file';
import { crcOf } from '../src-engine/io/column-read';
import type { RandomAccessSource } from '../src-engine/io/source';
import { presetColumns } from '../src-engine/selection/columns';
import { nodeFileSource } from '../src-node/fs/node-file';
import type { PresetId } from '../src-shared/selection/types';

/** [position, length] of every read a scan of `file` with `preset`'s column set makes. */
export async function neededRanges(file: string, preset: PresetId): Promise<[number, number][]> {
  const ranges: [number, number][] = [];
  const src = await nodeFileSource(file);
  const recording: RandomAccessSource = {
    name: src.name, size: src.size, close: () => src.close(),
    read: (p, l) => { ranges.push([p, l]); return src.read(p, l); },
    ...(src.readInto ? { readInto: (b: Uint8Array, o: number, l: number, p: number) => { ranges.push([p, l]); return src.readInto!(b, o, l, p); } } : {}),
  };
  const rf = await openEventFile(recording, 2);
  ranges.length = 0; // the footer and schema reads of opening are not the scan's
  await rf.scan(0, rf.numBatches, () => {}, { columns: presetColumns(preset) });
  await rf.close();
  return ranges;
}

/** Read the ranges once, in order, into one reused buffer (blocking reads, page cache); `crc`: fold each into a CRC-32 too. */
export function readRanges(file: string, ranges: readonly [number, number][], crc: boolean): number {
  const fd = openSync(file, 'r'), buf = Buffer.allocUnsafe(Math.max(...ranges.map((r) => r[1])));
  let x = 0;
  for (const [p, l] of ranges) { readSync(fd, buf, 0, l, p); if (crc) x ^= crcOf(buf.subarray(0, l)); }
  closeSync(fd);
  return x;
}
