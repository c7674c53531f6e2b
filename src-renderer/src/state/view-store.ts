/** View state of the display: which view, how compressed, what is visible, theme. */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage, type StateStorage } from 'zustand/middleware';
import { clampCompression, DEFAULT_COMPRESSION, stepCompression } from '../views/compression';
import { clampMagnification, DEFAULT_MAGNIFICATION } from '../views/magnification';
import { isShownByDefault } from '../display/shown';
import { EVENT_FIT_TARGET, type ViewMode, type Theme } from '../display/types';

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
  helpOpen: boolean;
  /** element whose facts are shown in the info panel */
  inspected: string | undefined;
  /** incremented to ask the camera to frame the visible detector (or `fitTarget`) */
  fitRequest: number;
  /** element to frame on the next fit request; undefined frames everything visible */
  fitTarget: string | undefined;
  /** frame the detector again when the view's size next changes (a side panel opens or closes) */
  refitOnResize: boolean;
  /** the camera as the user left it (reported by the camera rig after each move) */
  camera: CameraPose | undefined;
  /** a saved camera to take instead of the next fit (a restored session) */
  pendingCamera: CameraPose | undefined;

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
  setHelpOpen(open: boolean): void;
  inspect(id: string | undefined): void;
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
      helpOpen: false,
      inspected: undefined,
      fitRequest: 0,
      fitTarget: undefined,
      refitOnResize: false,
      camera: undefined,
      pendingCamera: undefined,

      setMode: (mode) => set((s) => ({ mode, fitRequest: s.fitRequest + 1, fitTarget: undefined })),
      setCompression: (k) => set({ compression: clampCompression(k) }),
      stepCompression: (d) => set((s) => ({ compression: stepCompression(s.compression, d) })),
      setMagnification: (m) => set({ magnification: clampMagnification(m) }),
      setTaxInset: (taxInset) => set({ taxInset }),
      setShown: (ids, shown) => set((s) => ({ shown: { ...s.shown, ...Object.fromEntries(ids.map((id) => [id, shown])) } })),
      toggleLabels: () => set((s) => ({ labels: !s.labels })),
      toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
      setBeamStation: (id) => set((s) => ({ beamStation: id, fitRequest: s.mode === 'beam' ? s.fitRequest + 1 : s.fitRequest })),
      setExportScale: (exportScale) => set({ exportScale }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      inspect: (inspected) => set({ inspected }),
      requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget: undefined })),
      frameElement: (id) => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget: id })),
      frameEvent: () => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget: EVENT_FIT_TARGET })),
    }),
    {
      name: 'na62-view',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => ({ mode: s.mode, compression: s.compression, magnification: s.magnification, taxInset: s.taxInset, shown: s.shown, labels: s.labels, theme: s.theme, beamStation: s.beamStation, exportScale: s.exportScale }),
    },
  ),
);

/** Is an element shown, given the stored toggles and its default? */
export const isShown = isShownByDefault;
