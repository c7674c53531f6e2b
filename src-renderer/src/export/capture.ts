/**
 * Screenshot of the current view at 1×–4× the canvas's pixel size: the WebGL drawing buffer is
 * resized, rendered once and copied in the same task (no preserveDrawingBuffer needed), then the
 * overlays (labels, scale bars, caption) are drawn explicitly into the picture.
 */
import * as THREE from 'three';
import type { PlacedLabel } from '../views/label-layout';
import { LABEL_FONT_PX } from '../views/label-layout';
import type { ScaleBars } from '../views/overlay-store';

export interface CaptureInput {
  readonly gl: THREE.WebGLRenderer;
  readonly scene: THREE.Scene;
  readonly camera: THREE.Camera;
  /** output pixels per canvas pixel (1–4) */
  readonly scale: number;
  readonly labels: readonly PlacedLabel[];
  readonly bars: ScaleBars;
  readonly caption: string;
  readonly colours: { readonly text: string; readonly muted: string; readonly background: string };
}

export interface Capture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export function maxCaptureSize(gl: THREE.WebGLRenderer): number {
  const ctx = gl.getContext();
  const dims = ctx.getParameter(ctx.MAX_VIEWPORT_DIMS) as Int32Array;
  return Math.min(ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number, dims[0] ?? 4096, dims[1] ?? 4096);
}

function drawOverlays(ctx: CanvasRenderingContext2D, input: CaptureInput, f: number, height: number): void {
  const { labels, bars, caption, colours } = input;
  ctx.save();
  ctx.scale(f, f);
  ctx.font = `${LABEL_FONT_PX}px "DejaVu Sans", system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (const l of labels) {
    ctx.strokeStyle = colours.muted;
    ctx.lineWidth = 0.75;
    if (l.anchorY - l.y > 6 || l.y - l.anchorY > 20) {
      ctx.beginPath();
      ctx.moveTo(l.x, l.anchorY < l.y ? l.y - 13 : l.y + 1);
      ctx.lineTo(l.x, l.anchorY);
      ctx.stroke();
    }
    // a dark (or light) halo keeps the text readable over the detector, as on screen
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.background;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.lineWidth = 0.75;
    ctx.fillStyle = colours.text;
    ctx.fillText(l.text, l.x, l.y);
  }
  const h = height / f;
  ctx.textAlign = 'left';
  ctx.fillStyle = colours.text;
  ctx.strokeStyle = colours.text;
  ctx.lineWidth = 2;
  let y = h - 16;
  for (const bar of [bars.horizontal, bars.vertical]) {
    if (!bar) continue;
    ctx.beginPath();
    ctx.moveTo(16, y); ctx.lineTo(16 + bar.px, y);
    ctx.moveTo(16, y - 5); ctx.lineTo(16, y + 5);
    ctx.moveTo(16 + bar.px, y - 5); ctx.lineTo(16 + bar.px, y + 5);
    ctx.stroke();
    ctx.fillText(`${bar.axis}: ${bar.label}`, 24 + bar.px, y + 5);
    y -= 22;
  }
  ctx.textBaseline = 'top';
  ctx.font = `bold ${LABEL_FONT_PX + 2}px "DejaVu Sans", system-ui, sans-serif`;
  ctx.fillText(caption, 16, 12);
  ctx.restore();
}

export async function captureView(input: CaptureInput): Promise<Capture> {
  const { gl, scene, camera } = input;
  const size = gl.getSize(new THREE.Vector2()); // CSS px
  const dpr = gl.getPixelRatio();
  // The picture is `scale` times the canvas's real pixels; overlays are laid out in CSS px.
  const width = gl.domElement.width * input.scale, height = gl.domElement.height * input.scale;
  const f = width / size.x;
  const limit = maxCaptureSize(gl);
  if (width > limit || height > limit) {
    throw new Error(`${width} × ${height} px exceeds this GPU's render limit of ${limit} px; choose a smaller factor`);
  }
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas available to compose the picture');
  try {
    gl.setPixelRatio(1);
    gl.setSize(width, height, false);
    gl.render(scene, camera);
    ctx.fillStyle = input.colours.background;
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(gl.domElement, 0, 0); // same task as render(): the drawing buffer is still valid
  } finally {
    gl.setPixelRatio(dpr);
    gl.setSize(size.x, size.y, false);
  }
  drawOverlays(ctx, input, f, height);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}
