/**
 * Start-up (issue 20): the page builds the detector model of its bundled description while the
 * engine starts, and keeps it only when the engine's description is the same; the engine's answer
 * always decides (geometry/early-model.ts). The geometry builder is replaced by a counting stub
 * (what is tested is which description a model is built from, and how often).
 */
import { describe, expect, it, vi } from 'vitest';
import type { DetectorDescription } from '../../src-shared/geometry/types';

const built: DetectorDescription[] = [];
vi.mock('../../src-renderer/src/geometry/detector-model', () => ({
  buildDetectorModel: (d: DetectorDescription) => { built.push(d); return { version: d.version, elements: d.elements.map((element) => ({ element })), byId: new Map(), totalParts: 0 }; },
  disposeDetectorModel: () => {},
}));
const { NA62_DETECTOR } = await import('../../src-shared/geometry/na62-detector');
const { buildEarlyModel, modelFor } = await import('../../src-renderer/src/geometry/early-model');

describe('the detector model built while the engine starts', () => {
  it('is used for the same description (as it arrives through postMessage), once; another description gets its own model', async () => {
    const shown = buildEarlyModel(); // the page may show it before the engine answers
    expect(buildEarlyModel()).toBe(shown); // once until taken
    expect(built).toEqual([NA62_DETECTOR]);
    const first = await modelFor(structuredClone(NA62_DETECTOR));
    expect(built).toHaveLength(1); // the early model, not a second build
    expect(first.model).toBe(await shown); // what the page showed stands
    expect(first.discarded).toBeUndefined();
    expect(first.model.elements).toHaveLength(NA62_DETECTOR.elements.length);
    // taken: the next model is built from the description given
    const again = await modelFor(structuredClone(NA62_DETECTOR));
    expect(again.model).not.toBe(first.model);
    expect(built).toHaveLength(2);
    // an engine with another detector: its description decides, not the bundled one; the early
    // model comes back as discarded (the page may be showing it: it frees it after the swap)
    const early = await buildEarlyModel();
    const other = { ...structuredClone(NA62_DETECTOR), elements: NA62_DETECTOR.elements.slice(0, 3) };
    const m = await modelFor(other);
    expect(built.at(-1)).toBe(other);
    expect(m.discarded).toBe(early);
    expect(m.model.elements.map((e) => e.element.id)).toEqual(other.elements.map((e) => e.id));
    // the unmerged baseline is never the early (merged) model
    buildEarlyModel();
    const unmerged = await modelFor(structuredClone(NA62_DETECTOR), { keepParts: true });
    expect(built.at(-1)).not.toBe(NA62_DETECTOR);
    expect(unmerged.model.elements).toHaveLength(NA62_DETECTOR.elements.length);
  });
});
