/** What the display draws for an event: tracks through the magnet kick, the CDA_TAX construction, and a very busy event. */
import { describe, expect, it } from 'vitest';
import { buildEventDrawing, disposeEventDrawing, eventObjectCount, MAX_DRAWN_OBJECTS, trackPolyline, Z } from '../../src-renderer/src/event/event-geometry';
import { analyseEvent } from '../../src-engine/reco/event-analysis';
import { nearestPick } from '../../src-renderer/src/event/picking';
import { createGenerator } from '../../src-engine/generator/generate';
import { computeVariables } from '../../src-engine/reco/variables';
import { encodeColumns } from '../../src-engine/io/codec';
import { crowdedEvent, hitCount } from '../crowded-event';

const dumpEvents = (process: string, n: number, seed: number) =>
  createGenerator({ mode: 'dump', mix: { [process]: 1 }, numEvents: n, seed, truth: true, strawHits: true }).events(0, n);

describe('event drawing', () => {
  it('draws each track through the reconstructed positions: STRAW1 point, straight to the MNP33 kick, the after-magnet slopes to STRAW4 and the LKr', () => {
    const ev = dumpEvents('aprime-mumu', 20, 5).find((e) => e.tracks.length === 2)!;
    const t = ev.tracks[0]!;
    const line = trackPolyline(t, 150_000, false);
    const [, s1, kink, s4, lkr] = line;
    expect(s1!.z).toBe(Z.straw1);
    expect(s1!.x).toBeCloseTo(t.x, 6);
    expect(s1!.y).toBeCloseTo(t.y, 6);
    expect(kink!.z).toBe(Z.mnp33);
    // before the kick: the momentum direction; after it: the measured downstream slopes
    expect((kink!.x - s1!.x) / (kink!.z - s1!.z)).toBeCloseTo(t.px / t.pz, 9);
    expect((s4!.x - kink!.x) / (s4!.z - kink!.z)).toBeCloseTo(t.dxdzAfter, 9);
    expect((lkr!.y - kink!.y) / (lkr!.z - kink!.z)).toBeCloseTo(t.dydzAfter, 9);
    expect(s4!.z).toBe(Z.straw4);
    // the kick bends in x (the MNP33 field is vertical) and changes the x slope by about 270 MeV/c / p
    expect(Math.abs(t.dxdzAfter - t.px / t.pz)).toBeCloseTo(270 / t.pz, 2);
  });

  it('draws the CDA_TAX segment with the length the engine computed, between the di-lepton line and the proton beam at Z_TAX', () => {
    const events = dumpEvents('aprime-mumu', 200, 6).filter((e) => e.tracks.length === 2);
    expect(events.length).toBeGreaterThan(20);
    for (const ev of events.slice(0, 20)) {
      const engine = computeVariables(encodeColumns([ev], { strawHits: false, truth: false }));
      const d = buildEventDrawing(ev, analyseEvent(ev));
      expect(d.cdaSegment).toBeDefined();
      const [a, b] = d.cdaSegment!;
      expect(a.distanceTo(b)).toBeCloseTo(engine.cda_tax[0]!, 3);
      expect(a.z).toBeCloseTo(engine.z_tax[0]!, 3);
      expect(b.x).toBe(0);
      expect(b.y).toBe(-22);
      disposeEventDrawing(d);
    }
  });

  it('colours, hides and cuts collections on request', () => {
    const ev = dumpEvents('prompt-ee', 400, 7).find((e) => e.tracks.length >= 2 && e.lkrClusters.length + e.newchodHits.length > 0)!;
    const a = analyseEvent(ev);
    const all = buildEventDrawing(ev, a);
    const noTracks = buildEventDrawing(ev, a, { colourBy: 'charge', hidden: { tracks: true, tax: true, vertex: true }, pMin: 0, tWindow: 0 });
    expect(noTracks.counts.trackSegments).toBe(0);
    expect(noTracks.trackLines.every((l) => l.length === 0)).toBe(true);
    const slow = buildEventDrawing(ev, a, { colourBy: 'momentum', hidden: {}, pMin: 1e9, tWindow: 0 });
    expect(slow.trackLines.every((l) => l.length === 0)).toBe(true);
    const inTime = buildEventDrawing(ev, a, { colourBy: 'hypothesis', hidden: {}, pMin: 0, tWindow: 1e-6 });
    expect(inTime.counts.hitSegments).toBeLessThan(all.counts.hitSegments);
    expect(a.tracks.every((t) => t.hypothesis === 'e' || t.hypothesis === 'pi' || t.hypothesis === 'mu')).toBe(true);
  });

  it('an event with 10^4 hits and 100 tracks still draws in a fixed number of geometries, and picking finds a track by its screen position', () => {
    const ev = crowdedEvent(1);
    const d = buildEventDrawing(ev, analyseEvent(ev));
    expect(d.trackLines.filter((l) => l.length).length).toBe(100);
    expect(d.counts.straws).toBe(4000);
    expect(d.counts.hitSegments).toBeGreaterThan(10_000);
    // one geometry per kind, however many objects: draw calls do not grow with the hits
    expect(Object.values(d).filter((x) => x && typeof x === 'object' && 'attributes' in x).length).toBe(5);
    // picking: an orthographic side view (y up, z to the right), 1 px per 100 mm
    const project = (p: { x: number; y: number; z: number }) => ({ x: p.z / 100, y: -p.y / 100 });
    const mid = d.trackLines[37]!;
    const target = project({ x: 0, y: (mid[1]!.y + mid[2]!.y) / 2, z: (mid[1]!.z + mid[2]!.z) / 2 });
    const pick = nearestPick(d, project, target, 8);
    expect(pick?.kind).toBe('track');
    expect(Math.abs(d.trackLines[pick!.index]![1]!.y - mid[1]!.y)).toBeLessThan(200); // that track or one drawn on top of it
    expect(nearestPick(d, project, { x: -5000, y: -5000 }, 8)).toBeUndefined();
    disposeEventDrawing(d);
  });

  it('an event with 10^5 hits draws in the same five geometries; one past the limit is counted for refusal', () => {
    const ev = crowdedEvent(10.2);
    expect(hitCount(ev)).toBeGreaterThan(100_000);
    const d = buildEventDrawing(ev, analyseEvent(ev));
    expect(d.counts.straws).toBe(40_800);
    expect(d.counts.hitSegments).toBeGreaterThan(100_000);
    expect(Object.values(d).filter((x) => x && typeof x === 'object' && 'attributes' in x).length).toBe(5);
    disposeEventDrawing(d);
    expect(eventObjectCount(ev)).toBeLessThan(MAX_DRAWN_OBJECTS);
    expect(eventObjectCount(crowdedEvent(MAX_DRAWN_OBJECTS / 9000))).toBeGreaterThan(MAX_DRAWN_OBJECTS);
  });
});
