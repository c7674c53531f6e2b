/** Which drawn object is under the pointer: nearest projected track segment or marker within a tolerance (CSS px). */
import { pickables, type EventScene } from './event-scene';
import type { ScreenPoint, ScreenProjector } from './projection';
import type { PickRef } from './types';

function distToSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): number {
  const dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function nearestPick(scene: EventScene, project: ScreenProjector, at: ScreenPoint, tolerance: number): PickRef | undefined {
  let best: PickRef | undefined, bestD = tolerance;
  const all = pickables(scene);
  // markers first, with a small bonus: a cluster on top of its track should be pickable
  for (const { ref, shape } of all.filter((p) => p.marker)) {
    const s = project(shape[0]!);
    if (!s) continue;
    const dist = Math.hypot(s.x - at.x, s.y - at.y) - 2;
    if (dist < bestD) { bestD = dist; best = ref; }
  }
  for (const { ref, shape } of all.filter((p) => !p.marker)) {
    for (let i = 1; i < shape.length; i++) {
      const a = project(shape[i - 1]!), b = project(shape[i]!);
      if (!a || !b) continue;
      const dist = distToSegment(at, a, b);
      if (dist < bestD) { bestD = dist; best = ref; }
    }
  }
  return best;
}
