import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { createDataActions } from '../../src-renderer/src/state/data-store';
import type { DatasetInfo, Na62Api, TrackSummary } from '../../src-shared/api/contract';

/** An engine that answers only what opening a dataset asks: its track summary (after `delayMs`) and events. */
function fakeApi(summary: TrackSummary | Error, delayMs: number) {
  const shown: number[] = [];
  const asked: string[] = [];
  const empty = { header: { run: 1, burst: 0, event: 0, mode: 'dump', timeInSpill: 0, weight: 1, process: 'p' }, tracks: [], lkrClusters: [], muv3Hits: [], newchodHits: [], lavHits: [], anti0Hits: [] };
  const api = {
    trackSummary: (d: string) => asked.push(d) && new Promise<TrackSummary>((resolve, reject) => setTimeout(() => (summary instanceof Error ? reject(summary) : resolve(summary)), delayMs)),
    getEvent: async (_d: string, i: number) => { shown.push(i); return { event: { ...empty, header: { ...empty.header, event: i } }, analysis: { tracks: [], vars: {} } }; },
  } as unknown as Na62Api;
  return { api, shown, asked };
}

describe('a dataset opens on its first event with tracks', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });
  const ds = { id: 'd1', name: 'x.arrow', numEvents: 100, meta: {} } as unknown as DatasetInfo;

  function open(summary: TrackSummary | Error, delayMs: number) {
    const stores = createAppStores({ storage: memoryStorage() });
    stores.data.setState({ datasets: [ds] });
    const { api, shown, asked } = fakeApi(summary, delayMs);
    const actions = createDataActions(api, stores);
    return { stores, shown, asked, actions, done: actions.selectDataset('d1') };
  }

  it('shows the first event with tracks the engine names, and keeps the summary for the colour scale', async () => {
    const { stores, shown, done } = open({ firstWithTracks: 12, pMax: 183_000 }, 10);
    await vi.advanceTimersByTimeAsync(20);
    await done;
    expect(shown).toEqual([12]);
    expect(stores.data.getState().index).toBe(12);
    expect(stores.data.getState().trackSummary).toEqual({ dataset: 'd1', summary: { firstWithTracks: 12, pMax: 183_000 } });
  });

  it('shows event 0 while a slow summary is still scanning, then moves on, unless the user went elsewhere', async () => {
    const slow = open({ firstWithTracks: 30, pMax: 1e5 }, 10_000);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(slow.shown).toEqual([0]);
    await vi.advanceTimersByTimeAsync(10_000);
    await slow.done;
    expect(slow.shown).toEqual([0, 30]);

    const moved = open({ firstWithTracks: 30, pMax: 1e5 }, 10_000);
    await vi.advanceTimersByTimeAsync(2_500);
    await moved.actions.showEvent(5); // the user steps meanwhile
    await vi.advanceTimersByTimeAsync(10_000);
    await moved.done;
    expect(moved.shown).toEqual([0, 5]);
    expect(moved.stores.data.getState().index).toBe(5);
  });

  it('an event asked for while the summary is awaited is the one shown (na62 render drew event 0 under the name of the one asked for)', async () => {
    const asked = open({ firstWithTracks: 0, pMax: 1e5 }, 10);
    await asked.actions.showEvent(42); // `na62 render --events 42` as soon as the dataset is current
    await vi.advanceTimersByTimeAsync(20);
    await asked.done;
    expect(asked.shown).toEqual([42]);
    expect(asked.stores.data.getState().index).toBe(42);
  });

  it('opens on event 0 when the file has no visible event with tracks, or the engine cannot say', async () => {
    const none = open({ firstWithTracks: null, pMax: null }, 10);
    await vi.advanceTimersByTimeAsync(20);
    await none.done;
    expect(none.shown).toEqual([0]);
    const failed = open(new Error('io'), 10);
    await vi.advanceTimersByTimeAsync(20);
    await failed.done;
    expect(failed.shown).toEqual([0]);
    // asked once: stepping does not ask the engine again and again
    await failed.actions.showEvent(1);
    await failed.actions.showEvent(2);
    expect(failed.asked).toEqual(['d1']);
  });
});
