/// <reference lib="webworker" />
/** The browser build's engine host: the same engine as the Electron main process, behind postMessage. */
import { blobSource, createDispatcher, createEngineHandlers, DEMO_DATASETS, memorySink, memorySource, type CreatedFile, type EngineHost, type RandomAccessSource } from '../../../src-engine';
import { APP_VERSION } from '../../../src-shared/version';
import type { WorkerMessage } from './worker-protocol';
import { isWorkerRequest } from './worker-protocol';
import { columnBuffers, copyColumns, type CandidateColumns } from '../../../src-shared/selection/candidate-columns';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Files made in the browser live in the worker's memory for the session. */
const files = new Map<string, Uint8Array>();
function memoryFile(name: string): CreatedFile {
  return {
    async sink() {
      const s = memorySink();
      return { ...s, commit: async () => { await s.commit(); files.set(name, s.bytes()); } };
    },
    async source(): Promise<RandomAccessSource | undefined> {
      const b = files.get(name);
      return b ? memorySource(name, b) : undefined;
    },
  };
}

const host: EngineHost = {
  createFile: (name) => {
    let n = name, k = 1;
    while (files.has(n)) n = name.replace(/(\.arrow)?$/, `-${k++}$1`);
    return memoryFile(n);
  },
  cachedFile: memoryFile,
  progress: (p) => scope.postMessage({ progress: p } satisfies WorkerMessage),
  yieldToHost: () => new Promise((r) => setTimeout(r, 0)),
};

const handlers = createEngineHandlers({ host: 'web-worker', appVersion: APP_VERSION, files: host });
// A fresh browser page always opens on the demo (nothing else can be open yet): make it as soon as
// the page has the detector description, while it builds and draws the detector, instead of after
// the page asks (bench/startup.bench.mjs); not before, so the detector's first frame does not wait.
// The page's first dataset list waits for it; afterwards openDemo is the engine's own (it finds the
// demo open, or makes it again if closed).
let warmDemo: Promise<unknown> | undefined;
const startDemo = () => { warmDemo ??= Promise.resolve(handlers.openDemo!()).catch(() => {}); }; // a failure shows when the page asks
const warmDone = async () => { startDemo(); await warmDemo; };
const dispatcher = createDispatcher(
  {
    ...handlers,
    datasets: async () => { await warmDone(); return handlers.store.list(); },
    openDemo: async () => { await warmDone(); return handlers.openDemo!(); },
    openBlob: ({ file, name }) => handlers.store.add(blobSource(file, name)),
    // a ROOT file is read from the File in slices, as JSROOT asks for them
    rootOpenBlob: ({ file, name }) => handlers.openRootSource(blobSource(file, name)),
    loadCandidatesBlob: async ({ file, name }) => handlers.loadCandidateText(await file.text(), name),
    // generated files live in this worker's memory: closing one frees it (the demo stays cached)
    closeDataset: async ({ dataset }) => {
      const name = handlers.store.list().find((d) => d.id === dataset)?.name;
      const { closed } = await handlers.closeDataset!({ dataset });
      if (name && !DEMO_DATASETS.some((d) => d.name === name)) files.delete(name);
      return { closed };
    },
  },
  (msg, err) => console.error(`[na62 worker] ${msg}`, err),
);

scope.onmessage = async (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isWorkerRequest(msg)) return; // not ours: ignore rather than crash the engine
  const envelope = await dispatcher.handle(msg.key, msg.payload);
  // a selection's candidate columns are transferred, not cloned: copies (a memcpy per column, the
  // engine keeps its own for export) whose buffers move to the page
  const value = envelope.ok ? (envelope.value as { columns?: CandidateColumns } | undefined) : undefined;
  if (envelope.ok && value?.columns) {
    const columns = copyColumns(value.columns);
    scope.postMessage({ id: msg.id, envelope: { ok: true, value: { ...value, columns } } } satisfies WorkerMessage, columnBuffers(columns));
  } else scope.postMessage({ id: msg.id, envelope } satisfies WorkerMessage);
  if (msg.key === 'detector') setTimeout(startDemo, 0);
};
