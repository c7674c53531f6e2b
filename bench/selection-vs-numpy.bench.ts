/**
 * The published selections over generated files — dump-mumu and dump-ee over one dump-mode file,
 * kaon-pi4e over a kaon-mode file — the engine on one core (the whole process held to one CPU), on
 * one worker thread and on two (as the app and `na62 select` run it), against the same selection written with vectorised numpy over the same data
 * (bench/numpy_dump.py, bench/numpy_kaon_pi4e.py), in the same run. Both must select the same events.
 * Also the floors: reading the whole file from the page cache, and reading only the byte ranges the
 * preset reads (format 3: the column buffers of its variables, coalesced per batch, recorded from a
 * real scan), with and without their CRC-32. Prints the ratios and the load average at each figure.
 *
 * On a shared machine wall times measure the neighbours too, so the CPU time of each thread is
 * printed beside them (Linux /proc/thread-self): the 1 → 2 threads estimate from CPU time is the
 * speed-up two free cores would give if the threads' own work were all there is.
 * The engine verifies the checksum of every column buffer it reads; the cost of that is printed apart.
 *
 * Run: npx tsx bench/selection-vs-numpy.bench.ts [events] [presets]   (BENCH_ROUNDS, default 5: rounds of engine and numpy;
 *   BENCH_WARM_RUNS, default 4: two-thread runs first, both workers warm;
 *   BENCH_RELEASE=0: no list written again, see `engine` below)
 *   events: default NA62_BENCH_EVENTS or 10000000; presets: default dump-mumu,dump-ee,kaon-pi4e
 *   --prepare dump|kaon: only generate (and export for numpy) that sample, then exit
 * Generated files are kept in bench-output/ (named by events and generator version) and reused;
 * scripts/bench-selection.sh makes both samples at once (two processes) and then runs this.
 * (needs python3 with numpy)
 */
import '../src-node/native-crc';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { partition, releaseCandidates, runInWorkersPacked } from '../src-node/selection-pool';
import { existsSync, mkdirSync, openSync, writeSync, closeSync, writeFileSync, statSync, readSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generateToSink } from '../src-engine/generator/write-generated';
import { openEventFile } from '../src-engine/io/event-file';
import { unpackCandidates, type PackedCandidates } from '../src-engine/selection/run';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';
import { muv3Tiles } from '../src-shared/geometry/muv3';
import { GENERATOR_VERSION, type GeneratorConfigInput } from '../src-engine/generator/generate';
import { neededRanges, readRanges } from './needed-bytes';

const args = process.argv.slice(2);
const prepareOnly = args.includes('--prepare') ? args.splice(args.indexOf('--prepare'), 2)[1] : undefined;
const N = Number(args[0] ?? process.env['NA62_BENCH_EVENTS'] ?? 10_000_000);
if (!Number.isInteger(N) || N <= 0) { console.error(`events must be a positive integer, not ${args[0] ?? process.env['NA62_BENCH_EVENTS']}`); process.exit(2); }
// the workers run at normal priority here, as numpy does (the app lowers them, which on a busy machine measures the neighbours)
process.env['NA62_WORKER_NICE'] = '0';
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 5));
/** two-thread runs before the rounds, so that both workers are warm (see below) */
const WARM_RUNS = Math.max(1, Number(process.env['BENCH_WARM_RUNS'] ?? 4));
const RELEASE = process.env['BENCH_RELEASE'] !== '0';
const PRESETS = (args[1] ?? 'dump-mumu,dump-ee,kaon-pi4e').split(',') as ('dump-mumu' | 'dump-ee' | 'kaon-pi4e')[];
mkdirSync('bench-output', { recursive: true });
const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

interface Sample { readonly name: string; readonly gen: Omit<GeneratorConfigInput, 'numEvents' | 'seed'>; readonly collections: readonly string[] }
const DUMP: Sample = { name: 'dump-sel', gen: { mode: 'dump', mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 3, 'prompt-ee': 1, 'prompt-mumu': 1 } }, collections: ['tracks', 'lkrClusters', 'muv3Hits', 'lavHits', 'anti0Hits'] };
const KAON: Sample = { name: 'kaon-sel', gen: { mode: 'kaon', mix: { 'k2pi-dd': 3, 'kpi-aa': 1, 'kpi4e-nonres': 1 } }, collections: ['tracks'] };
const SAMPLE = { 'dump-mumu': DUMP, 'dump-ee': DUMP, 'kaon-pi4e': KAON } as const;
const SCRIPT = { 'dump-mumu': ['bench/numpy_dump.py', 'dump-mumu'], 'dump-ee': ['bench/numpy_dump.py', 'dump-ee'], 'kaon-pi4e': ['bench/numpy_kaon_pi4e.py'] } as const;

/** The sample's file (generated once, reused by later runs) and its columns as raw arrays for numpy. */
async function prepare(sample: Sample): Promise<{ file: string; npyDir: string }> {
  // named by the generator version: a file made by another version is another sample
  const file = `bench-output/${sample.name}-${N}-g${GENERATOR_VERSION}.arrow`;
  const npyDir = `bench-output/${sample.name}-${N}-g${GENERATOR_VERSION}-columns`;
  if (!existsSync(file)) {
    console.log(`generating ${N.toLocaleString('en')} events into ${file} (once; reused by later runs)…`);
    const t0 = performance.now();
    await generateToSink({ ...sample.gen, numEvents: N, seed: 7, truth: false, strawHits: false }, await nodeFileSink(file), { batchSize: 16_384 });
    console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
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
      for (const key of sample.collections) {
        const c = columns.collections.get(key as never)!;
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
  return { file, npyDir };
}

if (prepareOnly) {
  const sample = { dump: DUMP, kaon: KAON }[prepareOnly];
  if (!sample) { console.error(`--prepare takes dump or kaon, not ${prepareOnly}`); process.exit(2); }
  await prepare(sample);
  process.exit(0);
}

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0);
if (!python) { console.error('python3 with numpy is needed (Debian: apt-get install python3-numpy)'); process.exit(1); }
/**
 * A small helper process, started once, that runs each numpy script in a fresh Python process and
 * sets the CPUs this process may use (taskset, for the one-core figure). Starting either from here
 * would fork this process between the engine's runs, after which every page it reuses faults again
 * on its first write (copy-on-write; ≈ 0.25 s for dump-mumu's candidate list on this VM), a cost the
 * app, forking nothing between selections, does not pay.
 */
const helper = (() => {
  // a request: a numpy command line (an array), or { pin: cpus } to set the CPUs every thread of this process may run on
  const helper = `const { execFileSync } = require('node:child_process');
    require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
      let out;
      try {
        const r = JSON.parse(line);
        out = Array.isArray(r) ? execFileSync(${JSON.stringify(python)}, r, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\\n').pop()
          : (execFileSync('taskset', ['-a', '-c', '-p', r.pin, String(${process.pid})], { encoding: 'utf8' }), JSON.stringify({ pinned: r.pin }));
      } catch (e) { out = JSON.stringify({ error: String(e && e.message || e) }); }
      process.stdout.write(out + '\\n');
    });`;
  const child = spawn(process.execPath, ['-e', helper], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.unref();
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  child.on('exit', (code) => { if (waiting.length) { console.error(`the helper that starts numpy ended (code ${code})`); process.exit(1); } });
  return {
    run(request: readonly string[] | { pin: string }): Promise<unknown> {
      return new Promise((resolve) => {
        waiting.push((line) => {
          const r = JSON.parse(line) as { error?: string };
          if (r.error) { console.error(`${JSON.stringify(request)}: ${r.error}`); process.exit(1); }
          resolve(r);
        });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    stop: () => child.stdin.end(),
  };
})();

// Every measurement runs twice and keeps the faster run: both sides then read from a warm page cache.
// `cpu`: the CPU time of this (the main) thread in the faster run — what a floor costs when the machine is shared
const best = async <T>(fn: () => Promise<T>): Promise<{ s: number; cpu: number; value: T }> => {
  let out: { s: number; cpu: number; value: T } | undefined;
  for (let k = 0; k < 2; k++) {
    const t = performance.now(), c = threadCpu();
    const value = await fn();
    const s = (performance.now() - t) / 1000, cpu = threadCpu() - c;
    if (!out || s < out.s) out = { s, cpu, value };
  }
  return out!;
};
/** CPU time of the calling thread so far, s (Linux; 10 ms ticks) */
const threadCpu = (): number => { const x = readFileSync('/proc/thread-self/stat', 'utf8'); const f = x.slice(x.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) / 100; };

/** The page-cache floor: every byte of the file read into one reused 64 MiB buffer. */
const readAll = async (file: string) => {
  const fd = openSync(file, 'r'), buf = Buffer.allocUnsafe(64 << 20);
  let pos = 0, got: number;
  while ((got = readSync(fd, buf, 0, buf.length, pos)) > 0) pos += got;
  closeSync(fd);
  return pos;
};

const rate = (s: number) => Math.round(N / s).toLocaleString('en');
// the worker as the app ships it: bundled by esbuild from src-node/selection-worker.ts (not the
// CLI's fallback when out/ is stale, the TypeScript through tsx, which is not what the app runs)
const workerUrl = await (async () => {
  const { bundleNodeEntry } = await import('../build/bundle-node');
  const outfile = path.resolve('bench-output/bench-worker/selection-worker.mjs');
  await bundleNodeEntry(path.resolve('src-node/selection-worker.ts'), outfile);
  return pathToFileURL(outfile);
})();
let failed = false;
const costsShown = new Set<string>();
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const summary: string[] = [];

/**
 * The machine's own two-core scaling, the ceiling for the engine's: the same pure arithmetic loop
 * (no memory traffic) on one worker thread, then on two at once. On a virtual machine whose two
 * vCPUs share a physical core, or share its clock, two threads do less than twice the work.
 */
async function machineScaling(): Promise<{ one: number; two: number }> {
  const code = `const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (n) => { const t = performance.now(); let x = 0; for (let i = 1; i < n; i++) x += Math.sqrt(i) * 1e-9; parentPort.postMessage([performance.now() - t, x]); });`;
  const run = (w: Worker, n: number) => new Promise<number>((res) => { w.once('message', (m: [number, number]) => res(m[0])); w.postMessage(n); });
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  const n = 400_000_000;
  await Promise.all(ws.map((w) => run(w, n / 10))); // compiled
  let one = Infinity, two = Infinity;
  for (let k = 0; k < 2; k++) {
    one = Math.min(one, await run(ws[0]!, n));
    two = Math.min(two, Math.max(...(await Promise.all(ws.map((w) => run(w, n))))));
  }
  await Promise.all(ws.map((w) => w.terminate()));
  return { one, two };
}
/**
 * The machine's two-core scaling for memory-bound work, the ceiling for a selection's reads and
 * checksums: a file read from the page cache with its CRC-32 (1 MiB at a time) on one thread, then
 * in two halves on two threads at once; best of 3. On this kind of virtual machine two threads copy
 * and checksum memory ×1.5 as fast as one, where they compute ×2.
 */
async function memoryScaling(file: string, bytes: number): Promise<{ one: number; two: number }> {
  const code = `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs'); const zlib = require('node:zlib');
    parentPort.on('message', ({ file, from, to }) => {
      const fd = fs.openSync(file, 'r'), b = Buffer.allocUnsafeSlow(1 << 20); b.fill(1);
      const t = performance.now(); let pos = from, x = 0;
      while (pos < to) { const got = fs.readSync(fd, b, 0, Math.min(b.length, to - pos), pos); if (!got) break; x ^= zlib.crc32(b.subarray(0, got)); pos += got; }
      fs.closeSync(fd); parentPort.postMessage([performance.now() - t, x]); });`;
  const run = (w: Worker, from: number, to: number) => new Promise<number>((res) => { w.once('message', (m: [number, number]) => res(m[0])); w.postMessage({ file, from, to }); });
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  let one = Infinity, two = Infinity;
  for (let k = 0; k < 3; k++) {
    one = Math.min(one, await run(ws[0]!, 0, bytes));
    const t = performance.now();
    await Promise.all([run(ws[0]!, 0, bytes / 2), run(ws[1]!, bytes / 2, bytes)]);
    two = Math.min(two, performance.now() - t);
  }
  await Promise.all(ws.map((w) => w.terminate()));
  return { one, two };
}
{
  const m = await machineScaling();
  const line = `the machine: a pure arithmetic loop takes ${(m.one / 1000).toFixed(2)} s on one thread and ${(m.two / 1000).toFixed(2)} s each on two at once: two cores do ×${(2 * m.one / m.two).toFixed(2)} the work of one (${load()})`;
  console.log(line);
  summary.push(line);
  const { file } = await prepare(SAMPLE[PRESETS[0]!]);
  const bytes = Math.min(statSync(file).size, 1.5e9), mem = await memoryScaling(file, bytes);
  const memLine = `the machine, memory-bound: ${(bytes / 1e6).toFixed(0)} MB read from the page cache with their CRC-32 take ${(mem.one / 1000).toFixed(2)} s on one thread and ${(mem.two / 1000).toFixed(2)} s in halves on two: ×${(mem.one / mem.two).toFixed(2)} (${load()})`;
  console.log(memLine);
  summary.push(memLine);
}

for (const preset of PRESETS) {
  const { file, npyDir } = await prepare(SAMPLE[preset]);
  console.log(`\n${preset} over ${N.toLocaleString('en')} events of ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB; times: the best of ${ROUNDS} rounds after ${WARM_RUNS} warm-up runs on two threads; floors: best of 2; warm page cache; each list ${RELEASE ? "written into the one released before it, as in the app" : "in fresh memory"})`);
  const g = await openEventFile(await nodeFileSource(file));
  const whole = [{ file: path.resolve(file), numBatches: g.numBatches, batchSize: g.meta.batchSize, numEvents: g.numEvents }];
  await g.close();
  // the engine as the app and na62 select run it: worker threads over contiguous parts of the file,
  // candidates handed back as transferable columns; the same code on one thread and on two. As in the
  // app, once a newer list exists the previous one is released and the next run's list is written into
  // it (the Electron host does this when the engine replaces a dataset's last result, which the IPC has
  // copied to the renderer by then); BENCH_RELEASE=0: every list in fresh memory (na62 select's case).
  let previous: PackedCandidates | undefined, reference: { packed: PackedCandidates; cutflow: string } | undefined;
  const engine = async (threads: number) => {
    const t = performance.now(), main0 = threadCpu(), all0 = cpuNow();
    const r = await runInWorkersPacked(partition(whole, threads), { preset }, { workerUrl, workers: threads });
    const s = (performance.now() - t) / 1000, mainCpu = threadCpu() - main0, processCpu = cpuNow() - all0;
    // every list checked against the first before it is written over
    const cutflow = r.result.cutflow.map((c) => c.n).join();
    if (!reference) reference = { packed: structuredClone(r.packed), cutflow };
    else if (cutflow !== reference.cutflow || r.packed.n !== reference.packed.n || r.packed.index.some((x, i) => x !== reference!.packed.index[i])) { console.error(`MISMATCH between the candidate lists of two runs (${threads} thread(s))`); process.exit(1); }
    if (previous && RELEASE) releaseCandidates(previous);
    previous = r.packed;
    return { s, value: { result: r.result, cpuSeconds: r.cpuSeconds, mainCpu, processCpu } };
  };
  type NpResult = { events: number; cutflow: number[]; selected: number; load_s: number; compute_s: number; total_s: number; cpu_s: number; numpy: string };
  const [script, ...scriptArgs] = SCRIPT[preset];
  const runNp = () => helper.run([script, npyDir, ...scriptArgs]) as Promise<NpResult>;
  // One core: the whole process (its worker, which reads the file itself, and the main thread that
  // assembles the list, with whatever else Node runs) held to CPU 0 with taskset; one worker thread
  // unpinned leaves the main thread the second core, so it is not a one-core figure (printed beside it).
  const onOneCore = async () => { await helper.run({ pin: '0' }); try { return await engine(1); } finally { await helper.run({ pin: '0,1' }); } };
  // Both workers started and their code optimised before the rounds: the figures below are of warm
  // threads, as in an app that has run a few selections. One run was not enough: the second worker
  // works only in the two-thread runs, on half the parts, and V8 was still compiling its code in the
  // next three or four (0.04–0.05 s of background compilation per run, moved into the worker's own
  // CPU time by --no-concurrent-recompilation), which showed as two threads waiting, not working.
  // (What remains between the two threads' CPU and wall time here, 0.05–0.1 s, follows each numpy run:
  // back to back, without numpy between, they take 0.44–0.47 s for 0.42 s of CPU each.)
  for (let k = 0; k < WARM_RUNS; k++) await engine(2);
  await runNp(); // numpy's columns in the page cache, as the engine's file is
  // Rounds of engine on one core, on 1 thread, on 2, then numpy, one after the other: the host's speed
  // drifts by tens of per cent within minutes here, so each round's ratios compare neighbours in time,
  // and the ratios quoted are the medians over the rounds (the times quoted are each side's best).
  type Run = Awaited<ReturnType<typeof engine>>;
  const rounds: { core: Run; one: Run; two: Run; np: NpResult; load: string }[] = [];
  for (let k = 0; k < ROUNDS; k++) rounds.push({ core: await onOneCore(), one: await engine(1), two: await engine(2), np: await runNp(), load: load() });
  const bestOf = <T>(pick: (r: (typeof rounds)[number]) => T, time: (x: T) => number): T => rounds.map(pick).reduce((a, b) => (time(b) < time(a) ? b : a));
  const core = bestOf((r) => r.core, (x) => x.s), one = bestOf((r) => r.one, (x) => x.s), two = bestOf((r) => r.two, (x) => x.s), np = bestOf((r) => r.np, (x) => x.total_s);
  const median = (xs: number[]) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2; };
  const paired = {
    npCore: median(rounds.map((r) => r.np.total_s / r.core.s)), np1: median(rounds.map((r) => r.np.total_s / r.one.s)), np2: median(rounds.map((r) => r.np.total_s / r.two.s)),
    scaleCore: median(rounds.map((r) => r.core.s / r.two.s)), scale: median(rounds.map((r) => r.one.s / r.two.s)),
  };
  const oneLoad = rounds[0]!.load, twoLoad = rounds.at(-1)!.load;
  const r1 = one.value.result;
  const floor = await best(() => readAll(file));
  const floorLoad = load();
  // the ranges this preset reads, recorded from a scan with its column set, then read again plainly
  const ranges = await neededRanges(file, preset);
  const neededBytes = ranges.reduce((a, r) => a + r[1], 0);
  const needFloor = await best(async () => readRanges(file, ranges, false));
  const needCrc = await best(async () => readRanges(file, ranges, true));
  const needLoad = load();
  const npLoad = load();

  const c1 = one.value.cpuSeconds[0]!, c2 = two.value.cpuSeconds, c2max = Math.max(...c2);
  const cpuText = (v: typeof one.value, w: number[]) => `CPU ${w.map((x) => x.toFixed(2)).join(' + ')} s in the worker${w.length > 1 ? 's' : ''}, ${v.mainCpu.toFixed(2)} s main thread, ${v.processCpu.toFixed(2)} s user+sys all threads`;
  console.log(`  engine, one core  : ${core.s.toFixed(2)} s  ${rate(core.s).padStart(12)} events/s  (the process held to CPU 0; ${cpuText(core.value, [core.value.cpuSeconds[0]!])}; ${oneLoad})`);
  console.log(`  engine, 1 thread  : ${one.s.toFixed(2)} s  ${rate(one.s).padStart(12)} events/s  (${cpuText(one.value, [c1])}; ${oneLoad})`);
  console.log(`  engine, 2 threads : ${two.s.toFixed(2)} s  ${rate(two.s).padStart(12)} events/s  (${cpuText(two.value, c2)}; ${twoLoad})`);
  console.log(`  numpy ${np.numpy}    : ${np.total_s.toFixed(2)} s  ${rate(np.total_s).padStart(12)} events/s  (load ${np.load_s.toFixed(2)} s + compute ${np.compute_s.toFixed(2)} s, of the columns it needs; CPU ${np.cpu_s.toFixed(2)} s; ${npLoad})`);
  console.log(`  page-cache floor  : ${floor.s.toFixed(2)} s to read the file's ${(floor.value / 1e6).toFixed(0)} MB (${(floor.value / floor.s / 1e9).toFixed(1)} GB/s; CPU ${floor.cpu.toFixed(2)} s; ${floorLoad})`);
  console.log(`  needed-bytes floor: ${needFloor.s.toFixed(2)} s to read the ${(neededBytes / 1e6).toFixed(0)} MB ${preset} reads (${ranges.length} reads, ${(100 * neededBytes / floor.value).toFixed(0)} % of the file; CPU ${needFloor.cpu.toFixed(2)} s); with their CRC-32 ${needCrc.s.toFixed(2)} s (CPU ${needCrc.cpu.toFixed(2)} s; ${needLoad})`);
  const c2mean = c2.reduce((a, x) => a + x, 0) / c2.length;
  const ratios = [
    `engine/numpy ×${paired.npCore.toFixed(2)} on one core, ×${paired.np1.toFixed(2)} on 1 thread, ×${paired.np2.toFixed(2)} on 2 wall (medians of ${ROUNDS} rounds; best against best ×${(np.total_s / core.s).toFixed(2)}, ×${(np.total_s / one.s).toFixed(2)}, ×${(np.total_s / two.s).toFixed(2)}); ×${(np.cpu_s / c1).toFixed(2)} CPU time`,
    `one core → 2 threads ×${paired.scaleCore.toFixed(2)} wall (median; best against best ×${(core.s / two.s).toFixed(2)}); 1 → 2 threads ×${paired.scale.toFixed(2)} (×${(one.s / two.s).toFixed(2)}); from CPU time ×${(c1 / c2mean).toFixed(2)} (parts evenly shared), ×${(c1 / c2max).toFixed(2)} (as shared in this run)`,
    `1 thread / needed-bytes floor ×${(one.s / needFloor.s).toFixed(1)} wall, ×${(c1 / Math.max(0.01, needFloor.cpu)).toFixed(1)} CPU (×${(c1 / Math.max(0.01, needCrc.cpu)).toFixed(1)} over the floor with CRC)`,
  ];
  console.log(`  rounds            : ${rounds.map((r) => `one core ${r.core.s.toFixed(2)} s, 1 thread ${r.one.s.toFixed(2)} s, 2 threads ${r.two.s.toFixed(2)} s, numpy ${r.np.total_s.toFixed(2)} s`).join('; ')}`);
  console.log(`  ratios            : ${ratios.join('; ')}`);
  summary.push(`${preset.padEnd(10)} ${ratios.join('; ')} (${twoLoad})`);
  console.log(`  candidates        : ${reference!.packed.n.toLocaleString('en')} selected`);
  const engineFlow = r1.cutflow.map((c) => c.n);
  console.log(`  cut-flow engine: ${engineFlow.join(' ')}`);
  console.log(`  cut-flow numpy : ${np.cutflow.join(' ')}`);
  if (engineFlow.join() !== np.cutflow.join()) { console.error('  MISMATCH: the two implementations select different events'); failed = true; } else console.log('  same events selected by both ✓');

  if (!costsShown.has(preset)) {
    costsShown.add(preset);
    // the cost of verifying the checksums (included in the engine's figures): CRC-32 of the needed bytes, over reading them alone
    console.log(`  checksums         : ${(needCrc.s - needFloor.s).toFixed(2)} s of CRC-32 over the ${(neededBytes / 1e6).toFixed(0)} MB read (${(neededBytes / 1e9 / Math.max(1e-9, needCrc.s - needFloor.s)).toFixed(1)} GB/s; ${load()})`);
  }
  const objects = await best(async () => unpackCandidates(reference!.packed));
  console.log(`  as objects        : ${objects.s.toFixed(2)} s more to make them one object each (not in the figures above; the app's table reads the columns)`);
}
helper.stop();
console.log(`\nsummary (${N.toLocaleString('en')} events):\n  ${summary.join('\n  ')}`);
if (failed) process.exit(1);
