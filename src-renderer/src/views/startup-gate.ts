/**
 * At start-up the active view draws alone; the window's other views make their canvas once its
 * first event is on screen. With software WebGL (SwiftShader, the machines without a GPU) the GPU
 * process builds every context's draw pipelines one after another, tens of ms each, so the three
 * views of the default "inspect" layout starting together made the first event wait for the other
 * two views' detector frames (bench/startup-profile.mjs with PROFILE_LAYOUT=inspect). The gate
 * opens when the GPU has finished the active view's first frame with an event, a while after its
 * first frame when no event comes (nothing to show), and in any case a few seconds after the first
 * view registered (an active view that never draws, a hidden tab).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FenceContext } from './render-log';

export interface StartupGateState {
  /** false while only the views admitted may make their canvas */
  readonly open: boolean;
  /** the views that were active while the gate was closed: they keep their canvas */
  readonly admitted: readonly string[];
}

export interface StartupGateTimes {
  /** ms after the active view's first frame without an event */
  readonly noEventMs: number;
  /** ms after the first view registered, whatever happened */
  readonly fallbackMs: number;
}

// the first event is drawn 1–2.5 s after the page starts on this project's 2-core machine (a few s under load)
export const STARTUP_GATE_TIMES: StartupGateTimes = { noEventMs: 1500, fallbackMs: 10_000 };

export class StartupGate {
  readonly state: StoreApi<StartupGateState> = createStore<StartupGateState>()(() => ({ open: false, admitted: [] }));
  private armed = false;
  private sawFrame = false;
  private waitingForGpu = false;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(private readonly times: StartupGateTimes = STARTUP_GATE_TIMES) {}

  get isOpen(): boolean {
    return this.state.getState().open;
  }

  /** A view became active while the gate is closed: it makes its canvas now, and keeps it. */
  admit(id: string): void {
    if (this.isOpen || this.state.getState().admitted.includes(id)) return;
    this.state.setState((s) => ({ admitted: [...s.admitted, id] }));
  }

  /** May this view make its canvas? */
  static mayDraw(s: StartupGateState, id: string): boolean {
    return s.open || s.admitted.includes(id);
  }

  /** The first view registered: from now on the gate opens after `fallbackMs` at the latest. */
  arm(): void {
    if (this.armed || this.isOpen) return;
    this.armed = true;
    this.timers.push(setTimeout(() => this.open('fallback'), this.times.fallbackMs));
  }

  /**
   * A view submitted a frame. Only the active view's frames count: one with an event opens the gate
   * when the GPU has finished it (`fences`: its WebGL2 context; without, in the next task).
   */
  frameDone(isActive: boolean, hasEvent: boolean, fences?: FenceContext): void {
    if (this.isOpen || !isActive) return;
    if (!hasEvent) {
      if (!this.sawFrame) this.timers.push(setTimeout(() => this.open('no-event'), this.times.noEventMs));
      this.sawFrame = true;
      return;
    }
    if (this.waitingForGpu) return;
    this.waitingForGpu = true;
    const sync = fences?.fenceSync(fences.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!fences || !sync) { setTimeout(() => this.open('event'), 0); return; }
    fences.flush(); // a fence not flushed may never pass
    const poll = () => {
      if (this.isOpen) { fences.deleteSync(sync); return; }
      if (fences.getSyncParameter(sync, fences.SYNC_STATUS) === fences.SIGNALED) { fences.deleteSync(sync); this.open('event'); } else setTimeout(poll, 4);
    };
    setTimeout(poll, 0); // a fence's status changes only between tasks
  }

  /** Every view may draw from now on; `why` goes into the `na62:views-released` mark (bench/startup-profile.mjs, the e2e test). */
  open(why: 'event' | 'no-event' | 'fallback' = 'event'): void {
    for (const t of this.timers.splice(0)) clearTimeout(t);
    if (this.isOpen) return;
    performance.mark('na62:views-released', { detail: why });
    this.state.setState({ open: true });
  }
}
