/**
 * View state shared by every view of the window: how compressed, what is visible, labels, theme.
 * Each view panel owns its mode, station, camera and fit requests (state/viewport-store.ts);
 * `mode`, `beamStation` and `camera` here mirror the ACTIVE view, and the view actions below are
 * routed to it by the window's view registry (views/view-registry.ts).
 */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage, type StateStorage } from 'zustand/middleware';
import { clampCompression, DEFAULT_COMPRESSION, stepCompression } from '../views/compression';
import { clampMagnification, DEFAULT_MAGNIFICATION } from '../views/magnification';
import { isShownByDefault } from '../display/shown';
import { EVENT_FIT_TARGET, type ViewMode, type Theme } from '../display/types';
import { ANTIALIAS_SETTINGS, type AntialiasSetting } from '../views/antialias';

export { EVENT_FIT_TARGET, type ViewMode, type Theme };
export type ExportScale = 1 | 2 | 3 | 4;

/** Where the camera is, in display coordinates (z already compressed), for the session. */
export interface CameraPose {
  readonly mode: ViewMode;
  readonly position: [number, number, number];
  readonly target: [number, number, number];
  readonly up: [number, number, number];
  readonly zoom: number;
}

export interface ViewState {
  mode: ViewMode;
  compression: number;
  /** transverse magnification of the 2D views (y in the side view, x in the top view); 1 = off */
  magnification: number;
  /** the CDA_TAX inset at Z_TAX in the 2D views (dump-mode events) */
  taxInset: boolean;
  /** element id → shown; ids missing here fall back to the element's default */
  shown: Record<string, boolean>;
  labels: boolean;
  theme: Theme;
  /** element id the beam's-eye view looks at */
  beamStation: string;
  exportScale: ExportScale;
  /** multisampling of the live views: auto = off where WebGL runs in software (views/antialias.ts) */
  antialias: AntialiasSetting;
  helpOpen: boolean;
  /** element whose facts are shown in the info panel */
  inspected: string | undefined;
  /** the active view's camera as the user left it (a mirror of that view's own) */
  camera: CameraPose | undefined;

  setMode(mode: ViewMode): void;
  setCompression(k: number): void;
  stepCompression(direction: 1 | -1): void;
  setMagnification(m: number): void;
  setTaxInset(on: boolean): void;
  setShown(ids: readonly string[], shown: boolean): void;
  toggleLabels(): void;
  toggleTheme(): void;
  setBeamStation(id: string): void;
  setExportScale(s: ExportScale): void;
  /** auto → on → off → auto */
  cycleAntialias(): void;
  setHelpOpen(open: boolean): void;
  inspect(id: string | undefined): void;
  /** frame the visible detector in the active view */
  requestFit(): void;
  frameElement(id: string): void;
  /** frame the current event's objects */
  frameEvent(): void;
}

/** Where the persisted settings live (localStorage in the app; a test passes its own). */
export type StorageOf = () => StateStorage;

/** One window's view store; its settings persist under 'na62-view' (the CLI and the e2e tests seed that key). */
export const createViewStore = (storage: StorageOf = () => localStorage) => createStore<ViewState>()(
  persist(
    (set) => ({
      mode: 'side',
      compression: DEFAULT_COMPRESSION,
      magnification: DEFAULT_MAGNIFICATION,
      taxInset: true,
      shown: {},
      labels: true,
      theme: 'dark',
      beamStation: 'straw1',
      exportScale: 2,
      antialias: 'auto',
      helpOpen: false,
      inspected: undefined,
      camera: undefined,

      // without a view registry (a test, no view mounted) only the default of the next view changes
      setMode: (mode) => set({ mode }),
      setCompression: (k) => set({ compression: clampCompression(k) }),
      stepCompression: (d) => set((s) => ({ compression: stepCompression(s.compression, d) })),
      setMagnification: (m) => set({ magnification: clampMagnification(m) }),
      setTaxInset: (taxInset) => set({ taxInset }),
      setShown: (ids, shown) => set((s) => ({ shown: { ...s.shown, ...Object.fromEntries(ids.map((id) => [id, shown])) } })),
      toggleLabels: () => set((s) => ({ labels: !s.labels })),
      toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
      setBeamStation: (id) => set({ beamStation: id }),
      setExportScale: (exportScale) => set({ exportScale }),
      cycleAntialias: () => set((s) => ({ antialias: ANTIALIAS_SETTINGS[(ANTIALIAS_SETTINGS.indexOf(s.antialias) + 1) % ANTIALIAS_SETTINGS.length]! })),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      inspect: (inspected) => set({ inspected }),
      requestFit: () => {},
      frameElement: () => {},
      frameEvent: () => {},
    }),
    {
      name: 'na62-view',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => ({ mode: s.mode, compression: s.compression, magnification: s.magnification, taxInset: s.taxInset, shown: s.shown, labels: s.labels, theme: s.theme, beamStation: s.beamStation, exportScale: s.exportScale, antialias: s.antialias }),
    },
  ),
);

/** Is an element shown, given the stored toggles and its default? */
export const isShown = isShownByDefault;
