/**
 * A short log of the last rendered frames and the event each one showed, for the stepping and
 * start-up benchmarks and the tests (time from a key press to the frame that shows the next event).
 * A frame's time can include the GPU's work:
 *  - 'read': each frame is finished with a one-pixel read, which blocks the page until the GPU is done;
 *  - 'fence': a WebGL2 fence is set after each frame and the frame is logged when the GPU has passed
 *    it (polled between tasks), so the page goes on working meanwhile, as it does for a user: the
 *    start-up bench times what the app shows without slowing it down.
 */
export interface FrameRecord {
  readonly frame: number;
  /** performance.now() when the frame was rendered (with sync on: finished by the GPU) */
  readonly t: number;
  /** run:burst:event of the event drawn in this frame, if any */
  readonly event: string | undefined;
  readonly calls: number;
}

export type FrameSync = false | true | 'read' | 'fence';

/** What the log needs of the WebGL context in 'fence' mode (a WebGL2 context has it all). */
export interface FenceContext {
  fenceSync(condition: number, flags: number): WebGLSync | null;
  getSyncParameter(sync: WebGLSync, pname: number): unknown;
  deleteSync(sync: WebGLSync | null): void;
  flush(): void;
  readonly SYNC_GPU_COMMANDS_COMPLETE: number;
  readonly SYNC_STATUS: number;
  readonly SIGNALED: number;
}

const SIZE = 64;

/** One view's log of its last frames. */
export class RenderLog {
  private readonly frames: FrameRecord[] = [];
  private drawnThisFrame: string | undefined;
  private sync: FrameSync = false;
  /** frames waiting for their fence, oldest first (fences pass in order) */
  private readonly pending: { sync: WebGLSync; frame: number; event: string | undefined; calls: number }[] = [];
  private polling = false;

  /** Called while the event renders: the frame shows this event. */
  markEventDrawn(key: string): void {
    this.drawnThisFrame = key;
  }

  /** true is 'read' (the stepping bench's and the tests' mode). */
  setFrameSync(on: FrameSync): void {
    this.sync = on;
  }

  /**
   * Called after the scene rendered. `finish` blocks until the GPU is done (a one-pixel read);
   * `fences` is the WebGL2 context, where it has fences ('fence' mode falls back to `finish` without).
   * Returns the event the frame showed.
   */
  frameDone(frame: number, calls: number, finish: () => void, fences?: FenceContext): string | undefined {
    const event = this.drawnThisFrame;
    this.drawnThisFrame = undefined;
    if (this.sync === 'fence' && fences) {
      const sync = fences.fenceSync(fences.SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (sync) {
        fences.flush(); // a fence not flushed may never pass
        this.pending.push({ sync, frame, event, calls });
        this.poll(fences);
        return event;
      }
    }
    if (this.sync) finish();
    this.push({ frame, t: performance.now(), event, calls });
    return event;
  }

  recentFrames(): readonly FrameRecord[] {
    return this.frames;
  }

  private push(r: FrameRecord): void {
    this.frames.push(r);
    if (this.frames.length > SIZE) this.frames.shift();
  }

  /** Log the frames whose fence has passed; look again in the next task while any wait. */
  private poll(gl: FenceContext): void {
    if (this.polling) return;
    this.polling = true;
    const step = () => {
      while (this.pending.length && gl.getSyncParameter(this.pending[0]!.sync, gl.SYNC_STATUS) === gl.SIGNALED) {
        const p = this.pending.shift()!;
        gl.deleteSync(p.sync);
        this.push({ frame: p.frame, t: performance.now(), event: p.event, calls: p.calls });
      }
      if (this.pending.length) setTimeout(step, 0);
      else this.polling = false;
    };
    setTimeout(step, 0); // the status of a fence changes only between tasks
  }
}
