/**
 * One tiny object of each kind an event draws (wide lines solid and dashed, thin lines solid and
 * dashed, filled rectangles, points), made with the layers' own building blocks so that their
 * shader programs are those of an event. The live view compiles them (compileAsync) as soon as
 * it exists, before the first event arrives: with software WebGL, linking the programs of the
 * first event took over a second on the main thread (bench/startup.bench.mjs). They stay alive
 * with the view: a disposed material would release its programs. The group is compiled, never
 * added to a scene (never drawn).
 */
import * as THREE from 'three';
import { lineDrawing, rectMesh, SegmentBuffer, thinLineDrawing } from './layers/draw-kit';
import type { LayerDrawing } from './layers/types';
import type { PixelScale } from './types';

export function shaderWarmup(px: PixelScale): { group: THREE.Group; dispose(): void } {
  const c = new THREE.Color('#888888');
  const buf = new SegmentBuffer();
  buf.seg(new THREE.Vector3(0, 0, 0), new THREE.Vector3(1, 1, 1), c);
  const drawings: (LayerDrawing | undefined)[] = [
    lineDrawing(buf, { width: 2, renderOrder: 0, name: 'warmup' }),
    lineDrawing(buf, { width: 2, renderOrder: 0, name: 'warmup', dashed: { dash: 1, gap: 1 } }),
    thinLineDrawing(buf, px, c, { renderOrder: 0, name: 'warmup' }),
    thinLineDrawing(buf, px, c, { renderOrder: 0, name: 'warmup', dashed: { dash: 1, gap: 1 } }),
  ];
  const group = new THREE.Group();
  group.name = 'shader-warmup';
  for (const d of drawings) for (const o of d?.objects ?? []) group.add(o);
  const rect = rectMesh([{ x0: 0, y0: 0, x1: 1, y1: 1, z: 0 }], c, 'warmup', 0);
  const point = new THREE.Points(new THREE.BufferGeometry().setFromPoints([new THREE.Vector3()]), new THREE.PointsMaterial({ color: c, size: 9 * px.points, sizeAttenuation: false, depthTest: false, transparent: true }));
  group.add(rect, point);
  return {
    group,
    dispose: () => {
      for (const d of drawings) d?.dispose();
      rect.geometry.dispose(); (rect.material as THREE.Material).dispose();
      point.geometry.dispose(); point.material.dispose();
    },
  };
}
