/**
 * The 3D scene as glTF 2.0 binary (.glb) for other viewers and slides: the visible detector and
 * the event as drawn (with the current longitudinal compression, in metres). Wide lines
 * (LineSegments2, an instanced quad mesh that glTF cannot express as lines) become plain line
 * segments with their vertex colours; Lambert materials become metallic-roughness ones.
 */
import * as THREE from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import type { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';

function plainLines(o: LineSegments2): THREE.LineSegments | undefined {
  const g = o.geometry;
  const a = g.getAttribute('instanceStart') as THREE.InterleavedBufferAttribute | undefined;
  const b = g.getAttribute('instanceEnd') as THREE.InterleavedBufferAttribute | undefined;
  const ca = g.getAttribute('instanceColorStart') as THREE.InterleavedBufferAttribute | undefined;
  const cb = g.getAttribute('instanceColorEnd') as THREE.InterleavedBufferAttribute | undefined;
  const n = a && b ? Math.min(a.count, Number.isFinite(g.instanceCount) ? g.instanceCount : a.count) : 0;
  if (!n) return undefined;
  const pos = new Float32Array(n * 6), col = new Float32Array(n * 6);
  for (let i = 0; i < n; i++) {
    pos.set([a!.getX(i), a!.getY(i), a!.getZ(i), b!.getX(i), b!.getY(i), b!.getZ(i)], i * 6);
    if (ca && cb) col.set([ca.getX(i), ca.getY(i), ca.getZ(i), cb.getX(i), cb.getY(i), cb.getZ(i)], i * 6);
  }
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  const m = o.material as LineMaterial;
  if (ca) geo.setAttribute('color', new THREE.BufferAttribute(col, 3));
  const line = new THREE.LineSegments(geo, new THREE.LineBasicMaterial({ color: ca ? 0xffffff : m.color, vertexColors: !!ca, transparent: m.transparent, opacity: m.opacity }));
  line.name = o.name || 'lines';
  line.position.copy(o.position); line.quaternion.copy(o.quaternion); line.scale.copy(o.scale);
  return line;
}

function material(m: THREE.Material): THREE.Material {
  if (m instanceof THREE.MeshLambertMaterial) {
    return new THREE.MeshStandardMaterial({ name: m.name, color: m.color, transparent: m.transparent, opacity: m.opacity, side: m.side, depthWrite: m.depthWrite, roughness: 0.85, metalness: 0 });
  }
  if (m instanceof THREE.LineBasicMaterial) return new THREE.LineBasicMaterial({ color: m.color, transparent: m.transparent, opacity: m.opacity, vertexColors: m.vertexColors });
  if (m instanceof THREE.PointsMaterial) return new THREE.PointsMaterial({ color: m.color, size: m.size, sizeAttenuation: false });
  if (m instanceof THREE.MeshBasicMaterial) return new THREE.MeshBasicMaterial({ color: m.color, transparent: m.transparent, opacity: m.opacity, side: m.side });
  return new THREE.MeshBasicMaterial({ color: 0x888888 });
}

/** A copy of `src` fit for glTF: visible objects only, no empty geometry, exportable materials and lines. */
function convert(src: THREE.Object3D): THREE.Object3D | undefined {
  if (!src.visible) return undefined;
  let out: THREE.Object3D;
  if (src instanceof LineSegments2) {
    const l = plainLines(src);
    if (!l) return undefined;
    out = l;
  } else if (src instanceof THREE.Mesh || src instanceof THREE.LineSegments || src instanceof THREE.Line || src instanceof THREE.Points) {
    const g = src.geometry as THREE.BufferGeometry;
    const pos = g.getAttribute('position');
    if (!pos || pos.count === 0 || Array.isArray(src.material)) return undefined;
    const geo = new THREE.BufferGeometry();
    geo.setAttribute('position', pos);
    const colour = g.getAttribute('color');
    if (colour) geo.setAttribute('color', colour);
    const normal = g.getAttribute('normal');
    if (normal && src instanceof THREE.Mesh) geo.setAttribute('normal', normal);
    if (g.getIndex()) geo.setIndex(g.getIndex());
    const m = material(src.material as THREE.Material);
    out = src instanceof THREE.Mesh ? new THREE.Mesh(geo, m) : src instanceof THREE.LineSegments ? new THREE.LineSegments(geo, m) : src instanceof THREE.Points ? new THREE.Points(geo, m) : new THREE.Line(geo, m);
  } else {
    out = new THREE.Group();
  }
  out.name = src.name;
  if (!(src instanceof LineSegments2)) {
    src.updateMatrix();
    out.matrix.copy(src.matrix);
    out.matrix.decompose(out.position, out.quaternion, out.scale);
  }
  for (const c of src.children) {
    const cc = convert(c);
    if (cc) out.add(cc);
  }
  if (out instanceof THREE.Group && !out.children.length) return undefined;
  return out;
}

/** The named groups of the scene ("detector", "event") as one glTF binary. */
export async function exportGltf(scene: THREE.Object3D, meta: { compression: number; caption: string }): Promise<Uint8Array> {
  const root = new THREE.Group();
  root.name = 'NA62';
  root.scale.setScalar(0.001); // mm → m, glTF's unit
  for (const name of ['detector', 'event']) {
    const g = scene.getObjectByName(name);
    const c = g ? convert(g) : undefined;
    if (c) root.add(c);
  }
  if (!root.children.length) throw new Error('nothing visible to export');
  root.userData = { units: 'm (NA62 frame: z downstream, y up)', longitudinalCompression: meta.compression, caption: meta.caption };
  const out = new THREE.Scene();
  out.add(root);
  const res = await new GLTFExporter().parseAsync(out, { binary: true, onlyVisible: true });
  if (!(res instanceof ArrayBuffer)) throw new Error('the glTF exporter did not return a binary file');
  return new Uint8Array(res);
}
