/**
 * The slideshow: every `intervalS` seconds the next event of what stepping walks (the candidate
 * list in the table's order, else every event of the file). It stops at the end of the list, when
 * the dataset changes, and when the user shows another event by hand (a step, a click in a plot).
 */
import type { AppStores } from './app-stores';
import type { StoreApi } from 'zustand/vanilla';
import type { AutoplayState } from './autoplay-store';
import { walkIndex, walkList, walkPosition, type ShowEvent } from './navigation';

/**
 * The event after `current`: the next of `list` (event indices, in order; from the list's start
 * when `current` is not in it), or current + 1 among `numEvents` when there is no list; undefined
 * at the end.
 */
export function nextAutoplayIndex(list: readonly number[] | undefined, current: number, numEvents: number): number | undefined {
  if (list) {
    if (!list.length) return undefined;
    const pos = list.indexOf(current);
    return pos < 0 ? list[0] : list[pos + 1];
  }
  const next = current + 1;
  return next >= 0 && next < numEvents ? next : undefined;
}

/** Run the slideshow of one window while its store says so; returns the unsubscribe. */
export function followAutoplay(stores: AppStores, autoplay: StoreApi<AutoplayState>, showEvent: ShowEvent): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** the index the slideshow itself asked for; any other index is the user's */
  let expected: number | undefined;
  let dataset: string | undefined;
  const clear = () => { if (timer !== undefined) clearTimeout(timer); timer = undefined; };

  const schedule = () => {
    clear();
    const { playing, intervalS } = autoplay.getState();
    if (!playing) return;
    timer = setTimeout(() => void advance(), intervalS * 1000);
  };

  async function advance(): Promise<void> {
    timer = undefined;
    if (!autoplay.getState().playing) return;
    const d = stores.data.getState();
    const ds = d.datasets.find((x) => x.id === d.current);
    if (!ds) { autoplay.getState().pause('no dataset'); return; }
    const list = walkList(stores);
    // the walk is read on the candidate columns: its next row, or its first when the shown event is not in it
    const pos = list ? walkPosition(stores, list) : -1;
    const next = list ? (pos + 1 < list.rows.length ? walkIndex(list, pos + 1) : undefined) : nextAutoplayIndex(undefined, d.index, ds.numEvents);
    if (next === undefined) { autoplay.getState().pause(list ? 'the end of the candidate list' : 'the last event'); return; }
    expected = next;
    await showEvent(next);
    // the event is on show (or refused): it stays for one interval from now
    if (autoplay.getState().playing && stores.data.getState().index === next) schedule();
  }

  const offAuto = autoplay.subscribe((s, prev) => {
    if (s.playing && !prev.playing) { expected = stores.data.getState().index; dataset = stores.data.getState().current; schedule(); }
    else if (!s.playing) clear();
    else if (s.intervalS !== prev.intervalS) schedule();
  });
  const offData = stores.data.subscribe((s, prev) => {
    if (!autoplay.getState().playing) return;
    if (s.current !== dataset) { autoplay.getState().pause('the dataset changed'); return; }
    if (s.index !== prev.index && s.index !== expected) autoplay.getState().pause('stepped by hand');
  });
  return () => { clear(); offAuto(); offData(); };
}
