/** Element labels: placed above their element, stacked when crowded, and never over the event's own label. */
import { describe, expect, it } from 'vitest';
import { layoutLabels, textBox } from '../../src-renderer/src/display/label-layout';

const box = (id: string, minX: number, maxX: number, minY: number, maxY: number) => ({ id, text: id.toUpperCase(), minX, maxX, minY, maxY });
const overlaps = (a: ReturnType<typeof textBox>, b: ReturnType<typeof textBox>) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('label layout', () => {
  it('puts a label just above its element', () => {
    const [l] = layoutLabels([box('straw1', 100, 140, 200, 400)], { width: 800, height: 600 });
    expect(l).toMatchObject({ id: 'straw1', x: 120, y: 196, anchorY: 200 });
  });

  it('stacks two labels that would overlap', () => {
    const out = layoutLabels([box('straw1', 100, 140, 200, 400), box('straw2', 110, 150, 200, 400)], { width: 800, height: 600 });
    expect(out).toHaveLength(2);
    expect(overlaps(textBox(out[0]!.text, out[0]!.x, out[0]!.y), textBox(out[1]!.text, out[1]!.x, out[1]!.y))).toBe(false);
  });

  it('keeps clear of a reserved box (the CDA_TAX label), moving the element label a level up', () => {
    const free = layoutLabels([box('mnp33', 100, 140, 200, 400)], { width: 800, height: 600 })[0]!;
    const cda = textBox('CDA_TAX 2.6 mm · Z_TAX 23.1 m', free.x, free.y);
    const moved = layoutLabels([box('mnp33', 100, 140, 200, 400)], { width: 800, height: 600 }, [cda])[0]!;
    expect(moved.y).toBeLessThan(free.y);
    expect(overlaps(textBox(moved.text, moved.x, moved.y), cda)).toBe(false);
  });
});
