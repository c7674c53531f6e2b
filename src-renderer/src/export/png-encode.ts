/**
 * The picture's PNG from its premultiplied RGBA pixels (fast-png), off the main thread: a 4K
 * picture is 33 MB of pixels and its deflate took seconds of the page's one thread. The pixels are
 * moved (transferred, not copied) to a worker of our own (png-encode.worker.ts) and the PNG comes
 * back the same way; where no worker can be started (a test in Node), it is encoded in place.
 * Cancelling terminates the worker at once.
 */
import { encode } from 'fast-png';

export interface PngJob {
  /** premultiplied RGBA, top row first (reused: the worker converts it in place) */
  readonly rgba: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** keep the alpha channel (transparent background), else RGB */
  readonly transparent: boolean;
  /** PNG tEXt chunks, already Latin-1 */
  readonly text: Record<string, string>;
}

/** The PNG bytes of a job (in whichever thread calls it). */
export function encodePngJob(j: PngJob): Uint8Array {
  const { rgba: out, width: W, height: H, text } = j;
  if (j.transparent) {
    for (let i = 0; i < out.length; i += 4) { // back from premultiplied alpha
      const a = out[i + 3]!;
      if (a > 0 && a < 255) { const f = 255 / a; out[i] = Math.min(255, out[i]! * f); out[i + 1] = Math.min(255, out[i + 1]! * f); out[i + 2] = Math.min(255, out[i + 2]! * f); }
    }
    return encode({ width: W, height: H, data: out, channels: 4, depth: 8, text });
  }
  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0, j2 = 0; i < out.length; i += 4, j2 += 3) { rgb[j2] = out[i]!; rgb[j2 + 1] = out[i + 1]!; rgb[j2 + 2] = out[i + 2]!; }
  return encode({ width: W, height: H, data: rgb, channels: 3, depth: 8, text });
}

const abortError = () => new DOMException('the picture was cancelled', 'AbortError');

/** Encode in a worker; the job's pixel buffer is transferred (unusable here afterwards). */
export function encodePngOffThread(j: PngJob, signal?: AbortSignal): Promise<Uint8Array> {
  if (signal?.aborted) return Promise.reject(abortError());
  let worker: Worker;
  try {
    worker = new Worker(new URL('./png-encode.worker.ts', import.meta.url), { type: 'module', name: 'na62-png' });
  } catch {
    return Promise.resolve(encodePngJob(j));
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const stop = () => { worker.terminate(); reject(abortError()); };
    signal?.addEventListener('abort', stop, { once: true });
    const done = () => { signal?.removeEventListener('abort', stop); worker.terminate(); };
    worker.onmessage = (e: MessageEvent<{ png?: Uint8Array; error?: string }>) => {
      done();
      if (e.data.png) resolve(e.data.png); else reject(new Error(`PNG encoding failed: ${e.data.error ?? 'unknown error'}`));
    };
    worker.onerror = (e) => { done(); reject(new Error(`PNG encoding failed: ${e.message || 'the worker did not start'}`)); };
    worker.postMessage(j, [j.rgba.buffer]);
  });
}
