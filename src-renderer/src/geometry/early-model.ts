/**
 * The detector model built while the engine starts (bench/startup.bench.mjs): the page bundles the
 * same detector description as the engine, builds its model as soon as it has asked the engine for
 * the description, and uses it when the engine's answer is the same description; otherwise (an
 * engine with another detector) the model is built from the engine's answer, which always decides.
 * In the browser build the engine worker takes seconds to start: the page's main thread would wait.
 */
import { NA62_DETECTOR } from '../../../src-shared/geometry/na62-detector';
import type { DetectorDescription } from '../../../src-shared/geometry/types';
import { buildDetectorModel, disposeDetectorModel, type DetectorModel } from './detector-model';

let early: { json: string; model: DetectorModel } | undefined;

/** Build the bundled description's model now (once, until taken). */
export function buildEarlyModel(): void {
  early ??= { json: JSON.stringify(NA62_DETECTOR), model: buildDetectorModel(NA62_DETECTOR) };
}

/** The model of the engine's description: the early one when it is the same description (taken once), else one built now. */
export function modelFor(detector: DetectorDescription, opts: { keepParts?: boolean } = {}): DetectorModel {
  const e = early;
  early = undefined;
  if (e && !opts.keepParts && JSON.stringify(detector) === e.json) return e.model;
  if (e) disposeDetectorModel(e.model);
  return buildDetectorModel(detector, opts);
}
