/**
 * Text widths from the real metrics of the bundled DejaVu Sans (assets/fonts), so the layout of a
 * picture's text measures the same in Node (tests, CLI) as the browser draws it (canvas and SVG use
 * the same font through styles.css). The table is generated from the TTFs
 * (scripts/gen-font-metrics.mjs) and checked against them by test/unit/text-layout.test.ts.
 * Italic is the regular font slanted by the browser (the app ships no oblique face): same advances.
 */
import { DEJAVU, type FontTable } from './dejavu-metrics';

interface Loaded { readonly em: number; readonly adv: Map<number, number>; readonly kern: Map<string, number>; readonly ascent: number; readonly descent: number }

function load(t: FontTable): Loaded {
  const adv = new Map<number, number>();
  for (const run of t.runs) for (let i = 1; i < run.length; i++) adv.set(run[0]! + i - 1, run[i]!);
  const kern = new Map<string, number>();
  for (const k of t.kern.split('\u0001')) {
    const [a, b] = [...k];
    if (a && b) kern.set(a + b, Number(k.slice(a.length + b.length)));
  }
  return { em: t.unitsPerEm, adv, kern, ascent: t.ascent / t.unitsPerEm, descent: -t.descent / t.unitsPerEm };
}

const FONTS = { regular: load(DEJAVU.regular), bold: load(DEJAVU.bold) };
/** advance of a glyph the table lacks (the browser falls back to another font): the widest common glyph, so the box is never too small */
const FALLBACK_EM = 1.0;

/** Width in px of `text` at `size` px in DejaVu Sans (bold or regular), with the font's kerning. */
export function measureText(text: string, size: number, bold = false): number {
  const f = bold ? FONTS.bold : FONTS.regular;
  let units = 0;
  let prev = '';
  for (const ch of text) {
    const a = f.adv.get(ch.codePointAt(0)!);
    units += a ?? FALLBACK_EM * f.em;
    if (prev) units += f.kern.get(prev + ch) ?? 0;
    prev = ch;
  }
  return (units / f.em) * size;
}

/** The font's ascent and descent per em (hhea), the vertical extent of any line of text. */
export const FONT_ASCENT = FONTS.regular.ascent;
export const FONT_DESCENT = FONTS.regular.descent;

export interface Box { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }

export interface TextSpec {
  readonly x: number; readonly y: number; readonly text: string; readonly size: number;
  readonly bold?: boolean;
  /** horizontal anchor: left (start), center (middle), right (end) */
  readonly align?: 'left' | 'center' | 'right';
  /** what y is: the top of the line, its middle, or the alphabetic baseline */
  readonly baseline?: 'top' | 'middle' | 'bottom';
  /** width of the halo stroke around the glyphs (half of it shows outside them) */
  readonly halo?: number;
}

/**
 * The box a text takes: its advance width by its anchor, and the font's full line height (ascent to
 * descent) by its baseline, grown by half its halo. Canvas 'top'/'middle' and SVG
 * 'text-before-edge'/'central' put the em box at y; the box allows the glyphs' ascent above it.
 */
export function textBox(t: TextSpec): Box {
  const w = measureText(t.text, t.size, t.bold);
  const x0 = t.align === 'center' ? t.x - w / 2 : t.align === 'right' ? t.x - w : t.x;
  const a = FONT_ASCENT * t.size, d = FONT_DESCENT * t.size, line = a + d;
  const top = t.baseline === 'top' ? t.y - 0.08 * t.size : t.baseline === 'middle' ? t.y - line / 2 : t.y - a;
  const h = (t.halo ?? 0) / 2;
  return { x0: x0 - h, x1: x0 + w + h, y0: top - h, y1: top + line + h };
}
