/// <reference lib="webworker" />
/** The browser build's engine host: the same engine as the Electron main process, behind postMessage. */
import { blobSource, createDispatcher, createEngineHandlers, DEMO_DATASETS, memorySink, memorySource, type CreatedFile, type EngineHost, type RandomAccessSource } from '../../../src-engine';
import { APP_VERSION } from '../../../src-shared/version';
import type { WorkerMessage } from './worker-protocol';
import { isWorkerRequest } from './worker-protocol';
import { columnBuffers, copyColumns, type CandidateColumns } from '../../../src-shared/selection/candidate-columns';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// start-up milestones for bench/startup-profile.mjs (user timing: cheap, seen only by a profiler)
performance.mark('na62:worker-evaluated');

/** Files made in the browser live in the worker's memory for the session. */
const files = new Map<string, Uint8Array>();
function memoryFile(name: string): CreatedFile {
  return {
    async sink() {
      const s = memorySink();
      return { ...s, commit: async () => { await s.commit(); files.set(name, s.bytes()); } };
    },
    async source(): Promise<RandomAccessSource | undefined> {
      const b = files.get(name) ?? (await shippedDemo(name));
      return b ? memorySource(name, b) : undefined;
    },
  };
}

/**
 * A demo file the browser build ships (dist-web/demo/, made at build time by the engine's own
 * handler: build/demo-plugin.ts), fetched instead of generated; undefined when there is none (the
 * dev server) and the engine generates it. Opening it checks it like any file (checksums), and a
 * copy that does not open is made again.
 */
async function shippedDemo(name: string): Promise<Uint8Array | undefined> {
  if (!DEMO_DATASETS.some((d) => d.name === name)) return undefined;
  try {
    const res = await fetch(new URL(`../demo/${encodeURIComponent(name)}`, scope.location.href));
    const bytes = res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
    performance.mark(`na62:demo-fetched ${name}`);
    return bytes;
  } catch {
    return undefined;
  }
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
// A fresh browser page always opens on the demo (nothing else can be open yet). Its first dataset
// (dump mode) is made as soon as the page has the detector description, while the page builds and
// draws the detector; not before, so the detector's first frame does not wait. The rest (kaon mode)
// is made only after the page has its first event, so that it does not compete with the first event
// for the CPU (bench/startup.bench.mjs): the page's first dataset list waits for the first dataset
// alone, every later list (and openDemo) for the whole demo. The page asks again once its first
// event is drawn and adds the rest to its list.
let firstDemo: Promise<unknown> | undefined;
let restDemo: Promise<unknown> | undefined;
// a failure shows when the page asks (openDemo makes it again)
const startDemo = () => {
  firstDemo ??= handlers.openDemoDataset(0).then((info) => {
    performance.mark('na62:demo-opened');
    // the page opens it on its first event with tracks: scan for it now, while the page builds the
    // detector. The engine's own scan, under the blinding of a fresh engine (everything blind, no
    // selection); any request that could change what is masked discards it (READ_ONLY below), so
    // the page never gets a summary made under other blinding than its own.
    earlySummary = { dataset: info.id, summary: Promise.resolve(handlers.trackSummary!({ dataset: info.id })) };
    earlySummary.summary.then(() => performance.mark('na62:early-summary'), () => {}); // asked again when the page asks
  }).catch(() => {});
};
let earlySummary: { dataset: string; summary: Promise<unknown> } | undefined;
/** requests that change nothing the blinding depends on: the early summary survives them */
const READ_ONLY = new Set(['info', 'detector', 'datasets', 'selectionCatalogue', 'blinding', 'checkExpression', 'event', 'findEvent', 'trackSummary']);
const startRest = () => {
  startDemo();
  restDemo ??= firstDemo!.then(async () => { for (let k = 1; k < DEMO_DATASETS.length; k++) await handlers.openDemoDataset(k).catch(() => {}); });
};
let listed = false;
const REST_AFTER_MS = 15_000;
const dispatcher = createDispatcher(
  {
    ...handlers,
    datasets: async () => {
      if (listed) { startRest(); await restDemo; } else { listed = true; startDemo(); await firstDemo; }
      return handlers.store.list();
    },
    openDemo: async () => { startRest(); await restDemo; return handlers.openDemo!(); },
    // the first summary of the first demo dataset is the early scan (taken once)
    trackSummary: async (req) => {
      const early = earlySummary?.dataset === req.dataset ? earlySummary.summary : undefined;
      earlySummary = undefined;
      return (early?.catch(() => handlers.trackSummary!(req)) ?? handlers.trackSummary!(req)) as ReturnType<NonNullable<typeof handlers.trackSummary>>;
    },
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
  if (!READ_ONLY.has(msg.key)) earlySummary = undefined;
  const envelope = await dispatcher.handle(msg.key, msg.payload);
  // a selection's candidate columns are transferred, not cloned: copies (a memcpy per column, the
  // engine keeps its own for export) whose buffers move to the page
  const value = envelope.ok ? (envelope.value as { columns?: CandidateColumns } | undefined) : undefined;
  if (envelope.ok && value?.columns) {
    const columns = copyColumns(value.columns);
    scope.postMessage({ id: msg.id, envelope: { ok: true, value: { ...value, columns } } } satisfies WorkerMessage, columnBuffers(columns));
  } else scope.postMessage({ id: msg.id, envelope } satisfies WorkerMessage);
  if (msg.key === 'detector') setTimeout(startDemo, 0);
  // the page that never asks again still gets the whole demo, a moment after its first event
  if (msg.key === 'event') setTimeout(startRest, REST_AFTER_MS);
};
