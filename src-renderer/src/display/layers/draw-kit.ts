/** Building blocks of the layers: a segment buffer and the wide-line, mesh and point objects made from it at a pixel scale. */
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { LayerDrawing, PickShape } from './types';
import type { PixelScale } from '../types';

export class SegmentBuffer {
  readonly pos: number[] = [];
  readonly col: number[] = [];
  seg(a: THREE.Vector3, b: THREE.Vector3, c: THREE.Color): void {
    this.pos.push(a.x, a.y, a.z, b.x, b.y, b.z);
    this.col.push(c.r, c.g, c.b, c.r, c.g, c.b);
  }
  polyline(pts: readonly THREE.Vector3[], c: THREE.Color): void {
    for (let i = 1; i < pts.length; i++) this.seg(pts[i - 1]!, pts[i]!, c);
  }
  cross(x: number, y: number, z: number, r: number, c: THREE.Color): void {
    this.seg(new THREE.Vector3(x - r, y, z), new THREE.Vector3(x + r, y, z), c);
    this.seg(new THREE.Vector3(x, y - r, z), new THREE.Vector3(x, y + r, z), c);
  }
  square(x: number, y: number, z: number, h: number, c: THREE.Color): void {
    this.rect(x - h, y - h, x + h, y + h, z, c);
  }
  rect(x0: number, y0: number, x1: number, y1: number, z: number, c: THREE.Color): void {
    const p = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(([x, y]) => new THREE.Vector3(x, y, z));
    for (let i = 0; i < 4; i++) this.seg(p[i]!, p[(i + 1) % 4]!, c);
  }
  get segments(): number { return this.pos.length / 6; }
}

export interface WideLineStyle {
  /** px of the render target */
  readonly width: number;
  readonly opacity?: number;
  readonly dashed?: { readonly dash: number; readonly gap: number };
  readonly renderOrder: number;
  /** object name: the SVG and glTF exports find the tracks by it */
  readonly name: string;
}

/**
 * Wide lines (one draw call however many segments), drawn over the detector without a depth test
 * against it, so tracks inside the vessel stay visible. Width is in px of the render target.
 */
export function wideLines(buf: SegmentBuffer, style: WideLineStyle): { object: LineSegments2; material: LineMaterial } {
  const g = new LineSegmentsGeometry();
  g.setPositions(buf.pos);
  g.setColors(buf.col);
  const material = new LineMaterial({
    vertexColors: true, depthTest: false, transparent: true, opacity: style.opacity ?? 1, linewidth: style.width,
    ...(style.dashed ? { dashed: true, dashSize: style.dashed.dash, gapSize: style.dashed.gap } : {}),
  });
  const object = new LineSegments2(g, material);
  if (style.dashed) object.computeLineDistances();
  object.name = style.name;
  object.renderOrder = style.renderOrder;
  object.frustumCulled = false; // bounds are in the uncompressed frame
  return { object, material };
}

/** A layer drawing of wide lines from a buffer; undefined when the buffer is empty (no draw call for nothing). */
export function lineDrawing(buf: SegmentBuffer, style: WideLineStyle, picks: readonly PickShape[] = []): LayerDrawing | undefined {
  if (!buf.segments) return picks.some(Boolean) ? { objects: [], picks, count: 0, lineMaterials: [], dispose: () => {} } : undefined;
  const { object, material } = wideLines(buf, style);
  return {
    objects: [object], picks, count: buf.segments, lineMaterials: [material],
    dispose: () => { object.geometry.dispose(); material.dispose(); },
  };
}

/**
 * Lines of one CSS px in one colour: WebGL lines on screen (one device pixel, cheap however many),
 * wide lines of `px.lines` px in a large picture, where 1 px would vanish.
 */
export function thinLineDrawing(buf: SegmentBuffer, px: PixelScale, colour: THREE.Color, style: Omit<WideLineStyle, 'width'>): LayerDrawing | undefined {
  if (!buf.segments) return undefined;
  if (px.lines >= px.wideFrom) return lineDrawing(buf, { ...style, width: px.lines });
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(buf.pos, 3));
  const common = { color: colour, depthTest: false, transparent: true, opacity: style.opacity ?? 1 };
  const m = style.dashed ? new THREE.LineDashedMaterial({ ...common, dashSize: style.dashed.dash, gapSize: style.dashed.gap }) : new THREE.LineBasicMaterial(common);
  const o = new THREE.LineSegments(g, m);
  if (style.dashed) o.computeLineDistances();
  o.name = style.name;
  o.renderOrder = style.renderOrder;
  o.frustumCulled = false;
  return { objects: [o], picks: [], count: buf.segments, lineMaterials: [], dispose: () => { g.dispose(); m.dispose(); } };
}

/** Filled rectangles (z-constant) as one mesh. */
export function rectMesh(rects: readonly { x0: number; y0: number; x1: number; y1: number; z: number }[], colour: THREE.Color, name: string, renderOrder: number, opacity = 0.85): THREE.Mesh {
  const pos: number[] = [];
  for (const r of rects) pos.push(r.x0, r.y0, r.z, r.x1, r.y0, r.z, r.x1, r.y1, r.z, r.x0, r.y0, r.z, r.x1, r.y1, r.z, r.x0, r.y1, r.z);
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  // one pass over both sides (one colour, no depth test: the order of the faces does not change the pixels; a second pass is a second program)
  const m = new THREE.MeshBasicMaterial({ color: colour, side: THREE.DoubleSide, depthTest: false, transparent: true, opacity, forceSinglePass: true });
  const mesh = new THREE.Mesh(g, m);
  mesh.name = name;
  mesh.renderOrder = renderOrder;
  mesh.frustumCulled = false;
  return mesh;
}

export const disposeObject = (o: THREE.Object3D): void => {
  const m = o as THREE.Mesh;
  m.geometry?.dispose();
  const mat = m.material as THREE.Material | THREE.Material[] | undefined;
  if (Array.isArray(mat)) mat.forEach((x) => x.dispose()); else mat?.dispose();
};
