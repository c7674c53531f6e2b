/**
 * The display core's vocabulary: what a view shows, as one explicit snapshot. No React, no stores:
 * the live views and picture export both describe what to draw with these and call the same code.
 */
import type { Na62Event } from '../../../src-shared/event/model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import type { ViewMode } from '../../../src-shared/picture/picture-spec';
import type { PassiveLook } from './passive-look';
import type { PaletteId } from './palettes';

export type { ViewMode };
export type Theme = 'dark' | 'light';
export type ColourBy = 'charge' | 'momentum' | 'hypothesis' | 'vertex';
export const COLOUR_MODES: readonly ColourBy[] = ['charge', 'momentum', 'hypothesis', 'vertex'];

/** fitTarget that frames the current event */
export const EVENT_FIT_TARGET = '__event__';

/** Every event collection the display can draw: one layer each (display/layers/registry.ts). */
export type CollectionId = 'tracks' | 'straws' | 'lkr' | 'muv3' | 'newchod' | 'chod' | 'lav' | 'anti0' | 'kaon' | 'vertex' | 'tax' | 'truth';

/** How the event is drawn: colouring, which collections, simple cuts. */
export interface EventStyle {
  readonly colourBy: ColourBy;
  readonly hidden: Partial<Record<CollectionId, boolean>>;
  /** MeV/c: tracks below are not drawn */
  readonly pMin: number;
  /** ns; 0 = no cut: hits outside |t| < tWindow are not drawn */
  readonly tWindow: number;
  /** the MC truth (toggled with `m`, not from the collections list) */
  readonly showTruth: boolean;
  /** colours that read on a light background */
  readonly light: boolean;
  /** the collections' colours: standard or colour-blind safe (display/palettes.ts) */
  readonly palette?: PaletteId;
  /** MeV/c: a fixed top of the momentum colour scale (the file's); absent: each event's own */
  readonly pMax?: number;
}
export const DEFAULT_STYLE: EventStyle = { colourBy: 'charge', hidden: {}, pMin: 0, tWindow: 0, showTruth: false, light: false };

/**
 * Widths and sizes in the pixels of what is rendered: on screen (CSS px × device pixel ratio) or in
 * a picture (CSS px × the picture's scale). Layers draw with these; nothing is resized afterwards.
 */
export interface PixelScale {
  /** wide-line width multiplier: output px per CSS px */
  readonly lines: number;
  /** point-size multiplier (three already multiplies sizes by its pixel ratio) */
  readonly points: number;
  /** track width, CSS px (the user's setting) */
  readonly trackWidth: number;
  /**
   * Thin lines (1 CSS px: fired straws, the MC truth) are WebGL lines of one device pixel — cheap
   * for 10⁵ straws — until `lines` reaches this; then wide lines of `lines` px (large pictures).
   */
  readonly wideFrom: number;
}
export const SCREEN_SCALE = (dpr: number, trackWidth: number): PixelScale => ({ lines: dpr, points: 1, trackWidth, wideFrom: Infinity });
/** A picture at `s` output px per CSS px (line-width factor included): thin lines widen from 1.5×. */
export const PICTURE_SCALE = (s: number, trackWidth: number): PixelScale => ({ lines: s, points: s, trackWidth, wideFrom: 1.5 });

export interface Viewport { readonly width: number; readonly height: number }

/** Everything a view (on screen or in a picture panel) is drawn from. */
export interface DisplaySnapshot {
  readonly mode: ViewMode;
  /** element id the beam's-eye view looks at */
  readonly station: string;
  readonly compression: number;
  /** transverse magnification of the side (y) and top (x) views; absent = 1 (display/display-scale.ts) */
  readonly magnification?: number;
  /** the CDA_TAX inset at Z_TAX (dump-mode events with the construction); absent = shown */
  readonly taxInset?: boolean;
  /** element id → shown (ids missing fall back to the element's default) */
  readonly shown: Readonly<Record<string, boolean>>;
  readonly labels: boolean;
  readonly theme: Theme;
  readonly event: Na62Event | undefined;
  readonly analysis: EventAnalysis | undefined;
  readonly style: EventStyle;
  readonly trackWidth: number;
  /** what a fit frames: an element id, EVENT_FIT_TARGET, or undefined (the visible detector) */
  readonly fitTarget: string | undefined;
  /** the 3D view's opacity, x-ray and cut-aways of the passive detector (absent: as built) */
  readonly scene3d?: PassiveLook;
}

/** An object of the event the user points at: its collection and index there. */
export interface PickRef { readonly kind: CollectionId; readonly index: number }
