/**
 * Scale bars that stay true in metres whatever the zoom and the longitudinal compression.
 * The caller gives screen pixels per display unit along an axis; along z one display unit is
 * k millimetres of detector, across z it is one millimetre.
 */
export interface ScaleBar {
  /** the length the bar stands for, mm of detector */
  readonly mm: number;
  /** its length on screen, px */
  readonly px: number;
  readonly label: string;
}

/** Largest 1, 2 or 5 × 10^n not above x (x > 0). */
export function niceFloor(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

export function formatLength(mm: number): string {
  if (mm >= 1000) return `${+(mm / 1000).toPrecision(3)} m`;
  if (mm >= 10) return `${+(mm / 10).toPrecision(3)} cm`;
  return `${+mm.toPrecision(3)} mm`;
}

/**
 * @param pxPerDisplayUnit screen px per display unit along the axis
 * @param mmPerDisplayUnit detector mm per display unit along the axis (k along z, 1 across)
 * @param maxPx longest bar wanted, px
 */
export function scaleBar(pxPerDisplayUnit: number, mmPerDisplayUnit: number, maxPx = 160): ScaleBar | undefined {
  if (!(pxPerDisplayUnit > 0) || !(mmPerDisplayUnit > 0) || !Number.isFinite(pxPerDisplayUnit)) return undefined;
  const pxPerMm = pxPerDisplayUnit / mmPerDisplayUnit;
  const mm = niceFloor(maxPx / pxPerMm);
  return { mm, px: mm * pxPerMm, label: formatLength(mm) };
}
