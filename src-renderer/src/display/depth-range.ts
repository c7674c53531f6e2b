/**
 * Near and far planes from the scene, so that nothing clips at any zoom. With the logarithmic
 * depth buffer the near plane may be tiny, but it must never be zero or behind the camera.
 */
export interface Box {
  readonly min: readonly [number, number, number];
  readonly max: readonly [number, number, number];
}

export function depthRange(camera: readonly [number, number, number], box: Box, minNear = 0.1): { near: number; far: number } {
  let nearest2 = 0, farthest2 = 0;
  for (let i = 0; i < 3; i++) {
    const c = camera[i]!, lo = box.min[i]!, hi = box.max[i]!;
    const dNear = c < lo ? lo - c : c > hi ? c - hi : 0;
    const dFar = Math.max(Math.abs(c - lo), Math.abs(c - hi));
    nearest2 += dNear * dNear;
    farthest2 += dFar * dFar;
  }
  const far = Math.max(Math.sqrt(farthest2) * 1.05, minNear * 10);
  const near = Math.max(minNear, Math.sqrt(nearest2) * 0.5, far * 1e-7);
  return { near, far };
}
