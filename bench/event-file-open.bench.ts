/**
 * Opening a large event file and showing event 0, against the naive baseline in the same run:
 * loading the whole file as one Arrow table. Prints time and memory for both.
 * Run: npx tsx --expose-gc bench/event-file-open.bench.ts [events, default 1000000]
 * (the file is generated once into bench-output/ and reused)
 */
import { existsSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { generateToSink } from '../src-engine/generator/write-generated';
import { openEventFile } from '../src-engine/io/event-file';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';

const N = Number(process.argv[2] ?? 1_000_000);
mkdirSync('bench-output', { recursive: true });
const file = `bench-output/dump-${N}.arrow`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mem = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };

if (!existsSync(file)) {
  const t0 = performance.now();
  await generateToSink({ mode: 'dump', mix: { 'aprime-mumu': 1, 'aprime-ee': 1, 'combinatorial-mumu': 2, 'prompt-ee': 1 }, numEvents: N, seed: 1, truth: false, strawHits: false }, await nodeFileSink(file));
  console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const size = statSync(file).size;
console.log(`file: ${N.toLocaleString('en')} dump-mode events without raw hits or truth, ${(size / 1e6).toFixed(0)} MB`);

let m0 = mem();
let t0 = performance.now();
const f = await openEventFile(await nodeFileSource(file));
const ev0 = await f.event(0);
const tOpen = performance.now() - t0;
const mOpen = mem() - m0;
t0 = performance.now();
await f.event(Math.floor(N / 2));
await f.event(N - 1);
const tJump = (performance.now() - t0) / 2;
const mAfter = mem() - m0;
await f.close();
void ev0;

m0 = mem();
t0 = performance.now();
const table = tableFromIPC(readFileSync(file));
const row = table.get(0);
const tNaive = performance.now() - t0;
const mNaive = mem() - m0;
void row;

console.log(`app   (random access): open + event 0 ${tOpen.toFixed(0)} ms, memory +${(mOpen / 1e6).toFixed(1)} MB; jump to another event ${tJump.toFixed(1)} ms, memory +${(mAfter / 1e6).toFixed(1)} MB`);
console.log(`naive (whole table):   open + event 0 ${tNaive.toFixed(0)} ms, memory +${(mNaive / 1e6).toFixed(1)} MB`);
console.log(`ratio: ${(tNaive / tOpen).toFixed(0)}× faster to first event, ${(mNaive / Math.max(mOpen, 1)).toFixed(0)}× less memory`);
