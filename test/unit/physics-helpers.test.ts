/**
 * Known answers for the one definition of each physics helper (src-shared/physics), and checks
 * that the detector response, the reconstruction the selections run and the drawing all go
 * through it.
 */
import { describe, expect, it } from 'vitest';
import { kickedSlope, kinkedCoordinate, PT_KICK, trackAt, Z_MNP33 } from '../../src-shared/physics/track-line';
import { closestApproach, closestApproachInto } from '../../src-shared/physics/closest-approach';
import { MUV3_MIN_MOMENTUM, muv3HitMatches, muv3MatchTolerance, muv3Matches, muv3Window } from '../../src-shared/physics/muv3-reach';
import { Z_PLANE } from '../../src-shared/geometry/planes';
import { muv3Tiles } from '../../src-shared/geometry/muv3';
import { positionAt, type ChargedParticle } from '../../src-engine/detector/response';
import { computeVariables } from '../../src-engine/reco/variables';
import { analyseEvent } from '../../src-engine/reco/event-analysis';
import { encodeColumns } from '../../src-engine/io/codec';
import { trackPolyline } from '../../src-renderer/src/display/layers/track-line';
import { prepareEvent } from '../../src-renderer/src/display/layers/prepare';
import { DEFAULT_STYLE } from '../../src-renderer/src/display/types';
import { p4 } from '../../src-engine/generator/lorentz';
import type { Na62Event, StrawTrack } from '../../src-shared/event/model';

const Z1 = Z_PLANE.straw1;

/** A muon from (vx, vy, vz), and the STRAW track a perfect spectrometer would report for it. */
function muon(q: number, p: number, vx: number, vy: number, vz: number, sx: number, sy: number): { part: ChargedParticle; track: StrawTrack } {
  const pz = p / Math.sqrt(1 + sx * sx + sy * sy);
  const part: ChargedParticle = { pdg: q > 0 ? -13 : 13, charge: q, p: p4(sx * pz, sy * pz, pz, 105.658), vx, vy, vz, vt: 0 };
  const at1 = positionAt(part, Z1);
  const track: StrawTrack = { charge: q, px: sx * pz, py: sy * pz, pz, x: at1.x, y: at1.y, time: 0, chi2: 5, nChambers: 4, dxdzAfter: kickedSlope(sx * pz, pz, q), dydzAfter: sy };
  return { part, track };
}

describe('the track line through MNP33', () => {
  it('is straight upstream of the magnet and kicked by 270 MeV/c in x downstream', () => {
    // a 27 GeV/c positive track along z: after the magnet dx/dz = −270/27000 = −0.01
    expect(kickedSlope(0, 27_000, 1)).toBeCloseTo(-0.01, 12);
    expect(kickedSlope(0, 27_000, -1)).toBeCloseTo(0.01, 12);
    expect(PT_KICK).toBe(270);
    expect(kinkedCoordinate(5, 100_000, 0.001, -0.009, Z_MNP33 - 1000)).toBeCloseTo(5 + 0.001 * (Z_MNP33 - 101_000), 9);
    // 10 m after the magnet: the position at the magnet plus 10 m × the new slope
    const atMagnet = 5 + 0.001 * (Z_MNP33 - 100_000);
    expect(kinkedCoordinate(5, 100_000, 0.001, -0.009, Z_MNP33 + 10_000)).toBeCloseTo(atMagnet - 90, 9);
    // a particle born after the magnet is never kicked
    expect(kinkedCoordinate(0, Z_MNP33 + 1, 0.002, 0.5, Z_MNP33 + 1001)).toBeCloseTo(2, 9);
  });

  it('is the same line in the detector response, the reconstructed track and the drawing', () => {
    const { part, track } = muon(1, 35_000, 12, -30, 150_000, 0.003, -0.002);
    for (const z of [Z1, Z_PLANE.straw4, Z_PLANE.newchod, Z_PLANE.lkr, Z_PLANE.muv3]) {
      const a = positionAt(part, z), b = trackAt(track, z);
      expect(b.x).toBeCloseTo(a.x, 6);
      expect(b.y).toBeCloseTo(a.y, 6);
    }
    const drawn = trackPolyline(track, 150_000, true);
    for (const p of drawn) {
      const q = trackAt(track, p.z);
      expect(p.x).toBeCloseTo(q.x, 3);
      expect(p.y).toBeCloseTo(q.y, 3);
    }
    expect(drawn.at(-1)!.z).toBe(Z_PLANE.muv3);
  });
});

describe('closest approach', () => {
  it('gives the midpoint and the length of the shortest segment', () => {
    // x axis at y = 0, z = 0 and a line along y at z = 10, x = 3: CDA 10, midpoint (3, 0, 5)
    const ca = closestApproach({ x: -4, y: 0, z: 0, dx: 1, dy: 0, dz: 0 }, { x: 3, y: 7, z: 10, dx: 0, dy: 2, dz: 0 });
    expect(ca.defined).toBe(true);
    expect(ca.cda).toBeCloseTo(10, 12);
    expect([ca.x, ca.y, ca.z]).toEqual([3, 0, 5].map((v) => expect.closeTo(v, 9)));
    const scratch = { x: 0, y: 0, z: 0, cda: 0, defined: false };
    expect(closestApproachInto(-4, 0, 0, 1, 0, 0, 3, 7, 10, 0, 2, 0, scratch)).toEqual(ca);
  });

  it('is what the selections compute as the two-track vertex and CDA', () => {
    const a = muon(1, 40_000, 10, 20, 150_000, 0.004, 0.001).track, b = muon(-1, 30_000, 10, 28, 150_000, -0.004, 0.001).track;
    const ev: Na62Event = { header: { run: 1, burst: 0, event: 0, mode: 'dump', timeInSpill: 0, weight: 1, process: 'test' }, tracks: [a, b], lkrClusters: [], muv3Hits: [], newchodHits: [], lavHits: [], anti0Hits: [] };
    const v = computeVariables(encodeColumns([ev], { strawHits: false, truth: false }));
    const line = (t: StrawTrack) => ({ x: t.x, y: t.y, z: Z1, dx: t.px / t.pz, dy: t.py / t.pz, dz: 1 });
    const ca = closestApproach(line(a), line(b));
    expect(v.cda[0]).toBeCloseTo(ca.cda, 3); // the file stores float32 positions
    expect(v.vz[0]).toBeCloseTo(ca.z, 0);
    expect(v.cda[0]).toBeCloseTo(8, 1);
  });
});

describe('MUV3 reach', () => {
  const tile = muv3Tiles().find((t) => t.rects.every((r) => r.x0 > 300))!;
  const r = tile.rects[0]!;
  const cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;

  it('a muon below the range threshold never reaches it; above, a tolerance that shrinks with momentum', () => {
    expect(muv3Matches(cx, cy, MUV3_MIN_MOMENTUM - 1, r.x0, r.x1, r.y0, r.y1, 0)).toBe(false);
    expect(muv3Matches(cx, cy, 20_000, r.x0, r.x1, r.y0, r.y1, 0)).toBe(true);
    expect(muv3Matches(cx, cy, 20_000, r.x0, r.x1, r.y0, r.y1, 6)).toBe(false); // out of time
    expect(muv3MatchTolerance(10_000)).toBe(120);
    expect(muv3MatchTolerance(100_000)).toBe(60);
    expect(muv3Matches(r.x1 + 100, cy, 10_000, r.x0, r.x1, r.y0, r.y1, 0)).toBe(true);
    expect(muv3Matches(r.x1 + 100, cy, 100_000, r.x0, r.x1, r.y0, r.y1, 0)).toBe(false);
  });

  it('the per-track window and the per-hit test (the reconstruction asks once per track) are muv3Matches', () => {
    let n = 0;
    for (const p of [1_000, 2_999, 3_001, 5_000, 10_000, 40_000, 150_000]) {
      const tol = muv3Window(p);
      expect(tol < 0).toBe(p <= MUV3_MIN_MOMENTUM);
      for (const dx of [-400, -130, -70, -30, 0, 50, 65, 119, 121, 300]) for (const dt of [-6, -4.9, 0, 4.9, 5, NaN]) {
        const x = r.x1 + dx, y = cy + dx / 2;
        expect([p, dx, dt, muv3HitMatches(x, y, tol, r.x0, r.x1, r.y0, r.y1, dt)]).toEqual([p, dx, dt, muv3Matches(x, y, p, r.x0, r.x1, r.y0, r.y1, dt)]);
        n += muv3Matches(x, y, p, r.x0, r.x1, r.y0, r.y1, dt) ? 1 : 0;
      }
    }
    expect(n).toBeGreaterThan(20);
  });

  it('the reconstruction and the drawing agree: a track is drawn to MUV3 exactly when it is matched there', () => {
    // aim a track at the tile's centre at MUV3, then give it a hit there; and the same track below the threshold
    const z = Z_PLANE.muv3;
    const make = (p: number): Na62Event => {
      const { track } = muon(1, p, 0, 0, 150_000, 0, 0);
      const at = trackAt(track, z);
      const moved = { ...track, x: track.x + (cx - at.x), y: track.y + (cy - at.y) };
      return { header: { run: 1, burst: 0, event: 0, mode: 'dump', timeInSpill: 0, weight: 1, process: 'test' }, tracks: [moved], lkrClusters: [], muv3Hits: [{ tile: tile.id, time: 0 }], newchodHits: [], lavHits: [], anti0Hits: [] };
    };
    const fastEv = make(40_000), slowEv = make(2_500);
    const fast = analyseEvent(fastEv), slow = analyseEvent(slowEv);
    expect(fast.tracks[0]!.nmuv3).toBe(1);
    expect(slow.tracks[0]!.nmuv3).toBe(0);
    const lastZ = (ev: Na62Event, a: ReturnType<typeof analyseEvent>) => prepareEvent(ev, a, DEFAULT_STYLE).trackLines[0]!.at(-1)!.z;
    expect(lastZ(fastEv, fast)).toBe(z);
    expect(lastZ(slowEv, slow)).toBe(Z_PLANE.lkr);
  });
});
