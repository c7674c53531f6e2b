/**
 * A short log of the last rendered frames and the event each one showed, for the stepping
 * benchmark and the tests (time from a key press to the frame that shows the next event).
 * Optionally each frame is finished with a one-pixel read, so a frame's time includes the GPU's work.
 */
export interface FrameRecord {
  readonly frame: number;
  /** performance.now() when the frame was rendered (and, with sync on, finished) */
  readonly t: number;
  /** run:burst:event of the event drawn in this frame, if any */
  readonly event: string | undefined;
  readonly calls: number;
}

const SIZE = 64;

/** One view's log of its last frames. */
export class RenderLog {
  private readonly frames: FrameRecord[] = [];
  private drawnThisFrame: string | undefined;
  private sync = false;

  /** Called while the event renders: the frame shows this event. */
  markEventDrawn(key: string): void {
    this.drawnThisFrame = key;
  }

  setFrameSync(on: boolean): void {
    this.sync = on;
  }

  /** Called after the scene rendered. */
  frameDone(frame: number, calls: number, finish: () => void): void {
    if (this.sync) finish();
    this.frames.push({ frame, t: performance.now(), event: this.drawnThisFrame, calls });
    if (this.frames.length > SIZE) this.frames.shift();
    this.drawnThisFrame = undefined;
  }

  recentFrames(): readonly FrameRecord[] {
    return this.frames;
  }
}
