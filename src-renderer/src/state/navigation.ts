/**
 * Stepping: through the candidates of the current selection (in the order the table shows them)
 * when there are any for this dataset, else through every event of the file. Jumps by index or by
 * run:burst:event.
 */
import type { Candidate } from '../../../src-shared/selection/types';

/** Shows an event by index (the data actions' showEvent). */
export type ShowEvent = (index: number) => Promise<void>;
import { type CandidateBrush } from './selection-store';
import type { AppStores } from './app-stores';

export type SortKey = 'rbe' | 'region' | string;
export interface SortState { readonly key: SortKey; readonly dir: 1 | -1 }

/** Candidates in the table's order. */
export function sortedCandidates(list: readonly Candidate[], sort: SortState | undefined): readonly Candidate[] {
  if (!sort) return list;
  const val = (c: Candidate): number | string => (sort.key === 'rbe' ? c.index : sort.key === 'region' ? c.region : c.vars[sort.key] ?? NaN);
  return [...list].sort((a, b) => {
    const x = val(a), y = val(b);
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1; // NaN last either way
      if (Number.isNaN(y)) return -1;
      return (x - y) * sort.dir;
    }
    return String(x).localeCompare(String(y)) * sort.dir;
  });
}

/** The candidates the table lists: those inside a plot's brush (all without one), in the table's order. */
export function tableCandidates(list: readonly Candidate[], sort: SortState | undefined, brush: CandidateBrush | undefined): readonly Candidate[] {
  return sortedCandidates(brush ? list.filter((c) => brush.events.has(c.index)) : list, sort);
}

/** The candidate list that stepping walks, if the current dataset has a selection result with candidates. */
export function walkList(stores: AppStores): readonly Candidate[] | undefined {
  const s = stores.selection.getState();
  const current = stores.data.getState().current;
  if (!s.result || s.resultDataset !== current || !s.result.candidates.length || !s.walkCandidates) return undefined;
  const list = tableCandidates(s.result.candidates, s.sort, s.brush);
  return list.length ? list : undefined;
}

/** Position of the shown event in the walked list (−1 when it is not a candidate). */
export function walkPosition(stores: AppStores, list: readonly Candidate[]): number {
  const index = stores.data.getState().index;
  return list.findIndex((c) => c.index === index);
}

export async function step(stores: AppStores, showEvent: ShowEvent, delta: number): Promise<void> {
  const list = walkList(stores);
  if (!list) return showEvent(stores.data.getState().index + delta);
  const pos = walkPosition(stores, list);
  const next = pos < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, pos + delta));
  return showEvent(list[next]!.index);
}

export async function first(stores: AppStores, showEvent: ShowEvent): Promise<void> {
  const list = walkList(stores);
  return showEvent(list ? list[0]!.index : 0);
}

export async function last(stores: AppStores, showEvent: ShowEvent): Promise<void> {
  const list = walkList(stores);
  return showEvent(list ? list[list.length - 1]!.index : Number.MAX_SAFE_INTEGER);
}

/** "123" jumps to an index; "run:burst:event" finds that event (in the candidates first, else in the file). */
export async function jump(stores: AppStores, showEvent: ShowEvent, text: string, find: (run: number, burst: number, event: number) => Promise<number | null>): Promise<string | undefined> {
  const t = text.trim();
  if (/^\d+$/.test(t)) { await showEvent(Number(t)); return undefined; }
  const m = /^(\d+):(\d+):(\d+)$/.exec(t);
  if (!m) return `"${t}" is neither an event index nor run:burst:event`;
  const [run, burst, event] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const c = stores.selection.getState().result?.candidates.find((x) => x.run === run && x.burst === burst && x.event === event);
  const index = c ? c.index : await find(run, burst, event);
  if (index === null || index === undefined) return `no event ${run}:${burst}:${event} in this file`;
  await showEvent(index);
  return undefined;
}
