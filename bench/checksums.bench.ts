/**
 * The per-event checksums of a selection's input, three ways over the same batches in one run:
 * event by event (rowChecksummer, what reading one event does), column by column over the batch
 * in JavaScript (batchChecksumsJs, where WebAssembly is not allowed) and in the WebAssembly kernel
 * (batchChecksums, what selections run). Prints GB/s of checksummed bytes and the ratios.
 * Interleaved, best of 5 rounds each, so a busy machine skews all alike.
 * (Tried and dropped, measured with this bench: list offsets decoded once into an owner row per
 * value and one flat loop per field — 10–25 % slower than a loop per row.) Run: npx tsx bench/checksums.bench.ts [file] (default: the selection benchmark's 10^6-event file)
 */
import { loadavg } from 'node:os';
import { openEventFile } from '../src-engine/io/event-file';
import { batchChecksums, batchChecksumsJs, rowChecksummer, type BatchColumns } from '../src-engine/io/codec';
import { nodeFileSource } from '../src-node/fs/node-file';

const file = process.argv[2] ?? 'bench-output/dump-sel-1000000.arrow';
const f = await openEventFile(await nodeFileSource(file), 1 << 20);
const batches: BatchColumns[] = [];
for (let b = 0; b < Math.min(f.numBatches, 64); b++) batches.push((await f.batchAt(b * f.meta.batchSize)).columns);
const events = batches.reduce((a, c) => a + c.length, 0);
const bytes = (() => { let s = 0; for (const c of batches) { for (const a of [...Object.values(c.header), ...Object.values(c.kaon)]) s += a.byteLength; s += c.processBytes.byteLength; for (const { offsets, fields } of c.collections.values()) { s += 4 * c.length; for (const a of Object.values(fields)) s += offsets[c.length]! * a.BYTES_PER_ELEMENT; } } return s; })();

const kernels: Record<string, (c: BatchColumns) => void> = {
  'event by event (rowChecksummer)': (c) => { const sum = rowChecksummer(c); for (let i = 0; i < c.length; i++) if (sum(i) !== c.crc![i]) throw new Error('mismatch'); },
  'by column, JavaScript (batchChecksumsJs)': (c) => { const s = batchChecksumsJs(c); if (s.some((x, i) => x !== c.crc![i])) throw new Error('mismatch'); },
  'by column, WebAssembly (selections)': (c) => { const s = batchChecksums(c); if (s.some((x, i) => x !== c.crc![i])) throw new Error('mismatch'); },
};
const best: Record<string, number> = {};
for (let round = 0; round < 5; round++) {
  for (const [name, k] of Object.entries(kernels)) {
    const t = performance.now();
    for (const c of batches) k(c);
    const s = (performance.now() - t) / 1000;
    best[name] = Math.min(best[name] ?? Infinity, s);
  }
}
console.log(`checksums of ${events.toLocaleString('en')} events (${(bytes / 1e6).toFixed(0)} MB checksummed) from ${file}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const base = best['event by event (rowChecksummer)']!;
for (const [name, s] of Object.entries(best)) console.log(`  ${name.padEnd(36)} ${(s * 1000).toFixed(1).padStart(7)} ms  ${(bytes / s / 1e9).toFixed(2)} GB/s  ×${(base / s).toFixed(1)} vs event by event`);
await f.close();
