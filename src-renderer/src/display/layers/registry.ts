/**
 * The event collections the display draws, one row each. Adding a collection is one row here
 * (and its columns in the file format): the drawing, picking, legend, the collections panel and
 * the picture captions all iterate over this list.
 */
import type { Na62Event } from '../../../../src-shared/event/model';
import type { CollectionId } from '../types';
import type { EventLayer } from './types';
import { kaonLayer, taxLayer, tracksLayer, vertexLayer } from './track-layers';
import { anti0Layer, chodLayer, lavLayer, lkrLayer, muv3Layer, newchodLayer, strawsLayer, truthLayer } from './hit-layers';

/** In legend and panel order: the reconstruction first, then the hits from upstream to downstream of the event's interest. */
export const EVENT_LAYERS: readonly EventLayer[] = [
  tracksLayer, kaonLayer, vertexLayer, taxLayer, lkrLayer, muv3Layer, newchodLayer, chodLayer, lavLayer, anti0Layer, strawsLayer, truthLayer,
];

export const layerById = (id: CollectionId): EventLayer | undefined => EVENT_LAYERS.find((l) => l.id === id);

/** Collections the user switches in the panel. */
export const PANEL_LAYERS: readonly EventLayer[] = EVENT_LAYERS.filter((l) => l.inPanel);

/**
 * Hits and clusters beyond which an event is not drawn (it is refused with a message): about 10
 * vertices each in a few shared buffers, so 10⁶ objects are some 100 MB of vertex data.
 */
export const MAX_DRAWN_OBJECTS = 1_000_000;

/** Objects of an event over every collection (what the drawing's buffers grow with). */
export function eventObjectCount(ev: Na62Event): number {
  return EVENT_LAYERS.reduce((n, l) => n + l.count(ev), 0);
}
