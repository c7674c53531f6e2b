/**
 * The start-up gate (views/startup-gate.ts): at start-up only the active view makes its canvas; the
 * others wait until the GPU has finished the active view's first frame with an event, or until the
 * fallbacks (no event a while after its first frame; a few seconds after the first view registered).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StartupGate } from '../../src-renderer/src/views/startup-gate';
import { ViewRegistry } from '../../src-renderer/src/views/view-registry';
import { createViewStore } from '../../src-renderer/src/state/view-store';
import type { FenceContext } from '../../src-renderer/src/views/render-log';

const TIMES = { noEventMs: 1500, fallbackMs: 10_000 };

/** A WebGL2 context's fences, signalled when the test says the GPU is done. */
function fakeFences() {
  let done = false;
  const ctx: FenceContext & { made: number; deleted: number } = {
    made: 0, deleted: 0,
    fenceSync: () => { ctx.made++; return {} as WebGLSync; },
    getSyncParameter: () => (done ? 1 : 0),
    deleteSync: () => { ctx.deleted++; },
    flush: () => {},
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117, SYNC_STATUS: 0x9114, SIGNALED: 1,
  };
  return { ctx, finish: () => { done = true; } };
}

const mayDraw = (g: StartupGate, id: string) => StartupGate.mayDraw(g.state.getState(), id);

describe('the start-up gate', () => {
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); }); // not performance: the gate marks it
  afterEach(() => { vi.useRealTimers(); });

  it('lets only the admitted (active) views draw, and opens when the GPU has finished the active view\'s first event frame', () => {
    const g = new StartupGate(TIMES);
    g.arm();
    g.admit('side');
    expect(mayDraw(g, 'side')).toBe(true);
    expect(mayDraw(g, 'top')).toBe(false);
    const { ctx, finish } = fakeFences();
    g.frameDone(true, false, ctx); // the detector alone
    g.frameDone(false, true, ctx); // another view's event: does not count
    expect(ctx.made).toBe(0);
    g.frameDone(true, true, ctx);
    g.frameDone(true, true, ctx); // a second event frame while waiting: one fence
    expect(ctx.made).toBe(1);
    vi.advanceTimersByTime(200);
    expect(g.isOpen).toBe(false); // the GPU is still at it
    finish();
    vi.advanceTimersByTime(10);
    expect(g.isOpen).toBe(true);
    expect(mayDraw(g, 'top')).toBe(true);
    expect(ctx.deleted).toBe(1);
    expect((performance.getEntriesByName('na62:views-released').at(-1) as PerformanceMark).detail).toBe('event');
    // the fallbacks were cleared: nothing fires later
    const opened = vi.fn();
    g.state.subscribe(opened);
    vi.advanceTimersByTime(10_000);
    expect(opened).not.toHaveBeenCalled();
  });

  it('without fences (WebGL1) it opens in the next task after the event frame', () => {
    const g = new StartupGate(TIMES);
    g.frameDone(true, true);
    expect(g.isOpen).toBe(false);
    vi.advanceTimersByTime(0);
    expect(g.isOpen).toBe(true);
  });

  it('opens a while after the active view\'s first frame when no event comes (nothing to show)', () => {
    const g = new StartupGate(TIMES);
    g.frameDone(true, false);
    vi.advanceTimersByTime(TIMES.noEventMs - 1);
    g.frameDone(true, false); // later frames do not push it back
    expect(g.isOpen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(g.isOpen).toBe(true);
    expect((performance.getEntriesByName('na62:views-released').at(-1) as PerformanceMark).detail).toBe('no-event');
  });

  it('opens after the fallback delay once armed, even when the active view never draws', () => {
    const g = new StartupGate(TIMES);
    vi.advanceTimersByTime(TIMES.fallbackMs * 2);
    expect(g.isOpen).toBe(false); // not armed: no view yet
    g.arm();
    vi.advanceTimersByTime(TIMES.fallbackMs - 1);
    expect(g.isOpen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(g.isOpen).toBe(true);
  });

  it('in the registry: the first view is active and admitted, a view activated before the gate opens keeps its canvas, the active view\'s event frame opens it', () => {
    const mem = new Map<string, string>();
    const storage = () => ({ getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) });
    const views = new ViewRegistry(createViewStore(storage));
    for (const id of ['view-side', 'view-beam', 'view-top']) views.register(id);
    const gate = views.startup;
    expect(views.state.getState().activeId).toBe('view-side');
    expect(['view-side', 'view-beam', 'view-top'].map((id) => mayDraw(gate, id))).toEqual([true, false, false]);
    views.activate('view-top'); // the dock made another panel active: both keep drawing
    expect(['view-side', 'view-beam', 'view-top'].map((id) => mayDraw(gate, id))).toEqual([true, false, true]);
    views.frameDone('view-side', '11001:0:0'); // no longer the active view
    vi.advanceTimersByTime(100);
    expect(gate.isOpen).toBe(false);
    views.frameDone('view-top', '11001:0:0');
    vi.advanceTimersByTime(0);
    expect(gate.isOpen).toBe(true);
    expect(mayDraw(gate, 'view-beam')).toBe(true);
  });
});
