/**
 * The drawn line of a reconstructed track: the one place the drawing extrapolates a track through
 * the MNP33 kink (the shared physics helper replaces this body alone).
 */
import * as THREE from 'three';
import type { StrawTrack } from '../../../../src-shared/event/model';
import { Z_PLANE } from '../../../../src-shared/geometry/planes';

export const Z = Z_PLANE;

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

/** Where a track's line reaches the MUV3 plane (the drawing's reach rule: a fired tile within 300 mm). */
export function trackAtMuv3(t: StrawTrack): { x: number; y: number } {
  const line = trackPolyline(t, Z.straw1, true);
  const p = line[line.length - 1]!;
  return { x: p.x, y: p.y };
}
