/**
 * The 3D view's look of the passive detector: opacity per group and per element, x-ray, and the
 * two cut-aways (display/passive-look.ts draws them). Persisted under 'na62-scene3d' like the view
 * store; the live view and picture export both read it through the display snapshot.
 */
import { createStore } from 'zustand/vanilla';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { ElementGroup } from '../../../src-shared/geometry/types';
import { CUT_Z_RANGE_M, DEFAULT_LOOK, XRAY_MODES, type PassiveLook, type XRayMode } from '../display/passive-look';
import type { StorageOf } from './view-store';

export interface Scene3DState extends PassiveLook {
  setXRay(mode: XRayMode): void;
  /** off → translucent → outline → off (the command's toggle) */
  cycleXRay(): void;
  setGroupOpacity(group: ElementGroup, opacity: number): void;
  /** undefined: the element follows its group again */
  setElementOpacity(id: string, opacity: number | undefined): void;
  setCutZ(patch: Partial<PassiveLook['cutZ']>): void;
  setCutPhi(patch: Partial<PassiveLook['cutPhi']>): void;
  /** the command's toggle: both cut-aways on (at their last positions) or both off */
  toggleCutAway(): void;
  /** everything back to the detector as built */
  reset(): void;
}

const unit = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1);
const finite = (x: number | undefined, fallback: number) => (x !== undefined && Number.isFinite(x) ? x : fallback);

/** The look without the actions (what the display snapshot carries). */
export const lookOf = (s: PassiveLook): PassiveLook => ({ xray: s.xray, groupOpacity: s.groupOpacity, elementOpacity: s.elementOpacity, cutZ: s.cutZ, cutPhi: s.cutPhi });

export const createScene3DStore = (storage: StorageOf = () => localStorage) => createStore<Scene3DState>()(
  persist(
    (set): Scene3DState => ({
      ...DEFAULT_LOOK,
      setXRay: (xray) => set({ xray: XRAY_MODES.includes(xray) ? xray : 'off' }),
      cycleXRay: () => set((s) => ({ xray: XRAY_MODES[(XRAY_MODES.indexOf(s.xray) + 1) % XRAY_MODES.length]! })),
      setGroupOpacity: (group, opacity) => set((s) => ({ groupOpacity: { ...s.groupOpacity, [group]: unit(opacity) } })),
      setElementOpacity: (id, opacity) => set((s) => {
        const next = { ...s.elementOpacity };
        if (opacity === undefined) delete next[id]; else next[id] = unit(opacity);
        return { elementOpacity: next };
      }),
      setCutZ: (p) => set((s) => ({
        cutZ: {
          on: p.on ?? s.cutZ.on,
          zM: Math.min(CUT_Z_RANGE_M.max, Math.max(CUT_Z_RANGE_M.min, finite(p.zM, s.cutZ.zM))),
          keep: p.keep === 'upstream' || p.keep === 'downstream' ? p.keep : s.cutZ.keep,
        },
      })),
      setCutPhi: (p) => set((s) => ({
        cutPhi: {
          on: p.on ?? s.cutPhi.on,
          centreDeg: ((finite(p.centreDeg, s.cutPhi.centreDeg) % 360) + 360) % 360,
          widthDeg: Math.min(360, Math.max(0, finite(p.widthDeg, s.cutPhi.widthDeg))),
        },
      })),
      toggleCutAway: () => set((s) => {
        const on = !(s.cutZ.on || s.cutPhi.on);
        return { cutZ: { ...s.cutZ, on }, cutPhi: { ...s.cutPhi, on } };
      }),
      reset: () => set({ ...DEFAULT_LOOK }),
    }),
    {
      name: 'na62-scene3d',
      version: 1,
      storage: createJSONStorage(storage),
      partialize: (s) => lookOf(s),
    },
  ),
);
