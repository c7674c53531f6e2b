/**
 * In the beam's-eye view a tube (vessel, beam pipe, RICH) is seen end-on and its walls vanish;
 * draw its cross-section at the station instead, plus a cross on the nominal beam axis.
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { createEdgeMaterial } from '../geometry/materials';
import { circleSegments } from '../geometry/shapes';
import { isShown, useViewStore } from '../state/view-store';

function ring(x: number, y: number, r: number, z: number, out: number[]): void {
  const n = circleSegments(r);
  for (let i = 0; i < n; i++) {
    const a0 = (2 * Math.PI * i) / n, a1 = (2 * Math.PI * (i + 1)) / n;
    out.push(x + r * Math.cos(a0), y + r * Math.sin(a0), z, x + r * Math.cos(a1), y + r * Math.sin(a1), z);
  }
}

/** Line segments (NA62 mm, z relative to zAt) of every shown tube's wall where it crosses zAt. */
export function tubeCrossSections(model: DetectorModel, shown: Record<string, boolean>, zAt: number): { positions: Float32Array; colour: string }[] {
  const out: { positions: Float32Array; colour: string }[] = [];
  for (const { element } of model.elements) {
    if (element.shape.kind !== 'tube' || !isShown(shown, element.id, element.visibleByDefault)) continue;
    const sec = element.shape.sections.find((s) => s.z0 <= zAt && zAt < s.z1);
    if (!sec) continue;
    const t = (zAt - sec.z0) / (sec.z1 - sec.z0);
    const x = (sec.x ?? 0) + ((sec.x1 ?? sec.x ?? 0) - (sec.x ?? 0)) * t, y = sec.y ?? 0;
    const pts: number[] = [];
    ring(x, y, sec.rInner, 0, pts);
    ring(x, y, sec.rOuter, 0, pts);
    out.push({ positions: new Float32Array(pts), colour: element.colour });
  }
  return out;
}

export function BeamSectionOverlay({ model }: { model: DetectorModel }) {
  const mode = useViewStore((s) => s.mode);
  const station = useViewStore((s) => s.beamStation);
  const shown = useViewStore((s) => s.shown);
  const k = useViewStore((s) => s.compression);
  const theme = useViewStore((s) => s.theme);
  const el = model.byId.get(station)?.element;
  const zAt = el ? (el.z0 + el.z1) / 2 : 0;

  const objects = useMemo(() => {
    if (mode !== 'beam' || !el) return [];
    const secs = tubeCrossSections(model, shown, zAt).map(({ positions, colour }) => {
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
      return new THREE.LineSegments(g, createEdgeMaterial(colour, 0.9));
    });
    const c = 40; // mm: a cross marking x = y = 0, the nominal beam axis
    const cross = new THREE.BufferGeometry();
    cross.setAttribute('position', new THREE.BufferAttribute(new Float32Array([-c, 0, 0, c, 0, 0, 0, -c, 0, 0, c, 0]), 3));
    secs.push(new THREE.LineSegments(cross, createEdgeMaterial(theme === 'dark' ? '#ff8080' : '#c62828', 1)));
    return secs;
  }, [mode, el, model, shown, zAt, theme]);

  useEffect(() => () => {
    for (const o of objects) {
      o.geometry.dispose();
      (o.material as THREE.Material).dispose();
    }
  }, [objects]);

  if (!objects.length) return null;
  // drawn at the station's upstream face, inside the clip slab
  return (
    <group name="beam-sections" position-z={(el!.z0 - 1) / k} renderOrder={5}>
      {objects.map((o) => <primitive key={o.uuid} object={o} />)}
    </group>
  );
}
