/** The analysis panel's settings (persisted) and the background sample it draws under the plane. */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { StorageOf } from './view-store';
import type { SelectionResult } from '../../../src-shared/selection/types';
import type { PlotZoom } from '../analysis/plot-zoom';

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
  /** axis ranges from the selection's regions (and each plot's usual range), or from the data */
  ranges: 'regions' | 'data';
  /** drags pan the plots instead of brushing (Shift+drag pans either way) */
  panMode: boolean;
  /** per plot id, its zoomed domains (not kept: a zoom belongs to what is plotted now) */
  zoom: Readonly<Record<string, PlotZoom>>;

  setWeighted(on: boolean): void;
  setPngWidth(px: number): void;
  setCustomX(name: string): void;
  setCustomY(name: string): void;
  setBackgroundDataset(id: string | undefined): void;
  /** the background sample as the engine returned it, or why it could not */
  setBackground(background: AnalysisState['background'], error?: string): void;
  setRanges(ranges: 'regions' | 'data'): void;
  setPanMode(on: boolean): void;
  /** one plot's zoom; undefined: its full range again */
  setZoom(plot: string, zoom: PlotZoom | undefined): void;
  resetZoom(): void;
}

const withoutKey = <T,>(o: Readonly<Record<string, T>>, k: string): Record<string, T> => { const { [k]: _drop, ...rest } = o; return rest; };

export const createAnalysisStore = (storage: StorageOf = () => localStorage) => createStore<AnalysisState>()(
  persist(
    (set): AnalysisState => ({
      open: true, weighted: false, pngWidth: 2400, customX: '', customY: '', backgroundDataset: undefined, background: undefined, backgroundError: undefined,
      ranges: 'regions', panMode: false, zoom: {},
      setWeighted: (weighted) => set({ weighted }),
      setPngWidth: (pngWidth) => set({ pngWidth }),
      setCustomX: (customX) => set((s) => ({ customX, zoom: withoutKey(s.zoom, 'custom') })),
      setCustomY: (customY) => set((s) => ({ customY, zoom: withoutKey(s.zoom, 'custom') })),
      setBackgroundDataset: (backgroundDataset) => set({ backgroundDataset }),
      setBackground: (background, backgroundError) => set({ background, backgroundError }),
      // new axis ranges start unzoomed: a zoom into the old range could show nothing of the new
      setRanges: (ranges) => set({ ranges: ranges === 'data' ? 'data' : 'regions', zoom: {} }),
      setPanMode: (panMode) => set({ panMode }),
      setZoom: (plot, zoom) => set((s) => ({ zoom: zoom ? { ...s.zoom, [plot]: zoom } : withoutKey(s.zoom, plot) })),
      resetZoom: () => set({ zoom: {} }),
    }),
    {
      name: 'na62-analysis',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => ({ open: s.open, weighted: s.weighted, pngWidth: s.pngWidth, customX: s.customX, customY: s.customY, ranges: s.ranges }),
    },
  ),
);
