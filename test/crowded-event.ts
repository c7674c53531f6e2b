/** A synthetic event crowded with hits (stress tests of the drawing): `scale` 1 ≈ 10⁴ hits, 10 ≈ 10⁵, always 100 tracks. */
import type { Na62Event, StrawTrack } from '../src-shared/event/model';

export function crowdedEvent(scale: number, id = { run: 1, burst: 1, event: 1 }): Na62Event {
  const n = (k: number) => Math.round(k * scale);
  const tracks: StrawTrack[] = Array.from({ length: 100 }, (_, k) => ({
    charge: k % 2 ? 1 : -1, px: (k - 50) * 20, py: (k % 7) * 15, pz: 20_000 + 300 * k, x: (k - 50) * 10, y: (k % 9) * 12,
    time: 0, chi2: 3, nChambers: 4, dxdzAfter: (k - 50) * 0.001, dydzAfter: 0.0003 * (k % 7),
  }));
  return {
    header: { ...id, mode: 'dump', timeInSpill: 0, weight: 1, process: 'stress' },
    tracks,
    lkrClusters: Array.from({ length: n(2000) }, (_, k) => ({ x: (k % 40) * 50 - 1000, y: (Math.floor(k / 40) % 50) * 40 - 1000, energy: 1000 + k, time: 0 })),
    muv3Hits: Array.from({ length: 148 }, (_, k) => ({ tile: k, time: 0 })),
    newchodHits: Array.from({ length: n(2000) }, (_, k) => ({ x: (k % 40) * 50 - 1000, y: (Math.floor(k / 40) % 50) * 40 - 1000, time: 0 })),
    lavHits: Array.from({ length: n(1000) }, (_, k) => ({ station: 1 + (k % 12), phi: k * 0.01, time: 0 })),
    anti0Hits: Array.from({ length: n(852) }, (_, k) => ({ x: (k % 800) - 400, y: 300, time: 0 })),
    strawHits: Array.from({ length: n(4000) }, (_, k) => ({ chamber: k % 4, view: Math.floor(k / 4) % 4, coord: (k % 1000) - 500, time: 0 })),
  };
}

/** Hits and clusters of an event, as the drawing counts them against its limit. */
export const hitCount = (e: Na62Event) => e.lkrClusters.length + e.muv3Hits.length + e.newchodHits.length + e.lavHits.length + e.anti0Hits.length + (e.strawHits?.length ?? 0);
