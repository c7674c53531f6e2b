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
    case '3d': return { dir: new THREE.Vector3(0.72, -0.42, 0.55).normalize(), up: new THREE.Vector3(0, 1, 0) };
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
 * For the 3D view `outsideR` is the transverse distance from the beam axis the camera keeps (the
 * detector's radius there), so it always looks at the event from outside the material; `points`
 * (display coordinates), when given, are what must be in the picture instead of the box's corners.
 */
export function framePose(mode: ViewMode, box: THREE.Box3, viewport: Viewport, fovDeg = 40, slab?: { z0: number; z1: number }, outsideR = 0, points?: readonly THREE.Vector3[]): ViewPose {
  const centre = box.getCenter(new THREE.Vector3());
  const size = box.getSize(new THREE.Vector3());
  const { dir, up } = viewDirection(mode);
  const radius = Math.max(size.length() / 2, 1);
  const ext = screenExtents(mode, size);
  const zoom = Math.min(viewport.width / Math.max(ext.w, 1e-3), viewport.height / Math.max(ext.h, 1e-3)) * MARGIN;
  if (mode === '3d') return threeQuarterPose(box, viewport, fovDeg, outsideR, points);
  if (mode === 'beam' && slab) {
    const target = new THREE.Vector3(centre.x, centre.y, (slab.z0 + slab.z1) / 2);
    const back = 1000; // camera this far upstream of the slab (display units)
    const position = target.clone().setZ(slab.z0 - back);
    return { position, target, up, zoom, clip: { near: back, far: back + (slab.z1 - slab.z0) } };
  }
  const dist = radius + 1000;
  return { position: centre.clone().addScaledVector(dir, -dist), target: centre, up, zoom };
}

/**
 * A 2D view's pose framed on `box` (display coordinates), made to keep the box clear of an overlay
 * in the view's top-right corner (the legend; canvas px, y down): when the framed box reaches under
 * it, the box is framed again into the width left of it, so nothing of the event lies beneath. The
 * beam's eye and the 3D view are returned as they are.
 */
export function clearOfCorner(pose: ViewPose, mode: ViewMode, box: THREE.Box3, viewport: Viewport, corner: { x0: number; x1: number; y0: number; y1: number } | undefined): ViewPose {
  if (!corner || (mode !== 'side' && mode !== 'top') || box.isEmpty()) return pose;
  const { dir, up } = viewDirection(mode);
  const right = new THREE.Vector3().crossVectors(dir, up).normalize();
  const sx = (p: THREE.Vector3) => (p.dot(right) - pose.target.dot(right)) * pose.zoom + viewport.width / 2;
  const sy = (p: THREE.Vector3) => viewport.height / 2 - (p.dot(up) - pose.target.dot(up)) * pose.zoom;
  const corners = Array.from({ length: 8 }, (_, i) => new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z));
  const xs = corners.map(sx), ys = corners.map(sy);
  const u0 = Math.min(...xs), u1 = Math.max(...xs), v0 = Math.min(...ys), v1 = Math.max(...ys);
  if (u1 <= corner.x0 || u0 >= corner.x1 || v1 <= corner.y0 || v0 >= corner.y1) return pose;
  const free = corner.x0 - 8;
  if (free < viewport.width / 3) return pose; // no room worth the name: leave it as framed
  // the box's width on screen at zoom 1, framed into the free width as framePose frames into the whole
  const w = (u1 - u0) / pose.zoom;
  const zoom = Math.min(pose.zoom, (free / Math.max(w, 1e-3)) * MARGIN);
  // its middle at the middle of the free width
  const mid = corners.reduce((a, c) => a + c.dot(right), 0) / 8;
  const shift = (mid - pose.target.dot(right)) + (viewport.width / 2 - free / 2) / zoom;
  const d = right.clone().multiplyScalar(shift);
  return { ...pose, zoom, target: pose.target.clone().add(d), position: pose.position.clone().add(d) };
}

/** Fraction of the viewport the framed box may take in the 3D view. */
const MARGIN_3D = 0.9;

/**
 * The 3D view's three-quarter pose: from upstream, above and on the Salève side, at the distance
 * where every corner of `box` is inside the perspective frustum (a box, not its bounding sphere:
 * a long compressed detector fills the view instead of floating in it), and no nearer to the beam
 * axis than `outsideR` (display units = mm transversally): the camera never sits inside the vessel
 * or behind ANTI0 looking at the back of a disc.
 */
export function threeQuarterPose(box: THREE.Box3, viewport: Viewport, fovDeg: number, outsideR = 0, points?: readonly THREE.Vector3[]): ViewPose {
  const { dir, up } = viewDirection('3d');
  const right = new THREE.Vector3().crossVectors(dir, up).normalize();
  const camUp = new THREE.Vector3().crossVectors(right, dir).normalize();
  const pts = points?.length ? points : boxCorners(box);
  // centre what is framed on screen: the middle of its extent across and up the view, not the box's centre
  const centre = box.getCenter(new THREE.Vector3());
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  const c = new THREE.Vector3();
  for (const p of pts) {
    c.subVectors(p, centre);
    u0 = Math.min(u0, c.dot(right)); u1 = Math.max(u1, c.dot(right));
    v0 = Math.min(v0, c.dot(camUp)); v1 = Math.max(v1, c.dot(camUp));
  }
  centre.addScaledVector(right, (u0 + u1) / 2).addScaledVector(camUp, (v0 + v1) / 2);
  const tanV = Math.tan(THREE.MathUtils.degToRad(fovDeg) / 2) * MARGIN_3D;
  const tanH = tanV * (viewport.width / Math.max(viewport.height, 1));
  let dist = 1;
  for (const p of pts) {
    c.subVectors(p, centre);
    const t = c.dot(dir);
    dist = Math.max(dist, Math.abs(c.dot(right)) / tanH - t, Math.abs(c.dot(camUp)) / tanV - t);
  }
  dist = Math.max(dist, distanceOutside(centre, dir, outsideR));
  return { position: centre.clone().addScaledVector(dir, -dist), target: centre, up, zoom: 1 };
}

function boxCorners(b: THREE.Box3): THREE.Vector3[] {
  return Array.from({ length: 8 }, (_, i) => new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z));
}

/** Smallest d ≥ 0 with the point centre − d·dir at least `r` from the beam axis (x = y = 0). */
export function distanceOutside(centre: THREE.Vector3, dir: THREE.Vector3, r: number): number {
  if (r <= 0) return 0;
  const bb = dir.x * dir.x + dir.y * dir.y;
  if (bb < 1e-12) return 0;
  // |a − d b|² = r² with a = centre.xy, b = dir.xy: the larger root
  const ab = centre.x * dir.x + centre.y * dir.y, aa = centre.x * centre.x + centre.y * centre.y;
  const disc = ab * ab - bb * (aa - r * r);
  if (disc < 0) return 0;
  return Math.max(0, (ab + Math.sqrt(disc)) / bb);
}
