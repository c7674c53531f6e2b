/** How the event is drawn: colouring, which collections, simple cuts, and what is hovered or picked. Persisted (not the picks). */
import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';

export type ColourBy = 'charge' | 'momentum' | 'hypothesis' | 'vertex';
export const COLOUR_MODES: readonly ColourBy[] = ['charge', 'momentum', 'hypothesis', 'vertex'];

export const COLLECTIONS = ['tracks', 'straws', 'lkr', 'muv3', 'newchod', 'lav', 'anti0', 'kaon', 'vertex', 'tax'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export const COLLECTION_LABELS: Record<Collection, string> = {
  tracks: 'STRAW tracks', straws: 'fired straws', lkr: 'LKr clusters', muv3: 'MUV3 tiles', newchod: 'NewCHOD hits', lav: 'LAV hits',
  anti0: 'ANTI0 hits', kaon: 'beam K+ (GTK)', vertex: 'vertex', tax: 'CDA_TAX construction',
};

/** An object of the event the user points at: kind and its index in the event's collection. */
export interface PickRef { readonly kind: 'track' | 'lkr' | 'muv3' | 'newchod'; readonly index: number }

export interface EventDisplayState {
  colourBy: ColourBy;
  hidden: Partial<Record<Collection, boolean>>;
  /** hide tracks below this momentum, MeV/c */
  pMin: number;
  /** hide hits and clusters outside |t| < tWindow (ns); 0 = no cut */
  tWindow: number;
  /** line width of tracks on screen, CSS px (exports scale it) */
  trackWidth: number;
  hovered: PickRef | undefined;
  picked: PickRef | undefined;
}

export const useEventDisplayStore = create<EventDisplayState>()(
  persist(
    (): EventDisplayState => ({ colourBy: 'charge', hidden: {}, pMin: 0, tWindow: 0, trackWidth: 3, hovered: undefined, picked: undefined }),
    {
      name: 'na62-event-display',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ colourBy: s.colourBy, hidden: s.hidden, pMin: s.pMin, tWindow: s.tWindow, trackWidth: s.trackWidth }),
    },
  ),
);

export const isVisible = (hidden: Partial<Record<Collection, boolean>>, c: Collection): boolean => !hidden[c];
