/** The static detector drawn in the scene: one group per element, compressed along z. */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { createElementMaterials, type ElementMaterials } from '../geometry/materials';
import { isShown, useViewStore, type Theme } from '../state/view-store';

function disposeMaterials(m: ElementMaterials): void {
  m.faces?.dispose();
  m.lines?.dispose();
  m.point?.dispose();
}

/**
 * @param unmerged benchmark baseline only: draw every part as its own object, as a display without
 *   merging or instancing would (one draw call per straw, tile, block and station).
 */
export function DetectorScene({ model, unmerged = false }: { model: DetectorModel; unmerged?: boolean }) {
  const theme: Theme = useViewStore((s) => s.theme);
  const compression = useViewStore((s) => s.compression);
  const shown = useViewStore((s) => s.shown);

  const materials = useMemo(
    () => new Map(model.elements.map(({ element, geometry }) => [element.id, createElementMaterials(element.colour, geometry.style, theme, element.shape.kind === 'straw')])),
    [model, theme],
  );
  useEffect(() => () => materials.forEach(disposeMaterials), [materials]);

  const points = useMemo(() => {
    const m = new Map<string, THREE.BufferGeometry>();
    for (const { element, geometry } of model.elements) if (geometry.point) m.set(element.id, new THREE.BufferGeometry().setFromPoints([geometry.point]));
    return m;
  }, [model]);
  useEffect(() => () => points.forEach((g) => g.dispose()), [points]);

  return (
    <group name="detector" scale={[1, 1, 1 / compression]}>
      {model.elements.map(({ element, geometry }) => {
        const mat = materials.get(element.id)!;
        const translucent = geometry.style === 'translucent';
        if (unmerged && geometry.separateParts) {
          const isLines = element.shape.kind === 'straw';
          return (
            <group key={element.id} name={element.id} position-z={geometry.originZ} visible={isShown(shown, element.id, element.visibleByDefault)}>
              {geometry.separateParts.map((g, i) =>
                isLines ? <lineSegments key={i} geometry={g} material={mat.lines} /> : <mesh key={i} geometry={g} material={mat.faces} renderOrder={translucent ? 2 : 0} />,
              )}
            </group>
          );
        }
        return (
          <group key={element.id} name={element.id} position-z={geometry.originZ} visible={isShown(shown, element.id, element.visibleByDefault)}>
            {geometry.faces && mat.faces && (
              <mesh geometry={geometry.faces} material={mat.faces} renderOrder={translucent ? 2 : 0} matrixAutoUpdate={false} />
            )}
            {geometry.lines && mat.lines && (
              <lineSegments geometry={geometry.lines} material={mat.lines} renderOrder={translucent ? 3 : 1} matrixAutoUpdate={false} />
            )}
            {points.get(element.id) && mat.point && <points geometry={points.get(element.id)} material={mat.point} renderOrder={4} />}
          </group>
        );
      })}
    </group>
  );
}
