/**
 * The mapping's proposal and the documented NA62Analysis-style mapping (docs/mappings/): the
 * heuristics recognise NA62 names, the documented mapping validates and compiles against such a
 * tree and converts an entry to the model's units; expressions and units convert as stated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeMapping, unitsFromSample } from '../../src-engine/io/root/propose';
import { compileMapping } from '../../src-engine/io/root/convert';
import { parseMapping, parseMappingText } from '../../src-shared/root/mapping';
import { layoutKey, type BranchInfo, type TreeInfo } from '../../src-shared/root/tree-info';
import { Z_PLANE } from '../../src-shared/geometry/planes';

const counted = (name: string, counter: string, type = 'float'): BranchInfo => ({ name, type, shape: 'counted', counter, usable: true });
const scalar = (name: string, type = 'int'): BranchInfo => ({ name, type, shape: 'scalar', usable: true });

/** An NA62Analysis-style candidate tree, as `na62 import --list` would describe it. */
const NA62_TREE: TreeInfo = {
  name: 'DimuonCandidates', entries: 1000,
  branches: [
    scalar('RunID'), scalar('BurstID'), scalar('EventNumber'), scalar('Weight', 'double'), scalar('NTracks'),
    ...['Momentum', 'SlopeXBeforeMagnet', 'SlopeYBeforeMagnet', 'PositionBeforeMagnetX', 'PositionBeforeMagnetY', 'Time', 'Chi2', 'SlopeXAfterMagnet', 'SlopeYAfterMagnet'].map((n) => counted(`Track_${n}`, 'NTracks')),
    counted('Track_Charge', 'NTracks', 'int'), counted('Track_NChambers', 'NTracks', 'int'),
    scalar('NLKrClusters'), ...['X', 'Y', 'Energy', 'Time'].map((n) => counted(`LKrCluster_${n}`, 'NLKrClusters')),
    scalar('NMUV3'), counted('MUV3_TileID', 'NMUV3', 'int'), counted('MUV3_Time', 'NMUV3'),
    scalar('NNewCHOD'), ...['X', 'Y', 'Time'].map((n) => counted(`NewCHOD_${n}`, 'NNewCHOD')),
    { name: 'Vertex', type: 'TVector3', shape: 'other', usable: false },
  ],
};
const DOC = parseMappingText(readFileSync(path.resolve(__dirname, '../../docs/mappings/na62analysis-dimuon.json'), 'utf8'), 'na62analysis-dimuon.json');

describe('mapping proposal and the documented NA62Analysis-style mapping', () => {
  it('proposes the documented mapping from NA62 branch names (all but the name, description and kind)', () => {
    const { mapping, notes } = proposeMapping(NA62_TREE);
    const { name: _n, description: _d, kind: _k, ...doc } = DOC;
    const { name: _pn, description: _pd, ...proposed } = mapping;
    expect(parseMapping({ ...proposed, name: 'x', kind: 'data' }, 'proposal')).toEqual({ ...doc, name: 'x', kind: 'data' });
    expect(mapping.kind).toBeUndefined(); // data or simulation is asked, never proposed
    expect(notes.join(' ')).toMatch(/track positions are taken at z = 183508 mm/);
  });

  it('the documented mapping compiles against the tree and converts an entry to mm, MeV, ns', () => {
    const c = compileMapping(DOC, NA62_TREE);
    expect(c.absent).toEqual(['lavHits', 'anti0Hits', 'beamKaon']);
    const ev = c.event({
      RunID: 11001, BurstID: 12, EventNumber: 345, Weight: 1,
      Track_Momentum: new Float32Array([20000, 30000]), Track_SlopeXBeforeMagnet: new Float32Array([0.001, -0.002]), Track_SlopeYBeforeMagnet: new Float32Array([0, 0.003]),
      Track_PositionBeforeMagnetX: new Float32Array([10, -20]), Track_PositionBeforeMagnetY: new Float32Array([5, 6]), Track_Time: new Float32Array([0.4, -0.3]),
      Track_Chi2: new Float32Array([3, 4]), Track_SlopeXAfterMagnet: new Float32Array([-0.012, 0.007]), Track_SlopeYAfterMagnet: new Float32Array([0, 0.003]),
      Track_Charge: new Int32Array([1, -1]), Track_NChambers: new Int32Array([4, 4]),
      LKrCluster_X: new Float32Array([100]), LKrCluster_Y: new Float32Array([200]), LKrCluster_Energy: new Float32Array([900]), LKrCluster_Time: new Float32Array([0.1]),
      MUV3_TileID: new Int32Array([40, 77]), MUV3_Time: new Float32Array([0.2, 0.5]), NewCHOD_X: new Float32Array([]), NewCHOD_Y: new Float32Array([]), NewCHOD_Time: new Float32Array([]),
    }, 0);
    expect(ev.header).toMatchObject({ run: 11001, burst: 12, event: 345, mode: 'dump', weight: 1, process: 'data' });
    expect(ev.tracks).toHaveLength(2);
    const t = ev.tracks[0]!;
    expect(Math.hypot(t.px, t.py, t.pz)).toBeCloseTo(20000, 6);
    expect(t.px / t.pz).toBeCloseTo(0.001, 9);
    expect(t.x).toBeCloseTo(10, 9); // given at STRAW1 already: no extrapolation
    expect(t).toMatchObject({ charge: 1, chi2: 3, nChambers: 4 });
    expect(ev.lkrClusters).toHaveLength(1);
    expect(ev.muv3Hits.map((h) => h.tile)).toEqual([40, 77]);
    expect(ev.newchodHits).toEqual([]);
  });

  it('converts units and extrapolates a position given at another z', () => {
    const m = parseMapping({
      ...DOC, header: {}, units: { momentum: 'GeV', energy: 'GeV', length: 'cm', time: 'ps' }, lkrClusters: undefined, muv3Hits: undefined, newchodHits: undefined,
      tracks: [{ charge: 1, px: 'sqrt(Track_Momentum[0]) * 0 + 1', py: 0, pz: 'Track_Momentum[0]', x: 2, y: 'Track_PositionBeforeMagnetY[0]', z: 18_000, time: 'Track_Time[0]' }],
    }, 'units');
    const ev = compileMapping(m, NA62_TREE).event({ Track_Momentum: [50], Track_PositionBeforeMagnetY: [3], Track_Time: [1500] }, 9);
    const t = ev.tracks[0]!;
    expect(t.pz).toBe(50_000);
    expect(t.px).toBe(1000);
    expect(t.x).toBeCloseTo(20 + (1 / 50) * (Z_PLANE.straw1 - 180_000), 9);
    expect(t.y).toBe(30);
    expect(t.time).toBeCloseTo(1.5, 12);
    expect(t.dxdzAfter).toBeCloseTo((1000 - 270) / 50_000, 12); // the MNP33 kick for a positive track
    expect(ev.header.event).toBe(9); // no event branch: the entry number
    expect(ev.lkrClusters).toEqual([]);
  });

  it('judges momentum units from a sample, and keys saved mappings by layout', () => {
    expect(unitsFromSample([45, 50, 38, 60, 41])).toBe('GeV');
    expect(unitsFromSample([45000, 12000, 30000, 70000])).toBe('MeV');
    expect(unitsFromSample([1, 2])).toBeUndefined();
    const other = { ...NA62_TREE, branches: NA62_TREE.branches.slice(1) };
    expect(layoutKey(NA62_TREE)).toBe(layoutKey({ ...NA62_TREE, entries: 5, branches: [...NA62_TREE.branches].reverse() }));
    expect(layoutKey(NA62_TREE)).not.toBe(layoutKey(other));
  });
});
