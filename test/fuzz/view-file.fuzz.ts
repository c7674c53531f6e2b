/**
 * Shared views: damaged and random .na62view files and #view= links give a view or a message naming
 * the file (or "the link"), never an exception; a view survives the file and the link unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseViewFile, viewFileText, viewFromHash, viewHash, type ViewFile } from '../../src-shared/view/view-file';
import { budget, TEST_TIMEOUT_MS } from './fuzz-budget';
import { damagedText } from './text-mutations';

const view: ViewFile = {
  format: 'na62-view', version: 1, savedAt: '2026-12-02T08:00:00.000Z',
  dataset: { name: 'run.arrow', numEvents: 4000, identity: `sha256:${'0f'.repeat(32)}` },
  event: { run: 11001, burst: 0, event: 12 },
  view: { mode: 'side', compression: 20, shown: { lkr: false }, labels: true, theme: 'dark', beamStation: 'straw1' },
  drawing: { colourBy: 'charge', hidden: { straws: true }, pMin: 0, tWindow: 0, showTruth: false },
};

describe('view files and links, fuzzed', () => {
  it('damaged or random files parse or are refused with a message naming the file', () => {
    const text = fc.oneof(damagedText(viewFileText(view)), fc.string({ maxLength: 400 }), fc.json({ maxDepth: 4 }));
    let ok = 0;
    fc.assert(fc.property(text, (t) => {
      const r = parseViewFile(t, 'v.na62view');
      if ('problem' in r) expect(r.problem).toMatch(/^v\.na62view: /);
      else ok++;
    }), budget(2000));
    expect(ok).toBeGreaterThan(0); // some damage leaves a valid view (another event number, say)
  }, TEST_TIMEOUT_MS);

  it('damaged or random links give a view, a problem about the link, or nothing', () => {
    const hash = viewHash(view);
    const link = fc.oneof(
      fc.tuple(fc.nat(hash.length), fc.string({ maxLength: 8 })).map(([i, s]) => hash.slice(0, i) + s + hash.slice(i + s.length)),
      fc.string({ maxLength: 300 }).map((s) => `#view=${s}`),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(fc.property(link, (h) => {
      const r = viewFromHash(h);
      if (r && 'problem' in r) expect(r.problem).toMatch(/the link/);
    }), budget(2000));
    expect(viewFromHash(hash)).toEqual({ view });
  }, TEST_TIMEOUT_MS);
});
