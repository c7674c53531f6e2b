/** A selection worker thread (Electron main process and `na62 select`): runs a selection over batch ranges of a file, job after job. */
import { parentPort } from 'node:worker_threads';
import { setPriority } from 'node:os';
import './native-crc';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { openEventFile, type EventFile } from '../src-engine/io/event-file';
import { resolveSelection, runSelectionPacked, SelectionCancelled, transferablesOf, type OnCorrupt, type PackedCandidates, type ResolvedSelection } from '../src-engine/selection/run';
import { nodeFileSource } from './fs/node-file';
import type { SelectionConfigInput } from '../src-shared/selection/types';
import type { BlindStages } from '../src-shared/selection/blinding';

export interface SelectionJob {
  readonly file: string;
  readonly batches: [number, number];
  readonly selection: SelectionConfigInput;
  /** shared with the pool: non-zero means stop after the current batch (cancel) */
  readonly stop?: Int32Array;
  /** blinding stages (all blind when absent) */
  readonly stages?: BlindStages;
  /** a corrupt event fails the job (default) or is skipped and counted */
  readonly onCorrupt?: OnCorrupt;
  /** candidate columns of an earlier part, handed back by the pool to be written into (see Recycle in run.ts) */
  readonly spare?: PackedCandidates;
}

// Selections are batch work: they must not starve the UI (the renderer, and this process's main
// thread answering its requests) when they take every core. On Linux the nice value belongs to
// the thread, so this lowers this worker alone; elsewhere it would lower the whole app, so not there.
// (NA62_WORKER_NICE=0: not lowered, for benchmarks that compare with unlowered programs on a busy machine)
if (process.platform === 'linux' && process.env['NA62_WORKER_NICE'] !== '0') {
  try { setPriority(10); } catch { /* not permitted: run at normal priority */ }
}

/**
 * The file of the last job, kept open for the next part of the same selection (a pool hands a file
 * out in several parts) and closed when no job comes for a moment (the file is not held open).
 */
let open: { file: string; size: number; mtimeMs: number; f: EventFile } | undefined;
let closer: ReturnType<typeof setTimeout> | undefined;
async function fileOf(path: string): Promise<EventFile> {
  if (closer) clearTimeout(closer);
  const st = await stat(path).catch(() => undefined);
  if (open && open.file === path && st && st.size === open.size && st.mtimeMs === open.mtimeMs) return open.f;
  await closeOpen();
  const f = await openEventFile(await nodeFileSource(path, { sync: true }));
  if (st) open = { file: path, size: st.size, mtimeMs: st.mtimeMs, f };
  return f;
}
async function closeOpen(): Promise<void> {
  const o = open;
  open = undefined;
  await o?.f.close().catch(() => {});
}

/**
 * The parts of one selection share one resolved selection: its cut functions then keep the
 * optimised code V8 made for them. A fresh resolve per part gave the parameters a new hidden
 * class each time, and every cut deoptimised at the start of every part.
 */
const resolved = new Map<string, ResolvedSelection>();
function resolvedSelection(selection: SelectionConfigInput): ResolvedSelection {
  const key = JSON.stringify(selection);
  let sel = resolved.get(key);
  if (!sel) {
    sel = resolveSelection(selection);
    if (resolved.size >= 4) resolved.delete(resolved.keys().next().value!);
    resolved.set(key, sel);
  }
  return sel;
}

/** CPU time of this thread so far, s (Linux: /proc/thread-self; elsewhere undefined). */
function threadCpu(): number | undefined {
  try {
    const s = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch { return undefined; }
}
const TICKS = 100; // USER_HZ, clock ticks per second of /proc stat times (100 on Linux)

parentPort!.on('message', async (job: SelectionJob) => {
  let f: EventFile | undefined;
  const cpu0 = threadCpu();
  try {
    f = await fileOf(job.file);
    const onProgress = () => !(job.stop && Atomics.load(job.stop, 0));
    const { result, packed } = await runSelectionPacked(f, resolvedSelection(job.selection), { batches: job.batches, onProgress, ...(job.stages ? { stages: job.stages } : {}), ...(job.onCorrupt ? { onCorrupt: job.onCorrupt } : {}), recycle: job.spare ? { spare: job.spare } : {} });
    const cpu1 = threadCpu();
    // the candidate list travels as transferable columns: cloning 10^5 objects would cost more than the selection
    parentPort!.postMessage({ result, packed, ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuSeconds: cpu1 - cpu0 } : {}) }, transferablesOf(packed));
  } catch (err) {
    await closeOpen();
    if (err instanceof SelectionCancelled) parentPort!.postMessage({ cancelled: true });
    else parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    closer = setTimeout(() => { void closeOpen(); }, 250);
    closer.unref();
  }
});
