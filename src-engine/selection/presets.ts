/**
 * The published NA62 selections as named, ordered cuts with editable parameters
 * (na62-analyses.md §2.2 μμ, §3.2 ee, §4.2 π4e). Every number marked NOT RETRIEVED in the reference
 * is a parameter with the reference's stated default; the source is given beside each.
 */
import type { VariableColumns } from '../reco/variables';
import type { RegionShape } from '../../src-shared/selection/types';

export type ParamValue = number | string;
export type Params = Readonly<Record<string, ParamValue>>;

export interface ParamSpec {
  readonly name: string;
  readonly value: ParamValue;
  readonly unit: string;
  readonly description: string;
  readonly source: string;
  /** for string parameters: the allowed values */
  readonly options?: readonly string[];
}

export interface CutSpec {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  /** parameters this cut reads */
  readonly params: readonly string[];
  /** may the user switch it off (all can; marked here where the reference says so) */
  readonly switchable?: boolean;
  readonly test: (v: VariableColumns, i: number, p: NumParams) => boolean;
  /** the test reads only ntracks and qsum: a selection may decide it before the full reconstruction */
  readonly multiplicityOnly?: boolean;
  /** the test is exactly ntracks === ntracks && qsum === qsum: a selection decides it straight from the track columns */
  readonly multiplicity?: { readonly ntracks: number; readonly qsum: number };
  /**
   * the test reads only ntracks, qsum and the first two tracks' own variables (p, q, χ², chambers,
   * t, dt: BatchReco.tracks): a selection decides it before the vertex and the downstream association
   */
  readonly tracksOnly?: boolean;
  /**
   * one of the cuts that decide, with the regions, what blinding masks (selection/masking.ts): the
   * multiplicity and the channel's particle identification — so that the μμ and ee analyses, whose
   * regions share the CDA_TAX–Z_TAX plane, do not mask each other's events, while what is masked
   * stays far looser than the selection (its size is not the region's yield)
   */
  readonly masks?: boolean;
}

export interface RegionSpec {
  readonly id: 'SR' | 'CR';
  readonly label: string;
  readonly source: string;
  /** masked until the user unblinds */
  readonly blinded: boolean;
  readonly test: (v: VariableColumns, i: number, p: NumParams) => boolean;
  /** the same region as a shape to draw (the CR is drawn as its outer box, the SR over it) */
  readonly shape: (p: NumParams) => RegionShape;
}

export interface SelectionPreset {
  readonly id: 'dump-mumu' | 'dump-ee' | 'kaon-pi4e';
  readonly label: string;
  readonly mode: 'dump' | 'kaon';
  readonly params: readonly ParamSpec[];
  readonly cuts: readonly CutSpec[];
  /** checked in order: an event belongs to the first region it is in */
  readonly regions: readonly RegionSpec[];
  /** variables listed with each candidate */
  readonly keyVariables: readonly (keyof VariableColumns)[];
  /**
   * the variables its cuts and regions read: a selection reads only the columns they (and the key
   * variables) are computed from (selection/columns.ts); a variable left out here comes out NaN,
   * which the equivalence test of every preset against a full read catches
   */
  readonly variables: readonly (keyof VariableColumns)[];
}

export type NumParams = Readonly<Record<string, number>> & { readonly hypothesis?: string };

/** A preset's parameters with the given values over its defaults, as the cuts read them (numbers; the hypothesis as text). */
export function numericParams(preset: SelectionPreset, given: Readonly<Record<string, ParamValue>>): { params: Record<string, ParamValue>; num: NumParams } {
  const params: Record<string, ParamValue> = Object.fromEntries(preset.params.map((p) => [p.name, p.value]));
  for (const [k, v] of Object.entries(given)) params[k] = v;
  const num = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? v : NaN])) as Record<string, number>;
  return { params, num: { ...num, hypothesis: typeof params['hypothesis'] === 'string' ? params['hypothesis'] : undefined } as NumParams };
}

const P = (name: string, value: ParamValue, unit: string, description: string, source: string, options?: string[]): ParamSpec =>
  ({ name, value, unit, description, source, ...(options ? { options } : {}) });

// ---- common to the two dump-mode searches (A§2.2 items 1–5, 9–10; A§3.2 item 5 takes the same defaults)
const DUMP_PARAMS: ParamSpec[] = [
  P('tTrigger', 5, 'ns', '|t_track − t_trigger| window', 'A§2.2 2a default [C-fw FilterDimuonTwoTrackVertex.cc]'),
  P('dtMax', 1, 'ns', '|Δt| between the tracks', 'A§2.2 2b: NOT RETRIEVED; resolution-based, ≈ 3.5σ of √2·0.2 ns [E] (the dimuon filter used 6 ns)'),
  P('chi2Max', 20, '', 'track χ²', 'A§2.2 3 default [C-fw IsGoodTrack]'),
  P('minChambers', 4, '', 'STRAW chambers per track', 'A§2.2 3 default (HNL code: > 3) [C-HNL]'),
  P('pMin', 5000, 'MeV/c', 'track momentum', 'A§2.2 4 default 5 GeV/c [C-fw]'),
  P('lavWindow', 5, 'ns', 'LAV veto window (applied in the reconstruction)', 'A§2.2 7 [C-fw LAVMatching.cc]'),
  P('cdaMax', 10, 'mm', 'two-track CDA', 'A§2.2 9 default (HNL analyzer) [C-HNL]'),
  P('zMin', 102_500, 'mm', 'vertex z, start of the FV', 'A§2.2 10 default [E]'),
  P('zMax', 180_000, 'mm', 'vertex z, end of the FV', 'A§2.2 10 default [E]'),
  P('crCdaMax', 150, 'mm', 'control region: CDA_TAX <', 'A§2.2 14 [S]'),
  P('crZMin', -4000, 'mm', 'control region: Z_TAX >', 'A§2.2 14 [S]'),
  P('crZMax', 50_000, 'mm', 'control region: Z_TAX <', 'A§2.2 14 [S]'),
];

/** what dumpCuts(), vertexCuts() and the regions read */
const DUMP_VARIABLES = ['ntracks', 'qsum', 't1', 't2', 'dt', 'chi2_1', 'chi2_2', 'nch1', 'nch2', 'p1', 'p2', 'inacc1', 'inacc2', 'cda', 'vz', 'cda_tax', 'z_tax'] as const;

const dumpCuts = (): CutSpec[] => [
  { id: 'two_tracks', label: 'two tracks, opposite charge', source: 'A§2.2 1 [S]', params: [], multiplicityOnly: true, multiplicity: { ntracks: 2, qsum: 0 }, masks: true, test: (v, i) => v.ntracks[i] === 2 && v.qsum[i] === 0 },
  { id: 'timing', label: 'tracks in time with the trigger and each other', source: 'A§2.2 2 [S]; windows [C-fw]/[E]', params: ['tTrigger', 'dtMax'], tracksOnly: true,
    test: (v, i, p) => Math.abs(v.t1[i]!) < p['tTrigger']! && Math.abs(v.t2[i]!) < p['tTrigger']! && Math.abs(v.dt[i]!) < p['dtMax']! },
  { id: 'track_quality', label: 'track quality (χ², chambers)', source: 'A§2.2 3 [C-fw]', params: ['chi2Max', 'minChambers'], tracksOnly: true,
    test: (v, i, p) => v.chi2_1[i]! < p['chi2Max']! && v.chi2_2[i]! < p['chi2Max']! && v.nch1[i]! >= p['minChambers']! && v.nch2[i]! >= p['minChambers']! },
  { id: 'momentum', label: 'track momentum', source: 'A§2.2 4 [C-fw]', params: ['pMin'], tracksOnly: true, test: (v, i, p) => v.p1[i]! > p['pMin']! && v.p2[i]! > p['pMin']! },
  { id: 'acceptance', label: 'NewCHOD, LKr and MUV3 acceptance', source: 'A§2.2 5, A§1.3 [C-fw GeometricAcceptance]', params: [], test: (v, i) => v.inacc1[i] === 1 && v.inacc2[i] === 1 },
];
const vertexCuts = (): CutSpec[] => [
  { id: 'vertex_cda', label: 'two-track CDA', source: 'A§2.2 9 [C-HNL]', params: ['cdaMax'], test: (v, i, p) => v.cda[i]! < p['cdaMax']! },
  { id: 'fiducial', label: 'vertex in the fiducial volume', source: 'A§2.2 10 [E]', params: ['zMin', 'zMax'], test: (v, i, p) => v.vz[i]! > p['zMin']! && v.vz[i]! < p['zMax']! },
];
const controlRegion = (srTest: RegionSpec['test']): RegionSpec => ({
  id: 'CR', label: 'control region', source: 'A§2.2 14 [S]', blinded: true,
  shape: (p) => ({ kind: 'box', x: 'z_tax', y: 'cda_tax', x0: p['crZMin']!, x1: p['crZMax']!, y0: 0, y1: p['crCdaMax']! }),
  test: (v, i, p) => v.cda_tax[i]! < p['crCdaMax']! && v.z_tax[i]! > p['crZMin']! && v.z_tax[i]! < p['crZMax']! && !srTest(v, i, p),
});

const srMuMu: RegionSpec['test'] = (v, i, p) => v.cda_tax[i]! > 0 && v.cda_tax[i]! < p['srCdaMax']! && v.z_tax[i]! > p['srZMin']! && v.z_tax[i]! < p['srZMax']!;
const srEE: RegionSpec['test'] = (v, i, p) => ((v.z_tax[i]! - p['srZ0']!) / p['srAz']!) ** 2 + (v.cda_tax[i]! / p['srAcda']!) ** 2 < 1;

export const DUMP_MUMU: SelectionPreset = {
  id: 'dump-mumu', label: "A' → μ+μ− (beam dump, JHEP 09 (2023) 035)", mode: 'dump',
  params: [
    ...DUMP_PARAMS,
    P('eopMax', 0.2, '', 'muon E/p <', 'A§2.2 6 [S]'),
    P('srCdaMax', 20, 'mm', 'signal region: CDA_TAX <', 'A§2.2 13 [S]'),
    P('srZMin', 6000, 'mm', 'signal region: Z_TAX >', 'A§2.2 13 [S]'),
    P('srZMax', 40_000, 'mm', 'signal region: Z_TAX <', 'A§2.2 13 [S]'),
  ],
  cuts: [
    ...dumpCuts(),
    { id: 'muon_id', label: 'muon ID: one MUV3 hit per track, E/p < 0.2', source: 'A§2.2 6 [S]', params: ['eopMax'], masks: true,
      test: (v, i, p) => v.nmuv3_1[i] === 1 && v.nmuv3_2[i] === 1 && v.eop1[i]! < p['eopMax']! && v.eop2[i]! < p['eopMax']! },
    { id: 'lav_veto', label: 'no in-time LAV activity', source: 'A§2.2 7 [S]', params: ['lavWindow'], switchable: true, test: (v, i) => v.nlav[i] === 0 },
    ...vertexCuts(),
  ],
  regions: [{
    id: 'SR', label: 'signal region (box)', source: 'A§2.2 13 [S]', blinded: true, test: srMuMu,
    shape: (p) => ({ kind: 'box', x: 'z_tax', y: 'cda_tax', x0: p['srZMin']!, x1: p['srZMax']!, y0: 0, y1: p['srCdaMax']! }),
  }, controlRegion(srMuMu)],
  keyVariables: ['m_mumu', 'cda_tax', 'z_tax', 'vz', 'cda', 'dt', 'p1', 'p2', 'eop1', 'eop2'],
  variables: [...DUMP_VARIABLES, 'nmuv3_1', 'nmuv3_2', 'eop1', 'eop2', 'nlav'],
};

export const DUMP_EE: SelectionPreset = {
  id: 'dump-ee', label: "A' → e+e− (beam dump, PRL 133 (2024) 111802)", mode: 'dump',
  params: [
    ...DUMP_PARAMS,
    P('eopMin', 0.9, '', 'electron E/p >', 'A§3.2 2: NOT RETRIEVED, default [E]'),
    P('eopMaxE', 1.1, '', 'electron E/p <', 'A§3.2 2: NOT RETRIEVED, default [E]'),
    P('anti0Window', 5, 'ns', 'ANTI0 veto window (applied in the reconstruction)', 'A§3.2 4 [E]'),
    P('srZ0', 23_000, 'mm', 'signal ellipse centre in Z_TAX', 'A§3.2 6 [S]'),
    P('srAz', 17_000, 'mm', 'signal ellipse semi-axis in Z_TAX', 'A§3.2 6: NOT RETRIEVED, default [D/E]'),
    P('srAcda', 20, 'mm', 'signal ellipse semi-axis in CDA_TAX', 'A§3.2 6: NOT RETRIEVED, default [D/E]'),
  ],
  cuts: [
    ...dumpCuts(),
    { id: 'electron_id', label: 'electron ID: no MUV3 hit, E/p ≈ 1', source: 'A§3.2 2 [S]; window [E]', params: ['eopMin', 'eopMaxE'], masks: true,
      test: (v, i, p) => v.nmuv3_1[i] === 0 && v.nmuv3_2[i] === 0 && v.eop1[i]! > p['eopMin']! && v.eop1[i]! < p['eopMaxE']! && v.eop2[i]! > p['eopMin']! && v.eop2[i]! < p['eopMaxE']! },
    { id: 'lav_veto', label: 'no in-time LAV activity', source: 'A§3.2 3 [S]', params: ['lavWindow'], switchable: true, test: (v, i) => v.nlav[i] === 0 },
    { id: 'anti0_veto', label: 'no in-time ANTI0 activity', source: 'A§3.2 4 [S]', params: ['anti0Window'], switchable: true, test: (v, i) => v.nanti0[i] === 0 },
    ...vertexCuts(),
  ],
  regions: [{
    id: 'SR', label: 'signal region (ellipse)', source: 'A§3.2 6 [S]', blinded: true, test: srEE,
    shape: (p) => ({ kind: 'ellipse', x: 'z_tax', y: 'cda_tax', cx: p['srZ0']!, cy: 0, ax: p['srAz']!, ay: p['srAcda']! }),
  }, controlRegion(srEE)],
  keyVariables: ['m_ee', 'cda_tax', 'z_tax', 'vz', 'cda', 'dt', 'p1', 'p2', 'eop1', 'eop2'],
  variables: [...DUMP_VARIABLES, 'nmuv3_1', 'nmuv3_2', 'eop1', 'eop2', 'nlav', 'nanti0'],
};

export const KAON_PI4E: SelectionPreset = {
  id: 'kaon-pi4e', label: 'K+ → π+e+e−e+e− (PLB 846 (2023) 138193)', mode: 'kaon',
  params: [
    P('hypothesis', 'none', '', 'signal hypothesis: none (K2πDD normalisation), aa, S (S→A′A′), nonres', 'A§4.2 8', ['none', 'aa', 'S', 'nonres']),
    P('chi2Max', 25, '', 'five-track vertex χ²', 'A§4.2 3 default (NA62 3-track standard) [E]'),
    P('minChambers', 4, '', 'STRAW chambers of every track', 'A§2.2 3 default, the NA62 track-quality standard [C-fw IsGoodTrack]; A§4.2 uses the STRAW only'),
    P('sepMin', 20, 'mm', 'distance at STRAW1 between any two of the five tracks >', 'A§2.2 11: the kaon-mode two-track default [C-HNL], applied to every pair of the five tracks [E]'),
    P('zMin', 105_000, 'mm', 'vertex z >', 'A§4.2 3 default [C-fw K3piSelection]'),
    P('zMax', 180_000, 'mm', 'vertex z <', 'A§4.2 3 default [C-fw K3piSelection]'),
    P('tTrigger', 5, 'ns', '|t_vertex − t_trigger|', 'A§4.2 4 [C-fw K3piSelection]'),
    P('pBeam', 75_000, 'MeV/c', 'beam momentum', 'A§1.1 [N-beam]'),
    P('pWindow', 3000, 'MeV/c', '||P_tot| − p_beam| <', 'A§4.2 5 [C-fw K3piSelection]'),
    P('ma', 17, 'MeV/c²', 'a mass (hypothesis aa)', 'A§4.3 [S]'),
    P('mS', 200, 'MeV/c²', 'S mass (hypothesis S)', 'A§4.3 range 20–340 [S]'),
    P('mA', 50, 'MeV/c²', "A' mass (hypothesis S)", 'A§4.2 8 [E]'),
    P('massSigmaFrac', 0.01, '', 'σ_m / m of an e+e− pair', 'A§4.2 8 default [E]'),
    P('m4eVetoMin', 120, 'MeV/c²', 'non-resonant: veto m_4e >', 'A§4.2 8 default [E]'),
    P('m4eVetoMax', 150, 'MeV/c²', 'non-resonant: veto m_4e <', 'A§4.2 8 default [E]'),
    P('srMin', 484, 'MeV/c²', 'signal region: m_π4e >', 'A§4.2 7 [S]'),
    P('srMax', 504, 'MeV/c²', 'signal region: m_π4e <', 'A§4.2 7 [S]'),
  ],
  cuts: [
    { id: 'five_tracks', label: 'five tracks, total charge +1', source: 'A§4.2 3', params: [], multiplicityOnly: true, multiplicity: { ntracks: 5, qsum: 1 }, masks: true, test: (v, i) => v.ntracks[i] === 5 && v.qsum[i] === 1 },
    { id: 'track_quality', label: 'every track in all STRAW chambers', source: 'A§2.2 3 [C-fw]', params: ['minChambers'], test: (v, i, p) => v.nch_min5[i]! >= p['minChambers']! },
    // tracks closer than ~ two straw diameters share straws in every view: their hits, hence their
    // momenta, are unreliable even where both are reconstructed (the 9.82 mm merging of
    // detector/response.ts is the limit where one of them is lost altogether)
    { id: 'track_separation', label: 'tracks separated at STRAW1', source: 'A§2.2 11 [C-HNL] (kaon-mode default) [E: applied to five tracks]', params: ['sepMin'], test: (v, i, p) => v.sep_min5[i]! > p['sepMin']! },
    { id: 'vertex', label: 'five-track vertex χ² and z', source: 'A§4.2 3 [E]/[C-fw]', params: ['chi2Max', 'zMin', 'zMax'],
      test: (v, i, p) => v.kchi2[i]! < p['chi2Max']! && v.kvz[i]! > p['zMin']! && v.kvz[i]! < p['zMax']! },
    { id: 'timing', label: 'vertex in time with the trigger', source: 'A§4.2 4 [C-fw]', params: ['tTrigger'], test: (v, i, p) => Math.abs(v.tvtx[i]!) < p['tTrigger']! },
    { id: 'total_momentum', label: 'total momentum ≈ beam momentum', source: 'A§4.2 5 [C-fw]', params: ['pBeam', 'pWindow'], test: (v, i, p) => Math.abs(v.ptot[i]! - p['pBeam']!) < p['pWindow']! },
    { id: 'hypothesis', label: 'signal hypothesis (pair masses)', source: 'A§4.2 8 [E]', params: ['hypothesis', 'ma', 'mS', 'mA', 'massSigmaFrac', 'm4eVetoMin', 'm4eVetoMax'],
      test: (v, i, p) => {
        const sig = (m: number) => 3 * p['massSigmaFrac']! * m;
        switch (p.hypothesis) {
          case 'aa': return Math.abs(v.m_ee_lo[i]! - p['ma']!) < sig(p['ma']!) + 1 && Math.abs(v.m_ee_hi[i]! - p['ma']!) < sig(p['ma']!) + 1;
          case 'S': return Math.abs(v.m_ee_lo[i]! - p['mA']!) < sig(p['mA']!) + 1 && Math.abs(v.m_ee_hi[i]! - p['mA']!) < sig(p['mA']!) + 1 && Math.abs(v.m_4e[i]! - p['mS']!) < sig(p['mS']!) + 2;
          case 'nonres': return !(v.m_4e[i]! > p['m4eVetoMin']! && v.m_4e[i]! < p['m4eVetoMax']!);
          default: return true;
        }
      } },
  ],
  regions: [{
    id: 'SR', label: 'signal region (484–504 MeV/c²)', source: 'A§4.2 7 [S]', blinded: true, test: (v, i, p) => v.m_pi4e[i]! > p['srMin']! && v.m_pi4e[i]! < p['srMax']!,
    shape: (p) => ({ kind: 'band', v: 'm_pi4e', lo: p['srMin']!, hi: p['srMax']! }),
  }],
  keyVariables: ['m_pi4e', 'm_4e', 'm_ee_lo', 'm_ee_hi', 'kvz', 'kchi2', 'ptot'],
  variables: ['ntracks', 'qsum', 'nch_min5', 'sep_min5', 'kchi2', 'kvz', 'tvtx', 'ptot', 'm_ee_lo', 'm_ee_hi', 'm_4e', 'm_pi4e'],
};

export const PRESETS: readonly SelectionPreset[] = [DUMP_MUMU, DUMP_EE, KAON_PI4E];
export const PRESET_IDS = PRESETS.map((p) => p.id);
export const presetById = (id: string): SelectionPreset | undefined => PRESETS.find((p) => p.id === id);
