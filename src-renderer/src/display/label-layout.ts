/**
 * Where element labels go on screen: the layout engine of pictures (src-shared/picture/text-layout)
 * in CSS px: above each element's projected outline, stacked a level up when they would overlap,
 * then below; shifted sideways to stay whole inside the view; dropped when there is no room, by
 * priority. Widths come from the bundled font's real metrics. The same placement is drawn by the
 * HTML overlay and burnt into exported pictures.
 */
import { measureText, FONT_ASCENT, FONT_DESCENT } from '../../../src-shared/picture/text-layout/font-metrics';
import { PanelLayout, trackEntries } from '../../../src-shared/picture/text-layout/layout';
import { placeLabelsIn, LABEL_PRIORITY } from '../../../src-shared/picture/text-layout/labels';

export interface LabelCandidate {
  readonly id: string;
  readonly text: string;
  /** lower is placed first (gets the best spot); ties go to the larger element */
  readonly rank?: number;
  /** LABEL_PRIORITY: the elements the event touches, the main stations, the rest (default: the rest) */
  readonly priority?: number;
  /** projected screen box of the element (CSS px, y down) */
  readonly minX: number; readonly maxX: number; readonly minY: number; readonly maxY: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly text: string;
  /** centre-bottom anchor of the text (alphabetic baseline), CSS px */
  readonly x: number;
  readonly y: number;
  /** the point on the element the leader line goes to */
  readonly anchorY: number;
  /** the leader line from the label's edge to the element, when there is one */
  readonly leader?: readonly [readonly [number, number], readonly [number, number]];
}

export const LABEL_FONT_PX = 12;
/** room around a label: its 3 px halo and a gap so neighbours never run together */
export const LABEL_PAD = 3;

/** Screen box of a text centred at x with its baseline at y (CSS px), at the label size. */
export function textBox(text: string, x: number, y: number, bold = false): { x0: number; x1: number; y0: number; y1: number } {
  const w = measureText(text, LABEL_FONT_PX, bold) + 2 * LABEL_PAD;
  return { x0: x - w / 2, x1: x + w / 2, y0: y - FONT_ASCENT * LABEL_FONT_PX - LABEL_PAD, y1: y + FONT_DESCENT * LABEL_FONT_PX + LABEL_PAD };
}

/** A segment on screen, CSS px: [[x0, y0], [x1, y1]] */
export type ScreenSegment = readonly [readonly [number, number], readonly [number, number]];

/**
 * `reserved`: boxes already taken on screen (the event's own labels, the legend), which element
 * labels avoid; `tracks`: the event's tracks on screen, which no label may cover (leaders may cross them).
 */
export function layoutLabels(
  cands: readonly LabelCandidate[],
  viewport: { width: number; height: number },
  reserved: readonly { x0: number; x1: number; y0: number; y1: number }[] = [],
  tracks: readonly ScreenSegment[] = [],
): PlacedLabel[] {
  const layout = new PanelLayout({ x0: 0, y0: 0, x1: viewport.width, y1: viewport.height });
  // reserved boxes are taken as they are, even where they reach past the view
  for (const box of reserved) layout.placed.push({ kind: 'event-label', box });
  layout.placed.push(...trackEntries(tracks));
  const placed = placeLabelsIn(layout, cands.map((c) => ({
    id: c.id, text: c.text, priority: c.priority ?? LABEL_PRIORITY.other, ...(c.rank !== undefined ? { rank: c.rank } : {}),
    target: { x0: c.minX, x1: c.maxX, y0: c.minY, y1: c.maxY },
  })), { size: LABEL_FONT_PX, pad: LABEL_PAD, gap: 2 });
  return placed.map((p) => ({ id: p.id, text: p.text, x: p.x, y: p.y, anchorY: p.leader ? p.leader[1][1] : p.y, ...(p.leader ? { leader: p.leader } : {}) }));
}
