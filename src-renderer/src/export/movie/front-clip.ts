/**
 * The build-up's front in the movie's own event scene: every event material discards what lies
 * downstream of the front (world z > uniform), so tracks grow segment by segment and each hit
 * appears when the front reaches it. One uniform per movie scene; moving the front changes its
 * value only, never a shader. Wide lines (LineMaterial) clip along each segment (the segment's
 * ends interpolated, as the cut-aways of display/passive-look.ts do); points and meshes by their
 * vertices. Only the movie's scene is touched: its materials are its own (buildViewScene).
 */
import type * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { chainShaderPatch } from '../../display/shader-patch';

export interface FrontClip {
  /** world z (display units: NA62 mm / compression) beyond which the event is not drawn */
  readonly uniform: { value: number };
  /** materials clipped */
  readonly materials: number;
}

const GLSL = 'varying float vNa62FrontZ;\nuniform float uNa62Front;\n';

function install(m: THREE.Material, u: { value: number }, world: string): void {
  chainShaderPatch(m, {
    tag: 'front',
    uniforms: { uNa62Front: u },
    vertex: { head: 'varying float vNa62FrontZ;\n', main: `vNa62FrontZ = (modelMatrix * vec4(${world}, 1.0)).z;` },
    fragment: { head: GLSL, main: 'if (vNa62FrontZ > uNa62Front) discard;' },
  });
}

/** Clip every material under `group` (the event) at the front; starts with nothing drawn. */
export function installFrontClip(group: THREE.Object3D): FrontClip {
  const uniform = { value: -1e30 };
  let n = 0;
  group.traverse((o) => {
    const mats = (o as THREE.Mesh).material as THREE.Material | THREE.Material[] | undefined;
    if (!mats) return;
    for (const m of Array.isArray(mats) ? mats : [mats]) {
      install(m, uniform, m instanceof LineMaterial ? '( position.y < 0.5 ? instanceStart : instanceEnd )' : 'position');
      n++;
    }
  });
  return { uniform, materials: n };
}
