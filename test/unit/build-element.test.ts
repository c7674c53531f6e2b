import { describe, expect, it } from 'vitest';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';

describe('detector geometry builder', () => {
  const model = buildDetectorModel(NA62_DETECTOR);

  it('builds every element, and its box matches the table', () => {
    for (const { element, geometry } of model.elements) {
      expect(geometry.box.isEmpty(), element.id).toBe(false);
      if (element.shape.kind === 'straw' || element.shape.kind === 'axis' || element.shape.kind === 'tube') continue;
      expect(geometry.box.min.z, element.id).toBeCloseTo(element.copiesZ0 ? Math.min(...element.copiesZ0) : element.z0, 3);
      const last = element.copiesZ0 ? Math.max(...element.copiesZ0) + (element.z1 - element.z0) : element.z1;
      expect(geometry.box.max.z, element.id).toBeCloseTo(last, 3);
    }
  });

  it('merges what repeats: one face and one line geometry per element for thousands of parts', () => {
    const drawables = model.elements.reduce((n, e) => n + (e.geometry.faces ? 1 : 0) + (e.geometry.lines ? 1 : 0) + (e.geometry.point ? 1 : 0), 0);
    expect(drawables).toBeLessThanOrEqual(2 * model.elements.length);
    expect(model.totalParts).toBeGreaterThan(7000 + 2496 + 148); // straws + LAV blocks + MUV3 tiles
    const lav1 = model.byId.get('lav1')!.geometry;
    expect(lav1.parts).toBe(5 * 32);
    expect(model.byId.get('muv3')!.geometry.parts).toBe(140 + 8 + 2); // two small tiles split by the gap
  });

  it('stores vertices relative to the element so float32 keeps sub-micron precision', () => {
    const gtk3 = model.byId.get('gtk3')!.geometry;
    gtk3.faces!.computeBoundingBox();
    const local = gtk3.faces!.boundingBox!;
    expect(local.max.z - local.min.z).toBeCloseTo(0.2, 5); // 200 µm of silicon, exact to 10 nm
    expect(gtk3.originZ + local.min.z).toBeCloseTo(102400, 3);
  });

  it('draws the LKr beam hole and the STRAW chambers at their z', () => {
    const lkr = model.byId.get('lkr')!.geometry.box;
    expect(lkr.max.x).toBeCloseTo(1243.5 / Math.cos(Math.PI / 8) * Math.cos(Math.PI / 8), 0);
    const s1 = model.byId.get('straw1')!.geometry.box;
    expect(s1.min.z).toBeGreaterThan(183508 - 196.9 - 0.02);
    expect(s1.max.z).toBeLessThan(183508 + 196.9 + 0.02);
  });
});
