/**
 * The drawn line of a reconstructed track: the shared track line through the MNP33 kink
 * (src-shared/physics/track-line.ts, the one the response and the reconstruction use), sampled at
 * the planes the drawing needs.
 */
import * as THREE from 'three';
import type { StrawTrack } from '../../../../src-shared/event/model';
import { Z_PLANE } from '../../../../src-shared/geometry/planes';
import { kinkedLineAt, trackLine } from '../../../../src-shared/physics/track-line';

export const Z = Z_PLANE;

/** The polyline of a reconstructed track: start → STRAW1 → MNP33 (kink) → LKr, and on to MUV3 when the reconstruction matched it there. */
export function trackPolyline(t: StrawTrack, start: number, toMuv3: boolean): THREE.Vector3[] {
  const line = trackLine(t);
  const at = (z: number) => { const q = kinkedLineAt(line, z); return new THREE.Vector3(q.x, q.y, z); };
  const pts = [at(start), at(Z.straw1), at(Z.mnp33), at(Z.straw4), at(Z.lkr)];
  if (toMuv3) pts.push(at(Z.muv3));
  return pts;
}
