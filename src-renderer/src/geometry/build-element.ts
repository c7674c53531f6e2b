/**
 * Turns one row of the detector table into three.js geometry, in NA62 millimetres.
 * Everything that repeats (straws, MUV3 tiles, LAV blocks, CHANTI/CHOD stations, tube
 * sections) is merged into one geometry per element, so the static detector costs one or two
 * draw calls per element whatever its number of parts.
 */
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { DetectorElement, TubeSection } from '../../../src-shared/geometry/types';
import { strawTubes, STRAW_CHAMBER_Z, STRAW_CHAMBER_LENGTH } from '../../../src-shared/geometry/straw';
import { muv3Tiles } from '../../../src-shared/geometry/muv3';
import { circlePath, extrude, holePath, octagonPath, rectPath } from './shapes';

export type ElementStyle = 'solid' | 'translucent' | 'lines' | 'marker';

export interface ElementGeometry {
  /** faces (absent for pure line elements) */
  readonly faces?: THREE.BufferGeometry;
  /** outline edges or wire lines (straws, beam axis) */
  readonly lines?: THREE.BufferGeometry;
  /** a single point (markers) */
  readonly point?: THREE.Vector3;
  readonly style: ElementStyle;
  /** how many separate parts were merged into these geometries (for the draw-call benchmark) */
  readonly parts: number;
  /** bounding box in NA62 mm */
  readonly box: THREE.Box3;
  /**
   * z (mm) of the geometry's local origin. Vertices are stored relative to it (float32 positions
   * at z ≈ 250 m would only resolve ~16 µm and jitter when zoomed in); the mesh is placed at
   * originZ in double precision instead.
   */
  readonly originZ: number;
  /** the unmerged parts, kept only for the draw-call baseline of the benchmark */
  readonly separateParts?: readonly THREE.BufferGeometry[];
}

export interface BuildOptions {
  /** keep every part as its own geometry as well (benchmark baseline: what drawing them one by one costs) */
  readonly keepParts?: boolean;
}

const EDGE_ANGLE = 25; // degrees: outlines of faces, not the facets of round surfaces

function edgesOf(g: THREE.BufferGeometry): THREE.BufferGeometry {
  return new THREE.EdgesGeometry(g, EDGE_ANGLE);
}

function merged(parts: THREE.BufferGeometry[]): THREE.BufferGeometry {
  if (parts.length === 1) return parts[0]!;
  // ExtrudeGeometry carries uv and groups; keep only what is drawn so every part merges.
  const clean = parts.map((p) => {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', p.getAttribute('position'));
    const n = p.getAttribute('normal');
    if (n) g.setAttribute('normal', n);
    const idx = p.getIndex();
    if (idx) g.setIndex(idx);
    return g.index ? g.toNonIndexed() : g;
  });
  const m = mergeGeometries(clean, false);
  if (!m) throw new Error('internal: could not merge geometries');
  return m;
}

function outlineShape(el: DetectorElement): THREE.Shape | undefined {
  const s = el.shape;
  const shape = new THREE.Shape();
  switch (s.kind) {
    case 'box': {
      const x = s.x ?? 0, y = s.y ?? 0;
      rectPath(shape, x - s.halfX, y - s.halfY, x + s.halfX, y + s.halfY, false);
      if (s.hole) shape.holes.push(holePath(s.hole));
      return shape;
    }
    case 'disc':
      circlePath(shape, s.x ?? 0, s.y ?? 0, s.rOuter, false);
      if (s.hole) shape.holes.push(holePath(s.hole));
      return shape;
    case 'octagon':
      octagonPath(shape, s.apothem, false);
      if (s.hole) shape.holes.push(holePath(s.hole));
      return shape;
    case 'magnet':
      rectPath(shape, -s.halfX, -s.halfY, s.halfX, s.halfY, false);
      shape.holes.push(holePath({ kind: 'rect', halfX: s.apertureHalfX, halfY: s.apertureHalfY }));
      return shape;
    default:
      return undefined;
  }
}

/** A tube section; a tilted axis (x → x1) is applied as a shear along z. */
function tubeSection(sec: TubeSection): THREE.BufferGeometry {
  const shape = new THREE.Shape();
  circlePath(shape, 0, 0, sec.rOuter, false);
  const hole = new THREE.Path();
  circlePath(hole, 0, 0, sec.rInner, true);
  shape.holes.push(hole);
  const g = extrude(shape, sec.z0, sec.z1);
  const x0 = sec.x ?? 0, x1 = sec.x1 ?? x0, y = sec.y ?? 0;
  const pos = g.getAttribute('position') as THREE.BufferAttribute;
  for (let i = 0; i < pos.count; i++) {
    const t = (pos.getZ(i) - sec.z0) / (sec.z1 - sec.z0);
    pos.setXY(i, pos.getX(i) + x0 + (x1 - x0) * t, pos.getY(i) + y);
  }
  g.computeVertexNormals();
  return g;
}

/** LAV: rings of trapezoidal lead-glass blocks pointing at the axis, alternate rings staggered by half a block. */
function lavBlocks(el: DetectorElement, rInner: number, rOuter: number, rings: number, blocksPerRing: number): THREE.BufferGeometry[] {
  const gap = 10; // mm between rings [MC-LAV], G§11
  const depth = (el.z1 - el.z0 - gap * (rings - 1)) / rings;
  const half = Math.PI / blocksPerRing;
  const fill = 0.9; // blocks drawn at 90 % of their azimuthal pitch so they read as blocks [E]
  const trapezoid = new THREE.Shape();
  trapezoid.moveTo(rInner, -rInner * Math.tan(half) * fill);
  trapezoid.lineTo(rOuter, -rOuter * Math.tan(half) * fill);
  trapezoid.lineTo(rOuter, rOuter * Math.tan(half) * fill);
  trapezoid.lineTo(rInner, rInner * Math.tan(half) * fill);
  trapezoid.lineTo(rInner, -rInner * Math.tan(half) * fill);
  const block = extrude(trapezoid, 0, depth);
  const parts: THREE.BufferGeometry[] = [];
  const m = new THREE.Matrix4();
  for (let r = 0; r < rings; r++) {
    const z = el.z0 + r * (depth + gap);
    for (let b = 0; b < blocksPerRing; b++) {
      const phi = (2 * Math.PI * (b + (r % 2) * 0.5)) / blocksPerRing;
      m.makeRotationZ(phi).setPosition(0, 0, z);
      parts.push(block.clone().applyMatrix4(m));
    }
  }
  return parts;
}

function strawLines(chamber: number, originZ: number): { lines: THREE.BufferGeometry; count: number } {
  const tubes = strawTubes(chamber);
  const pos = new Float32Array(tubes.length * 6);
  tubes.forEach((t, i) => pos.set([t.x0, t.y0, t.z - originZ, t.x1, t.y1, t.z - originZ], i * 6));
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  return { lines: g, count: tubes.length };
}

function withCopies(el: DetectorElement, g: THREE.BufferGeometry): THREE.BufferGeometry[] {
  if (!el.copiesZ0?.length) return [g];
  return el.copiesZ0.map((z) => g.clone().translate(0, 0, z - el.z0));
}

/** The element moved along z by dz (tube sections and station copies too). */
function shiftElement(el: DetectorElement, dz: number): DetectorElement {
  const shape = el.shape.kind === 'tube'
    ? { ...el.shape, sections: el.shape.sections.map((t) => ({ ...t, z0: t.z0 + dz, z1: t.z1 + dz })) }
    : el.shape;
  return { ...el, z0: el.z0 + dz, z1: el.z1 + dz, shape, ...(el.copiesZ0 ? { copiesZ0: el.copiesZ0.map((z) => z + dz) } : {}) };
}

export function buildElement(absolute: DetectorElement, opts: BuildOptions = {}): ElementGeometry {
  // Build around the element's own origin: float32 vertices at z ≈ 250 m would only resolve ~16 µm.
  const originZ = Math.round((absolute.z0 + absolute.z1) / 2);
  const el = shiftElement(absolute, -originZ);
  const s = el.shape;
  let parts: THREE.BufferGeometry[] | undefined;
  let result: Omit<ElementGeometry, 'box' | 'originZ'>;
  switch (s.kind) {
    case 'marker':
      result = { point: new THREE.Vector3(s.x, s.y, el.z0), style: 'marker', parts: 1 };
      break;
    case 'axis': {
      const g = new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(s.x, s.y, el.z0), new THREE.Vector3(s.x, s.y, el.z1)]);
      result = { lines: g, style: 'lines', parts: 1 };
      break;
    }
    case 'tube': {
      parts = s.sections.map(tubeSection);
      const faces = merged(parts);
      result = { faces, lines: edgesOf(faces), style: 'translucent', parts: s.sections.length };
      break;
    }
    case 'lav': {
      parts = lavBlocks(el, s.rInner, s.rOuter, s.rings, s.blocksPerRing);
      const faces = merged(parts);
      result = { faces, lines: edgesOf(faces), style: 'solid', parts: parts.length };
      break;
    }
    case 'straw': {
      const { lines, count } = strawLines(s.chamber, originZ);
      if (opts.keepParts) {
        const pos = lines.getAttribute('position').array as Float32Array;
        parts = Array.from({ length: count }, (_, i) => new THREE.BufferGeometry().setAttribute('position', new THREE.BufferAttribute(pos.slice(i * 6, i * 6 + 6), 3)));
      }
      // A faint slab marks the chamber volume so it reads in the side and top views.
      const zc = STRAW_CHAMBER_Z[s.chamber]! - originZ;
      const slab = new THREE.Shape();
      octagonPath(slab, 1050, false); // straw overlap region: octagon of apothem ≈ 1.05 m, G§12 [D]
      const faces = extrude(slab, zc - STRAW_CHAMBER_LENGTH / 2, zc + STRAW_CHAMBER_LENGTH / 2);
      result = { faces, lines, style: 'translucent', parts: count + 1 };
      break;
    }
    case 'muv3': {
      const inset = 1.5; // mm drawn between tiles so the grid reads [E]
      parts = [];
      for (const t of muv3Tiles()) {
        for (const r of t.rects) {
          const sh = new THREE.Shape();
          rectPath(sh, r.x0 + inset, r.y0 + inset, r.x1 - inset, r.y1 - inset, false);
          parts.push(extrude(sh, el.z0, el.z1));
        }
      }
      const faces = merged(parts);
      result = { faces, lines: edgesOf(faces), style: 'solid', parts: parts.length };
      break;
    }
    default: {
      const shape = outlineShape(el);
      if (!shape) throw new Error(`internal: no builder for shape ${s.kind}`);
      const one = extrude(shape, el.z0, el.z1);
      const copies = withCopies(el, one);
      parts = copies;
      const faces = merged(copies);
      const style: ElementStyle = el.material === 'steel-vessel' || el.material === 'gas' ? 'translucent' : 'solid';
      result = { faces, lines: edgesOf(faces), style, parts: copies.length };
    }
  }
  const box = new THREE.Box3();
  if (result.faces) { result.faces.computeBoundingBox(); box.union(result.faces.boundingBox!); }
  if (result.lines) { result.lines.computeBoundingBox(); box.union(result.lines.boundingBox!); }
  if (result.point) box.expandByPoint(result.point);
  box.min.z += originZ;
  box.max.z += originZ;
  return { ...result, box, originZ, ...(opts.keepParts && parts ? { separateParts: parts } : {}) };
}
