/**
 * The detector model as a file (geometry/model-pack.ts, issue 20's start-up): what a page reads is
 * the geometry the builder makes, array for array; a damaged file, or one made for another
 * description, is refused with a message naming the file; and the page falls back to building.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as THREE from 'three';
import { NA62_DETECTOR } from '../../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../../src-renderer/src/geometry/detector-model';
import type * as DetectorModelExports from '../../src-renderer/src/geometry/detector-model';
import { packDetectorModel, unpackDetectorModel } from '../../src-renderer/src/geometry/model-pack';

type DetectorModelModule = typeof DetectorModelExports;

const model = buildDetectorModel(NA62_DETECTOR);
const bytes = packDetectorModel(model);
const asBuffer = (u8: Uint8Array) => u8.slice().buffer; // a fetch's buffer: its own, from offset 0

function sameGeometry(a: THREE.BufferGeometry | undefined, b: THREE.BufferGeometry | undefined, what: string): void {
  expect(!!b, what).toBe(!!a);
  if (!a || !b) return;
  expect(Object.keys(b.attributes).sort(), what).toEqual(Object.keys(a.attributes).sort());
  for (const [name, attr] of Object.entries(a.attributes)) {
    const other = b.getAttribute(name) as THREE.BufferAttribute;
    expect(other.itemSize, `${what} ${name}`).toBe(attr.itemSize);
    expect(other.normalized, `${what} ${name}`).toBe(attr.normalized);
    expect(other.array.constructor, `${what} ${name}`).toBe(attr.array.constructor);
    expect(Buffer.from(other.array.buffer, other.array.byteOffset, other.array.byteLength).equals(Buffer.from(attr.array.buffer, attr.array.byteOffset, attr.array.byteLength)), `${what} ${name} bytes`).toBe(true);
  }
  expect(b.getIndex()?.array ?? null, `${what} index`).toEqual(a.getIndex()?.array ?? null);
  expect(b.groups, `${what} groups`).toEqual(a.groups);
}

describe('the detector model read from its file', () => {
  it('is the built model: every element, style, part count, box, origin, marker point and array, byte for byte', () => {
    const read = unpackDetectorModel(asBuffer(bytes), NA62_DETECTOR, 'na62-detector.bin');
    expect(read.version).toBe(model.version);
    expect(read.totalParts).toBe(model.totalParts);
    expect(read.elements.map((e) => e.element)).toEqual(model.elements.map((e) => e.element));
    expect([...read.byId.keys()]).toEqual([...model.byId.keys()]);
    let arrays = 0;
    model.elements.forEach((e, i) => {
      const r = read.elements[i]!.geometry, g = e.geometry, id = e.element.id;
      expect({ style: r.style, parts: r.parts, originZ: r.originZ }, id).toEqual({ style: g.style, parts: g.parts, originZ: g.originZ });
      expect(r.box.equals(g.box), `${id} box`).toBe(true);
      expect(r.point?.toArray(), `${id} point`).toEqual(g.point?.toArray());
      sameGeometry(g.faces, r.faces, `${id} faces`);
      sameGeometry(g.lines, r.lines, `${id} lines`);
      arrays += Object.keys(g.faces?.attributes ?? {}).length + Object.keys(g.lines?.attributes ?? {}).length;
    });
    expect(arrays).toBeGreaterThan(50); // the comparison saw the real geometry
    expect(model.elements.some((e) => e.geometry.point)).toBe(true);
  });

  it('refuses a damaged file, a file of another kind, and one made for another description, naming the file', () => {
    const damaged = bytes.slice();
    damaged[damaged.length - 100]! ^= 0x01; // one bit of vertex data
    expect(() => unpackDetectorModel(asBuffer(damaged), NA62_DETECTOR, 'geo.bin')).toThrow(/geo\.bin: checksum mismatch/);
    expect(() => unpackDetectorModel(asBuffer(bytes.slice(0, 12)), NA62_DETECTOR, 'geo.bin')).toThrow(/geo\.bin: not a detector geometry file/);
    expect(() => unpackDetectorModel(new TextEncoder().encode('<!doctype html><html>…</html>').buffer, NA62_DETECTOR, 'geo.bin')).toThrow(/not a detector geometry file/);
    const truncated = bytes.slice(0, 40);
    expect(() => unpackDetectorModel(asBuffer(truncated), NA62_DETECTOR, 'geo.bin')).toThrow(/geo\.bin: header of \d+ bytes runs past the end/);
    expect(() => unpackDetectorModel(asBuffer(bytes), { ...NA62_DETECTOR, version: 'other' }, 'geo.bin')).toThrow(/geo\.bin: built for detector description/);
    expect(() => unpackDetectorModel(asBuffer(bytes), { ...NA62_DETECTOR, elements: NA62_DETECTOR.elements.slice(1) }, 'geo.bin')).toThrow(/geo\.bin: its elements are not those/);
  });
});

describe('the page with a geometry file in its build', () => {
  afterEach(() => { vi.unstubAllGlobals(); vi.resetModules(); vi.restoreAllMocks(); });

  async function earlyModelWith(body: Uint8Array | undefined) {
    vi.restoreAllMocks();
    vi.resetModules();
    vi.stubGlobal('__NA62_DETECTOR_PACK__', 'geometry/na62-detector-test.bin');
    vi.stubGlobal('document', { baseURI: 'http://127.0.0.1/app/' });
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      fetched.push(String(url));
      return body ? new Response(body.slice()) : new Response('not found', { status: 404 });
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const built = vi.fn();
    vi.doMock('../../src-renderer/src/geometry/detector-model', async (orig) => {
      const real = await orig<DetectorModelModule>();
      return { ...real, buildDetectorModel: (...a: Parameters<typeof real.buildDetectorModel>) => { built(); return real.buildDetectorModel(...a); } };
    });
    const early = await import('../../src-renderer/src/geometry/early-model');
    early.buildEarlyModel();
    const { model: m } = await early.modelFor(structuredClone(NA62_DETECTOR));
    return { m, fetched, built, warn };
  }

  it('reads the model from the file instead of building it', async () => {
    const { m, fetched, built, warn } = await earlyModelWith(bytes);
    expect(fetched).toEqual(['http://127.0.0.1/app/geometry/na62-detector-test.bin']);
    expect(built).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(m.elements).toHaveLength(NA62_DETECTOR.elements.length);
  });

  it('builds the model, and says why on the console, when the file is missing or damaged', async () => {
    const missing = await earlyModelWith(undefined);
    expect(missing.built).toHaveBeenCalledOnce();
    expect(missing.warn.mock.calls[0]![0]).toMatch(/na62-detector-test\.bin: HTTP 404/);
    expect(missing.m.elements).toHaveLength(NA62_DETECTOR.elements.length);
    const damaged = bytes.slice();
    damaged[damaged.length - 1]! ^= 0x80;
    const bad = await earlyModelWith(damaged);
    expect(bad.built).toHaveBeenCalledOnce();
    expect(bad.warn.mock.calls[0]![0]).toMatch(/na62-detector-test\.bin: checksum mismatch/);
  });
});
