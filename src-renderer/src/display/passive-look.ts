/**
 * How the passive detector is drawn in the 3D view so that the event inside it can be seen:
 * opacity per group and per element, an x-ray mode (translucent faces, or outlines only), a
 * cut-away plane across z and an azimuthal cut-away (a φ wedge removed around the beam axis).
 *
 * The cut-aways discard fragments in the detector's shaders, with uniforms of the view that
 * draws them (like the edge nudge): the screen and every picture panel have their own, and moving
 * a slider changes uniform values only, never a shader. three's material.clippingPlanes cannot
 * express "before z OR inside the wedge" (its local planes are all-union or all-intersection,
 * and a wedge needs the intersection of two), hence the few lines of GLSL. The event's materials
 * are never touched: it stays opaque and whole.
 */
import * as THREE from 'three';
import type { ElementGroup } from '../../../src-shared/geometry/types';
import type { DetectorModel } from '../geometry/detector-model';
import { chainShaderPatch } from './shader-patch';

export type XRayMode = 'off' | 'translucent' | 'outline';
export const XRAY_MODES: readonly XRayMode[] = ['off', 'translucent', 'outline'];

/** The 3D view's settings for the passive material (persisted in the scene3d store). */
export interface PassiveLook {
  readonly xray: XRayMode;
  /** group → opacity 0–1 (absent: 1) */
  readonly groupOpacity: Readonly<Partial<Record<ElementGroup, number>>>;
  /** element id → opacity 0–1; overrides its group's */
  readonly elementOpacity: Readonly<Record<string, number>>;
  /** cut-away plane across the beam: material on one side of z (metres, NA62) is removed */
  readonly cutZ: { readonly on: boolean; readonly zM: number; readonly keep: 'downstream' | 'upstream' };
  /** azimuthal cut-away: the wedge of φ (degrees, atan2(y, x) about the beam axis) removed */
  readonly cutPhi: { readonly on: boolean; readonly centreDeg: number; readonly widthDeg: number };
}

/**
 * The wedge that faces the default 3D camera (upstream, above, on the Salève side −x): φ = 135°
 * is the upper quadrant on the −x side; 100° opens it a little wider than a quadrant so both
 * vessel edges of the opening stay out of the line of sight.
 */
export const DEFAULT_LOOK: PassiveLook = {
  xray: 'off',
  groupOpacity: {},
  elementOpacity: {},
  cutZ: { on: false, zM: 105.1, keep: 'downstream' },
  cutPhi: { on: true, centreDeg: 135, widthDeg: 100 },
};

/** The slider's range of the z cut, metres: T10 to the beam dump (G§1). */
export const CUT_Z_RANGE_M = { min: 0, max: 268 } as const;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1);

/** An element's opacity factor: its own setting, else its group's, else 1. */
export function opacityOf(look: PassiveLook, id: string, group: ElementGroup): number {
  const own = look.elementOpacity[id];
  if (own !== undefined) return clamp01(own);
  const g = look.groupOpacity[group];
  return g === undefined ? 1 : clamp01(g);
}

/** The uniforms a view's cut-away shaders read; one object per view, shared by its detector materials. */
export interface CutUniforms {
  /** (z cut on 0/1, z in display units, side: +1 removes z below, −1 removes z above, wedge on 0/1) */
  readonly cut: { value: THREE.Vector4 };
  /** (cos φc, sin φc, cos(width / 2)) */
  readonly wedge: { value: THREE.Vector3 };
}

export const createCutUniforms = (): CutUniforms => ({ cut: { value: new THREE.Vector4(0, 0, 1, 0) }, wedge: { value: new THREE.Vector3(1, 0, 1) } });

/** Set a view's cut uniforms from the look at compression k (display z = z / k); `active` false: nothing is cut. */
export function setCutUniforms(u: CutUniforms, look: PassiveLook, k: number, active = true): void {
  const zOn = active && look.cutZ.on ? 1 : 0;
  const wOn = active && look.cutPhi.on && look.cutPhi.widthDeg > 0 ? 1 : 0;
  u.cut.value.set(zOn, (look.cutZ.zM * 1000) / k, look.cutZ.keep === 'downstream' ? 1 : -1, wOn);
  const c = THREE.MathUtils.degToRad(look.cutPhi.centreDeg), half = THREE.MathUtils.degToRad(Math.min(360, Math.max(0, look.cutPhi.widthDeg)) / 2);
  u.wedge.value.set(Math.cos(c), Math.sin(c), Math.cos(half));
}

/** Is a display-space point removed by the cut-aways? The shader's test, for tests and the SVG export. */
export function isCutAway(p: { x: number; y: number; z: number }, u: CutUniforms): boolean {
  const c = u.cut.value, w = u.wedge.value;
  if (c.x > 0.5 && (p.z - c.y) * c.z < 0) return true;
  if (c.w > 0.5) {
    const r = Math.hypot(p.x, p.y);
    if (r > 1e-6 && (p.x * w.x + p.y * w.y) / r > w.z) return true;
  }
  return false;
}

const CUT_GLSL = `varying vec3 vNa62World;
uniform vec4 uNa62Cut;
uniform vec3 uNa62Wedge;
bool na62CutAway(vec3 p) {
  if (uNa62Cut.x > 0.5 && (p.z - uNa62Cut.y) * uNa62Cut.z < 0.0) return true;
  if (uNa62Cut.w > 0.5) {
    float r = length(p.xy);
    if (r > 1e-6 && dot(p.xy, uNa62Wedge.xy) / r > uNa62Wedge.z) return true;
  }
  return false;
}
`;

/**
 * Make a material discard what the view's cut-aways remove. `world`: the GLSL expression of the
 * vertex's object-space position (wide lines take their segment ends). Idempotent per material.
 */
export function installCutAway(m: THREE.Material, u: CutUniforms, world = 'position'): void {
  if (m.userData['na62Cut']) return;
  m.userData['na62Cut'] = u;
  chainShaderPatch(m, {
    tag: 'cut',
    uniforms: { uNa62Cut: u.cut, uNa62Wedge: u.wedge },
    vertex: { head: 'varying vec3 vNa62World;\n', main: `vNa62World = (modelMatrix * vec4(${world}, 1.0)).xyz;` },
    fragment: { head: CUT_GLSL, main: 'if (na62CutAway(vNa62World)) discard;' },
  });
}

/** The cut uniforms a material was given (the picture export copies them onto its wide lines). */
export const cutUniformsOf = (m: THREE.Material): CutUniforms | undefined => m.userData['na62Cut'] as CutUniforms | undefined;

interface BaseLook { opacity: number; transparent: boolean; depthWrite: boolean }

function baseOf(m: THREE.Material): BaseLook {
  let b = m.userData['na62Base'] as BaseLook | undefined;
  if (!b) { b = { opacity: m.opacity, transparent: m.transparent, depthWrite: m.depthWrite }; m.userData['na62Base'] = b; }
  return b;
}

function setLook(m: THREE.Material, opacity: number, forceTransparent: boolean): void {
  const b = baseOf(m);
  const transparent = b.transparent || forceTransparent || opacity < 0.999;
  if (m.transparent !== transparent) m.needsUpdate = true;
  m.transparent = transparent;
  m.opacity = opacity;
  m.depthWrite = transparent ? false : b.depthWrite;
}

/** Elements drawn from more parts than this (straw chambers, LAV rings, MUV3 tiles) have their lines faded in x-ray. */
const DENSE_PARTS = 100;
const xrayLineFactor = (xray: XRayMode, parts: number): number => (xray !== 'off' && parts > DENSE_PARTS ? 0.3 : 1);

/** Faces of solid material in the translucent x-ray: enough to read the shape, never a wall. */
const XRAY_SOLID_FACES = 0.16;
const XRAY_TRANSLUCENT_FACES = 0.5;

/**
 * Apply a look to a detector scene's element groups (materials are the scene's own). `active`
 * false (2D views) restores the detector as built. The cut uniforms are installed on every
 * material; their values are set separately (setCutUniforms), per frame if need be.
 */
export function applyPassiveLook(elements: ReadonlyMap<string, THREE.Group>, model: DetectorModel, look: PassiveLook, u: CutUniforms, active: boolean): void {
  for (const [id, g] of elements) {
    const built = model.byId.get(id);
    if (!built) continue;
    const el = built.element;
    // thousands of straws: their outlines alone would be a wall of lines (the LAV's blocks are built
    // with faint outlines already, BLOCK_EDGE_OPACITY: fading them again would leave nothing in outline x-ray)
    const lineF = el.shape.kind === 'lav' ? 1 : xrayLineFactor(active ? look.xray : 'off', built.geometry.parts);
    const op = active ? opacityOf(look, id, el.group) : 1;
    const xray = active ? look.xray : 'off';
    for (const o of g.children) {
      const m = (o as THREE.Mesh).material as THREE.Material | undefined;
      if (!m || Array.isArray(m)) continue;
      installCutAway(m, u);
      const b = baseOf(m);
      if (o instanceof THREE.Mesh) {
        const solid = !b.transparent;
        const f = xray === 'translucent' ? (solid ? XRAY_SOLID_FACES : XRAY_TRANSLUCENT_FACES) : 1;
        setLook(m, b.opacity * op * f, xray === 'translucent');
        o.visible = op > 0.001 && xray !== 'outline';
      } else if (o instanceof THREE.LineSegments || o instanceof THREE.Points) {
        setLook(m, b.opacity * op * lineF, xray !== 'off');
        o.visible = op > 0.001;
      }
    }
  }
}
