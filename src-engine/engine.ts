/**
 * The engine: everything the UI asks of the data side. Pure TypeScript (no DOM, no Electron,
 * no fs), so the same code serves the Electron main process, the browser build's Web Worker
 * and the command line. Hosts give it their file services (EngineHost) and add their own
 * platform requests (dialogs, dropped files) beside these handlers.
 */
import { analyseEvent } from './reco/event-analysis';
import { API_VERSION } from '../src-shared/api/channels';
import type { AppInfo, DatasetInfo, TaskProgress } from '../src-shared/api/contract';
import type { DetectorDescription } from '../src-shared/geometry/types';
import { NA62_DETECTOR } from '../src-shared/geometry/na62-detector';
import type { GeneratorConfigInput } from '../src-shared/event/generator-config';
import { UserFacingError, type Handlers } from './dispatch';
import { WriteCancelled } from './io/event-file';
import type { ByteSink, RandomAccessSource } from './io/source';
import { EventStore } from './store/event-store';
import { generateToSink } from './generator/write-generated';
import { GENERATOR_VERSION } from './generator/generate';
import { PRESETS } from './selection/presets';
import { VARIABLES } from './reco/variables';
import { resolveSelection, runSelectionPacked, SelectionCancelled, unpackCandidates, type ResolvedSelection } from './selection/run';
import { BlindingBook, BlindingError, BlindingGuard } from './selection/blinding';
import { blindingApplies, type BlindingState, type BlindStages, type UnblindEntry } from '../src-shared/selection/blinding';
import { checkExpression } from './selection/expression';
import { parseCandidateList, resultToCsv, resultToJson } from './selection/candidates-io';
import type { SelectionConfigInput, SelectionResult } from '../src-shared/selection/types';
import type { CandidateColumns } from '../src-shared/selection/candidate-columns';
import type { EventFile } from './io/event-file';
import { createRootHandlers } from './root-handlers';
import { trackSummary } from './store/track-summary';
import type { RootFileInfo } from '../src-shared/api/root-contract';

/** A file the engine creates (generated datasets, the demo): where to write it and how to read it back. */
export interface CreatedFile {
  sink(): Promise<ByteSink>;
  /** the finished file; undefined if it does not exist (yet) */
  source(): Promise<RandomAccessSource | undefined>;
}

export interface EngineHost {
  /** a new file for generated events, named after `name` (the host picks the folder) */
  createFile(name: string): CreatedFile;
  /** a file the host keeps between runs (the demo data): reused when it exists */
  cachedFile(name: string): CreatedFile;
  progress(p: TaskProgress): void;
  /** let other work run between batches (long tasks must not block the host's event loop) */
  yieldToHost(): Promise<void>;
  /**
   * Run a selection on other cores (worker threads) when the host can for this file; undefined
   * means: run it here. The result must equal the in-process one.
   */
  parallelSelection?(file: EventFile, selection: SelectionConfigInput, stages: BlindStages, onProgress: (done: number, total: number) => boolean, signal?: AbortSignal): Promise<SelectionResult> | undefined;
  /**
   * The engine no longer holds these candidate columns (a dataset's last selection was replaced or
   * the dataset closed). Only a host whose transport copies every result on its way out (Electron's
   * IPC) may write them again: an in-process caller could still be reading them.
   */
  releaseColumns?(columns: CandidateColumns): void;
  /** keep an unblinding step on record beyond this process (Electron: appended to a log file) */
  recordUnblinding?(entry: UnblindEntry): void;
}

export interface EngineOptions {
  readonly host: AppInfo['engineHost'];
  readonly appVersion: string;
  readonly detector?: DetectorDescription;
  readonly files?: EngineHost;
}

/** The built-in demo: a dump-mode mix of the signals and both backgrounds, and a kaon-mode mix (fixed seeds). */
export const DEMO_DATASETS: readonly { name: string; config: GeneratorConfigInput; description: string }[] = [
  {
    name: `na62-demo-dump-${GENERATOR_VERSION}.arrow`,
    description: "Demo (simulation): beam-dump mode, A'→μμ/ee (400/150 MeV), ALP→μμ, combinatorial halo μμ and prompt ee/μμ backgrounds",
    config: {
      mode: 'dump', numEvents: 4000, seed: 2021, run: 11001, strawHits: true, truth: true,
      mix: { 'aprime-mumu': 3, 'aprime-ee': 2, 'alp-mumu': 1, 'combinatorial-mumu': 3, 'prompt-ee': 2, 'prompt-mumu': 1 },
    },
  },
  {
    name: `na62-demo-kaon-${GENERATOR_VERSION}.arrow`,
    description: 'Demo (simulation): kaon mode, K+→π+π0(→e+e−e+e−), K+→π+aa, K+→π+S(→A′A′) and non-resonant K+→π+e+e−e+e−',
    config: {
      mode: 'kaon', numEvents: 2000, seed: 2018, run: 8001, strawHits: true, truth: true,
      mix: { 'k2pi-dd': 4, 'kpi-aa': 1, 'kpi-s-aprime': 1, 'kpi4e-nonres': 1 },
    },
  },
];

/** The engine's request handlers; hosts add their platform services (dialogs, saving files) beside them. */
export function createEngineHandlers(opts: EngineOptions): Handlers & { store: EventStore; openDemoDataset(k: number): Promise<DatasetInfo>; loadCandidateText(text: string, name: string, sidecar?: string): SelectionResult; openRootSource(source: RandomAccessSource): Promise<RootFileInfo> } {
  const detector = opts.detector ?? NA62_DETECTOR;
  const store = new EventStore();
  const cancelled = new Set<string>();
  const running = new Set<string>();
  // selections on other threads are stopped through a signal (progress reaches here only now and then)
  const aborts = new Map<string, AbortController>();
  // blinding is the default, per analysis and dataset; the last selection of each dataset adds its regions
  const book = new BlindingBook(opts.appVersion, (e) => opts.files?.recordUnblinding?.(e));
  const guard = new BlindingGuard();
  const lastRun = new Map<string, { sel: ResolvedSelection; result: SelectionResult; stages: string }>();
  /** Forget a dataset's last selection; its candidate columns go back to the host (releaseColumns). */
  const dropLastRun = (dataset: string) => {
    const columns = lastRun.get(dataset)?.result.columns;
    lastRun.delete(dataset);
    if (columns) opts.files?.releaseColumns?.(columns);
  };
  // no message about a masked event says where it is or why: that would be a fact about it
  const BLINDED = 'this event is blinded: it stays hidden while an analysis of this dataset is blind (Unblind… in the Selection panel; --unblind cr|sr on the command line)';

  /**
   * Demo dataset k (DEMO_DATASETS): the open one, else the host's cached file, else made now. One at
   * a time, so a host can show the first before the rest is made (the browser worker does).
   */
  async function openDemoDataset(k: number): Promise<DatasetInfo> {
    const demo = DEMO_DATASETS[k]!;
    const open = store.list().find((d: DatasetInfo) => d.name === demo.name);
    if (open) return open;
    const host = needFiles();
    const cached = host.cachedFile(demo.name);
    let src = await cached.source();
    if (src) {
      try {
        const info = await store.add(src);
        if (info.meta.mockData) return info;
        await store.close(info.id); // made before the demo marked itself as mock data: make it again
      } catch {
        src = undefined; // a stale or damaged cache: make it again
      }
    }
    src = await generateInto(cached, demo.config, `demo-${demo.config.mode}`, 'Making the demo data', { description: demo.description, mockData: true });
    // (the demo stands in for data: it says so itself, so it is blind like data)
    return store.add(src);
  }

  async function checkVisible(dataset: string, index: number): Promise<void> {
    const file = store.file(dataset);
    const masked = await guard.maskedBy(file, index, await book.stagesOf(file), lastRun.get(dataset)?.sel);
    if (masked) throw new UserFacingError('blinded', BLINDED);
  }

  async function blindingState(dataset: string, identify: boolean): Promise<BlindingState> {
    const file = store.file(dataset);
    const { applies, why } = blindingApplies(file.meta);
    const stages = await book.stagesOf(file);
    const identity = identify || Object.values(stages).some((x) => x !== 'blind') ? await file.identity() : null;
    return { dataset, applies, why, stages, identity, log: identity ? book.logOf(identity) : [] };
  }

  async function generateInto(file: CreatedFile, config: GeneratorConfigInput, taskId: string, label: string, mark: { description?: string; mockData?: boolean } = {}): Promise<RandomAccessSource> {
    const host = opts.files!;
    running.add(taskId);
    try {
      await generateToSink(config, await file.sink(), {
        ...(mark.description ? { description: mark.description } : {}),
        ...(mark.mockData ? { mockData: true } : {}),
        yieldToHost: () => host.yieldToHost(),
        onProgress: ({ done, total }) => {
          host.progress({ taskId, label, done, total });
          return !cancelled.has(taskId);
        },
      });
    } catch (err) {
      if (err instanceof WriteCancelled) throw new UserFacingError('bad-request', `${label}: cancelled`);
      throw err;
    } finally {
      running.delete(taskId);
      cancelled.delete(taskId);
    }
    const src = await file.source();
    if (!src) throw new UserFacingError('io', `${label}: the generated file cannot be read back`);
    return src;
  }

  const needFiles = (): EngineHost => {
    if (!opts.files) throw new UserFacingError('bad-request', 'this engine host cannot create files');
    return opts.files;
  };

  const root = createRootHandlers({
    store, geometryVersion: detector.version,
    ...(opts.files ? { files: opts.files } : {}),
    tasks: { start: (t) => running.add(t), cancelled: (t) => cancelled.has(t), end: (t) => { running.delete(t); cancelled.delete(t); } },
  });

  return {
    ...root,
    store,
    openDemoDataset,
    /** a saved candidate list read by a host (Electron's dialog), blinded as the engine is */
    loadCandidateText: (text, name, sidecar) => {
      let r: SelectionResult;
      try {
        r = parseCandidateList(text, name, sidecar);
      } catch (err) {
        throw new UserFacingError('io', err instanceof Error ? err.message : String(err));
      }
      try {
        book.admits(r.blinding, r.blinded, r.selection.preset, name);
      } catch (err) {
        throw new UserFacingError('blinded', err instanceof Error ? err.message : String(err));
      }
      return r;
    },
    info: () => ({ apiVersion: API_VERSION, appVersion: opts.appVersion, geometryVersion: detector.version, engineHost: opts.host }),
    detector: () => detector,
    datasets: () => store.list(),
    event: async ({ dataset, index }) => {
      const ev = await store.event(dataset, index);
      await checkVisible(dataset, index);
      return { event: ev, analysis: analyseEvent(ev) };
    },
    findEvent: async ({ dataset, run, burst, event }) => {
      const f = store.file(dataset);
      let found: number | null = null;
      await f.scan(0, f.numBatches, (start, c) => {
        const r = c.header['run']!, b = c.header['burst']!, e = c.header['event']!;
        for (let i = 0; i < c.length; i++) if (r[i] === run && b[i] === burst && e[i] === event) { found = start + i; return false; }
        return true;
      });
      // the match is only as good as its checksum: a damaged header could name another event
      if (found !== null) { await f.event(found); await checkVisible(dataset, found); }
      return found;
    },
    trackSummary: async ({ dataset }) => trackSummary(store.file(dataset), async (i) => {
      try { await checkVisible(dataset, i); return true; } catch (err) { if (err instanceof UserFacingError && err.code === 'blinded') return false; throw err; }
    }),
    selectionCatalogue: () => ({
      presets: PRESETS.map((p) => ({
        id: p.id, label: p.label, mode: p.mode,
        params: p.params.map((x) => ({ name: x.name, value: x.value, unit: x.unit, description: x.description, source: x.source, ...(x.options ? { options: x.options } : {}) })),
        cuts: p.cuts.map((c) => ({ id: c.id, label: c.label, source: c.source, params: c.params })),
        regions: p.regions.map((r) => ({ id: r.id, label: r.label, source: r.source, blinded: r.blinded })),
        keyVariables: p.keyVariables,
      })),
      variables: VARIABLES,
    }),
    checkExpression: ({ text }) => ({ error: checkExpression(text) ?? null }),
    blinding: ({ dataset, identify }) => blindingState(dataset, !!identify),
    setBlinding: async ({ dataset, preset, stage, confirm }) => {
      try {
        await book.setStage(store.file(dataset), preset, stage, confirm);
      } catch (err) {
        if (err instanceof BlindingError) throw new UserFacingError('bad-request', err.message);
        throw err;
      }
      return blindingState(dataset, true);
    },
    runSelection: async ({ taskId, dataset, selection }) => {
      const file = store.file(dataset);
      const sel = resolveSelection(selection);
      running.add(taskId);
      const abort = new AbortController();
      aborts.set(taskId, abort);
      try {
        const onProgress = (done: number, total: number) => {
          opts.files?.progress({ taskId, label: `Selecting ${sel.preset.id}`, done, total });
          return !cancelled.has(taskId);
        };
        const stages = await book.stagesOf(file);
        const raw = await (opts.files?.parallelSelection?.(file, selection, stages, onProgress, abort.signal)
          ?? runSelectionPacked(file, sel, { ...(opts.files ? { yieldToHost: () => opts.files!.yieldToHost() } : {}), onProgress, stages }).then(({ result, packed }) => ({ ...result, columns: packed })));
        // the result names its input by content, so merges and re-runs can tell datasets apart
        const identity = await file.identity();
        // masked at the source (run.ts): what is kept here is what may leave
        const result: SelectionResult = { ...raw, inputs: raw.inputs.map((x) => ({ ...x, identity })), blinding: await book.resultBlinding(file, stages) };
        dropLastRun(dataset);
        lastRun.set(dataset, { sel, result, stages: JSON.stringify(stages) });
        return result;
      } catch (err) {
        if (err instanceof SelectionCancelled) throw new UserFacingError('bad-request', `${sel.preset.id}: cancelled`);
        throw err;
      } finally {
        running.delete(taskId);
        cancelled.delete(taskId);
        aborts.delete(taskId);
      }
    },
    exportSelection: async ({ dataset, format }) => {
      if (!lastRun.has(dataset)) throw new UserFacingError('bad-request', 'run a selection on this dataset first');
      const file = store.file(dataset);
      const stages = JSON.stringify(await book.stagesOf(file));
      // taken after the wait, and read without another: a run finishing meanwhile may release the list it replaces
      const last = lastRun.get(dataset);
      if (!last) throw new UserFacingError('bad-request', 'run a selection on this dataset first');
      if (stages !== last.stages) throw new UserFacingError('bad-request', 'the blinding changed since the selection ran: run it again, then export');
      // the saved list holds candidate objects (the JSON and CSV formats); made here, once per export
      const r = last.result.columns ? { ...last.result, columns: undefined, candidates: unpackCandidates(last.result.columns) } : last.result;
      const base = `${file.name.split(/[\\/]/).pop()!.replace(/\.arrow$/, '')}-${r.selection.preset}${r.blinded ? '-blind' : ''}`;
      return format === 'csv' ? { name: `${base}.csv`, text: resultToCsv(r) } : { name: `${base}.json`, text: resultToJson(r) };
    },
    closeDataset: async ({ dataset }) => {
      dropLastRun(dataset);
      return { closed: await store.close(dataset) };
    },
    cancel: ({ taskId }) => {
      if (!running.has(taskId)) return { cancelled: false };
      cancelled.add(taskId);
      aborts.get(taskId)?.abort();
      return { cancelled: true };
    },
    generate: async ({ taskId, config, name, mockData }) => {
      const host = needFiles();
      const fileName = name ?? `na62-generated-seed${config.seed}.arrow`;
      const src = await generateInto(host.createFile(fileName), config, taskId, `Generating ${fileName}`, { mockData: !!mockData });
      return store.add(src);
    },
    openDemo: async () => {
      const out: DatasetInfo[] = [];
      for (let k = 0; k < DEMO_DATASETS.length; k++) out.push(await openDemoDataset(k));
      return out;
    },
  };
}
