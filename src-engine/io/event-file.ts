/**
 * The NA62 event file: Apache Arrow IPC *file* format (random access through its footer), one row
 * per event, fixed-size record batches, self-describing metadata and a CRC-32 per column buffer
 * per batch (format 3, column-read.ts; format 2's CRC-32 per event is still read).
 * Readable outside the app with pyarrow (`pyarrow.ipc.open_file`), polars (`pl.read_ipc`) or
 * ROOT's RDataFrame Arrow source.
 */
import { AsyncByteQueue, RecordBatch, RecordBatchFileWriter, RecordBatchReader, Table, tableToIPC, type AsyncRecordBatchFileReader } from 'apache-arrow';
import { allColumns, batchBufferCrcs, ChecksumMismatch, coalesce, CRC_KEY, decodeBatchMessage, decodeColumns, messagePlan, neededBuffers, verifyBuffers, type BatchMessage, type ColumnSet } from './column-read';
import type { Na62Event } from '../../src-shared/event/model';
import { FORMAT_NAME, FORMAT_VERSION, FileMetaSchema, META_KEY, OLDEST_VERSION, type FileMeta } from '../../src-shared/event/file-meta';
import { batchColumns, columnsToBatch, decodeEvent, encodeColumns, eventSchema, rowChecksum, LayoutError, type BatchColumns } from './codec';
import type { ByteSink, RandomAccessSource } from './source';
import { checkBatchMessageBounds, checkFooterBounds } from './flatbuffer-bounds';
import { CRC_COLUMN } from './layout';
import { schemaDifferences, summarise } from './schema-diff';
import { contentIdentity } from './dataset-identity';

export const DEFAULT_BATCH_SIZE = 4096;
const MAGIC = 'ARROW1';
const MAX_BATCH_BYTES = 1 << 30;

/** A file that cannot be read, with a message that names it and says what is wrong. */
export class EventFileError extends Error {
  /** every difference, when the message lists only the first few (na62 check prints them all) */
  details: readonly string[] = [];
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'EventFileError';
  }
}

/** Collects the writer's output synchronously, so batches stream to the sink one at a time. */
class ChunkCollector extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];
  override write(value: ArrayBufferView | Uint8Array): void {
    const u8 = value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (u8.byteLength > 0) this.chunks.push(u8);
  }
  take(): Uint8Array[] {
    const c = this.chunks;
    this.chunks = [];
    return c;
  }
}

export interface WriteOptions {
  readonly meta: Omit<FileMeta, 'format' | 'formatVersion' | 'numEvents' | 'batchSize'>;
  readonly batchSize?: number;
  /** write the per-event checksums (default); false only to make files as other writers may */
  readonly checksums?: boolean;
  /** the format version to write: the current one by default; 1 to make files for older readers (and tests) */
  readonly formatVersion?: 1 | 2 | 3;
  /** called after each batch with the events written so far; return false to cancel */
  readonly onProgress?: (written: number) => boolean | void;
  /** awaited after each batch, so a long write never starves the host's event loop */
  readonly yieldToHost?: () => Promise<void>;
}

export class WriteCancelled extends Error {
  constructor() { super('cancelled'); this.name = 'WriteCancelled'; }
}

/**
 * Write `numEvents` events, pulled batch by batch from `produce(start, count)`, to the sink.
 * The sink is committed only when everything was written: an interrupted write leaves no file
 * that reads as valid.
 */
export async function writeEventFile(
  sink: ByteSink,
  numEvents: number,
  produce: (start: number, count: number) => Na62Event[] | Promise<Na62Event[]>,
  opts: WriteOptions,
): Promise<FileMeta> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  try {
    const version = opts.formatVersion ?? FORMAT_VERSION;
    const meta: FileMeta = FileMetaSchema.parse({ format: FORMAT_NAME, formatVersion: version, numEvents, batchSize, ...opts.meta });
    const layout = { strawHits: meta.strawHits, truth: meta.truth, chodHits: meta.chodHits === true, checksums: opts.checksums !== false };
    const schema = eventSchema(layout, new Map([[META_KEY, JSON.stringify(meta)]]), version);
    const collector = new ChunkCollector();
    const writer = new RecordBatchFileWriter();
    writer.reset(collector, schema);
    const flush = async () => { for (const c of collector.take()) await sink.write(c); };
    for (let start = 0; start < numEvents || (numEvents === 0 && start === 0); start += batchSize) {
      const count = Math.min(batchSize, numEvents - start);
      const events = await produce(start, count);
      if (events.length !== count) throw new Error(`internal: asked for ${count} events, got ${events.length}`);
      const rb = columnsToBatch(encodeColumns(events, { ...layout, checksums: layout.checksums && version < 3 }), schema, version);
      // format 3: the CRC of every column buffer, in the batch's message (column-read.ts)
      writer.write(version >= 3 && layout.checksums ? new RecordBatch(schema, rb.data, new Map([[CRC_KEY, batchBufferCrcs(rb)]])) : rb);
      await flush();
      await opts.yieldToHost?.();
      if (opts.onProgress?.(start + count) === false) throw new WriteCancelled();
      if (numEvents === 0) break;
    }
    writer.finish();
    await flush();
    await sink.commit();
    return meta;
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

export interface ScanOptions {
  /**
   * Format 3: read (and verify) only these columns; the others are not read, and touching one
   * throws. Files of formats 1 and 2 are always read whole (each event's checksum covers every column).
   */
  readonly columns?: ColumnSet;
  /** Format 3: a batch whose checksums do not match is reported here and skipped, instead of failing the scan. */
  readonly onCorruptBatch?: (err: BatchChecksumError) => void;
}

/** Format 3: a column buffer of a batch does not match its checksum (every event of the batch is suspect). */
export class BatchChecksumError extends EventFileError {
  constructor(file: string, readonly batch: number, readonly start: number, readonly count: number, readonly column: string) {
    super(file, `events ${start}–${start + count - 1} (batch ${batch}) are corrupt: column "${column}" does not match its checksum`);
    this.name = 'BatchChecksumError';
  }
}

/** A reusable read buffer that grows (a scan's double buffering). */
class Scratch {
  private buf: Uint8Array = new Uint8Array(0);
  get(n: number): Uint8Array {
    if (this.buf.byteLength < n) this.buf = allocate(Math.ceil(n * 1.25));
    return this.buf;
  }
}

/**
 * Read buffers of finished scans, for the next ones (a selection worker scans part after part):
 * a fresh buffer costs a page fault per 4 KiB on its first fill, which on a virtual machine made
 * reading a part's columns take twice as long as copying them from the page cache.
 */
const idleScratch: Scratch[] = [];
const IDLE_SCRATCH_KEPT = 4;
const takeScratch = (): Scratch => idleScratch.pop() ?? new Scratch();
const returnScratch = (s: Scratch): void => { if (idleScratch.length < IDLE_SCRATCH_KEPT) idleScratch.push(s); };

const align8 = (x: number) => (x + 7) & ~7;
const EMPTY = new Uint8Array(0);

/** An open event file: metadata, and events read one batch at a time. */
export interface EventFile {
  readonly name: string;
  readonly meta: FileMeta;
  readonly numEvents: number;
  /** one event, checked against its checksum */
  event(index: number): Promise<Na62Event>;
  /** the typed-array columns of the batch holding `index` (for selections) */
  batchAt(index: number): Promise<{ start: number; columns: BatchColumns }>;
  /**
   * Visit batches [from, to) in order, fast: two reused buffers (the next batch is read while the
   * callback works on this one), no cache. The columns are valid only during the callback.
   */
  scan(from: number, to: number, onBatch: (start: number, columns: BatchColumns) => void | boolean | Promise<void | boolean>, opts?: ScanOptions): Promise<void>;
  readonly numBatches: number;
  /** whether the file stores a checksum per event (every read verifies them when it does) */
  readonly checksums: boolean;
  /** what the reader accepted but the user should know (no checksums), each naming the file */
  readonly warnings: readonly string[];
  /** the content identity (`sha256:<hex>` of the file's bytes), computed once on first use */
  identity(): Promise<string>;
  close(): Promise<void>;
}

/** run:burst:event of row i, as events are named in messages (from the stored values, which a damaged event may have altered). */
export const eventId = (c: BatchColumns, i: number): string => `${c.header['run']![i]}:${c.header['burst']![i]}:${c.header['event']![i]}`;

const ascii = (b: Uint8Array) => String.fromCharCode(...b);

/** A byte buffer without zero-filling where the platform offers one (Node's Buffer), else a plain one. */
function allocate(n: number): Uint8Array {
  const B = (globalThis as { Buffer?: { allocUnsafeSlow(n: number): Uint8Array } }).Buffer;
  return B ? B.allocUnsafeSlow(n) : new Uint8Array(n);
}

/** Open an event file; every problem becomes an EventFileError naming the file. */
export async function openEventFile(source: RandomAccessSource, cacheBatches = 3): Promise<EventFile> {
  const fail = (problem: string): never => { throw new EventFileError(source.name, problem); };
  const size = source.size;
  if (size < 8 + 8 + 4 + 6) fail(size === 0 ? 'the file is empty' : `only ${size} bytes: too short to be an event file`);
  const head = await source.read(0, 8);
  if (ascii(head.subarray(0, 6)) !== MAGIC) {
    const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (head.byteLength >= 4 && dv.getUint32(0, true) === 0xffffffff) fail('this is an Arrow IPC *stream*, not an Arrow file; convert it with pyarrow.ipc.new_file');
    if (ascii(head.subarray(0, 4)) === 'PAR1') fail('this is a Parquet file, not an NA62 event file (Arrow IPC)');
    if (head[0] === 0x72 && head[1] === 0x6f && head[2] === 0x6f && head[3] === 0x74) fail('this is a ROOT file, not an NA62 event file (Arrow IPC)');
    fail('not an NA62 event file (no Arrow file signature at the start)');
  }
  const tail = await source.read(size - 10, 10);
  if (ascii(tail.subarray(4, 10)) !== MAGIC) fail('the file is truncated (no end-of-file marker): was the copy or the write interrupted?');
  const footerLen = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  if (footerLen <= 0 || footerLen > size - 18) fail(`the file is corrupt (footer length ${footerLen} does not fit in ${size} bytes)`);

  // Arrow trusts the lengths inside its footer: check them first (a flipped length would hang it)
  try {
    checkFooterBounds(await source.read(size - 10 - footerLen, footerLen));
  } catch (err) {
    return fail(`the file is corrupt: its Arrow footer is damaged (${err instanceof Error ? err.message : String(err)})`);
  }

  const handle = {
    fd: 0,
    async stat() { return { size }; },
    async read(buffer: Uint8Array, offset: number, length: number, position: number) {
      if (source.readInto) return { bytesRead: await source.readInto(buffer, offset, length, position), buffer };
      const b = await source.read(position, length);
      buffer.set(b, offset);
      return { bytesRead: b.byteLength, buffer };
    },
    async close() {},
  };
  let reader: AsyncRecordBatchFileReader;
  try {
    reader = (await RecordBatchReader.from(handle as never)) as unknown as AsyncRecordBatchFileReader;
    await reader.open();
  } catch (err) {
    return fail(`the file is corrupt: its Arrow footer or schema cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!reader.schema) fail('the file has no schema');
  const raw = reader.schema.metadata.get(META_KEY);
  if (!raw) {
    // another tool's file (polars drops schema metadata): still say how its columns compare with the spec
    const names = new Set(reader.schema.fields.map((f) => f.name));
    const spec = eventSchema({ strawHits: names.has('straw_hits'), truth: names.has('truth'), chodHits: names.has('chod_hits') }, undefined, FORMAT_VERSION).fields;
    const d = schemaDifferences(names.has(CRC_COLUMN) ? spec : spec.filter((f) => f.name !== CRC_COLUMN), reader.schema.fields);
    const err = new EventFileError(source.name, 'an Arrow file, but not an NA62 event file (no "na62" metadata)');
    err.details = [
      'no "na62" schema metadata (na62 check --metadata-schema prints its JSON Schema)',
      ...(d.length < names.size ? (d.length ? d : [`the columns follow format ${FORMAT_VERSION}: only the metadata is missing`]) : []),
    ];
    throw err;
  }
  let json: unknown;
  try { json = JSON.parse(raw!); } catch { fail('the NA62 metadata is not valid JSON'); }
  const v = (json as { formatVersion?: unknown })?.formatVersion;
  if (typeof v === 'number' && v > FORMAT_VERSION) fail(`format version ${v} is newer than this app reads (${FORMAT_VERSION}); update the app`);
  const parsed = FileMetaSchema.safeParse(json);
  if (!parsed.success) fail(`the NA62 metadata is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const meta = parsed.data!;
  if (meta.formatVersion < OLDEST_VERSION || meta.formatVersion > FORMAT_VERSION) fail(`format version ${meta.formatVersion} is not supported (this app reads ${OLDEST_VERSION}–${FORMAT_VERSION})`);
  const version = meta.formatVersion;

  const expected = eventSchema({ strawHits: meta.strawHits, truth: meta.truth, chodHits: meta.chodHits === true }, undefined, version);
  const got = reader.schema.fields;
  // the per-event checksums are optional: a file written without them is read, with a warning
  const v3 = version >= 3;
  const checksumColumn = got.some((f) => f.name === CRC_COLUMN);
  const wanted = checksumColumn ? expected.fields : expected.fields.filter((f) => f.name !== CRC_COLUMN);
  const differences = schemaDifferences(wanted, got);
  if (differences.length) {
    const err = new EventFileError(source.name, `unexpected columns for format ${version}: ${summarise(differences)}`);
    err.details = differences;
    throw err;
  }
  const numBatches = reader.numRecordBatches;
  const wantBatches = Math.max(1, Math.ceil(meta.numEvents / meta.batchSize));
  if (numBatches !== wantBatches) fail(`the file says ${meta.numEvents} events in batches of ${meta.batchSize} but holds ${numBatches} batches (truncated or corrupt)`);
  const footer = (reader as unknown as { footer: { getRecordBatch(i: number): { offset: number | bigint; metaDataLength: number; bodyLength: number | bigint } | null } }).footer;
  // the batch blocks, read once: Arrow throws a TypeError on a damaged 64-bit offset
  const blocks: { offset: number; metaDataLength: number; bodyLength: number }[] = [];
  for (let b = 0; b < numBatches; b++) {
    let blk: { offset: number | bigint; metaDataLength: number; bodyLength: number | bigint } | null;
    try { blk = footer.getRecordBatch(b); } catch { blk = null; }
    const offset = Number(blk?.offset), metaDataLength = Number(blk?.metaDataLength), bodyLength = Number(blk?.bodyLength);
    const end = offset + metaDataLength + bodyLength;
    if (!blk || !(end <= size) || bodyLength > MAX_BATCH_BYTES || offset < 8) fail(`the file is corrupt: batch ${b} lies outside the file`);
    if (!(bodyLength >= 0) || !(metaDataLength >= 8)) fail(`the file is corrupt: batch ${b} has a negative size`);
    blocks.push({ offset, metaDataLength, bodyLength });
  }

  /** Format 3: batch b's message header (its nodes, buffers and checksums), from its metadata block alone. */
  async function readMessage(b: number): Promise<BatchMessage> {
    const blk = blocks[b]!;
    const bytes = await source.read(blk.offset, blk.metaDataLength);
    if (bytes.byteLength !== blk.metaDataLength) fail(`batch ${b} is truncated (${bytes.byteLength} of ${blk.metaDataLength} bytes)`);
    try {
      return decodeBatchMessage(bytes, blk.bodyLength);
    } catch (err) {
      return fail(`batch ${b} is corrupt (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const plan3 = v3 ? messagePlan(reader.schema) : undefined;
  // format 3 stores checksums per batch: a file has them when its first batch does (every batch must then)
  const checksums = v3 ? numBatches > 0 && !!(await readMessage(0)).crcs : checksumColumn;
  const layout = { strawHits: meta.strawHits, truth: meta.truth, chodHits: meta.chodHits === true, checksums };
  const warnings = checksums ? [] : [v3
    ? `${source.name}: no checksums (its batches carry no "${CRC_KEY}" metadata): damaged events cannot be detected`
    : `${source.name}: no per-event checksums (no "${CRC_COLUMN}" column): damaged events cannot be detected`];
  const ALL = allColumns(layout);
  const neededOf = new WeakMap<ColumnSet, number[]>();

  // Fast path for batch reads: the schema message once, then each batch's message read straight
  // into one buffer behind it and decoded as a tiny Arrow stream (zero-copy, no per-read
  // allocations inside the Arrow reader). The generic reader stays the fallback.
  // (the schema message is made from the file's schema: Arrow file writers keep it in the footer only)
  const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
  const schemaStream = tableToIPC(new Table(reader.schema), 'stream');
  const schemaBytes = schemaStream.byteLength > 8 && EOS.every((x, k) => schemaStream[schemaStream.byteLength - 8 + k] === x)
    ? schemaStream.subarray(0, schemaStream.byteLength - 8) : undefined;
  const messageSize = (b: number) => { const blk = blocks[b]!; return schemaBytes!.byteLength + blk.metaDataLength + blk.bodyLength + EOS.byteLength; };
  async function readBatchMessage(b: number, into?: Uint8Array): Promise<RecordBatch | null> {
    const blk = blocks[b]!;
    const len = blk.metaDataLength + blk.bodyLength;
    const head = schemaBytes!.byteLength;
    const buf = into ? into.subarray(0, head + len + EOS.byteLength) : allocate(head + len + EOS.byteLength);
    buf.set(schemaBytes!, 0);
    if (source.readInto) {
      const got = await source.readInto(buf, head, len, blk.offset);
      if (got !== len) fail(`batch ${b} is truncated (${got} of ${len} bytes)`);
    } else {
      const bytes = await source.read(blk.offset, len);
      if (bytes.byteLength !== len) fail(`batch ${b} is truncated (${bytes.byteLength} of ${len} bytes)`);
      buf.set(bytes, head);
    }
    buf.set(EOS, head + len);
    // the batch's message header is not under the CRC: bound it before Arrow walks it
    checkBatchMessageBounds(buf.subarray(head, head + blk.metaDataLength));
    const r = RecordBatchReader.from(buf);
    const first = r.next();
    return first.done ? null : (first.value as RecordBatch);
  }

  /**
   * Format 3: the columns of a set of batch b, read as a few coalesced ranges of its body, every
   * buffer read verified against its checksum before anything is decoded from it.
   */
  async function readColumns3(b: number, set: ColumnSet, scratch?: Scratch): Promise<BatchColumns> {
    const msg = await readMessage(b);
    const rows = Math.min(meta.batchSize, meta.numEvents - b * meta.batchSize);
    const start = b * meta.batchSize;
    if (msg.length !== rows) fail(`batch ${b} is corrupt (${msg.length} rows, expected ${rows})`);
    if (checksums && !msg.crcs) fail(`batch ${b} is corrupt (its checksums are missing)`);
    const blk = blocks[b]!, body = blk.offset + blk.metaDataLength;
    const bad = (err: unknown): never => {
      if (err instanceof ChecksumMismatch) throw new BatchChecksumError(source.name, b, start, rows, err.column);
      if (err instanceof EventFileError) throw err;
      return fail(`batch ${b} is corrupt (${err instanceof Error ? err.message : String(err)})`);
    };
    if (!plan3) {
      // other writers' type variants (large lists, string views, dictionaries): the whole batch through Arrow, every buffer verified
      const buf = allocate(messageSize(b));
      let rb: RecordBatch | null = null;
      try {
        rb = await readBatchMessage(b, buf);
        const head = schemaBytes!.byteLength + blk.metaDataLength;
        verifyBuffers(undefined, msg, msg.buffers.map((_, k) => k), (k) => buf.subarray(head + msg.buffers[k]!.offset, head + msg.buffers[k]!.offset + msg.buffers[k]!.length));
        if (!rb || rb.numRows !== rows) fail(`batch ${b} is corrupt (${rb ? rb.numRows : 'no'} rows, expected ${rows})`);
        return batchColumns(rb!, layout, version);
      } catch (err) {
        return bad(err);
      }
    }
    if (msg.nodes.length !== plan3.nodes || msg.buffers.length !== plan3.buffers) fail(`batch ${b} is corrupt (${msg.nodes.length} columns and ${msg.buffers.length} buffers, expected ${plan3.nodes} and ${plan3.buffers})`);
    let needed = neededOf.get(set);
    if (!needed) { try { needed = neededBuffers(plan3, set, version); } catch (err) { return bad(err); } neededOf.set(set, needed); }
    // neighbouring buffers are read in one go across gaps under 1/64 of the batch (at most 64 KiB): few reads, few wasted bytes
    const ranges = coalesce(msg, needed, Math.min(64 << 10, blk.bodyLength >> 6));
    // each range lands at the same offset modulo 8 as in the file: typed views of its buffers stay aligned
    let size = 0;
    const at = ranges.map((r) => { const p = align8(size) + (r.start & 7); size = p + (r.end - r.start); return p; });
    const buf = scratch ? scratch.get(size) : allocate(size);
    await Promise.all(ranges.map(async (r, i) => {
      const len = r.end - r.start;
      let got: number;
      if (source.readInto) got = await source.readInto(buf, at[i]!, len, body + r.start);
      else { const x = await source.read(body + r.start, len); buf.set(x, at[i]!); got = x.byteLength; }
      if (got !== len) fail(`batch ${b} is truncated (${got} of ${len} bytes)`);
    }));
    const bytes = (k: number): Uint8Array => {
      const x = msg.buffers[k]!;
      if (!x.length) return EMPTY;
      for (let i = 0; i < ranges.length; i++) {
        const r = ranges[i]!;
        if (x.offset >= r.start && x.offset + x.length <= r.end) return buf.subarray(at[i]! + x.offset - r.start, at[i]! + x.offset - r.start + x.length);
      }
      throw new Error(`internal: buffer ${k} (${plan3.bufferNames[k]}) was not read`);
    };
    try {
      verifyBuffers(plan3, msg, needed, bytes);
      return decodeColumns(plan3, msg, set, bytes, version, layout);
    } catch (err) {
      return bad(err);
    }
  }

  const cache = new Map<number, BatchColumns>();
  // Arrow's file reader keeps one read position: reads must not interleave (a selection and the
  // event the user steps to can ask at the same time), so batch reads queue up one by one.
  let queue: Promise<unknown> = Promise.resolve();
  function batch(b: number): Promise<BatchColumns> {
    const next = queue.then(() => readBatch(b));
    queue = next.catch(() => {});
    return next;
  }
  async function readBatch(b: number): Promise<BatchColumns> {
    const hit = cache.get(b);
    if (hit) {
      cache.delete(b);
      cache.set(b, hit);
      return hit;
    }
    if (v3) {
      const cols = await readColumns3(b, ALL);
      cache.set(b, cols);
      while (cache.size > cacheBatches) cache.delete(cache.keys().next().value!);
      return cols;
    }
    let rb: RecordBatch | null;
    try {
      rb = schemaBytes ? await readBatchMessage(b) : await reader.readRecordBatch(b);
    } catch (err) {
      if (err instanceof EventFileError) throw err;
      return fail(`batch ${b} is corrupt (${err instanceof Error ? err.message : String(err)})`);
    }
    const rows = Math.min(meta.batchSize, meta.numEvents - b * meta.batchSize);
    if (!rb || rb.numRows !== rows) fail(`batch ${b} is corrupt (${rb ? rb.numRows : 'no'} rows, expected ${rows})`);
    let cols: BatchColumns;
    try {
      cols = batchColumns(rb!, layout, version);
    } catch (err) {
      return fail(`batch ${b} is corrupt (${err instanceof LayoutError ? err.message : String(err)})`);
    }
    cache.set(b, cols);
    while (cache.size > cacheBatches) cache.delete(cache.keys().next().value!);
    return cols;
  }

  async function batchAt(index: number): Promise<{ start: number; columns: BatchColumns }> {
    if (!Number.isInteger(index) || index < 0 || index >= meta.numEvents) fail(`no event ${index} (the file has ${meta.numEvents})`);
    const b = Math.floor(index / meta.batchSize);
    return { start: b * meta.batchSize, columns: await batch(b) };
  }

  /** Read and check batch b into a caller's buffer (the scan's double buffering). */
  async function readInto(b: number, buf: Uint8Array): Promise<BatchColumns> {
    let rb: RecordBatch | null;
    try {
      rb = await readBatchMessage(b, buf);
    } catch (err) {
      if (err instanceof EventFileError) throw err;
      return fail(`batch ${b} is corrupt (${err instanceof Error ? err.message : String(err)})`);
    }
    const rows = Math.min(meta.batchSize, meta.numEvents - b * meta.batchSize);
    if (!rb || rb.numRows !== rows) fail(`batch ${b} is corrupt (${rb ? rb.numRows : 'no'} rows, expected ${rows})`);
    try {
      return batchColumns(rb!, layout, version);
    } catch (err) {
      return fail(`batch ${b} is corrupt (${err instanceof LayoutError ? err.message : String(err)})`);
    }
  }

  /** Returns early when the callback returns false. */
  async function scan(from: number, to: number, onBatch: (start: number, columns: BatchColumns) => void | boolean | Promise<void | boolean>, opts: ScanOptions = {}): Promise<void> {
    from = Math.max(0, from); to = Math.min(numBatches, to);
    if (from >= to) return;
    if (v3) {
      // only the columns asked for, the next batch read while this one is computed
      const set = opts.columns ?? ALL;
      const scratch = [takeScratch(), takeScratch()];
      const read = (b: number) => readColumns3(b, set, scratch[(b - from) % 2]).then((c) => ({ c }), (e: unknown) => ({ e }));
      let pending = read(from);
      try {
        for (let b = from; b < to; b++) {
          const got = await pending;
          if (b + 1 < to) pending = read(b + 1);
          if ('e' in got) {
            if (got.e instanceof BatchChecksumError && opts.onCorruptBatch) { opts.onCorruptBatch(got.e); continue; }
            throw got.e;
          }
          if ((await onBatch(b * meta.batchSize, got.c)) === false) return;
        }
      } finally {
        // the read ahead finishes before its buffer may serve another scan (it settles: errors are caught in read)
        await pending;
        scratch.forEach(returnScratch);
      }
      return;
    }
    if (!schemaBytes) {
      for (let b = from; b < to; b++) if ((await onBatch(b * meta.batchSize, (await batchAt(b * meta.batchSize)).columns)) === false) return;
      return;
    }
    let max = 0;
    for (let b = from; b < to; b++) max = Math.max(max, messageSize(b));
    const bufs = [allocate(max), allocate(max)];
    // Positional reads share no file position, so the next read starts at once (not behind a
    // queued promise that would only run after the callback's synchronous work): I/O overlaps compute.
    const read = (b: number, buf: Uint8Array) => readInto(b, buf);
    let pending = read(from, bufs[0]!);
    for (let b = from; b < to; b++) {
      const columns = await pending;
      if (b + 1 < to) pending = read(b + 1, bufs[(b + 1 - from) % 2]!);
      let go: void | boolean;
      try {
        go = await onBatch(b * meta.batchSize, columns);
      } catch (err) {
        await pending.catch(() => {}); // the read ahead is dropped, and its failure with it
        throw err;
      }
      if (go === false) {
        await pending.catch(() => {}); // the buffer being filled must not be written after we return
        return;
      }
    }
  }

  let identity: Promise<string> | undefined;
  return {
    name: source.name,
    meta,
    checksums,
    warnings,
    identity() {
      identity ??= contentIdentity(source).catch((err: unknown) => {
        identity = undefined;
        return fail(`cannot be read to compute its identity (${err instanceof Error ? err.message : String(err)})`);
      });
      return identity;
    },
    numEvents: meta.numEvents,
    numBatches,
    batchAt,
    scan,
    async event(index) {
      const { start, columns } = await batchAt(index);
      const row = index - start;
      if (columns.crc && rowChecksum(columns, row) !== columns.crc[row]) fail(`event ${index} (run:burst:event ${eventId(columns, row)}) is corrupt (checksum mismatch)`);
      try {
        return decodeEvent(columns, row);
      } catch (err) {
        return fail(`event ${index} is corrupt (${err instanceof Error ? err.message : String(err)})`);
      }
    },
    async close() {
      cache.clear();
      await source.close();
    },
  };
}
