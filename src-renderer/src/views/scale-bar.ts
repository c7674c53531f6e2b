/**
 * Scale bars that stay true in metres whatever the zoom and the longitudinal compression.
 * The caller gives screen pixels per display unit along an axis; along z one display unit is
 * k millimetres of detector, across z it is one millimetre.
 */
import { formatLength, niceFloor } from '../../../src-shared/picture/lengths';
export interface ScaleBar {
  /** the length the bar stands for, mm of detector */
  readonly mm: number;
  /** its length on screen, px */
  readonly px: number;
  readonly label: string;
}

export { formatLength, niceFloor };

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
