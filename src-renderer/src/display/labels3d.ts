/**
 * Which element labels the 3D view shows: the main stations (so the picture reads as NA62 at a
 * glance) and the elements the event's tracks cross. Forty labels on a perspective view of 270 m
 * of beam line are a cloud of names; these are the ones a physicist points at on a slide.
 */
import type * as THREE from 'three';
import type { DetectorElement, Hole } from '../../../src-shared/geometry/types';
import type { DetectorModel } from '../geometry/detector-model';
import { isShownByDefault } from './shown';

/** Always labelled in 3D when shown: the vessel, the spectrometer's ends and magnet, RICH, LKr, MUV3. */
export const MAIN_3D_LABELS: readonly string[] = ['vessel', 'straw1', 'mnp33', 'straw4', 'rich', 'lkr', 'muv3'];

const inHole = (h: Hole | undefined, x: number, y: number): boolean => {
  if (!h) return false;
  const dx = x - (h.x ?? 0), dy = y - (h.y ?? 0);
  return h.kind === 'circle' ? Math.hypot(dx, dy) < h.r : Math.abs(dx) < h.halfX && Math.abs(dy) < h.halfY;
};

/** Does (x, y) (mm) at an element's z lie in its material rather than in its beam hole, ring bore or magnet gap? */
export function inMaterial(el: DetectorElement, x: number, y: number): boolean {
  const s = el.shape;
  switch (s.kind) {
    case 'lav': return Math.hypot(x, y) >= s.rInner;
    case 'magnet': return !(Math.abs(x) < s.apertureHalfX && Math.abs(y) < s.apertureHalfY);
    case 'box': case 'disc': case 'octagon': return !inHole(s.hole, x, y);
    default: return true;
  }
}

/** Elements (ids) a track's polyline (NA62 mm) passes through: in the element's material at its mid z. */
export function crossedElements(model: DetectorModel, trackLines: readonly (readonly THREE.Vector3[])[]): Set<string> {
  const out = new Set<string>();
  for (const { element, geometry } of model.elements) {
    const kind = element.shape.kind;
    if (kind === 'axis' || kind === 'marker' || kind === 'tube') continue;
    const zc = (element.z0 + element.z1) / 2, b = geometry.box;
    for (const line of trackLines) {
      let hit = false;
      for (let i = 1; i < line.length && !hit; i++) {
        const a = line[i - 1]!, c = line[i]!;
        if ((a.z - zc) * (c.z - zc) > 0 || a.z === c.z) continue;
        const t = (zc - a.z) / (c.z - a.z);
        const x = a.x + (c.x - a.x) * t, y = a.y + (c.y - a.y) * t;
        hit = x >= b.min.x && x <= b.max.x && y >= b.min.y && y <= b.max.y && inMaterial(element, x, y);
      }
      if (hit) { out.add(element.id); break; }
    }
  }
  return out;
}

const cache = new WeakMap<object, { shown: object; result: Record<string, boolean> }>();
const NO_EVENT = {};

/**
 * The `shown` map the 3D view's label placement takes: every element not labelled is marked
 * hidden (for the labels only; the detector drawn is not affected).
 */
export function labelled3d(model: DetectorModel, shown: Readonly<Record<string, boolean>>, trackLines: readonly (readonly THREE.Vector3[])[] | undefined): Record<string, boolean> {
  const key = trackLines ?? NO_EVENT;
  const hit = cache.get(key);
  if (hit && hit.shown === shown) return hit.result;
  const keep = new Set([...MAIN_3D_LABELS, ...(trackLines ? crossedElements(model, trackLines) : [])]);
  const result: Record<string, boolean> = {};
  for (const { element } of model.elements) result[element.id] = keep.has(element.id) && isShownByDefault(shown, element.id, element.visibleByDefault);
  cache.set(key, { shown, result });
  return result;
}
