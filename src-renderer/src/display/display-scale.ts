/**
 * NA62 mm → display coordinates: z divided by the longitudinal compression k, and in the side and
 * top views the transverse axis on screen (y, resp. x) multiplied by the magnification
 * (views/magnification.ts). Every path that maps points — the groups' scale, projection, picking,
 * framing, labels, scale bars, picture export — takes this one mapping. A bare number is a
 * compression alone (no magnification), so the callers of before keep their meaning.
 */
import type { ViewMode } from './types';

export interface DisplayScale {
  /** longitudinal compression: display z = z / k */
  readonly k: number;
  /** display x = x × mx, display y = y × my */
  readonly mx: number;
  readonly my: number;
}

/** A compression alone, or the full mapping. */
export type Scaling = number | DisplayScale;

export const asScale = (s: Scaling): DisplayScale => (typeof s === 'number' ? { k: s, mx: 1, my: 1 } : s);

/** The mapping of a view: only the side (y) and top (x) views magnify their transverse axis. */
export function viewScale(mode: ViewMode, k: number, magnification = 1): DisplayScale {
  const m = Number.isFinite(magnification) && magnification > 0 ? magnification : 1;
  return { k, mx: mode === 'top' ? m : 1, my: mode === 'side' ? m : 1 };
}

/** The magnification a view applies to its screen-vertical axis (1 in the 3D and beam's-eye views). */
export const transverseMagnification = (s: Scaling): number => { const d = asScale(s); return Math.max(d.mx, d.my); };

/** three.js group scale for the mapping. */
export const groupScale = (s: Scaling): [number, number, number] => { const d = asScale(s); return [d.mx, d.my, 1 / d.k]; };

/** Map a point (NA62 mm → display), written into `out`. */
export function toDisplayXYZ<T extends { x: number; y: number; z: number }>(p: { x: number; y: number; z: number }, s: Scaling, out: T): T {
  const d = asScale(s);
  out.x = p.x * d.mx; out.y = p.y * d.my; out.z = p.z / d.k;
  return out;
}

/** "z 1:100 · y ×20": how a 2D view is scaled, for titles and captions (z compressed 1:k, the transverse axis magnified ×N). */
export function scaleTitle(mode: ViewMode, s: Scaling): string {
  const d = asScale(s);
  const z = `z 1:${d.k}`;
  const m = transverseMagnification(d);
  if (mode !== 'side' && mode !== 'top') return z;
  return m === 1 ? z : `${z} · ${mode === 'side' ? 'y' : 'x'} ×${m}`;
}

/** The mapping of a snapshot's view. */
export const snapshotScale = (snap: { mode: ViewMode; compression: number; magnification?: number | undefined }): DisplayScale =>
  viewScale(snap.mode, snap.compression, snap.magnification ?? 1);
