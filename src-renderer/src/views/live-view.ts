/**
 * What the live canvas has on screen, for the code outside the Canvas that reads it (picture
 * export when framing "as on screen", fit to event, the test hooks). One per window, created by
 * the app's provider (state/AppProvider.tsx) — not a module-level singleton — so a second window
 * or a test makes its own. Each view panel has its own (views/view-registry.ts).
 */
import type * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import type { EdgeNudge } from '../geometry/materials';
import type { EventScene } from '../display/event-scene';
import type { Viewport } from '../display/types';
import type { InsetBox } from '../display/tax-inset';
import { createOverlayStore } from './overlay-store';
import { createEventLabelStore } from './event-label-store';
import { createTaxInsetStore } from './tax-inset-store';
import { RenderLog } from './render-log';

export interface LiveCanvas {
  readonly gl: THREE.WebGLRenderer;
  readonly scene: THREE.Scene;
  readonly camera: THREE.Camera;
  readonly size: Viewport;
  readonly invalidate: () => void;
  readonly model: DetectorModel;
}

export class LiveView {
  /** the canvas, once R3F has made it */
  canvas: LiveCanvas | undefined;
  /** the event drawn now and the event object it was built from */
  eventScene: EventScene | undefined;
  drawnEvent: unknown;
  /** the orbit centre (scale bars of the 3D view; "as on screen" pictures) */
  target: THREE.Vector3 | undefined;
  /** the element (or the event) this view was last framed on; undefined: all visible */
  fitTarget: string | undefined;
  /** this view's edge-nudge uniform (the camera rig sets it every frame) */
  readonly nudge: EdgeNudge = { value: 1 };
  /** element labels and scale bars for this view's HTML overlays */
  readonly overlay = createOverlayStore();
  /** the event's label (CDA_TAX) on this view */
  readonly eventLabel = createEventLabelStore();
  /** the CDA_TAX inset at Z_TAX on this view (2D views, dump-mode events) */
  readonly taxInset = createTaxInsetStore();
  /** where the rings of the beam's eye are (NA62 mm), one per track crossing its station; [] in other views */
  beamCrossings: readonly { x: number; y: number; z: number }[] = [];
  /** its last frames (benchmarks, tests) */
  readonly log = new RenderLog();
  /** the box of the legend this view shows (an HTML overlay), canvas px: the CDA_TAX inset keeps clear of it */
  legendBox: InsetBox | undefined;
  /** the legend was laid out (or removed): the next frame places the inset again */
  setLegendBox(box: InsetBox | undefined): void {
    const a = this.legendBox;
    if (a === box || (a && box && a.x0 === box.x0 && a.x1 === box.x1 && a.y0 === box.y0 && a.y1 === box.y1)) return;
    this.legendBox = box;
    this.canvas?.invalidate();
  }
}
