/** A selection worker thread (Electron main process and `na62 select`): runs a selection over batch ranges of a file. */
import { parentPort } from 'node:worker_threads';
import { openEventFile } from '../src-engine/io/event-file';
import { resolveSelection, runSelection } from '../src-engine/selection/run';
import { nodeFileSource } from './fs/node-file';
import type { SelectionConfigInput } from '../src-shared/selection/types';

export interface SelectionJob { readonly file: string; readonly batches: [number, number]; readonly selection: SelectionConfigInput }

parentPort!.on('message', async (job: SelectionJob | null) => {
  if (!job) { parentPort!.close(); return; }
  try {
    const f = await openEventFile(await nodeFileSource(job.file));
    const result = await runSelection(f, resolveSelection(job.selection), { batches: job.batches });
    await f.close();
    parentPort!.postMessage({ result });
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
