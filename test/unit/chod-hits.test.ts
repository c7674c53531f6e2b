/** NA48-CHOD slab hits: geometry, the fast MC's response, and the optional file column (older files read as before). */
import { describe, expect, it } from 'vitest';
import { CHOD_APOTHEM, CHOD_SLABS_PER_QUADRANT, chodSlab, chodSlabAt } from '../../src-shared/geometry/chod';
import { createGenerator } from '../../src-engine/generator/generate';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { openEventFile, writeEventFile } from '../../src-engine/io/event-file';

describe('CHOD slab geometry', () => {
  it('puts a crossing point inside the rectangle of the slab it fires, in both planes and all quadrants', () => {
    for (const [x, y] of [[300, 200], [-700, 150], [-90, -1000], [1100, -300], [20, 140]] as const) {
      for (const plane of [0, 1] as const) {
        const slab = chodSlabAt(plane, x, y);
        expect(slab).toBeDefined();
        const r = chodSlab(plane, slab!)!;
        expect(x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1).toBe(true);
      }
    }
  });
  it('has 16 slabs a quadrant out to the 1210 mm apothem, and nothing in the beam hole or outside the octagon', () => {
    expect(CHOD_SLABS_PER_QUADRANT).toBe(16);
    expect(chodSlab(0, 15)!.x1).toBe(CHOD_APOTHEM);
    expect(chodSlabAt(0, 50, 50)).toBeUndefined();
    expect(chodSlabAt(1, 1200, 1200)).toBeUndefined();
    expect(chodSlab(0, 64)).toBeUndefined();
  });
});

describe('CHOD hits in generated events and files', () => {
  const gen = createGenerator({ mode: 'dump', numEvents: 40, seed: 7, mix: { 'aprime-mumu': 1 } });
  it('the response fires a slab per plane for tracks in the acceptance, at the track time', () => {
    const events = gen.events(0, 40);
    const withTracks = events.filter((e) => e.tracks.length > 0);
    expect(withTracks.length).toBeGreaterThan(5);
    const hits = withTracks.flatMap((e) => e.chodHits ?? []);
    expect(hits.length).toBeGreaterThan(withTracks.length);
    expect(new Set(hits.map((h) => h.plane))).toEqual(new Set([0, 1]));
    for (const h of hits) expect(Math.abs(h.time)).toBeLessThan(5);
  });
  it('a file that says chodHits keeps them; a file without the key reads with none', async () => {
    const write = async (chodHits: boolean | undefined) => {
      const sink = memorySink();
      await writeEventFile(sink, 20, (s, c) => gen.events(s, c), { meta: { geometryVersion: 'g', strawHits: false, truth: false, ...(chodHits === undefined ? {} : { chodHits }), kind: 'simulation', generator: gen.info } });
      return openEventFile(memorySource('c.arrow', sink.bytes()));
    };
    const withChod = await write(true), without = await write(undefined);
    const all = (f: Awaited<ReturnType<typeof write>>) => Promise.all(Array.from({ length: 20 }, (_, i) => f.event(i)));
    const a = await all(withChod), b = await all(without);
    expect(a.flatMap((e) => e.chodHits ?? []).length).toBeGreaterThan(0);
    const slabs = (evs: readonly { chodHits?: readonly { plane: number; slab: number }[] }[]) => evs.map((e) => e.chodHits?.map((h) => [h.plane, h.slab]));
    expect(slabs(a)).toEqual(slabs(gen.events(0, 20))); // times are stored as float32
    expect(b.every((e) => e.chodHits === undefined)).toBe(true);
    expect(b.map((e) => e.tracks)).toEqual(a.map((e) => e.tracks));
  });
});
