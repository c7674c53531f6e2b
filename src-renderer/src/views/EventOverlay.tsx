/**
 * The current event drawn over the detector, in the same compressed frame; rebuilt per event (the
 * detector is not). Tracks are wide instanced lines (one draw call however many), hover highlights
 * and click picks objects by their projected screen position, and the CDA_TAX value is labelled.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import * as THREE from 'three';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { useDataStore } from '../state/data-store';
import { useViewStore } from '../state/view-store';
import { useEventDisplayStore, type PickRef } from '../state/event-display-store';
import { buildEventDrawing, disposeEventDrawing, eventColour, type EventDrawing } from '../event/event-geometry';
import { nearestPick, type ScreenProjector } from '../event/picking';
import { useEventLabelStore, type EventLabel } from './event-label-store';
import { markEventDrawn } from './render-log';
import { textBox } from './label-layout';

let currentDrawing: EventDrawing | undefined;
let currentEvent: unknown;
/** The drawing on screen (test hooks, fit-to-event). */
export const getEventDrawing = (): EventDrawing | undefined => currentDrawing;
/** The event the drawing on screen was built from (picture export waits for it after stepping). */
export const getDrawnEvent = (): unknown => currentEvent;

/** Project NA62 millimetres to canvas CSS pixels under the current compression and camera. */
export function makeProjector(camera: THREE.Camera, size: { width: number; height: number }, k: number): ScreenProjector {
  const v = new THREE.Vector3();
  return (p) => {
    v.set(p.x, p.y, p.z / k).project(camera);
    if (v.z > 1 || v.z < -1) return undefined;
    return { x: ((v.x + 1) / 2) * size.width, y: ((1 - v.y) / 2) * size.height };
  };
}

export function EventOverlay() {
  const event = useDataStore((s) => s.event);
  const analysis = useDataStore((s) => s.analysis);
  const showTruth = useDataStore((s) => s.showTruth);
  const k = useViewStore((s) => s.compression);
  const light = useViewStore((s) => s.theme) === 'light';
  const { colourBy, hidden, pMin, tWindow, trackWidth, hovered, picked } = useEventDisplayStore();
  const { size, camera, gl, invalidate } = useThree();
  const drawing = useMemo(
    () => (event && analysis ? buildEventDrawing(event, analysis, { colourBy, hidden, pMin, tWindow, light }) : undefined),
    [event, analysis, colourBy, hidden, pMin, tWindow, light],
  );
  useEffect(() => {
    currentDrawing = drawing;
    currentEvent = drawing ? event : undefined;
    return () => { if (drawing) disposeEventDrawing(drawing); if (currentDrawing === drawing) { currentDrawing = undefined; currentEvent = undefined; } };
  }, [drawing, event]);

  const materials = useMemo(() => ({
    // drawn over the detector: no depth test against it, so tracks inside the vessel stay visible
    // widths (px) are set below from the canvas and the user's track width
    tracks: new LineMaterial({ vertexColors: true, depthTest: false, transparent: true }),
    hits: new LineMaterial({ vertexColors: true, depthTest: false, transparent: true, opacity: 0.95 }),
    highlight: new LineMaterial({ color: light ? 0x111820 : 0xffffff, depthTest: false, transparent: true, opacity: 0.55 }),
    straws: new THREE.LineBasicMaterial({ color: eventColour('straw', light), depthTest: false, transparent: true, opacity: 0.3 }),
    tiles: new THREE.MeshBasicMaterial({ color: eventColour('muv3', light), side: THREE.DoubleSide, depthTest: false, transparent: true, opacity: 0.85 }),
    truth: new THREE.LineDashedMaterial({ color: eventColour('truth', light), dashSize: 400, gapSize: 250, depthTest: false, transparent: true }),
    vertex: new THREE.PointsMaterial({ color: eventColour('vertex', light), size: 9, sizeAttenuation: false, depthTest: false, transparent: true }),
  }), [light]);
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  // wide lines are sized in pixels: they need the drawing buffer's size
  useEffect(() => {
    const dpr = gl.getPixelRatio();
    for (const m of [materials.tracks, materials.hits, materials.highlight]) m.resolution.set(size.width * dpr, size.height * dpr);
    materials.tracks.linewidth = trackWidth * dpr;
    materials.hits.linewidth = 1.6 * dpr;
    materials.highlight.linewidth = (trackWidth + 4) * dpr;
    invalidate();
  }, [size, gl, materials, trackWidth, invalidate]);

  const objects = useMemo(() => {
    if (!drawing) return undefined;
    const tracks = new LineSegments2(drawing.tracks, materials.tracks);
    const hits = new LineSegments2(drawing.hits, materials.hits);
    tracks.renderOrder = 12; hits.renderOrder = 10;
    tracks.name = 'tracks'; hits.name = 'hits'; // the SVG export and the glTF export find them by name
    tracks.frustumCulled = false; hits.frustumCulled = false; // their bounds are in the uncompressed frame
    const key = event ? `${event.header.run}:${event.header.burst}:${event.header.event}` : '';
    tracks.onBeforeRender = () => markEventDrawn(key);
    return { tracks, hits };
  }, [drawing, materials, event]);

  // the hovered or picked track, drawn wider beneath its colour
  const highlight = useMemo(() => {
    const ref = hovered ?? picked;
    const pts: number[] = [];
    if (drawing && ref?.kind === 'track') {
      const l = drawing.trackLines[ref.index] ?? [];
      for (let i = 1; i < l.length; i++) pts.push(l[i - 1]!.x, l[i - 1]!.y, l[i - 1]!.z, l[i]!.x, l[i]!.y, l[i]!.z);
    }
    const g = new LineSegmentsGeometry();
    if (pts.length) g.setPositions(pts); else g.instanceCount = 0;
    const o = new LineSegments2(g, materials.highlight);
    o.renderOrder = 11; o.frustumCulled = false;
    return o;
  }, [drawing, hovered, picked, materials]);
  useEffect(() => () => highlight.geometry.dispose(), [highlight]);

  const vertexGeom = useMemo(() => (drawing?.vertex && !hidden.vertex ? new THREE.BufferGeometry().setFromPoints([drawing.vertex]) : undefined), [drawing, hidden.vertex]);
  useEffect(() => () => vertexGeom?.dispose(), [vertexGeom]);

  // hover and click: nearest object on screen within a few pixels
  const down = useRef<{ x: number; y: number } | undefined>(undefined);
  useEffect(() => {
    const el = gl.domElement;
    let raf = 0;
    const at = (e: PointerEvent | MouseEvent): PickRef | undefined => {
      const d = currentDrawing;
      if (!d) return undefined;
      const r = el.getBoundingClientRect();
      return nearestPick(d, makeProjector(camera, size, useViewStore.getState().compression), { x: e.clientX - r.left, y: e.clientY - r.top }, 8);
    };
    const same = (a?: PickRef, b?: PickRef) => a?.kind === b?.kind && a?.index === b?.index;
    const onMove = (e: PointerEvent) => {
      if (e.buttons) return;
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => {
        const h = at(e);
        if (!same(h, useEventDisplayStore.getState().hovered)) { useEventDisplayStore.setState({ hovered: h }); el.style.cursor = h ? 'pointer' : ''; }
      });
    };
    const onDown = (e: PointerEvent) => { down.current = { x: e.clientX, y: e.clientY }; };
    const onClick = (e: MouseEvent) => {
      const d0 = down.current;
      if (d0 && Math.hypot(e.clientX - d0.x, e.clientY - d0.y) > 4) return; // a drag of the camera, not a pick
      const p = at(e);
      useEventDisplayStore.setState({ picked: p });
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('click', onClick);
    return () => {
      cancelAnimationFrame(raf);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('click', onClick);
    };
  }, [gl, camera, size]);

  // the CDA_TAX value, labelled at the segment on screen
  useFrame(() => {
    const seg = drawing?.cdaSegment;
    // the element labels are laid out around this one in the frame before: when it moves, draw one more
    const set = (l: EventLabel | undefined) => { if (useEventLabelStore.getState().set(l)) invalidate(); };
    if (!seg || !analysis?.tax) { set(undefined); return; }
    const proj = makeProjector(camera, size, useViewStore.getState().compression);
    const a = proj(seg[0]), b = proj(seg[1]);
    if (!a || !b) { set(undefined); return; }
    const text = `CDA_TAX ${analysis.tax.cdaTax.toFixed(1)} mm · Z_TAX ${(analysis.tax.zTax / 1000).toFixed(1)} m`;
    // kept whole on the canvas when the segment lies near its edge (Z_TAX upstream of the target)
    const half = textBox(text, 0, 0, true).x1 + 4;
    set({ x: Math.min(size.width - half, Math.max(half, (a.x + b.x) / 2)), y: Math.max(14, Math.min(a.y, b.y) - 10), text });
  });
  useEffect(() => () => { useEventLabelStore.getState().set(undefined); }, []);

  if (!drawing || !objects) return null;
  return (
    <group name="event" scale={[1, 1, 1 / k]} renderOrder={10}>
      <lineSegments name="straws" geometry={drawing.straws} material={materials.straws} renderOrder={10} />
      <primitive object={objects.hits} />
      <mesh geometry={drawing.tiles} material={materials.tiles} renderOrder={11} />
      <primitive object={highlight} />
      <primitive object={objects.tracks} />
      {showTruth && <lineSegments geometry={drawing.truth} material={materials.truth} renderOrder={13} onUpdate={(o) => o.computeLineDistances()} />}
      {vertexGeom && <points geometry={vertexGeom} material={materials.vertex} renderOrder={14} />}
    </group>
  );
}
