/**
 * The columnar layout of an NA62 event file: one row per event; each collection is a
 * List<Struct<…>> column, so pyarrow, polars or ROOT's Arrow data source read it as nested
 * records. One table drives writing, reading and the per-event checksum.
 */
import type { Na62Event } from '../../src-shared/event/model';

export type NumType = 'f32' | 'f64' | 'i32' | 'i16' | 'i8' | 'u8';

export interface FieldSpec { readonly name: string; readonly type: NumType }

/** What a column holds, written into the Arrow field metadata of format 2 files (keys "unit", "description"). */
export interface FieldDoc { readonly unit: string; readonly description: string }

export interface CollectionSpec {
  readonly key: 'tracks' | 'lkrClusters' | 'muv3Hits' | 'newchodHits' | 'lavHits' | 'anti0Hits' | 'strawHits' | 'chodHits' | 'truth';
  readonly fields: readonly FieldSpec[];
  /** present only in files that say they carry it */
  readonly optional?: 'strawHits' | 'chodHits' | 'truth';
}

const f = (name: string, type: NumType = 'f32'): FieldSpec => ({ name, type });

export const COLLECTIONS: readonly CollectionSpec[] = [
  { key: 'tracks', fields: [f('charge', 'i8'), f('px'), f('py'), f('pz'), f('x'), f('y'), f('time'), f('chi2'), f('nChambers', 'u8'), f('dxdzAfter'), f('dydzAfter')] },
  { key: 'lkrClusters', fields: [f('x'), f('y'), f('energy'), f('time')] },
  { key: 'muv3Hits', fields: [f('tile', 'i16'), f('time')] },
  { key: 'newchodHits', fields: [f('x'), f('y'), f('time')] },
  { key: 'lavHits', fields: [f('station', 'u8'), f('phi'), f('time')] },
  { key: 'anti0Hits', fields: [f('x'), f('y'), f('time')] },
  { key: 'strawHits', optional: 'strawHits', fields: [f('chamber', 'u8'), f('view', 'u8'), f('coord'), f('time')] },
  // added after format 2 was fixed: optional, so files without it (all older ones) read as before
  { key: 'chodHits', optional: 'chodHits', fields: [f('plane', 'u8'), f('slab', 'u8'), f('time')] },
  {
    key: 'truth', optional: 'truth',
    fields: [f('pdg', 'i32'), f('parent', 'i32'), ...['px', 'py', 'pz', 'e', 'vx', 'vy', 'vz', 'vt', 'dx', 'dy', 'dz', 'dt'].map((n) => f(n, 'f64'))],
  },
];

/** Scalar columns of the header; the process label is a separate UTF-8 column. */
export const HEADER_FIELDS: readonly FieldSpec[] = [
  f('run', 'i32'), f('burst', 'i32'), f('event', 'i32'), f('mode', 'u8'), f('timeInSpill', 'f64'), f('weight', 'f64'), f('decayProb', 'f64'),
];

/** The beam kaon as flat columns (NaN in dump mode). */
export const KAON_FIELDS: readonly FieldSpec[] = [
  f('kaon_px'), f('kaon_py'), f('kaon_pz'), f('kaon_x'), f('kaon_y'), f('kaon_gtkTime'), f('kaon_ktagTime'),
];

export const PROCESS_COLUMN = 'process';
export const CRC_COLUMN = 'crc32';

export function activeCollections(opts: { strawHits: boolean; truth: boolean; chodHits?: boolean }): CollectionSpec[] {
  return COLLECTIONS.filter((c) => !c.optional || opts[c.optional] === true);
}

export type TypedArray = Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

export function allocate(type: NumType, n: number): TypedArray {
  switch (type) {
    case 'f32': return new Float32Array(n);
    case 'f64': return new Float64Array(n);
    case 'i32': return new Int32Array(n);
    case 'i16': return new Int16Array(n);
    case 'i8': return new Int8Array(n);
    case 'u8': return new Uint8Array(n);
  }
}

/** Read a collection of an event as plain rows (field name → number). */
export type Row = Record<string, number>;
export const collectionOf = (ev: Na62Event, key: CollectionSpec['key']): readonly object[] | undefined =>
  (ev as unknown as Record<string, readonly object[] | undefined>)[key];

/**
 * Column names on disk. Format 1 used the in-memory names (mixed camelCase and snake_case);
 * format 2 writes snake_case throughout (`timeInSpill` → `time_in_spill`, `kaon_gtkTime` →
 * `kaon_gtk_time`, `lkrClusters` → `lkr_clusters`). The in-memory names stay as they are.
 */
export const diskName = (name: string, version: number): string =>
  version >= 2 ? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : name;

/** Columns that may be null from format 2 on (format 1 stored NaN): a long-lived particle's decay probability, the beam kaon in dump mode. */
export const NULLABLE: ReadonlySet<string> = new Set(['decayProb', ...KAON_FIELDS.map((k) => k.name)]);

/** In-memory code of each run mode (header column "mode"); format 2 stores the name as a string. */
export const MODE_NAMES = ['dump', 'kaon'] as const;

const MOM = 'MeV/c', MM = 'mm', NS = 'ns', NONE = '';
/** Units and descriptions of every column, by in-memory name (collections: "key.field"). */
export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  run: { unit: NONE, description: 'run number' },
  burst: { unit: NONE, description: 'burst number within the run' },
  event: { unit: NONE, description: 'event number within the burst' },
  mode: { unit: NONE, description: 'run mode: "dump" (beam dump) or "kaon" (K+ beam)' },
  timeInSpill: { unit: NS, description: 'time since the start of the spill' },
  weight: { unit: NONE, description: 'events of this kind in the dataset that this one stands for (MC); 1 for data' },
  decayProb: { unit: NONE, description: 'long-lived particle (MC): probability to decay in the fiducial volume, part of weight; null otherwise' },
  process: { unit: NONE, description: 'physics process label (e.g. aprime-mumu)' },
  kaon_px: { unit: MOM, description: 'beam kaon (GTK) momentum x at GTK3; null in dump mode' },
  kaon_py: { unit: MOM, description: 'beam kaon momentum y; null in dump mode' },
  kaon_pz: { unit: MOM, description: 'beam kaon momentum z; null in dump mode' },
  kaon_x: { unit: MM, description: 'beam kaon position x at GTK3; null in dump mode' },
  kaon_y: { unit: MM, description: 'beam kaon position y at GTK3; null in dump mode' },
  kaon_gtkTime: { unit: NS, description: 'GTK time of the beam kaon; null in dump mode' },
  kaon_ktagTime: { unit: NS, description: 'KTAG time of the beam kaon; null in dump mode' },
  tracks: { unit: NONE, description: 'reconstructed STRAW spectrometer tracks' },
  'tracks.charge': { unit: 'e', description: 'charge, +1 or -1' },
  'tracks.px': { unit: MOM, description: 'momentum x before the magnet' },
  'tracks.py': { unit: MOM, description: 'momentum y before the magnet' },
  'tracks.pz': { unit: MOM, description: 'momentum z before the magnet' },
  'tracks.x': { unit: MM, description: 'x at the STRAW1 reference plane (z = 183 508 mm)' },
  'tracks.y': { unit: MM, description: 'y at the STRAW1 reference plane' },
  'tracks.time': { unit: NS, description: 'track time' },
  'tracks.chi2': { unit: NONE, description: 'track fit chi2' },
  'tracks.nChambers': { unit: NONE, description: 'chambers with hits (2-4)' },
  'tracks.dxdzAfter': { unit: 'rad', description: 'slope dx/dz after the magnet' },
  'tracks.dydzAfter': { unit: 'rad', description: 'slope dy/dz after the magnet' },
  lkrClusters: { unit: NONE, description: 'LKr calorimeter clusters' },
  'lkrClusters.x': { unit: MM, description: 'cluster x' },
  'lkrClusters.y': { unit: MM, description: 'cluster y' },
  'lkrClusters.energy': { unit: 'MeV', description: 'cluster energy' },
  'lkrClusters.time': { unit: NS, description: 'cluster time' },
  muv3Hits: { unit: NONE, description: 'MUV3 muon detector hits' },
  'muv3Hits.tile': { unit: NONE, description: 'MUV3 tile number' },
  'muv3Hits.time': { unit: NS, description: 'hit time' },
  newchodHits: { unit: NONE, description: 'NewCHOD hodoscope hits' },
  'newchodHits.x': { unit: MM, description: 'tile centre x' },
  'newchodHits.y': { unit: MM, description: 'tile centre y' },
  'newchodHits.time': { unit: NS, description: 'hit time' },
  lavHits: { unit: NONE, description: 'large-angle veto hits' },
  'lavHits.station': { unit: NONE, description: 'LAV station 1-12' },
  'lavHits.phi': { unit: 'rad', description: 'azimuth of the fired block' },
  'lavHits.time': { unit: NS, description: 'hit time' },
  anti0Hits: { unit: NONE, description: 'ANTI0 veto hits' },
  'anti0Hits.x': { unit: MM, description: 'hit x' },
  'anti0Hits.y': { unit: MM, description: 'hit y' },
  'anti0Hits.time': { unit: NS, description: 'hit time' },
  strawHits: { unit: NONE, description: 'raw STRAW hits (only in files whose metadata says strawHits: true)' },
  'strawHits.chamber': { unit: NONE, description: 'chamber 0-3' },
  'strawHits.view': { unit: NONE, description: 'view 0-3 (u, v, x, y)' },
  'strawHits.coord': { unit: MM, description: 'straw-centre coordinate in its view' },
  'strawHits.time': { unit: NS, description: 'hit time' },
  chodHits: { unit: NONE, description: 'NA48-CHOD slab hits (only in files whose metadata says chodHits: true)' },
  'chodHits.plane': { unit: NONE, description: 'plane 0 (V, vertical slabs measuring x) or 1 (H, horizontal slabs measuring y)' },
  'chodHits.slab': { unit: NONE, description: 'slab 0-63: quadrant (0 +x+y, 1 -x+y, 2 -x-y, 3 +x-y) x 16 + slab from the beam outwards' },
  'chodHits.time': { unit: NS, description: 'hit time' },
  truth: { unit: NONE, description: 'MC truth particles (only in files whose metadata says truth: true)' },
  'truth.pdg': { unit: NONE, description: 'PDG particle code' },
  'truth.parent': { unit: NONE, description: 'index of the mother in this event\'s truth list, -1 for primaries' },
  'truth.px': { unit: MOM, description: 'momentum x' },
  'truth.py': { unit: MOM, description: 'momentum y' },
  'truth.pz': { unit: MOM, description: 'momentum z' },
  'truth.e': { unit: 'MeV', description: 'energy' },
  'truth.vx': { unit: MM, description: 'production vertex x' },
  'truth.vy': { unit: MM, description: 'production vertex y' },
  'truth.vz': { unit: MM, description: 'production vertex z' },
  'truth.vt': { unit: NS, description: 'production time' },
  'truth.dx': { unit: MM, description: 'decay vertex x (NaN when stable or escaping)' },
  'truth.dy': { unit: MM, description: 'decay vertex y (NaN when stable or escaping)' },
  'truth.dz': { unit: MM, description: 'decay vertex z (NaN when stable or escaping)' },
  'truth.dt': { unit: NS, description: 'decay time (NaN when stable or escaping)' },
  crc32: { unit: NONE, description: 'CRC-32 of the event\'s values (docs/event-format.md, "Checksum"); the column may be left out' },
};
