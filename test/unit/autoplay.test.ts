import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { followAutoplay, nextAutoplayIndex } from '../../src-renderer/src/state/autoplay';
import type { DatasetInfo } from '../../src-shared/api/contract';
import type { Candidate, SelectionResult } from '../../src-shared/selection/types';

describe('autoplay: the next event', () => {
  it('walks the list in order from the shown event, starts at the top when the shown one is not in it, and ends', () => {
    const list = [12, 40, 7, 99];
    expect(nextAutoplayIndex(list, 12, 1000)).toBe(40);
    expect(nextAutoplayIndex(list, 40, 1000)).toBe(7); // the table's order, not the file's
    expect(nextAutoplayIndex(list, 99, 1000)).toBeUndefined();
    expect(nextAutoplayIndex(list, 3, 1000)).toBe(12);
    expect(nextAutoplayIndex([], 3, 1000)).toBeUndefined();
  });
  it('walks every event without a list', () => {
    expect(nextAutoplayIndex(undefined, 5, 10)).toBe(6);
    expect(nextAutoplayIndex(undefined, 9, 10)).toBeUndefined();
  });
});

describe('autoplay: the slideshow', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  function setup(candidates?: number[]) {
    const stores = createAppStores({ storage: memoryStorage() });
    const ds = { id: 'd1', name: 'x.arrow', numEvents: 50, meta: {} } as unknown as DatasetInfo;
    stores.data.setState({ datasets: [ds], current: 'd1', index: 3 });
    if (candidates) {
      const result = { keyVariables: [], candidates: candidates.map((index) => ({ index, run: 1, burst: 0, event: index, vars: {}, region: '', weight: 1, process: 'p', file: 'x' }) as unknown as Candidate) } as unknown as SelectionResult;
      stores.selection.setState({ result, resultDataset: 'd1', walkCandidates: true });
    }
    const shown: number[] = [];
    const showEvent = async (i: number) => { shown.push(i); stores.data.setState({ index: i }); };
    const stop = followAutoplay(stores, stores.autoplay, showEvent);
    return { stores, shown, stop };
  }

  it('shows the next event every interval, then stops at the end of the candidate list', async () => {
    const { stores, shown, stop } = setup([10, 20, 30]);
    stores.autoplay.getState().setInterval(1);
    stores.autoplay.getState().play();
    await vi.advanceTimersByTimeAsync(999);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual([10]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(shown).toEqual([10, 20, 30]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(stores.autoplay.getState().playing).toBe(false);
    expect(stores.autoplay.getState().stopped).toMatch(/end of the candidate list/);
    expect(shown).toEqual([10, 20, 30]);
    stop();
  });

  it('pauses, and stops when the user steps by hand or changes the dataset', async () => {
    const { stores, shown, stop } = setup();
    stores.autoplay.getState().setInterval(0.5);
    stores.autoplay.getState().play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([4, 5]);
    stores.autoplay.getState().pause();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([4, 5]);
    stores.autoplay.getState().toggle();
    await vi.advanceTimersByTimeAsync(500);
    expect(shown).toEqual([4, 5, 6]);
    stores.data.setState({ index: 30 }); // a step by hand
    expect(stores.autoplay.getState().playing).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([4, 5, 6]);
    stores.autoplay.getState().play();
    stores.data.setState({ current: 'other' });
    expect(stores.autoplay.getState().playing).toBe(false);
    stop();
  });

  it('keeps the interval within 0.5–10 s', () => {
    const { stores, stop } = setup();
    stores.autoplay.getState().setInterval(0.1);
    expect(stores.autoplay.getState().intervalS).toBe(0.5);
    stores.autoplay.getState().setInterval(60);
    expect(stores.autoplay.getState().intervalS).toBe(10);
    stop();
  });
});
