/**
 * Picture export as the UI, the batch and the CLI use it: one picture in a format, the 3D scene
 * as glTF, and batches over events (file names run_burst_event_view), with progress and cancel.
 * The CLI drives the same functions through window.__na62export in the built app.
 */
import { zipSync } from 'fflate';
import type { Na62Api } from '../../../src-shared/api/contract';
import * as THREE from 'three';
import type { LiveView } from '../views/live-view';
import type { ShowEvent } from '../state/navigation';
import { type ViewMode } from '../state/view-store';
import { snapshotOf } from '../state/display-snapshot';
import { lookOf } from '../state/scene3d-store';
import { buildViewScene } from '../display/view-scene';
import { SCREEN_SCALE } from '../display/types';
import { checkSpec, pictureFileName, type PanelSpec, type PictureFormat, type PictureSpec } from '../../../src-shared/picture/picture-spec';
import { pictureLayout, pictureTextItems, renderPng, renderSvg, type ExportEnv, type RenderOptions } from './render-picture';
import { cssFont, textWidth } from './overlay-items';
import { exportGltf } from './gltf';
import { captionLines } from './picture-context';
import { ALL_CAPTION } from '../../../src-shared/picture/picture-spec';
import type { AppStores } from '../state/app-stores';

export interface ExportedFile { readonly name: string; readonly data: Uint8Array; readonly width: number; readonly height: number }

/** What a picture is drawn from: the window's live view (its WebGL context and camera) and the stores' snapshot. */
export function exportEnv(live: LiveView, stores: AppStores): ExportEnv {
  const canvas = live.canvas;
  if (!canvas) throw new Error('the 3D view is not ready yet');
  const snapshot = { ...snapshotOf(stores.view.getState(), stores.data.getState(), stores.eventDisplay.getState(), live.fitTarget), scene3d: lookOf(stores.scene3d.getState()) };
  return { canvas, model: canvas.model, snapshot, stores, ...(live.target ? { screenTarget: live.target.clone() } : {}) };
}

/** One picture of the event on screen. */
export async function exportPicture(live: LiveView, stores: AppStores, spec: PictureSpec, format: PictureFormat, opts: RenderOptions = {}): Promise<ExportedFile> {
  const problem = checkSpec(spec);
  if (problem) throw new Error(problem);
  const env = exportEnv(live, stores);
  const header = stores.data.getState().event?.header;
  const name = pictureFileName(header, spec.panels, format);
  if (format === 'svg') {
    const svg = await renderSvg(spec, env, opts);
    return { name, data: new TextEncoder().encode(svg), width: spec.width, height: spec.height };
  }
  const pic = await renderPng(spec, env, opts);
  return { name, data: pic.png, width: pic.width, height: pic.height };
}

/** The visible detector and the event as glTF, from a scene of their own built as the screen shows them. */
export async function exportScene(live: LiveView, stores: AppStores): Promise<ExportedFile> {
  const env = exportEnv(live, stores);
  const header = stores.data.getState().event?.header;
  const caption = captionLines(stores, ALL_CAPTION).map((l) => `${l.text}${l.suffix ? ` ${l.suffix}` : ''}`).join(' | ');
  // a 3D scene: the 2D views' transverse magnification does not apply
  const view = buildViewScene(env.model, { ...env.snapshot, magnification: 1 }, { px: SCREEN_SCALE(1, env.snapshot.trackWidth), camera: new THREE.PerspectiveCamera(), background: null });
  let data: Uint8Array;
  try {
    data = await exportGltf(view.scene, { compression: env.snapshot.compression, caption });
  } finally {
    view.dispose();
  }
  return { name: pictureFileName(header, [{ view: '3d' }], 'glb').replace('_3d.glb', '_scene.glb'), data, width: 0, height: 0 };
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Show event `index` and wait until the view has drawn it; false if the engine refused it (blinded) or it failed. */
export async function showAndWait(live: LiveView, stores: AppStores, showEvent: ShowEvent, index: number): Promise<boolean> {
  await showEvent(index);
  const d = stores.data.getState();
  if (!d.event || d.index !== index) return false;
  const t0 = performance.now();
  while (live.drawnEvent !== d.event) {
    if (performance.now() - t0 > 10_000) throw new Error(`event ${index} was not drawn within 10 s`);
    await nextFrame();
  }
  await nextFrame();
  return true;
}

/** Every single view (side, top, beam's eye at the chosen station, 3D), for "all views" in a batch. */
export function allViews(station: string): PanelSpec[] {
  return (['side', 'top', 'beam', '3d'] as ViewMode[]).map((view) => (view === 'beam' ? { view, station } : { view }));
}

export interface BatchOptions {
  readonly live: LiveView;
  /** the window's stores (the event shown, the view, the captions' dataset and blinding) */
  readonly stores: AppStores;
  /** shows an event (the data actions') */
  readonly showEvent: ShowEvent;
  readonly spec: PictureSpec;
  readonly format: PictureFormat;
  /** event indices of the current dataset */
  readonly events: readonly number[];
  /** also every single view, each its own file */
  readonly allViews: boolean;
  readonly onProgress?: (done: number, total: number, last?: string) => void;
  readonly signal?: AbortSignal;
  /** where each file goes */
  readonly write: (file: ExportedFile) => Promise<void>;
  readonly render?: RenderOptions;
}

export interface BatchResult { readonly written: string[]; readonly skipped: { index: number; reason: string }[]; readonly cancelled: boolean }

/** The pictures of a list of events: the spec's layout and, if asked, every single view. Returns to the event shown before. */
export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const stores = o.stores;
  const layouts: PanelSpec[][] = [o.spec.panels.slice()];
  if (o.allViews) for (const p of allViews(o.spec.panels.find((x) => x.view === 'beam')?.station ?? stores.view.getState().beamStation)) {
    if (!(o.spec.panels.length === 1 && o.spec.panels[0]!.view === p.view)) layouts.push([p]);
  }
  const total = o.events.length * layouts.length;
  const before = stores.data.getState().index;
  const written: string[] = [];
  const skipped: { index: number; reason: string }[] = [];
  let done = 0, cancelled = false;
  o.onProgress?.(0, total);
  try {
    for (const index of o.events) {
      if (o.signal?.aborted) { cancelled = true; break; }
      if (!(await showAndWait(o.live, stores, o.showEvent, index))) {
        skipped.push({ index, reason: stores.data.getState().error ?? 'not available' });
        done += layouts.length;
        o.onProgress?.(done, total);
        continue;
      }
      for (const panels of layouts) {
        if (o.signal?.aborted) { cancelled = true; break; }
        const file = await exportPicture(o.live, stores, { ...o.spec, panels }, o.format, o.render);
        await o.write(file);
        written.push(file.name);
        o.onProgress?.(++done, total, file.name);
        await nextFrame(); // let the progress bar and the cancel button breathe
      }
      if (cancelled) break;
    }
  } finally {
    await o.showEvent(before);
  }
  return { written, skipped, cancelled };
}

/** A batch where the user said: a folder in Electron, one zip download in the browser. */
export async function runBatchTo(api: Na62Api, o: Omit<BatchOptions, 'write'>): Promise<BatchResult & { where: string }> {
  const folder = api.transport === 'electron' ? await api.chooseExportFolder() : null;
  if (api.transport === 'electron' && !folder) return { written: [], skipped: [], cancelled: true, where: '' };
  if (folder) {
    const res = await runBatch({ ...o, write: async (f) => { await api.writeExportFile(folder.folder, f.name, f.data); } });
    return { ...res, where: folder.path };
  }
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  const res = await runBatch({ ...o, write: async (f) => { files[f.name] = [f.data, { level: o.format === 'png' ? 0 : 6 }]; } });
  if (!res.written.length) return { ...res, where: '' };
  const stores = o.stores;
  const ds = stores.data.getState().datasets.find((d) => d.id === stores.data.getState().current);
  const zipName = `na62-pictures-${(ds?.name ?? 'events').replace(/\.arrow$/, '').replace(/[^\w.-]/g, '-')}-${res.written.length}.zip`;
  const saved = await api.saveFile({ suggestedName: zipName, data: zipSync(files) });
  return { ...res, where: saved.saved ? saved.path : '' };
}

/**
 * The picture's text as the layout engine placed it, and each text's width by the engine's font
 * table against the browser's own canvas measure (the e2e check that Node and the browser agree).
 */
export async function pictureText(live: LiveView, stores: AppStores, spec: PictureSpec) {
  const env = exportEnv(live, stores);
  await document.fonts.ready;
  const regions = await pictureLayout(spec, env);
  const g = new OffscreenCanvas(8, 8).getContext('2d');
  if (!g) throw new Error('no 2D canvas context');
  const widths = (await pictureTextItems(spec, env)).map((t) => {
    g.font = cssFont(t);
    return { text: t.text, font: g.font, table: textWidth(t.text, t.size, t.weight === 'bold'), browser: g.measureText(t.text).width };
  });
  return { regions: regions.map((r) => ({ ...r, entries: [...r.entries] })), widths };
}
