/** The analysis panel's settings (persisted) and the background sample it draws under the plane. */
import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
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
}

export const useAnalysisStore = create<AnalysisState>()(
  persist(
    (): AnalysisState => ({ open: true, weighted: false, pngWidth: 2400, customX: '', customY: '', backgroundDataset: undefined, background: undefined, backgroundError: undefined }),
    {
      name: 'na62-analysis',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ open: s.open, weighted: s.weighted, pngWidth: s.pngWidth, customX: s.customX, customY: s.customY }),
    },
  ),
);
