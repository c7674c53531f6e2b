/**
 * Bounds checks of the Arrow flatbuffers in an event file (the footer, and each record batch's
 * message header) before Apache Arrow decodes them. Arrow trusts every vector length it reads: one
 * flipped byte in a length makes it loop two billion times (a hang, then out of memory). Here
 * every table, vector and string that Arrow walks must lie inside the bytes it claims to be in,
 * so every loop Arrow runs afterwards is bounded by the size of the metadata.
 * Layouts: format/File.fbs, Schema.fbs and Message.fbs of the Arrow columnar format.
 */

/** Why a flatbuffer does not fit in its bytes. */
export class FlatbufferBoundsError extends Error {}

export interface Table { readonly pos: number; readonly vt: number; readonly vtLen: number; readonly tableLen: number }

/** Arrow nests List<Struct<…>> two levels deep; anything much deeper is not an event file. */
const MAX_FIELD_DEPTH = 8;

export class Reader {
  readonly dv: DataView;
  constructor(readonly b: Uint8Array, private readonly what: string) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  fail(msg: string): never { throw new FlatbufferBoundsError(`${this.what}: ${msg}`); }
  private need(pos: number, len: number, what: string): void {
    if (!(pos >= 0 && len >= 0 && pos + len <= this.b.byteLength)) this.fail(`${what} lies outside its ${this.b.byteLength} bytes`);
  }
  private u32(pos: number): number { this.need(pos, 4, 'an offset'); return this.dv.getUint32(pos, true); }
  u8(pos: number): number { this.need(pos, 1, 'a byte'); return this.dv.getUint8(pos); }

  table(pos: number, what: string): Table {
    this.need(pos, 4, what);
    const vt = pos - this.dv.getInt32(pos, true);
    this.need(vt, 4, `the layout of ${what}`);
    const vtLen = this.dv.getUint16(vt, true), tableLen = this.dv.getUint16(vt + 2, true);
    if (vtLen < 4 || vtLen % 2) this.fail(`the layout of ${what} is malformed`);
    this.need(vt, vtLen, `the layout of ${what}`);
    this.need(pos, tableLen, what);
    return { pos, vt, vtLen, tableLen };
  }
  root(what: string): Table { return this.table(this.u32(0), what); }

  /** position of field `idx` of table t, or undefined when absent */
  field(t: Table, idx: number, size: number, what: string): number | undefined {
    const slot = 4 + 2 * idx;
    if (slot + 2 > t.vtLen) return undefined;
    const off = this.dv.getUint16(t.vt + slot, true);
    if (!off) return undefined;
    if (off + size > t.tableLen) this.fail(`${what} lies outside its table`);
    return t.pos + off;
  }
  /** the table an offset field points to */
  child(t: Table, idx: number, what: string): Table | undefined {
    const p = this.field(t, idx, 4, what);
    return p === undefined ? undefined : this.table(p + this.u32(p), what);
  }
  /** a vector field: its element count, after checking that all its elements are inside the bytes */
  vector(t: Table, idx: number, elemSize: number, what: string): { start: number; len: number } | undefined {
    const p = this.field(t, idx, 4, what);
    if (p === undefined) return undefined;
    const at = p + this.u32(p);
    const len = this.u32(at);
    if (len * elemSize > this.b.byteLength) this.fail(`${what} claims ${len} entries`);
    this.need(at + 4, len * elemSize, what);
    return { start: at + 4, len };
  }
  /** each table of a vector of tables */
  tables(t: Table, idx: number, what: string): Table[] {
    const v = this.vector(t, idx, 4, what);
    const out: Table[] = [];
    for (let i = 0; v && i < v.len; i++) { const p = v.start + 4 * i; out.push(this.table(p + this.u32(p), `${what}[${i}]`)); }
    return out;
  }
}

function checkKeyValues(r: Reader, t: Table, idx: number, what: string): void {
  for (const kv of r.tables(t, idx, what)) { r.vector(kv, 0, 1, `${what} key`); r.vector(kv, 1, 1, `${what} value`); }
}

/** Field { name, nullable, type_type, type, dictionary, children, custom_metadata } */
function checkField(r: Reader, f: Table, depth: number, what: string): void {
  if (depth > MAX_FIELD_DEPTH) r.fail(`${what} is nested more than ${MAX_FIELD_DEPTH} levels deep`);
  r.vector(f, 0, 1, `${what} name`);
  const typeType = r.field(f, 2, 1, `${what} type tag`);
  const type = r.child(f, 3, `${what} type`);
  if (type && typeType !== undefined && r.u8(typeType) === 14) r.vector(type, 1, 4, `${what} union type ids`); // Union { mode, typeIds }
  const dict = r.child(f, 4, `${what} dictionary`);
  if (dict) r.child(dict, 1, `${what} dictionary index type`);
  r.tables(f, 5, `${what} children`).forEach((c, i) => checkField(r, c, depth + 1, `${what}.child${i}`));
  checkKeyValues(r, f, 6, `${what} metadata`);
}

/** Schema { endianness, fields, custom_metadata, features } */
function checkSchema(r: Reader, s: Table): void {
  r.tables(s, 1, 'schema fields').forEach((f, i) => checkField(r, f, 0, `field ${i}`));
  checkKeyValues(r, s, 2, 'schema metadata');
  r.vector(s, 3, 8, 'schema features');
}

/** The footer flatbuffer: Footer { version, schema, dictionaries: [Block], recordBatches: [Block], custom_metadata }. */
export function checkFooterBounds(footer: Uint8Array): void {
  const r = new Reader(footer, 'footer');
  const root = r.root('footer');
  const schema = r.child(root, 1, 'schema');
  if (!schema) return r.fail('it has no schema');
  checkSchema(r, schema);
  r.vector(root, 2, 24, 'dictionary blocks');
  r.vector(root, 3, 24, 'record batch blocks');
  checkKeyValues(r, root, 4, 'footer metadata');
}

/**
 * A record batch's message as the file stores it: continuation marker, length, then
 * Message { version, header_type, header, bodyLength, custom_metadata } with a
 * RecordBatch { length, nodes: [FieldNode], buffers: [Buffer], compression, variadicBufferCounts } header.
 */
export function checkBatchMessageBounds(message: Uint8Array): CheckedBatchMessage {
  if (message.byteLength < 8) throw new FlatbufferBoundsError('message: shorter than its prefix');
  const dv = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const marked = dv.getUint32(0, true) === 0xffffffff;
  const len = dv.getInt32(marked ? 4 : 0, true), start = marked ? 8 : 4;
  if (len <= 0 || start + len > message.byteLength) throw new FlatbufferBoundsError(`message: its length ${len} does not fit in ${message.byteLength} bytes`);
  const r = new Reader(message.subarray(start, start + len), 'message');
  const msg = r.root('message');
  const headerType = r.field(msg, 1, 1, 'message header type');
  if (headerType === undefined || r.u8(headerType) !== 3) r.fail('it is not a record batch');
  const rb = r.child(msg, 2, 'record batch');
  if (!rb) return r.fail('it has no record batch header');
  const nodes = r.vector(rb, 1, 16, 'field nodes');
  const buffers = r.vector(rb, 2, 16, 'buffers');
  const compression = r.child(rb, 3, 'compression');
  r.vector(rb, 4, 8, 'variadic buffer counts');
  const metadata: { key: Uint8Array; value: Uint8Array }[] = [];
  for (const kv of r.tables(msg, 4, 'message metadata')) {
    const k = r.vector(kv, 0, 1, 'message metadata key'), v = r.vector(kv, 1, 1, 'message metadata value');
    metadata.push({ key: k ? r.b.subarray(k.start, k.start + k.len) : EMPTY, value: v ? r.b.subarray(v.start, v.start + v.len) : EMPTY });
  }
  const lengthAt = r.field(rb, 0, 8, 'record batch length');
  return { reader: r, length: lengthAt === undefined ? 0 : int64(r.dv, lengthAt), nodes, buffers, compressed: !!compression, metadata };
}
const EMPTY = new Uint8Array(0);

/** A little-endian int64 as a number (exact below 2^53; beyond, a number no check will accept). */
export const int64 = (dv: DataView, pos: number): number => dv.getUint32(pos, true) + dv.getInt32(pos + 4, true) * 4294967296;

/** What the bounds check of a batch message found: where its vectors lie, all inside its bytes. */
export interface CheckedBatchMessage {
  readonly reader: Reader;
  /** RecordBatch.length (rows) */
  readonly length: number;
  /** FieldNode { length: long, null_count: long } × len, from `start` */
  readonly nodes: { start: number; len: number } | undefined;
  /** Buffer { offset: long, length: long } × len, from `start` */
  readonly buffers: { start: number; len: number } | undefined;
  readonly compressed: boolean;
  /** the message's custom metadata, as UTF-8 bytes */
  readonly metadata: readonly { key: Uint8Array; value: Uint8Array }[];
}
