/**
 * One way to add a discard test to a three.js material's own shaders, used by the 3D cut-aways
 * (display/passive-look.ts) and the movie's build-up front (export/movie/front-clip.ts): the patch
 * chains onto any earlier onBeforeCompile (a material may carry both), gives the program its own
 * cache key (so three never reuses the unpatched program) and is applied once per tag.
 */
import type * as THREE from 'three';

export interface MainPatch {
  /** short name, unique per kind of patch: the program cache key and the once-only flag */
  readonly tag: string;
  /** the uniforms the GLSL reads, shared objects so that moving them never recompiles */
  readonly uniforms: Record<string, THREE.IUniform>;
  /** declarations and statements put before and at the start of the vertex shader's main() */
  readonly vertex: { readonly head: string; readonly main: string };
  /** the same for the fragment shader (typically `if (…) discard;`) */
  readonly fragment: { readonly head: string; readonly main: string };
}

const atMain = (src: string, head: string, main: string) => src.replace('void main() {', `${head}void main() {\n\t${main}`);

/** Apply `p` to `m`; false when this material already has a patch with the same tag. */
export function chainShaderPatch(m: THREE.Material, p: MainPatch): boolean {
  const flag = `na62Patch:${p.tag}`;
  if (m.userData[flag]) return false;
  m.userData[flag] = true;
  const prev = m.onBeforeCompile.bind(m);
  const prevKey = m.customProgramCacheKey.bind(m);
  m.onBeforeCompile = (shader, renderer) => {
    prev(shader, renderer);
    Object.assign(shader.uniforms, p.uniforms);
    shader.vertexShader = atMain(shader.vertexShader, p.vertex.head, p.vertex.main);
    shader.fragmentShader = atMain(shader.fragmentShader, p.fragment.head, p.fragment.main);
  };
  m.customProgramCacheKey = () => `${prevKey()}|na62-${p.tag}`;
  m.needsUpdate = true;
  return true;
}
