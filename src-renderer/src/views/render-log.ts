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
const frames: FrameRecord[] = [];
let drawnThisFrame: string | undefined;
let sync = false;

/** Called while the event's tracks render: the frame shows this event. */
export function markEventDrawn(key: string): void {
  drawnThisFrame = key;
}

export function setFrameSync(on: boolean): void {
  sync = on;
}

/** Called after the scene rendered. */
export function frameDone(frame: number, calls: number, finish: () => void): void {
  if (sync) finish();
  frames.push({ frame, t: performance.now(), event: drawnThisFrame, calls });
  if (frames.length > SIZE) frames.shift();
  drawnThisFrame = undefined;
}

export const recentFrames = (): readonly FrameRecord[] => frames;
