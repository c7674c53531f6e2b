/**
 * The text of a picture laid out by the layout engine (src-shared/picture/text-layout), for PNG and
 * SVG alike: the caption and the legend in a header band above the panels (reserved: never over the
 * detector or the event), and in each panel, in this order, the axis titles, the scale bars, the
 * panel's title, the tick labels, the CDA_TAX inset (or the CDA_TAX value), then the element labels
 * by priority. Each piece is placed whole inside its panel and clear of all placed before it, or
 * dropped. Returns the overlay items and, per panel, the boxes the engine placed (the tests check them).
 */
import type { Rect } from '../../../src-shared/picture/picture-spec';
import { axisTicks, type Tick } from '../../../src-shared/picture/picture-spec';
import { PanelLayout, collide, overlaps, trackEntries, union, type Box, type LayoutBox, type LayoutKind } from '../../../src-shared/picture/text-layout/layout';
import { placeLabelsIn, type LabelRequest } from '../../../src-shared/picture/text-layout/labels';
import { itemBox, textWidth, type OverlayItem } from './overlay-items';
import { captionItems, scaleBarItems, titleItems, withAlpha, type AxisSpec, type CaptionLine, type LegendEntry, type Palette } from './picture-overlays';
import type { ScaleBars } from '../display/scale-bars';
import type { TaxInset, InsetBox } from '../display/tax-inset';
import type { EventLabel } from '../display/labels';
import type { LabelCandidate, ScreenSegment } from '../display/label-layout';
import { LABEL_FONT_PX, LABEL_PAD } from '../display/label-layout';

/** The boxes the engine placed in one region of the picture (a panel, or the header band). */
export interface RegionBoxes { readonly name: string; readonly bounds: Box; readonly entries: readonly LayoutBox[] }

const boxOfRect = (r: Rect): Box => ({ x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y + r.h });

export interface Header {
  /** height of the band, output px (0: nothing to show) */
  readonly height: number;
  readonly items: OverlayItem[];
  readonly boxes: RegionBoxes;
}

/**
 * The header band: the caption at its left, the legend at its right in as many columns as keep it
 * no taller than the caption (below the caption when the picture is too narrow for both side by side).
 * A caption wider than the picture is set smaller until it fits.
 */
export function headerBand(lines: readonly CaptionLine[], legend: readonly LegendEntry[], W: number, s: number, p: Palette): Header {
  const m = 12 * s;
  if (!lines.length && !legend.length) return { height: 0, items: [], boxes: { name: 'header', bounds: { x0: 0, y0: 0, x1: W, y1: 0 }, entries: [] } };
  let cs = s;
  // the record of unblinding steps (the lines after the badge) takes a second column when it fits beside the rest
  const badge = lines.findIndex((l) => l.style === 'badge-blind' || l.style === 'badge-open');
  const head = badge >= 0 ? lines.slice(0, badge + 1) : lines, log = badge >= 0 ? lines.slice(badge + 1) : [];
  const widthOf = (its: readonly OverlayItem[]) => (its.length ? Math.max(...its.map((i) => itemBox(i).x1)) - m : 0);
  const twoColumns = (k: number): OverlayItem[] => {
    const a = captionItems(head, m, m, k, p);
    const x2 = m + widthOf(a) + 3 * m;
    return [...a, ...captionItems(log, x2, m + (head[0]?.style === 'title' ? 30 * k : 0), k, p)];
  };
  const logRows = log.length * 19 * s, headRows = captionItems(head, m, m, s, p).reduce((y, i) => Math.max(y, itemBox(i).y1), 0);
  let caption = log.length && logRows < headRows + 40 * s && widthOf(twoColumns(s)) < W * 0.75 ? twoColumns(s) : captionItems(lines, m, m, cs, p);
  const cw0 = widthOf(caption);
  if (cw0 > W - 2 * m) { cs = (s * (W - 2 * m)) / cw0 * 0.98; caption = captionItems(lines, m, m, cs, p); }
  const cBox = caption.length ? caption.map(itemBox).reduce((a, b) => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) })) : { x0: m, y0: m, x1: m, y1: m };
  const ch = cBox.y1 - m;
  // the legend: rows per column from the caption's height, more rows when the columns do not fit beside it
  const size = 12 * s, line = 17 * s, sw = 18 * s, pad = 5 * s;
  const colW = (rows: number) => Array.from({ length: Math.ceil(legend.length / rows) }, (_, c) => Math.max(...legend.slice(c * rows, (c + 1) * rows).map(([, l]) => textWidth(l, size))) + sw + 22 * s);
  const total = (rows: number) => colW(rows).reduce((a, b) => a + b, 0);
  const room = W - (cBox.x1 + 2 * m) - m;
  let rows = Math.max(3, Math.min(legend.length, Math.floor((ch - 2 * pad) / line)));
  while (rows < legend.length && total(rows) > room) rows++;
  const beside = total(rows) <= room;
  const lw = legend.length ? total(rows) : 0, lh = legend.length ? Math.min(rows, legend.length) * line + 2 * pad : 0;
  const lx = W - m - lw, ly = beside ? m : cBox.y1 + m;
  const items: OverlayItem[] = [...caption];
  const entries: LayoutBox[] = [];
  for (const it of caption) entries.push({ kind: it.kind === 'rect' ? 'badge' : 'caption', box: itemBox(it), ...(it.kind === 'text' ? { text: it.text } : {}) });
  // badge text lies on its badge by design: checked apart (inside it), not as an overlap
  const taken = entries.filter((e, i) => !(caption[i]!.kind === 'text' && caption[i - 1]?.kind === 'rect'));
  if (legend.length) {
    items.push({ kind: 'rect', x: lx, y: ly, w: lw, h: lh, radius: 4 * s, fill: withAlpha(p.halo, 0.92), stroke: withAlpha(p.muted, 0.35), width: s, role: 'legend' });
    const widths = colW(rows);
    let x = lx;
    widths.forEach((w, c) => {
      legend.slice(c * rows, (c + 1) * rows).forEach(([colour, label], i) => {
        const cy = ly + pad + line * i + line / 2;
        items.push({ kind: 'line', points: [[x + 8 * s, cy], [x + 8 * s + sw, cy]], colour, width: 3.5 * s });
        items.push({ kind: 'text', x: x + 14 * s + sw, y: cy, text: label, size, colour: p.text, baseline: 'middle' });
      });
      x += w;
    });
    taken.push({ kind: 'legend', box: { x0: lx, y0: ly, x1: lx + lw, y1: ly + lh }, text: 'legend' });
  }
  const height = Math.ceil(Math.max(cBox.y1, ly + lh) + m);
  return { height, items, boxes: { name: 'header', bounds: { x0: 0, y0: 0, x1: W, y1: height }, entries: taken } };
}

/** One panel's furniture and labels, as plain data (the caller projects; this only lays out). */
export interface PanelText {
  readonly name: string;
  readonly rect: Rect;
  readonly axes: { readonly h?: AxisSpec; readonly v?: AxisSpec };
  readonly bars?: { readonly bars: ScaleBars; readonly note: string };
  readonly title?: string;
  /** the CDA_TAX inset for the boxes it must avoid (layout px of the panel), if the panel shows one */
  readonly taxInset?: (avoid: readonly InsetBox[]) => TaxInset | undefined;
  readonly insetItems?: (i: TaxInset) => OverlayItem[];
  /** the CDA_TAX value, layout px */
  readonly cdaLabel?: () => EventLabel | undefined;
  /** element label candidates, layout px */
  readonly labels?: readonly LabelCandidate[];
  /** the event's tracks on the panel, layout px: element labels keep off them (display/labels.ts trackSegmentsOnScreen) */
  readonly tracks?: readonly ScreenSegment[];
  /** a thin border (figures) */
  readonly border?: boolean;
}

export interface PanelOverlay { readonly items: OverlayItem[]; readonly inset: OverlayItem[]; readonly boxes: RegionBoxes }

/** `s`: output px per layout px. */
export function layoutPanel(pt: PanelText, s: number, p: Palette): PanelOverlay {
  const r = pt.rect;
  const items: OverlayItem[] = [];
  let inset: OverlayItem[] = [];
  if (pt.border) items.push({ kind: 'rect', x: r.x + 0.5 * s, y: r.y + 0.5 * s, w: r.w - s, h: r.h - s, stroke: p.border, width: s });
  const e = 2 * s; // inside the border
  const L = new PanelLayout({ x0: r.x + e, y0: r.y + e, x1: r.x + r.w - e, y1: r.y + r.h - e });
  /** place a block (a scale bar with its note, a title) whole, as the one box it takes, or drop it */
  const block = (kind: LayoutKind, its: OverlayItem[]): boolean => {
    const box = union(its.map(itemBox));
    const text = its.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text).join(' / ');
    if (!box || !L.tryPlace({ kind, box, text })) return false;
    items.push(...its);
    return true;
  };
  const size = 11 * s, tick = 7 * s;
  const { h, v } = pt.axes;
  // axis titles: z at the right end of the bottom row, y or x at the top of the left column
  const hUnit = h && axisUnits(h, r.w, s, true), vUnit = v && axisUnits(v, r.h, s, false);
  const hTitle: OverlayItem[] = h && hUnit ? [{ kind: 'text', x: r.x + r.w - 8 * s, y: r.y + r.h - tick - 5 * s, text: `${h.name} [${hUnit.unit}]`, size: size * 1.1, colour: p.text, weight: 'bold', align: 'right', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s }] : [];
  const vTitle: OverlayItem[] = v && vUnit ? [{ kind: 'text', x: r.x + tick + 3 * s, y: r.y + 8 * s, text: `${v.name} [${vUnit.unit}]`, size: size * 1.1, colour: p.text, weight: 'bold', baseline: 'top', halo: p.halo, haloWidth: 3 * s }] : [];
  const axisRow = h ? 30 * s : 0;
  const barItems = pt.bars ? scaleBarItems(pt.bars.bars, pt.bars.note, r, s, p, axisRow) : [];
  const titleIts = pt.title ? titleItems(pt.title, r, s, p, !!h) : [];
  // the CDA_TAX inset keeps clear of the bars and the title where it can; where it cannot, it wins (the event first)
  const furniture = [hTitle, vTitle, barItems, titleIts].filter((x) => x.length).map((x) => union(x.map(itemBox))!);
  // ticks: each label whole and clear, else dropped with its mark
  const putTicks = (a: AxisSpec, ticks: readonly Tick[], horizontal: boolean) => {
    for (const t of ticks) {
      const u = (t.value - a.from) / (a.to - a.from);
      if (u < 0 || u > 1) continue;
      const its: OverlayItem[] = horizontal
        ? [{ kind: 'line', points: [[r.x + u * r.w, r.y + r.h], [r.x + u * r.w, r.y + r.h - tick]], colour: p.muted, width: 1.2 * s },
          { kind: 'text', x: r.x + u * r.w, y: r.y + r.h - tick - 5 * s, text: t.label, size, colour: p.muted, align: 'center', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s }]
        : [{ kind: 'line', points: [[r.x, r.y + (1 - u) * r.h], [r.x + tick, r.y + (1 - u) * r.h]], colour: p.muted, width: 1.2 * s },
          { kind: 'text', x: r.x + tick + 3 * s, y: r.y + (1 - u) * r.h, text: t.label, size, colour: p.muted, baseline: 'middle', halo: p.halo, haloWidth: 3 * s }];
      // the mark may touch the panel's edge (it is drawn from it); only its label must be inside
      const [mark, label] = its as [OverlayItem, OverlayItem];
      const lbl: LayoutBox = { kind: 'tick-label', box: itemBox(label), text: t.label };
      const mb = itemBox(mark);
      const mk: LayoutBox = { kind: 'tick', box: { x0: Math.max(mb.x0, L.bounds.x0), x1: Math.min(mb.x1, L.bounds.x1), y0: Math.max(mb.y0, L.bounds.y0), y1: Math.min(mb.y1, L.bounds.y1) } };
      if (!L.fits(lbl) || !L.fits(mk)) continue;
      L.placed.push(lbl, mk);
      items.push(mark, label);
    }
  };
  // the CDA_TAX inset (clear of everything placed so far), else the CDA_TAX value beside its segment
  const toLayout = (b: Box): InsetBox => ({ x0: (b.x0 - r.x) / s, x1: (b.x1 - r.x) / s, y0: (b.y0 - r.y) / s, y1: (b.y1 - r.y) / s });
  const toPic = (b: InsetBox): Box => ({ x0: r.x + b.x0 * s, x1: r.x + b.x1 * s, y0: r.y + b.y0 * s, y1: r.y + b.y1 * s });
  const ti = pt.taxInset?.([...L.placed.map((x) => x.box), ...furniture].map(toLayout));
  let insetShown = false;
  if (ti && pt.insetItems) {
    const leader = [[r.x + ti.leader[0][0] * s, r.y + ti.leader[0][1] * s], [r.x + ti.leader[1][0] * s, r.y + ti.leader[1][1] * s]] as const;
    const lb: Box = { x0: Math.min(leader[0][0], leader[1][0]), x1: Math.max(leader[0][0], leader[1][0]), y0: Math.min(leader[0][1], leader[1][1]), y1: Math.max(leader[0][1], leader[1][1]) };
    // the inset's panel, the outline of the region it magnifies and the leader between them are one
    // drawing (they may touch): each clear of what is placed, kept as one where they meet
    const parts: LayoutBox[] = [
      { kind: 'tax-inset', box: toPic({ x0: ti.x, x1: ti.x + ti.w, y0: ti.y, y1: ti.y + ti.h }), text: ti.title },
      { kind: 'tax-inset', box: toPic(ti.source), text: 'CDA_TAX region' },
      { kind: 'leader', box: lb, segment: leader },
    ];
    if (parts.every((x) => L.fits(x))) {
      const kept: LayoutBox[] = [];
      for (const x of parts) {
        const k = kept.findIndex((y) => !x.segment && !y.segment && overlaps(x.box, y.box));
        if (k >= 0) kept[k] = { ...kept[k]!, box: union([kept[k]!.box, x.box])! };
        else if (!kept.some((y) => collide(x, y))) kept.push(x);
      }
      L.placed.push(...kept);
      inset = pt.insetItems(ti); insetShown = true;
    }
  }
  // then the axis titles, the scale bars and the title; the CDA_TAX value (when there is no inset) moves around them
  block('axis-title', hTitle);
  block('axis-title', vTitle);
  block('scale-bar', barItems);
  block('title', titleIts);
  const cda = insetShown ? undefined : pt.cdaLabel?.();
  if (cda) {
    // at its place, else a line higher or lower, else dropped (it never covers other text)
    for (const dy of [0, -16, -32, 16, 32, -48, 48]) {
      const it: OverlayItem = { kind: 'text', x: r.x + cda.x * s, y: r.y + (cda.y + dy) * s, text: cda.text, size: 12 * s, colour: p.text, weight: 'bold', align: 'center', halo: p.halo, haloWidth: 3 * s };
      if (block('event-label', [it])) break;
    }
  }
  // ticks where they find room (after the event's own text)
  if (h && hUnit) putTicks(h, hUnit.ticks, true);
  if (v && vUnit) putTicks(v, vUnit.ticks, false);
  // element labels, by priority
  if (pt.labels?.length) {
    const reqs: LabelRequest[] = pt.labels.map((c) => ({
      id: c.id, text: c.text, priority: c.priority ?? 2, ...(c.rank !== undefined ? { rank: c.rank } : {}),
      target: { x0: r.x + c.minX * s, x1: r.x + c.maxX * s, y0: r.y + c.minY * s, y1: r.y + c.maxY * s },
    }));
    // the tracks take part only while the labels are placed: they are lines of the drawing, not text of the layout
    const n = L.placed.length, tracks = trackEntries((pt.tracks ?? []).map(([a, b]) => [[r.x + a[0] * s, r.y + a[1] * s], [r.x + b[0] * s, r.y + b[1] * s]] as const));
    L.placed.push(...tracks);
    const placed = placeLabelsIn(L, reqs, { size: LABEL_FONT_PX * s, pad: LABEL_PAD * s, gap: 2 * s });
    L.placed.splice(n, tracks.length);
    for (const l of placed) {
      if (l.leader) items.push({ kind: 'line', points: [[l.leader[0][0], l.leader[0][1]], [l.leader[1][0], l.leader[1][1]]], colour: p.muted, width: 0.75 * s, role: 'leader' });
      items.push({ kind: 'text', x: l.x, y: l.y, text: l.text, size: LABEL_FONT_PX * s, colour: p.text, align: 'center', baseline: 'bottom', halo: p.halo, haloWidth: 3 * s });
    }
  }
  return { items, inset, boxes: { name: pt.name, bounds: boxOfRect(r), entries: L.placed } };
}

/** The ticks of an axis for a panel of `len` output px: about one per 130 px (horizontal) or 90 px (vertical). */
function axisUnits(a: AxisSpec, len: number, s: number, horizontal: boolean): { unit: string; ticks: Tick[] } | undefined {
  const lo = Math.min(a.from, a.to), hi = Math.max(a.from, a.to);
  const { ticks, unit } = axisTicks(lo, hi, horizontal ? Math.max(3, Math.round(len / (130 * s))) : Math.max(3, Math.round(len / (90 * s))));
  return ticks.length ? { unit, ticks } : undefined;
}
