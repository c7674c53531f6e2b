/** The scale bars of a view (true lengths under the compression) and the note under them; screen and pictures share both. */
import * as THREE from 'three';
import { scaleBar, type ScaleBar } from './scale-bar';
import type { ViewMode, Viewport } from './types';

export interface ScaleBars {
  /** along the screen's horizontal axis */
  readonly horizontal?: ScaleBar & { readonly axis: string };
  /** along the screen's vertical axis */
  readonly vertical?: ScaleBar & { readonly axis: string };
  readonly note?: string;
}

export function scaleBarsFor(mode: ViewMode, camera: THREE.Camera, k: number, size: Pick<Viewport, 'height'>, target: THREE.Vector3): ScaleBars {
  if (camera instanceof THREE.OrthographicCamera) {
    const pxPerUnit = camera.zoom; // frustum is sized in CSS px
    if (mode === 'side') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1, 110)!, axis: 'y' } };
    if (mode === 'top') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1, 110)!, axis: 'x' } };
    return { horizontal: { ...scaleBar(pxPerUnit, 1)!, axis: 'x, y' } }; // beam's eye: both axes transverse, one scale
  }
  const cam = camera as THREE.PerspectiveCamera;
  const dist = cam.position.distanceTo(target);
  const pxPerUnit = size.height / (2 * dist * Math.tan(THREE.MathUtils.degToRad(cam.fov) / 2));
  const h = scaleBar(pxPerUnit, 1);
  return h ? { horizontal: { ...h, axis: 'x, y' }, note: 'transverse, at the orbit centre' } : {};
}

/** The line under the bars: what the scale means in this view. `long`: the picture's wording. */
export function scaleNote(bars: ScaleBars, mode: ViewMode, k: number, long = false): string {
  return bars.note ?? (mode === 'beam' ? 'x and y to the same scale' : k !== 1 ? `z compressed 1:${k}${long ? '; bars in true length' : ''}` : 'true scale 1:1');
}
