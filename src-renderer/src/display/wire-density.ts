/**
 * Dense wire sets (the STRAW chambers: four views of four staggered layers, a line every 4.4 mm in
 * each view) seen face on. At an overview's zoom dozens of straws fall in one device pixel, and at
 * any fixed opacity they add up to a solid area over the event (the beam's-eye view of STRAW1 was a
 * yellow square, the 3D view a yellow wall). So their opacity is set at each draw from how many
 * lines fall in a pixel: together they cover about WIRE_COVERAGE of the chamber's face, and zoomed
 * in, where the straws stand apart on screen, they keep the opacity they were built with. Seen edge
 * on (side and top views) the chamber is a thin band, drawn as built.
 *
 * Applied per draw (onBeforeRender, restored after): the live views and the picture export each
 * compute it from their own camera and pixels, and the x-ray look's opacity is kept and multiplied.
 */
import * as THREE from 'three';
import { pxPerUnitAt } from './projection';

/** the share of the chamber's face the wires may cover together when they are denser than the pixels [E: a look] */
export const WIRE_COVERAGE = 0.2;

/**
 * The opacity each line gets when `linesPerPixel` lines fall in a device pixel: `base` while they
 * are apart, else the opacity at which that many overlapping lines cover WIRE_COVERAGE.
 */
export function wireOpacity(base: number, linesPerPixel: number): number {
  if (!(linesPerPixel > 1)) return base;
  return Math.min(base, 1 - Math.pow(1 - WIRE_COVERAGE, 1 / linesPerPixel));
}

const viewport = new THREE.Vector4(), centre = new THREE.Vector3(), dir = new THREE.Vector3(), axis = new THREE.Vector3();

interface DenseWires { readonly spacing: number; readonly overlaid: number }
const KEY = 'na62DenseWires';

/**
 * The opacity to draw `lines` with, built at `opacity`, through `camera` into a viewport
 * `heightPx` device pixels high: `opacity` itself unless they are dense wires (fadeDenseWires)
 * seen face on. The screen's draws and the SVG picture both ask this.
 */
export function drawnWireOpacity(lines: THREE.Object3D, camera: THREE.Camera, heightPx: number, opacity: number): number {
  const w = lines.userData[KEY] as DenseWires | undefined;
  const g = (lines as THREE.LineSegments).geometry as THREE.BufferGeometry | undefined;
  if (!w || !g) return opacity;
  if (!g.boundingSphere) g.computeBoundingSphere();
  centre.copy(g.boundingSphere!.center).applyMatrix4(lines.matrixWorld);
  // edge on (the wire planes seen from the side): a band, not a face
  camera.getWorldDirection(dir);
  axis.set(0, 0, 1).transformDirection(lines.matrixWorld);
  if (Math.abs(dir.dot(axis)) < 0.3) return opacity;
  const e = lines.matrixWorld.elements;
  // display units per mm across the wires (a transverse magnification spreads them): the denser axis
  const unitsPerMm = Math.min(Math.hypot(e[0]!, e[1]!, e[2]!), Math.hypot(e[4]!, e[5]!, e[6]!));
  const pxPerMm = pxPerUnitAt(camera, heightPx, centre) * unitsPerMm;
  return wireOpacity(opacity, w.overlaid / (w.spacing * pxPerMm));
}

/**
 * Fade `lines` (wires in planes normal to z, `spacing` mm apart within one of `overlaid` sets that
 * overlap on screen) with the pixel density at each draw.
 */
export function fadeDenseWires(lines: THREE.LineSegments, spacing: number, overlaid: number): void {
  const material = lines.material as THREE.Material;
  lines.userData[KEY] = { spacing, overlaid } satisfies DenseWires;
  let kept: number | undefined;
  lines.onBeforeRender = (renderer, _scene, camera) => {
    renderer.getCurrentViewport(viewport);
    kept = material.opacity;
    material.opacity = drawnWireOpacity(lines, camera, viewport.w, kept);
  };
  lines.onAfterRender = () => {
    if (kept !== undefined) material.opacity = kept;
    kept = undefined;
  };
}
