/**
 * Stepping: through the candidates of the current selection (in the order the table shows them)
 * when there are any for this dataset, else through every event of the file. Jumps by index or by
 * run:burst:event.
 */
import { columnsOf, positionOfEvent, positionOfRbe, tableOrder, type CandidateColumns } from '../../../src-shared/selection/candidate-columns';
import { type CandidateBrush } from './selection-store';
import type { AppStores } from './app-stores';

/** Shows an event by index (the data actions' showEvent). */
export type ShowEvent = (index: number) => Promise<void>;

export type SortKey = 'rbe' | 'region' | string;
export interface SortState { readonly key: SortKey; readonly dir: 1 | -1 }

/**
 * What stepping walks: the candidate columns and the table's rows (candidate positions, in the
 * table's order). Read on the columns: no object per candidate (issue 20).
 */
export interface Walk {
  readonly cols: CandidateColumns;
  readonly rows: Int32Array;
}
/** Event index of the k-th row of a walk. */
export const walkIndex = (w: Walk, k: number): number => w.cols.index[w.rows[k]!]!;
/** Every row's event index, in order (the slideshow's and the batch export's list). */
export const walkIndices = (w: Walk): number[] => Array.from(w.rows, (p) => w.cols.index[p]!);

// the last order asked for: stepping asks on every key press, the table sorts once per change
let lastOrder: { cols: CandidateColumns; sort: SortState | undefined; brush: CandidateBrush | undefined; rows: Int32Array } | undefined;
function orderOf(cols: CandidateColumns, sort: SortState | undefined, brush: CandidateBrush | undefined): Int32Array {
  if (lastOrder && lastOrder.cols === cols && lastOrder.sort === sort && lastOrder.brush === brush) return lastOrder.rows;
  const rows = tableOrder(cols, sort, brush?.events);
  lastOrder = { cols, sort, brush, rows };
  return rows;
}

/** The walk of stepping, if the current dataset has a selection result with candidates (those inside a plot's brush, in the table's order). */
export function walkList(stores: AppStores): Walk | undefined {
  const s = stores.selection.getState();
  const current = stores.data.getState().current;
  if (!s.result || s.resultDataset !== current || !s.walkCandidates) return undefined;
  const cols = columnsOf(s.result);
  if (!cols.n) return undefined;
  const rows = orderOf(cols, s.sort, s.brush);
  return rows.length ? { cols, rows } : undefined;
}

/** Position of the shown event in the walk (−1 when it is not a candidate). */
export function walkPosition(stores: AppStores, w: Walk): number {
  const pos = positionOfEvent(w.cols, stores.data.getState().index);
  return pos < 0 ? -1 : w.rows.indexOf(pos);
}

export async function step(stores: AppStores, showEvent: ShowEvent, delta: number): Promise<void> {
  const list = walkList(stores);
  if (!list) return showEvent(stores.data.getState().index + delta);
  const pos = walkPosition(stores, list);
  const n = list.rows.length;
  const next = pos < 0 ? (delta > 0 ? 0 : n - 1) : Math.min(n - 1, Math.max(0, pos + delta));
  return showEvent(walkIndex(list, next));
}

export async function first(stores: AppStores, showEvent: ShowEvent): Promise<void> {
  const list = walkList(stores);
  return showEvent(list ? walkIndex(list, 0) : 0);
}

export async function last(stores: AppStores, showEvent: ShowEvent): Promise<void> {
  const list = walkList(stores);
  return showEvent(list ? walkIndex(list, list.rows.length - 1) : Number.MAX_SAFE_INTEGER);
}

/** "123" jumps to an index; "run:burst:event" finds that event (in the candidates first, else in the file). */
export async function jump(stores: AppStores, showEvent: ShowEvent, text: string, find: (run: number, burst: number, event: number) => Promise<number | null>): Promise<string | undefined> {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    // an index past the end is said, not quietly clamped to the last event
    const d = stores.data.getState(), n = d.datasets.find((x) => x.id === d.current)?.numEvents;
    if (n !== undefined && Number(t) >= n) return `no event ${t}: this file has events 0 to ${n - 1}`;
    await showEvent(Number(t));
    return undefined;
  }
  const m = /^(\d+):(\d+):(\d+)$/.exec(t);
  if (!m) return `"${t}" is neither an event index nor run:burst:event`;
  const [run, burst, event] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const r = stores.selection.getState().result;
  const cols = r ? columnsOf(r) : undefined;
  const pos = cols ? positionOfRbe(cols, run, burst, event) : -1;
  const index = cols && pos >= 0 ? cols.index[pos]! : await find(run, burst, event);
  if (index === null || index === undefined) return `no event ${run}:${burst}:${event} in this file`;
  await showEvent(index);
  return undefined;
}
