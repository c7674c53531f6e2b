/** What the display draws for an event: tracks through the magnet kick, the CDA_TAX construction, and a very busy event. */
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { trackPolyline, Z } from '../../src-renderer/src/display/layers/track-line';
import { EVENT_LAYERS, eventObjectCount, layerById, MAX_DRAWN_OBJECTS } from '../../src-renderer/src/display/layers/registry';
import { buildEventScene, type EventScene } from '../../src-renderer/src/display/event-scene';
import { DEFAULT_STYLE, PICTURE_SCALE, SCREEN_SCALE, type EventStyle } from '../../src-renderer/src/display/types';
import { analyseEvent } from '../../src-engine/reco/event-analysis';
import { nearestPick } from '../../src-renderer/src/display/picking';
import type { Na62Event } from '../../src-shared/event/model';
import { createGenerator } from '../../src-engine/generator/generate';
import { computeVariables } from '../../src-engine/reco/variables';
import { encodeColumns } from '../../src-engine/io/codec';
import { crowdedEvent, hitCount } from '../crowded-event';

const PX = SCREEN_SCALE(1, 3);
const draw = (ev: Na62Event, style: Partial<EventStyle> = {}): EventScene => buildEventScene(ev, analyseEvent(ev), { ...DEFAULT_STYLE, ...style }, PX);
/** three.js objects that draw (one draw call each) */
const drawCalls = (d: EventScene) => { let n = 0; d.group.traverse((o) => { if ('material' in o) n++; }); return n; };

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
      const d = draw(ev);
      expect(d.prepared.cdaSegment).toBeDefined();
      const [a, b] = d.prepared.cdaSegment!;
      expect(a.distanceTo(b)).toBeCloseTo(engine.cda_tax[0]!, 3);
      expect(a.z).toBeCloseTo(engine.z_tax[0]!, 3);
      expect(b.x).toBe(0);
      expect(b.y).toBe(-22);
      d.dispose();
    }
  });

  it('colours, hides and cuts collections on request', () => {
    const ev = dumpEvents('prompt-ee', 400, 7).find((e) => e.tracks.length >= 2 && e.lkrClusters.length + e.newchodHits.length > 0)!;
    const a = analyseEvent(ev);
    const all = draw(ev);
    const noTracks = draw(ev, { hidden: { tracks: true, tax: true, vertex: true } });
    expect(noTracks.counts.trackSegments).toBe(0);
    expect(noTracks.prepared.trackLines.every((l) => l.length === 0)).toBe(true);
    expect(noTracks.group.getObjectByName('tracks')).toBeUndefined();
    const slow = draw(ev, { colourBy: 'momentum', pMin: 1e9 });
    expect(slow.prepared.trackLines.every((l) => l.length === 0)).toBe(true);
    const inTime = draw(ev, { colourBy: 'hypothesis', tWindow: 1e-6 });
    expect(inTime.counts.hitSegments).toBeLessThan(all.counts.hitSegments);
    expect(a.tracks.every((t) => t.hypothesis === 'e' || t.hypothesis === 'pi' || t.hypothesis === 'mu')).toBe(true);
  });

  it('an event with 10^4 hits and 100 tracks still draws in a fixed number of geometries, and picking finds a track by its screen position', () => {
    const ev = crowdedEvent(1);
    const d = draw(ev);
    const lines = d.prepared.trackLines;
    expect(lines.filter((l) => l.length).length).toBe(100);
    expect(d.counts.straws).toBe(4000);
    expect(d.counts.hitSegments).toBeGreaterThan(10_000);
    // 1 px straws are WebGL lines on screen (cheap), wide lines in a picture drawn at 2×
    expect(d.layers.get('straws')!.objects[0]).toBeInstanceOf(THREE.LineSegments);
    const picture = buildEventScene(ev, analyseEvent(ev), DEFAULT_STYLE, PICTURE_SCALE(2, 3));
    expect(picture.layers.get('straws')!.objects[0]!.constructor.name).toBe('LineSegments2');
    picture.dispose();
    // one object per layer, however many hits: draw calls do not grow with them
    expect(drawCalls(d)).toBeLessThanOrEqual(EVENT_LAYERS.length + 1);
    // picking: an orthographic side view (y up, z to the right), 1 px per 100 mm
    const project = (p: { x: number; y: number; z: number }) => ({ x: p.z / 100, y: -p.y / 100 });
    const mid = lines[37]!;
    const target = project({ x: 0, y: (mid[1]!.y + mid[2]!.y) / 2, z: (mid[1]!.z + mid[2]!.z) / 2 });
    const pick = nearestPick(d, project, target, 8);
    expect(pick?.kind).toBe('tracks');
    expect(Math.abs(lines[pick!.index]![1]!.y - mid[1]!.y)).toBeLessThan(200); // that track or one drawn on top of it
    expect(nearestPick(d, project, { x: -5000, y: -5000 }, 8)).toBeUndefined();
    d.dispose();
  });

  it('an event with 10^5 hits draws in the same one object per layer; one past the limit is counted for refusal', () => {
    const ev = crowdedEvent(10.2);
    expect(hitCount(ev)).toBeGreaterThan(100_000);
    const d = draw(ev);
    expect(d.counts.straws).toBe(40_800);
    expect(d.counts.hitSegments).toBeGreaterThan(100_000);
    expect(drawCalls(d)).toBeLessThanOrEqual(EVENT_LAYERS.length + 1);
    d.dispose();
    expect(eventObjectCount(ev)).toBeLessThan(MAX_DRAWN_OBJECTS);
    expect(eventObjectCount(crowdedEvent(MAX_DRAWN_OBJECTS / 9000))).toBeGreaterThan(MAX_DRAWN_OBJECTS);
  });

  it('CHOD hits, one registry row: drawn as slab outlines in their plane, picked by the slab, described and in the legend; widths follow the pixel scale', () => {
    const ev = dumpEvents('aprime-mumu', 40, 8).find((e) => (e.chodHits?.length ?? 0) >= 2)!;
    expect(ev).toBeDefined();
    const d = draw(ev);
    const chod = d.layers.get('chod')!;
    expect(chod.count).toBe(4 * ev.chodHits!.length); // a rectangle each
    const at = chod.picks[0]![0]!;
    expect([239_009, 239_389]).toContain(at.z);
    // a beam's-eye projection at 1 px per 10 mm: the slab's centre picks it
    const project = (p: { x: number; y: number; z: number }) => ({ x: p.x / 10, y: -p.y / 10 });
    const pick = nearestPick({ ...d, layers: new Map([['chod', chod]]) }, project, project(at), 4);
    expect(pick).toEqual({ kind: 'chod', index: 0 });
    expect(layerById('chod')!.describe!(ev, undefined, 0)!.title).toMatch(/^CHOD [VH] slab \d+$/);
    expect(layerById('chod')!.legend(ev, undefined, DEFAULT_STYLE)).toEqual([[expect.any(String), 'CHOD slab']]);
    expect(draw(ev, { hidden: { chod: true } }).layers.has('chod')).toBe(false);
    // drawn at a picture's scale: the same layer, wider lines (set when built, not patched after)
    const wide = buildEventScene(ev, analyseEvent(ev), DEFAULT_STYLE, PICTURE_SCALE(4, 3));
    const width = (s: EventScene, id: 'chod' | 'tracks') => (s.layers.get(id)!.lineMaterials[0]!).linewidth;
    expect(width(wide, 'chod')).toBeCloseTo(4 * width(d, 'chod'), 6);
    expect(width(wide, 'tracks')).toBeCloseTo(12, 6);
    d.dispose(); wide.dispose();
  });
});
