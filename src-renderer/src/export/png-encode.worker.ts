/** The picture export's PNG encoder thread (png-encode.ts): pixels in, PNG bytes out, both transferred. */
import { encodePngJob, type PngJob } from './png-encode';

self.onmessage = (e: MessageEvent<PngJob>) => {
  try {
    const png = encodePngJob(e.data);
    (self as unknown as Worker).postMessage({ png }, [png.buffer]);
  } catch (err) {
    (self as unknown as Worker).postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
