/**
 * Rings where the event's tracks cross the beam's-eye station on screen, as pictures draw them
 * (display/crossings.ts): end-on, a track is only the few pixels of it the station's slab keeps, a
 * dot nobody finds on the straws' haze. The rings are a fixed size on screen, so they are made
 * again when the zoom changes by more than a few per cent.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import type { DetectorModel } from '../geometry/detector-model';
import { trackCrossings } from '../display/crossings';
import type { EventScene } from '../display/event-scene';
import type { EventStyle } from '../display/types';
import { useLiveView, useView, useViewport } from '../state/AppProvider';

/** ring radius and line width, CSS px (the pictures' rings: 7 px, 2.5 px at scale 1) */
const RING_PX = 7, RING_WIDTH_PX = 2;

type Built = { drawn: EventScene; style: EventStyle; el: unknown; k: number; zoom: number; w: number; h: number; rings: ReturnType<typeof trackCrossings> };

export function BeamCrossings({ model, drawn, event, analysis, style }: { model: DetectorModel; drawn: EventScene; event: Na62Event; analysis: EventAnalysis; style: EventStyle }) {
  const live = useLiveView();
  const mode = useViewport((s) => s.mode);
  const station = useViewport((s) => s.beamStation);
  const k = useView((s) => s.compression);
  const { camera, size, gl } = useThree();
  const group = useMemo(() => new THREE.Group(), []);
  const built = useRef<Built | undefined>(undefined);
  const clear = () => {
    const b = built.current;
    if (b?.rings) { group.remove(b.rings.object); b.rings.dispose(); }
    built.current = undefined;
    live.beamCrossings = [];
  };
  useFrame(() => {
    const el = mode === 'beam' ? model.byId.get(station)?.element : undefined;
    if (!el) { if (built.current) clear(); return; } // other views: nothing to do each frame
    const zoom = camera instanceof THREE.OrthographicCamera ? camera.zoom : 0;
    const b = built.current;
    if (b && b.drawn === drawn && b.style === style && b.el === el && b.k === k && b.w === size.width && b.h === size.height && Math.abs(zoom / b.zoom - 1) < 0.05) return;
    clear();
    if (!(zoom > 0) || style.hidden['tracks']) return;
    // built before this frame renders (useFrame runs first): no frame without them
    const rings = trackCrossings({ event, analysis, style }, drawn.prepared, el.z0, el.z1, RING_PX / zoom, RING_WIDTH_PX * gl.getPixelRatio());
    if (rings) {
      rings.object.position.z = (el.z0 - 1) / k + 0.5; // just downstream of the sections, inside the station's slab (as in pictures)
      rings.material.resolution.set(size.width * gl.getPixelRatio(), size.height * gl.getPixelRatio());
      group.add(rings.object);
      live.beamCrossings = rings.points.map((p) => ({ x: p.x, y: p.y, z: (el.z0 + el.z1) / 2 }));
    }
    built.current = { drawn, style, el, k, zoom, w: size.width, h: size.height, rings };
  });
  useEffect(() => clear, []); // eslint-disable-line react-hooks/exhaustive-deps -- on unmount only
  return <primitive object={group} />;
}
