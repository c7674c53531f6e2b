/** The analysis panel's settings (persisted) and the background sample it draws under the plane. */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { StorageOf } from './view-store';
import type { SelectionResult } from '../../../src-shared/selection/types';

export interface AnalysisState {
  open: boolean;
  /** histograms of Σw (else of events) */
  weighted: boolean;
  /** pixel width of PNG exports of plots */
  pngWidth: number;
  /** a variable on demand: alone (histogram) or against another (scatter) */
  customX: string;
  customY: string;
  /** a dataset whose selected events are drawn as a density under the CDA_TAX–Z_TAX plane */
  backgroundDataset: string | undefined;
  background: { dataset: string; result: SelectionResult } | undefined;
  backgroundError: string | undefined;

  setWeighted(on: boolean): void;
  setPngWidth(px: number): void;
  setCustomX(name: string): void;
  setCustomY(name: string): void;
  setBackgroundDataset(id: string | undefined): void;
  /** the background sample as the engine returned it, or why it could not */
  setBackground(background: AnalysisState['background'], error?: string): void;
}

export const createAnalysisStore = (storage: StorageOf = () => localStorage) => createStore<AnalysisState>()(
  persist(
    (set): AnalysisState => ({
      open: true, weighted: false, pngWidth: 2400, customX: '', customY: '', backgroundDataset: undefined, background: undefined, backgroundError: undefined,
      setWeighted: (weighted) => set({ weighted }),
      setPngWidth: (pngWidth) => set({ pngWidth }),
      setCustomX: (customX) => set({ customX }),
      setCustomY: (customY) => set({ customY }),
      setBackgroundDataset: (backgroundDataset) => set({ backgroundDataset }),
      setBackground: (background, backgroundError) => set({ background, backgroundError }),
    }),
    {
      name: 'na62-analysis',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => ({ open: s.open, weighted: s.weighted, pngWidth: s.pngWidth, customX: s.customX, customY: s.customY }),
    },
  ),
);
