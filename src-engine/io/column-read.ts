/**
 * Format 3: a CRC-32 per column buffer per record batch, and reads of only the columns a reader
 * needs. Each record batch's IPC message carries custom metadata `na62.crc32`: the CRC-32 of
 * every buffer of the batch's body, in the order of the message's buffer list (docs/event-format.md,
 * "Checksums (format 3)"). A reader then verifies exactly the buffers it reads: a selection reads
 * and verifies the ~30 % of a file its cuts need; an event open, `na62 check` and the display read
 * and verify every buffer.
 */
import { type RecordBatch, type Schema, type Field, Type } from 'apache-arrow';
import { VectorAssembler } from 'apache-arrow/visitor/vectorassembler';
import { crc32 } from './crc32';
import { wasmCrcKernel } from './crc32-wasm';
import { checkBatchMessageBounds, int64 } from './flatbuffer-bounds';
import { activeCollections, diskName, HEADER_FIELDS, KAON_FIELDS, NULLABLE, PROCESS_COLUMN, type CollectionSpec, type NumType, type TypedArray } from './layout';
import { allNaN, LayoutError, modeCodesOf, validOffsets, type BatchColumns } from './codec';

/** The key of a batch message's custom metadata that holds its buffer checksums. */
export const CRC_KEY = 'na62.crc32';

let nativeCrc: ((bytes: Uint8Array) => number) | undefined;
/**
 * A host's own CRC-32 of whole buffers (Node's zlib.crc32, about twice the WebAssembly kernel's
 * speed): set by the Node hosts (src-node/native-crc.ts); the engine itself stays free of Node.
 */
export function useNativeCrc32(fn: ((bytes: Uint8Array) => number) | undefined): void { nativeCrc = fn; }

/** CRC-32 of a whole buffer: the host's kernel, else WebAssembly where it runs, else JavaScript (same value). */
export function crcOf(bytes: Uint8Array): number {
  if (nativeCrc) return nativeCrc(bytes);
  const k = wasmCrcKernel();
  return k ? k.crcOf(bytes) : crc32(bytes);
}

/**
 * The checksums of a batch as a writer stores them: the CRC-32 of each body buffer as Apache
 * Arrow's writer lays it out (its bytes, then the zero padding up to its declared 8-byte-aligned
 * length), as 8 hex digits, space-separated.
 */
export function batchBufferCrcs(batch: RecordBatch): string {
  const a = VectorAssembler.assemble(batch);
  const zeros = new Uint8Array(8);
  const out: string[] = [];
  a.buffers.forEach((buf, k) => {
    const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const declared = a.bufferRegions[k]!.length;
    let c = crcOf(u8);
    if (declared > u8.byteLength) c = crc32(zeros.subarray(0, declared - u8.byteLength), c);
    out.push(c.toString(16).padStart(8, '0'));
  });
  return out.join(' ');
}

/** The checksums of a batch's message, or why they cannot be read. */
export function parseCrcs(value: string, buffers: number): Uint32Array | string {
  const parts = value.split(' ');
  if (parts.length !== buffers) return `its checksum list has ${parts.length} entries for ${buffers} buffers`;
  const out = new Uint32Array(buffers);
  for (let k = 0; k < buffers; k++) {
    const p = parts[k]!;
    if (!/^[0-9a-f]{8}$/.test(p)) return `its checksum list holds "${p.slice(0, 12)}", not 8 hex digits`;
    out[k] = parseInt(p, 16);
  }
  return out;
}

/** Which columns a read needs, by their in-memory names (layout.ts). */
export interface ColumnSet {
  readonly header: readonly string[];
  readonly process: boolean;
  readonly kaon: readonly string[];
  /** collection → its fields to read (the list offsets come with any field, or alone for []) */
  readonly collections: Readonly<Partial<Record<CollectionSpec['key'], readonly string[]>>>;
}

/** Every column of a layout (what the display, `na62 check` and exports read). */
export function allColumns(opts: { strawHits: boolean; truth: boolean; chodHits?: boolean }): ColumnSet {
  return {
    header: HEADER_FIELDS.map((h) => h.name), process: true, kaon: KAON_FIELDS.map((k) => k.name),
    collections: Object.fromEntries(activeCollections(opts).map((c) => [c.key, c.fields.map((f) => f.name)])),
  };
}

/** Where a top-level column's nodes and buffers start in a batch message (depth-first, Arrow's order). */
interface Slot { readonly node: number; readonly buffer: number; readonly field: Field }

/** The message layout of a schema whose types are all plain (no large lists, views or dictionaries); undefined otherwise. */
export interface MessagePlan {
  readonly nodes: number;
  readonly buffers: number;
  readonly slots: ReadonlyMap<string, Slot>;
  /** the column each buffer belongs to ("tracks.px"), for messages */
  readonly bufferNames: readonly string[];
}

export function messagePlan(schema: Schema): MessagePlan | undefined {
  let nodes = 0, buffers = 0;
  const slots = new Map<string, Slot>();
  const names: string[] = [];
  const walk = (f: Field, name: string): boolean => {
    nodes++;
    switch (f.type.typeId) {
      case Type.Int: case Type.Float: names.push(`${name} (validity)`, name); buffers += 2; return true;
      case Type.Utf8: names.push(`${name} (validity)`, `${name} (offsets)`, name); buffers += 3; return true;
      case Type.List: names.push(`${name} (validity)`, `${name} (offsets)`); buffers += 2; return walk(f.type.children[0]!, name);
      case Type.Struct: names.push(`${name} (validity)`); buffers += 1; return f.type.children.every((c: Field) => walk(c, `${name}.${c.name}`));
      default: return false;
    }
  };
  for (const f of schema.fields) {
    slots.set(f.name, { node: nodes, buffer: buffers, field: f });
    if (!walk(f, f.name)) return undefined;
  }
  return { nodes, buffers, slots, bufferNames: names };
}

/** A batch message's header as the reader uses it. */
export interface BatchMessage {
  readonly length: number;
  readonly nodes: readonly { length: number; nullCount: number }[];
  readonly buffers: readonly { offset: number; length: number }[];
  /** the stored checksums, or undefined when the batch has none */
  readonly crcs: Uint32Array | undefined;
}

/** Decode a batch's metadata block (continuation, length, flatbuffer); throws LayoutError on anything wrong. */
export function decodeBatchMessage(meta: Uint8Array, bodyLength: number): BatchMessage {
  // read straight from the flatbuffer the bounds check has walked (Arrow's Message.decode made
  // objects and BigInts for every buffer: about 0.5 ms a batch, 10 % of a selection)
  const m = checkBatchMessageBounds(meta);
  if (m.compressed) throw new LayoutError('its buffers are compressed (the format stores them uncompressed)');
  const dv = m.reader.dv;
  const buffers: { offset: number; length: number }[] = new Array(m.buffers?.len ?? 0);
  for (let k = 0; k < buffers.length; k++) {
    const at = m.buffers!.start + 16 * k;
    const b = { offset: int64(dv, at), length: int64(dv, at + 8) };
    if (!(b.offset >= 0 && b.length >= 0 && b.offset + b.length <= bodyLength)) throw new LayoutError(`its buffer ${k} lies outside the batch`);
    buffers[k] = b;
  }
  const nodes: { length: number; nullCount: number }[] = new Array(m.nodes?.len ?? 0);
  for (let k = 0; k < nodes.length; k++) {
    const at = m.nodes!.start + 16 * k;
    nodes[k] = { length: int64(dv, at), nullCount: int64(dv, at + 8) };
  }
  let crcs: Uint32Array | undefined;
  const entry = m.metadata.find((kv) => sameAscii(kv.key, CRC_KEY));
  if (entry) {
    const parsed = parseCrcBytes(entry.value, buffers.length);
    if (typeof parsed === 'string') throw new LayoutError(parsed);
    crcs = parsed;
  }
  return { length: m.length, nodes, buffers, crcs };
}

const sameAscii = (bytes: Uint8Array, s: string): boolean => {
  if (bytes.length !== s.length) return false;
  for (let k = 0; k < bytes.length; k++) if (bytes[k] !== s.charCodeAt(k)) return false;
  return true;
};
/** the value of an ASCII hex digit, or -1 (lower case only, as writers store them) */
const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1);

/** parseCrcs on the metadata's UTF-8 bytes, without making strings (the same answers and messages). */
export function parseCrcBytes(value: Uint8Array, buffers: number): Uint32Array | string {
  // the expected shape: `buffers` groups of 8 hex digits, single spaces between
  if (buffers === 0 || value.length !== 9 * buffers - 1) return parseCrcs(new TextDecoder().decode(value), buffers);
  const out = new Uint32Array(buffers);
  for (let k = 0; k < buffers; k++) {
    let x = 0;
    for (let d = 0; d < 8; d++) {
      const h = hexValue(value[9 * k + d]!);
      if (h < 0) return parseCrcs(new TextDecoder().decode(value), buffers);
      x = x * 16 + h;
    }
    if (k < buffers - 1 && value[9 * k + 8] !== 32) return parseCrcs(new TextDecoder().decode(value), buffers);
    out[k] = x;
  }
  return out;
}
/** A column buffer whose bytes do not match their stored checksum. */
export class ChecksumMismatch extends LayoutError {
  constructor(readonly column: string) { super(`column "${column}" does not match its checksum`); }
}

/** The buffers of a message that a column set needs, by index. */
export function neededBuffers(plan: MessagePlan, set: ColumnSet, version: number): number[] {
  const out: number[] = [];
  const slot = (name: string): Slot => {
    const s = plan.slots.get(name);
    if (!s) throw new LayoutError(`column "${name}" is missing`);
    return s;
  };
  const scalar = (name: string, strings = false) => { const s = slot(name); for (let k = 0; k < (strings ? 3 : 2); k++) out.push(s.buffer + k); };
  for (const h of set.header) scalar(diskName(h, version), h === 'mode');
  if (set.process) scalar(PROCESS_COLUMN, true);
  for (const k of set.kaon) scalar(diskName(k, version));
  for (const [key, fields] of Object.entries(set.collections) as [CollectionSpec['key'], readonly string[]][]) {
    const s = slot(diskName(key, version));
    out.push(s.buffer, s.buffer + 1, s.buffer + 2); // list validity, offsets, struct validity
    const struct = s.field.type.children[0]!.type;
    for (const f of fields) {
      const i = struct.children.findIndex((c: Field) => c.name === diskName(f, version));
      if (i < 0) throw new LayoutError(`column "${diskName(key, version)}.${diskName(f, version)}" is missing`);
      out.push(s.buffer + 3 + 2 * i, s.buffer + 4 + 2 * i);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Byte ranges of the body to read for these buffers: runs of buffers joined across gaps up to `gap` bytes. */
export function coalesce(msg: BatchMessage, needed: readonly number[], gap = 64 << 10): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const list = needed.map((k) => msg.buffers[k]!).filter((b) => b.length > 0).sort((a, b) => a.offset - b.offset);
  for (const b of list) {
    const last = ranges.at(-1);
    if (last && b.offset <= last.end + gap) last.end = Math.max(last.end, b.offset + b.length);
    else ranges.push({ start: b.offset, end: b.offset + b.length });
  }
  return ranges;
}

const SIZE: Record<NumType, number> = { f32: 4, f64: 8, i32: 4, i16: 2, i8: 1, u8: 1 };
const CTOR: Record<NumType, new (b: ArrayBuffer, o: number, n: number) => TypedArray> = {
  f32: Float32Array, f64: Float64Array, i32: Int32Array, i16: Int16Array, i8: Int8Array, u8: Uint8Array,
};
const notRead = (what: string) => () => { throw new Error(`internal: column ${what} was not read (add it to the reader's column set)`); };

/**
 * Decode the columns of a set from the buffers read: `bytes(k)` gives buffer k's bytes (verified
 * by the caller). Zero-copy where aligned; nulls become NaN where the format allows them. Columns
 * outside the set throw when touched, so a reader that forgot one fails loudly.
 */
export function decodeColumns(plan: MessagePlan, msg: BatchMessage, set: ColumnSet, bytes: (k: number) => Uint8Array, version: number,
  opts: { strawHits: boolean; truth: boolean; chodHits?: boolean }): BatchColumns {
  const n = msg.length;
  const slot = (name: string) => plan.slots.get(name)!;
  const view = (k: number, type: NumType, count: number, what: string): TypedArray => {
    const b = bytes(k), size = SIZE[type];
    if (b.byteLength < count * size) throw new LayoutError(`column ${what} holds ${Math.floor(b.byteLength / size)} values for ${count}`);
    if (b.byteOffset % size === 0) return new CTOR[type](b.buffer as ArrayBuffer, b.byteOffset, count);
    const copy = new Uint8Array(count * size);
    copy.set(b.subarray(0, count * size));
    return new CTOR[type](copy.buffer, 0, count);
  };
  const numeric = (name: string, type: NumType, nullable: boolean, node: number, buffer: number, count: number): TypedArray => {
    const nd = msg.nodes[node]!;
    if (nd.length < count) throw new LayoutError(`column "${name}" holds ${nd.length} values for ${count}`);
    const values = view(buffer + 1, type, count, `"${name}"`);
    if (!nd.nullCount) return values;
    if (!nullable) throw new LayoutError(`column "${name}" holds ${nd.nullCount} nulls, where the format allows none`);
    if (nd.nullCount >= count) return allNaN(values);
    const bm = bytes(buffer);
    if (bm.byteLength < (count + 7) >> 3) throw new LayoutError(`column "${name}" has a short validity bitmap`);
    const out = values.slice() as TypedArray;
    for (let i = 0; i < count; i++) if (!((bm[i >> 3]! >> (i & 7)) & 1)) out[i] = NaN;
    return out;
  };
  const strings = (name: string): { offsets: Int32Array; bytes: Uint8Array } => {
    const s = slot(name), nd = msg.nodes[s.node]!;
    if (nd.nullCount) throw new LayoutError(`column "${name}" holds ${nd.nullCount} nulls, where the format allows none`);
    const offsets = view(s.buffer + 1, 'i32', n + 1, `"${name}"`) as Int32Array;
    const data = bytes(s.buffer + 2);
    if (!validOffsets(offsets, n, data.byteLength)) throw new LayoutError(`column "${name}" has bad offsets`);
    return { offsets, bytes: data };
  };
  const header: Record<string, TypedArray> = {};
  for (const h of HEADER_FIELDS) {
    if (!set.header.includes(h.name)) { Object.defineProperty(header, h.name, { get: notRead(h.name), enumerable: false }); continue; }
    const name = diskName(h.name, version), s = slot(name);
    if (h.name === 'mode') { const { offsets, bytes: b } = strings(name); header[h.name] = modeCodesOf(offsets, b, `"${name}"`, n); }
    else header[h.name] = numeric(name, h.type, NULLABLE.has(h.name), s.node, s.buffer, n);
  }
  const kaon: Record<string, TypedArray> = {};
  for (const k of KAON_FIELDS) {
    if (!set.kaon.includes(k.name)) { Object.defineProperty(kaon, k.name, { get: notRead(k.name), enumerable: false }); continue; }
    const name = diskName(k.name, version), s = slot(name);
    kaon[k.name] = numeric(name, k.type, true, s.node, s.buffer, n);
  }
  let processOffsets: Int32Array, processBytes: Uint8Array;
  if (set.process) ({ offsets: processOffsets, bytes: processBytes } = strings(PROCESS_COLUMN));
  const collections = new Map<CollectionSpec['key'], { spec: CollectionSpec; offsets: Int32Array; fields: Record<string, TypedArray> }>();
  for (const spec of activeCollections(opts)) {
    const want = set.collections[spec.key];
    if (!want) continue;
    const key = diskName(spec.key, version), s = slot(key);
    if (msg.nodes[s.node]!.nullCount) throw new LayoutError(`column "${key}" holds ${msg.nodes[s.node]!.nullCount} nulls (an event without ${key} has an empty list)`);
    if (msg.nodes[s.node + 1]!.nullCount) throw new LayoutError(`column "${key}" holds null records`);
    const offsets = view(s.buffer + 1, 'i32', n + 1, `"${key}"`) as Int32Array;
    const total = offsets[n]!;
    const structNode = msg.nodes[s.node + 1]!;
    if (!validOffsets(offsets, n, structNode.length)) throw new LayoutError(`column "${key}" has negative or decreasing offsets`);
    const fields: Record<string, TypedArray> = {};
    spec.fields.forEach((fl, idx) => {
      const what = `${key}.${diskName(fl.name, version)}`;
      if (!want.includes(fl.name)) { Object.defineProperty(fields, fl.name, { get: notRead(what), enumerable: false }); return; }
      fields[fl.name] = numeric(what, fl.type, false, s.node + 2 + idx, s.buffer + 3 + 2 * idx, total);
    });
    collections.set(spec.key, { spec, offsets, fields });
  }
  const out = { length: n, header, kaon, collections } as { length: number; header: typeof header; kaon: typeof kaon; collections: typeof collections; processOffsets: Int32Array; processBytes: Uint8Array };
  if (set.process) { out.processOffsets = processOffsets!; out.processBytes = processBytes!; }
  else { Object.defineProperty(out, 'processOffsets', { get: notRead('process') }); Object.defineProperty(out, 'processBytes', { get: notRead('process') }); }
  return out;
}

/** Verify buffers against the stored checksums; throws ChecksumMismatch naming the first column that differs. */
export function verifyBuffers(plan: { bufferNames: readonly string[] } | undefined, msg: BatchMessage, which: readonly number[], bytes: (k: number) => Uint8Array): void {
  if (!msg.crcs) return;
  for (const k of which) {
    const b = bytes(k);
    if (crcOf(b) !== msg.crcs[k]) throw new ChecksumMismatch(plan?.bufferNames[k] ?? `buffer ${k}`);
  }
}
