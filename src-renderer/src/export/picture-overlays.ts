/**
 * The overlays of a picture, built as display-list items in output pixels from plain data: the
 * caption block, the legend, per panel the title, scale bars, element labels, the CDA_TAX label and
 * axes with ticks in true detector units. Pure; sizes are CSS-like px times the picture's scale s.
 */
import type { PlacedLabel } from '../display/label-layout';
import { LABEL_FONT_PX } from '../display/label-layout';
import type { ScaleBars } from '../display/scale-bars';
import type { Rect, Tick } from '../../../src-shared/picture/picture-spec';
import { axisTicks } from '../../../src-shared/picture/picture-spec';
import { textWidth, type OverlayItem } from './overlay-items';

export interface Palette {
  readonly text: string;
  readonly muted: string;
  /** halo behind text, and the picture's background colour */
  readonly halo: string;
  readonly border: string;
}

export const PALETTES: Record<'dark' | 'paper', Palette & { readonly background: string }> = {
  dark: { background: '#0f1419', text: '#dfe6ee', muted: '#8a97a6', halo: '#0f1419', border: '#2a3441' },
  paper: { background: '#ffffff', text: '#111820', muted: '#4d5966', halo: '#ffffff', border: '#c3cad3' },
};

export interface CaptionLine {
  readonly text: string;
  readonly style?: 'title' | 'normal' | 'badge-blind' | 'badge-open';
  /** second run of text on a title line, in italics ("Simulation") */
  readonly suffix?: string;
}

export function captionItems(lines: readonly CaptionLine[], x: number, y: number, s: number, p: Palette): OverlayItem[] {
  const out: OverlayItem[] = [];
  let cy = y;
  for (const l of lines) {
    if (l.style === 'title') {
      const size = 22 * s;
      out.push({ kind: 'text', x, y: cy, text: l.text, size, colour: p.text, weight: 'bold', baseline: 'top', halo: p.halo, haloWidth: 4 * s });
      if (l.suffix) out.push({ kind: 'text', x: x + textWidth(l.text, size, true) + 10 * s, y: cy, text: l.suffix, size, colour: p.text, italic: true, baseline: 'top', halo: p.halo, haloWidth: 4 * s });
      cy += 30 * s;
    } else if (l.style === 'badge-blind' || l.style === 'badge-open') {
      // the badge is sized to its text in the bold face it is drawn in, with 6 px either side
      const size = 12 * s, h = 18 * s;
      out.push({ kind: 'rect', x, y: cy, w: textWidth(l.text, size, true) + 12 * s, h, radius: 3 * s, fill: l.style === 'badge-blind' ? '#2e7d32' : '#c62828', role: 'badge' });
      out.push({ kind: 'text', x: x + 6 * s, y: cy + h / 2, text: l.text, size, colour: '#ffffff', weight: 'bold', baseline: 'middle' });
      cy += 24 * s;
    } else {
      const size = 13 * s;
      out.push({ kind: 'text', x, y: cy, text: l.text, size, colour: p.text, baseline: 'top', halo: p.halo, haloWidth: 3 * s });
      cy += 19 * s; // the line's height (1.16 em) and its halo: lines never touch
    }
  }
  return out;
}

export type LegendEntry = readonly [colour: string, label: string];

/** Legend in the top-right corner of `r`: a swatch and a label per entry. */
export function legendItems(entries: readonly LegendEntry[], r: Rect, s: number, p: Palette): OverlayItem[] {
  if (!entries.length) return [];
  const size = 12 * s, line = 17 * s, sw = 18 * s;
  const w = Math.max(...entries.map(([, l]) => textWidth(l, size))) + sw + 22 * s;
  const x = r.x + r.w - w - 12 * s, y = r.y + 12 * s;
  const out: OverlayItem[] = [{ kind: 'rect', x, y, w, h: entries.length * line + 10 * s, radius: 4 * s, fill: withAlpha(p.halo, 0.92) }];
  entries.forEach(([c, label], i) => {
    const cy = y + 5 * s + line * i + line / 2;
    out.push({ kind: 'line', points: [[x + 8 * s, cy], [x + 8 * s + sw, cy]], colour: c, width: 3.5 * s });
    out.push({ kind: 'text', x: x + 14 * s + sw, y: cy, text: label, size, colour: p.text, baseline: 'middle' });
  });
  return out;
}

/** #rrggbb + alpha → rgba() */
export function withAlpha(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `rgba(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)},${a})` : hex;
}

/** Scale bars at the bottom-left of the panel (lengths already true under the compression), with the compression note. */
export function scaleBarItems(bars: ScaleBars, note: string, r: Rect, s: number, p: Palette, inset: number): OverlayItem[] {
  const out: OverlayItem[] = [];
  const x = r.x + inset + 16 * s;
  let y = r.y + r.h - inset - 18 * s;
  out.push({ kind: 'text', x, y, text: note, size: 11 * s, colour: p.muted, baseline: 'middle', halo: p.halo, haloWidth: 3 * s });
  y -= 20 * s;
  for (const b of [bars.horizontal, bars.vertical]) {
    if (!b) continue;
    const px = b.px * s;
    out.push({ kind: 'line', points: [[x, y - 5 * s], [x, y + 5 * s]], colour: p.text, width: 2 * s });
    out.push({ kind: 'line', points: [[x, y], [x + px, y]], colour: p.text, width: 2 * s });
    out.push({ kind: 'line', points: [[x + px, y - 5 * s], [x + px, y + 5 * s]], colour: p.text, width: 2 * s });
    out.push({ kind: 'text', x: x + px + 8 * s, y, text: `${b.axis}: ${b.label}`, size: 12 * s, colour: p.text, baseline: 'middle', halo: p.halo, haloWidth: 3 * s });
    y -= 22 * s;
  }
  return out;
}

/** Element labels placed by the screen's label layout (CSS-like px in the panel), with leader lines. */
export function labelItems(labels: readonly PlacedLabel[], r: Rect, s: number, p: Palette): OverlayItem[] {
  const out: OverlayItem[] = [];
  for (const l of labels) {
    const x = r.x + l.x * s, y = r.y + l.y * s, ay = r.y + l.anchorY * s;
    if (l.anchorY - l.y > 6 || l.y - l.anchorY > 20) out.push({ kind: 'line', points: [[x, l.anchorY < l.y ? y - 13 * s : y + s], [x, ay]], colour: p.muted, width: 0.75 * s });
    out.push({ kind: 'text', x, y, text: l.text, size: LABEL_FONT_PX * s, colour: p.text, align: 'center', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s });
  }
  return out;
}

export interface AxisSpec {
  /** quantity name, e.g. "z" */
  readonly name: string;
  /** true detector mm at the panel's left (or bottom) and right (or top) edge */
  readonly from: number;
  readonly to: number;
}

/** Ticks and labels along the panel's bottom edge (horizontal) and left edge (vertical), in true units. */
export function axisItems(h: AxisSpec | undefined, v: AxisSpec | undefined, r: Rect, s: number, p: Palette): OverlayItem[] {
  const out: OverlayItem[] = [];
  const size = 11 * s, tick = 7 * s;
  const put = (a: AxisSpec, horizontal: boolean) => {
    const lo = Math.min(a.from, a.to), hi = Math.max(a.from, a.to);
    const { ticks, unit } = axisTicks(lo, hi, horizontal ? Math.max(3, Math.round(r.w / (130 * s))) : Math.max(3, Math.round(r.h / (90 * s))));
    const pos = (t: Tick) => (t.value - a.from) / (a.to - a.from);
    for (const t of ticks) {
      const u = pos(t);
      // keep clear of the caption (top left), the scale bars (bottom left) and the axis titles
      if (horizontal ? u < 0.03 || u > 0.9 : u < 0.22 || u > 0.8) continue;
      if (horizontal) {
        const x = r.x + u * r.w, y = r.y + r.h;
        out.push({ kind: 'line', points: [[x, y], [x, y - tick]], colour: p.muted, width: 1.2 * s });
        out.push({ kind: 'text', x, y: y - tick - 3 * s, text: t.label, size, colour: p.muted, align: 'center', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s });
      } else {
        const y = r.y + (1 - u) * r.h, x = r.x;
        out.push({ kind: 'line', points: [[x, y], [x + tick, y]], colour: p.muted, width: 1.2 * s });
        out.push({ kind: 'text', x: x + tick + 3 * s, y, text: t.label, size, colour: p.muted, baseline: 'middle', halo: p.halo, haloWidth: 3 * s });
      }
    }
    const title = `${a.name} [${unit}]`;
    if (horizontal) out.push({ kind: 'text', x: r.x + r.w - 8 * s, y: r.y + r.h - tick - 18 * s, text: title, size: size * 1.1, colour: p.text, weight: 'bold', align: 'right', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s });
    else out.push({ kind: 'text', x: r.x + tick + 3 * s, y: r.y + r.h * 0.74, text: title, size: size * 1.1, colour: p.text, weight: 'bold', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s });
  };
  if (h) put(h, true);
  if (v) put(v, false);
  return out;
}

export function titleItems(title: string, r: Rect, s: number, p: Palette, axes: boolean): OverlayItem[] {
  return [{ kind: 'text', x: r.x + r.w - 10 * s, y: r.y + r.h - (axes ? 48 : 12) * s, text: title, size: 14 * s, colour: p.text, weight: 'bold', align: 'right', baseline: 'bottom', halo: p.halo, haloWidth: 4 * s }];
}
