/**
 * Huge input (issue 8): a 10^7-event file opens and shows its first event, and a selection over it
 * can be cancelled at any time while the host stays responsive. Baselines measured in the same run:
 * opening a 10^4-event file (opening must not grow with the file), and the idle event loop and
 * idle event requests (what the selection must not degrade much).
 * Cancellation is measured where the app runs selections: the engine behind its dispatcher, on
 * worker threads (the Electron main process for large files) and in-process (one core, as the
 * browser build's worker does it).
 * Run: npm run build && npx tsx --expose-gc bench/large-input.bench.ts [events, default 10000000] [cancels per path, default 8]
 * (the workers run out/main/selection-worker.js when it is built: build first, a stale bundle measures old code)
 * (the file is generated once into bench-output/, shared with selection-vs-numpy.bench.ts)
 */
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDispatcher, createEngineHandlers, type Dispatcher, type EngineHost } from '../src-engine';
import { generateToSink } from '../src-engine/generator/write-generated';
import { openEventFile } from '../src-engine/io/event-file';
import { createNodeEngineHost } from '../src-main/engine-host';
import { cliWorkerUrl, stopWorkers } from '../src-node/selection-pool';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';

const N = Number(process.argv[2] ?? 10_000_000);
const CANCELS = Number(process.argv[3] ?? 8);
const MIX = { 'aprime-mumu': 1, 'combinatorial-mumu': 3, 'prompt-ee': 1, 'prompt-mumu': 1 };
const root = new URL('../', import.meta.url);
mkdirSync('bench-output', { recursive: true });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mem = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const ms = (x: number) => `${x.toFixed(1)} ms`;
const now = () => performance.now();

async function ensureFile(n: number): Promise<string> {
  const file = `bench-output/dump-sel-${n}.arrow`;
  if (!existsSync(file)) {
    console.log(`generating ${n.toLocaleString('en')} events into ${file} (once; reused by later runs)…`);
    const t0 = now();
    await generateToSink({ mode: 'dump', mix: MIX, numEvents: n, seed: 7, truth: false, strawHits: false }, await nodeFileSink(file), { batchSize: 16_384 });
    console.log(`  ${((now() - t0) / 1000).toFixed(0)} s`);
  }
  return file;
}

// ---- (a) opening ----------------------------------------------------------------------------
async function openAndFirst(file: string) {
  const m0 = mem();
  const t0 = now();
  const f = await openEventFile(await nodeFileSource(file));
  const t1 = now();
  const ev = await f.event(0);
  const t2 = now();
  const grew = mem() - m0;
  await f.close();
  return { open: t1 - t0, first: t2 - t1, grew, tracks: ev.tracks.length };
}

const big = await ensureFile(N), small = await ensureFile(10_000);
const size = statSync(big).size;
console.log(`file: ${N.toLocaleString('en')} dump-mode events, ${(size / 1e9).toFixed(2)} GB (${(size / N).toFixed(0)} bytes/event, no raw hits or truth)`);
await openAndFirst(small); // warm the code paths once
const openBig = await openAndFirst(big), openSmall = await openAndFirst(small);
console.log('\nopen and show event 0');
console.log(`  ${N.toLocaleString('en')} events: open ${ms(openBig.open)}, first event ${ms(openBig.first)}, memory +${(openBig.grew / 1e6).toFixed(1)} MB`);
console.log(`  baseline, 10,000 events: open ${ms(openSmall.open)}, first event ${ms(openSmall.first)}, memory +${(openSmall.grew / 1e6).toFixed(1)} MB`);

// ---- (b) cancelling and responsiveness ----------------------------------------------------------
/** a seeded uniform generator, so the cancel times repeat from run to run */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32; };
}
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

/** The host's event loop while `work` runs: its longest stall, and how long event requests take meanwhile. */
async function observe<T>(d: Dispatcher, dataset: string, work: () => Promise<T>) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  const latencies: number[] = [];
  let busy = true;
  const probe = (async () => {
    let k = 0;
    while (busy) {
      const t = now();
      await d.handle('event', { dataset, index: (k++ * 7919) % N });
      latencies.push(now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  h.enable();
  const t0 = now();
  const value = await work();
  const elapsed = now() - t0;
  h.disable();
  busy = false;
  await probe;
  return { value, elapsed, maxStall: h.max / 1e6, p99Stall: h.percentile(99) / 1e6, requestMax: Math.max(...latencies), requestMedian: quantile(latencies, 0.5), requests: latencies.length };
}

const idleFor = (t: number) => new Promise<void>((r) => setTimeout(r, t));

async function measurePath(label: string, host: EngineHost) {
  const engine = createEngineHandlers({ host: 'node', appVersion: 'bench', files: host });
  const d = createDispatcher(engine);
  const ds = (await engine.store.add(await nodeFileSource(big))).id;
  const select = (taskId: string) => d.handle('runSelection', { taskId, dataset: ds, selection: { preset: 'dump-mumu' } });
  await select('warm-up'); // warm workers and JIT
  const full = await observe(d, ds, () => select('full'));
  if (!full.value.ok) throw new Error(`${label}: the selection failed: ${full.value.error.message}`);
  const idle = await observe(d, ds, () => idleFor(Math.min(2000, full.elapsed)));

  const random = rng(8);
  const latencies: number[] = [];
  let stalls = 0, finishedFirst = 0;
  for (let k = 0; k < CANCELS; k++) {
    const at = (0.02 + 0.8 * random()) * full.elapsed;
    const taskId = `cancel-${k}`;
    let cancelledAt = 0;
    const run = observe(d, ds, async () => {
      const p = select(taskId);
      await idleFor(at);
      cancelledAt = now();
      await d.handle('cancel', { taskId });
      const env = await p;
      return { env, settled: now() };
    });
    const { value: { env, settled }, maxStall } = await run;
    stalls = Math.max(stalls, maxStall);
    if (env.ok) { finishedFirst++; continue; } // it ran faster this time and was done before the cancel
    if (!/cancelled/.test(env.error.message)) throw new Error(`${label}: cancel ${k} at ${at.toFixed(0)} ms did not cancel: ${JSON.stringify(env).slice(0, 200)}`);
    latencies.push(settled - cancelledAt);
  }
  console.log(`\n${label}: dump-mumu over ${N.toLocaleString('en')} events takes ${ms(full.elapsed)}`);
  console.log(`  cancel → settled, ${latencies.length} cancels at seeded random times: median ${ms(quantile(latencies, 0.5))}, max ${ms(Math.max(...latencies))}${finishedFirst ? ` (${finishedFirst} more finished before their cancel)` : ''}`);
  console.log(`  event loop of the host: longest stall ${ms(full.maxStall)} (p99 ${ms(full.p99Stall)}) during the selection, ${ms(stalls)} while cancelling; idle baseline ${ms(idle.maxStall)} (p99 ${ms(idle.p99Stall)})`);
  console.log(`  event requests meanwhile: median ${ms(full.requestMedian)}, max ${ms(full.requestMax)} (${full.requests}); idle baseline median ${ms(idle.requestMedian)}, max ${ms(idle.requestMax)}`);
  await engine.closeDataset!({ dataset: ds });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'na62-bench-'));
const workerUrl = cliWorkerUrl(root);
console.log(`\nworkers: ${path.relative(fileURLToPath(root), fileURLToPath(workerUrl))}`);
await measurePath('worker threads (Electron main process)', createNodeEngineHost(dataDir, () => {}, workerUrl));
const inProcess: EngineHost = { ...createNodeEngineHost(dataDir, () => {}) }; // no worker script: runs here
await measurePath('in-process, one core', inProcess);
await stopWorkers();
