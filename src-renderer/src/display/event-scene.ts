/**
 * The event as a three.js group built from the layer registry at a pixel scale: the live views
 * and every picture panel build one each, so a picture never touches what is on screen. Owns its
 * geometry and materials; dispose() frees them.
 */
import * as THREE from 'three';
import type { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import { styleColour, type ColourKey } from './colours';
import type { CollectionId, EventStyle, PixelScale, PickRef } from './types';
import { EVENT_LAYERS } from './layers/registry';
import { prepareEvent, preparedBox, type PreparedEvent } from './layers/prepare';
import type { LayerDrawing } from './layers/types';

export interface EventScene {
  /** in NA62 mm; the caller sets scale.z = 1 / compression */
  readonly group: THREE.Group;
  readonly prepared: PreparedEvent;
  readonly layers: ReadonlyMap<CollectionId, LayerDrawing>;
  /** the event's box in NA62 mm (fit to event) */
  readonly box: THREE.Box3;
  /** segments drawn, by kind (the stress test and the benchmark read them) */
  readonly counts: { readonly trackSegments: number; readonly hitSegments: number; readonly straws: number; readonly tiles: number; readonly tracks: number };
  /** wide lines are sized in px of the render target: its size (the canvas, or a picture tile) */
  setResolution(width: number, height: number): void;
  dispose(): void;
}

export function buildEventScene(event: Na62Event, analysis: EventAnalysis, style: EventStyle, px: PixelScale): EventScene {
  const prepared = prepareEvent(event, analysis, style);
  const colours = new Map<ColourKey, THREE.Color>();
  const colour = (k: ColourKey) => { let c = colours.get(k); if (!c) colours.set(k, (c = new THREE.Color(styleColour(k, style)))); return c; };
  const inTime = (t: number) => style.tWindow <= 0 || Math.abs(t) < style.tWindow;
  const group = new THREE.Group();
  group.name = 'event';
  const layers = new Map<CollectionId, LayerDrawing>();
  for (const layer of EVENT_LAYERS) {
    if (style.hidden[layer.id]) continue;
    const d = layer.draw({ event, analysis, style, prepared, colour, inTime }, px);
    if (!d) continue;
    layers.set(layer.id, d);
    for (const o of d.objects) group.add(o);
  }
  const lineMaterials: LineMaterial[] = [...layers.values()].flatMap((d) => d.lineMaterials);
  const n = (id: CollectionId) => layers.get(id)?.count ?? 0;
  return {
    group, prepared, layers, box: preparedBox(prepared),
    counts: {
      trackSegments: n('tracks') + n('kaon') + n('vertex') + n('tax'),
      hitSegments: n('lkr') + n('newchod') + n('chod') + n('lav') + n('anti0'),
      straws: n('straws'), tiles: n('muv3'), tracks: prepared.trackLines.filter((l) => l.length).length,
    },
    setResolution(w, h) { for (const m of lineMaterials) m.resolution.set(w, h); },
    dispose() { for (const d of layers.values()) d.dispose(); },
  };
}

/** A drawn object's place (NA62 mm) to pick it by: marker points and line segments, per layer that can be picked. */
export function pickables(scene: EventScene): { ref: PickRef; shape: readonly THREE.Vector3[]; marker: boolean }[] {
  const out: { ref: PickRef; shape: readonly THREE.Vector3[]; marker: boolean }[] = [];
  for (const layer of EVENT_LAYERS) {
    const d = scene.layers.get(layer.id);
    if (!d || !layer.describe) continue;
    d.picks.forEach((shape, index) => { if (shape) out.push({ ref: { kind: layer.id, index }, shape, marker: layer.pickAs === 'marker' }); });
  }
  return out;
}
