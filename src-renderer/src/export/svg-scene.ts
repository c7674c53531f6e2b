/**
 * Vector projection of a three.js scene for the 2D views: meshes become filled paths (each
 * object's triangles, oriented alike, one path), line segments stroked paths, wide lines (the
 * tracks: LineSegments2, which no SVG renderer exports) polylines of their own width and colour,
 * points circles. Painter's order as three draws: opaque before transparent, then renderOrder.
 * Pure three.js maths: no DOM, so it runs in the tests.
 */
import * as THREE from 'three';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { cutUniformsOf, isCutAway, type CutUniforms } from '../display/passive-look';
import { type LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { Rect } from '../../../src-shared/picture/picture-spec';
import { drawnWireOpacity } from '../display/wire-density';

const f = (x: number) => (Math.round(x * 10) / 10).toString();
const hex = (c: THREE.Color) => `#${c.getHexString()}`;

export interface SvgSceneOptions {
  /** width of plain (1 px on screen) lines, output px */
  readonly thinLine: number;
}

type P3 = [number, number, number];
/**
 * The part of a projected segment between the near and far planes (NDC z in [-1, 1]; linear along
 * the segment for the orthographic cameras of the 2D views): a beam's-eye slab keeps only what lies in it.
 */
export function clipDepth(a: P3, b: P3): [P3, P3] | undefined {
  let t0 = 0, t1 = 1;
  const dz = b[2] - a[2];
  for (const lim of [-1, 1]) {
    if (Math.abs(dz) < 1e-12) { if ((lim < 0 && a[2] < lim) || (lim > 0 && a[2] > lim)) return undefined; continue; }
    const t = (lim - a[2]) / dz;
    if ((lim < 0) === (dz > 0)) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
  }
  if (t0 > t1) return undefined;
  const at = (t: number): P3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + dz * t];
  return [t0 > 0 ? at(t0) : a, t1 < 1 ? at(t1) : b];
}

interface Drawable { readonly transparent: boolean; readonly order: number; readonly index: number; readonly svg: string }

/** The scene as SVG elements inside `rect` (output px), clipped to it by the caller. */
export function sceneToSvg(scene: THREE.Object3D, camera: THREE.Camera, rect: Rect, opts: SvgSceneOptions): string {
  scene.updateMatrixWorld(true);
  camera.updateMatrixWorld();
  const drawables: Drawable[] = [];
  const v = new THREE.Vector3();
  const toPx = (o: THREE.Object3D, x: number, y: number, z: number): [number, number, number] => {
    v.set(x, y, z).applyMatrix4(o.matrixWorld).project(camera);
    return [rect.x + ((v.x + 1) / 2) * rect.w, rect.y + ((1 - v.y) / 2) * rect.h, v.z];
  };
  const outside = (...p: [number, number, number][]) =>
    p.every((q) => q[2] < -1) || p.every((q) => q[2] > 1) || p.every((q) => q[0] < rect.x) || p.every((q) => q[0] > rect.x + rect.w) || p.every((q) => q[1] < rect.y) || p.every((q) => q[1] > rect.y + rect.h);
  // the 3D view's cut-aways (display/passive-look.ts): whole triangles, segments and points go by their middle
  const w = new THREE.Vector3();
  const cutAt = (o: THREE.Object3D, cut: CutUniforms | undefined, ...p: [number, number, number][]) => {
    if (!cut) return false;
    w.set(0, 0, 0);
    for (const q of p) w.add(new THREE.Vector3(q[0], q[1], q[2]).divideScalar(p.length));
    return isCutAway(w.applyMatrix4(o.matrixWorld), cut);
  };
  const local = (pos: THREE.BufferAttribute | THREE.InterleavedBufferAttribute, k: number): [number, number, number] => [pos.getX(k), pos.getY(k), pos.getZ(k)];
  let index = 0;
  scene.traverseVisible((o) => {
    const i = index++;
    const mat = (o as THREE.Mesh).material as THREE.Material | undefined;
    if (!mat || Array.isArray(mat) || !mat.visible) return;
    const cut = cutUniformsOf(mat);
    // dense wires (the straws) as faint as the picture's pixels demand, as on screen
    const opacity = drawnWireOpacity(o, camera, rect.h, mat.transparent ? mat.opacity : 1);
    const base = { transparent: mat.transparent, order: o.renderOrder, index: i };
    if (o instanceof LineSegments2) {
      const svg = wideLines(o, mat as LineMaterial, toPx, outside);
      if (svg) drawables.push({ ...base, svg });
    } else if (o instanceof THREE.Mesh) {
      const g = o.geometry as THREE.BufferGeometry;
      const pos = g.getAttribute('position');
      if (!pos) return;
      const idx = g.getIndex();
      const n = idx ? idx.count : pos.count;
      const d: string[] = [];
      for (let t = 0; t + 2 < n; t += 3) {
        const ks = [0, 1, 2].map((j) => (idx ? idx.getX(t + j) : t + j));
        if (cut && cutAt(o, cut, ...ks.map((k) => local(pos, k)))) continue;
        const [a, b, c] = ks.map((k) => toPx(o, pos.getX(k), pos.getY(k), pos.getZ(k))) as [[number, number, number], [number, number, number], [number, number, number]];
        if (outside(a, b, c)) continue;
        const area = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
        if (Math.abs(area) < 0.02) continue; // edge-on in this view
        const [p, q] = area > 0 ? [b, c] : [c, b]; // one orientation: overlapping faces unite under the nonzero rule
        d.push(`M${f(a[0])} ${f(a[1])}L${f(p[0])} ${f(p[1])}L${f(q[0])} ${f(q[1])}Z`);
      }
      const colour = (mat as THREE.MeshBasicMaterial).color;
      if (d.length && colour) drawables.push({ ...base, svg: `<path fill="${hex(colour)}"${opacity < 1 ? ` fill-opacity="${f3(opacity)}"` : ''} d="${d.join('')}"/>` });
    } else if (o instanceof THREE.LineSegments || o instanceof THREE.Line) {
      const g = o.geometry as THREE.BufferGeometry;
      const pos = g.getAttribute('position');
      if (!pos) return;
      const idx = g.getIndex();
      const n = idx ? idx.count : pos.count;
      const at = (j: number) => { const k = idx ? idx.getX(j) : j; return toPx(o, pos.getX(k), pos.getY(k), pos.getZ(k)); };
      const d: string[] = [];
      const step = o instanceof THREE.LineSegments ? 2 : 1;
      const key = (j: number) => (idx ? idx.getX(j) : j);
      for (let j = 0; j + 1 < n; j += step) {
        if (cut && cutAt(o, cut, local(pos, key(j)), local(pos, key(j + 1)))) continue;
        const seg = clipDepth(at(j), at(j + 1));
        if (!seg || outside(...seg)) continue;
        const [a, b] = seg;
        d.push(`M${f(a[0])} ${f(a[1])}L${f(b[0])} ${f(b[1])}`);
      }
      const m = mat as THREE.LineBasicMaterial | THREE.LineDashedMaterial;
      const dash = m instanceof THREE.LineDashedMaterial ? ` stroke-dasharray="${f(opts.thinLine * 6)} ${f(opts.thinLine * 4)}"` : '';
      if (d.length) drawables.push({ ...base, svg: `<path fill="none" stroke="${hex(m.color)}" stroke-width="${f(opts.thinLine)}"${opacity < 1 ? ` stroke-opacity="${f3(opacity)}"` : ''}${dash} d="${d.join('')}"/>` });
    } else if (o instanceof THREE.Points) {
      const pos = (o.geometry as THREE.BufferGeometry).getAttribute('position');
      const m = mat as THREE.PointsMaterial;
      const out: string[] = [];
      for (let j = 0; pos && j < pos.count; j++) {
        if (cut && cutAt(o, cut, local(pos, j))) continue;
        const a = toPx(o, pos.getX(j), pos.getY(j), pos.getZ(j));
        if (outside(a)) continue;
        out.push(`<circle cx="${f(a[0])}" cy="${f(a[1])}" r="${f(m.size / 2)}" fill="${hex(m.color)}"/>`);
      }
      if (out.length) drawables.push({ ...base, svg: out.join('') });
    }
  });
  drawables.sort((a, b) => Number(a.transparent) - Number(b.transparent) || a.order - b.order || a.index - b.index);
  return drawables.map((d) => d.svg).join('\n');
}

const f3 = (x: number) => (Math.round(x * 1000) / 1000).toString();

/** A LineSegments2 as paths: runs of connected segments of one colour become one polyline. */
function wideLines(o: LineSegments2, m: LineMaterial, toPx: (o: THREE.Object3D, x: number, y: number, z: number) => [number, number, number], outside: (...p: [number, number, number][]) => boolean): string {
  const g = o.geometry;
  const start = g.getAttribute('instanceStart') as THREE.InterleavedBufferAttribute | undefined;
  const end = g.getAttribute('instanceEnd') as THREE.InterleavedBufferAttribute | undefined;
  if (!start || !end) return '';
  const n = Math.min(start.count, Number.isFinite(g.instanceCount) ? g.instanceCount : start.count);
  const cs = g.getAttribute('instanceColorStart') as THREE.InterleavedBufferAttribute | undefined;
  const c = new THREE.Color();
  const paths: string[] = [];
  let d = '', colour = '', last: [number, number] | undefined;
  const flush = () => {
    if (d) paths.push(`<path class="${o.name || 'lines'}" data-kind="${o.name === 'tracks' ? 'track' : o.name || 'line'}" fill="none" stroke="${colour}" stroke-width="${f(m.linewidth)}" stroke-linecap="round" stroke-linejoin="round"${m.opacity < 1 ? ` stroke-opacity="${f3(m.opacity)}"` : ''} d="${d}"/>`);
    d = ''; last = undefined;
  };
  for (let i = 0; i < n; i++) {
    const seg = clipDepth(toPx(o, start.getX(i), start.getY(i), start.getZ(i)), toPx(o, end.getX(i), end.getY(i), end.getZ(i)));
    if (!seg || outside(...seg)) { flush(); continue; }
    const [a, b] = seg;
    const col = m.vertexColors && cs ? hex(c.setRGB(cs.getX(i), cs.getY(i), cs.getZ(i))) : hex(m.color);
    if (col !== colour) { flush(); colour = col; }
    if (last && Math.abs(last[0] - a[0]) < 0.05 && Math.abs(last[1] - a[1]) < 0.05) d += `L${f(b[0])} ${f(b[1])}`;
    else { if (d) { flush(); colour = col; } d = `M${f(a[0])} ${f(a[1])}L${f(b[0])} ${f(b[1])}`; }
    last = [b[0], b[1]];
  }
  flush();
  return paths.join('\n');
}
