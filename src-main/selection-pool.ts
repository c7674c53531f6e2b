/**
 * Selections across cores: the file's batches are cut into parts, worker threads run the parts,
 * the partial results merge exactly (cut-flows add, candidates concatenate in event order).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SelectionConfigInput, SelectionResult } from '../src-shared/selection/types';
import { mergeResults, SelectionCancelled } from '../src-engine/selection/run';
import type { SelectionJob } from './selection-worker';

export interface PoolOptions {
  /** the worker script (bundled .js in the app, a tsx bootstrap in the CLI) */
  readonly workerUrl: URL;
  readonly workers: number;
  /** called after each part with the events done; return false to cancel */
  readonly onProgress?: (done: number, total: number) => boolean | void;
}

/** Cut [file, batch range] jobs into parts of a few batches each, so progress and load balance are fine-grained. */
export function partition(files: readonly { file: string; numBatches: number; batchSize: number; numEvents: number; range?: [number, number] }[], workers: number): (Omit<SelectionJob, 'selection'> & { events: number })[] {
  const parts: (Omit<SelectionJob, 'selection'> & { events: number })[] = [];
  const totalBatches = files.reduce((a, f) => a + ((f.range?.[1] ?? f.numBatches) - (f.range?.[0] ?? 0)), 0);
  const step = Math.max(1, Math.ceil(totalBatches / (workers * 8)));
  for (const f of files) {
    const [lo, hi] = f.range ?? [0, f.numBatches];
    for (let b = lo; b < hi; b += step) {
      const e = Math.min(hi, b + step);
      parts.push({ file: f.file, batches: [b, e], events: Math.max(0, Math.min(f.numEvents, e * f.batchSize) - b * f.batchSize) });
    }
  }
  return parts;
}

export async function runInWorkers(parts: readonly (Omit<SelectionJob, 'selection'> & { events: number })[], selection: SelectionConfigInput, opts: PoolOptions): Promise<SelectionResult> {
  const queue = [...parts];
  const results: SelectionResult[] = [];
  const total = parts.reduce((a, p) => a + p.events, 0);
  let done = 0;
  let stopped: Error | undefined;
  const live = new Set<Worker>();
  const one = () => new Promise<void>((resolve, reject) => {
    const w = new Worker(opts.workerUrl);
    live.add(w);
    let current: (typeof parts)[number] | undefined;
    const finish = (err?: Error) => { live.delete(w); void w.terminate(); if (err) reject(err); else resolve(); };
    const next = () => {
      if (stopped) return finish(stopped);
      current = queue.shift();
      if (!current) { w.postMessage(null); live.delete(w); resolve(); return; }
      const job: SelectionJob = { file: current.file, batches: current.batches, selection };
      w.postMessage(job);
    };
    w.on('message', (m: { result?: SelectionResult; error?: string }) => {
      if (m.error) { stopped = new Error(m.error); return finish(stopped); }
      results.push(m.result!);
      done += current?.events ?? 0;
      if (opts.onProgress?.(done, total) === false) stopped = new SelectionCancelled();
      next();
    });
    w.on('error', (e) => finish(e));
    next();
  });
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.workers, parts.length)) }, one));
  } finally {
    for (const w of live) void w.terminate();
  }
  if (stopped) throw stopped;
  return mergeResults(results);
}

/**
 * The worker script outside the app: the bundled one (out/main/selection-worker.js, made by
 * `npm run build`) when it exists — it starts fast — else the TypeScript source through tsx.
 */
export function cliWorkerUrl(repoRoot: URL): URL {
  const bundled = new URL('out/main/selection-worker.js', repoRoot);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('cli/select-worker.mjs', repoRoot);
}
