/**
 * Events ⇄ Arrow record batches. Encoding builds the typed arrays directly (no per-value
 * builders); decoding reads them zero-copy. Every row carries a CRC-32 of its stored bytes, so a
 * flipped byte anywhere in an event's data is caught when the event is read.
 */
import {
  Field, Float32, Float64, Int16, Int32, Int8, List, RecordBatch, Schema, Struct, Uint32, Uint8, Utf8, makeData,
  type Data, type DataType,
} from 'apache-arrow';
import { crc32Update } from './crc32';
import type { BeamKaon, Na62Event, RunMode } from '../../src-shared/event/model';
import {
  CRC_COLUMN, HEADER_FIELDS, KAON_FIELDS, PROCESS_COLUMN, activeCollections, allocate, collectionOf,
  type CollectionSpec, type FieldSpec, type NumType, type TypedArray,
} from './layout';

const MODE_CODE: Record<RunMode, number> = { dump: 0, kaon: 1 };
const MODE_NAME: readonly RunMode[] = ['dump', 'kaon'];

export function arrowType(t: NumType): DataType {
  switch (t) {
    case 'f32': return new Float32();
    case 'f64': return new Float64();
    case 'i32': return new Int32();
    case 'i16': return new Int16();
    case 'i8': return new Int8();
    case 'u8': return new Uint8();
  }
}

const structOf = (c: CollectionSpec) => new Struct(c.fields.map((fl) => new Field(fl.name, arrowType(fl.type), false)));
const listOf = (c: CollectionSpec) => new List(new Field('item', structOf(c), false));

export interface LayoutOptions {
  readonly strawHits: boolean;
  readonly truth: boolean;
  /** the per-event checksum column (default: present; a file may be written without it) */
  readonly checksums?: boolean;
}

/** The Arrow schema of an event file (metadata added by the writer). */
export function eventSchema(opts: LayoutOptions, metadata?: Map<string, string>): Schema {
  const fields = [
    ...HEADER_FIELDS.map((h) => new Field(h.name, arrowType(h.type), false)),
    new Field(PROCESS_COLUMN, new Utf8(), false),
    ...KAON_FIELDS.map((k) => new Field(k.name, arrowType(k.type), false)),
    ...activeCollections(opts).map((c) => new Field(c.key, listOf(c), false)),
    ...(opts.checksums === false ? [] : [new Field(CRC_COLUMN, new Uint32(), false)]),
  ];
  return new Schema(fields, metadata);
}


/** The typed arrays of one batch, however they were made (encoded here or read from a file). */
export interface BatchColumns {
  readonly length: number;
  readonly header: Readonly<Record<string, TypedArray>>;
  readonly processOffsets: Int32Array;
  readonly processBytes: Uint8Array;
  readonly kaon: Readonly<Record<string, TypedArray>>;
  readonly collections: ReadonlyMap<CollectionSpec['key'], { spec: CollectionSpec; offsets: Int32Array; fields: Readonly<Record<string, TypedArray>> }>;
  /** the stored per-row checksums; absent in a file written without them */
  readonly crc?: Uint32Array;
}

const u8view = (a: TypedArray) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The checksum of each row of a batch: CRC-32 of the row's values as stored, in the order of the
 * layout (docs/event-format.md, "Checksum"). The byte views are made once per batch, so checking
 * every event of a selection allocates nothing per event.
 */
export function rowChecksummer(c: BatchColumns): (i: number) => number {
  const header = HEADER_FIELDS.map((h) => { const a = c.header[h.name]!; return { u8: u8view(a), size: a.BYTES_PER_ELEMENT }; });
  const kaon = KAON_FIELDS.map((k) => { const a = c.kaon[k.name]!; return { u8: u8view(a), size: a.BYTES_PER_ELEMENT }; });
  const colls = [...c.collections.values()].map(({ spec, offsets, fields }) => ({
    offsets, fields: spec.fields.map((fl) => { const a = fields[fl.name]!; return { u8: u8view(a), size: a.BYTES_PER_ELEMENT }; }),
  }));
  const count = new Int32Array(1), countBytes = new Uint8Array(count.buffer);
  const pOff = c.processOffsets, pBytes = c.processBytes;
  return (i) => {
    let crc = 0;
    for (let k = 0; k < header.length; k++) { const h = header[k]!; crc = crc32Update(crc, h.u8, i * h.size, (i + 1) * h.size); }
    crc = crc32Update(crc, pBytes, pOff[i]!, pOff[i + 1]!);
    for (let k = 0; k < kaon.length; k++) { const h = kaon[k]!; crc = crc32Update(crc, h.u8, i * h.size, (i + 1) * h.size); }
    for (let k = 0; k < colls.length; k++) {
      const { offsets, fields } = colls[k]!;
      const a = offsets[i]!, b = offsets[i + 1]!;
      count[0] = b - a;
      crc = crc32Update(crc, countBytes, 0, 4);
      for (let j = 0; j < fields.length; j++) { const f = fields[j]!; crc = crc32Update(crc, f.u8, a * f.size, b * f.size); }
    }
    return crc >>> 0;
  };
}

/** CRC-32 of everything stored for row i. */
export function rowChecksum(c: BatchColumns, i: number): number {
  return rowChecksummer(c)(i);
}

/** Rows of a batch whose stored checksum does not match their values (none for a file without checksums). */
export function corruptRows(c: BatchColumns): number[] {
  const stored = c.crc;
  if (!stored) return [];
  const sum = rowChecksummer(c);
  const bad: number[] = [];
  for (let i = 0; i < c.length; i++) if (sum(i) !== stored[i]) bad.push(i);
  return bad;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

/** Encode events into the typed arrays of one batch. */
export function encodeColumns(events: readonly Na62Event[], opts: LayoutOptions): BatchColumns {
  const n = events.length;
  const header: Record<string, TypedArray> = {};
  for (const h of HEADER_FIELDS) header[h.name] = allocate(h.type, n);
  const kaon: Record<string, TypedArray> = {};
  for (const k of KAON_FIELDS) kaon[k.name] = allocate(k.type, n);
  const procStrings = events.map((e) => utf8.encode(e.header.process));
  const processOffsets = new Int32Array(n + 1);
  procStrings.forEach((s, i) => { processOffsets[i + 1] = processOffsets[i]! + s.length; });
  const processBytes = new Uint8Array(processOffsets[n]!);
  procStrings.forEach((s, i) => processBytes.set(s, processOffsets[i]!));

  events.forEach((e, i) => {
    const hd = e.header;
    header['run']![i] = hd.run; header['burst']![i] = hd.burst; header['event']![i] = hd.event;
    header['mode']![i] = MODE_CODE[hd.mode]; header['timeInSpill']![i] = hd.timeInSpill; header['weight']![i] = hd.weight;
    header['decayProb']![i] = hd.decayProbability ?? NaN;
    const k = e.beamKaon;
    kaon['kaon_px']![i] = k ? k.px : NaN; kaon['kaon_py']![i] = k ? k.py : NaN; kaon['kaon_pz']![i] = k ? k.pz : NaN;
    kaon['kaon_x']![i] = k ? k.x : NaN; kaon['kaon_y']![i] = k ? k.y : NaN;
    kaon['kaon_gtkTime']![i] = k ? k.gtkTime : NaN; kaon['kaon_ktagTime']![i] = k ? k.ktagTime : NaN;
  });

  const collections = new Map<CollectionSpec['key'], { spec: CollectionSpec; offsets: Int32Array; fields: Record<string, TypedArray> }>();
  for (const spec of activeCollections(opts)) {
    const offsets = new Int32Array(n + 1);
    events.forEach((e, i) => { offsets[i + 1] = offsets[i]! + (collectionOf(e, spec.key)?.length ?? 0); });
    const total = offsets[n]!;
    const fields: Record<string, TypedArray> = {};
    for (const fl of spec.fields) fields[fl.name] = allocate(fl.type, total);
    events.forEach((e, i) => {
      const rows = (collectionOf(e, spec.key) ?? []) as readonly Record<string, number>[];
      let j = offsets[i]!;
      for (const r of rows) {
        for (const fl of spec.fields) fields[fl.name]![j] = r[fl.name]!;
        j++;
      }
    });
    collections.set(spec.key, { spec, offsets, fields });
  }
  const crc = new Uint32Array(n);
  const cols = { length: n, header, processOffsets, processBytes, kaon, collections, crc };
  const sum = rowChecksummer(cols);
  for (let i = 0; i < n; i++) crc[i] = sum(i);
  return cols;
}

const numData = (fl: FieldSpec, values: TypedArray): Data =>
  makeData({ type: arrowType(fl.type), length: values.length, nullCount: 0, data: values } as never);

/** Typed arrays → an Arrow record batch of the event schema. */
export function columnsToBatch(c: BatchColumns, schema: Schema): RecordBatch {
  const children: Data[] = [];
  for (const field of schema.fields) {
    const name = field.name;
    const h = HEADER_FIELDS.find((x) => x.name === name);
    const k = KAON_FIELDS.find((x) => x.name === name);
    if (h) children.push(numData(h, c.header[name]!));
    else if (k) children.push(numData(k, c.kaon[name]!));
    else if (name === PROCESS_COLUMN) children.push(makeData({ type: new Utf8(), length: c.length, nullCount: 0, valueOffsets: c.processOffsets, data: c.processBytes }));
    else if (name === CRC_COLUMN) {
      if (!c.crc) throw new Error('internal: no checksums to write');
      children.push(makeData({ type: new Uint32(), length: c.length, nullCount: 0, data: c.crc }));
    }
    else {
      const col = c.collections.get(name as CollectionSpec['key']);
      if (!col) throw new Error(`internal: no column ${name}`);
      const total = col.offsets[c.length]!;
      const struct = makeData({
        type: structOf(col.spec), length: total, nullCount: 0,
        children: col.spec.fields.map((fl) => numData(fl, col.fields[fl.name]!)),
      });
      children.push(makeData({ type: listOf(col.spec), length: c.length, nullCount: 0, valueOffsets: col.offsets, child: struct }));
    }
  }
  const data = makeData({ type: new Struct(schema.fields), length: c.length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** Why a batch read from a file does not have the layout this version writes. */
export class LayoutError extends Error {}

/** The values of a column; `atLeast`: how many a column with one value per row must hold. */
function typedValues(d: Data, what: string, atLeast = 0): TypedArray {
  const v = (d as unknown as { values?: TypedArray }).values;
  if (!v) throw new LayoutError(`column ${what} has no values`);
  const out = d.offset ? (v.subarray(d.offset, d.offset + d.length) as TypedArray) : v;
  // a damaged message can describe a shorter buffer than the batch has rows
  if (out.length < atLeast) throw new LayoutError(`column ${what} holds ${out.length} values for ${atLeast} rows`);
  return out;
}

/** Offsets of n rows into `size` values: from 0 up, never decreasing, never past the values. */
function validOffsets(o: Int32Array, n: number, size: number): boolean {
  let ok = o[0]! >= 0 && o[n]! <= size;
  for (let i = 0; i < n; i++) ok = ok && o[i + 1]! >= o[i]!;
  return ok;
}

/** Zero-copy typed-array view of a batch read from a file. */
export function batchColumns(batch: RecordBatch, opts: LayoutOptions): BatchColumns {
  const n = batch.numRows;
  const col = (name: string): Data => {
    const v = batch.getChild(name);
    if (!v || v.data.length !== 1) throw new LayoutError(`column "${name}" is missing`);
    return v.data[0]!;
  };
  const header: Record<string, TypedArray> = {};
  for (const h of HEADER_FIELDS) header[h.name] = typedValues(col(h.name), h.name, n);
  const kaon: Record<string, TypedArray> = {};
  for (const k of KAON_FIELDS) kaon[k.name] = typedValues(col(k.name), k.name, n);
  const proc = col(PROCESS_COLUMN);
  const processOffsets = proc.valueOffsets as Int32Array;
  const processBytes = (proc as unknown as { values?: Uint8Array }).values;
  if (!processOffsets || !processBytes || processOffsets.length < n + 1 || !validOffsets(processOffsets, n, processBytes.length)) throw new LayoutError('column "process" has bad offsets');
  const collections = new Map<CollectionSpec['key'], { spec: CollectionSpec; offsets: Int32Array; fields: Record<string, TypedArray> }>();
  for (const spec of activeCollections(opts)) {
    const list = col(spec.key);
    const offsets = list.valueOffsets as Int32Array;
    const struct = list.children[0];
    if (!offsets || !struct || offsets.length < n + 1) throw new LayoutError(`column "${spec.key}" is not a list of records`);
    const total = offsets[n]!;
    const fields: Record<string, TypedArray> = {};
    spec.fields.forEach((fl, idx) => {
      const child = struct.children[idx];
      if (!child) throw new LayoutError(`column "${spec.key}.${fl.name}" is missing`);
      const values = typedValues(child, `${spec.key}.${fl.name}`);
      if (values.length < total) throw new LayoutError(`column "${spec.key}.${fl.name}" is shorter than its offsets say`);
      fields[fl.name] = values;
    });
    if (!validOffsets(offsets, n, total)) throw new LayoutError(`column "${spec.key}" has negative or decreasing offsets`);
    collections.set(spec.key, { spec, offsets, fields });
  }
  if (opts.checksums === false) return { length: n, header, processOffsets, processBytes, kaon, collections };
  const crc = typedValues(col(CRC_COLUMN), CRC_COLUMN, n) as unknown as Uint32Array;
  return { length: n, header, processOffsets, processBytes, kaon, collections, crc };
}

/** Row i as an event object. */
export function decodeEvent(c: BatchColumns, i: number): Na62Event {
  const h = c.header;
  const mode = MODE_NAME[h['mode']![i]!];
  if (!mode) throw new LayoutError(`event row ${i} has an unknown mode code ${h['mode']![i]}`);
  const coll: Record<string, Record<string, number>[]> = {};
  for (const [key, { spec, offsets, fields }] of c.collections) {
    const rows: Record<string, number>[] = [];
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const r: Record<string, number> = {};
      for (const fl of spec.fields) r[fl.name] = fields[fl.name]![j]!;
      rows.push(r);
    }
    coll[key] = rows;
  }
  const kx = (n: string) => c.kaon[n]![i]!;
  const beamKaon: BeamKaon | undefined = Number.isNaN(kx('kaon_pz'))
    ? undefined
    : { px: kx('kaon_px'), py: kx('kaon_py'), pz: kx('kaon_pz'), x: kx('kaon_x'), y: kx('kaon_y'), gtkTime: kx('kaon_gtkTime'), ktagTime: kx('kaon_ktagTime') };
  return {
    header: {
      run: h['run']![i]!, burst: h['burst']![i]!, event: h['event']![i]!, mode,
      timeInSpill: h['timeInSpill']![i]!, weight: h['weight']![i]!,
      process: utf8d.decode(c.processBytes.subarray(c.processOffsets[i]!, c.processOffsets[i + 1]!)),
      ...(Number.isNaN(h['decayProb']![i]!) ? {} : { decayProbability: h['decayProb']![i]! }),
    },
    tracks: coll['tracks'] as never, lkrClusters: coll['lkrClusters'] as never, muv3Hits: coll['muv3Hits'] as never,
    newchodHits: coll['newchodHits'] as never, lavHits: coll['lavHits'] as never, anti0Hits: coll['anti0Hits'] as never,
    ...(beamKaon ? { beamKaon } : {}),
    ...(coll['strawHits'] ? { strawHits: coll['strawHits'] as never } : {}),
    ...(coll['truth'] ? { truth: coll['truth'] as never } : {}),
  };
}
