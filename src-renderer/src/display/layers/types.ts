/**
 * One layer per event collection: what a row of the registry knows (in the spirit of Phoenix's
 * object-type registry and Lichtblick's renderables). Drawing, picking, the legend, the collections
 * panel and picture captions iterate over the registry; none of them names a collection.
 */
import type * as THREE from 'three';
import type { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { Na62Event } from '../../../../src-shared/event/model';
import type { EventAnalysis } from '../../../../src-shared/event/analysis';
import type { ColourKey, LegendEntry } from '../colours';
import type { CollectionId, EventStyle, PixelScale } from '../types';
import type { PreparedEvent } from './prepare';

/** What every layer's draw gets: the event, its reconstruction, the style, and the geometry shared by several layers. */
export interface LayerInput {
  readonly event: Na62Event;
  readonly analysis: EventAnalysis;
  readonly style: EventStyle;
  readonly prepared: PreparedEvent;
  /** the event's colours in the style's theme */
  readonly colour: (k: ColourKey) => THREE.Color;
  /** the time cut (the style's window), for layers with a time field */
  readonly inTime: (t: number) => boolean;
}

/** Where a picked object sits, per index of the collection: a marker (one point) or a polyline; undefined when not drawn. */
export type PickShape = readonly THREE.Vector3[] | undefined;

export interface LayerDrawing {
  /** the three.js objects, in NA62 mm (the caller scales z by the compression) */
  readonly objects: readonly THREE.Object3D[];
  /** per object of the collection, where it is drawn (picking, beam's-eye crossings, tests) */
  readonly picks: readonly PickShape[];
  /** line segments (or triangles for tiles) drawn: the stress tests read them */
  readonly count: number;
  /** wide-line materials, whose resolution follows the render target */
  readonly lineMaterials: readonly LineMaterial[];
  dispose(): void;
}

/** The rows of the object card of a picked object. */
export interface PickCard { readonly title: string; readonly rows: readonly (readonly [string, string])[] }

export interface EventLayer {
  readonly id: CollectionId;
  /** in the collections panel */
  readonly label: string;
  /** the colour of its legend row and drawing */
  readonly colourKey: ColourKey;
  /** the field the time cut applies to (documentation and the panel's hint); none: not cut in time */
  readonly timeField?: 'time';
  /** listed in the collections panel (the MC truth has its own toggle) */
  readonly inPanel: boolean;
  /** how the event's object counts name this collection; `inFile`: false when the file has no such column (shown as —) */
  readonly objects?: { readonly label: string; readonly inFile?: (event: Na62Event) => boolean };
  /** objects of the event in this collection that the buffers grow with (the drawing refuses events with too many) */
  count(event: Na62Event): number;
  /** legend rows while the layer shows something of this event */
  legend(event: Na62Event, analysis: EventAnalysis | undefined, style: EventStyle): LegendEntry[];
  /** draw at a pixel scale; undefined when there is nothing to draw */
  draw(input: LayerInput, px: PixelScale): LayerDrawing | undefined;
  /** picking: the card of object `index`; layers without it are not picked */
  describe?(event: Na62Event, analysis: EventAnalysis | undefined, index: number): PickCard | undefined;
  /** hovering and clicking prefer markers over lines drawn through them */
  readonly pickAs?: 'marker' | 'line';
}
