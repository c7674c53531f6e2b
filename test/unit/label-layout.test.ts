/** Element labels (screen and pictures, one layout engine): above their element, stacked when crowded, whole inside the view, by priority, never over reserved text. */
import { describe, expect, it } from 'vitest';
import { layoutLabels, textBox, LABEL_FONT_PX, LABEL_PAD } from '../../src-renderer/src/display/label-layout';
import { FONT_DESCENT } from '../../src-shared/picture/text-layout/font-metrics';
import { PanelLayout, layoutProblems, segmentHitsBox, trackEntries } from '../../src-shared/picture/text-layout/layout';
import { placeLabelsIn, LABEL_PRIORITY } from '../../src-shared/picture/text-layout/labels';

const box = (id: string, minX: number, maxX: number, minY: number, maxY: number, priority?: number) => ({ id, text: id.toUpperCase(), minX, maxX, minY, maxY, ...(priority !== undefined ? { priority } : {}) });
const overlaps = (a: ReturnType<typeof textBox>, b: ReturnType<typeof textBox>) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('label layout', () => {
  it('puts a label just above its element (its descent, halo and a 2 px gap above the outline)', () => {
    const [l] = layoutLabels([box('straw1', 100, 140, 200, 400)], { width: 800, height: 600 });
    expect(l).toMatchObject({ id: 'straw1', x: 120, anchorY: 200 });
    expect(l!.y).toBeCloseTo(200 - 2 - FONT_DESCENT * LABEL_FONT_PX - LABEL_PAD, 6);
  });

  it('stacks two labels that would overlap; neighbours never run together ("STRAW3 STRAW4")', () => {
    const out = layoutLabels([box('straw1', 100, 140, 200, 400), box('straw2', 110, 150, 200, 400)], { width: 800, height: 600 });
    expect(out).toHaveLength(2);
    expect(overlaps(textBox(out[0]!.text, out[0]!.x, out[0]!.y), textBox(out[1]!.text, out[1]!.x, out[1]!.y))).toBe(false);
    // side by side at one level: at least the two halos and a gap between the words
    const pair = layoutLabels([box('straw3', 100, 140, 200, 400), box('straw4', 190, 230, 200, 400)], { width: 800, height: 600 });
    const [a, b] = pair.map((p) => textBox(p.text, p.x, p.y)).sort((p, q) => p.x0 - q.x0);
    expect(pair[0]!.y).toBe(pair[1]!.y);
    expect(b!.x0 - a!.x1).toBeGreaterThanOrEqual(0);
  });

  it('keeps clear of a reserved box (the CDA_TAX label): neither the label nor its leader crosses it', () => {
    const free = layoutLabels([box('mnp33', 100, 140, 200, 400)], { width: 800, height: 600 })[0]!;
    const cda = textBox('CDA_TAX 2.6 mm · Z_TAX 23.1 m', free.x, free.y);
    const moved = layoutLabels([box('mnp33', 100, 140, 200, 400)], { width: 800, height: 600 }, [cda])[0]!;
    expect(moved.y).not.toBe(free.y);
    expect(overlaps(textBox(moved.text, moved.x, moved.y), cda)).toBe(false);
    if (moved.leader) expect(segmentHitsBox(moved.leader[0], moved.leader[1], cda)).toBe(false);
  });

  it('keeps a label off the event\'s tracks: the text moves to a free level, its leader may cross a track', () => {
    const free = layoutLabels([box('lkr', 100, 140, 200, 400)], { width: 800, height: 600 })[0]!;
    const b = textBox(free.text, free.x, free.y);
    // a track through the label's first place, running on to the element (as the top view's tracks ran under "LKr")
    const track = [[b.x0 - 40, (b.y0 + b.y1) / 2], [b.x1 + 40, (b.y0 + b.y1) / 2 + 4]] as const;
    const moved = layoutLabels([box('lkr', 100, 140, 200, 400)], { width: 800, height: 600 }, [], [track])[0]!;
    expect(moved.y).not.toBe(free.y);
    const mb = textBox(moved.text, moved.x, moved.y);
    expect(segmentHitsBox(track[0], track[1], mb)).toBe(false);
    expect(segmentHitsBox(track[0], track[1], b)).toBe(true); // the old place was on it
    // a track is a line of the drawing, not text: two of them crossing is no problem for the layout
    const L = new PanelLayout({ x0: 0, y0: 0, x1: 800, y1: 600 });
    L.placed.push(...trackEntries([[[0, 0], [100, 100]], [[0, 100], [100, 0]]]));
    expect(layoutProblems(L.placed, L.bounds)).toEqual([]);
  });

  it('keeps a label whole inside the view at its edge ("GTK2", "SAC"), its leader still reaching the element', () => {
    const out = layoutLabels([box('gtk2', -30, 6, 200, 300), box('sac', 790, 840, 200, 300)], { width: 800, height: 600 });
    expect(out).toHaveLength(2);
    for (const l of out) {
      const b = textBox(l.text, l.x, l.y);
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(800);
    }
    const gtk = out.find((l) => l.id === 'gtk2')!;
    expect(gtk.leader![1][0]).toBeLessThanOrEqual(6); // the foot on the element's visible part
  });

  it('an element running past the top edge is labelled on it, along the edge', () => {
    const [l] = layoutLabels([box('straw1', 100, 140, -50, 700)], { width: 800, height: 600 });
    expect(textBox(l!.text, l!.x, l!.y).y0).toBeGreaterThanOrEqual(0);
    expect(l!.leader).toBeUndefined();
  });

  it('drops by priority when crowded: the elements the event touches first, then the main stations, then the rest', () => {
    // ten elements on one spot: room for two levels only
    const cands = Array.from({ length: 10 }, (_, i) => box(`e${i}`, 100, 140, 40, 60, i === 7 ? LABEL_PRIORITY.touched : i === 3 ? LABEL_PRIORITY.main : LABEL_PRIORITY.other));
    const L = new PanelLayout({ x0: 0, y0: 0, x1: 800, y1: 100 });
    const placed = placeLabelsIn(L, cands.map((c) => ({ id: c.id, text: c.text, priority: c.priority ?? 2, target: { x0: c.minX, x1: c.maxX, y0: c.minY, y1: c.maxY } })), { size: 12, pad: 3, gap: 2, levels: 2 });
    expect(placed.map((p) => p.id).slice(0, 2)).toEqual(['e7', 'e3']);
    expect(placed.length).toBeLessThan(10);
    expect(layoutProblems(L.placed, L.bounds)).toEqual([]);
  });
});
