/**
 * Cameras and controls of the four views: an R3F adapter over the display core, which frames
 * (display/framing.ts), places labels and measures scale bars. Keeps near/far planes fitted to the
 * scene every frame (so nothing clips at any zoom), keeps the view on the same detector z when the
 * compression changes, and reports scale bars and label positions to the HTML overlays.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { DetectorModel } from '../geometry/detector-model';
import { type CameraPose, type ViewMode } from '../state/view-store';
import { useLiveView, useStores, useView, useViewport, useViewportStore } from '../state/AppProvider';
import { beamSlab, CONSTRUCTION_FIT_TARGET, fitPose, frameBox, FOV_DEG, visibleBox, type FrameRequest } from '../display/framing';
import { depthRange } from '../display/depth-range';
import { clearOfCorner, framePose } from '../display/poses';
import { EVENT_FIT_TARGET } from '../display/types';
import { scaleBarsFor } from '../display/scale-bars';
import { eventLabelBox, placeLabels, trackSegmentsOnScreen } from '../display/labels';
import { makeProjector } from '../display/projection';
import { crossedElements, labelled3d } from '../display/labels3d';
import { edgeNudgeFor } from '../display/view-scene';
import { viewScale } from '../display/display-scale';
import { constructionBox } from '../display/construction';
import { insetBoxes } from '../display/tax-inset';

function configureControls(c: OrbitControls, mode: ViewMode): void {
  c.enableDamping = false;
  c.zoomToCursor = true;
  c.screenSpacePanning = true;
  c.minZoom = 1e-5;
  c.maxZoom = 1e4;
  c.minDistance = 1;
  c.maxDistance = 5e6;
  if (mode === '3d') {
    c.enableRotate = true;
    c.mouseButtons = { LEFT: THREE.MOUSE.ROTATE, MIDDLE: THREE.MOUSE.DOLLY, RIGHT: THREE.MOUSE.PAN };
    c.touches = { ONE: THREE.TOUCH.ROTATE, TWO: THREE.TOUCH.DOLLY_PAN };
  } else {
    c.enableRotate = false;
    c.mouseButtons = { LEFT: THREE.MOUSE.PAN, MIDDLE: THREE.MOUSE.DOLLY, RIGHT: THREE.MOUSE.PAN };
    c.touches = { ONE: THREE.TOUCH.PAN, TWO: THREE.TOUCH.DOLLY_PAN };
  }
}

const tuple = (v: THREE.Vector3): [number, number, number] => [v.x, v.y, v.z];
function poseOf(mode: ViewMode, camera: THREE.Camera, controls: OrbitControls): CameraPose {
  return { mode, position: tuple(camera.position), target: tuple(controls.target), up: tuple(camera.up), zoom: camera instanceof THREE.OrthographicCamera ? camera.zoom : 1 };
}

export function CameraRig({ model }: { model: DetectorModel }) {
  const stores = useStores();
  const { gl, size, set, invalidate } = useThree();
  const live = useLiveView();
  // this view's own mode, station, fit requests and camera (several views at once, issue 17)
  const viewport = useViewportStore();
  const mode = useViewport((s) => s.mode);
  const compression = useView((s) => s.compression);
  const magnification = useView((s) => s.magnification);
  const fitRequest = useViewport((s) => s.fitRequest);
  const beamStation = useViewport((s) => s.beamStation);
  const labelsOn = useView((s) => s.labels);
  const shown = useView((s) => s.shown);

  const persp = useMemo(() => new THREE.PerspectiveCamera(FOV_DEG, 1, 1, 1e7), []);
  const ortho = useMemo(() => new THREE.OrthographicCamera(-1, 1, 1, -1, 0.1, 1e7), []);
  const camera = mode === '3d' ? persp : ortho;
  const clipRef = useRef<{ near: number; far: number } | undefined>(undefined);
  // the view is framed as fitted until the user moves its camera: until then a new panel size frames it again
  const autoFramed = useRef(true);
  const lastSize = useRef(size);

  // One controls instance per (camera, mode): OrbitControls caches the camera's up vector when built.
  const controls = useMemo(() => {
    camera.up.copy(framePose(mode, new THREE.Box3(new THREE.Vector3(), new THREE.Vector3(1, 1, 1)), size).up);
    const c = new OrbitControls(camera, gl.domElement);
    configureControls(c, mode);
    return c;
    // size is read only for the up vector; it must not rebuild the controls
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, mode, gl]);
  useEffect(() => {
    const onChange = () => invalidate();
    const onStart = () => { autoFramed.current = false; };
    // the pose the user leaves the camera in goes into the session
    const onEnd = () => viewport.setState({ camera: poseOf(mode, camera, controls) });
    controls.addEventListener('change', onChange);
    controls.addEventListener('start', onStart);
    controls.addEventListener('end', onEnd);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('end', onEnd);
      controls.dispose();
    };
  }, [controls, invalidate, mode, camera, viewport]);

  useLayoutEffect(() => set({ camera }), [camera, set]);

  useLayoutEffect(() => {
    ortho.left = -size.width / 2; ortho.right = size.width / 2;
    ortho.top = size.height / 2; ortho.bottom = -size.height / 2;
    ortho.updateProjectionMatrix();
    persp.aspect = size.width / Math.max(size.height, 1);
    persp.updateProjectionMatrix();
    // a new panel size (a splitter, a layout, the window): a view still framed as fitted is framed again
    if (lastSize.current !== size && autoFramed.current && !viewport.getState().pendingCamera) viewport.getState().requestFit();
    lastSize.current = size;
    invalidate();
  }, [size, ortho, persp, invalidate, viewport]);

  // the mapping the camera was last placed under: a change of it keeps the view on the same detector point
  const lastK = useRef(compression);
  const lastM = useRef({ mode, m: magnification });

  // Frame the visible detector: on request, on view change, on a new beam's-eye station.
  useLayoutEffect(() => {
    const v = stores.view.getState();
    const own = viewport.getState();
    const tax = stores.data.getState().analysis?.tax;
    const req: FrameRequest = {
      mode, station: beamStation, compression: v.compression, magnification: v.magnification, shown: v.shown, target: own.fitTarget, eventBox: live.eventScene?.box, trackLines: live.eventScene?.prepared.trackLines,
      constructionBox: tax && mode !== 'beam' && mode !== '3d' ? constructionBox(tax, mode === 'top' ? 'x' : 'y') : undefined,
    };
    // framed on the event: none of it under the legend (a kaon event's tracks ran beneath it)
    const onEvent = own.fitTarget === EVENT_FIT_TARGET || own.fitTarget === CONSTRUCTION_FIT_TARGET;
    const fitted = onEvent ? clearOfCorner(fitPose(model, req, size), mode, frameBox(model, req).box, size, live.legendBox) : fitPose(model, req, size);
    // placed under the store's mapping now (a preset sets compression, magnification and the fit together)
    lastK.current = v.compression;
    lastM.current = { mode, m: v.magnification };
    let pose = fitted;
    autoFramed.current = own.fitTarget === undefined;
    live.fitTarget = own.fitTarget;
    // a restored session puts the camera back where the user had it (the beam's eye is framed on its station)
    const saved = own.pendingCamera;
    if (saved) {
      viewport.setState({ pendingCamera: undefined });
      if (saved.mode === mode && mode !== 'beam') {
        pose = { ...fitted, position: new THREE.Vector3(...saved.position), target: new THREE.Vector3(...saved.target), up: new THREE.Vector3(...saved.up), zoom: saved.zoom };
        autoFramed.current = false;
      }
    }
    camera.up.copy(pose.up);
    camera.position.copy(pose.position);
    controls.target.copy(pose.target);
    camera.lookAt(pose.target);
    if (camera instanceof THREE.OrthographicCamera) {
      camera.zoom = pose.zoom;
      camera.updateProjectionMatrix();
    }
    clipRef.current = pose.clip;
    controls.update();
    viewport.setState({ camera: poseOf(mode, camera, controls) });
    invalidate();
    // size changes must not re-frame the view the user arranged
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitRequest, mode, beamStation, model, camera, controls, invalidate, live]);

  // Magnification change: keep looking at the same transverse point (y in the side view, x in the top view).
  useLayoutEffect(() => {
    const last = lastM.current;
    if (last.mode === mode && last.m !== magnification && (mode === 'side' || mode === 'top')) {
      const r = magnification / last.m, axis = mode === 'side' ? 'y' : 'x';
      ortho.position[axis] *= r;
      controls.target[axis] *= r;
      controls.update();
      invalidate();
    }
    lastM.current = { mode, m: magnification };
  }, [magnification, mode, ortho, controls, invalidate]);

  // Compression change: keep looking at the same detector z in every camera.
  useLayoutEffect(() => {
    const r = lastK.current / compression;
    if (r !== 1) {
      for (const cam of [persp, ortho]) cam.position.z *= r;
      controls.target.z *= r;
      if (mode === 'beam') {
        const slab = beamSlab(model, beamStation, compression);
        const back = 1000;
        camera.position.z = slab.z0 - back;
        controls.target.z = (slab.z0 + slab.z1) / 2;
        clipRef.current = { near: back, far: back + (slab.z1 - slab.z0) };
      }
      controls.update();
      lastK.current = compression;
      invalidate();
    }
  }, [compression, persp, ortho, controls, mode, model, beamStation, camera, invalidate]);

  useFrame(() => {
    const k = viewScale(mode, compression, magnification);
    const cam = camera as THREE.PerspectiveCamera | THREE.OrthographicCamera;
    const sceneBox = visibleBox(model, shown, k, false);
    let near: number, far: number;
    if (mode === 'beam' && clipRef.current) ({ near, far } = clipRef.current);
    else ({ near, far } = depthRange(cam.position.toArray(), { min: sceneBox.min.toArray(), max: sceneBox.max.toArray() }));
    if (cam.near !== near || cam.far !== far) {
      cam.near = near;
      cam.far = far;
      cam.updateProjectionMatrix();
    }

    live.nudge.value = edgeNudgeFor(cam);
    live.target = controls.target;

    const bars = scaleBarsFor(mode, cam, k, size, controls.target);
    // the CDA_TAX value of the event keeps its place beside its segment; element labels move aside
    const ev = stores.eventDisplay.getState().hidden.tax ? undefined : live.eventLabel.getState().label;
    const inset = live.taxInset.getState().inset;
    const trackLines = live.eventScene?.prepared.trackLines;
    // labels keep off the tracks drawn (hidden tracks have no lines)
    const tracks = labelsOn ? trackSegmentsOnScreen(trackLines, makeProjector(cam, size, k), mode) : [];
    const labels = labelsOn ? placeLabels(model, mode === '3d' ? labelled3d(model, shown, trackLines) : shown, k, mode, beamStation, cam, size,
      [...(ev ? [eventLabelBox(ev)] : []), ...(inset ? insetBoxes(inset) : []), ...overlayBoxes(gl.domElement)],
      trackLines ? touchedBy(model, trackLines) : undefined, tracks) : [];
    live.overlay.getState().set(labels, bars);
  }, -1);

  return null;
}

const touchedCache = new WeakMap<object, Set<string>>();
/** The elements the event's tracks cross (labelled first), once per event drawing. */
function touchedBy(model: DetectorModel, trackLines: Parameters<typeof crossedElements>[1]): Set<string> {
  let t = touchedCache.get(trackLines);
  if (!t) { t = crossedElements(model, trackLines); touchedCache.set(trackLines, t); }
  return t;
}

/**
 * The boxes (CSS px of the canvas) of the HTML overlays that sit over the view: the legend (or its
 * chip), the blinding badge, the axes hint, the scale bars, the pick card, the 3D view's "See inside"
 * panel and the blinded-event notice,
 * which element labels keep clear of (the layout engine's reserved boxes; labels under the card showed their ends beside it).
 */
function overlayBoxes(canvas: HTMLCanvasElement): { x0: number; x1: number; y0: number; y1: number }[] {
  const host = canvas.closest('.viewport');
  if (!host) return [];
  const c = canvas.getBoundingClientRect();
  return [...host.querySelectorAll('.event-legend, .event-legend-chip, .viewport-badge, .axes-hint, .scale-bars, .pick-card, .scene3d-controls, .blind-notice')].map((el) => {
    const b = el.getBoundingClientRect();
    return { x0: b.left - c.left - 4, x1: b.right - c.left + 4, y0: b.top - c.top - 4, y1: b.bottom - c.top + 4 };
  }).filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
}
