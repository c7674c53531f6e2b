/**
 * Cameras and controls of the four views. Keeps near/far planes fitted to the scene every frame
 * (so nothing clips at any zoom), keeps the view on the same detector z when the compression
 * changes, and reports scale bars and label positions to the HTML overlays.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import { edgeNudge } from '../geometry/materials';
import { EVENT_FIT_TARGET, isShown, useViewStore, type CameraPose, type ViewMode } from '../state/view-store';
import { getEventDrawing } from './EventOverlay';
import { depthRange } from './depth-range';
import { framePose } from './view-poses';
import { scaleBar } from './scale-bar';
import { layoutLabels, textBox, type LabelCandidate } from './label-layout';
import { useEventLabelStore } from './event-label-store';
import { useEventDisplayStore } from '../state/event-display-store';
import { useOverlayStore, type ScaleBars } from './overlay-store';

export const FOV_DEG = 40;
/** Which labels win a crowded spot: the detectors first, then vetoes, then the beam line and vessel. */
const LABEL_RANK: Record<string, number> = { spectrometer: 0, calorimetry: 1, 'muon veto': 1, 'particle ID': 2, 'photon veto': 3, 'beam tracking': 4, 'beam line': 5, vacuum: 6 };
/** display-units margin kept around a beam's-eye station slab, in mm of detector */
const SLAB_MARGIN_MM = 60;

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

/** Visible elements, their union box in display coordinates, and the beam's-eye slab. */
export function visibleBox(model: DetectorModel, shown: Record<string, boolean>, k: number, skipAxis = true): THREE.Box3 {
  const box = new THREE.Box3();
  for (const e of model.elements) {
    if (skipAxis && e.element.shape.kind === 'axis') continue;
    if (!isShown(shown, e.element.id, e.element.visibleByDefault)) continue;
    box.union(displayBox(e, k));
  }
  if (box.isEmpty()) box.set(new THREE.Vector3(-1000, -1000, 0), new THREE.Vector3(1000, 1000, 270000 / k));
  return box;
}

export function beamSlab(model: DetectorModel, stationId: string, k: number): { z0: number; z1: number; box: THREE.Box3 } {
  const st = model.byId.get(stationId) ?? model.byId.get('straw1')!;
  const b = displayBox(st, k);
  const z0 = (st.element.z0 - SLAB_MARGIN_MM) / k, z1 = (st.element.z1 + SLAB_MARGIN_MM) / k;
  return { z0, z1, box: b };
}

const corners = (b: THREE.Box3): THREE.Vector3[] => {
  const out: THREE.Vector3[] = [];
  for (let i = 0; i < 8; i++) out.push(new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z));
  return out;
};

/** Projected screen box (CSS px, y down) of a display-space box, or undefined when behind the camera. */
export function screenBox(b: THREE.Box3, camera: THREE.Camera, size: { width: number; height: number }) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const c of corners(b)) {
    const v = c.project(camera);
    if (v.z > 1 || v.z < -1) continue;
    const x = (v.x + 1) * 0.5 * size.width, y = (1 - v.y) * 0.5 * size.height;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return Number.isFinite(minX) ? { minX, maxX, minY, maxY } : undefined;
}

export function scaleBarsFor(mode: ViewMode, camera: THREE.Camera, k: number, size: { height: number }, target: THREE.Vector3): ScaleBars {
  if (camera instanceof THREE.OrthographicCamera) {
    const pxPerUnit = camera.zoom; // frustum is sized in CSS px
    if (mode === 'side') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1, 110)!, axis: 'y' } };
    if (mode === 'top') return { horizontal: { ...scaleBar(pxPerUnit, k)!, axis: 'z' }, vertical: { ...scaleBar(pxPerUnit, 1, 110)!, axis: 'x' } };
    return { horizontal: { ...scaleBar(pxPerUnit, 1)!, axis: 'x, y' } }; // beam's eye: both axes transverse, one scale
  }
  const cam = camera as THREE.PerspectiveCamera;
  const dist = cam.position.distanceTo(target);
  const pxPerUnit = size.height / (2 * dist * Math.tan(THREE.MathUtils.degToRad(cam.fov) / 2));
  const h = scaleBar(pxPerUnit, 1);
  return h ? { horizontal: { ...h, axis: 'x, y' }, note: 'transverse, at the orbit centre' } : {};
}

/** Element labels laid out for a camera and a viewport (CSS px): the screen overlay and exported pictures use the same. */
/** `reserved`: screen boxes the labels must leave free (the event's own labels) */
export function placeLabels(
  model: DetectorModel, shown: Record<string, boolean>, k: number, mode: ViewMode, beamStation: string, cam: THREE.Camera, size: { width: number; height: number },
  reserved: Parameters<typeof layoutLabels>[2] = [],
): ReturnType<typeof layoutLabels> {
  const cands: LabelCandidate[] = [];
  const slab = mode === 'beam' ? beamSlab(model, beamStation, k) : undefined;
  for (const e of model.elements) {
    if (e.element.shape.kind === 'axis' || !isShown(shown, e.element.id, e.element.visibleByDefault)) continue;
    if (slab && (e.element.z1 / k < slab.z0 || e.element.z0 / k > slab.z1)) continue;
    const sb = screenBox(displayBox(e, k), cam, size);
    if (sb) cands.push({ id: e.element.id, text: e.element.label, rank: LABEL_RANK[e.element.group] ?? 9, ...sb });
  }
  return layoutLabels(cands, size, reserved);
}

export function CameraRig({ model }: { model: DetectorModel }) {
  const { gl, size, set, invalidate } = useThree();
  const mode = useViewStore((s) => s.mode);
  const compression = useViewStore((s) => s.compression);
  const fitRequest = useViewStore((s) => s.fitRequest);
  const beamStation = useViewStore((s) => s.beamStation);
  const labelsOn = useViewStore((s) => s.labels);
  const shown = useViewStore((s) => s.shown);

  const persp = useMemo(() => new THREE.PerspectiveCamera(FOV_DEG, 1, 1, 1e7), []);
  const ortho = useMemo(() => new THREE.OrthographicCamera(-1, 1, 1, -1, 0.1, 1e7), []);
  const camera = mode === '3d' ? persp : ortho;
  const clipRef = useRef<{ near: number; far: number } | undefined>(undefined);

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
    // the pose the user leaves the camera in goes into the session
    const onEnd = () => useViewStore.setState({ camera: poseOf(mode, camera, controls) });
    controls.addEventListener('change', onChange);
    controls.addEventListener('end', onEnd);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.removeEventListener('end', onEnd);
      controls.dispose();
    };
  }, [controls, invalidate, mode, camera]);

  useLayoutEffect(() => set({ camera }), [camera, set]);

  useLayoutEffect(() => {
    ortho.left = -size.width / 2; ortho.right = size.width / 2;
    ortho.top = size.height / 2; ortho.bottom = -size.height / 2;
    ortho.updateProjectionMatrix();
    persp.aspect = size.width / Math.max(size.height, 1);
    persp.updateProjectionMatrix();
    // a panel opened or closed beside the view (not a window resize): frame the detector again
    const v = useViewStore.getState();
    if (v.refitOnResize) { useViewStore.setState({ refitOnResize: false }); v.requestFit(); }
    invalidate();
  }, [size, ortho, persp, invalidate]);

  // Frame the visible detector: on request, on view change, on a new beam's-eye station.
  useLayoutEffect(() => {
    const k = useViewStore.getState().compression;
    const slab = mode === 'beam' ? beamSlab(model, beamStation, k) : undefined;
    const target = useViewStore.getState().fitTarget;
    const targetEl = target ? model.byId.get(target) : undefined;
    const ev = target === EVENT_FIT_TARGET ? getEventDrawing()?.box : undefined;
    const evBox = ev && !ev.isEmpty() ? new THREE.Box3(new THREE.Vector3(ev.min.x, ev.min.y, ev.min.z / k), new THREE.Vector3(ev.max.x, ev.max.y, ev.max.z / k)).expandByScalar(100) : undefined;
    const box = slab ? slab.box : evBox ?? (targetEl ? displayBox(targetEl, k).expandByScalar(targetEl.element.z1 - targetEl.element.z0 < 50 ? 20 : 0) : visibleBox(model, useViewStore.getState().shown, k));
    const fitted = framePose(mode, box, size, FOV_DEG, slab);
    let pose = fitted;
    // a restored session puts the camera back where the user had it (the beam's eye is framed on its station)
    const saved = useViewStore.getState().pendingCamera;
    if (saved) {
      useViewStore.setState({ pendingCamera: undefined });
      if (saved.mode === mode && mode !== 'beam') {
        pose = { ...fitted, position: new THREE.Vector3(...saved.position), target: new THREE.Vector3(...saved.target), up: new THREE.Vector3(...saved.up), zoom: saved.zoom };
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
    useViewStore.setState({ camera: poseOf(mode, camera, controls) });
    invalidate();
    // size changes must not re-frame the view the user arranged
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitRequest, mode, beamStation, model, camera, controls, invalidate]);

  // Compression change: keep looking at the same detector z in every camera.
  const lastK = useRef(compression);
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
    const k = compression;
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
    edgeNudge.value = cam instanceof THREE.OrthographicCamera ? Math.max((far - near) * 2e-5, 1e-4) : 0;

    const bars = scaleBarsFor(mode, cam, k, size, controls.target);
    // the CDA_TAX value of the event keeps its place beside its segment; element labels move aside
    const ev = useEventDisplayStore.getState().hidden.tax ? undefined : useEventLabelStore.getState().label;
    const labels = labelsOn ? placeLabels(model, shown, k, mode, beamStation, cam, size, ev ? [textBox(ev.text, ev.x, ev.y, true)] : []) : [];
    useOverlayStore.getState().set(labels, bars);
  }, -1);

  return null;
}
