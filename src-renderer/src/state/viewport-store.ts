/**
 * One view panel's own state (issue 17: several live views at once). Each view owns its view mode,
 * beam's-eye station, camera pose and fit requests; everything else (compression, shown elements,
 * labels, theme, the event, picking and highlight) stays in the window's shared stores, so stepping
 * or a compression change reaches every view at once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EVENT_FIT_TARGET, type ViewMode } from '../display/types';
import type { CameraPose } from './view-store';

/** What a view keeps across layouts and sessions (the workspace file names it per view id). */
export interface ViewPose {
  readonly mode: ViewMode;
  readonly beamStation: string;
  readonly camera?: CameraPose | undefined;
}

export interface ViewportState {
  readonly id: string;
  mode: ViewMode;
  /** element id the beam's-eye view looks at */
  beamStation: string;
  /** incremented to ask the camera to frame the visible detector (or `fitTarget`) */
  fitRequest: number;
  /** element to frame on the next fit request; undefined frames everything visible */
  fitTarget: string | undefined;
  /** the camera as the user left it (reported by the camera rig after each move) */
  camera: CameraPose | undefined;
  /** a saved camera to take instead of the next fit (a restored session or workspace) */
  pendingCamera: CameraPose | undefined;
  /** the panel is on screen (a hidden tab does not draw) */
  visible: boolean;
  /** where the user last picked an object in this view (canvas CSS px): the floating card sits there */
  pickPoint: { x: number; y: number } | undefined;

  setMode(mode: ViewMode): void;
  setBeamStation(id: string): void;
  requestFit(): void;
  frameElement(id: string): void;
  frameEvent(): void;
}

export type ViewportStore = StoreApi<ViewportState>;

export function createViewportStore(id: string, init: ViewPose): ViewportStore {
  return createStore<ViewportState>()((set) => ({
    id,
    mode: init.mode,
    beamStation: init.beamStation,
    fitRequest: 0,
    fitTarget: undefined,
    camera: undefined,
    // a saved pose is taken instead of the first fit (only where it was a pose of this view mode)
    pendingCamera: init.camera,
    visible: true,
    pickPoint: undefined,
    // each of these moves the camera: the pick card's point on screen no longer shows the picked
    // object, so the card folds away (the pick stays, in the Event & element panel)
    setMode: (mode) => set((s) => ({ mode, fitRequest: s.fitRequest + 1, fitTarget: undefined, pickPoint: undefined })),
    setBeamStation: (beamStation) => set((s) => ({ beamStation, fitRequest: s.mode === 'beam' ? s.fitRequest + 1 : s.fitRequest, pickPoint: undefined })),
    requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget: undefined, pickPoint: undefined })),
    frameElement: (fitTarget) => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget, pickPoint: undefined })),
    frameEvent: () => set((s) => ({ fitRequest: s.fitRequest + 1, fitTarget: EVENT_FIT_TARGET, pickPoint: undefined })),
  }));
}

/** The part of a view's state a workspace keeps. */
export function poseOfView(s: ViewportState): ViewPose {
  return { mode: s.mode, beamStation: s.beamStation, ...(s.camera ? { camera: s.camera } : {}) };
}
