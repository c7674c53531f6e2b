/**
 * What the display draws for one event, as three.js geometry in NA62 millimetres: STRAW tracks
 * through the magnet kick to the LKr (and MUV3 for muons), the hits of each detector, the beam
 * kaon, and the MC truth. Few geometries per event (one per kind), so draw calls stay flat.
 */
import * as THREE from 'three';
import type { Na62Event, StrawTrack } from '../../../src-shared/event/model';
import { STRAW_CHAMBER_Z, STRAW_LAYERS, STRAW_LENGTH, STRAW_VIEWS, STRAW_VIEW_AXES, STRAW_VIEW_LOCAL_Z } from '../../../src-shared/geometry/straw';
import { muv3Tiles } from '../../../src-shared/geometry/muv3';
import { LAV_FRONT, LAV_R_IN, LAV_R_OUT, Z_PLANE } from '../../../src-shared/geometry/planes';
import { closestApproach } from '../../../src-engine/reco/vertex';

export const Z = Z_PLANE;
const LAV_R_MID = LAV_R_IN.map((r, k) => (r + LAV_R_OUT[k]!) / 2);
const TILES = new Map(muv3Tiles().map((t) => [t.id, t]));

export const EVENT_COLOURS = {
  positive: '#ff5a4f', negative: '#4fa3ff', kaon: '#f2c14e', lkr: '#ffd166', muv3: '#3ddc84', newchod: '#5ee0e0',
  lav: '#e07bff', anti0: '#ff9f43', straw: '#f3e9a6', truth: '#b8c2cc', vertex: '#ffffff',
} as const;

/** Where the tracks start: the point of closest approach of the tracks before the magnet (mean of pairs), if it lies in the decay region. */
export function eventVertex(ev: Na62Event): THREE.Vector3 | undefined {
  const tr = ev.tracks.slice(0, 5);
  if (tr.length < 2) return undefined;
  const v = new THREE.Vector3();
  let n = 0;
  for (let i = 0; i < tr.length; i++) for (let j = i + 1; j < tr.length; j++) {
    const a = tr[i]!, b = tr[j]!;
    const ca = closestApproach({ x: a.x, y: a.y, z: Z.straw1, dx: a.px / a.pz, dy: a.py / a.pz, dz: 1 }, { x: b.x, y: b.y, z: Z.straw1, dx: b.px / b.pz, dy: b.py / b.pz, dz: 1 });
    if (!ca.defined) continue;
    v.add(new THREE.Vector3(ca.x, ca.y, ca.z));
    n++;
  }
  if (!n) return undefined;
  v.divideScalar(n);
  return v.z > 20_000 && v.z < Z.straw1 - 100 ? v : undefined;
}

/** The polyline of a reconstructed track: start → STRAW1 → MNP33 (kink) → LKr, and on to MUV3 when a muon tile fired there. */
export function trackPolyline(t: StrawTrack, start: number, toMuv3: boolean): THREE.Vector3[] {
  const sx = t.px / t.pz, sy = t.py / t.pz;
  const at = (z: number) => new THREE.Vector3(t.x + sx * (z - Z.straw1), t.y + sy * (z - Z.straw1), z);
  const m = at(Z.mnp33);
  const after = (z: number) => new THREE.Vector3(m.x + t.dxdzAfter * (z - Z.mnp33), m.y + t.dydzAfter * (z - Z.mnp33), z);
  const pts = [at(start), at(Z.straw1), m, after(Z.straw4), after(Z.lkr)];
  if (toMuv3) pts.push(after(Z.muv3));
  return pts;
}

export interface EventDrawing {
  /** line segments with per-vertex colours: tracks, beam kaon */
  readonly tracks: THREE.BufferGeometry;
  /** line segments with colours: hit markers (LKr squares, crosses) */
  readonly hits: THREE.BufferGeometry;
  /** line segments: the fired straws (drawn faint: each is 2.1 m long) */
  readonly straws: THREE.BufferGeometry;
  /** triangles: fired MUV3 tiles */
  readonly tiles: THREE.BufferGeometry;
  /** line segments: MC truth (empty when the file has none) */
  readonly truth: THREE.BufferGeometry;
  /** reconstructed vertex, if any */
  readonly vertex?: THREE.Vector3;
  /** per track, its polyline (for picking and tests) */
  readonly trackLines: readonly THREE.Vector3[][];
  readonly box: THREE.Box3;
}

class SegmentBuffer {
  readonly pos: number[] = [];
  readonly col: number[] = [];
  seg(a: THREE.Vector3, b: THREE.Vector3, c: THREE.Color): void {
    this.pos.push(a.x, a.y, a.z, b.x, b.y, b.z);
    this.col.push(c.r, c.g, c.b, c.r, c.g, c.b);
  }
  polyline(pts: THREE.Vector3[], c: THREE.Color): void {
    for (let i = 1; i < pts.length; i++) this.seg(pts[i - 1]!, pts[i]!, c);
  }
  cross(x: number, y: number, z: number, r: number, c: THREE.Color): void {
    this.seg(new THREE.Vector3(x - r, y, z), new THREE.Vector3(x + r, y, z), c);
    this.seg(new THREE.Vector3(x, y - r, z), new THREE.Vector3(x, y + r, z), c);
  }
  square(x: number, y: number, z: number, h: number, c: THREE.Color): void {
    const p = [[-h, -h], [h, -h], [h, h], [-h, h]].map(([dx, dy]) => new THREE.Vector3(x + dx!, y + dy!, z));
    for (let i = 0; i < 4; i++) this.seg(p[i]!, p[(i + 1) % 4]!, c);
  }
  geometry(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.pos, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(this.col, 3));
    return g;
  }
}

const colour = (h: string) => new THREE.Color(h);

export function buildEventDrawing(ev: Na62Event): EventDrawing {
  const C = Object.fromEntries(Object.entries(EVENT_COLOURS).map(([k, v]) => [k, colour(v)])) as Record<keyof typeof EVENT_COLOURS, THREE.Color>;
  const tracks = new SegmentBuffer(), hits = new SegmentBuffer(), straws = new SegmentBuffer(), truth = new SegmentBuffer();
  const vertex = eventVertex(ev);
  const start = vertex ? vertex.z : Z.straw1 - 20_000;
  const firedTiles = ev.muv3Hits.map((h) => TILES.get(h.tile)).filter((t): t is NonNullable<typeof t> => !!t);
  const trackLines: THREE.Vector3[][] = [];
  for (const t of ev.tracks) {
    const sx = t.px / t.pz, sy = t.py / t.pz;
    const m = { x: t.x + sx * (Z.mnp33 - Z.straw1), y: t.y + sy * (Z.mnp33 - Z.straw1) };
    const x3 = m.x + t.dxdzAfter * (Z.muv3 - Z.mnp33), y3 = m.y + t.dydzAfter * (Z.muv3 - Z.mnp33);
    const toMuv3 = firedTiles.some((tile) => tile.rects.some((r) => x3 > r.x0 - 300 && x3 < r.x1 + 300 && y3 > r.y0 - 300 && y3 < r.y1 + 300));
    const line = trackPolyline(t, start, toMuv3);
    trackLines.push(line);
    tracks.polyline(line, t.charge > 0 ? C.positive : C.negative);
  }
  if (ev.beamKaon) {
    const k = ev.beamKaon;
    const kz = vertex ? vertex.z : Z.gtk3 + 30_000;
    const a = new THREE.Vector3(k.x, k.y, Z.gtk3);
    const b = new THREE.Vector3(k.x + (k.px / k.pz) * (kz - Z.gtk3), k.y + (k.py / k.pz) * (kz - Z.gtk3), kz);
    tracks.seg(new THREE.Vector3(k.x - (k.px / k.pz) * 22_800, k.y - (k.py / k.pz) * 22_800, 79_600), a, C.kaon);
    tracks.seg(a, b, C.kaon);
  }
  for (const c of ev.lkrClusters) {
    const h = 25 + 40 * Math.log10(1 + c.energy / 1000); // size grows with energy [display choice]
    hits.square(c.x, c.y, Z.lkr, h, C.lkr);
    hits.cross(c.x, c.y, Z.lkr, h * 0.5, C.lkr);
  }
  for (const n of ev.newchodHits) hits.cross(n.x, n.y, Z.newchod, 40, C.newchod);
  for (const a of ev.anti0Hits) hits.cross(a.x, a.y, Z.anti0, 60, C.anti0);
  for (const l of ev.lavHits) {
    const r = LAV_R_MID[l.station - 1] ?? 1000, z = LAV_FRONT[l.station - 1] ?? 0;
    hits.cross(r * Math.cos(l.phi), r * Math.sin(l.phi), z, 90, C.lav);
  }
  for (const s of ev.strawHits ?? []) {
    const view = STRAW_VIEWS[s.view], chamberZ = STRAW_CHAMBER_Z[s.chamber];
    if (!view || chamberZ === undefined) continue;
    const { m, d } = STRAW_VIEW_AXES[view];
    const z = chamberZ + STRAW_VIEW_LOCAL_Z[view] + (STRAW_LAYERS[0]?.dz ?? 0);
    const half = STRAW_LENGTH / 2;
    straws.seg(new THREE.Vector3(s.coord * m[0] - half * d[0], s.coord * m[1] - half * d[1], z), new THREE.Vector3(s.coord * m[0] + half * d[0], s.coord * m[1] + half * d[1], z), C.straw);
  }
  const tilePos: number[] = [];
  for (const tile of firedTiles) for (const r of tile.rects) {
    const z = Z.muv3;
    tilePos.push(r.x0, r.y0, z, r.x1, r.y0, z, r.x1, r.y1, z, r.x0, r.y0, z, r.x1, r.y1, z, r.x0, r.y1, z);
  }
  const tiles = new THREE.BufferGeometry();
  tiles.setAttribute('position', new THREE.Float32BufferAttribute(tilePos, 3));
  for (const p of ev.truth ?? []) {
    const a = new THREE.Vector3(p.vx, p.vy, p.vz);
    let b: THREE.Vector3;
    if (Number.isFinite(p.dz)) b = new THREE.Vector3(p.dx, p.dy, p.dz);
    else {
      if (p.pz <= 0) continue;
      const zEnd = Math.max(p.vz, Z.straw1); // stable particles: drawn to the first chamber, before the magnet bends them
      b = new THREE.Vector3(p.vx + (p.px / p.pz) * (zEnd - p.vz), p.vy + (p.py / p.pz) * (zEnd - p.vz), zEnd);
    }
    if (a.distanceTo(b) > 1) truth.seg(a, b, C.truth);
  }
  const box = new THREE.Box3();
  for (const l of trackLines) for (const p of l) box.expandByPoint(p);
  return { tracks: tracks.geometry(), hits: hits.geometry(), straws: straws.geometry(), tiles, truth: truth.geometry(), ...(vertex ? { vertex } : {}), trackLines, box };
}

export function disposeEventDrawing(d: EventDrawing): void {
  d.tracks.dispose();
  d.hits.dispose();
  d.straws.dispose();
  d.tiles.dispose();
  d.truth.dispose();
}
