/**
 * Event movies: a turntable of the 3D view, or the event's build-up (3D or side view), frame by
 * frame into the WebCodecs encoder. Like the picture export, the movie has its own scene, built by
 * the display core (buildViewScene) from the app's snapshot at the movie's theme and pixel scale,
 * and its own camera; the live scene is never touched. It also has its own WebGL renderer on an
 * OffscreenCanvas, so the screen keeps drawing (and the dialog's progress bar and Cancel keep
 * working) between frames of a long movie.
 *
 * Each frame: the scene into the GL canvas, then onto a 2D canvas below the caption band (the
 * caption, the legend and the build-up's clock sit in a band of their own, never over the
 * detector), and that canvas becomes a VideoFrame.
 *
 * The 3D look is the 3D view's (display/passive-look.ts: the user's opacities and cut-aways), with
 * the passive material at least translucent: the event, drawn opaque on top, must read through the
 * vessel from every side of a turntable.
 */
import * as THREE from 'three';
import type { DetectorModel } from '../../geometry/detector-model';
import { buildViewScene, type ViewScene } from '../../display/view-scene';
import { eventDisplayBox, fitPose, FOV_DEG, visibleBox } from '../../display/framing';
import { depthRange } from '../../display/depth-range';
import { viewScale } from '../../display/display-scale';
import { placeLabels } from '../../display/labels';
import { labelled3d } from '../../display/labels3d';
import { EVENT_FIT_TARGET, PICTURE_SCALE, type DisplaySnapshot } from '../../display/types';
import type { PassiveLook } from '../../display/passive-look';
import { checkMovieSpec, frameCount, frameTime, type MovieSpec } from '../../../../src-shared/picture/movie-spec';
import type { AppStores } from '../../state/app-stores';
import { captionItems, labelItems, legendItems, PALETTES, type CaptionLine } from '../picture-overlays';
import { captionLines, legendEntries } from '../picture-context';
import { itemsBox, paintItems, type OverlayItem } from '../overlay-items';
import { installFrontClip } from './front-clip';
import { buildUpSchedule, orbitDistance, orbitPosition, orbitStart, zExtent, type BuildUpSchedule } from './timeline';
import { openEncoder, type MovieEncoder } from './encoder';

export interface MovieEnv {
  readonly model: DetectorModel;
  readonly snapshot: DisplaySnapshot;
  readonly stores: AppStores;
}

export interface MovieOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** the caption's date */
  readonly now?: Date;
  /** the blinding record, written into the file's comment tag */
  readonly blinding?: string;
}

export interface Movie { readonly data: Uint8Array; readonly frames: number; readonly codec: string; readonly width: number; readonly height: number }

export class MovieCancelled extends Error { constructor() { super('movie export cancelled'); } }

/** Layers drawn in full once the event is complete rather than swept by the front (a construction, not particles). */
const AFTER_BUILDUP = new Set(['tax']);
/** Layers whose extent does not set where the front runs: the vertex's ±σ bars, the CDA_TAX construction, the MC truth (from the target). */
const NOT_IN_EXTENT = new Set(['vertex', 'tax', 'truth']);

/** Tracks and hit markers 1.5 × a picture's: video compression and a projector soften thin lines. */
const MOVIE_LINE_WIDTH = 1.5;

/** The movie's look of the passive detector: the user's, with x-ray at least translucent. */
const movieLook = (look: PassiveLook | undefined): PassiveLook | undefined => (look ? { ...look, xray: look.xray === 'off' ? 'translucent' : look.xray } : undefined);

/** The event's extent in z (NA62 mm) from its drawn objects (geometry in mm, before the group's scale). */
function eventExtent(view: ViewScene): { zStart: number; zEnd: number } {
  const pts: { z: number }[] = [];
  for (const [id, d] of view.event?.layers ?? []) {
    if (NOT_IN_EXTENT.has(id)) continue;
    for (const o of d.objects) {
      const g = (o as THREE.Mesh).geometry as THREE.BufferGeometry | undefined;
      if (!g) continue;
      g.computeBoundingBox();
      const b = g.boundingBox;
      if (b && !b.isEmpty()) { o.updateMatrix(); const w = b.clone().applyMatrix4(o.matrix); pts.push(w.min, w.max); }
    }
  }
  return zExtent(pts);
}

interface Layout { readonly W: number; readonly H: number; readonly sceneH: number; readonly s: number; readonly band: (extra: CaptionLine[]) => OverlayItem[] }

/** The caption band under the scene: caption lines on the left, the legend in columns on the right. */
function bandLayout(spec: MovieSpec, env: MovieEnv, snap: DisplaySnapshot, now: Date, extraLines: number): Layout {
  const W = spec.width, H = spec.height, s = H / 720;
  const p = PALETTES[spec.theme];
  const lines = captionLines(env.stores, spec.caption, now);
  const probe = captionItems([...lines, ...Array.from({ length: extraLines }, () => ({ text: 'Δt' }))], 0, 0, s, p);
  const capH = (itemsBox(probe)?.y1 ?? 0) - (itemsBox(probe)?.y0 ?? 0);
  const entries = spec.legend ? legendEntries(snap) : [];
  const rowH = 17 * s;
  const rows = Math.max(3, Math.floor(capH / rowH));
  const bandH = Math.ceil(Math.max(capH, Math.min(entries.length, rows) * rowH + 10 * s) + 24 * s);
  const sceneH = H - bandH - (H - bandH) % 2;
  const y0 = sceneH;
  // the legend's columns, read left to right, the last one at the right edge
  const legend: OverlayItem[] = [];
  let right = W;
  const starts = Array.from({ length: Math.ceil(entries.length / rows) }, (_, c) => c * rows).reverse();
  for (const i of starts) {
    const col = legendItems(entries.slice(i, i + rows), { x: 0, y: y0, w: right, h: H - y0 }, s, p);
    legend.push(...col);
    right = (itemsBox(col)?.x0 ?? right) - 4 * s;
  }
  return {
    W, H, sceneH, s,
    band: (extra) => [...captionItems([...lines, ...extra], 16 * s, y0 + 12 * s, s, p), ...legend],
  };
}

/** The movie's camera and scene for one view, framed on the event. */
function setUp(spec: MovieSpec, env: MovieEnv, snap: DisplaySnapshot, layout: Layout): { view: ViewScene; camera: THREE.PerspectiveCamera | THREE.OrthographicCamera; centre: THREE.Vector3; sceneBox: THREE.Box3 } {
  const mode = spec.view;
  const k = snap.compression;
  const scale = viewScale(mode, k, snap.magnification);
  const viewport = { width: layout.W / layout.s, height: layout.sceneH / layout.s };
  const camera = mode === '3d' ? new THREE.PerspectiveCamera(FOV_DEG, layout.W / layout.sceneH, 1, 1e7) : new THREE.OrthographicCamera(-viewport.width / 2, viewport.width / 2, viewport.height / 2, -viewport.height / 2, 0.1, 1e7);
  const msnap: DisplaySnapshot = { ...snap, mode, ...(mode === '3d' ? { magnification: 1 } : {}) };
  const view = buildViewScene(env.model, msnap, { px: PICTURE_SCALE(layout.s * MOVIE_LINE_WIDTH, snap.trackWidth), camera, background: PALETTES[spec.theme].background });
  const eventBox = view.event?.box;
  const pose = fitPose(env.model, { mode, station: snap.station, compression: k, magnification: msnap.magnification ?? 1, shown: snap.shown, target: eventBox && !eventBox.isEmpty() ? EVENT_FIT_TARGET : undefined, eventBox, trackLines: view.event?.prepared.trackLines }, viewport);
  camera.up.copy(pose.up);
  camera.position.copy(pose.position);
  camera.lookAt(pose.target);
  if (camera instanceof THREE.OrthographicCamera) camera.zoom = pose.zoom;
  const sceneBox = visibleBox(env.model, snap.shown, scale, false);
  const centre = (eventDisplayBox(eventBox, scale) ?? sceneBox).getCenter(new THREE.Vector3());
  if (mode !== '3d') return { view, camera, centre: pose.target.clone(), sceneBox };
  return { view, camera, centre, sceneBox };
}

function aim(camera: THREE.PerspectiveCamera | THREE.OrthographicCamera, position: THREE.Vector3, target: THREE.Vector3, sceneBox: THREE.Box3): void {
  camera.position.copy(position);
  camera.up.set(0, 1, 0);
  camera.lookAt(target);
  const { near, far } = depthRange(camera.position.toArray(), { min: sceneBox.min.toArray(), max: sceneBox.max.toArray() });
  camera.near = near; camera.far = far;
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld();
}

let shared: THREE.WebGLRenderer | undefined;
/**
 * The movies' WebGL renderer, made once per page and kept: its compiled shaders serve the next
 * movie (the detector's programs take seconds to compile in software WebGL). Each movie's scene
 * is its own and is disposed after it.
 */
function movieRenderer(): THREE.WebGLRenderer {
  if (shared && !shared.getContext().isContextLost()) return shared;
  shared = new THREE.WebGLRenderer({ canvas: new OffscreenCanvas(2, 2), antialias: true, alpha: false, preserveDrawingBuffer: true, logarithmicDepthBuffer: true });
  shared.toneMapping = THREE.NoToneMapping; // the screen's `flat` canvas
  shared.setPixelRatio(1);
  return shared;
}

const fmtNs = (ns: number) => `${Math.max(0, ns).toFixed(0)} ns`;

/** A movie's frames, drawn one at a time into `canvas` (W × H): what the encoder and the dialog's preview take. */
export interface MovieFrames {
  readonly count: number;
  readonly canvas: OffscreenCanvas;
  readonly width: number;
  readonly height: number;
  /** draw frame i (0 … count − 1) */
  draw(i: number): void;
  dispose(): void;
}

/** Set up a movie's scene, camera and caption band; the frames are drawn on demand. */
export function movieFrames(spec: MovieSpec, env: MovieEnv, now = new Date()): MovieFrames {
  const problem = checkMovieSpec(spec);
  if (problem) throw new Error(problem);
  const light = spec.theme === 'paper';
  const look = movieLook(env.snapshot.scene3d);
  const snap: DisplaySnapshot = { ...env.snapshot, theme: light ? 'light' : 'dark', style: { ...env.snapshot.style, light }, ...(look ? { scene3d: look } : {}) };
  if (spec.kind === 'buildup' && !(snap.event && snap.analysis)) throw new Error('a build-up needs an event: open a file and show an event first');
  const layout = bandLayout(spec, env, snap, now, spec.kind === 'buildup' ? 1 : 0);
  const { view, camera, centre, sceneBox } = setUp(spec, env, snap, layout);
  try {
    const n = frameCount(spec.fps, spec.duration);
    const frameCanvas = new OffscreenCanvas(layout.W, layout.H);
    const gl = movieRenderer();
    const glCanvas = gl.domElement as unknown as OffscreenCanvas;
    const ctx = frameCanvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context for the movie frames');
    // the build-up: the front and the layers shown once the event is complete
    let schedule: BuildUpSchedule | undefined;
    let clip: { value: number } | undefined;
    const late: THREE.Object3D[] = [];
    if (spec.kind === 'buildup' && view.event) {
      const { zStart, zEnd } = eventExtent(view);
      schedule = buildUpSchedule(zStart, zEnd, spec.duration);
      clip = installFrontClip(view.event.group).uniform;
      for (const [id, d] of view.event.layers) if (AFTER_BUILDUP.has(id)) late.push(...d.objects);
    }
    // the 3D camera: the turntable orbits the event; the build-up keeps the framed pose
    const start = camera.position.clone();
    let orbitFrom: THREE.Vector3 | undefined;
    if (spec.kind === 'turntable') {
      const box = eventDisplayBox(view.event?.box, snap.compression) ?? sceneBox;
      const radius = box.getBoundingSphere(new THREE.Sphere()).radius;
      orbitFrom = orbitStart(centre, start, orbitDistance(radius, FOV_DEG, layout.W / layout.sceneH));
    }
    // element labels where the camera stands still (the build-up): the elements the event crosses
    const stillLabels: OverlayItem[] = [];
    const bg = PALETTES[spec.theme].background;
    const k = snap.compression;
    if (spec.kind === 'buildup') {
      if (spec.view === '3d') aim(camera, start, centre, sceneBox);
      else { const r = depthRange(camera.position.toArray(), { min: sceneBox.min.toArray(), max: sceneBox.max.toArray() }); camera.near = r.near; camera.far = r.far; camera.updateProjectionMatrix(); camera.updateMatrixWorld(); }
      if (snap.labels) {
        const scale = viewScale(spec.view, k, spec.view === '3d' ? 1 : snap.magnification);
        const shown = spec.view === '3d' ? labelled3d(env.model, snap.shown, view.event?.prepared.trackLines) : snap.shown;
        const vp = { width: layout.W / layout.s, height: layout.sceneH / layout.s };
        stillLabels.push(...labelItems(placeLabels(env.model, shown, scale, spec.view, snap.station, camera, vp), { x: 0, y: 0, w: layout.W, h: layout.sceneH }, layout.s, PALETTES[spec.theme]));
      }
    }
    return {
      count: n, canvas: frameCanvas, width: layout.W, height: layout.H,
      draw(i) {
        const t = i / spec.fps;
        const extra: CaptionLine[] = [];
        if (orbitFrom) aim(camera, orbitPosition(centre, orbitFrom, i, n), centre, sceneBox);
        if (schedule && clip) {
          const front = schedule.front(t);
          clip.value = front / k;
          for (const o of late) o.visible = schedule.complete(t);
          extra.push({ text: `${schedule.complete(t) ? 'event complete' : 'build-up'}: Δt = ${fmtNs(schedule.elapsedNs(t))} since z = ${(schedule.zStart / 1000).toFixed(1)} m, front at z = ${(Math.max(front, schedule.zStart) / 1000).toFixed(1)} m` });
        }
        // the shared renderer may have drawn another size since (a preview and an export)
        if (glCanvas.width !== layout.W || glCanvas.height !== layout.sceneH) gl.setSize(layout.W, layout.sceneH, false);
        view.setResolution(layout.W, layout.sceneH);
        gl.render(view.scene, camera);
        ctx.fillStyle = bg;
        ctx.fillRect(0, 0, layout.W, layout.H);
        ctx.drawImage(glCanvas, 0, 0);
        // element labels stay in the scene (their leader lines may aim below it); the band is the caption's
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, layout.W, layout.sceneH);
        ctx.clip();
        paintItems(ctx, stillLabels);
        ctx.restore();
        paintItems(ctx, layout.band(extra));
      },
      dispose: () => view.dispose(),
    };
  } catch (e) {
    view.dispose();
    throw e;
  }
}

/** Render and encode a movie. Throws MovieCancelled when the signal aborts. */
export async function renderMovie(spec: MovieSpec, env: MovieEnv, opts: MovieOptions = {}): Promise<Movie> {
  const frames = movieFrames(spec, env, opts.now);
  let encoder: MovieEncoder | undefined;
  let done = false;
  try {
    encoder = await openEncoder({ format: spec.format, width: frames.width, height: frames.height, fps: spec.fps, ...(opts.blinding ? { comment: opts.blinding } : {}) });
    const n = frames.count;
    opts.onProgress?.(0, n);
    for (let i = 0; i < n; i++) {
      if (opts.signal?.aborted) throw new MovieCancelled();
      frames.draw(i);
      const { timestamp, duration } = frameTime(i, spec.fps);
      await encoder.add(new VideoFrame(frames.canvas, { timestamp, duration, alpha: 'discard' }), i);
      opts.onProgress?.(i + 1, n);
      // let the page breathe (progress bar, Cancel) between frames
      await new Promise((r) => setTimeout(r, 0));
    }
    const data = await encoder.finish();
    done = true;
    return { data, frames: n, codec: encoder.codec, width: frames.width, height: frames.height };
  } finally {
    if (!done) await encoder?.cancel();
    frames.dispose();
  }
}
