/** The current event drawn over the detector, in the same compressed frame; rebuilt per event, the detector is not. */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { useDataStore } from '../state/data-store';
import { useViewStore } from '../state/view-store';
import { buildEventDrawing, disposeEventDrawing, EVENT_COLOURS } from '../event/event-geometry';

export function EventOverlay() {
  const event = useDataStore((s) => s.event);
  const showTruth = useDataStore((s) => s.showTruth);
  const k = useViewStore((s) => s.compression);
  const drawing = useMemo(() => (event ? buildEventDrawing(event) : undefined), [event]);
  useEffect(() => () => { if (drawing) disposeEventDrawing(drawing); }, [drawing]);
  const materials = useMemo(() => ({
    // drawn over the detector: no depth test against it, so tracks inside the vessel stay visible
    tracks: new THREE.LineBasicMaterial({ vertexColors: true, depthTest: false, transparent: true }),
    hits: new THREE.LineBasicMaterial({ vertexColors: true, depthTest: false, transparent: true, opacity: 0.9 }),
    straws: new THREE.LineBasicMaterial({ color: EVENT_COLOURS.straw, depthTest: false, transparent: true, opacity: 0.3 }),
    tiles: new THREE.MeshBasicMaterial({ color: EVENT_COLOURS.muv3, side: THREE.DoubleSide, depthTest: false, transparent: true, opacity: 0.85 }),
    truth: new THREE.LineDashedMaterial({ color: EVENT_COLOURS.truth, dashSize: 400, gapSize: 250, depthTest: false, transparent: true }),
    vertex: new THREE.PointsMaterial({ color: EVENT_COLOURS.vertex, size: 8, sizeAttenuation: false, depthTest: false, transparent: true }),
  }), []);
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  const vertexGeom = useMemo(() => (drawing?.vertex ? new THREE.BufferGeometry().setFromPoints([drawing.vertex]) : undefined), [drawing]);
  useEffect(() => () => vertexGeom?.dispose(), [vertexGeom]);
  if (!drawing) return null;
  return (
    <group name="event" scale={[1, 1, 1 / k]} renderOrder={10}>
      <lineSegments geometry={drawing.straws} material={materials.straws} renderOrder={10} />
      <lineSegments geometry={drawing.hits} material={materials.hits} renderOrder={10} />
      <mesh geometry={drawing.tiles} material={materials.tiles} renderOrder={11} />
      <lineSegments geometry={drawing.tracks} material={materials.tracks} renderOrder={12} />
      {showTruth && <lineSegments geometry={drawing.truth} material={materials.truth} renderOrder={13} onUpdate={(o) => o.computeLineDistances()} />}
      {vertexGeom && <points geometry={vertexGeom} material={materials.vertex} renderOrder={14} />}
    </group>
  );
}
