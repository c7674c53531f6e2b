/**
 * Selections across cores: the file's batches are cut into parts, worker threads run the parts,
 * the partial results merge exactly (cut-flows add, candidates concatenate in event order).
 */
import { Worker } from 'node:worker_threads';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SelectionConfigInput, SelectionResult } from '../src-shared/selection/types';
import { capacityOf, inEventOrder, mergePacked, mergeResults, PackedAppender, SelectionCancelled, unpackCandidates, transferablesOf, type OnCorrupt, type PackedCandidates } from '../src-engine/selection/run';
import type { SelectionJob } from './selection-worker';
import type { BlindStages } from '../src-shared/selection/blinding';

export interface PoolOptions {
  /** the worker script (bundled .js in the app, a tsx bootstrap in the CLI) */
  readonly workerUrl: URL;
  readonly workers: number;
  /** the blinding stages of the file's analyses (all blind when absent); the workers mask at the source */
  readonly stages?: BlindStages;
  /** called after each part with the events done; return false to cancel */
  readonly onProgress?: (done: number, total: number) => boolean | void;
  /** cancels at once: the workers see it between two batches, not only between parts */
  readonly signal?: AbortSignal;
  /** what a corrupt event does: fail the run (default) or be skipped and counted */
  readonly onCorrupt?: OnCorrupt;
}

/** Cut [file, batch range] jobs into parts of a few batches each, so progress and load balance are fine-grained. */
export function partition(files: readonly { file: string; numBatches: number; batchSize: number; numEvents: number; range?: [number, number] }[], workers: number): (Omit<SelectionJob, 'selection'> & { events: number })[] {
  const parts: (Omit<SelectionJob, 'selection'> & { events: number })[] = [];
  const totalBatches = files.reduce((a, f) => a + ((f.range?.[1] ?? f.numBatches) - (f.range?.[0] ?? 0)), 0);
  const step = Math.max(1, Math.ceil(totalBatches / (workers * 4)));
  for (const f of files) {
    const [lo, hi] = f.range ?? [0, f.numBatches];
    for (let b = lo; b < hi; b += step) {
      const e = Math.min(hi, b + step);
      parts.push({ file: f.file, batches: [b, e], events: Math.max(0, Math.min(f.numEvents, e * f.batchSize) - b * f.batchSize) });
    }
  }
  return parts;
}

/**
 * Warm workers, kept between selections (per worker script): a worker costs a module load and a
 * cold JIT to start, as much as a few million events of work. They do not keep the process alive.
 */
const pools = new Map<string, Worker[]>();
function warmWorkers(url: URL, n: number): Worker[] {
  const list = pools.get(url.href) ?? [];
  while (list.length < n) {
    // a larger young generation: the per-batch arrays otherwise trigger a scavenge every few batches
    const w = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.unref();
    w.once('exit', () => { const l = pools.get(url.href); if (l) l.splice(l.indexOf(w), 1); });
    list.push(w);
  }
  pools.set(url.href, list);
  return list.slice(0, n);
}

/** Stop the warm workers (tests, shutdown). */
export async function stopWorkers(): Promise<void> {
  const all = [...pools.values()].flat();
  pools.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

/**
 * Candidate columns of merged parts, handed to the next jobs to write into (Recycle in run.ts): the
 * workers then touch no fresh memory for their parts. Dropped when no selection has run for a while,
 * so an idle app does not hold them.
 */
const spares: PackedCandidates[] = [];
const SPARES_KEPT = 64, SPARES_IDLE_MS = 30_000;
let sparesTimer: ReturnType<typeof setTimeout> | undefined;
function keepSpares(parts: readonly PackedCandidates[]): void {
  if (!parts.length) return;
  for (const p of parts) if (spares.length < SPARES_KEPT) spares.push(p);
  // the roomiest first out: parts of a run have similar sizes
  spares.sort((a, b) => a.index.buffer.byteLength - b.index.buffer.byteLength);
  clearTimeout(sparesTimer);
  sparesTimer = setTimeout(() => { spares.length = 0; }, SPARES_IDLE_MS);
  sparesTimer.unref();
}

/**
 * One assembled candidate list its holder has given back (releaseCandidates), written again by the
 * next run whose list it fits: filling fresh memory costs this VM ≈ 2.7 ms per MB in page faults
 * (0.15 s for dump-mumu's 5×10^5 candidates), taken from the workers' cores when both are busy.
 */
let released: PackedCandidates | undefined;
let releasedTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The caller will not read `p` (a list this pool assembled) again, nor has handed it on uncopied: the
 * next run may write into its buffers. The Electron host calls it when the engine drops a result that
 * the IPC has already copied to the renderer; dropped when no selection runs for a while.
 */
export function releaseCandidates(p: PackedCandidates): void {
  if (capacityOf(p) === 0) return;
  released = p;
  clearTimeout(releasedTimer);
  releasedTimer = setTimeout(() => { released = undefined; }, SPARES_IDLE_MS);
  releasedTimer.unref();
}

/**
 * The released list, if its room suits this one: `vars` key variables, at least `needed` rows and
 * within a few per cent of the `room` wanted (more would be cloned to the renderer for nothing).
 */
function takeReleased(needed: number, room: number, vars: number): PackedCandidates | undefined {
  const r = released, cap = r ? capacityOf(r) : 0;
  if (!r || r.vars.length < vars || cap < needed || cap < room / 1.05 || cap > room * 1.1) return undefined;
  released = undefined;
  return r;
}

export async function runInWorkers(parts: readonly (Omit<SelectionJob, 'selection'> & { events: number })[], selection: SelectionConfigInput, opts: PoolOptions): Promise<SelectionResult> {
  const { result, packed } = await runInWorkersPacked(parts, selection, opts);
  return { ...result, candidates: unpackCandidates(packed) };
}

/**
 * The merged result with its candidates still in columns (`candidates` empty): nothing is cloned per
 * event. `cpuSeconds`: the CPU time each worker thread spent on its parts (where the OS tells it).
 */
export async function runInWorkersPacked(parts: readonly (Omit<SelectionJob, 'selection'> & { events: number })[], selection: SelectionConfigInput, opts: PoolOptions): Promise<{ result: SelectionResult; packed: PackedCandidates; cpuSeconds: number[] }> {
  if (opts.signal?.aborted) throw new SelectionCancelled();
  const queue = parts.map((p, k) => ({ ...p, k }));
  const results: SelectionResult[] = [];
  const total = parts.reduce((a, p) => a + p.events, 0);
  let done = 0;
  let stopped: Error | undefined;
  // one flag shared with every worker: set, and each stops after the batch it is on
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const cancel = () => { stopped ??= new SelectionCancelled(); Atomics.store(stop, 0, 1); };
  opts.signal?.addEventListener('abort', cancel, { once: true });
  const workers = warmWorkers(opts.workerUrl, Math.max(1, Math.min(opts.workers, parts.length)));
  const cpuSeconds = workers.map(() => 0);
  const assembly = new Assembly(parts, total);
  const one = (w: Worker, wi: number) => new Promise<void>((resolve, reject) => {
    let current: (typeof queue)[number] | undefined;
    w.ref(); // busy workers keep the process alive; idle ones do not
    const cleanup = () => { w.off('message', onMessage); w.off('error', onError); w.unref(); };
    const next = () => {
      if (stopped) { cleanup(); resolve(); return; }
      current = queue.shift();
      if (!current) { cleanup(); resolve(); return; }
      const spare = spares.pop();
      const job: SelectionJob = { file: current.file, batches: current.batches, selection, stop, ...(opts.stages ? { stages: opts.stages } : {}), ...(opts.onCorrupt ? { onCorrupt: opts.onCorrupt } : {}), ...(spare ? { spare } : {}) };
      w.postMessage(job, spare ? transferablesOf(spare) : []);
    };
    const onMessage = (m: { result?: SelectionResult; packed?: PackedCandidates; error?: string; cancelled?: boolean; cpuSeconds?: number }) => {
      cpuSeconds[wi]! += m.cpuSeconds ?? NaN;
      if (m.cancelled) { cancel(); cleanup(); resolve(); return; }
      if (m.error || !m.result || !m.packed) { stopped = new Error(m.error ?? 'a selection worker answered without a result'); Atomics.store(stop, 0, 1); cleanup(); resolve(); return; }
      const finished = current!;
      results.push(m.result);
      done += finished.events;
      if (opts.onProgress?.(done, total) === false) cancel();
      next(); // the worker goes on while its part is copied in
      try {
        assembly.add(finished.k, m.packed);
      } catch (err) {
        stopped ??= err instanceof Error ? err : new Error(String(err));
        Atomics.store(stop, 0, 1);
      }
    };
    const onError = (e: Error) => { cleanup(); reject(e); };
    w.on('message', onMessage);
    w.on('error', onError);
    next();
  });
  try {
    await Promise.all(workers.map((w, k) => one(w, k)));
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    assembly.ended = true;
  }
  if (stopped) throw stopped;
  return { result: mergeResults(inEventOrder(results, (r) => r)), packed: assembly.result(), cpuSeconds };
}

/**
 * The parts' candidates in event order, copied in while the workers go on: each part as soon as
 * every part before it is in, its columns then handed to the next job to write into (keepSpares).
 * Copying them all at the end held the workers' results back by the time it takes to fill fresh
 * memory (0.05–0.25 s for 5×10^5 candidates here, most of it page faults).
 */
class Assembly {
  /** part indices in the order their candidates concatenate (file, then first event; as mergeResults orders results) */
  private readonly order: number[];
  private readonly arrived = new Map<number, PackedCandidates>();
  private placed = 0;
  private placedEvents = 0;
  private out: PackedAppender | undefined;
  constructor(private readonly parts: readonly { file: string; batches: readonly [number, number]; events: number }[], private readonly total: number) {
    this.order = parts.map((_, k) => k).sort((a, b) => {
      const x = parts[a]!, y = parts[b]!;
      return x.file < y.file ? -1 : x.file > y.file ? 1 : x.batches[0] - y.batches[0];
    });
  }
  add(k: number, packed: PackedCandidates): void {
    this.arrived.set(k, packed);
    const copied: PackedCandidates[] = [];
    for (let p: PackedCandidates | undefined; this.placed < this.order.length && (p = this.arrived.get(this.order[this.placed]!)); this.placed++) {
      const part = this.parts[this.order[this.placed]!]!;
      this.out ??= new PackedAppender(p.keys, 0, takeReleased);
      // room for the whole run at the rate of candidates so far, a tenth more and three standard deviations
      const rate = (this.out.n + p.n) / Math.max(1, this.placedEvents + part.events), expected = rate * this.total;
      this.out.append(p, Math.ceil(expected * 1.1 + 3 * Math.sqrt(expected)) + 64);
      this.prefaultSoon();
      this.placedEvents += part.events;
      this.arrived.delete(this.order[this.placed]!);
      copied.push(p);
    }
    keepSpares(copied);
  }
  /**
   * Write the room of the assembled columns in small steps between messages (PackedAppender.prefault):
   * one step takes a few ms, so a worker whose part is done is handed its next job at once.
   */
  private prefaulting = false;
  /** the run is over (finished, failed or cancelled): no more prefaulting */
  ended = false;
  private prefaultSoon(): void {
    if (this.prefaulting || this.placed === this.order.length) return;
    this.prefaulting = true;
    const step = () => {
      if (!this.ended && this.placed < this.order.length && this.out?.prefault()) setImmediate(step);
      else this.prefaulting = false;
    };
    setImmediate(step);
  }
  result(): PackedCandidates {
    if (this.placed !== this.order.length) throw new Error(`internal: ${this.order.length - this.placed} parts of the selection are missing`);
    return this.out?.result() ?? mergePacked([]);
  }
}

/**
 * The worker script outside the app: one bundled beside the running CLI (a bundled CLI, as the tests
 * make in out-cli/), else the app's (out/main/selection-worker.js, made by `npm run build`) when it
 * exists and is newer than the engine sources (a stale one would read files by old rules) — both
 * start fast — else the TypeScript source through tsx.
 */
export function cliWorkerUrl(repoRoot: URL, cliScript?: URL): URL {
  const beside = cliScript ? new URL('./selection-worker.mjs', cliScript) : undefined;
  if (beside && existsSync(fileURLToPath(beside))) return beside;
  const bundled = new URL('out/main/selection-worker.js', repoRoot);
  return isNewerThanSources(fileURLToPath(bundled), repoRoot) ? bundled : new URL('cli/select-worker.mjs', repoRoot);
}

/** The engine code a worker bundle is made from: a bundle older than any of it would read files by old rules. */
const WORKER_SOURCES = ['src-engine', 'src-shared', 'src-node'];

/** Does the bundle exist, and is it newer than every source file it is made from? */
function isNewerThanSources(bundle: string, repoRoot: URL): boolean {
  if (!existsSync(bundle)) return false;
  const made = statSync(bundle).mtimeMs;
  const newer = (dir: string): boolean => readdirSync(dir, { withFileTypes: true }).some((e) => {
    const p = `${dir}/${e.name}`;
    return e.isDirectory() ? newer(p) : e.name.endsWith('.ts') && statSync(p).mtimeMs > made;
  });
  return !WORKER_SOURCES.some((d) => existsSync(fileURLToPath(new URL(d, repoRoot))) && newer(fileURLToPath(new URL(d, repoRoot))));
}
