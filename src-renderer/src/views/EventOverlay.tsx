/**
 * The current event over the detector: a thin adapter that builds the display core's event scene
 * (one layer per collection, at the screen's pixel scale) and mounts it; hover and click pick
 * objects by their projected screen position, and the CDA_TAX value is placed by the core.
 */
import { useContext, useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { useLiveView, useData, useEventDisplay, useStores, useView, useViewport, useViewportStore, useViews } from '../state/AppProvider';
import { ViewportContext } from './ViewportContext';
import { buildEventScene } from '../display/event-scene';
import { shaderWarmup } from '../display/shader-warmup';
import { useFileScaleTop } from '../state/use-file-scale-top';
import { nearestPick } from '../display/picking';
import { makeProjector } from '../display/projection';
import { cdaTaxLabel, trackSegmentsOnScreen } from '../display/labels';
import { SCREEN_SCALE, type EventStyle, type PickRef } from '../display/types';
import { BeamCrossings } from './BeamCrossings';
import { groupScale, snapshotScale } from '../display/display-scale';
import { taxInset } from '../display/tax-inset';
import type { EventLabel } from './event-label-store';
import type { DetectorModel } from '../geometry/detector-model';

export function EventOverlay({ model }: { model: DetectorModel }) {
  const stores = useStores();
  const live = useLiveView();
  const views = useViews();
  const entry = useContext(ViewportContext);
  // this view's own mode (several views at once): the window's view store mirrors the active view's
  const viewport = useViewportStore();
  const event = useData((s) => s.event);
  const analysis = useData((s) => s.analysis);
  const showTruth = useData((s) => s.showTruth);
  const mode = useViewport((s) => s.mode);
  const k = useView((s) => s.compression);
  const magnification = useView((s) => s.magnification);
  const insetOn = useView((s) => s.taxInset);
  const scale = groupScale(snapshotScale({ mode, compression: k, magnification }));
  const light = useView((s) => s.theme) === 'light';
  const colourBy = useEventDisplay((s) => s.colourBy);
  const hidden = useEventDisplay((s) => s.hidden);
  const pMin = useEventDisplay((s) => s.pMin);
  const tWindow = useEventDisplay((s) => s.tWindow);
  const trackWidth = useEventDisplay((s) => s.trackWidth);
  const pMax = useFileScaleTop();
  const palette = useEventDisplay((s) => s.palette);
  const hovered = useEventDisplay((s) => s.hovered);
  const picked = useEventDisplay((s) => s.picked);
  const { size, camera, gl, invalidate, scene } = useThree();
  const dpr = gl.getPixelRatio();
  // the event's shader programs compile while the view waits for its first event (display/shader-warmup.ts)
  useEffect(() => {
    const warm = shaderWarmup(SCREEN_SCALE(gl.getPixelRatio(), 1));
    gl.compileAsync(warm.group, camera, scene).catch(() => {}); // a failure only loses the head start
    return () => warm.dispose();
  }, [gl, camera, scene]);

  const style = useMemo<EventStyle>(() => ({ colourBy, hidden, pMin, tWindow, showTruth, light, palette, ...(pMax !== undefined ? { pMax } : {}) }), [colourBy, hidden, pMin, tWindow, showTruth, light, palette, pMax]);
  const drawn = useMemo(
    () => (event && analysis ? buildEventScene(event, analysis, style, SCREEN_SCALE(dpr, trackWidth)) : undefined),
    [event, analysis, style, dpr, trackWidth],
  );
  useEffect(() => {
    live.eventScene = drawn;
    live.drawnEvent = drawn ? event : undefined;
    return () => {
      drawn?.dispose();
      if (live.eventScene === drawn) { live.eventScene = undefined; live.drawnEvent = undefined; }
    };
  }, [drawn, event, live]);
  // wide lines are sized in px of the drawing buffer
  useEffect(() => { drawn?.setResolution(size.width * dpr, size.height * dpr); invalidate(); }, [drawn, size, dpr, invalidate]);
  const key = event ? `${event.header.run}:${event.header.burst}:${event.header.event}` : '';
  useFrame(() => { if (drawn) live.log.markEventDrawn(key); });

  // the hovered or picked track, drawn wider beneath its colour
  const highlight = useMemo(() => {
    const ref = hovered ?? picked;
    const l = drawn && ref?.kind === 'tracks' ? drawn.prepared.trackLines[ref.index] ?? [] : [];
    if (l.length < 2) return undefined;
    const pts: number[] = [];
    for (let i = 1; i < l.length; i++) pts.push(l[i - 1]!.x, l[i - 1]!.y, l[i - 1]!.z, l[i]!.x, l[i]!.y, l[i]!.z);
    const g = new LineSegmentsGeometry();
    g.setPositions(pts);
    const m = new LineMaterial({ color: light ? 0x111820 : 0xffffff, depthTest: false, transparent: true, opacity: 0.55, linewidth: (trackWidth + 4) * dpr });
    const o = new LineSegments2(g, m);
    o.renderOrder = 11; o.frustumCulled = false;
    return o;
  }, [drawn, hovered, picked, light, trackWidth, dpr]);
  // a picked cluster, hit or vertex: ringed in every view (a track is widened above)
  const marker = useMemo(() => {
    const shape = drawn && picked && picked.kind !== 'tracks' ? drawn.layers.get(picked.kind)?.picks[picked.index] : undefined;
    if (!shape?.length) return undefined;
    const g = new THREE.BufferGeometry().setFromPoints(shape.map((p) => new THREE.Vector3(p.x, p.y, p.z)));
    const m = new THREE.PointsMaterial({ color: light ? 0x111820 : 0xffffff, size: 16 * dpr, sizeAttenuation: false, depthTest: false, transparent: true, opacity: 0.45 });
    const o = new THREE.Points(g, m);
    o.renderOrder = 11; o.frustumCulled = false;
    return o;
  }, [drawn, picked, light, dpr]);
  useEffect(() => () => { marker?.geometry.dispose(); marker?.material.dispose(); }, [marker]);
  useEffect(() => {
    highlight?.material.resolution.set(size.width * dpr, size.height * dpr);
    return () => { highlight?.geometry.dispose(); highlight?.material.dispose(); };
  }, [highlight, size, dpr]);

  // hover and click: nearest object on screen within a few pixels
  const down = useRef<{ x: number; y: number } | undefined>(undefined);
  useEffect(() => {
    const el = gl.domElement;
    let raf = 0;
    const store = stores.eventDisplay.getState;
    const at = (e: PointerEvent | MouseEvent): PickRef | undefined => {
      const d = live.eventScene;
      if (!d) return undefined;
      const r = el.getBoundingClientRect();
      return nearestPick(d, makeProjector(camera, size, snapshotScale({ ...stores.view.getState(), mode: viewport.getState().mode })), { x: e.clientX - r.left, y: e.clientY - r.top }, 8);
    };
    const same = (a?: PickRef, b?: PickRef) => a?.kind === b?.kind && a?.index === b?.index;
    const onMove = (e: PointerEvent) => {
      if (e.buttons) return;
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => {
        const h = at(e);
        if (!same(h, store().hovered)) { store().hover(h); el.style.cursor = h ? 'pointer' : ''; }
      });
    };
    const onDown = (e: PointerEvent) => { down.current = { x: e.clientX, y: e.clientY }; };
    const onClick = (e: MouseEvent) => {
      const d0 = down.current;
      if (d0 && Math.hypot(e.clientX - d0.x, e.clientY - d0.y) > 4) return; // a drag of the camera, not a pick
      const ref = at(e);
      store().pick(ref);
      // the floating card sits by the pick in this view only
      const r = el.getBoundingClientRect();
      const point = ref ? { x: e.clientX - r.left, y: e.clientY - r.top } : undefined;
      for (const v of views.all()) v.store.setState({ pickPoint: v === entry ? point : undefined });
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
  }, [gl, camera, size, live, stores, views, entry, viewport]);

  // the CDA_TAX value, placed by the display core beside its segment, or the inset at Z_TAX that carries it
  useFrame(() => {
    // the element labels are laid out around these in the frame before: when they move, draw one more
    const set = (l: EventLabel | undefined) => { if (live.eventLabel.getState().set(l)) invalidate(); };
    const v = { ...stores.view.getState(), mode: viewport.getState().mode };
    const project = makeProjector(camera, size, snapshotScale(v));
    const tax = drawn?.prepared.cdaSegment ? analysis?.tax : undefined;
    const inset = tax && v.taxInset && (v.mode === 'side' || v.mode === 'top')
      ? taxInset({ tax, view: v.mode, project, viewport: size, avoid: live.legendBox ? [live.legendBox] : [], margin: { top: 40, bottom: 76, left: 8, right: 8 }, tracks: drawn?.prepared.trackLines })
      : undefined;
    if (live.taxInset.getState().set(inset)) invalidate();
    set(inset ? undefined : cdaTaxLabel(analysis?.tax, drawn?.prepared.cdaSegment, project, size, 0, trackSegmentsOnScreen(drawn?.prepared.trackLines, project, v.mode)));
  });
  useEffect(() => () => { live.eventLabel.getState().set(undefined); live.taxInset.getState().set(undefined); }, [live]);
  useEffect(() => invalidate(), [insetOn, invalidate]); // the next frame lays the inset (or the label) out again

  if (!drawn) return null;
  return (
    <>
      {/* the glTF export finds the event by the group's name ("event") and takes its compression */}
      <primitive object={drawn.group} scale={scale} renderOrder={10} />
      {highlight && <group scale={scale}><primitive object={highlight} /></group>}
      {marker && <group scale={scale}><primitive object={marker} /></group>}
      {event && analysis && <BeamCrossings model={model} drawn={drawn} event={event} analysis={analysis} style={style} />}
    </>
  );
}
