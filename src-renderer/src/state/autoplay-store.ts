/** The slideshow over the candidate list (or every event): playing or not, and its interval (persisted). */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { StorageOf } from './view-store';

/** the intervals offered, seconds */
export const AUTOPLAY_INTERVALS = [0.5, 1, 2, 3, 5, 10] as const;
export const clampInterval = (s: number): number => (Number.isFinite(s) ? Math.min(10, Math.max(0.5, s)) : 2);

export interface AutoplayState {
  playing: boolean;
  /** seconds each event stays on show */
  intervalS: number;
  /** why the last run stopped ("the end of the candidate list"), for the status line */
  stopped: string | undefined;
  play(): void;
  pause(why?: string): void;
  toggle(): void;
  setInterval(s: number): void;
}

export const createAutoplayStore = (storage: StorageOf = () => localStorage) => createStore<AutoplayState>()(
  persist(
    (set, get): AutoplayState => ({
      playing: false, intervalS: 2, stopped: undefined,
      play: () => set({ playing: true, stopped: undefined }),
      pause: (why) => set({ playing: false, stopped: why }),
      toggle: () => (get().playing ? get().pause() : get().play()),
      setInterval: (s) => set({ intervalS: clampInterval(s) }),
    }),
    { name: 'na62-autoplay', version: 1, storage: createJSONStorage(storage), partialize: (s) => ({ intervalS: s.intervalS }) },
  ),
);
