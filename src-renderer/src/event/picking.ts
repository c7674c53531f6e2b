/** Which drawn object is under the pointer: nearest projected track segment or marker within a tolerance (CSS px). */
import type { EventDrawing } from './event-geometry';
import type { PickRef } from '../state/event-display-store';

export interface ScreenPoint { readonly x: number; readonly y: number }
/** NA62 mm → canvas CSS px, or undefined when behind the camera */
export type ScreenProjector = (p: { x: number; y: number; z: number }) => ScreenPoint | undefined;

function distToSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): number {
  const dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function nearestPick(d: EventDrawing, project: ScreenProjector, at: ScreenPoint, tolerance: number): PickRef | undefined {
  let best: PickRef | undefined, bestD = tolerance;
  // markers first get a small bonus: a cluster on top of its track should be pickable
  const markers: [PickRef['kind'], readonly ({ x: number; y: number; z: number } | undefined)[]][] = [['lkr', d.markers.lkr], ['muv3', d.markers.muv3], ['newchod', d.markers.newchod]];
  for (const [kind, list] of markers) list.forEach((m, index) => {
    const s = m && project(m);
    if (!s) return;
    const dist = Math.hypot(s.x - at.x, s.y - at.y) - 2;
    if (dist < bestD) { bestD = dist; best = { kind, index }; }
  });
  d.trackLines.forEach((line, index) => {
    for (let i = 1; i < line.length; i++) {
      const a = project(line[i - 1]!), b = project(line[i]!);
      if (!a || !b) continue;
      const dist = distToSegment(at, a, b);
      if (dist < bestD) { bestD = dist; best = { kind: 'track', index }; }
    }
  });
  return best;
}
