/** A selection worker thread (Electron main process and `na62 select`): runs a selection over batch ranges of a file, job after job. */
import { parentPort } from 'node:worker_threads';
import { setPriority } from 'node:os';
import './native-crc';
import { openEventFile } from '../src-engine/io/event-file';
import { resolveSelection, runSelectionPacked, SelectionCancelled, transferablesOf, type OnCorrupt } from '../src-engine/selection/run';
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
}

// Selections are batch work: they must not starve the UI (the renderer, and this process's main
// thread answering its requests) when they take every core. On Linux the nice value belongs to
// the thread, so this lowers this worker alone; elsewhere it would lower the whole app, so not there.
// (NA62_WORKER_NICE=0: not lowered, for benchmarks that compare with unlowered programs on a busy machine)
if (process.platform === 'linux' && process.env['NA62_WORKER_NICE'] !== '0') {
  try { setPriority(10); } catch { /* not permitted: run at normal priority */ }
}

parentPort!.on('message', async (job: SelectionJob) => {
  let f: Awaited<ReturnType<typeof openEventFile>> | undefined;
  try {
    f = await openEventFile(await nodeFileSource(job.file));
    const onProgress = () => !(job.stop && Atomics.load(job.stop, 0));
    const { result, packed } = await runSelectionPacked(f, resolveSelection(job.selection), { batches: job.batches, onProgress, ...(job.stages ? { stages: job.stages } : {}), ...(job.onCorrupt ? { onCorrupt: job.onCorrupt } : {}) });
    // the candidate list travels as transferable columns: cloning 10^5 objects would cost more than the selection
    parentPort!.postMessage({ result, packed }, transferablesOf(packed));
  } catch (err) {
    if (err instanceof SelectionCancelled) parentPort!.postMessage({ cancelled: true });
    else parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    await f?.close().catch(() => {});
  }
});
