/** The scale bars of a view (true lengths under the compression) and the note under them; screen and pictures share both. */
import * as THREE from 'three';
import { scaleBar, type ScaleBar } from './scale-bar';
import type { ViewMode, Viewport } from './types';
import { asScale, type Scaling } from './display-scale';
import { pxPerUnitAt } from './projection';

export interface ScaleBars {
  /** along the screen's horizontal axis */
  readonly horizontal?: ScaleBar & { readonly axis: string };
  /** along the screen's vertical axis; `magnification`: the transverse factor the view applies (absent for ×1) */
  readonly vertical?: ScaleBar & { readonly axis: string; readonly magnification?: number };
  readonly note?: string;
}

/** `scaling`: the compression, or the full mapping with the transverse magnification (the vertical bar stays true mm). */
export function scaleBarsFor(mode: ViewMode, camera: THREE.Camera, scaling: Scaling, size: Pick<Viewport, 'height'>, target: THREE.Vector3): ScaleBars {
  const { k, mx, my } = asScale(scaling);
  if (camera instanceof THREE.OrthographicCamera) {
    const pxPerUnit = camera.zoom; // frustum is sized in CSS px
    if (mode === 'side') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1 / my, 110)!, axis: 'y', ...(my !== 1 ? { magnification: my } : {}) } };
    if (mode === 'top') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1 / mx, 110)!, axis: 'x', ...(mx !== 1 ? { magnification: mx } : {}) } };
    return { horizontal: { ...scaleBar(pxPerUnit, 1)!, axis: 'x, y' } }; // beam's eye: both axes transverse, one scale
  }
  const pxPerUnit = pxPerUnitAt(camera, size.height, target);
  const h = scaleBar(pxPerUnit, 1);
  return h ? { horizontal: { ...h, axis: 'x, y' }, note: 'transverse, at the orbit centre' } : {};
}

/** The line under the bars: what the scale means in this view. `long`: the picture's wording. */
export function scaleNote(bars: ScaleBars, mode: ViewMode, scaling: Scaling, long = false): string {
  const k = asScale(scaling).k, m = bars.vertical?.magnification;
  if (bars.note) return bars.note;
  if (mode === 'beam') return 'x and y to the same scale';
  const mag = m && m !== 1 ? `${k !== 1 ? ', ' : ''}${bars.vertical!.axis} magnified ×${m}` : '';
  if (k === 1 && !mag) return 'true scale 1:1';
  return `${k !== 1 ? `z compressed 1:${k}` : ''}${mag}${long ? '; bars in true length' : ''}`;
}
