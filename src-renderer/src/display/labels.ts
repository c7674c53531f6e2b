/**
 * Text the view places: element labels around the detector, and the event's own label (the
 * CDA_TAX value beside its segment) — written once, for the screen overlay and for pictures.
 */
import type * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { displayBox } from '../geometry/detector-model';
import type { EventAnalysis } from '../../../src-shared/event/analysis';
import { beamSlab } from './framing';
import { layoutLabels, textBox, type LabelCandidate, type PlacedLabel, type ScreenSegment } from './label-layout';
import { screenBox, type ScreenProjector } from './projection';
import { LABEL_PRIORITY } from '../../../src-shared/picture/text-layout/labels';
import { segmentHitsBox } from '../../../src-shared/picture/text-layout/layout';
import { isShownByDefault } from './shown';
import type { ViewMode, Viewport } from './types';
import { asScale, type Scaling } from './display-scale';

/** Which labels win a crowded spot: the detectors first, then vetoes, then the beam line and vessel. */
const LABEL_RANK: Record<string, number> = { spectrometer: 0, calorimetry: 1, 'muon veto': 1, 'particle ID': 2, 'photon veto': 3, 'beam tracking': 4, 'beam line': 5, vacuum: 6 };

export type Box = { x0: number; x1: number; y0: number; y1: number };

/**
 * Element labels laid out for a camera and a viewport (CSS px); `reserved`: boxes they must leave
 * free; `tracks`: the event's tracks on screen (trackSegmentsOnScreen), which no label covers.
 */
export function placeLabels(
  model: DetectorModel, shown: Readonly<Record<string, boolean>>, scaling: Scaling, mode: ViewMode, station: string, cam: THREE.Camera, size: Viewport,
  reserved: readonly Box[] = [],
  touched: ReadonlySet<string> = new Set(),
  tracks: readonly ScreenSegment[] = [],
): PlacedLabel[] {
  return layoutLabels(labelCandidates(model, shown, scaling, mode, station, cam, size, touched), size, reserved, tracks);
}

/**
 * The event's track lines as segments on screen (CSS px), for the label layout of the screen and of
 * pictures: labels used to be laid over the tracks (the top view's "beam pipe" on the end of a track,
 * "LKr" on another). None in the beam's eye, where a track is a point (ringed).
 */
export function trackSegmentsOnScreen(trackLines: readonly (readonly { x: number; y: number; z: number }[])[] | undefined, project: ScreenProjector, mode: ViewMode): ScreenSegment[] {
  if (!trackLines || mode === 'beam') return [];
  const out: ScreenSegment[] = [];
  for (const line of trackLines) {
    let prev = line.length ? project(line[0]!) : undefined;
    for (let i = 1; i < line.length; i++) {
      const p = project(line[i]!);
      if (prev && p) out.push([[prev.x, prev.y], [p.x, p.y]]);
      prev = p;
    }
  }
  return out;
}

/**
 * The element labels a view could show, with their priority: the elements the event touches
 * (`touched`), then the main stations (the detectors: spectrometer, calorimetry, muon veto,
 * particle ID), then the rest.
 */
export function labelCandidates(
  model: DetectorModel, shown: Readonly<Record<string, boolean>>, scaling: Scaling, mode: ViewMode, station: string, cam: THREE.Camera, size: Viewport,
  touched: ReadonlySet<string> = new Set(),
): LabelCandidate[] {
  const cands: LabelCandidate[] = [];
  const k = asScale(scaling).k;
  const slab = mode === 'beam' ? beamSlab(model, station, k) : undefined;
  for (const e of model.elements) {
    if (e.element.shape.kind === 'axis' || !isShownByDefault(shown, e.element.id, e.element.visibleByDefault)) continue;
    if (slab && (e.element.z1 / k < slab.z0 || e.element.z0 / k > slab.z1)) continue;
    const sb = screenBox(displayBox(e, scaling), cam, size);
    const rank = LABEL_RANK[e.element.group] ?? 9;
    const priority = touched.has(e.element.id) ? LABEL_PRIORITY.touched : rank <= 2 ? LABEL_PRIORITY.main : LABEL_PRIORITY.other;
    if (sb) cands.push({ id: e.element.id, text: e.element.label, rank, priority, ...sb });
  }
  return cands;
}

/** The event's label: text centred at x with its baseline at y, in viewport CSS px. */
export interface EventLabel { readonly x: number; readonly y: number; readonly text: string }

export const cdaTaxText = (tax: NonNullable<EventAnalysis['tax']>): string =>
  `CDA_TAX ${tax.cdaTax.toFixed(1)} mm · Z_TAX ${(tax.zTax / 1000).toFixed(1)} m`;

/**
 * The CDA_TAX value above its segment, kept whole inside the viewport when the segment lies near
 * an edge (Z_TAX upstream of the target); `leftMargin`: room kept on the left (a picture's axis).
 */
export function cdaTaxLabel(
  tax: EventAnalysis['tax'], segment: readonly [THREE.Vector3, THREE.Vector3] | undefined, project: ScreenProjector, size: Viewport, leftMargin = 0,
  tracks: readonly ScreenSegment[] = [],
): EventLabel | undefined {
  if (!tax || !segment) return undefined;
  const a = project(segment[0]), b = project(segment[1]);
  if (!a || !b) return undefined;
  const mid = (a.x + b.x) / 2;
  // a segment off the view: the label, kept at the edge, points the way to Z_TAX instead of seeming to sit there
  const off = mid < leftMargin ? '← ' : mid > size.width ? '→ ' : '';
  const text = off === '← ' ? `← ${cdaTaxText(tax)}` : off ? `${cdaTaxText(tax)} →` : cdaTaxText(tax);
  const half = textBox(text, 0, 0, true).x1 + 4;
  const x = Math.min(size.width - half, Math.max(half + leftMargin, mid)), y0 = Math.max(14, Math.min(a.y, b.y) - 10);
  // above its segment, else a line or two higher or lower where the tracks (`tracks`, on screen) leave it free: it was written across them
  for (const dy of [0, -16, -32, 16, 32, -48, 48]) {
    const y = y0 + dy;
    if (y < 14 || y > size.height - 4) continue;
    const box = textBox(text, x, y, true);
    if (!tracks.some((t) => segmentHitsBox(t[0], t[1], box))) return { x, y, text };
  }
  return { x, y: y0, text };
}

/** The screen box an event label takes (element labels keep clear of it). */
export const eventLabelBox = (l: EventLabel): Box => textBox(l.text, l.x, l.y, true);
