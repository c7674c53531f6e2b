/**
 * Transverse magnification of the 2D views: the CDA_TAX construction spans 100+ m of z but only
 * millimetres across, so the side and top views may stretch their transverse axis (y in the side
 * view, x in the top view) by a factor N (display y = y × N), as the compression shrinks z. Off
 * (×1) by default; the beam's-eye and 3D views are never magnified.
 */
import { nextStep } from './compression';
export const MAGNIFICATION_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500] as const;
export const MAGNIFICATION_MIN = 1;
export const MAGNIFICATION_MAX = 500;
export const DEFAULT_MAGNIFICATION = 1;

export function clampMagnification(m: number): number {
  if (!Number.isFinite(m)) return DEFAULT_MAGNIFICATION;
  return Math.min(MAGNIFICATION_MAX, Math.max(MAGNIFICATION_MIN, m));
}

/** Next step up (more magnification) or down from the current value. */
export const stepMagnification = (m: number, direction: 1 | -1): number => nextStep(MAGNIFICATION_STEPS, m, direction);

/** The step nearest a wanted factor on a log scale (a preset's choice), within [lo, hi]. */
export function nearestStep(steps: readonly number[], want: number, lo = steps[0]!, hi = steps[steps.length - 1]!): number {
  const ok = steps.filter((s) => s >= lo && s <= hi);
  if (!(want > 0) || !Number.isFinite(want)) return ok[0] ?? lo;
  return ok.reduce((best, s) => (Math.abs(Math.log(s / want)) < Math.abs(Math.log(best / want)) ? s : best), ok[0] ?? lo);
}
