/**
 * The columnar layout of an NA62 event file: one row per event; each collection is a
 * List<Struct<…>> column, so pyarrow, polars or ROOT's Arrow data source read it as nested
 * records. One table drives writing, reading and the per-event checksum.
 */
import type { Na62Event } from '../../src-shared/event/model';

export type NumType = 'f32' | 'f64' | 'i32' | 'i16' | 'i8' | 'u8';

export interface FieldSpec { readonly name: string; readonly type: NumType }

export interface CollectionSpec {
  readonly key: 'tracks' | 'lkrClusters' | 'muv3Hits' | 'newchodHits' | 'lavHits' | 'anti0Hits' | 'strawHits' | 'truth';
  readonly fields: readonly FieldSpec[];
  /** present only in files that say they carry it */
  readonly optional?: 'strawHits' | 'truth';
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

export function activeCollections(opts: { strawHits: boolean; truth: boolean }): CollectionSpec[] {
  return COLLECTIONS.filter((c) => !c.optional || opts[c.optional]);
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
