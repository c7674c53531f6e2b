/**
 * The straw chambers' wires fade with the number of lines that fall in a pixel (display/wire-density.ts):
 * an overview shows a light hatch instead of a solid area, a close view the straws as built, an edge-on
 * view the chamber band as built, and the x-ray look's opacity survives the draw.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { buildDetectorScene } from '../../src-renderer/src/display/detector-scene';
import { WIRE_COVERAGE, wireOpacity } from '../../src-renderer/src/display/wire-density';
import { pxPerUnitAt } from '../../src-renderer/src/display/projection';
import { sceneToSvg } from '../../src-renderer/src/export/svg-scene';
import { STRAW_CHAMBER_Z } from '../../src-shared/geometry/straw';

describe('dense wires', () => {
  it('keep their opacity while the lines stand apart; denser, together they cover WIRE_COVERAGE of the face', () => {
    expect(wireOpacity(0.22, 0.5)).toBe(0.22);
    expect(wireOpacity(0.22, 1)).toBe(0.22);
    for (const n of [2, 5, 23, 200]) {
      const a = wireOpacity(0.22, n);
      expect(a).toBeLessThan(0.22);
      expect(1 - (1 - a) ** n).toBeCloseTo(WIRE_COVERAGE, 9);
    }
    expect(wireOpacity(0.22, 200)).toBeLessThan(wireOpacity(0.22, 23));
  });

  it('pixels per display unit: an orthographic frustum in CSS px at its zoom, a perspective camera at a distance', () => {
    const o = new THREE.OrthographicCamera(-400, 400, 300, -300, 0.1, 1e6);
    o.zoom = 0.2;
    expect(pxPerUnitAt(o, 600, new THREE.Vector3())).toBeCloseTo(0.2, 12);
    expect(pxPerUnitAt(o, 1200, new THREE.Vector3())).toBeCloseTo(0.4, 12); // a 2× picture
    // one 600-px tile of a 1800-px-high picture (tiled export): the whole picture's density
    o.setViewOffset(2400, 1800, 0, 600, 800, 600);
    expect(pxPerUnitAt(o, 600, new THREE.Vector3())).toBeCloseTo(0.6, 12);
    o.clearViewOffset();
    const p = new THREE.PerspectiveCamera(60, 4 / 3, 1, 1e7);
    p.position.set(0, 0, 10_000);
    p.updateMatrixWorld(true);
    // the visible height at 10 m is 2·10 m·tan 30° = 11 547 mm over 600 px
    expect(pxPerUnitAt(p, 600, new THREE.Vector3())).toBeCloseTo(600 / 11_547.005, 6);
  });

  it('fade a chamber per draw from its own camera and restore the opacity after, so the x-ray look keeps its own', () => {
    const det = buildDetectorScene(buildDetectorModel(NA62_DETECTOR), { theme: 'dark', nudge: { value: 0 } });
    const straw = det.elements.get('straw1')!;
    const lines = straw.children.find((o) => o instanceof THREE.LineSegments) as THREE.LineSegments<THREE.BufferGeometry, THREE.LineBasicMaterial>;
    const built = lines.material.opacity;
    expect(built).toBeGreaterThan(0.1);
    det.group.updateMatrixWorld(true);
    const draw = (camera: THREE.Camera, heightPx: number): number => {
      camera.updateMatrixWorld(true);
      const renderer = { getCurrentViewport: (v: THREE.Vector4) => v.set(0, 0, heightPx * 1.3, heightPx) } as unknown as THREE.WebGLRenderer;
      lines.onBeforeRender(renderer, new THREE.Scene(), camera, lines.geometry, lines.material, null as unknown as THREE.Group);
      const during = lines.material.opacity;
      lines.onAfterRender(renderer, new THREE.Scene(), camera, lines.geometry, lines.material, null as unknown as THREE.Group);
      expect(lines.material.opacity).toBe(built);
      return during;
    };
    // the beam's-eye overview: 2.4 m over 400 px, looking along z
    const beam = new THREE.OrthographicCamera(-650, 650, 200, -200, 0.1, 1e7);
    beam.zoom = 400 / 2400;
    beam.position.set(0, 0, STRAW_CHAMBER_Z[0]! - 50_000);
    beam.lookAt(0, 0, STRAW_CHAMBER_Z[0]!);
    const overview = draw(beam, 400);
    expect(overview).toBeLessThan(built / 2);
    // four views, a line every 4.4 mm: 6 mm per pixel puts about 5.5 lines in each
    expect(overview).toBeCloseTo(wireOpacity(built, 4 / (4.4 * (400 / 2400))), 9);
    // zoomed in to 2 px per mm: the straws as built
    beam.zoom = 2;
    expect(draw(beam, 400)).toBe(built);
    // edge on (the top view looks down y): the chamber band as built, however far out
    const top = new THREE.OrthographicCamera(-650, 650, 200, -200, 0.1, 1e7);
    top.zoom = 0.01;
    top.position.set(0, 50_000, STRAW_CHAMBER_Z[0]!);
    top.lookAt(0, 0, STRAW_CHAMBER_Z[0]!);
    expect(draw(top, 400)).toBe(built);
    // the SVG picture asks the same question of its own pixels: the overview's straws as faint as on screen
    beam.zoom = 400 / 2400;
    const group = new THREE.Group();
    group.add(straw.clone());
    const opacities = [...sceneToSvg(group, beam, { x: 0, y: 0, w: 1300, h: 400 }, { thinLine: 1 }).matchAll(/stroke-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(opacities.length).toBeGreaterThan(0);
    expect(Math.max(...opacities)).toBeCloseTo(overview, 3);
  });
});
