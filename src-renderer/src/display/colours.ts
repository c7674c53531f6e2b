/** The event's colours (drawing, legend and picture captions share them), per theme. */
import * as THREE from 'three';
import type { StrawTrack } from '../../../src-shared/event/model';
import type { Hypothesis, TrackInfo } from '../event/event-analysis';
import type { ColourBy } from './types';

export const EVENT_COLOURS = {
  positive: '#ff5a4f', negative: '#4fa3ff', kaon: '#f2c14e', lkr: '#ffd166', muv3: '#3ddc84', newchod: '#5ee0e0', chod: '#c6f25a',
  lav: '#e07bff', anti0: '#ff9f43', straw: '#f3e9a6', truth: '#b8c2cc', vertex: '#ffffff',
  tax: '#ff7ac8', beam: '#9aa5b1', cda: '#ffffff',
} as const;
export type ColourKey = keyof typeof EVENT_COLOURS;

/** On a light (paper) background the colours made for a dark one that would vanish: white, pale yellow, light grey. */
export const LIGHT_EVENT_COLOURS: Partial<Record<ColourKey, string>> = {
  vertex: '#111820', cda: '#111820', straw: '#9c8a1e', lkr: '#c98a00', kaon: '#b8860b', newchod: '#138a8a', chod: '#5d8a00', truth: '#5d6b7a', beam: '#6b7785',
};
export const eventColour = (k: ColourKey, light = false): string => (light ? LIGHT_EVENT_COLOURS[k] : undefined) ?? EVENT_COLOURS[k];

/** Track colours of the other colour modes (legend and drawing share them). */
export const HYPOTHESIS_COLOURS: Record<Hypothesis, string> = { mu: '#2ee6a6', e: '#ffb000', pi: '#c58bff' };
export const HYPOTHESIS_LABELS: Record<Hypothesis, string> = { mu: 'μ (MUV3 hit, E/p < 0.2)', e: 'e (0.9 < E/p < 1.1)', pi: 'π / other' };
export const VERTEX_COLOURS = { in: '#ff8c42', out: '#7d8a97' } as const;
/** Momentum scale: 0 → 75 GeV/c (the beam momentum) through these stops */
export const MOMENTUM_STOPS = ['#3b4cc0', '#2fb5c9', '#b6e35a', '#ffe04a', '#ff5a36'] as const;
export const MOMENTUM_MAX = 75_000;

export function momentumColour(p: number): THREE.Color {
  const u = Math.min(1, Math.max(0, p / MOMENTUM_MAX)) * (MOMENTUM_STOPS.length - 1);
  const k = Math.min(MOMENTUM_STOPS.length - 2, Math.floor(u));
  return new THREE.Color(MOMENTUM_STOPS[k]).lerp(new THREE.Color(MOMENTUM_STOPS[k + 1]), u - k);
}

export function trackColour(t: StrawTrack, info: TrackInfo | undefined, by: ColourBy, light = false): THREE.Color {
  switch (by) {
    case 'momentum': return momentumColour(info?.p ?? Math.hypot(t.px, t.py, t.pz));
    case 'hypothesis': return new THREE.Color(HYPOTHESIS_COLOURS[info?.hypothesis ?? 'pi']);
    case 'vertex': return new THREE.Color(info?.inVertex ? VERTEX_COLOURS.in : VERTEX_COLOURS.out);
    default: return new THREE.Color(eventColour(t.charge > 0 ? 'positive' : 'negative', light));
  }
}

/** One legend row: colour (CSS) and label. */
export type LegendEntry = readonly [string, string];

/** The legend rows of the track colour mode. */
export function trackLegend(by: ColourBy, light = false): LegendEntry[] {
  return by === 'momentum' ? [[MOMENTUM_STOPS[0], 'track p 0 GeV/c'], [MOMENTUM_STOPS[2], 'track p 37.5 GeV/c'], [MOMENTUM_STOPS[4], 'track p 75 GeV/c']]
    : by === 'hypothesis' ? (Object.keys(HYPOTHESIS_COLOURS) as Hypothesis[]).map((h) => [HYPOTHESIS_COLOURS[h], HYPOTHESIS_LABELS[h]])
    : by === 'vertex' ? [[VERTEX_COLOURS.in, 'track in the vertex'], [VERTEX_COLOURS.out, 'other track']]
    : [[eventColour('positive', light), 'track, q > 0'], [eventColour('negative', light), 'track, q < 0']];
}
