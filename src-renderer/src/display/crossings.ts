/**
 * Where the tracks cross a beam's-eye station: a ring in the track's colour at each crossing
 * (seen end-on, a track would be a point the station's clip slab cuts away).
 */
import * as THREE from 'three';
import { scaleTopFor, trackColour } from './colours';
import { SegmentBuffer, wideLines } from './layers/draw-kit';
import type { PreparedEvent } from './layers/prepare';
import type { DisplaySnapshot } from './types';
import { crossingPoints } from './framing';

/**
 * `radius`: of the rings, mm (a few px at the view's zoom); `width`: px. Used by pictures and by the
 * screen's beam's eye (views/BeamCrossings.tsx); `points`: the centres (mm), one per ring.
 */
export function trackCrossings(snap: Pick<DisplaySnapshot, 'event' | 'analysis' | 'style'>, prepared: PreparedEvent, z0: number, z1: number, radius: number, width: number) {
  const ev = snap.event;
  if (!ev) return undefined;
  const zc = (z0 + z1) / 2;
  const buf = new SegmentBuffer();
  const pMax = scaleTopFor(ev.tracks, snap.style);
  const points = crossingPoints(prepared.trackLines, zc);
  for (const { track: k, x, y } of points) {
    const c = trackColour(ev.tracks[k]!, snap.analysis?.tracks[k], snap.style.colourBy, snap.style.light, pMax, snap.style.palette);
    for (let j = 0; j < 24; j++) {
      const u = (2 * Math.PI * j) / 24, v = (2 * Math.PI * (j + 1)) / 24;
      buf.seg(new THREE.Vector3(x + radius * Math.cos(u), y + radius * Math.sin(u), 0), new THREE.Vector3(x + radius * Math.cos(v), y + radius * Math.sin(v), 0), c);
    }
  }
  if (!buf.segments) return undefined;
  const { object, material } = wideLines(buf, { width, renderOrder: 12, name: 'tracks' });
  return { object, material, points, dispose: () => { object.geometry.dispose(); material.dispose(); } };
}
