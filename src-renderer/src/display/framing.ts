/**
 * What a view frames: the visible detector, one element, a beam's-eye station slab, or the event.
 * One place for the event box → display box conversion, used by the live cameras and every
 * picture panel.
 */
import * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import { isShownByDefault } from './shown';
import { framePose, type ViewPose } from './poses';
import { EVENT_FIT_TARGET, type ViewMode, type Viewport } from './types';
import { asScale, viewScale, type Scaling } from './display-scale';

/** fitTarget that frames the CDA_TAX construction (the TAX to the vertex) */
export const CONSTRUCTION_FIT_TARGET = '__construction__';

export const FOV_DEG = 40;
/** margin kept around a beam's-eye station slab, in mm of detector */
const SLAB_MARGIN_MM = 60;
/** margin around the event's box when fitting to it, display units */
const EVENT_MARGIN = 100;

/** Visible elements' union box in display coordinates. */
export function visibleBox(model: DetectorModel, shown: Readonly<Record<string, boolean>>, k: Scaling, skipAxis = true): THREE.Box3 {
  const box = new THREE.Box3();
  for (const e of model.elements) {
    if (skipAxis && e.element.shape.kind === 'axis') continue;
    if (!isShownByDefault(shown, e.element.id, e.element.visibleByDefault)) continue;
    box.union(displayBox(e, k));
  }
  const d = asScale(k);
  if (box.isEmpty()) box.set(new THREE.Vector3(-1000 * d.mx, -1000 * d.my, 0), new THREE.Vector3(1000 * d.mx, 1000 * d.my, 270000 / d.k));
  return box;
}

/** The beam's-eye view's slab of display z around a station, and the station's box. */
export function beamSlab(model: DetectorModel, stationId: string, k: number): { z0: number; z1: number; box: THREE.Box3 } {
  const st = model.byId.get(stationId) ?? model.byId.get('straw1')!;
  const b = displayBox(st, k);
  // a station of several planes (CHOD's V and H planes, G§15) shows all of them
  const el = st.element, depth = el.z1 - el.z0, copies = el.copiesZ0 ?? [el.z0];
  const zLo = Math.min(el.z0, ...copies), zHi = Math.max(el.z1, ...copies.map((z) => z + depth));
  const z0 = (zLo - SLAB_MARGIN_MM) / k, z1 = (zHi + SLAB_MARGIN_MM) / k;
  return { z0, z1, box: b };
}

/** The event's box (NA62 mm) in display coordinates with a margin; undefined for an empty box. */
export function eventDisplayBox(box: THREE.Box3 | undefined, k: Scaling, margin = EVENT_MARGIN): THREE.Box3 | undefined {
  if (!box || box.isEmpty()) return undefined;
  const d = asScale(k);
  return new THREE.Box3(new THREE.Vector3(box.min.x * d.mx, box.min.y * d.my, box.min.z / d.k), new THREE.Vector3(box.max.x * d.mx, box.max.y * d.my, box.max.z / d.k)).expandByScalar(margin);
}

export interface FrameRequest {
  readonly mode: ViewMode;
  readonly station: string;
  readonly compression: number;
  readonly shown: Readonly<Record<string, boolean>>;
  /** element id, EVENT_FIT_TARGET, or undefined (the visible detector) */
  readonly target: string | undefined;
  /** the event's box, NA62 mm (for EVENT_FIT_TARGET) */
  readonly eventBox: THREE.Box3 | undefined;
  /** the transverse magnification of the 2D views (default 1) */
  readonly magnification?: number;
  /** the CDA_TAX construction's box, NA62 mm (for CONSTRUCTION_FIT_TARGET) */
  readonly constructionBox?: THREE.Box3 | undefined;
}

/** The box a view frames and, in the beam's eye, its slab. */
export function frameBox(model: DetectorModel, r: FrameRequest): { box: THREE.Box3; slab?: { z0: number; z1: number; box: THREE.Box3 } } {
  const k = r.compression;
  if (r.mode === 'beam') { const slab = beamSlab(model, r.station, k); return { box: slab.box, slab }; }
  const sc = viewScale(r.mode, k, r.magnification);
  // the construction is framed tightly: its box already carries the preset's margins
  const con = r.target === CONSTRUCTION_FIT_TARGET ? eventDisplayBox(r.constructionBox, sc, 0) : undefined;
  if (con) return { box: con };
  const ev = r.target === EVENT_FIT_TARGET || r.target === CONSTRUCTION_FIT_TARGET ? eventDisplayBox(r.eventBox, sc) : undefined;
  if (ev) return { box: ev };
  const el = r.target && r.target !== EVENT_FIT_TARGET ? model.byId.get(r.target) : undefined;
  // a thin element (a plane of 20 mm) gets some depth so the view does not zoom into it
  if (el) return { box: displayBox(el, sc).expandByScalar(el.element.z1 - el.element.z0 < 50 ? 20 : 0) };
  return { box: visibleBox(model, r.shown, sc) };
}

/** The pose that frames a request in a viewport. */
export function fitPose(model: DetectorModel, r: FrameRequest, viewport: Viewport): ViewPose {
  const { box, slab } = frameBox(model, r);
  return framePose(r.mode, box, viewport, FOV_DEG, slab);
}
