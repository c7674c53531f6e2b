/**
 * The 3D view that shows the event, without a browser: the scene3d store, the passive detector's
 * look (opacity, x-ray, cut-aways) on a real detector scene, the three-quarter pose from outside
 * the detector, and which labels the 3D view keeps.
 */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import { buildDetectorScene } from '../../src-renderer/src/display/detector-scene';
import { BLOCK_EDGE_OPACITY } from '../../src-renderer/src/geometry/materials';
import {
  applyPassiveLook, createCutUniforms, DEFAULT_LOOK, installCutAway, isCutAway, opacityOf, setCutUniforms, type PassiveLook,
} from '../../src-renderer/src/display/passive-look';
import { detectorBox3d, DETECTOR_3D_FROM_MM, fitPose, outsideRadius } from '../../src-renderer/src/display/framing';
import { distanceOutside, threeQuarterPose } from '../../src-renderer/src/display/poses';
import { crossedElements, inMaterial, labelled3d, MAIN_3D_LABELS } from '../../src-renderer/src/display/labels3d';
import { buildViewScene } from '../../src-renderer/src/display/view-scene';
import { DEFAULT_STYLE, EVENT_FIT_TARGET, SCREEN_SCALE, type DisplaySnapshot } from '../../src-renderer/src/display/types';
import { createScene3DStore, lookOf } from '../../src-renderer/src/state/scene3d-store';
import { sceneToSvg } from '../../src-renderer/src/export/svg-scene';
import { createAppStores, memoryStorage } from '../../src-renderer/src/state/app-stores';
import { runCommand } from '../../src-renderer/src/shortcuts/run-command';

const model = buildDetectorModel(NA62_DETECTOR);
const look = (over: Partial<PassiveLook> = {}): PassiveLook => ({ ...DEFAULT_LOOK, cutPhi: { ...DEFAULT_LOOK.cutPhi, on: false }, ...over });

describe('scene3d store', () => {
  it('keeps its settings in range, toggles, resets and persists under na62-scene3d', async () => {
    const storage = memoryStorage();
    const s = createScene3DStore(storage);
    expect(lookOf(s.getState())).toEqual(DEFAULT_LOOK);
    s.getState().cycleXRay();
    expect(s.getState().xray).toBe('translucent');
    s.getState().cycleXRay(); s.getState().cycleXRay();
    expect(s.getState().xray).toBe('off');
    s.getState().setGroupOpacity('photon veto', 1.7);
    s.getState().setGroupOpacity('vacuum', -1);
    expect(s.getState().groupOpacity).toEqual({ 'photon veto': 1, vacuum: 0 });
    s.getState().setElementOpacity('anti0', 0.25);
    expect(s.getState().elementOpacity).toEqual({ anti0: 0.25 });
    s.getState().setCutZ({ zM: 999, keep: 'upstream' });
    expect(s.getState().cutZ).toEqual({ on: false, zM: 268, keep: 'upstream' });
    s.getState().setCutZ({ zM: Number.NaN, keep: 'sideways' as 'upstream' });
    expect(s.getState().cutZ).toEqual({ on: false, zM: 268, keep: 'upstream' });
    s.getState().setCutPhi({ centreDeg: -90, widthDeg: 500 });
    expect(s.getState().cutPhi).toMatchObject({ centreDeg: 270, widthDeg: 360 });
    // the command's toggle: the wedge is on by default, so the first toggle turns every cut off, the next both on
    s.getState().toggleCutAway();
    expect([s.getState().cutZ.on, s.getState().cutPhi.on]).toEqual([false, false]);
    s.getState().toggleCutAway();
    expect([s.getState().cutZ.on, s.getState().cutPhi.on]).toEqual([true, true]);
    const saved = JSON.parse(storage().getItem('na62-scene3d') as string) as { state: PassiveLook };
    expect(saved.state).toEqual(lookOf(s.getState()));
    // a second store on the same storage reads it back
    const again = createScene3DStore(storage);
    await again.persist.rehydrate();
    expect(lookOf(again.getState())).toEqual(lookOf(s.getState()));
    s.getState().setElementOpacity('anti0', undefined);
    expect(s.getState().elementOpacity).toEqual({});
    s.getState().reset();
    expect(lookOf(s.getState())).toEqual(DEFAULT_LOOK);
  });

  it('is one of the app stores, and the x-ray and cut-away commands act on it and show the 3D view', () => {
    const stores = createAppStores({ storage: memoryStorage() });
    stores.view.getState().setMode('side');
    const ctx = { model, savePng: () => {}, openFile: () => {}, openGenerate: () => {}, showEvent: async () => {}, stores };
    runCommand('view.toggleXRay', ctx);
    expect(stores.scene3d.getState().xray).toBe('translucent');
    expect(stores.view.getState().mode).toBe('3d');
    runCommand('view.toggleCutAway', ctx);
    expect(stores.scene3d.getState().cutPhi.on).toBe(false);
  });
});

describe('passive detector look', () => {
  it("an element's own opacity overrides its group's", () => {
    const l = look({ groupOpacity: { 'beam tracking': 0.4 }, elementOpacity: { anti0: 0.1 } });
    expect(opacityOf(l, 'anti0', 'beam tracking')).toBe(0.1);
    expect(opacityOf(l, 'gtk1', 'beam tracking')).toBe(0.4);
    expect(opacityOf(l, 'lkr', 'calorimetry')).toBe(1);
  });

  it('the cut-aways remove material before z and inside the φ wedge, scaled by the compression; off in 2D', () => {
    const u = createCutUniforms();
    const k = 20;
    const l = look({ cutZ: { on: true, zM: 105.1, keep: 'downstream' }, cutPhi: { on: true, centreDeg: 135, widthDeg: 100 } });
    setCutUniforms(u, l, k);
    const at = (phiDeg: number, r: number, zM: number) => ({ x: r * Math.cos(phiDeg * Math.PI / 180), y: r * Math.sin(phiDeg * Math.PI / 180), z: zM * 1000 / k });
    expect(isCutAway(at(-90, 1000, 105.0), u)).toBe(true); // ANTI0, upstream of the plane
    expect(isCutAway(at(-90, 1000, 106), u)).toBe(false); // the vessel's lower wall downstream
    expect(isCutAway(at(135, 1000, 150), u)).toBe(true); // the wall facing the camera
    expect(isCutAway(at(180, 1000, 150), u)).toBe(true); // inside the 100° opening (85°–185°)
    expect(isCutAway(at(190, 1000, 150), u)).toBe(false);
    expect(isCutAway(at(0, 1000, 150), u)).toBe(false);
    expect(isCutAway({ x: 0, y: 0, z: 150_000 / k }, u)).toBe(false); // the axis itself
    setCutUniforms(u, { ...l, cutZ: { on: true, zM: 105.1, keep: 'upstream' } }, k);
    expect(isCutAway(at(-90, 1000, 105.0), u)).toBe(false);
    expect(isCutAway(at(-90, 1000, 106), u)).toBe(true);
    setCutUniforms(u, l, k, false);
    expect(isCutAway(at(135, 1000, 100), u)).toBe(false);
  });

  it('x-ray, opacity and cut-aways change the detector scene in 3D and only there', () => {
    const det = buildDetectorScene(model, { theme: 'dark', nudge: { value: 0 } });
    const u = createCutUniforms();
    const anti0 = det.elements.get('anti0')!;
    const faces = anti0.children.find((o) => o instanceof THREE.Mesh) as THREE.Mesh<THREE.BufferGeometry, THREE.MeshLambertMaterial>;
    const edges = anti0.children.find((o) => o instanceof THREE.LineSegments) as THREE.LineSegments<THREE.BufferGeometry, THREE.LineBasicMaterial>;
    expect(faces.material.transparent).toBe(false);
    applyPassiveLook(det.elements, model, look({ elementOpacity: { anti0: 0.3 } }), u, true);
    expect(faces.material.opacity).toBeCloseTo(0.3, 6);
    expect(faces.material.transparent).toBe(true);
    expect(faces.material.depthWrite).toBe(false);
    applyPassiveLook(det.elements, model, look({ xray: 'outline' }), u, true);
    expect(faces.visible).toBe(false);
    expect(edges.visible).toBe(true);
    expect(edges.material.depthWrite).toBe(false);
    // thousands of straw edges are faded in x-ray, the LAV's block outlines stay as faint as they are built
    // (not fainter: nothing would be left of them in outline); ANTI0's few keep their opacity
    const lavEdges = det.elements.get('lav1')!.children.find((o) => o instanceof THREE.LineSegments) as THREE.LineSegments<THREE.BufferGeometry, THREE.LineBasicMaterial>;
    expect(lavEdges.material.opacity).toBeCloseTo(BLOCK_EDGE_OPACITY, 6);
    expect(BLOCK_EDGE_OPACITY).toBeLessThanOrEqual(0.3);
    const strawLines = det.elements.get('straw1')!.children.find((o) => o instanceof THREE.LineSegments) as THREE.LineSegments<THREE.BufferGeometry, THREE.LineBasicMaterial>;
    expect(strawLines.material.opacity).toBeLessThan(0.1);
    expect(edges.material.opacity).toBe(1);
    applyPassiveLook(det.elements, model, look({ xray: 'translucent' }), u, true);
    expect(faces.visible).toBe(true);
    expect(faces.material.opacity).toBeLessThan(0.3);
    applyPassiveLook(det.elements, model, look({ groupOpacity: { 'beam tracking': 0 } }), u, true);
    expect(faces.visible || edges.visible).toBe(false);
    // a 2D view draws the detector as built
    applyPassiveLook(det.elements, model, look({ xray: 'outline', groupOpacity: { 'beam tracking': 0 } }), u, false);
    expect(faces.visible && edges.visible).toBe(true);
    expect(faces.material.opacity).toBe(1);
    expect(faces.material.transparent).toBe(false);
    expect(faces.material.depthWrite).toBe(true);
    det.dispose();
  });

  it("installs the cut into the material's shaders with the view's uniforms, once", () => {
    const m = new THREE.MeshLambertMaterial();
    const u = createCutUniforms();
    installCutAway(m, u);
    installCutAway(m, u);
    const shader = { uniforms: {} as Record<string, unknown>, vertexShader: 'void main() {\n}', fragmentShader: 'void main() {\n}' };
    m.onBeforeCompile(shader as never, undefined as never);
    expect(shader.uniforms['uNa62Cut']).toBe(u.cut);
    expect(shader.uniforms['uNa62Wedge']).toBe(u.wedge);
    expect(shader.vertexShader.match(/vNa62World =/g)).toHaveLength(1);
    expect(shader.fragmentShader).toContain('if (na62CutAway(vNa62World)) discard;');
    expect(m.customProgramCacheKey()).toContain('na62-cut');
  });

  it('a picture of the 3D view carries the look (and a side view does not)', () => {
    const snap: DisplaySnapshot = {
      mode: '3d', station: 'straw1', compression: 20, shown: {}, labels: true, theme: 'dark', event: undefined, analysis: undefined,
      style: DEFAULT_STYLE, trackWidth: 3, fitTarget: undefined, scene3d: look({ xray: 'outline' }),
    };
    const facesVisible = (s: DisplaySnapshot) => {
      const v = buildViewScene(model, s, { px: SCREEN_SCALE(1, 3), camera: new THREE.PerspectiveCamera(), background: null });
      let n = 0;
      v.scene.traverse((o) => { if (o instanceof THREE.Mesh && o.visible && o.parent?.name === 'lkr') n++; });
      v.dispose();
      return n;
    };
    expect(facesVisible(snap)).toBe(0);
    expect(facesVisible({ ...snap, mode: 'side' })).toBe(1);
  });

  it('an SVG picture of the 3D view leaves out what the cut-aways remove', () => {
    const vp = { width: 800, height: 500 };
    const pose = fitPose(model, { mode: '3d', station: 'straw1', compression: 20, shown: {}, target: undefined, eventBox: undefined }, vp);
    const cam = new THREE.PerspectiveCamera(40, vp.width / vp.height, 10, 1e6);
    cam.up.copy(pose.up); cam.position.copy(pose.position); cam.lookAt(pose.target); cam.updateMatrixWorld(); cam.updateProjectionMatrix();
    const svgOf = (l: PassiveLook) => {
      const snap: DisplaySnapshot = {
        mode: '3d', station: 'straw1', compression: 20, shown: {}, labels: false, theme: 'dark', event: undefined, analysis: undefined,
        style: DEFAULT_STYLE, trackWidth: 3, fitTarget: undefined, scene3d: l,
      };
      const v = buildViewScene(model, snap, { px: SCREEN_SCALE(1, 3), camera: cam, background: null });
      const svg = sceneToSvg(v.scene, cam, { x: 0, y: 0, w: vp.width, h: vp.height }, { thinLine: 1 });
      v.dispose();
      return svg;
    };
    const moves = (svg: string) => (svg.match(/M/g) ?? []).length;
    const whole = svgOf(look()), cut = svgOf(look({ cutZ: { on: true, zM: 200, keep: 'downstream' } }));
    // everything upstream of 200 m (the vessel's first 100 m, LAV1–LAV11, STRAW1–2, MNP33) is gone
    expect(moves(cut)).toBeLessThan(moves(whole) * 0.8);
    expect(moves(cut)).toBeGreaterThan(0);
  });
});

describe('3D pose and framing', () => {
  const vp = { width: 1600, height: 1000 };
  const project = (pose: ReturnType<typeof threeQuarterPose>, p: THREE.Vector3) => {
    const cam = new THREE.PerspectiveCamera(40, vp.width / vp.height, 1, 1e7);
    cam.up.copy(pose.up); cam.position.copy(pose.position); cam.lookAt(pose.target); cam.updateMatrixWorld(); cam.updateProjectionMatrix();
    return p.clone().project(cam);
  };

  it('frames every corner of a box from upstream, above and the Salève side', () => {
    const box = new THREE.Box3(new THREE.Vector3(-1500, -1500, 5000), new THREE.Vector3(1500, 1500, 13000));
    const pose = threeQuarterPose(box, vp, 40);
    const c = box.getCenter(new THREE.Vector3());
    expect(pose.position.x).toBeLessThan(c.x);
    expect(pose.position.y).toBeGreaterThan(c.y);
    expect(pose.position.z).toBeLessThan(c.z);
    let maxAbs = 0;
    for (let i = 0; i < 8; i++) {
      const p = project(pose, new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z));
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
      maxAbs = Math.max(maxAbs, Math.abs(p.x), Math.abs(p.y));
    }
    // tight: the box fills the view (not a small thing in the middle of its bounding sphere)
    expect(maxAbs).toBeGreaterThan(0.85);
  });

  it('keeps the camera outside a radius around the beam axis', () => {
    const dir = new THREE.Vector3(0.72, -0.42, 0.55).normalize();
    const centre = new THREE.Vector3(0, 0, 8000);
    const d = distanceOutside(centre, dir, 3000);
    const cam = centre.clone().addScaledVector(dir, -d);
    expect(Math.hypot(cam.x, cam.y)).toBeCloseTo(3000, 3);
    expect(distanceOutside(centre, dir, 0)).toBe(0);
    // a small event box deep in the vessel: the camera stays out of the detector around it
    const small = new THREE.Box3(new THREE.Vector3(-50, -50, 150_000 / 20), new THREE.Vector3(50, 50, 151_000 / 20));
    const r = outsideRadius(model, {}, small, 20);
    expect(r).toBeGreaterThan(1415); // the vessel's outer wall there (G§9)
    const pose = threeQuarterPose(small, vp, 40, r);
    expect(Math.hypot(pose.position.x, pose.position.y)).toBeGreaterThanOrEqual(r - 1e-6);
  });

  it('the default 3D frame is the decay vessel and what lies downstream; fit to event frames from outside', () => {
    const k = 20;
    const box = detectorBox3d(model, {}, k);
    expect(box.min.z).toBeCloseTo(DETECTOR_3D_FROM_MM / k, 6);
    expect(box.max.z).toBeLessThan(262_000 / k); // not the beam dump at 265–268 m
    const eventBox = new THREE.Box3(new THREE.Vector3(-300, -300, 120_000), new THREE.Vector3(900, 600, 247_000));
    const pose = fitPose(model, { mode: '3d', station: 'straw1', compression: k, shown: {}, target: EVENT_FIT_TARGET, eventBox }, vp);
    expect(Math.hypot(pose.position.x, pose.position.y)).toBeGreaterThan(1415);
    // the camera does not sit behind ANTI0 (105 m) looking at its back
    expect(pose.position.z).toBeLessThan(105_000 / k);
  });
});

describe('3D labels', () => {
  it('label the main stations and what the tracks cross, not the rest', () => {
    const lav = model.byId.get('lav5')!.element, anti0 = model.byId.get('anti0')!.element;
    expect(inMaterial(lav, 0, 0)).toBe(false); // the ring's bore
    expect(inMaterial(lav, 0, 700)).toBe(true); // LAV5: 536.5 < R < 906.5 mm (G§11)
    expect(inMaterial(anti0, 0, 0)).toBe(false); // the beam hole
    const along = (x: number, y: number) => [new THREE.Vector3(x, y, 100_000), new THREE.Vector3(x, y, 250_000)];
    const crossed = crossedElements(model, [along(0, 0)]);
    expect(crossed.has('lav5')).toBe(false);
    expect(crossed.has('anti0')).toBe(false);
    const outer = crossedElements(model, [along(0, 700)]);
    expect(outer.has('lav5')).toBe(true);
    expect(outer.has('straw1')).toBe(true);
    const l = labelled3d(model, {}, [along(0, 700)]);
    for (const id of MAIN_3D_LABELS) expect(l[id], id).toBe(true);
    expect(l['lav5']).toBe(true);
    expect(l['ktag']).toBe(false);
    expect(labelled3d(model, {}, undefined)['lav5']).toBe(false);
    // hidden stays hidden
    expect(labelled3d(model, { lkr: false }, undefined)['lkr']).toBe(false);
  });
});
