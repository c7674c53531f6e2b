/**
 * dump-mumu over a generated file of ≥ 10^7 dump-mode events: the engine on one core and on all
 * cores (worker threads, as `na62 select` runs it), against the same selection written with
 * vectorised numpy over the same data (bench/numpy_dump_mumu.py), in the same run. Both must
 * select the same events. Prints events/s and the ratios.
 * The engine verifies every event's checksum as it selects; the cost of that is printed apart.
 * Run: npx tsx bench/selection-vs-numpy.bench.ts [events, default 10000000]   (needs python3 with numpy)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { cliWorkerUrl, partition, runInWorkersPacked } from '../src-node/selection-pool';
import { existsSync, mkdirSync, openSync, writeSync, closeSync, writeFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { generateToSink } from '../src-engine/generator/write-generated';
import { openEventFile } from '../src-engine/io/event-file';
import { corruptRows } from '../src-engine/io/codec';
import { resolveSelection, runSelectionPacked, unpackCandidates } from '../src-engine/selection/run';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';
import { muv3Tiles } from '../src-shared/geometry/muv3';

const N = Number(process.argv[2] ?? 10_000_000);
mkdirSync('bench-output', { recursive: true });
const file = `bench-output/dump-sel-${N}.arrow`;
const npyDir = `bench-output/dump-sel-${N}-columns`;
const MIX = { 'aprime-mumu': 1, 'combinatorial-mumu': 3, 'prompt-ee': 1, 'prompt-mumu': 1 };

if (!existsSync(file)) {
  console.log(`generating ${N.toLocaleString('en')} events into ${file} (once; reused by later runs)…`);
  const t0 = performance.now();
  await generateToSink({ mode: 'dump', mix: MIX, numEvents: N, seed: 7, truth: false, strawHits: false }, await nodeFileSink(file), { batchSize: 16_384 });
  console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`file: ${file}, ${(statSync(file).size / 1e6).toFixed(0)} MB`);

// export the columns the selection reads, as raw arrays for numpy (same data, no pyarrow here)
if (!existsSync(`${npyDir}/manifest.json`)) {
  mkdirSync(npyDir, { recursive: true });
  const f = await openEventFile(await nodeFileSource(file));
  const fds = new Map<string, number>(), manifest: Record<string, { dtype: string; length: number }> = {};
  const put = (name: string, arr: ArrayBufferView & { length: number }, dtype: string) => {
    if (!fds.has(name)) { fds.set(name, openSync(`${npyDir}/${name}.bin`, 'w')); manifest[name] = { dtype, length: 0 }; }
    writeSync(fds.get(name)!, new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
    manifest[name]!.length += arr.length;
  };
  const dtypeOf = (a: ArrayBufferView) => ({ Float32Array: '<f4', Float64Array: '<f8', Int32Array: '<i4', Int16Array: '<i2', Int8Array: 'i1', Uint8Array: 'u1' } as Record<string, string>)[a.constructor.name]!;
  const base: Record<string, number> = {};
  for (let s = 0; s < f.numEvents; s += f.meta.batchSize) {
    const { columns } = await f.batchAt(s);
    put('header.weight', columns.header['weight']!, '<f8');
    for (const key of ['tracks', 'lkrClusters', 'muv3Hits', 'lavHits'] as const) {
      const c = columns.collections.get(key)!;
      const b = base[key] ?? 0;
      const offs = Int32Array.from(c.offsets.subarray(s === 0 ? 0 : 1, columns.length + 1), (o) => o + b);
      put(`${key}.offsets`, offs, '<i4');
      base[key] = b + c.offsets[columns.length]!;
      for (const [field, arr] of Object.entries(c.fields)) put(`${key}.${field}`, arr.subarray(0, c.offsets[columns.length]!), dtypeOf(arr));
    }
  }
  for (const fd of fds.values()) closeSync(fd);
  const tileBounds: number[] = new Array(152 * 4).fill(NaN);
  for (const t of muv3Tiles()) tileBounds.splice(t.id * 4, 4, Math.min(...t.rects.map((r) => r.x0)), Math.max(...t.rects.map((r) => r.x1)), Math.min(...t.rects.map((r) => r.y0)), Math.max(...t.rects.map((r) => r.y1)));
  writeFileSync(`${npyDir}/manifest.json`, JSON.stringify({ ...manifest, tileBounds: tileBounds.map((x) => (Number.isNaN(x) ? 1e30 : x)) }));
  await f.close();
}

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0);
if (!python) { console.error('python3 with numpy is needed (Debian: apt-get install python3-numpy)'); process.exit(1); }

// Every measurement runs twice and keeps the faster run: both sides then read from a warm page cache.
const best = async <T>(fn: () => Promise<T>): Promise<{ s: number; value: T }> => {
  let out: { s: number; value: T } | undefined;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    const value = await fn();
    const s = (performance.now() - t) / 1000;
    if (!out || s < out.s) out = { s, value };
  }
  return out!;
};

// engine, one core, in this process
const sel = resolveSelection({ preset: 'dump-mumu' });
// The engine's product is what numpy's is: the cut-flow and the selected events with their variables
// as columns (how workers hand them over and plots read them). Objects per candidate, for the
// table in the UI, are made afterwards and timed apart.
const one = await best(async () => {
  const f = await openEventFile(await nodeFileSource(file), 2);
  const r = await runSelectionPacked(f, sel);
  await f.close();
  return r;
});
const oneCore = one.s, r1 = one.value.result;

// the cost of verifying every event's checksum (included in the engine's figures): a scan that
// verifies each batch, against the same scan that does not
const scanOnly = async (verify: boolean) => {
  const f = await openEventFile(await nodeFileSource(file), 2);
  let bad = 0;
  await f.scan(0, f.numBatches, (_s, c) => { if (verify) bad += corruptRows(c).length; });
  await f.close();
  if (bad) { console.error(`${bad} corrupt events in ${file}`); process.exit(1); }
};
const plainScan = await best(() => scanOnly(false));
const crcScan = await best(() => scanOnly(true));
const objects = await best(async () => unpackCandidates(one.value.packed));

// engine, all cores: the worker-thread pool the app and the CLI use (results merged, nothing written)
const cores = availableParallelism();
const g = await openEventFile(await nodeFileSource(file));
const parts = partition([{ file: path.resolve(file), numBatches: g.numBatches, batchSize: g.meta.batchSize, numEvents: g.numEvents }], cores);
await g.close();
const workerUrl = cliWorkerUrl(new URL('../', import.meta.url));
const all = await best(() => runInWorkersPacked(parts, { preset: 'dump-mumu' }, { workerUrl, workers: cores }));
const allCores = all.s, rAll = all.value.result;
if (all.value.packed.n !== one.value.packed.n || all.value.packed.index.some((x, i) => x !== one.value.packed.index[i])) { console.error('MISMATCH between the candidate lists of 1 core and all cores'); process.exit(1); }
if (rAll.cutflow.map((c) => c.n).join() !== r1.cutflow.map((c) => c.n).join()) { console.error('MISMATCH between 1 core and all cores'); process.exit(1); }

// numpy, same data
type NpResult = { events: number; cutflow: number[]; selected: number; load_s: number; compute_s: number; total_s: number; numpy: string };
const runNp = () => JSON.parse(execFileSync(python, ['bench/numpy_dump_mumu.py', npyDir], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as NpResult;
const npRuns = [runNp(), runNp()];
const np = npRuns[0]!.total_s <= npRuns[1]!.total_s ? npRuns[0]! : npRuns[1]!;

const rate = (s: number) => Math.round(N / s).toLocaleString('en');
console.log(`dump-mumu over ${N.toLocaleString('en')} events (best of 2 runs each, warm page cache)`);
console.log(`  engine, 1 core    : ${oneCore.toFixed(2)} s  ${rate(oneCore).padStart(12)} events/s  (reads and decodes the Arrow file itself)`);
console.log(`  engine, ${cores} cores   : ${allCores.toFixed(2)} s  ${rate(allCores).padStart(12)} events/s  (worker threads running ${workerUrl.pathname.split('/').slice(-2).join('/')}, as in the app and na62 select; thread start included)`);
console.log(`  numpy ${np.numpy}    : ${np.total_s.toFixed(2)} s  ${rate(np.total_s).padStart(12)} events/s  (load ${np.load_s.toFixed(2)} s + compute ${np.compute_s.toFixed(2)} s; compute only ${rate(np.compute_s)} events/s)`);
console.log(`  checksums         : ${(crcScan.s - plainScan.s).toFixed(2)} s of the engine's 1-core time (${rate(crcScan.s - plainScan.s)} events/s; reading and decoding alone ${plainScan.s.toFixed(2)} s, with every checksum verified ${crcScan.s.toFixed(2)} s)`);
console.log(`  candidates        : ${one.value.packed.n.toLocaleString('en')} selected; making them objects for the UI's table takes ${objects.s.toFixed(2)} s more (not in the figures above)`);
console.log(`  ratio engine/numpy: 1 core ×${(np.total_s / oneCore).toFixed(2)}, ${cores} cores ×${(np.total_s / allCores).toFixed(2)}; 1 core vs numpy compute only ×${(np.compute_s / oneCore).toFixed(2)}`);
const engineFlow = r1.cutflow.map((c) => c.n);
console.log(`  cut-flow engine: ${engineFlow.join(' ')}`);
console.log(`  cut-flow numpy : ${np.cutflow.join(' ')}`);
if (engineFlow.join() !== np.cutflow.join()) { console.error('MISMATCH: the two implementations select different events'); process.exit(1); }
console.log('  same events selected by both ✓');
