/**
 * A long job cut in slices: between two slices the page gets the event loop back (input, the
 * screen's frames, React), progress is reported, and a cancel (AbortSignal) ends the job at the
 * next slice boundary with an AbortError, so nothing half-made is ever returned.
 */
export interface SliceOptions {
  /** stops the job at the next slice; its promise rejects with an AbortError */
  readonly signal?: AbortSignal;
  /** after each slice: slices done of the total */
  readonly onProgress?: (done: number, total: number) => void;
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException ? e.name === 'AbortError' : e instanceof Error && e.name === 'AbortError';

/** Give the event loop back: a macrotask (a message, not a 4 ms-clamped timer), so pending input and frames run first. */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => { const ch = new MessageChannel(); ch.port1.onmessage = () => { ch.port1.close(); resolve(); }; ch.port2.postMessage(0); });
}

export class Slices {
  private done = 0;
  constructor(readonly total: number, private readonly opts: SliceOptions = {}) {}

  /** Throw the AbortError if cancelled. */
  check(): void {
    if (this.opts.signal?.aborted) throw new DOMException('the picture was cancelled', 'AbortError');
  }

  /** Before the first slice: report 0 and let the page paint (the progress bar shows before the work starts). */
  async start(): Promise<void> {
    this.check();
    this.opts.onProgress?.(0, this.total);
    await yieldToPage();
    this.check();
  }

  /** After a slice (`n` slices' worth): report, give the event loop back, and stop here if cancelled. */
  async step(n = 1): Promise<void> {
    this.done = Math.min(this.total, this.done + n);
    this.opts.onProgress?.(this.done, this.total);
    await yieldToPage();
    this.check();
  }
}
