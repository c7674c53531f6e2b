/**
 * The picture's overlays as a display list in output pixels: text (with a halo), polylines and
 * rectangles. One list is painted into PNG tiles (OffscreenCanvas 2D) and written into SVG, so the
 * caption, legend, scale bars, labels and axes are the same in every format. Pure.
 */
import { measureText, textBox, type Box } from '../../../src-shared/picture/text-layout/font-metrics';
import { union } from '../../../src-shared/picture/text-layout/layout';

export type OverlayItem =
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly size: number; readonly colour: string;
      readonly weight?: 'normal' | 'bold'; readonly italic?: boolean; readonly align?: 'left' | 'center' | 'right';
      readonly baseline?: 'top' | 'middle' | 'bottom'; readonly halo?: string; readonly haloWidth?: number }
  | { readonly kind: 'line'; readonly points: readonly (readonly [number, number])[]; readonly colour: string; readonly width: number; readonly role?: 'leader' }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill?: string; readonly stroke?: string; readonly width?: number; readonly radius?: number; readonly role?: 'badge' | 'legend' };

export const FONT_FAMILY = '"DejaVu Sans", "Helvetica Neue", Arial, sans-serif';

/** Width of a text in DejaVu Sans, from the font's own metrics (src-shared/picture/text-layout). */
export const textWidth = (text: string, size: number, bold = false): number => measureText(text, size, bold);

/** The box one item takes (picture px): a text by the font's metrics and its halo, a line with its width. */
export function itemBox(i: OverlayItem): Box {
  if (i.kind === 'rect') { const h = i.stroke ? (i.width ?? 1) / 2 : 0; return { x0: i.x - h, x1: i.x + i.w + h, y0: i.y - h, y1: i.y + i.h + h }; }
  if (i.kind === 'line') {
    const h = i.width / 2;
    return { x0: Math.min(...i.points.map((p) => p[0])) - h, x1: Math.max(...i.points.map((p) => p[0])) + h, y0: Math.min(...i.points.map((p) => p[1])) - h, y1: Math.max(...i.points.map((p) => p[1])) + h };
  }
  return textBox({ x: i.x, y: i.y, text: i.text, size: i.size, bold: i.weight === 'bold', align: i.align ?? 'left', baseline: i.baseline ?? 'bottom', halo: i.halo ? i.haloWidth ?? i.size / 4 : 0 });
}

/** Bounding box of overlay items (picture px), or undefined for none. */
export function itemsBox(items: readonly OverlayItem[]): Box | undefined {
  return union(items.map(itemBox));
}

export function cssFont(i: { size: number; weight?: 'normal' | 'bold'; italic?: boolean }): string {
  return `${i.italic ? 'italic ' : ''}${i.weight === 'bold' ? 'bold ' : ''}${i.size.toFixed(2)}px ${FONT_FAMILY}`;
}

/** Paint the list with a Canvas 2D context (an OffscreenCanvas tile, translated to its place in the picture). */
export function paintItems(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, items: readonly OverlayItem[]): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const it of items) {
    if (it.kind === 'line') {
      if (it.points.length < 2) continue;
      ctx.beginPath();
      ctx.moveTo(it.points[0]![0], it.points[0]![1]);
      for (const p of it.points.slice(1)) ctx.lineTo(p[0], p[1]);
      ctx.strokeStyle = it.colour;
      ctx.lineWidth = it.width;
      ctx.stroke();
    } else if (it.kind === 'rect') {
      ctx.beginPath();
      if (it.radius && 'roundRect' in ctx) ctx.roundRect(it.x, it.y, it.w, it.h, it.radius);
      else ctx.rect(it.x, it.y, it.w, it.h);
      if (it.fill) { ctx.fillStyle = it.fill; ctx.fill(); }
      if (it.stroke) { ctx.strokeStyle = it.stroke; ctx.lineWidth = it.width ?? 1; ctx.stroke(); }
    } else {
      ctx.font = cssFont(it);
      ctx.textAlign = it.align ?? 'left';
      ctx.textBaseline = it.baseline === 'top' ? 'top' : it.baseline === 'middle' ? 'middle' : 'alphabetic';
      if (it.halo) {
        ctx.strokeStyle = it.halo;
        ctx.lineWidth = it.haloWidth ?? it.size / 4;
        ctx.strokeText(it.text, it.x, it.y);
      }
      ctx.fillStyle = it.colour;
      ctx.fillText(it.text, it.x, it.y);
    }
  }
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number) => (Math.round(x * 10) / 10).toString();

/** The same list as SVG elements. */
export function itemsToSvg(items: readonly OverlayItem[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'line') {
      if (it.points.length < 2) continue;
      out.push(`<polyline${it.role ? ` data-role="${it.role}"` : ''} fill="none" stroke="${it.colour}" stroke-width="${f(it.width)}" stroke-linecap="round" stroke-linejoin="round" points="${it.points.map((p) => `${f(p[0])},${f(p[1])}`).join(' ')}"/>`);
    } else if (it.kind === 'rect') {
      out.push(`<rect${it.role ? ` data-role="${it.role}"` : ''} x="${f(it.x)}" y="${f(it.y)}" width="${f(it.w)}" height="${f(it.h)}"${it.radius ? ` rx="${f(it.radius)}"` : ''} fill="${it.fill ?? 'none'}"${it.stroke ? ` stroke="${it.stroke}" stroke-width="${f(it.width ?? 1)}"` : ''}/>`);
    } else {
      const anchor = it.align === 'center' ? 'middle' : it.align === 'right' ? 'end' : 'start';
      const base = it.baseline === 'top' ? 'text-before-edge' : it.baseline === 'middle' ? 'central' : 'alphabetic';
      const halo = it.halo ? ` stroke="${it.halo}" stroke-width="${f(it.haloWidth ?? it.size / 4)}" paint-order="stroke" stroke-linejoin="round"` : '';
      out.push(`<text x="${f(it.x)}" y="${f(it.y)}" font-size="${f(it.size)}"${it.weight === 'bold' ? ' font-weight="bold"' : ''}${it.italic ? ' font-style="italic"' : ''} text-anchor="${anchor}" dominant-baseline="${base}" fill="${it.colour}"${halo}>${escapeXml(it.text)}</text>`);
    }
  }
  return out.join('\n');
}
