/** How the event is drawn: colouring, which collections, simple cuts, and what is hovered or picked. Persisted (not the picks). */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { StorageOf } from './view-store';
import { PALETTE_IDS, type PaletteId } from '../display/palettes';

import type { CollectionId, ColourBy, PickRef } from '../display/types';
export { COLOUR_MODES, type ColourBy, type CollectionId as Collection, type PickRef } from '../display/types';

export interface EventDisplayState {
  colourBy: ColourBy;
  hidden: Partial<Record<CollectionId, boolean>>;
  /** hide tracks below this momentum, MeV/c */
  pMin: number;
  /** hide hits and clusters outside |t| < tWindow (ns); 0 = no cut */
  tWindow: number;
  /** line width of tracks on screen, CSS px (exports scale it) */
  trackWidth: number;
  /** the momentum colour scale spans the shown event's momenta, or the whole file's (the engine's track summary) */
  momentumRange: 'event' | 'file';
  /** the collections' colours: standard, or safe for colour-blind readers (display/palettes.ts) */
  palette: PaletteId;
  hovered: PickRef | undefined;
  picked: PickRef | undefined;

  setColourBy(by: ColourBy): void;
  setCollectionShown(c: CollectionId, shown: boolean): void;
  /** GeV/c in the panel, MeV/c stored; negative or empty → 0 */
  setMinMomentum(mev: number): void;
  setTimeWindow(ns: number): void;
  setTrackWidth(px: number): void;
  setMomentumRange(range: 'event' | 'file'): void;
  setPalette(palette: PaletteId): void;
  hover(ref: PickRef | undefined): void;
  pick(ref: PickRef | undefined): void;
}

export const createEventDisplayStore = (storage: StorageOf = () => localStorage) => createStore<EventDisplayState>()(
  persist(
    (set): EventDisplayState => ({
      colourBy: 'charge', hidden: {}, pMin: 0, tWindow: 0, trackWidth: 3, momentumRange: 'event', palette: 'standard', hovered: undefined, picked: undefined,
      setColourBy: (colourBy) => set({ colourBy }),
      setCollectionShown: (c, shown) => set((s) => ({ hidden: { ...s.hidden, [c]: !shown } })),
      setMinMomentum: (mev) => set({ pMin: Math.max(0, Number.isFinite(mev) ? mev : 0) }),
      setTimeWindow: (ns) => set({ tWindow: Math.max(0, Number.isFinite(ns) ? ns : 0) }),
      setTrackWidth: (px) => set({ trackWidth: Math.min(12, Math.max(1, Number.isFinite(px) && px > 0 ? px : 3)) }),
      setMomentumRange: (momentumRange) => set({ momentumRange: momentumRange === 'file' ? 'file' : 'event' }),
      setPalette: (palette) => set({ palette: PALETTE_IDS.includes(palette) ? palette : 'standard' }),
      hover: (hovered) => set({ hovered }),
      pick: (picked) => set({ picked }),
    }),
    {
      name: 'na62-event-display',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => ({ colourBy: s.colourBy, hidden: s.hidden, pMin: s.pMin, tWindow: s.tWindow, trackWidth: s.trackWidth, momentumRange: s.momentumRange, palette: s.palette }),
    },
  ),
);

export const isVisible = (hidden: Partial<Record<CollectionId, boolean>>, c: CollectionId): boolean => !hidden[c];
