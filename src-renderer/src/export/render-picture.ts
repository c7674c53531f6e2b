/**
 * Pictures of the scene at any size up to 8K, independent of the window.
 *
 * Each panel gets its own camera (the screen's, widened to the picture's aspect, or framed on the
 * event or the detector), and is rendered in tiles no larger than the GPU allows:
 * camera.setViewOffset selects the tile, the WebGL drawing buffer is resized to it, rendered and read
 * back with readPixels into one RGBA buffer, all in one task, so the window never shows it and
 * preserveDrawingBuffer is not needed. The default framebuffer (not a render target) is used on
 * purpose: three skips the output colour conversion for render targets, and blending would then
 * happen in linear space; this way the colours, blending and antialiasing are the screen's.
 * Wide lines (LineMaterial: width in px, `resolution` = the tile) and point sizes scale with the
 * picture, so 8K does not turn tracks into hairlines. Overlays are drawn per tile with an
 * OffscreenCanvas 2D context and composited; the PNG is encoded in JavaScript (fast-png), so no
 * browser canvas ever holds the whole picture. SVG: the same cameras, projected (svg-scene.ts).
 */
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { encode } from 'fast-png';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import { createEdgeMaterial, edgeNudge } from '../geometry/materials';
import { EVENT_FIT_TARGET, useViewStore, type Theme, type ViewMode } from '../state/view-store';
import { useEventDisplayStore } from '../state/event-display-store';
import { useDataStore } from '../state/data-store';
import type { SceneHandle } from '../views/SceneBridge';
import { BACKGROUND } from '../views/DetectorView';
import { beamSlab, FOV_DEG, placeLabels, scaleBarsFor, visibleBox } from '../views/CameraRig';
import { framePose } from '../views/view-poses';
import { depthRange } from '../views/depth-range';
import { getEventDrawing, makeProjector } from '../views/EventOverlay';
import { trackColour } from '../event/event-geometry';
import { tubeCrossSections } from '../views/BeamSectionOverlay';
import { checkSpec, panelRects, pixelScale, tiles, type PanelSpec, type PictureSpec, type Rect } from './picture-spec';
import { escapeXml, itemsBox, itemsToSvg, paintItems, textWidth, type OverlayItem } from './overlay-items';
import { axisItems, captionItems, labelItems, legendItems, PALETTES, scaleBarItems, titleItems, type AxisSpec } from './picture-overlays';
import { blindingRecord, captionLines, legendEntries } from './picture-context';
import { sceneToSvg } from './svg-scene';

export interface ExportEnv {
  readonly handle: SceneHandle;
  readonly model: DetectorModel;
}

export interface RenderOptions {
  /** largest tile side in px (default: the GPU's limit, at most 4096) */
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
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Switch the app's theme for a picture (materials and event colours follow), waiting until the scene shows it. */
async function switchTheme(theme: Theme, handle: SceneHandle): Promise<() => Promise<void>> {
  const before = useViewStore.getState().theme;
  if (before === theme) return async () => {};
  const settle = async (t: Theme) => {
    useViewStore.setState({ theme: t });
    handle.invalidate();
    const want = new THREE.Color(BACKGROUND[t]);
    const t0 = performance.now();
    while (performance.now() - t0 < 5000) {
      await nextFrame();
      const bg = handle.scene.background;
      if (bg instanceof THREE.Color && bg.equals(want)) break;
    }
    await nextFrame();
  };
  await settle(theme);
  return () => settle(before);
}

export function maxTileSize(gl: THREE.WebGLRenderer): number {
  const ctx = gl.getContext();
  const dims = ctx.getParameter(ctx.MAX_VIEWPORT_DIMS) as Int32Array;
  return Math.min(4096, ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number, dims[0] ?? 4096, dims[1] ?? 4096);
}

function screenSize(handle: SceneHandle): { width: number; height: number } {
  const v = handle.gl.getSize(new THREE.Vector2());
  return { width: v.x, height: v.y };
}

/** The point the camera looks at: on its axis, nearest the centre of what it frames. */
function lookTarget(cam: THREE.Camera, box: THREE.Box3): THREE.Vector3 {
  const dir = cam.getWorldDirection(new THREE.Vector3());
  const c = box.getCenter(new THREE.Vector3());
  return cam.position.clone().addScaledVector(dir, Math.max(1, c.sub(cam.position).dot(dir)));
}

function buildPanels(spec: PictureSpec, env: ExportEnv, s: number): Panel[] {
  const v = useViewStore.getState();
  const k = v.compression;
  const gap = spec.panels.length > 1 ? Math.round(4 * s) : 0;
  const rects = panelRects(spec.width, spec.height, spec.panels.length, gap);
  return spec.panels.map((p, i) => {
    const rect = rects[i]!;
    const mode = p.view;
    const station = p.station ?? v.beamStation;
    const layout = { width: rect.w / s, height: rect.h / s };
    const screen = env.handle.camera;
    const copy = spec.frame === 'screen' && mode === v.mode && (mode !== 'beam' || station === v.beamStation);
    const slab = mode === 'beam' ? beamSlab(env.model, station, k) : undefined;
    const sceneBox = visibleBox(env.model, v.shown, k, false);
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
      target = lookTarget(camera, slab ? slab.box : sceneBox);
    } else {
      // in a figure the 3D panel is the overview: the whole detector, the 2D panels follow the framing
      const ev = spec.frame === 'event' && !(mode === '3d' && spec.panels.length > 1) ? getEventDrawing()?.box : undefined;
      const evBox = ev && !ev.isEmpty() ? new THREE.Box3(new THREE.Vector3(ev.min.x, ev.min.y, ev.min.z / k), new THREE.Vector3(ev.max.x, ev.max.y, ev.max.z / k)).expandByScalar(100) : undefined;
      const fitTarget = v.fitTarget && v.fitTarget !== EVENT_FIT_TARGET ? env.model.byId.get(v.fitTarget) : undefined;
      const box = slab ? slab.box : evBox ?? (fitTarget && spec.frame === 'screen' ? displayBox(fitTarget, k) : visibleBox(env.model, v.shown, k));
      const pose = framePose(mode, box, layout, FOV_DEG, slab);
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
    const title = mode === 'beam' ? `${VIEW_TITLES.beam} at ${stationLabel}` : mode === '3d' ? VIEW_TITLES['3d'] : `${VIEW_TITLES[mode]} · z 1:${k}`;
    return { spec: p, mode, station, rect, camera, layout, target, title };
  });
}

interface Prepared { readonly lineMaterials: readonly LineMaterial[]; restore(): void }

/**
 * Plain WebGL lines are 1 px whatever the picture: above 1.5× they are swapped for wide lines of
 * s px, pulled towards the camera as the screen's edge shader pulls them (so they never z-fight
 * their faces), for the time of the render.
 */
function widenPlainLines(scene: THREE.Scene, camera: THREE.Camera, s: number, nudge: number, undo: (() => void)[], lineMaterials: LineMaterial[]): void {
  scene.updateMatrixWorld(true);
  const pull = new THREE.Matrix4();
  if (camera instanceof THREE.OrthographicCamera) {
    const dir = camera.getWorldDirection(new THREE.Vector3()).multiplyScalar(-nudge);
    pull.makeTranslation(dir.x, dir.y, dir.z);
  } else {
    const c = camera.position;
    pull.makeTranslation(c.x, c.y, c.z).multiply(new THREE.Matrix4().makeScale(0.9995, 0.9995, 0.9995)).multiply(new THREE.Matrix4().makeTranslation(-c.x, -c.y, -c.z));
  }
  const plain: THREE.LineSegments[] = [];
  scene.traverseVisible((o) => {
    if (o instanceof THREE.LineSegments && !(o.material instanceof THREE.LineDashedMaterial) && o.material instanceof THREE.LineBasicMaterial) plain.push(o);
  });
  const materials = new Map<THREE.Material, LineMaterial>();
  for (const o of plain) {
    const src = o.geometry.index ? o.geometry.toNonIndexed() : o.geometry;
    const pos = src.getAttribute('position');
    if (!pos || pos.count < 2) continue;
    const m = o.material as THREE.LineBasicMaterial;
    let lm = materials.get(m);
    if (!lm) {
      lm = new LineMaterial({ color: m.color.getHex(), opacity: m.opacity, transparent: m.transparent, depthTest: m.depthTest, depthWrite: m.depthWrite, linewidth: s });
      materials.set(m, lm);
      lineMaterials.push(lm);
    }
    const g = new LineSegmentsGeometry();
    g.setPositions(Array.from(pos.array as ArrayLike<number>).slice(0, pos.count * 3));
    const wide = new LineSegments2(g, lm);
    wide.matrixAutoUpdate = false;
    wide.matrix.copy(pull).multiply(o.matrixWorld);
    wide.matrixWorld.copy(wide.matrix);
    wide.renderOrder = o.renderOrder;
    wide.frustumCulled = false;
    scene.add(wide);
    o.visible = false;
    undo.push(() => {
      o.visible = true;
      scene.remove(wide);
      g.dispose();
      if (src !== o.geometry) src.dispose();
    });
  }
  undo.push(() => materials.forEach((lm) => lm.dispose()));
}

/**
 * Where the tracks cross a beam's-eye station: a ring in the track's colour at each crossing (seen
 * end-on, a track would be a point the station's clip slab cuts away).
 */
function trackCrossings(z0: number, z1: number, panel: Panel, spec: PictureSpec, s: number): LineSegments2 | undefined {
  const d = getEventDrawing();
  const data = useDataStore.getState();
  if (!d || !data.event || !(panel.camera instanceof THREE.OrthographicCamera)) return undefined;
  const ev = data.event;
  const by = useEventDisplayStore.getState().colourBy;
  const zc = (z0 + z1) / 2;
  const r = 7 / panel.camera.zoom; // 7 px in the panel, in mm
  const pos: number[] = [], col: number[] = [];
  d.trackLines.forEach((line, k) => {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!, b = line[i]!;
      if ((a.z - zc) * (b.z - zc) > 0 || a.z === b.z) continue;
      const t = (zc - a.z) / (b.z - a.z);
      const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
      const c = trackColour(ev.tracks[k]!, data.analysis?.tracks[k], by);
      for (let j = 0; j < 24; j++) {
        const u = (2 * Math.PI * j) / 24, v = (2 * Math.PI * (j + 1)) / 24;
        pos.push(x + r * Math.cos(u), y + r * Math.sin(u), 0, x + r * Math.cos(v), y + r * Math.sin(v), 0);
        col.push(c.r, c.g, c.b, c.r, c.g, c.b);
      }
      break;
    }
  });
  if (!pos.length) return undefined;
  const g = new LineSegmentsGeometry();
  g.setPositions(pos);
  g.setColors(col);
  const o = new LineSegments2(g, new LineMaterial({ vertexColors: true, depthTest: false, transparent: true, linewidth: 2.5 * s * spec.lineWidth }));
  o.name = 'tracks';
  o.renderOrder = 12;
  o.frustumCulled = false;
  o.position.z = 0.5; // just downstream of the sections, inside the slab
  return o;
}

/** Scene state for one panel: line widths and point sizes at the picture's scale, the beam's-eye sections, the edge nudge, the background. */
function preparePanel(panel: Panel, env: ExportEnv, spec: PictureSpec, s: number, raster = false): Prepared {
  const { scene, gl } = env.handle;
  const dpr = gl.getPixelRatio();
  const undo: (() => void)[] = [];
  const lineMaterials: LineMaterial[] = [];
  const seen = new Set<THREE.Material>();
  scene.traverse((o) => {
    const m = (o as THREE.Mesh).material as THREE.Material | undefined;
    if (!m || Array.isArray(m) || seen.has(m)) return;
    seen.add(m);
    if (m instanceof LineMaterial) {
      const w = m.linewidth, res = m.resolution.clone();
      m.linewidth = (w / dpr) * s * spec.lineWidth;
      lineMaterials.push(m);
      undo.push(() => { m.linewidth = w; m.resolution.copy(res); });
    } else if (m instanceof THREE.PointsMaterial && !m.sizeAttenuation) {
      const size = m.size;
      m.size = size * s * spec.lineWidth;
      undo.push(() => { m.size = size; });
    }
  });
  const nudge = edgeNudge.value;
  edgeNudge.value = panel.camera instanceof THREE.OrthographicCamera ? Math.max((panel.camera.far - panel.camera.near) * 2e-5, 1e-4) : 0;
  undo.push(() => { edgeNudge.value = nudge; });
  // the screen's beam sections belong to the screen's station; a beam panel gets its own
  const screenSections = scene.getObjectByName('beam-sections');
  if (screenSections) { const vis = screenSections.visible; screenSections.visible = false; undo.push(() => { screenSections.visible = vis; }); }
  if (panel.mode === 'beam') {
    const v = useViewStore.getState();
    const el = env.model.byId.get(panel.station)?.element;
    if (el) {
      const group = new THREE.Group();
      group.position.z = (el.z0 - 1) / v.compression;
      for (const { positions, colour } of tubeCrossSections(env.model, v.shown, (el.z0 + el.z1) / 2)) {
        const g = new THREE.BufferGeometry();
        g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
        group.add(new THREE.LineSegments(g, createEdgeMaterial(colour, 0.9)));
      }
      const c = 40;
      const cross = new THREE.BufferGeometry();
      cross.setAttribute('position', new THREE.BufferAttribute(new Float32Array([-c, 0, 0, c, 0, 0, 0, -c, 0, 0, c, 0]), 3));
      group.add(new THREE.LineSegments(cross, createEdgeMaterial(spec.theme === 'dark' ? '#ff8080' : '#c62828', 1)));
      const hits = trackCrossings(el.z0, el.z1, panel, spec, s);
      if (hits) { group.add(hits); lineMaterials.push(hits.material); }
      scene.add(group);
      undo.push(() => {
        scene.remove(group);
        group.traverse((o) => { if (o instanceof THREE.LineSegments || o instanceof LineSegments2) { o.geometry.dispose(); (o.material as THREE.Material).dispose(); } });
      });
    }
  }
  if (raster && s >= 1.5) widenPlainLines(scene, panel.camera, s, edgeNudge.value, undo, lineMaterials);
  const bg = scene.background;
  scene.background = spec.transparent ? null : new THREE.Color(PALETTES[spec.theme].background);
  undo.push(() => { scene.background = bg; });
  return { lineMaterials, restore: () => { for (const u of undo.reverse()) u(); } };
}

/** The axes of a 2D panel in true detector mm at its edges (z = display z × compression). */
function panelAxes(panel: Panel, k: number): { h?: AxisSpec; v?: AxisSpec } {
  const cam = panel.camera;
  if (!(cam instanceof THREE.OrthographicCamera)) return {};
  const right = new THREE.Vector3().setFromMatrixColumn(cam.matrixWorld, 0);
  const up = new THREE.Vector3().setFromMatrixColumn(cam.matrixWorld, 1);
  const hw = panel.layout.width / 2 / cam.zoom, hh = panel.layout.height / 2 / cam.zoom;
  const axis = (dir: THREE.Vector3, half: number): AxisSpec => {
    const a = Math.abs(dir.x) > 0.9 ? 'x' : Math.abs(dir.y) > 0.9 ? 'y' : 'z';
    const comp = (p: THREE.Vector3) => (a === 'x' ? p.x : a === 'y' ? p.y : p.z * k);
    return { name: a, from: comp(cam.position.clone().addScaledVector(dir, -half)), to: comp(cam.position.clone().addScaledVector(dir, half)) };
  };
  return { h: axis(right, hw), v: axis(up, hh) };
}

function overlayItems(spec: PictureSpec, env: ExportEnv, panels: readonly Panel[], s: number, now: Date): OverlayItem[] {
  const v = useViewStore.getState();
  const p = PALETTES[spec.theme];
  const o = spec.overlays;
  const items: OverlayItem[] = [];
  const inset = o.axes ? 30 * s : 0;
  // the caption and the legend are placed first: element labels keep clear of them, and of the CDA_TAX value
  const first = panels[0]!.rect;
  const caption = captionItems(captionLines(spec.caption, now), first.x + 16 * s + (o.axes && panels[0]!.mode !== '3d' ? 36 * s : 0), first.y + 14 * s, s, p);
  const legendPanel = panels.length > 1 ? panels[Math.min(1, panels.length - 1)]! : panels[0]!;
  const legend = o.legend ? legendItems(legendEntries(spec.theme === 'paper'), legendPanel.rect, s, p) : [];
  for (const panel of panels) {
    const r = panel.rect;
    if (panels.length > 1) items.push({ kind: 'rect', x: r.x + 0.5 * s, y: r.y + 0.5 * s, w: r.w - s, h: r.h - s, stroke: p.border, width: s });
    /** boxes of items in picture px as the panel's layout px, where the labels are placed; one box per item */
    const boxOf = (its: readonly OverlayItem[]) => { const b = itemsBox(its); return b ? [{ x0: (b.x0 - r.x) / s, x1: (b.x1 - r.x) / s, y0: (b.y0 - r.y) / s, y1: (b.y1 - r.y) / s }] : []; };
    const toLayout = (its: readonly OverlayItem[]) => its.flatMap((i) => boxOf([i]));
    const fixed: OverlayItem[] = [];
    /** items kept clear as one block (a scale bar with its note, a title) */
    const blocks: OverlayItem[][] = [];
    const d = getEventDrawing();
    const tax = useDataStore.getState().analysis?.tax;
    if (d?.cdaSegment && tax && !useEventDisplayStore.getState().hidden.tax) {
      const proj = makeProjector(panel.camera, panel.layout, v.compression);
      const a = proj(d.cdaSegment[0]), b = proj(d.cdaSegment[1]);
      const text = `CDA_TAX ${tax.cdaTax.toFixed(1)} mm · Z_TAX ${(tax.zTax / 1000).toFixed(1)} m`;
      const half = (textWidth(text, 12 * s) * 1.1) / 2; // kept inside the panel
      if (a && b) fixed.push({ kind: 'text', x: Math.min(r.x + r.w - half - 4 * s, Math.max(r.x + half + 40 * s, r.x + ((a.x + b.x) / 2) * s)), y: r.y + (Math.min(a.y, b.y) - 10) * s, text, size: 12 * s, colour: p.text, weight: 'bold', align: 'center', halo: p.halo, haloWidth: 3 * s });
    }
    const axes = o.axes ? panelAxes(panel, v.compression) : {};
    if (o.axes) fixed.push(...axisItems(axes.h, axes.v, r, s, p));
    if (o.scaleBars) {
      const bars = scaleBarsFor(panel.mode, panel.camera, v.compression, panel.layout, panel.target);
      const note = bars.note ?? (panel.mode === 'beam' ? 'x and y to the same scale' : v.compression !== 1 ? `z compressed 1:${v.compression}; bars in true length` : 'true scale 1:1');
      blocks.push(scaleBarItems(bars, note, r, s, p, axes.h ? inset : 0));
    }
    if (o.titles && (panels.length > 1 || spec.panels[0]!.view !== '3d')) blocks.push(titleItems(panel.title, r, s, p, !!axes.h));
    // the caption, the legend, the CDA_TAX value, axes, scale bars and titles keep their places; element labels move aside
    const reserved = [...(panel === panels[0] ? toLayout(caption) : []), ...(panel === legendPanel ? toLayout(legend) : []), ...toLayout(fixed), ...blocks.flatMap(boxOf)];
    if (o.labels && v.labels) items.push(...labelItems(placeLabels(env.model, v.shown, v.compression, panel.mode, panel.station, panel.camera, panel.layout, reserved), r, s, p));
    items.push(...fixed, ...blocks.flat());
  }
  items.push(...caption, ...legend);
  return items;
}

/** Render the panels' pixels (premultiplied RGBA, top row first) into `out` (W × H), tile by tile, synchronously. */
function rasterise(spec: PictureSpec, env: ExportEnv, panels: readonly Panel[], s: number, out: Uint8Array, W: number, maxTile: number): number {
  const { gl } = env.handle;
  const ctx = gl.getContext();
  const dpr = gl.getPixelRatio();
  const size = gl.getSize(new THREE.Vector2());
  const clear = new THREE.Color(), clearAlpha = gl.getClearAlpha();
  gl.getClearColor(clear);
  let count = 0;
  try {
    gl.setPixelRatio(1);
    gl.setRenderTarget(null);
    for (const panel of panels) {
      const prep = preparePanel(panel, env, spec, s, true);
      try {
        gl.setClearColor(PALETTES[spec.theme].background, spec.transparent ? 0 : 1);
        for (const t of tiles(panel.rect.w, panel.rect.h, maxTile)) {
          panel.camera.setViewOffset(panel.rect.w, panel.rect.h, t.x, t.y, t.w, t.h);
          gl.setSize(t.w, t.h, false);
          if (ctx.drawingBufferWidth !== t.w || ctx.drawingBufferHeight !== t.h) throw new Error(`the GPU gave a ${ctx.drawingBufferWidth} × ${ctx.drawingBufferHeight} px buffer for a ${t.w} × ${t.h} px tile; choose a smaller picture`);
          for (const m of prep.lineMaterials) m.resolution.set(t.w, t.h);
          gl.clear();
          gl.render(env.handle.scene, panel.camera);
          const buf = new Uint8Array(t.w * t.h * 4);
          ctx.readPixels(0, 0, t.w, t.h, ctx.RGBA, ctx.UNSIGNED_BYTE, buf);
          const row = t.w * 4;
          for (let y = 0; y < t.h; y++) {
            const dst = ((panel.rect.y + t.y + y) * W + panel.rect.x + t.x) * 4;
            out.set(buf.subarray((t.h - 1 - y) * row, (t.h - y) * row), dst); // WebGL rows run bottom-up
          }
          count++;
        }
        panel.camera.clearViewOffset();
      } finally {
        prep.restore();
      }
    }
  } finally {
    gl.setPixelRatio(dpr);
    gl.setSize(size.x, size.y, false);
    gl.setClearColor(clear, clearAlpha);
    env.handle.invalidate();
  }
  return count;
}

/** Draw the overlay list tile by tile (OffscreenCanvas) and composite it over the premultiplied picture. */
function compositeOverlays(items: readonly OverlayItem[], out: Uint8Array, W: number, H: number, maxTile: number): void {
  if (!items.length) return;
  for (const t of tiles(W, H, Math.min(maxTile, 2048))) {
    const c = new OffscreenCanvas(t.w, t.h);
    const g = c.getContext('2d');
    if (!g) throw new Error('no 2D canvas context for the overlays');
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
  }
}

const LATIN1: Record<string, string> = { 'μ': 'mu', 'π': 'pi', 'χ': 'chi', 'Δ': 'Delta ', 'Σ': 'Sum', 'θ': 'theta', '→': '->', '′': "'", '−': '-', 'ε': 'eps', '–': '-' };
/** PNG text chunks are Latin-1. */
export const toLatin1 = (s: string): string => [...s].map((c) => LATIN1[c] ?? (c.charCodeAt(0) > 0xff ? '?' : c)).join('');

function encodePicture(out: Uint8Array, W: number, H: number, transparent: boolean, description: string): Uint8Array {
  const text = { Software: 'NA62 Event Display', Description: toLatin1(description), Blinding: toLatin1(blindingRecord()) };
  if (transparent) {
    for (let i = 0; i < out.length; i += 4) { // back from premultiplied alpha
      const a = out[i + 3]!;
      if (a > 0 && a < 255) { const f = 255 / a; out[i] = Math.min(255, out[i]! * f); out[i + 1] = Math.min(255, out[i + 1]! * f); out[i + 2] = Math.min(255, out[i + 2]! * f); }
    }
    return encode({ width: W, height: H, data: out, channels: 4, depth: 8, text });
  }
  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0, j = 0; i < out.length; i += 4, j += 3) { rgb[j] = out[i]!; rgb[j + 1] = out[i + 1]!; rgb[j + 2] = out[i + 2]!; }
  return encode({ width: W, height: H, data: rgb, channels: 3, depth: 8, text });
}

function fillBackground(out: Uint8Array, spec: PictureSpec): void {
  if (spec.transparent) return;
  // THREE.Color holds linear values; getHex gives the sRGB bytes
  const hex = new THREE.Color(PALETTES[spec.theme].background).getHex();
  const rr = (hex >> 16) & 255, gg = (hex >> 8) & 255, bb = hex & 255;
  for (let i = 0; i < out.length; i += 4) { out[i] = rr; out[i + 1] = gg; out[i + 2] = bb; out[i + 3] = 255; }
}

/** Check the spec, switch to its theme and lay out its panels for `draw`; the theme is restored after. */
async function withPanels<T>(spec: PictureSpec, env: ExportEnv, draw: (panels: Panel[], s: number) => T | Promise<T>): Promise<T> {
  const problem = checkSpec(spec);
  if (problem) throw new Error(problem);
  const restoreTheme = await switchTheme(spec.theme === 'paper' ? 'light' : 'dark', env.handle);
  try {
    const s = pixelScale(spec.width, spec.height, screenSize(env.handle)) / (spec.panels.length > 1 ? 1.5 : 1);
    return await draw(buildPanels(spec, env, s), s);
  } finally {
    await restoreTheme();
  }
}

/** A PNG of the picture. */
export async function renderPng(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<PngPicture> {
  return withPanels(spec, env, (panels, s) => {
    const maxTile = Math.min(opts.maxTile ?? Infinity, maxTileSize(env.handle.gl));
    const out = new Uint8Array(spec.width * spec.height * 4);
    fillBackground(out, spec);
    const n = rasterise(spec, env, panels, s, out, spec.width, maxTile);
    const items = overlayItems(spec, env, panels, s, opts.now ?? new Date());
    compositeOverlays(items, out, spec.width, spec.height, maxTile);
    const description = captionLines(spec.caption, opts.now ?? new Date()).map((l) => `${l.text}${l.suffix ? ` ${l.suffix}` : ''}`).join(' | ');
    return { png: encodePicture(out, spec.width, spec.height, spec.transparent, description), width: spec.width, height: spec.height, tiles: n, scale: s };
  });
}

const bytesToBase64 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

/** An SVG of the picture: the 2D views as vectors (tracks as paths), a 3D panel embedded as a PNG. */
export async function renderSvg(spec: PictureSpec, env: ExportEnv, opts: RenderOptions = {}): Promise<string> {
  return withPanels(spec, env, (panels, s) => {
    const W = spec.width, H = spec.height;
    const body: string[] = [];
    if (!spec.transparent) body.push(`<rect width="${W}" height="${H}" fill="${PALETTES[spec.theme].background}"/>`);
    panels.forEach((panel, i) => {
      const r = panel.rect;
      body.push(`<clipPath id="panel${i}"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"/></clipPath>`);
      if (panel.mode === '3d') {
        const out = new Uint8Array(r.w * r.h * 4);
        const local = { ...panel, rect: { x: 0, y: 0, w: r.w, h: r.h } };
        rasterise({ ...spec, transparent: true }, env, [local], s, out, r.w, maxTileSize(env.handle.gl));
        const png = encodePicture(out, r.w, r.h, true, panel.title);
        body.push(`<g id="view-${i}-3d" clip-path="url(#panel${i})"><image x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" href="data:image/png;base64,${bytesToBase64(png)}"/></g>`);
        return;
      }
      const prep = preparePanel(panel, env, spec, s);
      try {
        body.push(`<g id="view-${i}-${panel.mode}" clip-path="url(#panel${i})">${sceneToSvg(env.handle.scene, panel.camera, r, { thinLine: Math.max(0.5, s) })}</g>`);
      } finally {
        prep.restore();
        env.handle.invalidate();
      }
    });
    body.push(`<g id="overlays" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${itemsToSvg(overlayItems(spec, env, panels, s, opts.now ?? new Date()))}</g>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">\n<title>NA62 event display</title>\n<metadata><na62:blinding xmlns:na62="urn:na62-event-display">${escapeXml(blindingRecord())}</na62:blinding></metadata>\n${body.join('\n')}\n</svg>\n`;
  });
}
