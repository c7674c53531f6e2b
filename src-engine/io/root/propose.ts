/**
 * A starting mapping from branch names: NA62Analysis/NA62 reconstruction names (Momentum,
 * SlopeXBeforeMagnet, PositionBeforeMagnetX, Charge, Chi2, NChambers, LKr/MUV3/NewCHOD/GTK
 * prefixes) and generic ones (px1/py1/pz1, Muon_Px[NMuon], vtx_x, run/event/weight). A proposal,
 * never an answer: the user sees and edits it, and data or simulation is left for the user to say.
 */
import { MAPPING_FORMAT, MAPPING_VERSION, type RootMappingInput } from '../../../src-shared/root/mapping';
import type { BranchInfo, TreeInfo } from '../../../src-shared/root/tree-info';
import { Z_PLANE } from '../../../src-shared/geometry/planes';

/** A mapping without the one answer the user must give: data or simulation. */
export type MappingDraft = Omit<RootMappingInput, 'kind'> & { kind?: 'data' | 'simulation' };

type Track = RootMappingInput['tracks'][number];
type Names = ReadonlyMap<string, BranchInfo>;

/** the first of `candidates` that is a usable branch (case-insensitive), by its real name */
function pick(names: Names, candidates: readonly string[]): string | undefined {
  for (const c of candidates) {
    const b = names.get(c.toLowerCase());
    if (b?.usable) return b.name;
  }
  return undefined;
}
const variants = (prefix: string, suffix: string, stems: readonly string[]) =>
  stems.flatMap((s) => [`${prefix}${s}${suffix}`, `${prefix}_${s}${suffix}`, `${prefix}.${s}${suffix}`, `${prefix}${s}_${suffix}`, `${prefix}${s}`]).filter((x) => x.length > 0);

const CHARGE = ['Charge', 'Q', 'fCharge', 'q', 'charge'];
const TIME = ['Time', 'T', 'fTime', 'time', 't'];
const CHI2 = ['Chi2', 'fChi2', 'chi2', 'Chi2ndf'];
const NCH = ['NChambers', 'fNChambers', 'nChambers', 'NChambersInvolved'];

/** Track groups: Cartesian (P_px, px1) or NA62's p with slopes before the magnet. */
function findTracks(tree: TreeInfo, names: Names): { tracks: Track[]; notes: string[] } {
  const tracks: Track[] = [], notes: string[] = [];
  const seen = new Set<string>();
  for (const b of tree.branches) {
    if (!b.usable) continue;
    // Cartesian: <prefix>px<suffix> with py and pz alike
    const m = /^(.*?)([pP])([xX])(.*)$/.exec(b.name);
    if (m) {
      const [, pre, p, x, suf] = m;
      const y = x === 'x' ? 'y' : 'Y', z = x === 'x' ? 'z' : 'Z';
      const py = names.get(`${pre}${p}${y}${suf}`.toLowerCase()), pz = names.get(`${pre}${p}${z}${suf}`.toLowerCase());
      if (py?.usable && pz?.usable && !seen.has(b.name) && !/^(MC|met|gen|true)/i.test(pre!)) {
        const stem = pre!.replace(/[_.]$/, '');
        const charge = pick(names, [...variants(stem, suf!, CHARGE), ...CHARGE.map((c) => `${c}${suf}`)]);
        if (charge) {
          seen.add(b.name);
          const t: Record<string, string | number> = { label: stem ? `${stem}${suf}` : `track ${suf}`.trim(), charge, px: b.name, py: py.name, pz: pz.name };
          addTrackExtras(t, stem, suf!, names);
          tracks.push(t as unknown as Track);
        }
      }
    }
    // NA62: <prefix>Momentum with <prefix>SlopeX/YBeforeMagnet
    const n = /^(.*?)(Momentum|fMomentum|Mom)$/.exec(b.name);
    if (n) {
      const stem = n[1]!.replace(/[_.]$/, '');
      const sx = pick(names, variants(stem, '', ['SlopeXBeforeMagnet', 'fSlopeXBeforeMagnet', 'SlopeX', 'ThetaX', 'dxdz']));
      const sy = pick(names, variants(stem, '', ['SlopeYBeforeMagnet', 'fSlopeYBeforeMagnet', 'SlopeY', 'ThetaY', 'dydz']));
      const charge = pick(names, variants(stem, '', CHARGE));
      if (sx && sy && charge) {
        const t: Record<string, string | number> = { label: stem || 'tracks', charge, p: b.name, dxdz: sx, dydz: sy };
        addTrackExtras(t, stem, '', names);
        const ax = pick(names, variants(stem, '', ['SlopeXAfterMagnet', 'fSlopeXAfterMagnet'])), ay = pick(names, variants(stem, '', ['SlopeYAfterMagnet', 'fSlopeYAfterMagnet']));
        if (ax && ay) { t['dxdzAfter'] = ax; t['dydzAfter'] = ay; }
        tracks.push(t as unknown as Track);
      }
    }
  }
  if (tracks.some((t) => t.x !== undefined)) notes.push(`track positions are taken at z = ${Z_PLANE.straw1} mm (STRAW1): check the plane your tree gives them at`);
  return { tracks, notes };
}

function addTrackExtras(t: Record<string, string | number>, stem: string, suf: string, names: Names): void {
  const x = pick(names, variants(stem, suf, ['PositionBeforeMagnetX', 'PosX', 'PositionX', 'X', 'x', 'XAtStraw1']));
  const y = pick(names, variants(stem, suf, ['PositionBeforeMagnetY', 'PosY', 'PositionY', 'Y', 'y', 'YAtStraw1']));
  if (x && y && x !== t['px'] && y !== t['py']) { t['x'] = x; t['y'] = y; t['z'] = Z_PLANE.straw1; }
  const time = pick(names, variants(stem, suf, TIME)); if (time) t['time'] = time;
  const chi2 = pick(names, variants(stem, suf, CHI2)); if (chi2) t['chi2'] = chi2;
  const nch = pick(names, variants(stem, suf, NCH)); if (nch) t['nChambers'] = nch;
}

const xyz = (names: Names, stems: readonly string[]) => {
  const get = (axis: string) => pick(names, stems.flatMap((s) => [`${s}${axis}`, `${s}_${axis}`, `${s}.${axis}`, `${s}${axis.toUpperCase()}`, `${s}_${axis.toUpperCase()}`]));
  const x = get('x'), y = get('y'), z = get('z');
  return x && y && z ? { x, y, z } : undefined;
};

/** Propose a mapping for `tree`; `notes` say what the user should check. */
export function proposeMapping(tree: TreeInfo): { mapping: MappingDraft; notes: string[] } {
  const names: Names = new Map(tree.branches.map((b) => [b.name.toLowerCase(), b]));
  const notes: string[] = [];
  const header: Record<string, string> = {};
  const run = pick(names, ['Run', 'RunID', 'RunNumber', 'run_number', 'fRunID', 'runID']); if (run) header['run'] = run;
  const burst = pick(names, ['Burst', 'BurstID', 'BurstNumber', 'burst_number', 'fBurstID']); if (burst) header['burst'] = burst;
  const event = pick(names, ['Event', 'EventNumber', 'EventID', 'event_number', 'evt', 'fEventNumber']); if (event) header['event'] = event;
  const weight = pick(names, ['Weight', 'EventWeight', 'weight', 'w', 'fWeight']); if (weight) header['weight'] = weight;

  const { tracks, notes: trackNotes } = findTracks(tree, names);
  notes.push(...trackNotes);
  if (tracks.length === 0) notes.push('no track branches recognised: map charge and momentum by hand');
  const vtx = xyz(names, ['Vertex', 'vtx', 'Vtx', 'vertex', 'VertexPosition', 'DecayVertex']);
  let vertex: MappingDraft['vertex'];
  if (vtx) vertex = vtx;
  else if (tracks.length === 0 || tracks.some((t) => t.x === undefined)) {
    vertex = { x: 0, y: 0, z: 150_000 };
    notes.push('no vertex branches: tracks start at an assumed vertex (0, 0, 150 m) — state yours');
  }
  const lkr = (() => {
    const e = pick(names, ['LKrCluster_Energy', 'Cluster_Energy', 'LKr_E', 'LKrClusterEnergy', 'LKr_Energy', 'Cluster_E']);
    if (!e) return undefined;
    const stem = e.replace(/_?(Energy|E)$/, '');
    const x = pick(names, variants(stem, '', ['X', 'x', 'PosX'])), y = pick(names, variants(stem, '', ['Y', 'y', 'PosY']));
    if (!x || !y) return undefined;
    const time = pick(names, variants(stem, '', TIME));
    return [{ label: 'LKr clusters', x, y, energy: e, ...(time ? { time } : {}) }];
  })();
  const muv3 = (() => {
    const tile = pick(names, ['MUV3_Tile', 'MUV3Tile', 'MUV3_TileID', 'MUV3Candidate_TileID', 'MUV3_Channel', 'MUV3TileID']);
    if (!tile) return undefined;
    const time = pick(names, ['MUV3_Time', 'MUV3Time', 'MUV3Candidate_Time']);
    return [{ label: 'MUV3', tile, ...(time ? { time } : {}) }];
  })();
  const newchod = (() => {
    const x = pick(names, ['NewCHOD_X', 'NewCHODX', 'NewCHODCandidate_X']), y = pick(names, ['NewCHOD_Y', 'NewCHODY', 'NewCHODCandidate_Y']);
    if (!x || !y) return undefined;
    const time = pick(names, ['NewCHOD_Time', 'NewCHODTime', 'NewCHODCandidate_Time']);
    return [{ label: 'NewCHOD', x, y, ...(time ? { time } : {}) }];
  })();
  const kaonP = xyz(names, ['GTK_P', 'Kaon_P', 'BeamKaon_P', 'K_P', 'GTK_Mom']);
  const beamKaon = kaonP ? { px: kaonP.x, py: kaonP.y, pz: kaonP.z } : undefined;
  notes.push('units are NA62\'s (MeV, mm, ns) unless the momenta say otherwise: check them');

  const mapping: MappingDraft = {
    format: MAPPING_FORMAT, version: MAPPING_VERSION,
    name: `${tree.name.replace(/[^\w.-]+/g, '_')}-mapping`.slice(0, 100),
    description: `Proposed from the branch names of tree "${tree.name}"`,
    tree: tree.name,
    mode: beamKaon ? 'kaon' : 'dump',
    units: { momentum: 'MeV', energy: 'MeV', length: 'mm', time: 'ns' },
    header,
    ...(vertex ? { vertex } : {}),
    tracks,
    ...(lkr ? { lkrClusters: lkr } : {}),
    ...(muv3 ? { muv3Hits: muv3 } : {}),
    ...(newchod ? { newchodHits: newchod } : {}),
    ...(beamKaon ? { beamKaon } : {}),
  };
  return { mapping, notes };
}

/**
 * Momentum units from the first entries' magnitudes: NA62 tracks are GeV-scale, so a median below
 * 500 in the file's numbers means GeV (a 500 MeV/c median would be far below the spectrometer's range).
 */
export function unitsFromSample(momenta: readonly number[]): 'MeV' | 'GeV' | undefined {
  const v = momenta.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (v.length < 4) return undefined;
  return v[Math.floor(v.length / 2)]! < 500 ? 'GeV' : 'MeV';
}
