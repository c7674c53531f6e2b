import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import {
  COMPRESSION_MAX, compressionToSlider, sliderToCompression, stepCompression, toDisplayZ, fromDisplayZ,
} from '../../src-renderer/src/views/compression';
import { formatLength, niceFloor, scaleBar } from '../../src-renderer/src/display/scale-bar';
import { framePose } from '../../src-renderer/src/display/poses';
import { depthRange } from '../../src-renderer/src/display/depth-range';

const viewport = { width: 1200, height: 700 };

/** An orthographic camera as the app sets it up: frustum in CSS px, so zoom = px per display unit. */
function orthoFor(mode: 'side' | 'top' | 'beam', box: THREE.Box3): THREE.OrthographicCamera {
  const pose = framePose(mode, box, viewport);
  const cam = new THREE.OrthographicCamera(-viewport.width / 2, viewport.width / 2, viewport.height / 2, -viewport.height / 2, 0.1, 1e7);
  cam.up.copy(pose.up);
  cam.position.copy(pose.position);
  cam.lookAt(pose.target);
  cam.zoom = pose.zoom;
  cam.updateProjectionMatrix();
  cam.updateMatrixWorld();
  return cam;
}

/** Screen px between two NA62 points drawn through a group compressed by k along z. */
function screenDistance(cam: THREE.Camera, k: number, a: THREE.Vector3, b: THREE.Vector3): number {
  const group = new THREE.Group();
  group.scale.set(1, 1, 1 / k);
  group.updateMatrixWorld();
  const px = (p: THREE.Vector3) => {
    const v = p.clone().applyMatrix4(group.matrixWorld).project(cam);
    return new THREE.Vector2((v.x + 1) / 2 * viewport.width, (1 - v.y) / 2 * viewport.height);
  };
  return px(a).distanceTo(px(b));
}

describe('longitudinal compression', () => {
  it('steps through 1:1 … 1:100 and back, covering at least 1:50', () => {
    const up: number[] = [1];
    while (up[up.length - 1]! < COMPRESSION_MAX) up.push(stepCompression(up[up.length - 1]!, 1));
    expect(up).toContain(50);
    expect(up[up.length - 1]).toBe(100);
    expect(stepCompression(1, -1)).toBe(1);
    expect(stepCompression(20, -1)).toBe(10);
  });

  it('maps z to display z and back, and the slider round-trips', () => {
    expect(fromDisplayZ(toDisplayZ(183508, 20), 20)).toBeCloseTo(183508, 9);
    for (const k of [1, 2, 5, 20, 50, 100]) expect(sliderToCompression(compressionToSlider(k))).toBe(k);
  });
});

describe('scale bar', () => {
  it('picks 1-2-5 lengths and formats them', () => {
    expect(niceFloor(7.3)).toBe(5);
    expect(niceFloor(19999)).toBe(10000);
    expect(niceFloor(0.03)).toBeCloseTo(0.02, 12);
    expect(formatLength(20000)).toBe('20 m');
    expect(formatLength(500)).toBe('50 cm');
    expect(formatLength(5)).toBe('5 mm');
  });

  it('stays true in metres along z under any compression and zoom (side and top views)', () => {
    for (const mode of ['side', 'top'] as const) {
      for (const k of [1, 7, 20, 50, 100]) {
        const box = new THREE.Box3(new THREE.Vector3(-2000, -2000, 0), new THREE.Vector3(2000, 2000, 267800 / k));
        const cam = orthoFor(mode, box);
        for (const zoomFactor of [1, 13.7, 400]) {
          cam.zoom *= zoomFactor;
          cam.updateProjectionMatrix();
          const bar = scaleBar(cam.zoom, k)!;
          const measured = screenDistance(cam, k, new THREE.Vector3(0, 0, 150000), new THREE.Vector3(0, 0, 150000 + bar.mm));
          expect(measured / bar.px, `${mode} k=${k} zoom×${zoomFactor}`).toBeCloseTo(1, 6);
          expect(bar.px).toBeLessThanOrEqual(160);
          expect(bar.px).toBeGreaterThan(160 / 5 - 1e-9);
          cam.zoom /= zoomFactor;
        }
      }
    }
  });

  it('is not compressed across z: a transverse bar measures true millimetres', () => {
    const k = 50;
    const box = new THREE.Box3(new THREE.Vector3(-2000, -2000, 0), new THREE.Vector3(2000, 2000, 267800 / k));
    const cam = orthoFor('side', box);
    const bar = scaleBar(cam.zoom, 1)!;
    const measured = screenDistance(cam, k, new THREE.Vector3(0, -300, 200000), new THREE.Vector3(0, -300 + bar.mm, 200000));
    expect(measured / bar.px).toBeCloseTo(1, 6);
  });

  it('refuses nonsense inputs instead of drawing a wrong bar', () => {
    expect(scaleBar(0, 1)).toBeUndefined();
    expect(scaleBar(Number.NaN, 1)).toBeUndefined();
    expect(scaleBar(1, 0)).toBeUndefined();
  });
});

describe('depth range', () => {
  const box = { min: [-2000, -2000, 0] as const, max: [2000, 2000, 13400] as const };
  it('keeps the whole scene between near and far from outside it', () => {
    const cam = [-30000, 5000, -20000] as const;
    const { near, far } = depthRange(cam, box);
    expect(near).toBeGreaterThan(0);
    const d = (p: readonly number[]) => Math.hypot(p[0]! - cam[0], p[1]! - cam[1], p[2]! - cam[2]);
    for (const x of [box.min[0], box.max[0]]) for (const y of [box.min[1], box.max[1]]) for (const z of [box.min[2], box.max[2]]) {
      expect(d([x, y, z])).toBeLessThan(far);
      expect(d([x, y, z])).toBeGreaterThan(near);
    }
  });
  it('lets the camera fly inside the detector without clipping what is next to it', () => {
    const { near, far } = depthRange([0, 0, 5000], box);
    expect(near).toBeLessThanOrEqual(1);
    expect(far).toBeGreaterThan(8400);
  });
});
