/**
 * Events ⇄ Arrow record batches. Encoding builds the typed arrays directly (no per-value
 * builders); decoding reads them zero-copy. Every row carries a CRC-32 of its stored bytes, so a
 * flipped byte anywhere in an event's data is caught when the event is read.
 */
import {
  Field, Float32, Float64, Int16, Int32, Int8, List, RecordBatch, Schema, Struct, Uint32, Uint8, Utf8, makeData, makeVector,
  type Data, type DataType,
} from 'apache-arrow';
import { FORMAT_VERSION } from '../../src-shared/event/file-meta';
import { crc32Update, finishStates, foldCounts, foldFixed, foldRanges, startStates } from './crc32';
import { STATES, wasmCrcKernel, type WasmCrcKernel } from './crc32-wasm';
import type { BeamKaon, Na62Event, RunMode } from '../../src-shared/event/model';
import {
  CRC_COLUMN, FIELD_DOCS, HEADER_FIELDS, KAON_FIELDS, NULLABLE, PROCESS_COLUMN, activeCollections, allocate, collectionOf, diskName,
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

export interface LayoutOptions {
  readonly strawHits: boolean;
  readonly truth: boolean;
  /** the NA48-CHOD slab hits column (absent: false) */
  readonly chodHits?: boolean;
  /** the per-event checksum column (default: present; a file may be written without it) */
  readonly checksums?: boolean;
}

/** Format 2 documents every column in its Arrow field metadata: unit and description. */
const docOf = (key: string, version: number): Map<string, string> | undefined => {
  const d = FIELD_DOCS[key];
  return version >= 2 && d ? new Map([['unit', d.unit], ['description', d.description]]) : undefined;
};
const structOf = (c: CollectionSpec, version: number) =>
  new Struct(c.fields.map((fl) => new Field(diskName(fl.name, version), arrowType(fl.type), false, docOf(`${c.key}.${fl.name}`, version))));
const listOf = (c: CollectionSpec, version: number) => new List(new Field('item', structOf(c, version), false));

/** One column of the file, in order, with what it holds in memory. */
type PlanEntry =
  | { kind: 'header' | 'kaon'; spec: FieldSpec; field: Field }
  | { kind: 'process' | 'crc'; field: Field }
  | { kind: 'collection'; spec: CollectionSpec; field: Field };

/** The columns of a file of this layout and format version, in order. */
function columnPlan(opts: LayoutOptions, version: number): PlanEntry[] {
  const v2 = version >= 2;
  const num = (kind: 'header' | 'kaon', h: FieldSpec): PlanEntry => ({
    kind, spec: h,
    field: new Field(diskName(h.name, version), v2 && h.name === 'mode' ? new Utf8() : arrowType(h.type), v2 && NULLABLE.has(h.name), docOf(h.name, version)),
  });
  const plan: PlanEntry[] = [
    ...HEADER_FIELDS.map((h) => num('header', h)),
    { kind: 'process', field: new Field(PROCESS_COLUMN, new Utf8(), false, docOf(PROCESS_COLUMN, version)) },
    ...KAON_FIELDS.map((k) => num('kaon', k)),
    ...activeCollections(opts).map((c): PlanEntry => ({ kind: 'collection', spec: c, field: new Field(diskName(c.key, version), listOf(c, version), false, docOf(c.key, version)) })),
  ];
  // format 3 keeps its checksums per column buffer in each batch's message (column-read.ts), not in a column
  if (opts.checksums !== false && version < 3) plan.push({ kind: 'crc', field: new Field(CRC_COLUMN, new Uint32(), false, docOf(CRC_COLUMN, version)) });
  return plan;
}

/** The Arrow schema of an event file of a format version (metadata added by the writer). */
export function eventSchema(opts: LayoutOptions, metadata?: Map<string, string>, version: number = FORMAT_VERSION): Schema {
  return new Schema(columnPlan(opts, version).map((e) => e.field), metadata);
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

/**
 * The checksum of every row of a batch, column by column (the same values as rowChecksummer,
 * several times faster: one tight loop per column, whole words where the column has them).
 */
export function batchChecksumsJs(c: BatchColumns): Uint32Array {
  const n = c.length;
  const st = startStates(n);
  for (const h of HEADER_FIELDS) { const a = c.header[h.name]!; foldFixed(st, u8view(a), a.BYTES_PER_ELEMENT, n); }
  foldRanges(st, c.processBytes, c.processOffsets, 1, n);
  for (const k of KAON_FIELDS) { const a = c.kaon[k.name]!; foldFixed(st, u8view(a), a.BYTES_PER_ELEMENT, n); }
  for (const { spec, offsets, fields } of c.collections.values()) {
    foldCounts(st, offsets, n);
    if (offsets[n] === offsets[0]) continue; // an empty collection in this batch adds only its counts
    for (const fl of spec.fields) { const a = fields[fl.name]!; foldRanges(st, u8view(a), offsets, a.BYTES_PER_ELEMENT, n); }
  }
  return finishStates(st);
}

const align8 = (x: number) => (x + 7) & ~7;

/** batchChecksumsJs in the WebAssembly kernel: the columns copied in one at a time, folded in the same order. */
export function batchChecksumsWasm(c: BatchColumns, k: WasmCrcKernel): Uint32Array {
  const n = c.length;
  const off = align8(STATES + 4 * n), data = align8(off + 4 * (n + 1));
  let most = c.processBytes.byteLength;
  for (const { offsets, fields } of c.collections.values()) for (const a of Object.values(fields)) most = Math.max(most, offsets[n]! * a.BYTES_PER_ELEMENT);
  for (const a of [...Object.values(c.header), ...Object.values(c.kaon)]) most = Math.max(most, n * a.BYTES_PER_ELEMENT);
  k.reserve(data + most);
  k.startStates(n);
  const fixed = (a: TypedArray) => { k.put(data, new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT)); k.foldFixed(data, a.BYTES_PER_ELEMENT, n); };
  for (const h of HEADER_FIELDS) fixed(c.header[h.name]!);
  k.putOffsets(off, c.processOffsets, n);
  k.put(data, c.processBytes.subarray(0, c.processOffsets[n]!));
  k.foldRanges(data, off, 1, n);
  for (const f of KAON_FIELDS) fixed(c.kaon[f.name]!);
  for (const { spec, offsets, fields } of c.collections.values()) {
    k.putOffsets(off, offsets, n);
    k.foldCounts(off, n);
    if (offsets[n] === offsets[0]) continue;
    for (const fl of spec.fields) {
      const a = fields[fl.name]!;
      k.put(data, new Uint8Array(a.buffer, a.byteOffset, offsets[n]! * a.BYTES_PER_ELEMENT));
      k.foldRanges(data, off, a.BYTES_PER_ELEMENT, n);
    }
  }
  return k.finish(n);
}

/** The checksum of every row of a batch: the WebAssembly kernel where it runs, else the JavaScript one (same values). */
export function batchChecksums(c: BatchColumns): Uint32Array {
  const k = wasmCrcKernel();
  return k ? batchChecksumsWasm(c, k) : batchChecksumsJs(c);
}

/** Rows of a batch whose stored checksum does not match their values (none for a file without checksums). */
export function corruptRows(c: BatchColumns): number[] {
  const stored = c.crc;
  if (!stored) return [];
  const sums = batchChecksums(c);
  const bad: number[] = [];
  for (let i = 0; i < c.length; i++) if (sums[i] !== stored[i]) bad.push(i);
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
  const cols = { length: n, header, processOffsets, processBytes, kaon, collections };
  return opts.checksums === false ? cols : { ...cols, crc: batchChecksums(cols) };
}

/** A numeric column; in a nullable column, NaN is written as null (a validity bitmap). */
function numData(fl: FieldSpec, values: TypedArray, nullable = false): Data {
  let nullCount = 0;
  let nullBitmap: Uint8Array | undefined;
  if (nullable) {
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) nullCount++;
    if (nullCount) {
      nullBitmap = new Uint8Array((values.length + 7) >> 3);
      for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) nullBitmap[i >> 3]! |= 1 << (i & 7);
    }
  }
  return makeData({ type: arrowType(fl.type), length: values.length, nullCount, data: values, ...(nullBitmap ? { nullBitmap } : {}) } as never);
}

const utf8e = new TextEncoder();
/** Format 2 writes the run mode as its name. */
function modeStrings(codes: TypedArray): Data {
  const names = MODE_NAME.map((m) => utf8e.encode(m));
  const offsets = new Int32Array(codes.length + 1);
  for (let i = 0; i < codes.length; i++) offsets[i + 1] = offsets[i]! + (names[codes[i]!]?.length ?? 0);
  const bytes = new Uint8Array(offsets[codes.length]!);
  for (let i = 0; i < codes.length; i++) { const b = names[codes[i]!]; if (b) bytes.set(b, offsets[i]!); }
  return makeData({ type: new Utf8(), length: codes.length, nullCount: 0, valueOffsets: offsets, data: bytes });
}

/** Typed arrays → an Arrow record batch of the event schema of a format version. */
export function columnsToBatch(c: BatchColumns, schema: Schema, version: number = FORMAT_VERSION): RecordBatch {
  const plan = new Map(columnPlan({ strawHits: true, truth: true, chodHits: true }, version).map((e) => [e.field.name, e]));
  const children: Data[] = [];
  for (const field of schema.fields) {
    const e = plan.get(field.name);
    if (!e) throw new Error(`internal: no column ${field.name}`);
    if (e.kind === 'header') children.push(version >= 2 && e.spec.name === 'mode' ? modeStrings(c.header['mode']!) : numData(e.spec, c.header[e.spec.name]!, e.field.nullable));
    else if (e.kind === 'kaon') children.push(numData(e.spec, c.kaon[e.spec.name]!, e.field.nullable));
    else if (e.kind === 'process') children.push(makeData({ type: new Utf8(), length: c.length, nullCount: 0, valueOffsets: c.processOffsets, data: c.processBytes }));
    else if (e.kind === 'crc') {
      if (!c.crc) throw new Error('internal: no checksums to write');
      children.push(makeData({ type: new Uint32(), length: c.length, nullCount: 0, data: c.crc }));
    } else if (e.kind === 'collection') {
      const col = c.collections.get(e.spec.key);
      if (!col) throw new Error(`internal: no column ${field.name}`);
      const total = col.offsets[c.length]!;
      const struct = makeData({
        type: structOf(col.spec, version), length: total, nullCount: 0,
        children: col.spec.fields.map((fl) => numData(fl, col.fields[fl.name]!)),
      });
      children.push(makeData({ type: listOf(col.spec, version), length: c.length, nullCount: 0, valueOffsets: col.offsets, child: struct }));
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
export function validOffsets(o: Int32Array, n: number, size: number): boolean {
  if (!(o[0]! >= 0 && o[n]! <= size)) return false;
  // an early exit, not ok = ok && …: the loop runs a fifth faster (it sees every event of every collection)
  for (let i = 0, prev = o[0]!; i < n; i++) { const x = o[i + 1]!; if (x < prev) return false; prev = x; }
  return true;
}

const isValid = (bitmap: Uint8Array, i: number) => ((bitmap[i >> 3]! >> (i & 7)) & 1) === 1;

/**
 * Per-thread scratch: one NaN-filled array per type and length, shared by every all-null column of
 * that shape (columns are read-only to their users), so a dump-mode batch allocates nothing for its
 * seven beam-kaon columns and the young generation is not churned batch after batch.
 */
const nanArrays = new Map<string, TypedArray>();
export function allNaN(like: TypedArray): TypedArray {
  const key = `${like.constructor.name}:${like.length}`;
  let a = nanArrays.get(key);
  if (!a) {
    if (nanArrays.size > 64) nanArrays.clear(); // batches of many sizes (unusual): keep the cache small
    a = new (like.constructor as new (n: number) => TypedArray)(like.length).fill(NaN);
    nanArrays.set(key, a);
  }
  return a;
}

/**
 * A numeric column as a typed array of at least n values. Nulls are allowed only where the format
 * allows them, and become NaN (a copy is made then; otherwise the view is zero-copy).
 */
function numericColumn(d: Data, what: string, n: number, nullable: boolean): TypedArray {
  const values = typedValues(d, what, n);
  if (!d.nullCount) return values;
  if (!nullable) throw new LayoutError(`column ${what} holds ${d.nullCount} nulls, where the format allows none`);
  const bitmap = d.nullBitmap;
  // a column of nulls only (the beam kaon of every dump-mode event): NaN throughout, no bit tests
  if (d.nullCount >= d.length) return allNaN(values);
  const out = values.slice() as TypedArray;
  if (bitmap) for (let i = 0; i < out.length; i++) if (!isValid(bitmap, d.offset + i)) out[i] = NaN;
  return out;
}

/** Offsets of a list or string column as 32-bit (large lists and strings have 64-bit ones). */
function offsetsOf(d: Data, what: string): Int32Array | undefined {
  const o = d.valueOffsets as Int32Array | BigInt64Array | undefined;
  if (!o || o instanceof Int32Array) return o;
  const out = new Int32Array(o.length);
  for (let i = 0; i < o.length; i++) {
    const x = o[i]!;
    if (x > 0x7fffffffn || x < 0n) throw new LayoutError(`column ${what} has an offset beyond 2^31`);
    out[i] = Number(x);
  }
  return out;
}

/**
 * A string column as offsets and UTF-8 bytes, whichever way it is stored: Utf8 zero-copy;
 * LargeUtf8, Utf8View and dictionaries of strings (what other writers produce) converted.
 */
function stringColumn(d: Data, what: string, n: number): { offsets: Int32Array; bytes: Uint8Array } {
  if (d.nullCount) throw new LayoutError(`column ${what} holds ${d.nullCount} nulls, where the format allows none`);
  if (d.typeId === new Utf8().typeId && !d.dictionary) {
    const offsets = d.valueOffsets as Int32Array, bytes = (d as unknown as { values?: Uint8Array }).values;
    if (!offsets || !bytes || offsets.length < n + 1 || !validOffsets(offsets, n, bytes.length)) throw new LayoutError(`column ${what} has bad offsets`);
    return { offsets, bytes };
  }
  const strings: string[] = [];
  try {
    const v = makeVector(d);
    for (let i = 0; i < n; i++) {
      const x: unknown = v.get(i);
      if (typeof x !== 'string') throw new LayoutError(`column ${what} does not hold strings`);
      strings.push(x);
    }
  } catch (err) {
    throw err instanceof LayoutError ? err : new LayoutError(`column ${what} cannot be read as strings (${err instanceof Error ? err.message : String(err)})`);
  }
  const encoded = strings.map((x) => utf8e.encode(x));
  const offsets = new Int32Array(n + 1);
  encoded.forEach((b, i) => { offsets[i + 1] = offsets[i]! + b.length; });
  const bytes = new Uint8Array(offsets[n]!);
  encoded.forEach((b, i) => bytes.set(b, offsets[i]!));
  return { offsets, bytes };
}

const MODE_BYTES = MODE_NAME.map((m) => utf8e.encode(m));
const DUMP_BYTES = MODE_BYTES[0]!; // "dump": code 0

/** Format 2's mode names → the in-memory codes (compared as bytes: this runs for every event a selection reads). */
function modeCodes(d: Data, what: string, n: number): Uint8Array {
  const { offsets, bytes } = stringColumn(d, what, n);
  return modeCodesOf(offsets, bytes, what, n);
}

/** Mode names given as string offsets and UTF-8 bytes → the in-memory codes. */
export function modeCodesOf(offsets: Int32Array, bytes: Uint8Array, what: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const d0 = DUMP_BYTES[0], d1 = DUMP_BYTES[1], d2 = DUMP_BYTES[2], d3 = DUMP_BYTES[3];
  for (let i = 0; i < n; i++) {
    const a = offsets[i]!, len = offsets[i + 1]! - a;
    // nearly every row of a file says "dump" (or every one "kaon"): four byte compares, no search
    if (len === 4 && bytes[a] === d0 && bytes[a + 1] === d1 && bytes[a + 2] === d2 && bytes[a + 3] === d3) { out[i] = 0; continue; }
    let k = 0;
    for (; k < MODE_BYTES.length; k++) {
      const m = MODE_BYTES[k]!;
      let same = m.length === len;
      for (let j = 0; same && j < len; j++) same = bytes[a + j] === m[j];
      if (same) break;
    }
    if (k === MODE_BYTES.length) throw new LayoutError(`column ${what}: row ${i} says "${utf8d.decode(bytes.subarray(a, a + Math.min(len, 20)))}", expected "dump" or "kaon"`);
    out[i] = k;
  }
  return out;
}

/**
 * Typed-array view of a batch read from a file of a format version: zero-copy where the file
 * stores what the engine works on; nulls (format 2) become NaN, string and list variants are converted.
 */
export function batchColumns(batch: RecordBatch, opts: LayoutOptions, version: number = FORMAT_VERSION): BatchColumns {
  const n = batch.numRows;
  const col = (name: string): Data => {
    const v = batch.getChild(name);
    if (!v || v.data.length !== 1) throw new LayoutError(`column "${name}" is missing`);
    return v.data[0]!;
  };
  const v2 = version >= 2;
  const header: Record<string, TypedArray> = {};
  for (const h of HEADER_FIELDS) {
    const name = diskName(h.name, version);
    header[h.name] = v2 && h.name === 'mode' ? modeCodes(col(name), `"${name}"`, n) : numericColumn(col(name), `"${name}"`, n, v2 && NULLABLE.has(h.name));
  }
  const kaon: Record<string, TypedArray> = {};
  for (const k of KAON_FIELDS) { const name = diskName(k.name, version); kaon[k.name] = numericColumn(col(name), `"${name}"`, n, v2); }
  const { offsets: processOffsets, bytes: processBytes } = stringColumn(col(PROCESS_COLUMN), '"process"', n);
  const collections = new Map<CollectionSpec['key'], { spec: CollectionSpec; offsets: Int32Array; fields: Record<string, TypedArray> }>();
  for (const spec of activeCollections(opts)) {
    const key = diskName(spec.key, version);
    const list = col(key);
    if (list.nullCount) throw new LayoutError(`column "${key}" holds ${list.nullCount} nulls (an event without ${key} has an empty list)`);
    const offsets = offsetsOf(list, `"${key}"`);
    const struct = list.children[0];
    if (!offsets || !struct || offsets.length < n + 1) throw new LayoutError(`column "${key}" is not a list of records`);
    const total = offsets[n]!;
    const fields: Record<string, TypedArray> = {};
    spec.fields.forEach((fl, idx) => {
      const child = struct.children[idx];
      const what = `"${key}.${diskName(fl.name, version)}"`;
      if (!child) throw new LayoutError(`column ${what} is missing`);
      const values = numericColumn(child, what, 0, false);
      if (values.length < total) throw new LayoutError(`column ${what} is shorter than its offsets say`);
      fields[fl.name] = values;
    });
    if (!validOffsets(offsets, n, total)) throw new LayoutError(`column "${key}" has negative or decreasing offsets`);
    collections.set(spec.key, { spec, offsets, fields });
  }
  if (opts.checksums === false || version >= 3) return { length: n, header, processOffsets, processBytes, kaon, collections };
  const crc = numericColumn(col(CRC_COLUMN), `"${CRC_COLUMN}"`, n, false) as unknown as Uint32Array;
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
    ...(coll['chodHits'] ? { chodHits: coll['chodHits'] as never } : {}),
    ...(coll['truth'] ? { truth: coll['truth'] as never } : {}),
  };
}
