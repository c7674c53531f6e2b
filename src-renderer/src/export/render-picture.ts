/**
 * Pictures of the scene at any size up to 8K, independent of the window.
 *
 * The work is cut in slices (export/slices.ts): one tile, one overlay tile, then the PNG encoding in
 * a worker (png-encode.ts); between slices the page gets the event loop back, progress is reported
 * and a cancel stops it. Tiles are rendered with the export's own WebGL context on an
 * OffscreenCanvas (export-gl.ts), so the screen keeps drawing meanwhile.
 *
 * Each panel gets its own camera (the screen's, widened to the picture's aspect, or framed on the
 * event or the detector) and its own scene, built by the display core from the app's snapshot at
 * the picture's theme and pixel scale (the live scene and the app's theme are never touched), and
 * is rendered in tiles (SLICE_TILE, or smaller than the GPU allows):
 * camera.setViewOffset selects the tile, the drawing buffer is sized to it, rendered and read
 * back with readPixels in the same task, so preserveDrawingBuffer is not needed. The default
 * framebuffer (not a render target) is used on
 * purpose: three skips the output colour conversion for render targets, and blending would then
 * happen in linear space; this way the colours, blending and antialiasing are the screen's.
 * Wide lines (LineMaterial: width in px, `resolution` = the tile) and point sizes scale with the
 * picture, so 8K does not turn tracks into hairlines. Overlays are drawn per tile with an
 * OffscreenCanvas 2D context and composited; the PNG is encoded in JavaScript (fast-png), so no
 * browser canvas ever holds the whole picture. SVG: the same cameras, projected (svg-scene.ts).
 */
import * as THREE from 'three';
import { encodePngOffThread, type PngJob } from './png-encode';
import { Slices, type SliceOptions } from './slices';
import { exportRenderer } from './export-gl';
import type { DetectorModel } from '../geometry/detector-model';
import type { LiveCanvas } from '../views/live-view';
import { beamSlab, FOV_DEG, fitPose, visibleBox } from '../display/framing';
import { depthRange } from '../display/depth-range';
import { cdaTaxLabel, labelCandidates, trackSegmentsOnScreen } from '../display/labels';
import { crossedElements } from '../display/labels3d';
import { figureLabels3d, figureLook } from './figure-look';
import { makeProjector } from '../display/projection';
import { scaleBarsFor, scaleNote } from '../display/scale-bars';
import { buildViewScene, type ViewScene } from '../display/view-scene';
import { prepareEvent, preparedBox, type PreparedEvent } from '../display/layers/prepare';
import { trackCrossings } from '../display/crossings';
import { EVENT_FIT_TARGET, PICTURE_SCALE, type DisplaySnapshot, type PixelScale, type ViewMode } from '../display/types';
import { checkSpec, panelRects, pixelScale, showsTaxInset, tiles, type PanelSpec, type PictureSpec, type Rect } from '../../../src-shared/picture/picture-spec';
import { escapeXml, itemsToSvg, paintItems, type OverlayItem } from './overlay-items';
import { PALETTES, type AxisSpec } from './picture-overlays';
import { headerBand, layoutPanel, type Header, type RegionBoxes } from './figure-layout';
import { blindingRecord, captionLines, legendEntries } from './picture-context';
import type { AppStores } from '../state/app-stores';
import { sceneToSvg } from './svg-scene';
import { asScale, scaleTitle, viewScale, type DisplayScale } from '../display/display-scale';
import { CONSTRUCTION_FIT_TARGET } from '../display/framing';
import { shareZRange } from './figure-framing';
import { constructionBox } from '../display/construction';
import { taxInset, type InsetBox, type TaxInset } from '../display/tax-inset';
import { taxInsetItems } from './tax-inset-items';

/** What a picture is drawn from: the screen's renderer (its settings; export-gl.ts makes one like it), the detector, and the app's state as a snapshot. */
export interface ExportEnv {
  readonly canvas: LiveCanvas;
  readonly model: DetectorModel;
  readonly snapshot: DisplaySnapshot;
  /** the window's stores the caption and the blinding record read (dataset, event, selection) */
  readonly stores: AppStores;
  /** the live orbit centre ("as on screen" 3D pictures) */
  readonly screenTarget?: THREE.Vector3;
}

export interface RenderOptions extends SliceOptions {
  /** largest tile side in px (default: the GPU's limit, at most SLICE_TILE) */
  readonly maxTile?: number;
  /** now (the caption's date) */
  readonly now?: Date;
}

export interface PngPicture { readonly png: Uint8Array; readonly width: number; readonly height: number; readonly tiles: number; readonly scale: number }

const VIEW_TITLES: Record<ViewMode, string> = { '3d': '3D', side: 'Side view (z–y)', top: 'Top view (z–x, bending plane)', beam: "Beam's-eye view (x–y)" };

interface Panel {
  readonly spec: PanelSpec;
  readonly mode: ViewMode;
  readonly station: string;
  readonly rect: Rect;
  readonly camera: THREE.OrthographicCamera | THREE.PerspectiveCamera;
  /** panel size in CSS-like px (output px / s) */
  readonly layout: { width: number; height: number };
  readonly target: THREE.Vector3;
  readonly title: string;
  /** NA62 mm → display: the compression and, in the side and top views, the transverse magnification */
  readonly scale: DisplayScale;
}

/** A picture's state: the app's snapshot at the picture's theme, and the event's shared geometry. */
interface Picture {
  readonly snap: DisplaySnapshot;
  readonly prepared: PreparedEvent | undefined;
  /** output px per CSS px */
  readonly s: number;
  /** the caption and legend band above the panels (figure-layout.ts) */
  readonly header: Header;
}

/**
 * The default tile side. The page does not wait for a tile (readPixelsAsync), so tiles can be large:
 * each tile repeats the scene's vertex work and a resize of the drawing buffer, which made 512 px
 * tiles twice as slow in all with SwiftShader (bench/export.bench.mjs).
 */
export const SLICE_TILE = 2048;

export function maxTileSize(gl: THREE.WebGLRenderer): number {
  const ctx = gl.getContext();
  const dims = ctx.getParameter(ctx.MAX_VIEWPORT_DIMS) as Int32Array;
  return Math.min(4096, ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number, dims[0] ?? 4096, dims[1] ?? 4096);
}

/**
 * The panel scenes of the last picture, disposed when the next one is done: disposing a material
 * releases its shader program once nothing else uses it, and the next panel (or the next preview)
 * would compile it again, seconds per picture with software WebGL. Geometry is the model's, shared.
 */
let heldScenes: ViewScene[] = [];
function holdScenes(views: ViewScene[]): void {
  const old = heldScenes;
  heldScenes = views;
  for (const v of old) v.dispose();
}

/** The point the camera looks at: on its axis, nearest the centre of what it frames. */
function lookTarget(cam: THREE.Camera, box: THREE.Box3): THREE.Vector3 {
  const dir = cam.getWorldDirection(new THREE.Vector3());
  const c = box.getCenter(new THREE.Vector3());
  return cam.position.clone().addScaledVector(dir, Math.max(1, c.sub(cam.position).dot(dir)));
}

function buildPanels(spec: PictureSpec, env: ExportEnv, pic: Picture): Panel[] {
  let copied: Panel | undefined;
  const panels = framePanels(spec, env, pic, (p) => { copied ??= p; });
  // a figure's side and top panels show the same stretch of z (the one framed as on screen, else the first)
  shareZRange(panels, copied);
  return panels;
}

function framePanels(spec: PictureSpec, env: ExportEnv, pic: Picture, onCopied: (p: Panel) => void): Panel[] {
  const { snap, s } = pic;
  const k = snap.compression;
  const gap = spec.panels.length > 1 ? Math.round(4 * s) : 0;
  // the panels share the picture below the header band, where the caption and the legend are kept
  const top = pic.header.height;
  const rects = panelRects(spec.width, spec.height - top, spec.panels.length, gap).map((r) => ({ ...r, y: r.y + top }));
  return spec.panels.map((p, i) => {
    const rect = rects[i]!;
    const mode = p.view;
    const station = p.station ?? snap.station;
    const layout = { width: rect.w / s, height: rect.h / s };
    const screen = env.canvas.camera;
    const copy = spec.frame === 'screen' && mode === snap.mode && (mode !== 'beam' || station === snap.station);
    const slab = mode === 'beam' ? beamSlab(env.model, station, k) : undefined;
    const scale = viewScale(mode, k, snap.magnification);
    const sceneBox = visibleBox(env.model, snap.shown, scale, false);
    let camera: THREE.OrthographicCamera | THREE.PerspectiveCamera;
    let target: THREE.Vector3;
    let clip: { near: number; far: number } | undefined;
    if (mode === '3d') camera = new THREE.PerspectiveCamera(FOV_DEG, layout.width / layout.height, 1, 1e7);
    else camera = new THREE.OrthographicCamera(-layout.width / 2, layout.width / 2, layout.height / 2, -layout.height / 2, 0.1, 1e7);
    if (copy && ((mode === '3d') === (screen instanceof THREE.PerspectiveCamera))) {
      camera.position.copy(screen.position);
      camera.quaternion.copy(screen.quaternion);
      camera.up.copy(screen.up);
      if (camera instanceof THREE.OrthographicCamera) camera.zoom = (screen as THREE.OrthographicCamera).zoom;
      if (mode === 'beam') clip = { near: (screen as THREE.OrthographicCamera).near, far: (screen as THREE.OrthographicCamera).far };
      target = mode === '3d' && env.screenTarget ? env.screenTarget.clone() : lookTarget(camera, slab ? slab.box : sceneBox);
    } else {
      // framed on the event, the 3D panel too: from outside, upstream, above and on the Salève side (poses.ts)
      const onEvent = spec.frame === 'event';
      const fit = onEvent ? EVENT_FIT_TARGET : spec.frame === 'screen' && snap.fitTarget !== EVENT_FIT_TARGET ? snap.fitTarget : undefined;
      const tax = fit === CONSTRUCTION_FIT_TARGET && (mode === 'side' || mode === 'top') ? snap.analysis?.tax : undefined;
      const pose = fitPose(env.model, {
        mode, station, compression: k, magnification: snap.magnification, shown: snap.shown, target: fit, eventBox: pic.prepared && preparedBox(pic.prepared), trackLines: pic.prepared?.trackLines,
        constructionBox: tax && constructionBox(tax, mode === 'top' ? 'x' : 'y'),
      }, layout);
      camera.up.copy(pose.up);
      camera.position.copy(pose.position);
      camera.lookAt(pose.target);
      if (camera instanceof THREE.OrthographicCamera) camera.zoom = pose.zoom;
      clip = pose.clip;
      target = pose.target.clone();
    }
    const { near, far } = clip ?? depthRange(camera.position.toArray(), { min: sceneBox.min.toArray(), max: sceneBox.max.toArray() });
    camera.near = near; camera.far = far;
    camera.updateProjectionMatrix();
    camera.updateMatrixWorld();
    const stationLabel = env.model.byId.get(station)?.element.label ?? station;
    const title = mode === 'beam' ? `${VIEW_TITLES.beam} at ${stationLabel}` : mode === '3d' ? VIEW_TITLES['3d'] : `${VIEW_TITLES[mode]} · ${scaleTitle(mode, scale)}`;
    const panel: Panel = { spec: p, mode, station, rect, camera, layout, target, title, scale };
    if (copy && (mode === 'side' || mode === 'top')) onCopied(panel);
    return panel;
  });
}

/** One panel's own scene at the picture's theme and scale (and, in a beam's-eye panel, rings where the tracks cross the station). */
function panelScene(panel: Panel, env: ExportEnv, spec: PictureSpec, pic: Picture, raster: boolean): ViewScene {
  const { s } = pic;
  const px: PixelScale = PICTURE_SCALE(s * spec.lineWidth, pic.snap.trackWidth);
  // a 3D panel: translucent material, the event opaque on top (figure-look.ts)
  const look = panel.mode === '3d' ? { scene3d: figureLook(pic.snap.scene3d) } : {};
  const view = buildViewScene(env.model, { ...pic.snap, mode: panel.mode, station: panel.station, ...look }, {
    px, camera: panel.camera, background: spec.transparent ? null : PALETTES[spec.theme].background, ...(raster && s >= 1.5 ? { edgeWidth: s } : {}),
  });
  const el = env.model.byId.get(panel.station)?.element;
  if (panel.mode !== 'beam' || !el || !pic.prepared || !(panel.camera instanceof THREE.OrthographicCamera)) return view;
  const rings = trackCrossings(pic.snap, pic.prepared, el.z0, el.z1, 7 / panel.camera.zoom, 2.5 * s * spec.lineWidth);
  if (!rings) return view;
  rings.object.position.z = (el.z0 - 1) / pic.snap.compression + 0.5; // just downstream of the sections, inside the slab
  view.scene.add(rings.object);
  return {
    ...view,
    setResolution: (w, h) => { view.setResolution(w, h); rings.material.resolution.set(w, h); },
    dispose: () => { view.dispose(); rings.dispose(); },
  };
}

/** The axes of a 2D panel in true detector mm at its edges (z = display z × compression, x and y ÷ their magnification). */
function panelAxes(panel: Panel, scale: DisplayScale): { h?: AxisSpec; v?: AxisSpec } {
  const { k, mx, my } = asScale(scale);
  const cam = panel.camera;
  if (!(cam instanceof THREE.OrthographicCamera)) return {};
  const right = new THREE.Vector3().setFromMatrixColumn(cam.matrixWorld, 0);
  const up = new THREE.Vector3().setFromMatrixColumn(cam.matrixWorld, 1);
  const hw = panel.layout.width / 2 / cam.zoom, hh = panel.layout.height / 2 / cam.zoom;
  const axis = (dir: THREE.Vector3, half: number): AxisSpec => {
    const a = Math.abs(dir.x) > 0.9 ? 'x' : Math.abs(dir.y) > 0.9 ? 'y' : 'z';
    const comp = (p: THREE.Vector3) => (a === 'x' ? p.x / mx : a === 'y' ? p.y / my : p.z * k);
    return { name: a, from: comp(cam.position.clone().addScaledVector(dir, -half)), to: comp(cam.position.clone().addScaledVector(dir, half)) };
  };
  return { h: axis(right, hw), v: axis(up, hh) };
}

function overlayItems(spec: PictureSpec, env: ExportEnv, panels: readonly Panel[], pic: Picture): OverlayItem[] {
  const { items, insets } = overlayParts(spec, env, panels, pic);
  return [...items, ...insets.flat()];
}

/** The overlay items laid out by the layout engine (figure-layout.ts), apart (an SVG group of their own) each panel's CDA_TAX inset, and the boxes it placed. */
export function overlayParts(spec: PictureSpec, env: ExportEnv, panels: readonly Panel[], pic: Picture): { items: OverlayItem[]; insets: OverlayItem[][]; regions: RegionBoxes[] } {
  const { snap, s } = pic;
  const p = PALETTES[spec.theme];
  const o = spec.overlays;
  const items: OverlayItem[] = [...pic.header.items];
  const insets: OverlayItem[][] = [];
  const regions: RegionBoxes[] = [pic.header.boxes];
  // the elements the event's tracks cross are labelled first
  const touched = pic.prepared ? crossedElements(env.model, pic.prepared.trackLines) : new Set<string>();
  panels.forEach((panel, i) => {
    const sc = panel.scale;
    const project = makeProjector(panel.camera, panel.layout, sc);
    // the event's tracks on the panel: labels and the CDA_TAX value keep off them (hidden tracks have no lines)
    const tracks = trackSegmentsOnScreen(pic.prepared?.trackLines, project, panel.mode);
    const axes = o.axes ? panelAxes(panel, sc) : {};
    const bars = o.scaleBars ? scaleBarsFor(panel.mode, panel.camera, sc, panel.layout, panel.target) : undefined;
    const tax = pic.prepared?.cdaSegment ? snap.analysis?.tax : undefined;
    const insetOn = showsTaxInset(o) && tax && (panel.mode === 'side' || panel.mode === 'top');
    const shown = panel.mode === '3d' ? figureLabels3d(env.model, snap.shown, pic.prepared?.trackLines) : snap.shown;
    const out = layoutPanel({
      name: `panel ${i} (${panel.mode})`,
      rect: panel.rect,
      axes,
      border: panels.length > 1,
      ...(bars ? { bars: { bars, note: scaleNote(bars, panel.mode, sc, true) } } : {}),
      ...(o.titles && (panels.length > 1 || spec.panels[0]!.view !== '3d') ? { title: panel.title } : {}),
      ...(insetOn ? {
        taxInset: (avoid: readonly InsetBox[]) => taxInset({ tax, view: panel.mode as 'side' | 'top', project, viewport: panel.layout, avoid, margin: { top: axes.v ? 30 : 8, bottom: axes.h ? 30 : 8, left: axes.v ? 44 : 8, right: 8 }, ...(pic.prepared ? { tracks: pic.prepared.trackLines } : {}) }),
        insetItems: (ti: TaxInset) => taxInsetItems(ti, panel.rect, s, p, spec.theme === 'paper', snap.style.palette),
      } : {}),
      cdaLabel: () => cdaTaxLabel(snap.analysis?.tax, pic.prepared?.cdaSegment, project, panel.layout, axes.v ? 40 : 0, tracks),
      ...(o.labels && snap.labels ? { labels: labelCandidates(env.model, shown, sc, panel.mode, panel.station, panel.camera, panel.layout, touched) } : {}),
      tracks,
    }, s, p);
    items.push(...out.items);
    if (out.inset.length) insets.push(out.inset);
    regions.push(out.boxes);
  });
  return { items, insets, regions };
}

/**
 * Read the drawing buffer without making the page wait for the GPU: the pixels are copied into a
 * pixel buffer (WebGL 2), a fence marks the end of the tile's commands, and the page polls the fence
 * between tasks. A plain readPixels blocked the page for as long as the (software) GPU drew the tile,
 * seconds with SwiftShader; now only the GPU process waits. WebGL 1: the plain, blocking read.
 */
async function readPixelsAsync(ctx: WebGLRenderingContext | WebGL2RenderingContext, w: number, h: number): Promise<Uint8Array> {
  const buf = new Uint8Array(w * h * 4);
  if (!(typeof WebGL2RenderingContext !== 'undefined' && ctx instanceof WebGL2RenderingContext)) {
    ctx.readPixels(0, 0, w, h, ctx.RGBA, ctx.UNSIGNED_BYTE, buf);
    return buf;
  }
  const g = ctx;
  const pbo = g.createBuffer();
  g.bindBuffer(g.PIXEL_PACK_BUFFER, pbo);
  g.bufferData(g.PIXEL_PACK_BUFFER, buf.byteLength, g.STREAM_READ);
  g.readPixels(0, 0, w, h, g.RGBA, g.UNSIGNED_BYTE, 0);
  g.bindBuffer(g.PIXEL_PACK_BUFFER, null);
  const sync = g.fenceSync(g.SYNC_GPU_COMMANDS_COMPLETE, 0);
  g.flush();
  try {
    for (;;) {
      const st = sync ? g.clientWaitSync(sync, 0, 0) : g.ALREADY_SIGNALED;
      if (st === g.WAIT_FAILED) throw new Error('the GPU lost the picture tile (WAIT_FAILED)');
      if (st === g.ALREADY_SIGNALED || st === g.CONDITION_SATISFIED) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    g.bindBuffer(g.PIXEL_PACK_BUFFER, pbo);
    g.getBufferSubData(g.PIXEL_PACK_BUFFER, 0, buf);
  } finally {
    g.bindBuffer(g.PIXEL_PACK_BUFFER, null);
    if (sync) g.deleteSync(sync);
    g.deleteBuffer(pbo);
  }
  return buf;
}

/** The tiles of each panel, in order (the slices of the rasterisation). */
function panelTiles(panels: readonly Panel[], maxTile: number): { panel: Panel; tile: Rect }[][] {
  return panels.map((panel) => tiles(panel.rect.w, panel.rect.h, maxTile).map((tile) => ({ panel, tile })));
}

/**
 * Render the panels' pixels (premultiplied RGBA, top row first) into `out` (W × H), tile by tile,
 * each panel from its own scene, one slice per tile, with the export's own WebGL context
 * (export-gl.ts); the screen's context and scene are not touched. The panel scenes are held until the next picture (holdScenes).
 */
/** The export context draws one picture at a time: a preview and an export (or two hook calls) take turns, tile sizes and all. */
let gpuTurn: Promise<unknown> = Promise.resolve();
function rasterise(...args: Parameters<typeof rasteriseNow>): Promise<number> {
  const mine = gpuTurn.then(() => rasteriseNow(...args));
  gpuTurn = mine.catch(() => undefined);
  return mine;
}

async function rasteriseNow(spec: PictureSpec, env: ExportEnv, panels: readonly Panel[], pic: Picture, out: Uint8Array, W: number, maxTile: number, slices: Slices): Promise<number> {
  slices.check();
  const gl = exportRenderer(env.canvas.gl);
  const ctx = gl.getContext();
  const views: ViewScene[] = [];
  let count = 0;
  try {
    gl.setRenderTarget(null);
    gl.setClearColor(PALETTES[spec.theme].background, spec.transparent ? 0 : 1);
    // the drawing buffer is sized once, to the largest tile (a resize waits for the GPU); smaller tiles use its lower-left corner
    const all = panelTiles(panels, maxTile);
    const bw = Math.max(1, ...all.flat().map((x) => x.tile.w)), bh = Math.max(1, ...all.flat().map((x) => x.tile.h));
    if (ctx.drawingBufferWidth !== bw || ctx.drawingBufferHeight !== bh) gl.setSize(bw, bh, false);
    if (ctx.drawingBufferWidth !== bw || ctx.drawingBufferHeight !== bh) throw new Error(`the GPU gave a ${ctx.drawingBufferWidth} × ${ctx.drawingBufferHeight} px buffer for a ${bw} × ${bh} px tile; choose a smaller picture`);
    for (const list of all) {
      const panel = list[0]?.panel;
      if (!panel) continue;
      const view = panelScene(panel, env, spec, pic, true);
      views.push(view);
      // shaders not yet compiled in the export's context are compiled without blocking the page
      // (KHR_parallel_shader_compile where the GPU has it); else the first tile would wait for them
      await gl.compileAsync(view.scene, panel.camera);
      for (const { tile: t } of list) {
        let read: Promise<Uint8Array>;
        try {
          panel.camera.setViewOffset(panel.rect.w, panel.rect.h, t.x, t.y, t.w, t.h);
          gl.setViewport(0, 0, t.w, t.h);
          view.setResolution(t.w, t.h);
          gl.clear();
          gl.render(view.scene, panel.camera);
          read = readPixelsAsync(ctx, t.w, t.h);
        } finally {
          panel.camera.clearViewOffset();
        }
        const buf = await read;
        const row = t.w * 4;
        for (let y = 0; y < t.h; y++) {
          const dst = ((panel.rect.y + t.y + y) * W + panel.rect.x + t.x) * 4;
          out.set(buf.subarray((t.h - 1 - y) * row, (t.h - y) * row), dst); // WebGL rows run bottom-up
        }
        count++;
        await slices.step();
      }
    }
  } finally {
    holdScenes(views);
  }
  return count;
}

/** Draw the overlay list tile by tile (OffscreenCanvas, one slice each) and composite it over the premultiplied picture. */
async function compositeOverlays(items: readonly OverlayItem[], out: Uint8Array, W: number, H: number, slices: Slices): Promise<void> {
  const all = overlayTiles(items, W, H);
  if (!all.length) return;
  // one canvas for all tiles, read back at once: kept in memory, not on the (software) GPU, where getImageData took seconds
  const c = new OffscreenCanvas(all[0]!.w, all[0]!.h);
  const g = c.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('no 2D canvas context for the overlays');
  for (const t of all) {
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    g.translate(-t.x, -t.y);
    paintItems(g, items);
    const ov = g.getImageData(0, 0, t.w, t.h).data;
    for (let y = 0; y < t.h; y++) {
      let di = ((t.y + y) * W + t.x) * 4, si = y * t.w * 4;
      for (let x = 0; x < t.w; x++, di += 4, si += 4) {
        const a = ov[si + 3]!;
        if (a === 0) continue;
        const fa = a / 255, inv = 1 - fa;
        out[di] = ov[si]! * fa + out[di]! * inv;
        out[di + 1] = ov[si + 1]! * fa + out[di + 1]! * inv;
        out[di + 2] = ov[si + 2]! * fa + out[di + 2]! * inv;
        out[di + 3] = a + out[di + 3]! * inv;
      }
    }
    await slices.step();
  }
}

/** The overlay's tiles (at most 1024 px a side, one slice each); none without items. */
const overlayTiles = (items: readonly OverlayItem[], W: number, H: number): Rect[] => (items.length ? tiles(W, H, 1024) : []);

const LATIN1: Record<string, string> = { 'μ': 'mu', 'π': 'pi', 'χ': 'chi', 'Δ': 'Delta ', 'Σ': 'Sum', 'θ': 'theta', '→': '->', '′': "'", '−': '-', 'ε': 'eps', '–': '-' };
/** PNG text chunks are Latin-1. */
export const toLatin1 = (s: string): string => [...s].map((c) => LATIN1[c] ?? (c.charCodeAt(0) > 0xff ? '?' : c)).join('');

function pngJob(out: Uint8Array, W: number, H: number, transparent: boolean, description: string, blinding: string): PngJob {
  return { rgba: out, width: W, height: H, transparent, text: { Software: 'NA62 Event Display', Description: toLatin1(description), Blinding: toLatin1(blinding) } };
}

function fillBackground(out: Uint8Array, spec: PictureSpec): void {
  if (spec.transparent) return;
  // THREE.Color holds linear values; getHex gives the sRGB bytes
  const hex = new THREE.Color(PALETTES[spec.theme].background).getHex();
  const px = new Uint8Array([(hex >> 16) & 255, (hex >> 8) & 255, hex & 255, 255]);
  new Uint32Array(out.buffer, out.byteOffset, out.length / 4).fill(new Uint32Array(px.buffer)[0]!); // one word per pixel, in the platform's byte order
}

/** Check the spec and lay out its panels for `draw`, from the app's snapshot at the picture's theme. */
async function withPanels<T>(spec: PictureSpec, env: ExportEnv, now: Date, draw: (panels: Panel[], pic: Picture) => T | Promise<T>): Promise<T> {
  const problem = checkSpec(spec);
  if (problem) throw new Error(problem);
  const light = spec.theme === 'paper';
  const snap: DisplaySnapshot = { ...env.snapshot, theme: light ? 'light' : 'dark', style: { ...env.snapshot.style, light } };
  const prepared = snap.event && snap.analysis ? prepareEvent(snap.event, snap.analysis, snap.style) : undefined;
  const s = pixelScale(spec.width, spec.height, env.canvas.size) / (spec.panels.length > 1 ? 1.5 : 1);
  const header = headerBand(captionLines(env.stores, spec.caption, now), spec.overlays.legend ? legendEntries(snap) : [], spec.width, s, PALETTES[spec.theme]);
  const pic: Picture = { snap, prepared, s, header };
  return await draw(buildPanels(spec, env, pic), pic);
}

const tileLimit = (env: ExportEnv, opts: RenderOptions) => Math.min(opts.maxTile ?? SLICE_TILE, maxTileSize(exportRenderer(env.canvas.gl)));

/** A PNG of the picture, in slices (progress: tiles, overlay tiles, and the encoding as the last steps). */
export async function renderPng(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<PngPicture> {
  return withPanels(spec, env, opts.now ?? new Date(), async (panels, pic) => {
    const maxTile = tileLimit(env, opts);
    const items = overlayItems(spec, env, panels, pic);
    const encodeSteps = Math.max(1, Math.round((spec.width * spec.height) / 2e6)); // the encoding weighs about as much as this many tiles
    const slices = new Slices(panelTiles(panels, maxTile).flat().length + overlayTiles(items, spec.width, spec.height).length + encodeSteps, opts);
    await slices.start();
    const out = new Uint8Array(spec.width * spec.height * 4);
    fillBackground(out, spec);
    const n = await rasterise(spec, env, panels, pic, out, spec.width, maxTile, slices);
    await compositeOverlays(items, out, spec.width, spec.height, slices);
    const description = captionLines(env.stores, spec.caption, opts.now ?? new Date()).map((l) => `${l.text}${l.suffix ? ` ${l.suffix}` : ''}`).join(' | ');
    const png = await encodePngOffThread(pngJob(out, spec.width, spec.height, spec.transparent, description, blindingRecord(env.stores)), opts.signal);
    await slices.step(encodeSteps);
    return { png, width: spec.width, height: spec.height, tiles: n, scale: pic.s };
  });
}

const bytesToBase64 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

/** An SVG of the picture: the 2D views as vectors (tracks as paths), a 3D panel embedded as a PNG. */
export async function renderSvg(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<string> {
  const maxTile = tileLimit(env, opts);
  return svgPicture(spec, env, opts, async (panel, pic, slices) => {
    const r = panel.rect;
    const out = new Uint8Array(r.w * r.h * 4);
    const local = { ...panel, rect: { x: 0, y: 0, w: r.w, h: r.h } };
    await rasterise({ ...spec, transparent: true }, env, [local], pic, out, r.w, maxTile, slices);
    const png = await encodePngOffThread(pngJob(out, r.w, r.h, true, panel.title, blindingRecord(env.stores)), opts.signal);
    return `data:image/png;base64,${bytesToBase64(png)}`;
  }, (p) => panelTiles([p], maxTile).flat().length);
}

/**
 * The SVG document; `image3d` gives a 3D panel's picture (a data: URL) in `tiles3d(panel)` slices.
 * Everything else is plain maths on the display core's scenes (no WebGL), so tests run it in Node
 * with any `image3d`.
 */
export async function svgPicture(
  spec: PictureSpec, env: ExportEnv, opts: RenderOptions,
  image3d: (panel: Panel, pic: Picture, slices: Slices) => string | Promise<string>,
  tiles3d: (panel: Panel) => number = () => 0,
): Promise<string> {
  return withPanels(spec, env, opts.now ?? new Date(), async (panels, pic) => {
    const W = spec.width, H = spec.height;
    const body: string[] = [];
    if (!spec.transparent) body.push(`<rect width="${W}" height="${H}" fill="${PALETTES[spec.theme].background}"/>`);
    // one slice per 3D tile and per 2D panel, and the 3D panels' encodings
    const slices = new Slices(panels.reduce((n, p) => n + (p.mode === '3d' ? tiles3d(p) + 1 : 1), 0), opts);
    await slices.start();
    for (const [i, panel] of panels.entries()) {
      const r = panel.rect;
      body.push(`<clipPath id="panel${i}"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"/></clipPath>`);
      if (panel.mode === '3d') {
        body.push(`<g id="view-${i}-3d" clip-path="url(#panel${i})"><image x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" href="${await image3d(panel, pic, slices)}"/></g>`);
        await slices.step();
        continue;
      }
      const view = panelScene(panel, env, spec, pic, false);
      try {
        body.push(`<g id="view-${i}-${panel.mode}" clip-path="url(#panel${i})">${sceneToSvg(view.scene, panel.camera, r, { thinLine: Math.max(0.5, pic.s) })}</g>`);
      } finally {
        view.dispose();
      }
      await slices.step();
    }
    const { items, insets } = overlayParts(spec, env, panels, pic);
    body.push(`<g id="overlays" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${itemsToSvg(items)}</g>`);
    insets.forEach((its, i) => body.push(`<g id="tax-inset-${i}" class="tax-inset" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${itemsToSvg(its)}</g>`));
    const rects = panels.map((pn, i) => `<na62:panel xmlns:na62="urn:na62-event-display" index="${i}" view="${pn.mode}" x="${pn.rect.x}" y="${pn.rect.y}" width="${pn.rect.w}" height="${pn.rect.h}"/>`).join('');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">\n<title>NA62 event display</title>\n<metadata><na62:blinding xmlns:na62="urn:na62-event-display">${escapeXml(blindingRecord(env.stores))}</na62:blinding>${rects}</metadata>\n${body.join('\n')}\n</svg>\n`;
  });
}

/** The text items of a picture's overlays (what paintItems draws into the PNG). */
export async function pictureTextItems(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<Extract<OverlayItem, { kind: 'text' }>[]> {
  return withPanels(spec, env, opts.now ?? new Date(), (panels, pic) => overlayItems(spec, env, panels, pic).filter((i): i is Extract<OverlayItem, { kind: 'text' }> => i.kind === 'text'));
}

/** The boxes the layout engine placed for a picture, per region (the header band, each panel): what the tests check, without drawing. */
export async function pictureLayout(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<RegionBoxes[]> {
  return withPanels(spec, env, opts.now ?? new Date(), (panels, pic) => overlayParts(spec, env, panels, pic).regions);
}
