/**
 * One z range for the 2D panels of a figure (issue 18): a side and a top panel of the same event
 * that show different stretches of the beam line make the reader match them by eye. The panel the
 * figure is framed from (the one copied from the screen, else the first side or top panel) gives its
 * z centre and z span to every other side or top panel; each keeps its own transverse centre.
 * Both views look across z with z to the right on screen, so this moves each camera along z and
 * sets its zoom; depth (along x or y) and clipping are unchanged.
 */
import * as THREE from 'three';
import type { ViewMode } from '../display/types';

export interface FramedPanel {
  readonly mode: ViewMode;
  readonly camera: THREE.Camera;
  readonly layout: { readonly width: number; readonly height: number };
  readonly target: THREE.Vector3;
}

const acrossZ = (p: FramedPanel): p is FramedPanel & { camera: THREE.OrthographicCamera } =>
  (p.mode === 'side' || p.mode === 'top') && p.camera instanceof THREE.OrthographicCamera;

/** The z range (display units) a side or top panel shows across its width. */
export function zRangeOf(p: FramedPanel & { camera: THREE.OrthographicCamera }): { z0: number; z1: number } {
  const half = p.layout.width / 2 / p.camera.zoom;
  return { z0: p.camera.position.z - half, z1: p.camera.position.z + half };
}

/** Give every side and top panel the z range of `reference` (or of the first of them); returns that range. */
export function shareZRange(panels: readonly FramedPanel[], reference?: FramedPanel): { z0: number; z1: number } | undefined {
  const across = panels.filter(acrossZ);
  const ref = reference && acrossZ(reference) ? reference : across[0];
  if (!ref || across.length < 2) return undefined;
  const range = zRangeOf(ref);
  const centre = (range.z0 + range.z1) / 2, span = range.z1 - range.z0;
  for (const p of across) {
    if (p === ref) continue;
    const dz = centre - p.camera.position.z;
    p.camera.position.z += dz;
    p.target.z += dz;
    p.camera.zoom = p.layout.width / span;
    p.camera.updateProjectionMatrix();
    p.camera.updateMatrixWorld();
  }
  return range;
}
