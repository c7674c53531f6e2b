/** The CDA_TAX inset (display/tax-inset.ts, laid out in a panel's layout px) as picture overlay items in output px. */
import type { TaxInset } from '../display/tax-inset';
import { eventColour } from '../display/colours';
import type { Rect } from '../../../src-shared/picture/picture-spec';
import type { OverlayItem } from './overlay-items';
import { withAlpha, type Palette } from './picture-overlays';
import type { PaletteId } from '../display/palettes';

/** `r`: the panel in the picture, `s`: output px per layout px, `light`: the paper theme's event colours. */
export function taxInsetItems(i: TaxInset, r: Rect, s: number, p: Palette, light: boolean, palette: PaletteId = 'standard'): OverlayItem[] {
  const X = (x: number) => r.x + x * s, Y = (y: number) => r.y + y * s;
  const pt = ([x, y]: readonly [number, number]): [number, number] => [X(x), Y(y)];
  const text = (x: number, y: number, t: string, size: number, o: Partial<Extract<OverlayItem, { kind: 'text' }>> = {}): OverlayItem =>
    ({ kind: 'text', x: X(x), y: Y(y), text: t, size: size * s, colour: p.text, baseline: 'middle', halo: p.halo, haloWidth: 3 * s, ...o });
  const out: OverlayItem[] = [
    // the region magnified, its leader, the panel
    { kind: 'rect', x: X(i.source.x0), y: Y(i.source.y0), w: (i.source.x1 - i.source.x0) * s, h: (i.source.y1 - i.source.y0) * s, stroke: p.text, width: s },
    { kind: 'line', points: [pt(i.leader[0]), pt(i.leader[1])], colour: p.text, width: s },
    { kind: 'rect', x: X(i.x), y: Y(i.y), w: i.w * s, h: i.h * s, radius: 4 * s, fill: withAlpha(p.halo, 0.92), stroke: p.muted, width: s },
    text(i.x + i.w / 2, i.y + 10, i.title, 12, { weight: 'bold', align: 'center' }),
  ];
  if (i.note) out.push(text(i.x + i.w / 2, i.y + 26.5, i.note, 11, { colour: p.muted, align: 'center' }));
  out.push({ kind: 'rect', x: X(i.plot.x), y: Y(i.plot.y), w: i.plot.w * s, h: i.plot.h * s, stroke: withAlpha(p.muted, 0.5), width: 0.75 * s });
  for (const l of i.lines) out.push({ kind: 'line', points: l.points.map(pt), colour: eventColour(l.role, light, palette), width: (l.role === 'cda' ? 2.5 : 2) * s });
  for (const t of i.tags) out.push(text(t.x, t.y, t.text, 10, { colour: eventColour(t.role, light, palette), baseline: 'bottom' }));
  const bx = i.plot.x + i.plot.w + 14, by = i.plot.y + i.plot.h;
  out.push({ kind: 'line', points: [pt([bx - 4, by]), pt([bx + 4, by]), pt([bx, by]), pt([bx, by - i.bar.px]), pt([bx - 4, by - i.bar.px]), pt([bx + 4, by - i.bar.px])], colour: p.text, width: 1.5 * s });
  out.push(text(bx + 6, by - i.bar.px / 2 - 8, i.axis, 11), text(bx + 6, by - i.bar.px / 2 + 8, i.bar.label, 11)); // 16 px apart: their boxes and halos clear
  const zx = i.plot.x, zy = i.y + i.h - 8;
  out.push({ kind: 'line', points: [pt([zx, zy - 4]), pt([zx, zy]), pt([zx + i.zBar.px, zy]), pt([zx + i.zBar.px, zy - 4])], colour: p.text, width: 1.5 * s });
  out.push(text(zx + i.zBar.px + 6, zy, `z ${i.zBar.label}`, 11));
  return out;
}
