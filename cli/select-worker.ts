/** A worker thread of `na62 select`: runs the selection over one batch range of one file. */
import { parentPort, workerData } from 'node:worker_threads';
import { openEventFile } from '../src-engine/io/event-file';
import { resolveSelection, runSelection } from '../src-engine/selection/run';
import { nodeFileSource } from '../src-main/fs/node-file';
import type { SelectionConfigInput } from '../src-shared/selection/types';

interface Job { file: string; batches: [number, number]; selection: SelectionConfigInput }

parentPort!.on('message', async (job: Job | null) => {
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
void workerData;
