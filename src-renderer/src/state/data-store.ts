/** The data side of the UI: open datasets, the current event, and running tasks. Data flows files → store → views. */
import { createStore } from 'zustand/vanilla';
import type { DatasetInfo, Na62Api, TaskProgress, TrackSummary } from '../../../src-shared/api/contract';
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import { eventObjectCount, MAX_DRAWN_OBJECTS } from '../display/layers/registry';
import { isRootFileInfo, type OpenedFile } from '../../../src-shared/api/root-contract';
import type { AppStores } from './app-stores';

export interface DataState {
  datasets: DatasetInfo[];
  current: string | undefined;
  index: number;
  event: Na62Event | undefined;
  /** the engine's reconstruction of the current event (HUD variables, track hypotheses, CDA_TAX) */
  analysis: EventAnalysis | undefined;
  loading: boolean;
  error: string | undefined;
  tasks: Record<string, TaskProgress>;
  showTruth: boolean;
  /** the engine's summary of a dataset's tracks (first event with tracks, top momentum), once per dataset */
  trackSummary: { readonly dataset: string; readonly summary: TrackSummary } | undefined;
  setShowTruth(on: boolean): void;
}

export const createDataStore = () => createStore<DataState>()((set) => ({
  datasets: [], current: undefined, index: 0, event: undefined, analysis: undefined, loading: false, error: undefined, tasks: {}, showTruth: false, trackSummary: undefined,
  setShowTruth: (showTruth) => set({ showTruth }),
}));

/** How long opening a dataset waits for its track summary before it shows event 0 meanwhile. */
const SUMMARY_WAIT_MS = 2000;

/** Where a dataset opens: its first (visible) event with tracks, else event 0. */
/** The open datasets with `list` added: a dataset the engine lists again replaces its entry (the engine's info is current). */
export const mergeDatasets = (open: readonly DatasetInfo[], list: readonly DatasetInfo[]): DatasetInfo[] =>
  [...open.filter((d) => !list.some((x) => x.id === d.id)), ...list];

export const firstEventToShow = (summary: TrackSummary | undefined): number => summary?.firstWithTracks ?? 0;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Follow the engine's task progress in the store; returns the unsubscribe. */
function followProgress(api: Na62Api, stores: AppStores): () => void {
  return api.onProgress((p) => {
    stores.data.setState((s) => {
      const tasks = { ...s.tasks };
      if (p.done >= p.total) delete tasks[p.taskId];
      else tasks[p.taskId] = p;
      return { tasks };
    });
  });
}

/** The engine's refusal of a masked event (src-engine/engine.ts, UserFacingError 'blinded'). */
export const isBlindedEventError = (error: string | undefined): boolean => !!error && /this event is blinded/i.test(error);

/**
 * The data side's engine calls, bound to one API and one set of stores (both made by the app's provider, so each
 * window, and each test, has its own): show an event, open, close and generate datasets.
 */
export function createDataActions(api: Na62Api, stores: AppStores) {
  let loadSeq = 0;
  // one scan of a file per window: the summary only covers events visible when it was made (blinding opens, never closes, while a file is open)
  // (a summary the engine could not make is asked for once: null)
  const summaries = new Map<string, Promise<TrackSummary | null>>();

  /** Show event `index` of the current dataset (clamped to the file). */
  async function showEvent(index: number): Promise<void> {
    const { current, datasets } = stores.data.getState();
    const ds = datasets.find((d) => d.id === current);
    if (!ds || ds.numEvents === 0) return;
    const i = Math.min(ds.numEvents - 1, Math.max(0, Math.round(index)));
    const seq = ++loadSeq;
    // a dataset reached another way (a restored session) gets its summary too (the file-wide colour scale)
    if (stores.data.getState().trackSummary?.dataset !== ds.id && !summaries.has(ds.id)) void summaryOf(ds.id);
    stores.data.setState({ loading: true, index: i });
    try {
      const { event, analysis } = await api.getEvent(ds.id, i);
      performance.mark('na62:event-received');
      const n = eventObjectCount(event);
      if (n > MAX_DRAWN_OBJECTS) {
        const h = event.header;
        throw new Error(`event ${h.run}:${h.burst}:${h.event} has ${n.toLocaleString('en')} hits, clusters and tracks: more than the display draws (${MAX_DRAWN_OBJECTS.toLocaleString('en')})`);
      }
      if (seq === loadSeq) {
        stores.eventDisplay.getState().pick(undefined);
        stores.eventDisplay.getState().hover(undefined);
        stores.data.setState({ event, analysis, loading: false, error: undefined });
      }
    } catch (e) {
      // a refused event (blinded, corrupt) is not drawn: the previous one must not stand in for it
      if (seq === loadSeq) stores.data.setState({ loading: false, error: message(e), event: undefined, analysis: undefined });
    }
  }

  /** The index of run:burst:event in a dataset (null when absent). */
  async function findEvent(dataset: string, run: number, burst: number, event: number): Promise<number | null> {
    return api.findEvent(dataset, run, burst, event);
  }

  /** The engine's track summary of a dataset (kept for the current one); undefined if the engine could not make it. */
  async function summaryOf(id: string): Promise<TrackSummary | undefined> {
    let pending = summaries.get(id);
    if (!pending) {
      // no summary: open on event 0 and range the colours per event, as before
      pending = api.trackSummary(id).catch(() => null);
      summaries.set(id, pending);
    }
    const summary = await pending;
    if (!summary) return undefined;
    if (stores.data.getState().current === id && stores.data.getState().trackSummary?.summary !== summary) stores.data.setState({ trackSummary: { dataset: id, summary } });
    return summary;
  }

  /**
   * Open a dataset on its first event that has tracks (event 0 of the demo has none), or on event 0.
   * The summary scans the file: a big one shows event 0 after SUMMARY_WAIT_MS (and returns) and moves
   * on to the first event with tracks when the scan is done, unless another event was shown meanwhile.
   */
  async function selectDataset(id: string): Promise<void> {
    stores.data.setState({ current: id, index: 0, event: undefined, analysis: undefined, trackSummary: undefined });
    const asked = loadSeq;
    const pending = summaryOf(id);
    const early = await Promise.race([pending.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), SUMMARY_WAIT_MS))]);
    // an event asked for while the summary was awaited (a step, a table row, `na62 render --events`) wins:
    // showing the first event after it drew event 0 under the picture of the one asked for
    if (stores.data.getState().current !== id || loadSeq !== asked) return;
    if (!early) { await showEvent(firstEventToShow(await pending)); return; }
    const seq = loadSeq;
    await showEvent(0);
    // callers go on (a shared view shows its own event); the scan's answer moves on from event 0 only
    // if nothing has shown another event since (no step, pick or other dataset)
    void pending.then(async (summary) => {
      const first = firstEventToShow(summary);
      const d = stores.data.getState();
      if (first !== 0 && d.current === id && d.index === 0 && loadSeq === seq + 1) await showEvent(first);
    });
  }

  /** Add a dataset the engine just opened and show its first event. */
  async function adopt(info: DatasetInfo): Promise<void> {
    stores.data.setState((s) => ({ datasets: mergeDatasets(s.datasets, [info]), error: undefined }));
    await selectDataset(info.id);
  }

  /** Run an engine call that opens data; failures land in the store as a message naming the file and the problem. */
  async function openWith(fn: (api: Na62Api) => Promise<OpenedFile | DatasetInfo[] | null>): Promise<void> {
    try {
      const res = await fn(api);
      if (!res) return;
      // a ROOT file: the import dialog takes it from here
      if (!Array.isArray(res) && isRootFileInfo(res)) { stores.rootImport.getState().offer(res); return; }
      const list = Array.isArray(res) ? res : [res];
      stores.data.setState((s) => ({ datasets: mergeDatasets(s.datasets, list) }));
      if (list[0]) await selectDataset(list[0].id);
    } catch (e) {
      stores.data.setState({ error: message(e) });
    }
  }

  async function cancelTask(taskId: string): Promise<void> {
    await api.cancel(taskId);
  }

  async function closeDataset(id: string): Promise<void> {
    try {
      await api.closeDataset(id);
    } catch (e) {
      stores.data.setState({ error: message(e) });
      return;
    }
    const rest = stores.data.getState().datasets.filter((d) => d.id !== id);
    stores.data.setState({ datasets: rest, current: undefined, event: undefined, analysis: undefined });
    if (rest[0]) await selectDataset(rest[0].id);
  }

  return { showEvent, findEvent, summaryOf, selectDataset, adopt, openWith, cancelTask, closeDataset, followProgress: () => followProgress(api, stores) };
}
export type DataActions = ReturnType<typeof createDataActions>;
