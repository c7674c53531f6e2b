/** 2D outlines (three.js Shapes) of detector cross-sections, in mm of the NA62 x–y plane. */
import * as THREE from 'three';
import type { Hole } from '../../../src-shared/geometry/types';

/** Segments for a circle of radius r: enough that a 2 m ring looks round, few for small ones. */
export const circleSegments = (r: number): number => Math.min(128, Math.max(24, Math.round(Math.sqrt(r) * 3)));

export function circlePath(path: THREE.Path, x: number, y: number, r: number, clockwise: boolean): void {
  const n = circleSegments(r);
  for (let i = 0; i <= n; i++) {
    const a = (clockwise ? -1 : 1) * (2 * Math.PI * i) / n;
    const px = x + r * Math.cos(a), py = y + r * Math.sin(a);
    if (i === 0) path.moveTo(px, py);
    else path.lineTo(px, py);
  }
}

export function rectPath(path: THREE.Path, x0: number, y0: number, x1: number, y1: number, clockwise: boolean): void {
  const pts: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  if (clockwise) pts.reverse();
  path.moveTo(pts[0]![0], pts[0]![1]);
  for (let i = 1; i < 4; i++) path.lineTo(pts[i]![0], pts[i]![1]);
  path.lineTo(pts[0]![0], pts[0]![1]);
}

export function octagonPath(path: THREE.Path, apothem: number, clockwise: boolean): void {
  const r = apothem / Math.cos(Math.PI / 8);
  for (let i = 0; i <= 8; i++) {
    const a = (clockwise ? -1 : 1) * (Math.PI / 8 + (i * Math.PI) / 4);
    const px = r * Math.cos(a), py = r * Math.sin(a);
    if (i === 0) path.moveTo(px, py);
    else path.lineTo(px, py);
  }
}

export function holePath(hole: Hole): THREE.Path {
  const p = new THREE.Path();
  if (hole.kind === 'circle') circlePath(p, hole.x ?? 0, hole.y ?? 0, hole.r, true);
  else rectPath(p, (hole.x ?? 0) - hole.halfX, (hole.y ?? 0) - hole.halfY, (hole.x ?? 0) + hole.halfX, (hole.y ?? 0) + hole.halfY, true);
  return p;
}

/** A solid between z0 and z1 with the given outline (extruded along +z). */
export function extrude(shape: THREE.Shape, z0: number, z1: number): THREE.BufferGeometry {
  const g = new THREE.ExtrudeGeometry(shape, { depth: Math.max(z1 - z0, 1e-3), bevelEnabled: false, curveSegments: 1, steps: 1 });
  g.translate(0, 0, z0);
  return g;
}
