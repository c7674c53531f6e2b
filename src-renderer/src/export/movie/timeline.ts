/**
 * The pure parts of an event movie: when the build-up's front reaches which z, and where the
 * turntable's camera is. No WebGL, no DOM (unit-tested in Node).
 *
 * The build-up follows the event in time. Every particle drawn moves at β ≈ 1 along z (the beam
 * kaon at 75 GeV/c, its daughters at ≥ 5 GeV/c; transverse angles < 10 mrad, G§1), so the time at
 * which the event reaches a point is (z − z_start) / c to better than 10⁻⁴: a front in z is a front
 * in time. Tracks grow from the vertex (the beam kaon from GTK3 towards it), and each hit lights up
 * when the front, i.e. its track, reaches the hit's z. The spread of the reconstructed times
 * (a few ns) is small against the ≈ 500 ns of flight from GTK3 to MUV3 and is not drawn.
 */
import * as THREE from 'three';

/** the speed of light, mm/ns */
export const C_MM_PER_NS = 299.792458;

/** Fractions of the movie: nothing of the event yet, the front moving, then the whole event held. */
export const BUILDUP_PHASES = { lead: 0.08, grow: 0.72 } as const;

export interface BuildUpSchedule {
  /** mm: where the front starts (the event's most upstream point) and ends (its most downstream) */
  readonly zStart: number;
  readonly zEnd: number;
  /** the front (NA62 mm) at movie time t (s): below zStart during the lead, zEnd from the hold on */
  front(t: number): number;
  /** ns since the front left zStart, at movie time t; negative during the lead */
  elapsedNs(t: number): number;
  /** has the front reached z (mm) at movie time t? */
  reached(z: number, t: number): boolean;
  /** the event is complete (the hold): layers that are not in time (the CDA_TAX construction) appear */
  complete(t: number): boolean;
}

/**
 * The schedule of a build-up from the event's z extent (mm) over a movie of `duration` s. The
 * front moves at constant speed (the particles' speed, c): equal movie time, equal flight time.
 */
export function buildUpSchedule(zStart: number, zEnd: number, duration: number): BuildUpSchedule {
  if (!(Number.isFinite(zStart) && Number.isFinite(zEnd) && zEnd > zStart)) throw new Error(`build-up: the event has no extent in z (${zStart}…${zEnd} mm)`);
  if (!(duration > 0)) throw new Error(`build-up: duration must be positive, got ${duration}`);
  const lead = BUILDUP_PHASES.lead * duration, grow = BUILDUP_PHASES.grow * duration;
  const u = (t: number) => (t - lead) / grow;
  const front = (t: number) => {
    const f = u(t);
    if (f < 0) return zStart - 1; // nothing yet: not even the first point
    return f >= 1 ? zEnd : zStart + f * (zEnd - zStart);
  };
  return {
    zStart, zEnd, front,
    elapsedNs: (t) => (u(t) < 0 ? u(t) * (zEnd - zStart) : front(t) - zStart) / C_MM_PER_NS,
    reached: (z, t) => front(t) >= z,
    complete: (t) => u(t) >= 1,
  };
}

/** The event's z extent (mm) from its drawn lines and hit positions; what the front sweeps. */
export function zExtent(points: Iterable<{ z: number }>): { zStart: number; zEnd: number } {
  let zStart = Infinity, zEnd = -Infinity;
  for (const p of points) { if (Number.isFinite(p.z)) { zStart = Math.min(zStart, p.z); zEnd = Math.max(zEnd, p.z); } }
  return { zStart, zEnd };
}

/**
 * The turntable's camera distance from its centre so that a sphere of `radius` stays inside the
 * frame at every angle: the sphere's tangent cone fits the narrower of the two fields of view.
 */
export function orbitDistance(radius: number, fovYDeg: number, aspect: number, margin = 1.08): number {
  const half = THREE.MathUtils.degToRad(fovYDeg) / 2;
  const halfX = Math.atan(Math.tan(half) * aspect);
  return (radius * margin) / Math.sin(Math.min(half, halfX));
}

/**
 * The camera of frame i of n: a full turn about the vertical (y) axis through `centre`, starting
 * from `start` (its height above the centre kept), at constant angular speed. Frame n would be
 * frame 0 again, so the movie loops without a repeated frame.
 */
export function orbitPosition(centre: THREE.Vector3, start: THREE.Vector3, i: number, n: number): THREE.Vector3 {
  const angle = (2 * Math.PI * i) / n;
  const off = start.clone().sub(centre).applyAxisAngle(new THREE.Vector3(0, 1, 0), angle);
  return centre.clone().add(off);
}

/**
 * The turntable's first camera position: from the direction of `from` (the 3D view's usual camera,
 * upstream, above, on the −x side) at `distance` from the centre, with its elevation held between
 * 12° and 35° so the beam line reads as a line and the event is seen from above.
 */
export function orbitStart(centre: THREE.Vector3, from: THREE.Vector3, distance: number): THREE.Vector3 {
  const d = from.clone().sub(centre);
  const horiz = Math.hypot(d.x, d.z) || 1;
  const elev = THREE.MathUtils.clamp(Math.atan2(d.y, horiz), THREE.MathUtils.degToRad(12), THREE.MathUtils.degToRad(35));
  const az = Math.atan2(d.x, d.z);
  return centre.clone().add(new THREE.Vector3(Math.sin(az) * Math.cos(elev), Math.sin(elev), Math.cos(az) * Math.cos(elev)).multiplyScalar(distance));
}
