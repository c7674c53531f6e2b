/**
 * Where element labels go on screen: above each element's projected outline, stacked a level
 * up when they would overlap, dropped when there is no room. The same layout is drawn by the
 * HTML overlay and burnt into exported pictures.
 */
export interface LabelCandidate {
  readonly id: string;
  readonly text: string;
  /** lower is placed first (gets the best spot); ties go to the larger element */
  readonly rank?: number;
  /** projected screen box of the element (CSS px, y down) */
  readonly minX: number; readonly maxX: number; readonly minY: number; readonly maxY: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly text: string;
  /** centre-bottom anchor of the text, CSS px */
  readonly x: number;
  readonly y: number;
  /** the point on the element the leader line goes to */
  readonly anchorY: number;
}

export const LABEL_FONT_PX = 12;
const CHAR_PX = 7.6; // DejaVu Sans at 12 px, average advance
const LINE_PX = 16;
const LEVELS = 6;

const CHAR_PX_BOLD = 8.4; // the same font at weight 600 (the event's own labels)
const labelWidth = (text: string, bold = false) => text.length * (bold ? CHAR_PX_BOLD : CHAR_PX) + 6;

/** Screen box of a text centred at x with its baseline at y (CSS px). */
export function textBox(text: string, x: number, y: number, bold = false): { x0: number; x1: number; y0: number; y1: number } {
  const w = labelWidth(text, bold);
  return { x0: x - w / 2, x1: x + w / 2, y0: y - LINE_PX + 2, y1: y };
}

/** `reserved`: boxes already taken on screen (the event's own labels), which element labels avoid. */
export function layoutLabels(
  cands: readonly LabelCandidate[],
  viewport: { width: number; height: number },
  reserved: readonly { x0: number; x1: number; y0: number; y1: number }[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [...reserved];
  // by rank (the detectors a physicist looks for first), then larger elements first
  const order = [...cands].sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9) || (b.maxX - b.minX) - (a.maxX - a.minX));
  for (const c of order) {
    const cx = (c.minX + c.maxX) / 2;
    const w = labelWidth(c.text);
    if (cx < -w || cx > viewport.width + w || c.maxY < 0 || c.minY > viewport.height + LINE_PX) continue;
    // above the element first, stacked upwards; then below it, stacked downwards
    const spots = [
      ...Array.from({ length: LEVELS }, (_, level) => ({ y: Math.max(LINE_PX, c.minY - 4 - level * LINE_PX), anchorY: c.minY })),
      ...Array.from({ length: LEVELS }, (_, level) => ({ y: Math.min(viewport.height - 2, c.maxY + 4 + LINE_PX + level * LINE_PX), anchorY: c.maxY })),
    ];
    for (const { y, anchorY } of spots) {
      const box = textBox(c.text, cx, y);
      if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      boxes.push(box);
      placed.push({ id: c.id, text: c.text, x: cx, y, anchorY });
      break;
    }
  }
  return placed;
}
