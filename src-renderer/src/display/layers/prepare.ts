/**
 * What several layers share, computed once per event and style: where the tracks start (the
 * reconstructed vertex when it lies in the decay volume), their drawn lines, the fired MUV3 tiles
 * and the CDA_TAX segment.
 */
import * as THREE from 'three';
import type { Na62Event } from '../../../../src-shared/event/model';
import { muv3Tiles, type Muv3Tile } from '../../../../src-shared/geometry/muv3';
import type { EventAnalysis } from '../../../../src-shared/event/analysis';
import type { EventStyle } from '../types';
import { trackPolyline, Z } from './track-line';

const TILES = new Map(muv3Tiles().map((t) => [t.id, t]));

export interface PreparedEvent {
  /** the reconstructed vertex where the tracks start (undefined outside the decay volume) */
  readonly vertex?: THREE.Vector3;
  /** per track its polyline; empty for a track hidden or cut */
  readonly trackLines: readonly (readonly THREE.Vector3[])[];
  /** per MUV3 hit its fired tile, undefined when hidden or out of time */
  readonly firedTiles: readonly (Muv3Tile | undefined)[];
  /** the CDA_TAX segment (dump-mode two-track events) */
  readonly cdaSegment?: readonly [THREE.Vector3, THREE.Vector3];
}

const v3 = (p: { x: number; y: number; z: number }) => new THREE.Vector3(p.x, p.y, p.z);

export function prepareEvent(ev: Na62Event, analysis: EventAnalysis, style: EventStyle): PreparedEvent {
  const show = (c: keyof EventStyle['hidden']) => !style.hidden[c];
  const inTime = (t: number) => style.tWindow <= 0 || Math.abs(t) < style.tWindow;
  const v = analysis.vertex ? v3(analysis.vertex) : undefined;
  const vertex = v && v.z > 20_000 && v.z < Z.straw1 - 100 ? v : undefined;
  const start = vertex ? vertex.z : Z.straw1 - 20_000;
  const firedTiles = ev.muv3Hits.map((h) => (show('muv3') && inTime(h.time) ? TILES.get(h.tile) : undefined));
  const trackLines = ev.tracks.map((t, k) => {
    const info = analysis.tracks[k];
    const p = info?.p ?? Math.hypot(t.px, t.py, t.pz);
    if (!show('tracks') || p < style.pMin) return [];
    // drawn on to MUV3 exactly when the reconstruction matched it there (src-shared/physics/muv3-reach.ts)
    const toMuv3 = (info?.nmuv3 ?? 0) > 0;
    return trackPolyline(t, k < 5 ? start : Z.straw1 - 20_000, toMuv3);
  });
  const tax = analysis.tax && show('tax') ? analysis.tax : undefined;
  return {
    ...(vertex ? { vertex } : {}), trackLines, firedTiles,
    ...(tax ? { cdaSegment: [v3(tax.cdaFrom), v3(tax.cdaTo)] as const } : {}),
  };
}

/** The event's box (NA62 mm): its tracks, vertex and CDA_TAX segment; what "fit to event" frames. */
export function preparedBox(p: PreparedEvent): THREE.Box3 {
  const box = new THREE.Box3();
  for (const l of p.trackLines) for (const q of l) box.expandByPoint(q);
  if (p.vertex) box.expandByPoint(p.vertex);
  if (p.cdaSegment) box.expandByPoint(p.cdaSegment[0]).expandByPoint(p.cdaSegment[1]);
  return box;
}
