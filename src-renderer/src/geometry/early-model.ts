/**
 * The detector model made while the engine starts (bench/startup.bench.mjs): the page bundles the
 * same detector description as the engine, starts its model as soon as it has asked the engine for
 * the description, and uses it when the engine's answer is the same description; otherwise (an
 * engine with another detector) the model is built from the engine's answer, which always decides.
 * In the browser build the engine worker takes seconds to start: the page's main thread would wait.
 * Where the build ships the model as a file (build/detector-pack-plugin.ts) the page reads it, a few
 * tens of ms, instead of building it, 1.1–1.5 s of main thread; a file that is missing or does not
 * check out (model-pack.ts says why, on the console) only costs the build it would have spared.
 */
import { NA62_DETECTOR } from '../../../src-shared/geometry/na62-detector';
import type { DetectorDescription } from '../../../src-shared/geometry/types';
import { buildDetectorModel, type DetectorModel } from './detector-model';
import { unpackDetectorModel } from './model-pack';

/** the browser build's detector geometry file, relative to the page (absent in the dev server, Electron and tests) */
declare const __NA62_DETECTOR_PACK__: string | undefined;
const PACK = typeof __NA62_DETECTOR_PACK__ === 'string' ? __NA62_DETECTOR_PACK__ : undefined;

let early: { json: string; model: Promise<DetectorModel> } | undefined;

async function readPack(file: string): Promise<DetectorModel | undefined> {
  try {
    const res = await fetch(new URL(file, document.baseURI));
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    return unpackDetectorModel(await res.arrayBuffer(), NA62_DETECTOR, file);
  } catch (e) {
    console.warn(`The detector geometry file was not used; building the model instead. ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/**
 * Start the bundled description's model now (once, until taken): read from the build's file, or built.
 * The page may show it before the engine answers (the engine's description is that of the same build);
 * modelFor then says whether it stands.
 */
export function buildEarlyModel(): Promise<DetectorModel> {
  if (!early) {
    const json = JSON.stringify(NA62_DETECTOR);
    early = { json, model: PACK ? readPack(PACK).then((m) => m ?? buildDetectorModel(NA62_DETECTOR)) : Promise.resolve(buildDetectorModel(NA62_DETECTOR)) };
  }
  return early.model;
}

/**
 * The model of the engine's description: the early one when it is the same description (taken once),
 * else one built now; then the early model is `discarded`, for the caller to dispose once nothing shows it.
 */
export async function modelFor(detector: DetectorDescription, opts: { keepParts?: boolean } = {}): Promise<{ model: DetectorModel; discarded?: DetectorModel }> {
  const e = early;
  early = undefined;
  const model = e ? await e.model : undefined;
  if (e && model && !opts.keepParts && JSON.stringify(detector) === e.json) return { model };
  return { model: buildDetectorModel(detector, opts), ...(model ? { discarded: model } : {}) };
}
