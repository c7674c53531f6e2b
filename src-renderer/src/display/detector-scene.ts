/**
 * The static detector as a three.js group at a theme: one group per element, z compressed by the
 * caller's scale. The live view and each picture panel build their own (materials are per build,
 * the geometry is the model's and shared), so a picture never restyles what is on screen.
 */
import * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { createEdgeMaterial, createElementMaterials, type EdgeNudge, type ElementMaterials } from '../geometry/materials';
import { circleSegments } from '../geometry/shapes';
import { isShownByDefault } from './shown';
import { fadeDenseWires } from './wire-density';
import { STRAW_LAYERS, STRAW_PITCH, STRAW_VIEWS } from '../../../src-shared/geometry/straw';
import type { Theme } from './types';

export const BACKGROUND = { dark: '#0f1419', light: '#f5f6f8' } as const;

export interface DetectorSceneOptions {
  readonly theme: Theme;
  /** the view's own edge-nudge uniform */
  readonly nudge: EdgeNudge;
  /** marker point sizes × this (pictures) */
  readonly pointScale?: number;
  /** benchmark baseline only: every part as its own object, as a display without merging would draw them */
  readonly unmerged?: boolean;
}

export interface DetectorScene {
  readonly group: THREE.Group;
  /** element groups by id, for showing and hiding */
  readonly elements: ReadonlyMap<string, THREE.Group>;
  setShown(shown: Readonly<Record<string, boolean>>): void;
  dispose(): void;
}

function disposeMaterials(m: ElementMaterials): void {
  m.faces?.dispose();
  m.lines?.dispose();
  m.point?.dispose();
}

export function buildDetectorScene(model: DetectorModel, opts: DetectorSceneOptions): DetectorScene {
  const group = new THREE.Group();
  group.name = 'detector';
  const elements = new Map<string, THREE.Group>();
  const materials: ElementMaterials[] = [];
  const owned: THREE.BufferGeometry[] = [];
  for (const { element, geometry } of model.elements) {
    const dense = element.shape.kind === 'straw' ? 'wires' : element.shape.kind === 'lav' ? 'blocks' : undefined;
    const mat = createElementMaterials(element.colour, geometry.style, opts.theme, dense, opts.nudge, opts.pointScale ?? 1);
    materials.push(mat);
    const translucent = geometry.style === 'translucent';
    const g = new THREE.Group();
    g.name = element.id;
    g.position.z = geometry.originZ;
    if (opts.unmerged && geometry.separateParts) {
      const isLines = element.shape.kind === 'straw';
      for (const part of geometry.separateParts) {
        const o = isLines ? new THREE.LineSegments(part, mat.lines) : new THREE.Mesh(part, mat.faces);
        if (!isLines) o.renderOrder = translucent ? 2 : 0;
        g.add(o);
      }
    } else {
      if (geometry.faces && mat.faces) {
        const m = new THREE.Mesh(geometry.faces, mat.faces);
        m.renderOrder = translucent ? 2 : 0;
        g.add(m);
      }
      if (geometry.lines && mat.lines) {
        const l = new THREE.LineSegments(geometry.lines, mat.lines);
        l.renderOrder = translucent ? 3 : 1;
        // the straws: as faint as the pixels they share demand (four views, a line every pitch/4 in each)
        if (dense === 'wires') fadeDenseWires(l, STRAW_PITCH / STRAW_LAYERS.length, STRAW_VIEWS.length);
        g.add(l);
      }
      if (geometry.point && mat.point) {
        const pg = new THREE.BufferGeometry().setFromPoints([geometry.point]);
        owned.push(pg);
        const p = new THREE.Points(pg, mat.point);
        p.renderOrder = 4;
        g.add(p);
      }
    }
    elements.set(element.id, g);
    group.add(g);
  }
  const byId = new Map(model.elements.map((e) => [e.element.id, e.element]));
  return {
    group, elements,
    setShown(shown) { for (const [id, g] of elements) g.visible = isShownByDefault(shown, id, byId.get(id)?.visibleByDefault); },
    dispose() { materials.forEach(disposeMaterials); owned.forEach((g) => g.dispose()); },
  };
}

/** Scene lights (the detector's Lambert faces): the same for the screen and pictures. */
export function addLights(scene: THREE.Object3D, theme: Theme): void {
  scene.add(new THREE.AmbientLight(0xffffff, theme === 'dark' ? 1.6 : 1.9));
  scene.add(new THREE.HemisphereLight(new THREE.Color('#ffffff'), new THREE.Color('#404850'), 1.0));
  const d = new THREE.DirectionalLight(0xffffff, 1.2);
  d.position.set(-2, 3, -1);
  scene.add(d);
}

function ring(x: number, y: number, r: number, z: number, out: number[]): void {
  const n = circleSegments(r);
  for (let i = 0; i < n; i++) {
    const a0 = (2 * Math.PI * i) / n, a1 = (2 * Math.PI * (i + 1)) / n;
    out.push(x + r * Math.cos(a0), y + r * Math.sin(a0), z, x + r * Math.cos(a1), y + r * Math.sin(a1), z);
  }
}

/** The beam's-eye cross on the nominal beam axis, per theme: the beam-axis element's grey (geometry table), darker on light. */
export const BEAM_AXIS_CROSS = { dark: '#a2a2aa', light: '#65656a' } as const;

/** Line segments (NA62 mm, z relative to zAt) of every shown tube's wall where it crosses zAt. */
export function tubeCrossSections(model: DetectorModel, shown: Readonly<Record<string, boolean>>, zAt: number): { positions: Float32Array; colour: string }[] {
  const out: { positions: Float32Array; colour: string }[] = [];
  for (const { element } of model.elements) {
    if (element.shape.kind !== 'tube' || !isShownByDefault(shown, element.id, element.visibleByDefault)) continue;
    const sec = element.shape.sections.find((s) => s.z0 <= zAt && zAt < s.z1);
    if (!sec) continue;
    const t = (zAt - sec.z0) / (sec.z1 - sec.z0);
    const x = (sec.x ?? 0) + ((sec.x1 ?? sec.x ?? 0) - (sec.x ?? 0)) * t, y = sec.y ?? 0;
    const pts: number[] = [];
    ring(x, y, sec.rInner, 0, pts);
    ring(x, y, sec.rOuter, 0, pts);
    out.push({ positions: new Float32Array(pts), colour: element.colour });
  }
  return out;
}

/**
 * The beam's-eye view of a station: a tube (vessel, beam pipe, RICH) seen end-on loses its walls,
 * so its cross-section at the station is drawn, plus a cross on the nominal beam axis. Placed at
 * the station's upstream face (display z), inside the clip slab.
 */
export function buildBeamSections(model: DetectorModel, shown: Readonly<Record<string, boolean>>, station: string, k: number, theme: Theme, nudge: EdgeNudge): { group: THREE.Group; dispose(): void } | undefined {
  const el = model.byId.get(station)?.element;
  if (!el) return undefined;
  const group = new THREE.Group();
  group.name = 'beam-sections';
  group.renderOrder = 5;
  group.position.z = (el.z0 - 1) / k;
  for (const { positions, colour } of tubeCrossSections(model, shown, (el.z0 + el.z1) / 2)) {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    group.add(new THREE.LineSegments(g, createEdgeMaterial(colour, 0.9, nudge)));
  }
  const c = 40; // mm: a cross marking x = y = 0, the nominal beam axis
  const cross = new THREE.BufferGeometry();
  cross.setAttribute('position', new THREE.BufferAttribute(new Float32Array([-c, 0, 0, c, 0, 0, 0, -c, 0, 0, c, 0]), 3));
  // in the beam axis's own grey (it was red: read as a positive track's ring in the beam's eye)
  group.add(new THREE.LineSegments(cross, createEdgeMaterial(theme === 'dark' ? BEAM_AXIS_CROSS.dark : BEAM_AXIS_CROSS.light, 1, nudge)));
  return {
    group,
    dispose: () => group.traverse((o) => { if (o instanceof THREE.LineSegments) { o.geometry.dispose(); (o.material as THREE.Material).dispose(); } }),
  };
}
