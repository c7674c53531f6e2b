/**
 * The built detector model as one binary file, made at build time (build/detector-pack-plugin.ts,
 * scripts/make-detector-pack.ts) so that a starting page reads the geometry instead of building it:
 * building takes 1.1–1.5 s of the page's main thread with software WebGL's machine, reading it a few
 * tens of ms (bench/startup.bench.mjs). The bytes are the builder's own arrays, so the geometry is the
 * same, attribute for attribute (test/unit/model-pack.test.ts).
 *
 * Layout (little-endian):
 *   "NA62GEO1" | u32 header length | u32 CRC-32 of everything after these 16 bytes | header (JSON,
 *   UTF-8) | zero padding to a multiple of 4 | data (each array at a 4-byte aligned offset).
 */
import * as THREE from 'three';
import type { DetectorDescription } from '../../../src-shared/geometry/types';
import { crc32Update } from '../../../src-engine/public';
import type { ElementGeometry, ElementStyle } from './build-element';
import type { DetectorModel } from './detector-model';

const MAGIC = 'NA62GEO1';
const PREFIX = 16;

type ArrayKind = 'f32' | 'u16' | 'u32';
interface ArrayRef { readonly kind: ArrayKind; readonly offset: number; readonly length: number }
interface AttributeRef extends ArrayRef { readonly name: string; readonly itemSize: number; readonly normalized: boolean }
interface GeometryRef {
  readonly attributes: readonly AttributeRef[];
  readonly index?: ArrayRef;
  readonly groups: readonly { start: number; count: number; materialIndex?: number }[];
}
interface ElementRef {
  readonly id: string;
  readonly style: ElementStyle;
  readonly parts: number;
  readonly originZ: number;
  readonly box: readonly number[];
  readonly point?: readonly number[];
  readonly faces?: GeometryRef;
  readonly lines?: GeometryRef;
}
interface Header { readonly version: string; readonly elements: readonly ElementRef[] }

const KINDS: Record<ArrayKind, { ctor: Float32ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor }> = {
  f32: { ctor: Float32Array }, u16: { ctor: Uint16Array }, u32: { ctor: Uint32Array },
};

function kindOf(a: ArrayLike<number>): ArrayKind {
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  throw new Error(`internal: detector geometry with an array of type ${Object.prototype.toString.call(a)}`);
}

/** The model's geometry as the file's bytes (a model built with separate parts is refused: those are a benchmark's). */
export function packDetectorModel(model: DetectorModel): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const put = (a: Float32Array | Uint16Array | Uint32Array): ArrayRef => {
    const offset = size;
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    chunks.push(bytes);
    size += bytes.length;
    const pad = (4 - (size % 4)) % 4;
    if (pad) { chunks.push(new Uint8Array(pad)); size += pad; }
    return { kind: kindOf(a), offset, length: a.length };
  };
  const geometry = (g: THREE.BufferGeometry): GeometryRef => {
    const attributes: AttributeRef[] = [];
    for (const [name, attr] of Object.entries(g.attributes)) {
      if (!(attr instanceof THREE.BufferAttribute)) throw new Error(`internal: interleaved attribute ${name} in the detector geometry`);
      attributes.push({ name, itemSize: attr.itemSize, normalized: attr.normalized, ...put(attr.array as Float32Array) });
    }
    const idx = g.getIndex();
    return { attributes, ...(idx ? { index: put(idx.array as Uint16Array | Uint32Array) } : {}), groups: g.groups.map((x) => ({ ...x })) };
  };
  const elements = model.elements.map(({ element, geometry: e }): ElementRef => {
    if (e.separateParts) throw new Error('internal: a model built with separate parts is not packed');
    return {
      id: element.id, style: e.style, parts: e.parts, originZ: e.originZ,
      box: [...e.box.min.toArray(), ...e.box.max.toArray()],
      ...(e.point ? { point: e.point.toArray() } : {}),
      ...(e.faces ? { faces: geometry(e.faces) } : {}),
      ...(e.lines ? { lines: geometry(e.lines) } : {}),
    };
  });
  const header = new TextEncoder().encode(JSON.stringify({ version: model.version, elements } satisfies Header));
  const headerPadded = header.length + ((4 - (header.length % 4)) % 4);
  const out = new Uint8Array(PREFIX + headerPadded + size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, header.length, true);
  out.set(header, PREFIX);
  let at = PREFIX + headerPadded;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  dv.setUint32(12, crc32Update(0, out, PREFIX, out.length), true);
  return out;
}

/**
 * The model in `bytes` (a buffer starting at offset 0, as fetched), for `detector`: it must be the
 * description the file was built from (same version and elements, in order). Throws, naming `file`
 * and what is wrong, on anything else: the caller then builds the model itself.
 */
export function unpackDetectorModel(bytes: ArrayBuffer, detector: DetectorDescription, file: string): DetectorModel {
  const fail = (what: string): never => { throw new Error(`${file}: ${what}`); };
  const u8 = new Uint8Array(bytes);
  if (u8.length < PREFIX || new TextDecoder().decode(u8.subarray(0, 8)) !== MAGIC) fail('not a detector geometry file (no NA62GEO1 signature)');
  const dv = new DataView(bytes);
  const headerLength = dv.getUint32(8, true);
  const headerPadded = headerLength + ((4 - (headerLength % 4)) % 4);
  if (PREFIX + headerPadded > u8.length) fail(`header of ${headerLength} bytes runs past the end of the file (${u8.length} bytes)`);
  const crc = crc32Update(0, u8, PREFIX, u8.length);
  if (crc !== dv.getUint32(12, true)) fail(`checksum mismatch (CRC-32 ${crc.toString(16)}, stored ${dv.getUint32(12, true).toString(16)}): the file is damaged`);
  let header: Header;
  try { header = JSON.parse(new TextDecoder().decode(u8.subarray(PREFIX, PREFIX + headerLength))) as Header; } catch (e) { return fail(`unreadable header (${e instanceof Error ? e.message : String(e)})`); }
  if (header.version !== detector.version) fail(`built for detector description ${header.version}, not ${detector.version}`);
  if (header.elements.length !== detector.elements.length || header.elements.some((e, i) => e.id !== detector.elements[i]!.id)) fail('its elements are not those of the detector description');
  const dataStart = PREFIX + headerPadded, dataLength = u8.length - dataStart;
  const array = (r: ArrayRef) => {
    const k = KINDS[r.kind];
    if (!k || r.offset % 4 || r.offset + r.length * k.ctor.BYTES_PER_ELEMENT > dataLength) fail(`an array (${r.kind}, ${r.length} values at ${r.offset}) lies outside the data`);
    return new k.ctor(bytes, dataStart + r.offset, r.length);
  };
  const geometry = (r: GeometryRef): THREE.BufferGeometry => {
    const g = new THREE.BufferGeometry();
    for (const a of r.attributes) g.setAttribute(a.name, new THREE.BufferAttribute(array(a), a.itemSize, a.normalized));
    if (r.index) g.setIndex(new THREE.BufferAttribute(array(r.index), 1));
    for (const x of r.groups) g.addGroup(x.start, x.count, x.materialIndex);
    return g;
  };
  const elements = header.elements.map((r, i) => {
    const geometry_: ElementGeometry = {
      style: r.style, parts: r.parts, originZ: r.originZ,
      box: new THREE.Box3(new THREE.Vector3().fromArray(r.box, 0), new THREE.Vector3().fromArray(r.box, 3)),
      ...(r.point ? { point: new THREE.Vector3().fromArray(r.point) } : {}),
      ...(r.faces ? { faces: geometry(r.faces) } : {}),
      ...(r.lines ? { lines: geometry(r.lines) } : {}),
    };
    return { element: detector.elements[i]!, geometry: geometry_ };
  });
  return {
    version: detector.version,
    elements,
    byId: new Map(elements.map((e) => [e.element.id, e])),
    totalParts: elements.reduce((n, e) => n + e.geometry.parts, 0),
  };
}
