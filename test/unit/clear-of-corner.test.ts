/**
 * Framed on the event, a 2D view keeps the event out from under the legend in its top-right
 * corner (a kaon event's tracks ran beneath it): the box is framed again into the width left of
 * the legend; a box clear of it keeps its pose.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { clearOfCorner, framePose } from '../../src-renderer/src/display/poses';

const viewport = { width: 1100, height: 700 };
const legend = { x0: 930, x1: 1100, y0: 0, y1: 200 };

/** screen box (CSS px, y down) of a display box under a side-view pose */
function onScreen(pose: ReturnType<typeof framePose>, box: THREE.Box3) {
  const sx = (z: number) => (z - pose.target.z) * pose.zoom + viewport.width / 2;
  const sy = (y: number) => viewport.height / 2 - (y - pose.target.y) * pose.zoom;
  return { x0: sx(box.min.z), x1: sx(box.max.z), y0: sy(box.max.y), y1: sy(box.min.y) };
}

describe('framing clear of the legend', () => {
  it('an event box that reaches under the legend is framed into the width left of it, whole and as large as fits', () => {
    // tracks fanning out downstream: the box is as high as it is long on screen
    const box = new THREE.Box3(new THREE.Vector3(-10, -300, 5000), new THREE.Vector3(10, 300, 6000));
    const pose = framePose('side', box, viewport);
    const before = onScreen(pose, box);
    expect(before.x1).toBeGreaterThan(legend.x0); // under the legend as framed before
    expect(before.y0).toBeLessThan(legend.y1);
    const clear = clearOfCorner(pose, 'side', box, viewport, legend);
    const after = onScreen(clear, box);
    expect(after.x1).toBeLessThanOrEqual(legend.x0 - 8 + 1e-6);
    expect(after.x0).toBeGreaterThanOrEqual(-1e-6);
    expect(after.y0).toBeGreaterThanOrEqual(-1e-6);
    expect(after.y1).toBeLessThanOrEqual(viewport.height + 1e-6);
    // centred in the free width, and smaller only by as much as the legend takes
    expect((after.x0 + after.x1) / 2).toBeCloseTo((legend.x0 - 8) / 2, 6);
    expect(clear.zoom).toBeLessThan(pose.zoom);
    expect(clear.zoom).toBeGreaterThan(0.7 * pose.zoom);
    // the camera moved with its target: it looks along the same direction
    expect(clear.position.clone().sub(clear.target).normalize().toArray()).toEqual(pose.position.clone().sub(pose.target).normalize().toArray());
  });

  it('keeps the pose when the box stays clear of the legend, and in the beam\'s eye and 3D', () => {
    // a long flat event along the axis: its screen box is below the legend
    const flat = new THREE.Box3(new THREE.Vector3(-10, -5, 0), new THREE.Vector3(10, 5, 10_000));
    const pose = framePose('side', flat, viewport);
    expect(onScreen(pose, flat).y0).toBeGreaterThan(legend.y1);
    expect(clearOfCorner(pose, 'side', flat, viewport, legend)).toBe(pose);
    expect(clearOfCorner(pose, 'side', flat, viewport, undefined)).toBe(pose);
    const box = new THREE.Box3(new THREE.Vector3(-300, -300, 5000), new THREE.Vector3(300, 300, 6000));
    for (const mode of ['beam', '3d'] as const) {
      const p = framePose(mode, box, viewport);
      expect(clearOfCorner(p, mode, box, viewport, legend)).toBe(p);
    }
  });
});
