/** The event's colours (drawing, legend and picture captions share them), per theme. */
import * as THREE from 'three';
import type { StrawTrack } from '../../../src-shared/event/model';
import type { Hypothesis, TrackInfo } from '../../../src-shared/event/analysis';
import type { ColourBy } from './types';

import { paletteColour, type ColourKey, type PaletteId } from './palettes';

export type { ColourKey, PaletteId };
/** A collection's colour in the theme (light: the paper/light background) and palette. */
export const eventColour = (k: ColourKey, light = false, palette: PaletteId = 'standard'): string => paletteColour(k, light, palette);
/** The colour of a collection for an event style (its theme and palette). */
export const styleColour = (k: ColourKey, style: { readonly light: boolean; readonly palette?: PaletteId | undefined }): string => paletteColour(k, style.light, style.palette);

/** Track colours of the other colour modes (legend and drawing share them). */
export const HYPOTHESIS_COLOURS: Record<Hypothesis, string> = { mu: '#2ee6a6', e: '#ffb000', pi: '#c58bff' };
export const HYPOTHESIS_LABELS: Record<Hypothesis, string> = { mu: 'μ (MUV3 hit, E/p < 0.2)', e: 'e (0.9 < E/p < 1.1)', pi: 'π / other' };
export const VERTEX_COLOURS = { in: '#ff8c42', out: '#7d8a97' } as const;
/** Momentum scale: 0 → the shown event's top momentum (rounded up to a nice number) through these stops */
export const MOMENTUM_STOPS = ['#3b4cc0', '#2fb5c9', '#b6e35a', '#ffe04a', '#ff5a36'] as const;
/** The scale's top without tracks to range on: the beam momentum (75 GeV/c), MeV/c */
export const MOMENTUM_MAX = 75_000;
/** The smallest top, MeV/c: a 1 GeV/c soft track must not paint the whole scale red-hot over nothing */
const MOMENTUM_FLOOR = 1_000;

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above x > 0. */
export function niceCeil(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * decade >= x * (1 - 1e-12)) return m * decade;
  return 10 * decade;
}

/**
 * The top of the momentum colour scale for an event, MeV/c: its fastest track's momentum rounded up
 * to a nice number, so dump-mode muons of 100+ GeV/c do not all saturate at a fixed beam-momentum top.
 */
export function momentumScaleMax(tracks: readonly Pick<StrawTrack, 'px' | 'py' | 'pz'>[] | undefined): number {
  const top = Math.max(0, ...(tracks ?? []).map((t) => Math.hypot(t.px, t.py, t.pz)).filter(Number.isFinite));
  return top > 0 ? niceCeil(Math.max(MOMENTUM_FLOOR, top)) : MOMENTUM_MAX;
}

/** The top of the file-wide scale, from the engine's top track momentum over the file (MeV/c), or undefined without one. */
export function fileMomentumScaleMax(pMax: number | null | undefined): number | undefined {
  return pMax && pMax > 0 && Number.isFinite(pMax) ? niceCeil(Math.max(MOMENTUM_FLOOR, pMax)) : undefined;
}

/** The scale's top for an event drawn in `style`: the fixed (file) top when the style has one, else the event's. */
export const scaleTopFor = (tracks: Parameters<typeof momentumScaleMax>[0], style: { readonly pMax?: number | undefined }): number =>
  style.pMax ?? momentumScaleMax(tracks);

/** "0–150 GeV/c": the range the scale spans */
export const momentumRangeLabel = (pMax: number): string => `0–${+(pMax / 1000).toPrecision(3)} GeV/c`;

export function momentumColour(p: number, pMax = MOMENTUM_MAX): THREE.Color {
  const u = Math.min(1, Math.max(0, p / pMax)) * (MOMENTUM_STOPS.length - 1);
  const k = Math.min(MOMENTUM_STOPS.length - 2, Math.floor(u));
  return new THREE.Color(MOMENTUM_STOPS[k]).lerp(new THREE.Color(MOMENTUM_STOPS[k + 1]), u - k);
}

/** `pMax`: the top of the momentum scale (`momentumScaleMax` of the shown event) */
export function trackColour(t: StrawTrack, info: TrackInfo | undefined, by: ColourBy, light = false, pMax = MOMENTUM_MAX, palette: PaletteId = 'standard'): THREE.Color {
  switch (by) {
    case 'momentum': return momentumColour(info?.p ?? Math.hypot(t.px, t.py, t.pz), pMax);
    case 'hypothesis': return new THREE.Color(HYPOTHESIS_COLOURS[info?.hypothesis ?? 'pi']);
    case 'vertex': return new THREE.Color(info?.inVertex ? VERTEX_COLOURS.in : VERTEX_COLOURS.out);
    default: return new THREE.Color(eventColour(t.charge > 0 ? 'positive' : 'negative', light, palette));
  }
}

/** One legend row: colour (CSS) and label. */
export type LegendEntry = readonly [string, string];

/** The legend rows of the track colour mode. */
export function trackLegend(by: ColourBy, light = false, pMax = MOMENTUM_MAX, palette: PaletteId = 'standard'): LegendEntry[] {
  const gev = (p: number) => `${+(p / 1000).toPrecision(3)} GeV/c`;
  return by === 'momentum' ? [[MOMENTUM_STOPS[0], 'track p 0 GeV/c'], [MOMENTUM_STOPS[2], `track p ${gev(pMax / 2)}`], [MOMENTUM_STOPS[4], `track p ≥ ${gev(pMax)}`]]
    : by === 'hypothesis' ? (Object.keys(HYPOTHESIS_COLOURS) as Hypothesis[]).map((h) => [HYPOTHESIS_COLOURS[h], HYPOTHESIS_LABELS[h]])
    : by === 'vertex' ? [[VERTEX_COLOURS.in, 'track in the vertex'], [VERTEX_COLOURS.out, 'other track']]
    : [[eventColour('positive', light, palette), 'track, q > 0'], [eventColour('negative', light, palette), 'track, q < 0']];
}
