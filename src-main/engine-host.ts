/** The engine's file services in the Electron main process: generated data and the demo in the user's app-data folder. */
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TaskProgress } from '../src-shared/api/contract';
import { availableParallelism } from 'node:os';
import type { CreatedFile, EngineHost } from '../src-engine';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';
import { partition, releaseCandidates, runInWorkersPacked } from '../src-node/selection-pool';

/** Below this many events a selection runs in the main process: starting workers would cost more. */
const PARALLEL_FROM = 50_000;

function fileAt(target: string): CreatedFile {
  return {
    async sink() {
      mkdirSync(path.dirname(target), { recursive: true });
      return nodeFileSink(target);
    },
    async source() {
      return existsSync(target) ? nodeFileSource(target) : undefined;
    },
  };
}

/** A name not yet taken in `dir` (file.arrow, file-1.arrow, …). */
export function freeName(dir: string, name: string): string {
  let candidate = name, k = 1;
  while (existsSync(path.join(dir, candidate))) candidate = name.replace(/(\.arrow)?$/, `-${k++}$1`);
  return candidate;
}

/**
 * `resultsCopied`: every result leaves by a copy (Electron's IPC serialises the reply as the handler's
 * promise resolves), so the candidate list of a replaced selection can be written again by the next
 * one (releaseCandidates) instead of filling fresh memory. Not for in-process callers, which may
 * still hold an earlier result.
 */
export function createNodeEngineHost(dataDir: string, progress: (p: TaskProgress) => void, selectionWorker?: URL, opts: { resultsCopied?: boolean } = {}): EngineHost {
  const generated = path.join(dataDir, 'generated'), demo = path.join(dataDir, 'demo');
  return {
    ...(opts.resultsCopied ? { releaseColumns: releaseCandidates } : {}),
    parallelSelection(file, selection, stages, onProgress, signal) {
      if (!selectionWorker || file.numEvents < PARALLEL_FROM || !path.isAbsolute(file.name) || !existsSync(file.name)) return undefined;
      const workers = Math.max(1, availableParallelism());
      const parts = partition([{ file: file.name, numBatches: file.numBatches, batchSize: file.meta.batchSize, numEvents: file.numEvents }], workers);
      // the candidates stay in columns: they cross to the renderer as typed arrays (no object per candidate)
      return runInWorkersPacked(parts, selection, { workerUrl: selectionWorker, workers, stages, onProgress, ...(signal ? { signal } : {}) }).then(({ result, packed }) => ({ ...result, columns: packed }));
    },
    createFile: (name) => fileAt(path.join(generated, freeName(generated, path.basename(name)))),
    cachedFile: (name) => fileAt(path.join(demo, path.basename(name))),
    progress,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    // the unblinding log is a record, one JSON line per step; it is never read back to restore a stage
    recordUnblinding(entry) {
      const log = path.join(dataDir, UNBLINDING_LOG);
      try {
        mkdirSync(dataDir, { recursive: true });
        appendFileSync(log, `${JSON.stringify(entry)}\n`);
      } catch (err) {
        process.stderr.write(`na62: cannot append to ${log}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    },
  };
}

/** The unblinding log in the app's data folder (one JSON object per line). */
export const UNBLINDING_LOG = 'unblinding-log.jsonl';
