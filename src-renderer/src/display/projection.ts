/** NA62 millimetres → view pixels under a camera and the longitudinal compression. */
import * as THREE from 'three';
import type { Viewport } from './types';
import { asScale, type Scaling } from './display-scale';

export interface ScreenPoint { readonly x: number; readonly y: number }
/** NA62 mm → viewport CSS px (y down), or undefined when behind the camera */
export type ScreenProjector = (p: { x: number; y: number; z: number }) => ScreenPoint | undefined;

/** NA62 mm → display coordinates: z divided by the compression (and the transverse axis magnified). */
export const toDisplay = (p: { x: number; y: number; z: number }, k: Scaling): THREE.Vector3 => { const d = asScale(k); return new THREE.Vector3(p.x * d.mx, p.y * d.my, p.z / d.k); };

export function makeProjector(camera: THREE.Camera, size: Viewport, k: Scaling): ScreenProjector {
  const v = new THREE.Vector3();
  const d = asScale(k);
  return (p) => {
    v.set(p.x * d.mx, p.y * d.my, p.z / d.k).project(camera);
    if (v.z > 1 || v.z < -1) return undefined;
    return { x: ((v.x + 1) / 2) * size.width, y: ((1 - v.y) / 2) * size.height };
  };
}

const corners = (b: THREE.Box3): THREE.Vector3[] => {
  const out: THREE.Vector3[] = [];
  for (let i = 0; i < 8; i++) out.push(new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z));
  return out;
};

/** Projected screen box (CSS px, y down) of a display-space box, or undefined when behind the camera. */
export function screenBox(b: THREE.Box3, camera: THREE.Camera, size: Viewport) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const c of corners(b)) {
    const v = c.project(camera);
    if (v.z > 1 || v.z < -1) continue;
    const x = (v.x + 1) * 0.5 * size.width, y = (1 - v.y) * 0.5 * size.height;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return Number.isFinite(minX) ? { minX, maxX, minY, maxY } : undefined;
}

/**
 * Pixels per display unit at world point `at`, in a viewport `viewportHeightPx` high (device pixels
 * for a draw, CSS pixels for the overlays), orthographic or perspective. A camera drawing one tile of
 * a larger picture (setViewOffset) shows a part of its frustum in the viewport: the density is the
 * whole picture's.
 */
export function pxPerUnitAt(camera: THREE.Camera, viewportHeightPx: number, at: THREE.Vector3): number {
  const tile = camera instanceof THREE.OrthographicCamera || camera instanceof THREE.PerspectiveCamera ? camera.view : null;
  const h = viewportHeightPx * (tile?.enabled && tile.height > 0 ? tile.fullHeight / tile.height : 1);
  if (camera instanceof THREE.OrthographicCamera) return (h * camera.zoom) / (camera.top - camera.bottom);
  if (camera instanceof THREE.PerspectiveCamera) {
    const d = camera.getWorldPosition(camPos).distanceTo(at);
    return d > 0 ? (h * camera.zoom) / (2 * d * Math.tan(THREE.MathUtils.degToRad(camera.fov) / 2)) : Infinity;
  }
  return Infinity;
}
const camPos = new THREE.Vector3();
