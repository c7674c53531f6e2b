/**
 * Whether the live views draw with multisampling (MSAA). 'auto' turns it off where WebGL runs in
 * software (SwiftShader, llvmpipe: remote desktops, virtual machines, machines without a GPU driver),
 * where it costs most of each frame: a frame of the side view took 280 ms with MSAA and 95 ms
 * without, and the first event came 0.6 s later on a cold start (bench/startup.bench.mjs, 2 cores).
 * Pictures are not affected: export renders with its own antialiased renderer (export/export-gl.ts).
 */
export type AntialiasSetting = 'auto' | 'on' | 'off';
export const ANTIALIAS_SETTINGS: readonly AntialiasSetting[] = ['auto', 'on', 'off'];

/** renderer strings (WEBGL_debug_renderer_info) of software rasterisers */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|microsoft basic render|software rasterizer|software adapter/i;

export function isSoftwareRenderer(name: string | undefined): boolean {
  return name !== undefined && SOFTWARE.test(name);
}

/** MSAA on or off for a setting, given the WebGL renderer's name (undefined: not known, treated as a GPU) */
export function resolveAntialias(setting: AntialiasSetting, renderer: string | undefined): boolean {
  return setting === 'on' || (setting === 'auto' && !isSoftwareRenderer(renderer));
}

/** where the last renderer seen is kept, so that later starts need no probe */
const KEY = 'na62-webgl-renderer';

let known: string | undefined;

/**
 * The WebGL renderer's name: the one a view last reported (this session or, through localStorage, an
 * earlier one), else asked of a throw-away 1×1 context (tens of ms; only on the first start, or when
 * storage is unavailable). undefined when WebGL gives no name.
 */
export function webglRenderer(): string | undefined {
  if (known !== undefined) return known;
  try { known = localStorage.getItem(KEY) ?? undefined; } catch { /* storage off: probe */ }
  if (known === undefined) known = probeRenderer();
  return known;
}

/** A view's context says what it runs on: kept for the next start (a new GPU or driver counts from then). */
export function rememberRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
  const name = rendererName(gl);
  if (name === undefined) return;
  known = name;
  try { localStorage.setItem(KEY, name); } catch { /* storage off: probe next time */ }
}

/** The context's renderer string (the unmasked one where the browser gives it). */
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string | undefined {
  const dbg = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' && name ? name : undefined;
}

function probeRenderer(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false, alpha: false });
  if (!gl) return undefined;
  const name = rendererName(gl);
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the context back now, not at garbage collection
  return name;
}
