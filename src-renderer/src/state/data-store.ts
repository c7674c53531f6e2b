/** The data side of the UI: open datasets, the current event, and running tasks. Data flows files → store → views. */
import { create } from 'zustand';
import type { DatasetInfo, Na62Api, TaskProgress } from '../../../src-shared/api/contract';
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../event/event-analysis';
import { eventObjectCount, MAX_DRAWN_OBJECTS } from '../event/event-geometry';
import { useEventDisplayStore } from './event-display-store';
import { isRootFileInfo, type OpenedFile } from '../../../src-shared/api/root-contract';
import { useRootImportStore } from './root-import-store';

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
}

export const useDataStore = create<DataState>()(() => ({
  datasets: [], current: undefined, index: 0, event: undefined, analysis: undefined, loading: false, error: undefined, tasks: {}, showTruth: false,
}));

let api: Na62Api | undefined;
let loadSeq = 0;

export function bindDataApi(a: Na62Api): () => void {
  api = a;
  return a.onProgress((p) => {
    useDataStore.setState((s) => {
      const tasks = { ...s.tasks };
      if (p.done >= p.total) delete tasks[p.taskId];
      else tasks[p.taskId] = p;
      return { tasks };
    });
  });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Show event `index` of the current dataset (clamped to the file). */
export async function showEvent(index: number): Promise<void> {
  const { current, datasets } = useDataStore.getState();
  const ds = datasets.find((d) => d.id === current);
  if (!api || !ds || ds.numEvents === 0) return;
  const i = Math.min(ds.numEvents - 1, Math.max(0, Math.round(index)));
  const seq = ++loadSeq;
  useDataStore.setState({ loading: true, index: i });
  try {
    const { event, analysis } = await api.getEvent(ds.id, i);
    const n = eventObjectCount(event);
    if (n > MAX_DRAWN_OBJECTS) {
      const h = event.header;
      throw new Error(`event ${h.run}:${h.burst}:${h.event} has ${n.toLocaleString('en')} hits, clusters and tracks: more than the display draws (${MAX_DRAWN_OBJECTS.toLocaleString('en')})`);
    }
    if (seq === loadSeq) {
      useEventDisplayStore.setState({ picked: undefined, hovered: undefined });
      useDataStore.setState({ event, analysis, loading: false, error: undefined });
    }
  } catch (e) {
    // a refused event (blinded, corrupt) is not drawn: the previous one must not stand in for it
    if (seq === loadSeq) useDataStore.setState({ loading: false, error: message(e), event: undefined, analysis: undefined });
  }
}

/** The index of run:burst:event in a dataset (null when absent). */
export async function findEvent(dataset: string, run: number, burst: number, event: number): Promise<number | null> {
  return api ? api.findEvent(dataset, run, burst, event) : null;
}

export async function selectDataset(id: string): Promise<void> {
  useDataStore.setState({ current: id, index: 0, event: undefined, analysis: undefined });
  await showEvent(0);
}

/** Add a dataset the engine just opened and show its first event. */
export async function adopt(info: DatasetInfo): Promise<void> {
  useDataStore.setState((s) => ({ datasets: [...s.datasets.filter((d) => d.id !== info.id), info], error: undefined }));
  await selectDataset(info.id);
}

/** Run an engine call that opens data; failures land in the store as a message naming the file and the problem. */
export async function openWith(fn: (api: Na62Api) => Promise<OpenedFile | DatasetInfo[] | null>): Promise<void> {
  if (!api) return;
  try {
    const res = await fn(api);
    if (!res) return;
    // a ROOT file: the import dialog takes it from here
    if (!Array.isArray(res) && isRootFileInfo(res)) { useRootImportStore.setState({ file: res }); return; }
    const list = Array.isArray(res) ? res : [res];
    useDataStore.setState((s) => ({ datasets: [...s.datasets.filter((d) => !list.some((x) => x.id === d.id)), ...list] }));
    if (list[0]) await selectDataset(list[0].id);
  } catch (e) {
    useDataStore.setState({ error: message(e) });
  }
}

export async function cancelTask(taskId: string): Promise<void> {
  await api?.cancel(taskId);
}

export async function closeDataset(id: string): Promise<void> {
  if (!api) return;
  try {
    await api.closeDataset(id);
  } catch (e) {
    useDataStore.setState({ error: message(e) });
    return;
  }
  const rest = useDataStore.getState().datasets.filter((d) => d.id !== id);
  useDataStore.setState({ datasets: rest, current: undefined, event: undefined, analysis: undefined });
  if (rest[0]) await selectDataset(rest[0].id);
}
