/**
 * The 3D panel of a picture (a figure's overview, or a 3D picture) as a slide needs it: the event
 * opaque and whole, the passive material translucent so the tracks read through it (the screen's
 * x-ray look, display/passive-look.ts, forced on), the TAX collimator blocks, a metre of copper and
 * iron that the upstream camera looks through first, faded to a ghost, and only the elements the
 * event crosses labelled. The user's own x-ray mode, opacities and cut-aways are kept where set.
 */
import type * as THREE from 'three';
import type { DetectorModel } from '../geometry/detector-model';
import { DEFAULT_LOOK, type PassiveLook } from '../display/passive-look';
import { crossedElements } from '../display/labels3d';
import { isShownByDefault } from '../display/shown';

/** Massive blocks in front of the camera when the event starts at the TAX (dump mode): opacity factor on top of the x-ray. */
const FRONT_BLOCKS: Readonly<Record<string, number>> = { 'tax1-cu': 0.25, 'tax1-fe': 0.25, 'tax2-fe': 0.25 };

/** The picture's 3D look from the screen's: x-ray at least translucent, the TAX blocks faded. */
export function figureLook(screen: PassiveLook | undefined): PassiveLook {
  const base = screen ?? DEFAULT_LOOK;
  return {
    ...base,
    xray: base.xray === 'off' ? 'translucent' : base.xray,
    elementOpacity: { ...FRONT_BLOCKS, ...base.elementOpacity },
  };
}

/**
 * The `shown` map for the 3D panel's labels: only the elements the event's tracks cross; with no
 * event (or none crossed), no label (the overview needs none; the 2D panels name everything).
 */
export function figureLabels3d(model: DetectorModel, shown: Readonly<Record<string, boolean>>, trackLines: readonly (readonly THREE.Vector3[])[] | undefined): Record<string, boolean> {
  const crossed = trackLines ? crossedElements(model, trackLines) : new Set<string>();
  const out: Record<string, boolean> = {};
  for (const { element } of model.elements) out[element.id] = crossed.has(element.id) && isShownByDefault(shown, element.id, element.visibleByDefault);
  return out;
}
