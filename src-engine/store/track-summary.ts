/**
 * What the display needs to know about a file's tracks before it shows any event: the first event
 * that has tracks (the one to open on: event 0 of the demo has none) and the top track momentum
 * over the file (a colour scale shared by every event). Both come only from events the user may
 * see: an event a closed (blinded) region masks counts for neither, so the numbers say nothing
 * about it. Straight from the stored track columns, without reconstruction; the masking check
 * runs only for an event that would change the answer (the first with tracks, a new maximum).
 */
import type { TrackSummary } from '../../src-shared/api/contract';
import type { EventFile } from '../io/event-file';

/** Is event `index` visible now (not in a closed region)? The engine's blinding guard. */
export type VisibleCheck = (index: number) => Promise<boolean>;

export async function trackSummary(file: EventFile, visible: VisibleCheck): Promise<TrackSummary> {
  let firstWithTracks: number | null = null, pMax = 0;
  await file.scan(0, file.numBatches, async (start, c) => {
    const t = c.collections.get('tracks');
    if (!t) return false;
    const { offsets } = t;
    const px = t.fields['px']!, py = t.fields['py']!, pz = t.fields['pz']!;
    for (let i = 0; i < c.length; i++) {
      const a = offsets[i]!, b = offsets[i + 1]!;
      if (b <= a) continue;
      let top = 0;
      for (let k = a; k < b; k++) {
        const p = Math.hypot(Number(px[k]), Number(py[k]), Number(pz[k]));
        if (Number.isFinite(p) && p > top) top = p;
      }
      // the masking check only where the answer would change (it reconstructs the batch)
      const needed = firstWithTracks === null || top > pMax;
      if (needed && !(await visible(start + i))) continue;
      if (firstWithTracks === null) firstWithTracks = start + i;
      if (top > pMax) pMax = top;
    }
    return true;
  });
  return { firstWithTracks, pMax: pMax > 0 ? pMax : null };
}
