import { describe, expect, it } from 'vitest';
import { fileMomentumScaleMax, MOMENTUM_MAX, MOMENTUM_STOPS, momentumColour, momentumRangeLabel, momentumScaleMax, niceCeil, scaleTopFor, trackLegend } from '../../src-renderer/src/display/colours';
import { tracksLayer } from '../../src-renderer/src/display/layers/track-layers';
import * as THREE from 'three';

const track = (p: number) => ({ px: 0.01 * p, py: 0, pz: Math.sqrt(1 - 1e-4) * p });

describe('momentum colour scale', () => {
  it('rounds up to nice numbers', () => {
    expect([0.9, 1, 1.3, 2.2, 3, 7.5, 12, 260].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 500]);
  });

  it("follows the shown event: a 130 GeV/c dump muon gets a 0–200 scale, not a saturated 0–75", () => {
    const pMax = momentumScaleMax([track(130_000), track(40_000)]);
    expect(pMax).toBe(200_000);
    expect(momentumRangeLabel(pMax)).toBe('0–200 GeV/c');
    // the fastest track is not at the hot end, and two muons of 100 and 130 GeV/c differ in colour
    expect(momentumColour(130_000, pMax).getHexString()).not.toBe(new THREE.Color(MOMENTUM_STOPS[4]).getHexString());
    expect(momentumColour(100_000, pMax).getHexString()).not.toBe(momentumColour(130_000, pMax).getHexString());
    // on the old fixed scale both saturated
    expect(momentumColour(100_000).getHexString()).toBe(momentumColour(130_000).getHexString());
  });

  it('ranges a kaon-mode event on its own momenta, and falls back to the beam momentum without tracks', () => {
    expect(momentumScaleMax([track(18_000), track(9_000)])).toBe(20_000);
    expect(momentumScaleMax([track(200)])).toBe(1_000); // floor: one soft track does not stretch the scale to nothing
    expect(momentumScaleMax([])).toBe(MOMENTUM_MAX);
    expect(momentumScaleMax(undefined)).toBe(MOMENTUM_MAX);
  });

  it('names the range in the legend rows (views and exported pictures)', () => {
    expect(trackLegend('momentum', false, 200_000).map((r) => r[1])).toEqual(['track p 0 GeV/c', 'track p 100 GeV/c', 'track p ≥ 200 GeV/c']);
    const ev = { tracks: [{ ...track(130_000), charge: 1 }] } as unknown as Parameters<typeof tracksLayer.legend>[0];
    const rows = tracksLayer.legend(ev, undefined, { colourBy: 'momentum', light: false } as Parameters<typeof tracksLayer.legend>[2]);
    expect(rows.map((r) => r[1])).toContain('track p ≥ 200 GeV/c');
  });
});

describe('momentum colour scale over the file', () => {
  it("fixes the top at the file's fastest visible track, rounded up; without one each event keeps its own", () => {
    expect(fileMomentumScaleMax(183_000)).toBe(200_000);
    expect(fileMomentumScaleMax(null)).toBeUndefined();
    expect(fileMomentumScaleMax(0)).toBeUndefined();
    const slow = [track(18_000)];
    expect(scaleTopFor(slow, {})).toBe(20_000);
    expect(scaleTopFor(slow, { pMax: 200_000 })).toBe(200_000);
    const ev = { tracks: [{ ...track(18_000), charge: 1 }] } as unknown as Parameters<typeof tracksLayer.legend>[0];
    const rows = tracksLayer.legend(ev, undefined, { colourBy: 'momentum', light: false, pMax: 200_000 } as Parameters<typeof tracksLayer.legend>[2]);
    expect(rows.map((r) => r[1])).toContain('track p ≥ 200 GeV/c');
  });
});
