import type { FrameRecord, FrameSync } from './render-log';
import type { CollectionId } from '../display/types';

/** Read-only hooks the end-to-end tests and benchmarks use (window.__na62); see SceneBridge. */
export interface TestHooks {
  /** the shader programs compiled in this view's context (three.js's name and cache key of each) */
  shaderPrograms(): string[];
  /** last frame's counters; `frame` counts rendered frames */
  renderInfo(): { frame: number; calls: number; triangles: number; lines: number; points: number; geometries: number; textures: number };
  /** projected box of an element in canvas CSS px (y down) */
  elementScreenBox(id: string): { minX: number; maxX: number; minY: number; maxY: number } | undefined;
  totalParts: number;
  /** the live context: its renderer, whether it has a logarithmic depth buffer and multisampling (antialias) */
  webgl(): { renderer: string; logarithmicDepth: boolean; antialias: boolean; maxRenderbuffer: number };
  /** render `n` frames synchronously (each finished by a 1-pixel read) and return each one's ms */
  timeRenders(n: number): number[];
  /** screen point (canvas CSS px) in the middle of track k's drawn segment between STRAW1 and MNP33 */
  trackScreenPoint(k: number): { x: number; y: number } | undefined;
  /** `n` screen points (canvas CSS px) evenly spaced in z along track k's drawn line (the 3D cut-away test) */
  trackScreenPoints(k: number, n: number): { x: number; y: number }[];
  /** the centres of the beam's-eye rings where tracks cross the station, canvas px ([] in other views) */
  beamCrossingScreenPoints(): { x: number; y: number }[];
  /** what the event overlay draws now */
  eventCounts(): { trackSegments: number; hitSegments: number; straws: number; tiles: number; tracks: number } | undefined;
  /** geometries the drawn event owns (one or two per layer): what stepping must free */
  eventGeometries(): number;
  /** objects of a collection drawn where they can be picked */
  pickableCount(kind: CollectionId): number;
  /** screen point (canvas CSS px) of object `index` of a collection that is picked as a marker */
  pickableScreenPoint(kind: CollectionId, index: number): { x: number; y: number } | undefined;
  /** screen point (canvas CSS px) of the drawn CDA_TAX segment's midpoint (at Z_TAX), under the view's mapping */
  taxScreenPoint(): { x: number; y: number } | undefined;
  /** the last rendered frames, each with the event it showed */
  recentFrames(): readonly FrameRecord[];
  /** finish every frame with a one-pixel read (benchmarks: frame times include the GPU's work) */
  /** frames timed when the GPU has finished them: true/'read' with a blocking one-pixel read, 'fence' with a WebGL2 fence polled between tasks */
  setFrameSync(on: FrameSync): void;
  /** ask for a re-render without changing anything */
  invalidate(): void;
  /** run:burst:event of the event this view shows now (undefined: none drawn) */
  drawnEvent?(): string | undefined;
  /** the box (canvas CSS px) of the legend this view shows, which its CDA_TAX inset keeps clear of; undefined: none here */
  legendBox?(): { x0: number; x1: number; y0: number; y1: number } | undefined;
  /** issue 17, several views: the id of the active view (the one the keys and window.__na62 act on) */
  activeView?(): string | undefined;
  /** every mounted view: id, view mode, whether its panel is on screen */
  views?(): { id: string; mode: string; visible: boolean }[];
  /** the hooks of one view by id */
  view?(id: string): TestHooks | undefined;
}

declare global {
  interface Window { __na62?: TestHooks }
}
