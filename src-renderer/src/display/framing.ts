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
  /** the event's track lines, NA62 mm (the beam's eye frames where they cross its station) */
  readonly trackLines?: readonly (readonly THREE.Vector3[])[] | undefined;
}

/** Half-size (mm) of the smallest beam's-eye frame around crossings: a station's fine structure stays readable around one point. */
const CROSSING_MIN_HALF_MM = 150;

/** Where the track lines cross the plane z = zc (NA62 mm), in x and y; `track` is the line's index. */
export function crossingPoints(lines: readonly (readonly THREE.Vector3[])[], zc: number): { track: number; x: number; y: number }[] {
  const out: { track: number; x: number; y: number }[] = [];
  for (const [track, line] of lines.entries()) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!, b = line[i]!;
      if ((a.z - zc) * (b.z - zc) > 0 || a.z === b.z) continue;
      const t = (zc - a.z) / (b.z - a.z);
      out.push({ track, x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      break;
    }
  }
  return out;
}

/**
 * The beam's eye framed on an event: the box around where its tracks cross the station (40 % margin,
 * at least ±150 mm), kept within the station; the whole station when no track crosses it.
 */
export function crossingBox(station: THREE.Box3, points: readonly { x: number; y: number }[]): THREE.Box3 {
  if (!points.length) return station.clone();
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const half = Math.max(CROSSING_MIN_HALF_MM, 0.7 * (Math.max(...xs) - Math.min(...xs)), 0.7 * (Math.max(...ys) - Math.min(...ys)));
  const box = new THREE.Box3(new THREE.Vector3(cx - half, cy - half, station.min.z), new THREE.Vector3(cx + half, cy + half, station.max.z));
  const clipped = box.clone().intersect(station);
  return clipped.isEmpty() ? station.clone() : clipped;
}

/** The box a view frames and, in the beam's eye, its slab. */
export function frameBox(model: DetectorModel, r: FrameRequest): { box: THREE.Box3; slab?: { z0: number; z1: number; box: THREE.Box3 }; points?: THREE.Vector3[] } {
  const k = r.compression;
  if (r.mode === 'beam') {
    const slab = beamSlab(model, r.station, k);
    if (r.target !== EVENT_FIT_TARGET || !r.trackLines?.length) return { box: slab.box, slab };
    // on an event: where its tracks cross the station (the beam's eye is never magnified or compressed across)
    const el = model.byId.get(r.station)?.element;
    const zc = el ? (el.z0 + el.z1) / 2 : (slab.z0 + slab.z1) / 2 * k;
    return { box: crossingBox(slab.box, crossingPoints(r.trackLines, zc)), slab };
  }
  const sc = viewScale(r.mode, k, r.magnification);
  // the construction is framed tightly: its box already carries the preset's margins
  const con = r.target === CONSTRUCTION_FIT_TARGET ? eventDisplayBox(r.constructionBox, sc, 0) : undefined;
  if (con) return { box: con };
  const ev = r.target === EVENT_FIT_TARGET || r.target === CONSTRUCTION_FIT_TARGET ? eventDisplayBox(r.eventBox, sc) : undefined;
  if (ev) return { box: ev };
  const el = r.target && r.target !== EVENT_FIT_TARGET ? model.byId.get(r.target) : undefined;
  // a thin element (a plane of 20 mm) gets some depth so the view does not zoom into it
  if (el) return { box: displayBox(el, sc).expandByScalar(el.element.z1 - el.element.z0 < 50 ? 20 : 0) };
  if (r.mode === '3d') return { box: detectorBox3d(model, r.shown, k), points: outlinePoints3d(model, r.shown, k) };
  return { box: visibleBox(model, r.shown, sc) };
}

/** The pose that frames a request in a viewport (the 3D camera stays outside the detector around it). */
export function fitPose(model: DetectorModel, r: FrameRequest, viewport: Viewport): ViewPose {
  const { box, slab, points } = frameBox(model, r);
  return framePose(r.mode, box, viewport, FOV_DEG, slab, r.mode === '3d' ? outsideRadius(model, r.shown, box, r.compression) : 0, points);
}

/**
 * Where the 3D view's picture of the detector starts: GTK3, the upstream end of the decay vessel
 * (102.4 m, G§9 [RICHP]). The default 3D view shows the vessel and everything downstream; the beam
 * line upstream (T10, TAX, KTAG: 150 m of mostly empty pipe at 1:1) is reached by "fit to event"
 * when the event is there, or by orbiting.
 */
export const DETECTOR_3D_FROM_MM = 102400;

/** The visible detector from the decay vessel on, display coordinates (all of it if none is there). */
export function detectorBox3d(model: DetectorModel, shown: Readonly<Record<string, boolean>>, k: number): THREE.Box3 {
  const box = new THREE.Box3();
  for (const e of model.elements) {
    const el = e.element;
    // the beam line's far end (the dump at 265 m) would only add empty pipe to the picture
    if (el.shape.kind === 'axis' || el.group === 'beam line' || el.z1 < DETECTOR_3D_FROM_MM || !isShownByDefault(shown, el.id, el.visibleByDefault)) continue;
    const b = displayBox(e, k);
    b.min.z = Math.max(b.min.z, DETECTOR_3D_FROM_MM / k);
    box.union(b);
  }
  return box.isEmpty() ? visibleBox(model, shown, k) : box;
}

/** Round elements (discs, rings, tubes, octagons, straw chambers) as circles; the rest as their box. */
const ROUND = new Set(['disc', 'lav', 'tube', 'octagon', 'straw']);

/**
 * Points (display coordinates) outlining the 3D view's detector: each round element as two circles
 * at its faces, the others as their box corners. Framing these, not the union box's corners, keeps
 * the picture from being a small detector in a frame sized for the corners of a bounding box.
 */
export function outlinePoints3d(model: DetectorModel, shown: Readonly<Record<string, boolean>>, k: number): THREE.Vector3[] {
  const out: THREE.Vector3[] = [];
  for (const e of model.elements) {
    const el = e.element;
    if (el.shape.kind === 'axis' || el.group === 'beam line' || el.z1 < DETECTOR_3D_FROM_MM || !isShownByDefault(shown, el.id, el.visibleByDefault)) continue;
    const b = displayBox(e, k);
    const z0 = Math.max(b.min.z, DETECTOR_3D_FROM_MM / k), z1 = b.max.z;
    if (ROUND.has(el.shape.kind)) {
      const cx = (b.min.x + b.max.x) / 2, cy = (b.min.y + b.max.y) / 2, r = Math.max(b.max.x - b.min.x, b.max.y - b.min.y) / 2;
      for (let i = 0; i < 16; i++) {
        const a = (2 * Math.PI * i) / 16;
        out.push(new THREE.Vector3(cx + r * Math.cos(a), cy + r * Math.sin(a), z0), new THREE.Vector3(cx + r * Math.cos(a), cy + r * Math.sin(a), z1));
      }
    } else {
      for (let i = 0; i < 8; i++) out.push(new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? z1 : z0));
    }
  }
  return out;
}

/** 10 % more than the largest transverse extent of the visible material along `box`'s z range: the 3D camera keeps outside it. */
export function outsideRadius(model: DetectorModel, shown: Readonly<Record<string, boolean>>, box: THREE.Box3, k: number): number {
  let r = 0;
  for (const e of model.elements) {
    const el = e.element;
    if (el.shape.kind === 'axis' || el.shape.kind === 'marker' || !isShownByDefault(shown, el.id, el.visibleByDefault)) continue;
    if (el.z1 / k < box.min.z || el.z0 / k > box.max.z) continue;
    const b = e.geometry.box;
    r = Math.max(r, Math.hypot(Math.max(-b.min.x, b.max.x), Math.max(-b.min.y, b.max.y)));
  }
  return r * 1.1;
}
