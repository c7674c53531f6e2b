/**
 * The export dialog's preview: the very picture being set up, rendered by the same renderPng at a
 * smaller size. Text, lines and margins scale with the picture's width (pixelScale), so the
 * preview is the export in miniature, with its layout, theme, caption and overlays.
 */
import type { PictureSpec } from '../../../src-shared/picture/picture-spec';
import type { LiveView } from '../views/live-view';
import type { AppStores } from '../state/app-stores';
import { exportEnv } from './exporter';
import { renderPng, type RenderOptions } from './render-picture';

/** Longest side of the preview, px. */
export const PREVIEW_SIDE = 480;

/** The spec scaled down to fit PREVIEW_SIDE (same aspect, same everything else). */
export function previewSpec(spec: PictureSpec, side = PREVIEW_SIDE): PictureSpec {
  const f = Math.min(1, side / Math.max(spec.width, spec.height));
  return { ...spec, width: Math.max(16, Math.round(spec.width * f)), height: Math.max(16, Math.round(spec.height * f)) };
}

/** A PNG of the spec at preview size. */
export async function renderPreview(live: LiveView, stores: AppStores, spec: PictureSpec, opts: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderPng(previewSpec(spec), exportEnv(live, stores), opts)).png;
}
