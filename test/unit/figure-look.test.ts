/**
 * The 3D panel of pictures (export/figure-look.ts), without a browser: which element labels it
 * keeps (only the elements the event crosses), and that its detector is see-through while the
 * event stays opaque, on a real detector scene built as a picture panel builds it.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { crossedElements, MAIN_3D_LABELS } from '../../src-renderer/src/display/labels3d';
import { DEFAULT_LOOK } from '../../src-renderer/src/display/passive-look';
import { buildViewScene } from '../../src-renderer/src/display/view-scene';
import { DEFAULT_STYLE, SCREEN_SCALE, type DisplaySnapshot } from '../../src-renderer/src/display/types';
import { figureLabels3d, figureLook } from '../../src-renderer/src/export/figure-look';

const model = buildDetectorModel(NA62_DETECTOR);
const line = (x0: number, y0: number, z0: number, x1: number, y1: number, z1: number) => [new THREE.Vector3(x0, y0, z0), new THREE.Vector3(x1, y1, z1)];

describe('labels of the 3D panel in pictures', () => {
  const events: [string, THREE.Vector3[][]][] = [
    ['a track at 700 mm from the axis, 100–190 m', [line(0, 700, 100_000, 0, 700, 190_000)]],
    ['two tracks diverging through the spectrometer to the calorimeter', [line(0, 0, 110_000, 400, 300, 250_000), line(0, 0, 110_000, -500, -200, 250_000)]],
    ['a muon through everything', [line(100, 100, 105_000, 900, 700, 260_000)]],
  ];
  for (const [name, lines] of events) {
    it(`only the crossed elements: ${name}`, () => {
      const crossed = crossedElements(model, lines);
      expect(crossed.size).toBeGreaterThan(0);
      const l = figureLabels3d(model, {}, lines);
      const labelled = Object.keys(l).filter((id) => l[id]);
      for (const id of labelled) expect(crossed.has(id), `${id} is labelled but not crossed`).toBe(true);
      for (const id of crossed) {
        const el = model.byId.get(id)!.element;
        if (el.visibleByDefault !== false) expect(l[id], `${id} is crossed but not labelled`).toBe(true);
      }
    });
  }
  it('none of the main stations the event misses, none without an event, none hidden', () => {
    const l = figureLabels3d(model, {}, [line(0, 700, 100_000, 0, 700, 190_000)]);
    const missed = MAIN_3D_LABELS.filter((id) => !crossedElements(model, [line(0, 700, 100_000, 0, 700, 190_000)]).has(id));
    expect(missed).toContain('lkr');
    for (const id of missed) expect(l[id], id).toBe(false);
    expect(Object.values(figureLabels3d(model, {}, undefined)).some(Boolean)).toBe(false);
    expect(figureLabels3d(model, { lav5: false }, [line(0, 700, 100_000, 0, 700, 190_000)])['lav5']).toBe(false);
  });
});

describe('look of the 3D panel in pictures', () => {
  it('x-ray at least translucent, TAX faded, the user\'s own settings kept', () => {
    expect(figureLook(undefined).xray).toBe('translucent');
    expect(figureLook({ ...DEFAULT_LOOK, xray: 'outline' }).xray).toBe('outline');
    const l = figureLook({ ...DEFAULT_LOOK, elementOpacity: { anti0: 0.7, 'tax1-cu': 0.9 } });
    expect(l.elementOpacity['anti0']).toBe(0.7);
    expect(l.elementOpacity['tax1-cu']).toBe(0.9);
    expect(l.elementOpacity['tax2-fe']).toBeLessThan(0.5);
  });

  it('a picture\'s 3D scene: ANTI0, TAX, MNP33 and LKr faces see-through, no depth written', () => {
    const snap = { compression: 20, magnification: 1, shown: {}, theme: 'dark', mode: '3d', station: 'straw1', style: DEFAULT_STYLE, scene3d: figureLook(DEFAULT_LOOK) } as unknown as DisplaySnapshot;
    const view = buildViewScene(model, snap, { px: SCREEN_SCALE(1, 1), camera: new THREE.PerspectiveCamera(), background: null });
    try {
      const det = view.scene.getObjectByName('detector')!;
      for (const id of ['anti0', 'tax1-cu', 'tax2-fe', 'mnp33', 'lkr']) {
        const g = det.getObjectByName(id)!;
        const faces = g.children.filter((o): o is THREE.Mesh => o instanceof THREE.Mesh && o.visible);
        expect(faces.length, id).toBeGreaterThan(0);
        for (const m of faces) {
          const mat = m.material as THREE.Material;
          expect(mat.transparent, id).toBe(true);
          expect(mat.opacity, id).toBeLessThan(0.3);
          expect(mat.depthWrite, id).toBe(false);
        }
      }
      // the screen's default look (x-ray off): ANTI0 is an opaque disc there
      const screen = buildViewScene(model, { ...snap, scene3d: DEFAULT_LOOK }, { px: SCREEN_SCALE(1, 1), camera: new THREE.PerspectiveCamera(), background: null });
      const anti0 = screen.scene.getObjectByName('detector')!.getObjectByName('anti0')!.children.find((o) => o instanceof THREE.Mesh) as THREE.Mesh;
      expect((anti0.material as THREE.Material).opacity).toBe(1);
      screen.dispose();
    } finally {
      view.dispose();
    }
  });
});
