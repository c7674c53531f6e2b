/**
 * Longitudinal compression: the detector is ~270 m long and ~2.5 m wide, so every view may
 * shrink z by a factor k (display z = z / k). Transverse coordinates are never scaled.
 */
export const COMPRESSION_STEPS = [1, 2, 5, 10, 20, 50, 100] as const;
export const COMPRESSION_MIN = 1;
export const COMPRESSION_MAX = 100;
export const DEFAULT_COMPRESSION = 20;

export function clampCompression(k: number): number {
  if (!Number.isFinite(k)) return DEFAULT_COMPRESSION;
  return Math.min(COMPRESSION_MAX, Math.max(COMPRESSION_MIN, k));
}

/** NA62 z (mm) → display z. */
export const toDisplayZ = (z: number, k: number): number => z / k;
/** display z → NA62 z (mm). */
export const fromDisplayZ = (zd: number, k: number): number => zd * k;

/** The next step of an ascending list up (direction 1) or down from a value; the list's end where there is none. */
export function nextStep(steps: readonly number[], value: number, direction: 1 | -1): number {
  if (direction > 0) return steps.find((s) => s > value + 1e-9) ?? steps[steps.length - 1]!;
  return [...steps].reverse().find((s) => s < value - 1e-9) ?? steps[0]!;
}

/** Next step up (more compression) or down from the current value. */
export const stepCompression = (k: number, direction: 1 | -1): number => nextStep(COMPRESSION_STEPS, k, direction);

/** Slider position (0..1, logarithmic) ↔ compression factor. */
export const compressionToSlider = (k: number): number => Math.log(clampCompression(k)) / Math.log(COMPRESSION_MAX);
export const sliderToCompression = (t: number): number => {
  const k = Math.exp(Math.min(1, Math.max(0, t)) * Math.log(COMPRESSION_MAX));
  // snap to a readable value: 1–10 to 0.5, above to integers
  return k < 10 ? Math.round(k * 2) / 2 : Math.round(k);
};
