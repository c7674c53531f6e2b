/**
 * Camera poses of the four views, framed on a box in display coordinates.
 * Orientation (all right-handed, no mirror images):
 *  side  — camera on the Salève side (−x) looking towards +x: z to the right, y up;
 *  top   — camera above looking down: z to the right, +x (Jura) up: the bending plane;
 *  beam  — camera upstream looking downstream: y up, Salève (−x) to the right;
 *  3d    — perspective, from upstream, above and on the Salève side.
 */
import * as THREE from 'three';
import type { ViewMode } from './types';

export interface Viewport { readonly width: number; readonly height: number }

export interface ViewPose {
  readonly position: THREE.Vector3;
  readonly target: THREE.Vector3;
  readonly up: THREE.Vector3;
  /** orthographic zoom = screen px per display unit (the ortho frustum is sized in CSS px) */
  readonly zoom: number;
  /** fixed clip planes (beam's-eye slab); otherwise the planes follow the scene each frame */
  readonly clip?: { readonly near: number; readonly far: number };
}

const MARGIN = 0.92;

export function viewDirection(mode: ViewMode): { dir: THREE.Vector3; up: THREE.Vector3 } {
  switch (mode) {
    case 'side': return { dir: new THREE.Vector3(1, 0, 0), up: new THREE.Vector3(0, 1, 0) };
    case 'top': return { dir: new THREE.Vector3(0, -1, 0), up: new THREE.Vector3(1, 0, 0) };
    case 'beam': return { dir: new THREE.Vector3(0, 0, 1), up: new THREE.Vector3(0, 1, 0) };
    case '3d': return { dir: new THREE.Vector3(0.55, -0.38, 0.74).normalize(), up: new THREE.Vector3(0, 1, 0) };
  }
}

/** Screen-horizontal and screen-vertical extents of a box seen along a view. */
function screenExtents(mode: ViewMode, size: THREE.Vector3): { w: number; h: number } {
  switch (mode) {
    case 'side': return { w: size.z, h: size.y };
    case 'top': return { w: size.z, h: size.x };
    case 'beam': return { w: size.x, h: size.y };
    case '3d': return { w: size.length(), h: size.length() };
  }
}

/**
 * Pose that frames `box` (display coordinates) in the viewport.
 * For the beam's-eye view `slab` gives the display-z range to keep; everything else is clipped.
 */
export function framePose(mode: ViewMode, box: THREE.Box3, viewport: Viewport, fovDeg = 40, slab?: { z0: number; z1: number }): ViewPose {
  const centre = box.getCenter(new THREE.Vector3());
  const size = box.getSize(new THREE.Vector3());
  const { dir, up } = viewDirection(mode);
  const radius = Math.max(size.length() / 2, 1);
  const ext = screenExtents(mode, size);
  const zoom = Math.min(viewport.width / Math.max(ext.w, 1e-3), viewport.height / Math.max(ext.h, 1e-3)) * MARGIN;
  if (mode === '3d') {
    const dist = radius / Math.sin(THREE.MathUtils.degToRad(fovDeg) / 2) * 0.6;
    return { position: centre.clone().addScaledVector(dir, -dist), target: centre, up, zoom: 1 };
  }
  if (mode === 'beam' && slab) {
    const target = new THREE.Vector3(centre.x, centre.y, (slab.z0 + slab.z1) / 2);
    const back = 1000; // camera this far upstream of the slab (display units)
    const position = target.clone().setZ(slab.z0 - back);
    return { position, target, up, zoom, clip: { near: back, far: back + (slab.z1 - slab.z0) } };
  }
  const dist = radius + 1000;
  return { position: centre.clone().addScaledVector(dir, -dist), target: centre, up, zoom };
}
