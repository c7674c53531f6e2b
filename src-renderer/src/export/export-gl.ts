/**
 * The picture export's own WebGL renderer, on an OffscreenCanvas that is never shown. Pictures used
 * to borrow the screen's context, resizing its drawing buffer to each tile: that forced the whole
 * picture into one task (the window would otherwise show a tile-sized buffer). With a context of
 * its own the export can give the page the event loop between tiles while the screen keeps drawing,
 * and its shader programs stay compiled from one picture (or preview) to the next.
 * It is made like the screen's (antialias, alpha, logarithmic depth; colour space and tone mapping
 * copied), so pictures look as the screen does.
 */
import * as THREE from 'three';

let renderer: THREE.WebGLRenderer | undefined;

/** The export renderer, made on first use like `screen`; remade if its context was lost. */
export function exportRenderer(screen: THREE.WebGLRenderer): THREE.WebGLRenderer {
  if (renderer && !renderer.getContext().isContextLost()) return renderer;
  renderer?.dispose();
  const canvas = new OffscreenCanvas(16, 16);
  const r = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true, premultipliedAlpha: true, logarithmicDepthBuffer: screen.capabilities.logarithmicDepthBuffer, powerPreference: 'high-performance' });
  r.outputColorSpace = screen.outputColorSpace;
  r.toneMapping = screen.toneMapping;
  r.toneMappingExposure = screen.toneMappingExposure;
  r.localClippingEnabled = screen.localClippingEnabled;
  r.sortObjects = screen.sortObjects;
  r.setPixelRatio(1);
  renderer = r;
  return r;
}
