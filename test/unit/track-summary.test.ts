import { describe, expect, it } from 'vitest';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { memoryHost } from '../memory-host';
import type { Envelope, ShownEvent, TrackSummary } from '../../src-shared/api/contract';
import { firstEventToShow } from '../../src-renderer/src/state/data-store';

const value = <T>(e: Envelope<unknown>): T => { if (!e.ok) throw new Error(e.error.message); return e.value as T; };

/** Every event as the display may get it: its top track momentum, or 'blinded' when the engine refuses it. */
async function visibleEvents(d: ReturnType<typeof createDispatcher>, dataset: string, n: number): Promise<(number | 'blinded')[]> {
  const out: (number | 'blinded')[] = [];
  for (let i = 0; i < n; i++) {
    const r = await d.handle('event', { dataset, index: i });
    if (!r.ok) { expect(r.error.code).toBe('blinded'); out.push('blinded'); continue; }
    const ev = (r.value as ShownEvent).event;
    out.push(Math.max(0, ...ev.tracks.map((t) => Math.hypot(t.px, t.py, t.pz))));
  }
  return out;
}

describe('track summary (where a dataset opens, the file-wide momentum scale)', () => {
  it('names the first visible event with tracks and the top momentum over visible events only, blinded events counting for nothing', async () => {
    const d = createDispatcher(createEngineHandlers({ host: 'node', appVersion: 't', files: memoryHost() }));
    // mock data is blind like data: the A′ signal lands in the masked SR; the halo background has events without tracks
    const config = { mode: 'dump', mix: { 'aprime-mumu': 2, 'combinatorial-mumu': 2, 'prompt-mumu': 1 }, numEvents: 400, seed: 11 };
    const blind = value<{ id: string }>(await d.handle('generate', { taskId: 'g1', name: 'blind.arrow', mockData: true, config }));
    const open = value<{ id: string }>(await d.handle('generate', { taskId: 'g2', name: 'sim.arrow', config }));
    for (const [ds, expectBlinded] of [[blind.id, true], [open.id, false]] as const) {
      const s = value<TrackSummary>(await d.handle('trackSummary', { dataset: ds }));
      const seen = await visibleEvents(d, ds, 400);
      expect(seen.includes('blinded')).toBe(expectBlinded);
      const firstVisible = seen.findIndex((p) => p !== 'blinded' && p > 0);
      expect(firstVisible).toBeGreaterThanOrEqual(0);
      expect(s.firstWithTracks).toBe(firstVisible);
      const top = Math.max(...seen.filter((p): p is number => p !== 'blinded'));
      expect(s.pMax).toBeCloseTo(top, 3);
      expect(firstEventToShow(s)).toBe(firstVisible);
    }
    // blinding changes the answer only towards the visible events: the blind file's top is no higher than the open one's
    const sb = value<TrackSummary>(await d.handle('trackSummary', { dataset: blind.id }));
    const so = value<TrackSummary>(await d.handle('trackSummary', { dataset: open.id }));
    expect(sb.pMax!).toBeLessThanOrEqual(so.pMax!);
    expect(sb.firstWithTracks!).toBeGreaterThanOrEqual(so.firstWithTracks!);
    // and with this seed it does: the first events with tracks and the fastest track are in the masked SR
    expect(so.firstWithTracks).toBe(0);
    expect(sb.firstWithTracks!).toBeGreaterThan(0);
    expect(sb.pMax!).toBeLessThan(so.pMax!);
    // a bad request is refused with a message
    expect(await d.handle('trackSummary', { dataset: 'nope' })).toMatchObject({ ok: false });
    expect(await d.handle('trackSummary', { dataset: blind.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  }, 60_000);

  it('opens on event 0 without a summary', () => {
    expect(firstEventToShow(undefined)).toBe(0);
    expect(firstEventToShow({ firstWithTracks: null, pMax: null })).toBe(0);
    expect(firstEventToShow({ firstWithTracks: 12, pMax: 9e4 })).toBe(12);
  });
});
