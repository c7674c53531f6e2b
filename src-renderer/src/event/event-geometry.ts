/**
 * What the display draws for one event, as three.js geometry in NA62 millimetres: STRAW tracks
 * through the magnet kick to the LKr (and MUV3 for muons), the hits of each detector, the beam
 * kaon, and the MC truth. Few geometries per event (one per kind), so draw calls stay flat.
 */
import * as THREE from 'three';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { Na62Event, StrawTrack } from '../../../src-shared/event/model';
import type { EventAnalysis, Hypothesis, TrackInfo } from './event-analysis';
import type { ColourBy, Collection } from '../state/event-display-store';
import { STRAW_CHAMBER_Z, STRAW_LAYERS, STRAW_LENGTH, STRAW_VIEWS, STRAW_VIEW_AXES, STRAW_VIEW_LOCAL_Z } from '../../../src-shared/geometry/straw';
import { muv3Tiles } from '../../../src-shared/geometry/muv3';
import { kinkedLineAt, trackLine } from '../../../src-shared/physics/track-line';
import { LAV_FRONT, LAV_R_IN, LAV_R_OUT, Z_PLANE } from '../../../src-shared/geometry/planes';

export const Z = Z_PLANE;
const LAV_R_MID = LAV_R_IN.map((r, k) => (r + LAV_R_OUT[k]!) / 2);
const TILES = new Map(muv3Tiles().map((t) => [t.id, t]));

export const EVENT_COLOURS = {
  positive: '#ff5a4f', negative: '#4fa3ff', kaon: '#f2c14e', lkr: '#ffd166', muv3: '#3ddc84', newchod: '#5ee0e0',
  lav: '#e07bff', anti0: '#ff9f43', straw: '#f3e9a6', truth: '#b8c2cc', vertex: '#ffffff',
  tax: '#ff7ac8', beam: '#9aa5b1', cda: '#ffffff',
} as const;

/** On a light (paper) background the colours made for a dark one that would vanish: white, pale yellow, light grey. */
export const LIGHT_EVENT_COLOURS: Partial<Record<keyof typeof EVENT_COLOURS, string>> = {
  vertex: '#111820', cda: '#111820', straw: '#9c8a1e', lkr: '#c98a00', kaon: '#b8860b', newchod: '#138a8a', truth: '#5d6b7a', beam: '#6b7785',
};
export const eventColour = (k: keyof typeof EVENT_COLOURS, light = false): string => (light ? LIGHT_EVENT_COLOURS[k] : undefined) ?? EVENT_COLOURS[k];

/** Track colours of the other colour modes (legend and drawing share them). */
export const HYPOTHESIS_COLOURS: Record<Hypothesis, string> = { mu: '#2ee6a6', e: '#ffb000', pi: '#c58bff' };
export const HYPOTHESIS_LABELS: Record<Hypothesis, string> = { mu: 'μ (MUV3 hit, E/p < 0.2)', e: 'e (0.9 < E/p < 1.1)', pi: 'π / other' };
export const VERTEX_COLOURS = { in: '#ff8c42', out: '#7d8a97' } as const;
/** Momentum scale: 0 → 75 GeV/c (the beam momentum) through these stops */
export const MOMENTUM_STOPS = ['#3b4cc0', '#2fb5c9', '#b6e35a', '#ffe04a', '#ff5a36'] as const;
export const MOMENTUM_MAX = 75_000;

export function momentumColour(p: number): THREE.Color {
  const u = Math.min(1, Math.max(0, p / MOMENTUM_MAX)) * (MOMENTUM_STOPS.length - 1);
  const k = Math.min(MOMENTUM_STOPS.length - 2, Math.floor(u));
  return new THREE.Color(MOMENTUM_STOPS[k]).lerp(new THREE.Color(MOMENTUM_STOPS[k + 1]), u - k);
}

export function trackColour(t: StrawTrack, info: TrackInfo | undefined, by: ColourBy): THREE.Color {
  switch (by) {
    case 'momentum': return momentumColour(info?.p ?? Math.hypot(t.px, t.py, t.pz));
    case 'hypothesis': return new THREE.Color(HYPOTHESIS_COLOURS[info?.hypothesis ?? 'pi']);
    case 'vertex': return new THREE.Color(info?.inVertex ? VERTEX_COLOURS.in : VERTEX_COLOURS.out);
    default: return new THREE.Color(t.charge > 0 ? EVENT_COLOURS.positive : EVENT_COLOURS.negative);
  }
}

export interface DrawOptions {
  readonly colourBy: ColourBy;
  readonly hidden: Partial<Record<Collection, boolean>>;
  /** MeV/c */
  readonly pMin: number;
  /** ns; 0 = no cut */
  readonly tWindow: number;
  /** light theme: colours that read on a light background */
  readonly light?: boolean;
}
export const DEFAULT_DRAW: DrawOptions = { colourBy: 'charge', hidden: {}, pMin: 0, tWindow: 0 };

/** The polyline of a reconstructed track: start → STRAW1 → MNP33 (kink) → LKr, and on to MUV3 when a muon tile fired there. */
export function trackPolyline(t: StrawTrack, start: number, toMuv3: boolean): THREE.Vector3[] {
  const line = trackLine(t);
  const at = (z: number) => { const q = kinkedLineAt(line, z); return new THREE.Vector3(q.x, q.y, z); };
  const pts = [at(start), at(Z.straw1), at(Z.mnp33), at(Z.straw4), at(Z.lkr)];
  if (toMuv3) pts.push(at(Z.muv3));
  return pts;
}

export interface EventDrawing {
  /** wide lines (one draw call): tracks, beam kaon, the CDA_TAX construction, vertex error bars */
  readonly tracks: LineSegmentsGeometry;
  /** line segments with colours: hit markers (LKr squares, crosses) */
  readonly hits: LineSegmentsGeometry;
  /** line segments: the fired straws (drawn faint: each is 2.1 m long) */
  readonly straws: THREE.BufferGeometry;
  /** triangles: fired MUV3 tiles */
  readonly tiles: THREE.BufferGeometry;
  /** line segments: MC truth (empty when the file has none) */
  readonly truth: THREE.BufferGeometry;
  /** reconstructed vertex, if any */
  readonly vertex?: THREE.Vector3;
  /** per track, its polyline (for picking and tests); empty for a track hidden by the cuts */
  readonly trackLines: readonly THREE.Vector3[][];
  /** where each LKr cluster, fired MUV3 tile and NewCHOD hit is drawn (picking); undefined when hidden */
  readonly markers: { readonly lkr: readonly (THREE.Vector3 | undefined)[]; readonly muv3: readonly (THREE.Vector3 | undefined)[]; readonly newchod: readonly (THREE.Vector3 | undefined)[] };
  /** the CDA_TAX segment as drawn (dump-mode two-track events) */
  readonly cdaSegment?: readonly [THREE.Vector3, THREE.Vector3];
  /** segments drawn, by kind (the stress test and the benchmark read them) */
  readonly counts: { readonly trackSegments: number; readonly hitSegments: number; readonly straws: number; readonly tiles: number };
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
  get segments(): number { return this.pos.length / 6; }
  geometry(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.pos, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(this.col, 3));
    return g;
  }
  /** instanced wide-line geometry: one instance per segment, so draw calls stay at one */
  wide(): LineSegmentsGeometry {
    const g = new LineSegmentsGeometry();
    if (this.pos.length) { g.setPositions(this.pos); g.setColors(this.col); }
    else g.instanceCount = 0;
    return g;
  }
}

const colour = (h: string) => new THREE.Color(h);
const v3 = (p: { x: number; y: number; z: number }) => new THREE.Vector3(p.x, p.y, p.z);

/** `analysis`: analyseEvent(ev), the engine's reconstruction of the event (vertex, track association, CDA_TAX). */
/**
 * Hits and clusters beyond which an event is not drawn (it is refused with a message): about 10
 * vertices each in a few shared buffers, so 10⁶ objects are some 100 MB of vertex data.
 */
export const MAX_DRAWN_OBJECTS = 1_000_000;

/** Hits and clusters of an event (what the drawing's buffers grow with). */
export function eventObjectCount(ev: Na62Event): number {
  return ev.tracks.length + ev.lkrClusters.length + ev.muv3Hits.length + ev.newchodHits.length + ev.lavHits.length + ev.anti0Hits.length + (ev.strawHits?.length ?? 0);
}

export function buildEventDrawing(ev: Na62Event, analysis: EventAnalysis, opts: DrawOptions = DEFAULT_DRAW): EventDrawing {
  const C = Object.fromEntries(Object.keys(EVENT_COLOURS).map((k) => [k, colour(eventColour(k as keyof typeof EVENT_COLOURS, opts.light))])) as Record<keyof typeof EVENT_COLOURS, THREE.Color>;
  const show = (c: Collection) => !opts.hidden[c];
  const inTime = (t: number) => opts.tWindow <= 0 || Math.abs(t) < opts.tWindow;
  const tracks = new SegmentBuffer(), hits = new SegmentBuffer(), straws = new SegmentBuffer(), truth = new SegmentBuffer();
  const vertex = analysis.vertex ? v3(analysis.vertex) : undefined;
  const useVertex = vertex && vertex.z > 20_000 && vertex.z < Z.straw1 - 100 ? vertex : undefined;
  const start = useVertex ? useVertex.z : Z.straw1 - 20_000;
  const firedTiles = ev.muv3Hits.map((h) => (show('muv3') && inTime(h.time) ? TILES.get(h.tile) : undefined));
  const trackLines: THREE.Vector3[][] = [];
  ev.tracks.forEach((t, k) => {
    const info = analysis.tracks[k];
    const p = info?.p ?? Math.hypot(t.px, t.py, t.pz);
    if (!show('tracks') || p < opts.pMin) { trackLines.push([]); return; }
    // drawn on to MUV3 exactly when the reconstruction matched it there (src-shared/physics/muv3-reach.ts)
    const toMuv3 = (info?.nmuv3 ?? 0) > 0;
    const line = trackPolyline(t, k < 5 ? start : Z.straw1 - 20_000, toMuv3);
    trackLines.push(line);
    tracks.polyline(line, trackColour(t, info, opts.colourBy));
  });
  if (ev.beamKaon && show('kaon')) {
    const k = ev.beamKaon;
    const kz = useVertex ? useVertex.z : Z.gtk3 + 30_000;
    const a = new THREE.Vector3(k.x, k.y, Z.gtk3);
    const b = new THREE.Vector3(k.x + (k.px / k.pz) * (kz - Z.gtk3), k.y + (k.py / k.pz) * (kz - Z.gtk3), kz);
    tracks.seg(new THREE.Vector3(k.x - (k.px / k.pz) * 22_800, k.y - (k.py / k.pz) * 22_800, 79_600), a, C.kaon);
    tracks.seg(a, b, C.kaon);
  }
  // vertex with its estimated resolution: ±σ bars along x, y and z
  if (analysis.vertex && useVertex && show('vertex')) {
    const { sigmaXY: sxy, sigmaZ } = analysis.vertex;
    const sz = Number.isFinite(sigmaZ) ? Math.min(sigmaZ, 50_000) : 0;
    const o = useVertex;
    tracks.seg(new THREE.Vector3(o.x - sxy, o.y, o.z), new THREE.Vector3(o.x + sxy, o.y, o.z), C.vertex);
    tracks.seg(new THREE.Vector3(o.x, o.y - sxy, o.z), new THREE.Vector3(o.x, o.y + sxy, o.z), C.vertex);
    if (sz > 0) tracks.seg(new THREE.Vector3(o.x, o.y, o.z - sz), new THREE.Vector3(o.x, o.y, o.z + sz), C.vertex);
  }
  let cdaSegment: [THREE.Vector3, THREE.Vector3] | undefined;
  if (analysis.tax && show('tax')) {
    const x = analysis.tax;
    tracks.seg(v3(x.lineFrom), v3(x.lineTo), C.tax);
    tracks.seg(v3(x.beamFrom), v3(x.beamTo), C.beam);
    cdaSegment = [v3(x.cdaFrom), v3(x.cdaTo)];
    tracks.seg(cdaSegment[0], cdaSegment[1], C.cda);
  }
  const lkrMarkers = ev.lkrClusters.map((c) => {
    if (!show('lkr') || !inTime(c.time)) return undefined;
    const h = 25 + 40 * Math.log10(1 + c.energy / 1000); // size grows with energy [display choice]
    hits.square(c.x, c.y, Z.lkr, h, C.lkr);
    hits.cross(c.x, c.y, Z.lkr, h * 0.5, C.lkr);
    return new THREE.Vector3(c.x, c.y, Z.lkr);
  });
  const newchodMarkers = ev.newchodHits.map((n) => {
    if (!show('newchod') || !inTime(n.time)) return undefined;
    hits.cross(n.x, n.y, Z.newchod, 40, C.newchod);
    return new THREE.Vector3(n.x, n.y, Z.newchod);
  });
  if (show('anti0')) for (const a of ev.anti0Hits) if (inTime(a.time)) hits.cross(a.x, a.y, Z.anti0, 60, C.anti0);
  if (show('lav')) for (const l of ev.lavHits) {
    if (!inTime(l.time)) continue;
    const r = LAV_R_MID[l.station - 1] ?? 1000, z = LAV_FRONT[l.station - 1] ?? 0;
    hits.cross(r * Math.cos(l.phi), r * Math.sin(l.phi), z, 90, C.lav);
  }
  if (show('straws')) for (const s of ev.strawHits ?? []) {
    const view = STRAW_VIEWS[s.view], chamberZ = STRAW_CHAMBER_Z[s.chamber];
    if (!view || chamberZ === undefined || !inTime(s.time)) continue;
    const { m, d } = STRAW_VIEW_AXES[view];
    const z = chamberZ + STRAW_VIEW_LOCAL_Z[view] + (STRAW_LAYERS[0]?.dz ?? 0);
    const half = STRAW_LENGTH / 2;
    straws.seg(new THREE.Vector3(s.coord * m[0] - half * d[0], s.coord * m[1] - half * d[1], z), new THREE.Vector3(s.coord * m[0] + half * d[0], s.coord * m[1] + half * d[1], z), C.straw);
  }
  const tilePos: number[] = [];
  const muv3Markers = firedTiles.map((tile) => {
    if (!tile) return undefined;
    const z = Z.muv3;
    for (const r of tile.rects) tilePos.push(r.x0, r.y0, z, r.x1, r.y0, z, r.x1, r.y1, z, r.x0, r.y0, z, r.x1, r.y1, z, r.x0, r.y1, z);
    const r0 = tile.rects[0]!;
    return new THREE.Vector3((r0.x0 + r0.x1) / 2, (r0.y0 + r0.y1) / 2, z);
  });
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
  if (useVertex) box.expandByPoint(useVertex);
  if (cdaSegment) box.expandByPoint(cdaSegment[0]).expandByPoint(cdaSegment[1]);
  return {
    tracks: tracks.wide(), hits: hits.wide(), straws: straws.geometry(), tiles, truth: truth.geometry(),
    ...(useVertex ? { vertex: useVertex } : {}), trackLines,
    markers: { lkr: lkrMarkers, muv3: muv3Markers, newchod: newchodMarkers },
    ...(cdaSegment ? { cdaSegment } : {}),
    counts: { trackSegments: tracks.segments, hitSegments: hits.segments, straws: straws.segments, tiles: tilePos.length / 18 },
    box,
  };
}

export function disposeEventDrawing(d: EventDrawing): void {
  d.tracks.dispose();
  d.hits.dispose();
  d.straws.dispose();
  d.tiles.dispose();
  d.truth.dispose();
}
