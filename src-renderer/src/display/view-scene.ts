/**
 * Everything one view draws, built from a snapshot: background, lights, the detector at the
 * theme, the beam's-eye sections, and the event from the layer registry at a pixel scale. Picture
 * panels render this (the live canvas mounts the same builders piece by piece); nothing here
 * reads or writes the live scene.
 */
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { DetectorModel } from '../geometry/detector-model';
import type { EdgeNudge } from '../geometry/materials';
import { addLights, BACKGROUND, buildBeamSections, buildDetectorScene } from './detector-scene';
import { buildEventScene, type EventScene } from './event-scene';
import { applyPassiveLook, createCutUniforms, cutUniformsOf, installCutAway, setCutUniforms } from './passive-look';
import type { DisplaySnapshot, PixelScale } from './types';
import { groupScale, snapshotScale } from './display-scale';

export interface ViewScene {
  readonly scene: THREE.Scene;
  readonly event: EventScene | undefined;
  /** set before each render: the render target's size in px (wide lines are sized in it) */
  setResolution(width: number, height: number): void;
  dispose(): void;
}

export interface ViewSceneOptions {
  readonly px: PixelScale;
  /** the camera it is rendered with: the edge nudge and wide edges follow it */
  readonly camera: THREE.Camera;
  /** background colour, or null for a transparent one */
  readonly background: string | null;
  /** detector edges as wide lines of this many px (pictures above 1.5× the screen); undefined: 1 px WebGL lines */
  readonly edgeWidth?: number;
}

/** How far the edge shader pulls edges towards an orthographic camera: a tiny fraction of its depth range. */
export function edgeNudgeFor(camera: THREE.Camera): number {
  return camera instanceof THREE.OrthographicCamera ? Math.max((camera.far - camera.near) * 2e-5, 1e-4) : 0;
}

export function buildViewScene(model: DetectorModel, snap: DisplaySnapshot, opts: ViewSceneOptions): ViewScene {
  const scene = new THREE.Scene();
  scene.background = opts.background === null ? null : new THREE.Color(opts.background ?? BACKGROUND[snap.theme]);
  addLights(scene, snap.theme);
  const nudge: EdgeNudge = { value: edgeNudgeFor(opts.camera) };
  const detector = buildDetectorScene(model, { theme: snap.theme, nudge, pointScale: opts.px.points });
  detector.setShown(snap.shown);
  const scale = groupScale(snapshotScale(snap));
  detector.group.scale.set(...scale);
  // the 3D view's opacity, x-ray and cut-aways: pictures of the 3D view show what the screen shows
  const cut = createCutUniforms();
  if (snap.scene3d) {
    const active = snap.mode === '3d';
    applyPassiveLook(detector.elements, model, snap.scene3d, cut, active);
    setCutUniforms(cut, snap.scene3d, snap.compression, active);
  }
  scene.add(detector.group);
  const sections = snap.mode === 'beam' ? buildBeamSections(model, snap.shown, snap.station, snap.compression, snap.theme, nudge) : undefined;
  if (sections) scene.add(sections.group);
  const event = snap.event && snap.analysis ? buildEventScene(snap.event, snap.analysis, snap.style, opts.px) : undefined;
  if (event) {
    event.group.scale.set(...scale);
    event.group.renderOrder = 10;
    scene.add(event.group);
  }
  const wide = opts.edgeWidth !== undefined ? widenEdges(scene, opts.camera, opts.edgeWidth, nudge.value) : undefined;
  return {
    scene, event,
    setResolution(w, h) { event?.setResolution(w, h); wide?.materials.forEach((m) => m.resolution.set(w, h)); },
    dispose() { detector.dispose(); sections?.dispose(); event?.dispose(); wide?.dispose(); },
  };
}

/**
 * Plain WebGL lines are 1 px whatever the picture: in a large picture they are drawn as wide lines
 * of `width` px instead, pulled towards the camera as the screen's edge shader pulls them (so they
 * never z-fight their faces). Only in this view's own scene.
 */
function widenEdges(scene: THREE.Scene, camera: THREE.Camera, width: number, nudge: number): { materials: LineMaterial[]; dispose(): void } {
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
    if (o instanceof THREE.LineSegments && o.material instanceof THREE.LineBasicMaterial) plain.push(o);
  });
  const materials = new Map<THREE.Material, LineMaterial>();
  const geometries: THREE.BufferGeometry[] = [];
  for (const o of plain) {
    const src = o.geometry.index ? o.geometry.toNonIndexed() : o.geometry;
    if (src !== o.geometry) geometries.push(src);
    const pos = src.getAttribute('position');
    if (!pos || pos.count < 2) continue;
    const m = o.material as THREE.LineBasicMaterial;
    let lm = materials.get(m);
    if (!lm) {
      lm = new LineMaterial({ color: m.color.getHex(), opacity: m.opacity, transparent: m.transparent, depthTest: m.depthTest, depthWrite: m.depthWrite, linewidth: width });
      // the cut-aways of the 3D view cut the wide copy too (world position from the segment's ends)
      const cut = cutUniformsOf(m);
      if (cut) installCutAway(lm, cut, '( position.y < 0.5 ? instanceStart : instanceEnd )');
      materials.set(m, lm);
    }
    const g = new LineSegmentsGeometry();
    g.setPositions(Array.from(pos.array as ArrayLike<number>).slice(0, pos.count * 3));
    geometries.push(g);
    const wide = new LineSegments2(g, lm);
    wide.matrixAutoUpdate = false;
    wide.matrix.copy(pull).multiply(o.matrixWorld);
    wide.matrixWorld.copy(wide.matrix);
    wide.renderOrder = o.renderOrder;
    wide.frustumCulled = false;
    scene.add(wide);
    o.visible = false; // this scene's own object, replaced by its wide copy
  }
  return { materials: [...materials.values()], dispose: () => { geometries.forEach((g) => g.dispose()); materials.forEach((m) => m.dispose()); } };
}
