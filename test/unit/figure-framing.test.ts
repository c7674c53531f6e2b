/** A figure's side and top panels show the same stretch of z (issue 18), each keeping its transverse centre. */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { shareZRange, zRangeOf, type FramedPanel } from '../../src-renderer/src/export/figure-framing';
import { crossingBox, crossingPoints } from '../../src-renderer/src/display/framing';

function panel(mode: 'side' | 'top' | 'beam' | '3d', z: number, zoom: number, width = 800): FramedPanel & { camera: THREE.OrthographicCamera } {
  const camera = new THREE.OrthographicCamera(-width / 2, width / 2, 250, -250, 0.1, 1e7);
  const target = new THREE.Vector3(mode === 'top' ? 30 : 0, mode === 'side' ? -12 : 0, z);
  camera.position.set(target.x + (mode === 'side' ? -5e4 : 0), target.y + (mode === 'top' ? 5e4 : 0), z);
  camera.zoom = zoom;
  camera.lookAt(target);
  camera.updateProjectionMatrix();
  return { mode, camera, layout: { width, height: 500 }, target };
}

describe('figure framing', () => {
  it('gives the top panel the z range of the side panel framed from the screen', () => {
    const side = panel('side', 9000, 0.2), top = panel('top', 4000, 0.05), beam = panel('beam', 183_000, 1);
    const range = shareZRange([top, side, beam], side)!;
    expect(range).toEqual({ z0: 9000 - 2000, z1: 9000 + 2000 });
    expect(zRangeOf(top)).toEqual(range);
    // its own transverse centre and depth stay; the beam's-eye panel is left alone
    expect([top.camera.position.x, top.camera.position.y, top.target.x]).toEqual([30, 5e4, 30]);
    expect(top.target.z).toBe(9000);
    expect([beam.camera.position.z, beam.camera.zoom]).toEqual([183_000, 1]);
    // the camera still looks straight down at the new centre: a point at the centre projects to the middle
    const mid = new THREE.Vector3(30, 0, 9000).project(top.camera);
    expect(Math.abs(mid.x)).toBeLessThan(1e-9);
  });

  it('without a copied panel the first side or top panel is the reference; panels of other widths span the same z', () => {
    const top = panel('top', 4000, 0.05, 800), side = panel('side', 9000, 0.2, 400);
    shareZRange([top, side]);
    expect(zRangeOf(side)).toEqual(zRangeOf(top));
    expect(side.camera.zoom).toBeCloseTo(0.025, 12);
  });

  it('one 2D panel (or none) changes nothing', () => {
    const side = panel('side', 9000, 0.2);
    expect(shareZRange([side, panel('3d', 0, 1)])).toBeUndefined();
    expect(side.camera.zoom).toBe(0.2);
  });
});

describe("beam's eye framed on the event", () => {
  const station = new THREE.Box3(new THREE.Vector3(-1000, -1000, 900), new THREE.Vector3(1000, 1000, 910));
  const line = (x0: number, y0: number, sx: number, sy: number) => [new THREE.Vector3(x0, y0, 0), new THREE.Vector3(x0 + sx * 2e5, y0 + sy * 2e5, 2e5)];

  it('finds where each track crosses the station, and frames them with a margin inside the station', () => {
    const pts = crossingPoints([line(0, 0, 0.002, 0.001), line(0, 0, -0.001, 0.0005), line(0, 0, 0, 0).slice(0, 1)], 1e5);
    expect(pts.map((p) => [p.track, Math.round(p.x), Math.round(p.y)])).toEqual([[0, 200, 100], [1, -100, 50]]);
    const box = crossingBox(station, pts);
    // centred on the crossings, ±0.7 × their 300 mm spread in x (at least 150 mm), the station's own z
    expect([box.min.x, box.max.x, box.min.y, box.max.y].map(Math.round)).toEqual([-160, 260, -135, 285]);
    expect([box.min.z, box.max.z]).toEqual([900, 910]);
    // one crossing: at least ±150 mm around it; near the edge the frame stays inside the station
    const edge = crossingBox(station, [{ x: 990, y: 0 }]);
    expect([edge.min.x, edge.max.x, edge.min.y, edge.max.y]).toEqual([840, 1000, -150, 150]);
    // no crossing: the whole station
    expect(crossingBox(station, []).equals(station)).toBe(true);
  });
});
