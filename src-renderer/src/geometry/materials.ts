/** Materials of the static detector, per theme. Edges are nudged towards the camera so they never z-fight their faces. */
import * as THREE from 'three';
import type { ElementStyle } from './build-element';
import type { Theme } from '../display/types';

/**
 * A view's uniform: how far (view-space units) to pull edge lines towards an orthographic camera.
 * For perspective cameras the edge is pulled by a fraction of its distance, which keeps its
 * screen position and survives the logarithmic depth buffer (where polygon offset does not apply).
 * Each view (the screen, a picture panel) has its own, so rendering one never changes another.
 */
export type EdgeNudge = { value: number };

export function createEdgeMaterial(colour: THREE.ColorRepresentation, opacity: number, nudge: EdgeNudge): THREE.LineBasicMaterial {
  const m = new THREE.LineBasicMaterial({ color: colour, transparent: opacity < 1, opacity, depthWrite: opacity >= 1 });
  m.onBeforeCompile = (shader) => {
    shader.uniforms['uEdgeNudge'] = nudge;
    shader.vertexShader = shader.vertexShader
      .replace('void main() {', 'uniform float uEdgeNudge;\nvoid main() {')
      .replace(
        '#include <project_vertex>',
        `vec4 mvPosition = modelViewMatrix * vec4( transformed, 1.0 );
        if ( isPerspectiveMatrix( projectionMatrix ) ) mvPosition.xyz *= 0.9995; else mvPosition.z += uEdgeNudge;
        gl_Position = projectionMatrix * mvPosition;`,
      );
  };
  m.customProgramCacheKey = () => 'na62-edge';
  return m;
}

/** The LAV's block outlines, faint as built (the x-ray look leaves them so: they are already at the level it fades dense outlines to) */
export const BLOCK_EDGE_OPACITY = 0.25;

export interface ElementMaterials {
  readonly faces?: THREE.Material;
  readonly lines?: THREE.Material;
  readonly point?: THREE.PointsMaterial;
}

/**
 * `dense`: what the element repeats thousands of times — 'wires' (the straws: faint lines) or 'blocks'
 * (the LAV's lead-glass blocks: faint block edges; drawn in full, the outlines of 2 500 blocks in
 * twelve stations made the 3D view a field of bright slats; translucent blocks were tried and made
 * a wash of the straw chambers behind them); undefined for the rest.
 */
export function createElementMaterials(colour: string, style: ElementStyle, theme: Theme, dense: 'wires' | 'blocks' | undefined, nudge: EdgeNudge, pointScale = 1): ElementMaterials {
  const base = new THREE.Color(colour);
  const edge = theme === 'dark' ? base.clone().lerp(new THREE.Color('#ffffff'), 0.35) : base.clone().lerp(new THREE.Color('#000000'), 0.45);
  switch (style) {
    case 'marker':
      // drawn with the transparent ones, as the event's points are, so both use one shader program (no depth test: on top either way)
      return { point: new THREE.PointsMaterial({ color: base, size: 9 * pointScale, sizeAttenuation: false, depthTest: false, transparent: true }) };
    case 'lines':
      return { lines: createEdgeMaterial(theme === 'dark' ? base : base.clone().multiplyScalar(0.6), 0.8, nudge) };
    case 'translucent':
      return {
        // one pass (three.js would draw back faces, then front faces, each with its own shader program): the faces are
        // one colour without depth writes, so blending them in any order gives the same pixels, and with software
        // WebGL each program costs ~0.1 s of the first frame (bench/startup.bench.mjs)
        faces: new THREE.MeshLambertMaterial({ color: base, transparent: true, opacity: theme === 'dark' ? 0.13 : 0.18, depthWrite: false, side: THREE.DoubleSide, forceSinglePass: true }),
        // dense wire sets (thousands of straws) stay faint so the beam hole and overlays read through them
        lines: createEdgeMaterial(dense === 'wires' ? base : edge, dense === 'wires' ? 0.22 : 0.55, nudge),
      };
    case 'solid':
      return { faces: new THREE.MeshLambertMaterial({ color: base }), lines: createEdgeMaterial(edge, dense === 'blocks' ? BLOCK_EDGE_OPACITY : 1, nudge) };
  }
}
