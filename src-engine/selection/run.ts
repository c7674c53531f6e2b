/**
 * Running a selection over an event file: reconstruction per batch, the preset's cuts in order,
 * the user's expression cuts, regions, cut-flow (weighted and unweighted) and the candidate list.
 * Results of shards merge exactly into the result of one run; blinding is applied on the way out.
 */
import { BatchChecksumError, EventFileError, eventId, type EventFile } from '../io/event-file';
import type { ColumnSet } from '../io/column-read';
import { corruptRows } from '../io/codec';
import { batchReco, RECO_COLUMNS, VARIABLE_NAMES, type VariableColumns, type VariableName } from '../reco/variables';
import { compileExpression } from './expression';
import { numericParams, presetById, type CutSpec, type NumParams, type ParamValue, type SelectionPreset } from './presets';
import type { Candidate, CutFlowRow, RegionId, ResultInput, SelectionConfigInput, SelectionResult } from '../../src-shared/selection/types';
import { SelectionConfigSchema } from '../../src-shared/selection/types';
import { UserFacingError } from '../dispatch';
import { PublishedMasker, publishedRules, userRule } from './masking';
import { columnSetFor, selectionVariables } from './columns';
import type { CandidateColumns } from '../../src-shared/selection/candidate-columns';
import { ALL_BLIND, blindingApplies, type BlindStages, type ResultBlinding } from '../../src-shared/selection/blinding';

export const SOFTWARE = { name: 'na62-event-display', version: '0.1.0' };

export interface ResolvedSelection {
  readonly preset: SelectionPreset;
  readonly params: Record<string, ParamValue>;
  readonly num: NumParams;
  readonly disabled: readonly string[];
  readonly expressions: readonly string[];
  readonly keep: readonly string[];
  /** listed with each candidate: the preset's key variables, then those asked to keep */
  readonly keyVariables: readonly VariableName[];
  readonly cuts: readonly (CutSpec & { enabled: boolean })[];
}

/** Validate a selection request against its preset: unknown parameters, cuts or bad expressions are errors that say which. */
export function resolveSelection(input: SelectionConfigInput): ResolvedSelection {
  const cfg = SelectionConfigSchema.parse(input);
  const preset = presetById(cfg.preset)!;
  const params: Record<string, ParamValue> = Object.fromEntries(preset.params.map((p) => [p.name, p.value]));
  for (const [k, v] of Object.entries(cfg.params)) {
    const spec = preset.params.find((p) => p.name === k);
    if (!spec) throw new UserFacingError('bad-request', `${preset.id}: no parameter "${k}" (parameters: ${preset.params.map((p) => p.name).join(', ')})`);
    if (typeof spec.value === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) throw new UserFacingError('bad-request', `${preset.id}: parameter ${k} must be a number`);
    if (typeof spec.value === 'string' && (typeof v !== 'string' || (spec.options && !spec.options.includes(v)))) {
      throw new UserFacingError('bad-request', `${preset.id}: parameter ${k} must be one of ${spec.options?.join(', ')}`);
    }
    params[k] = v;
  }
  for (const id of cfg.disabled) if (!preset.cuts.some((c) => c.id === id)) throw new UserFacingError('bad-request', `${preset.id}: no cut "${id}"`);
  for (const k of cfg.keep) if (!(VARIABLE_NAMES as readonly string[]).includes(k)) throw new UserFacingError('bad-request', `no variable "${k}" to keep (variables: ${VARIABLE_NAMES.join(', ')})`);
  const keyVariables = [...new Set([...preset.keyVariables, ...(cfg.keep as VariableName[])])];
  const exprCuts: CutSpec[] = cfg.expressions.map((text, k) => {
    let fn: ReturnType<typeof compileExpression>;
    try {
      fn = compileExpression(text);
    } catch (err) {
      throw new UserFacingError('bad-request', `expression ${k + 1} ${err instanceof Error ? err.message : String(err)}`);
    }
    return { id: `expr${k + 1}`, label: text, source: 'user', params: [], test: (v, i) => !!fn(v, i) };
  });
  const numParams = numericParams(preset, params).num;
  return {
    preset, params, num: numParams, disabled: cfg.disabled, expressions: cfg.expressions, keep: cfg.keep, keyVariables,
    cuts: [...preset.cuts, ...exprCuts].map((c) => ({ ...c, enabled: !cfg.disabled.includes(c.id) })),
  };
}

export const recoOptions = (s: ResolvedSelection) => ({ lavWindow: s.num['lavWindow'] ?? 5, anti0Window: s.num['anti0Window'] ?? 5 });

/** How many cuts event i passes, in order (all of them: s.cuts.length), looking at the first `upTo`. No allocation: this runs per event. */
export function cutsPassed(s: ResolvedSelection, v: VariableColumns, i: number, upTo = s.cuts.length): number {
  const cuts = s.cuts;
  for (let k = 0; k < upTo; k++) {
    const c = cuts[k]!;
    if (c.enabled && !c.test(v, i, s.num)) return k;
  }
  return upTo;
}

/**
 * How many leading cuts read only what BatchReco.tracks computes (switched-off cuts read nothing):
 * a selection decides them before the vertex and the association, which most events never reach.
 */
export function cheapCuts(s: ResolvedSelection): number {
  let k = 0;
  while (k < s.cuts.length && (!s.cuts[k]!.enabled || s.cuts[k]!.multiplicityOnly || s.cuts[k]!.tracksOnly)) k++;
  return k;
}

/** The region of an event that passed every cut ('' if none). */
export function regionOf(s: ResolvedSelection, v: VariableColumns, i: number): RegionId | '' {
  for (const r of s.preset.regions) if (r.test(v, i, s.num)) return r.id;
  return '';
}

/** Does event i pass every enabled cut, and in which region is it? */
export function classify(s: ResolvedSelection, v: VariableColumns, i: number): { passed: number; region: RegionId | '' } {
  const passed = cutsPassed(s, v, i);
  return { passed, region: passed === s.cuts.length ? regionOf(s, v, i) : '' };
}

export interface RunOptions {
  /** batches [from, to) of the file (a shard); the whole file by default */
  readonly batches?: readonly [number, number];
  /** called after each batch; return false to stop (cancel) */
  readonly onProgress?: (done: number, total: number) => boolean | void;
  readonly yieldToHost?: () => Promise<void>;
  /**
   * The blinding stages of this file's analyses (all blind by default). Whether blinding applies
   * at all is the file's own statement (its metadata), not an option.
   */
  readonly stages?: BlindStages;
  /**
   * An event whose checksum does not match: 'fail' (the default) stops the run with a message
   * naming it; 'skip' leaves it out of every count and records it in the result's `corrupt`.
   */
  readonly onCorrupt?: OnCorrupt;
  /** write the candidates into recycled columns (worker threads; see Recycle) */
  readonly recycle?: Recycle;
}

export type OnCorrupt = 'fail' | 'skip';

/**
 * Candidate columns handed back for reuse (a worker thread's parts): memory a process has not touched
 * yet costs a page fault per 4 KiB on first write, which on a virtual machine is most of the time
 * of copying a large candidate list (200 ms for 70 MB measured here, against 4 ms into touched
 * memory). A pool that merges the parts returns their columns with the next job.
 */
export interface Recycle {
  /** columns of an earlier part, no longer read by anyone: written into when they have room */
  readonly spare?: PackedCandidates;
}
/** Fresh columns for recycling get this much room beyond what the part needs: a later part of a similar size then fits. */
const RECYCLE_HEADROOM = 1.125;
/** How many skipped events a result names one by one (all are counted). */
export const CORRUPT_LISTED = 100;

/** A corrupt event met by a selection that fails on them: a file that cannot be read as it is, so an EventFileError naming it. */
export class CorruptEventError extends EventFileError {
  constructor(file: string, problem: string) { super(file, problem); this.name = 'CorruptEventError'; }
}

export class SelectionCancelled extends Error {
  constructor() { super('selection cancelled'); this.name = 'SelectionCancelled'; }
}

/**
 * Every column a selection may read of a format 3 file: the reconstruction's columns and the header
 * columns a candidate is listed with. One selection reads the part its variables need
 * (selection/columns.ts; all of this while the published analyses mask events). The rest of the
 * file is not read; a damaged byte there is found by opening the event or by `na62 check`.
 */
export const SELECTION_COLUMNS: ColumnSet = { header: ['run', 'burst', 'event', 'weight'], process: true, kaon: [], collections: RECO_COLUMNS };

/**
 * Keep the slots of list[0, m) whose events pass `test` (in order); the others' events (ev[slot])
 * get `failed` as their stage. The new length.
 */
function keep(list: Int32Array, m: number, stage: Int8Array, failed: number, ev: Int32Array, test: (slot: number) => boolean): number {
  let o = 0;
  for (let j = 0; j < m; j++) {
    const s = list[j]!;
    if (test(s)) list[o++] = s;
    else stage[ev[s]!] = failed;
  }
  return o;
}

/** keep() before the slots exist: list holds event indices */
function keepEvents(list: Int32Array, m: number, stage: Int8Array, failed: number, test: (i: number) => boolean): number {
  let o = 0;
  for (let j = 0; j < m; j++) {
    const i = list[j]!;
    if (test(i)) list[o++] = i;
    else stage[i] = failed;
  }
  return o;
}

/** Does event i have nt tracks of total charge q (the cut ntracks === nt && qsum === q, straight from the track offsets and charges)? */
function hasMultiplicity(offsets: Int32Array, charge: ArrayLike<number>, i: number, nt: number, q: number): boolean {
  const a = offsets[i]!, b = offsets[i + 1]!;
  if (b - a !== nt) return false;
  let qs = 0;
  for (let k = a; k < b; k++) qs += charge[k]!;
  return qs === q;
}

/** keep() for a multiplicity cut (hasMultiplicity; no variables written). */
function keepMultiplicity(list: Int32Array, m: number, stage: Int8Array, failed: number, offsets: Int32Array, charge: ArrayLike<number>, nt: number, q: number): number {
  let o = 0;
  for (let j = 0; j < m; j++) {
    const i = list[j]!;
    if (hasMultiplicity(offsets, charge, i, nt, q)) list[o++] = i;
    else stage[i] = failed;
  }
  return o;
}

/** keepMultiplicity over all n events of a batch (none skipped or masked): the list made and cut in one pass. */
export function listMultiplicity(list: Int32Array, n: number, offsets: Int32Array, charge: ArrayLike<number>, nt: number, q: number): number {
  // one offset read per event (the running end is the next start); the events left out are never
  // looked at again (the counting visits only the events listed here), so nothing is written for them
  let o = 0, a = offsets[0]!;
  for (let i = 0; i < n; i++) {
    const b = offsets[i + 1]!;
    if (b - a === nt) {
      let qs = 0;
      for (let k = a; k < b; k++) qs += charge[k]!;
      if (qs === q) list[o++] = i;
    }
    a = b;
  }
  return o;
}

/** A thread's scratch arrays for selections: the variable columns, stages, selection vector and regions of a batch. */
class SelectionScratch {
  private readonly v: (VariableColumns | undefined)[] = [undefined, undefined];
  private s = new Int8Array(0);
  private l = new Int32Array(0);
  private r = new Uint8Array(0);
  private e = new Int32Array(0);
  private o = new Int32Array(0);
  private en = new Int32Array(0);
  /** the candidates of the run using this scratch */
  readonly store = new CandidateStore();
  /** variable columns set k (0: the selection's, 1: the published masking's when its options differ) for n events (or more: kept for the largest batch) */
  vars(n: number, k: 0 | 1): VariableColumns {
    let v = this.v[k];
    if (!v || v.ntracks.length < n) v = this.v[k] = Object.fromEntries(VARIABLE_NAMES.map((name) => [name, new Float64Array(n)])) as VariableColumns;
    return v;
  }
  stage(n: number): Int8Array { if (this.s.length < n) this.s = new Int8Array(n); return this.s; }
  list(n: number): Int32Array { if (this.l.length < n) this.l = new Int32Array(n); return this.l; }
  region(n: number): Uint8Array { if (this.r.length < n) this.r = new Uint8Array(n); return this.r; }
  /** slot → event index */
  events(n: number): Int32Array { if (this.e.length < n) this.e = new Int32Array(n); return this.e; }
  /** event index → slot, for the events that passed */
  slots(n: number): Int32Array { if (this.o.length < n) this.o = new Int32Array(n); return this.o; }
  /** the events past the multiplicity cut, in event order */
  entered(n: number): Int32Array { if (this.en.length < n) this.en = new Int32Array(n); return this.en; }
  /** a batch's candidates before they join the run's columns: event index, slot, region code and process id */
  readonly candidates = { event: new Int32Array(0), slot: new Int32Array(0), region: new Uint8Array(0), process: new Uint16Array(0) };
  reserveCandidates(n: number): void {
    const c = this.candidates;
    if (c.event.length >= n) return;
    c.event = new Int32Array(n); c.slot = new Int32Array(n); c.region = new Uint8Array(n); c.process = new Uint16Array(n);
  }
}
const scratchPool: SelectionScratch[] = [];
const takeScratch = (): SelectionScratch => scratchPool.pop() ?? new SelectionScratch();

/** How a region is stored in candidate columns: its index here. */
const REGIONS: readonly (RegionId | '')[] = ['', 'SR', 'CR'];
const regionCode = (r: RegionId | ''): number => (r === 'SR' ? 1 : r === 'CR' ? 2 : 0); // = REGIONS.indexOf(r), without the search

/** Is `a` the bytes b[from, to)? */
function sameBytesAt(a: Uint8Array, b: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[from + k]) return false;
  return true;
}

/**
 * Growable candidate columns, one set per thread, reused by every run on it: a run writes its
 * candidates here and copies them out once, at their final size (growing fresh arrays by doubling
 * cost a few large allocations per run, and the collections they trigger).
 */
class CandidateStore {
  /** the columns (their length, c.n, is the capacity; key variables by position) */
  c: PackedCandidates = emptyPacked(0, [], [], []);
  /** room for `n` rows and `k` key variables, keeping the first `keep` rows */
  reserve(n: number, k: number, keep: number): void {
    const c = this.c;
    if (n <= c.n && k <= c.vars.length) return;
    const next = emptyPacked(n > c.n ? Math.max(n, 2 * c.n, 4096) : c.n, new Array<string>(Math.max(k, c.vars.length)).fill(''), [], []);
    copyColumns(next, c, 0, keep);
    this.c = next;
  }
}

/** A batch's candidates, gathered before they join the run's columns (SelectionScratch.candidates). */
interface BatchCandidates { readonly event: Int32Array; readonly slot: Int32Array; readonly region: Uint8Array; readonly process: Uint16Array }

/** Candidates gathered in columns while a selection runs: no object per event on the hot path. */
class CandidateCollector {
  /** candidates so far: the first n rows of the store */
  n = 0;
  private readonly processes: string[] = [];
  private readonly processKeys = new Map<number, number[]>(); // FNV-1a hash of the label bytes → ids
  private readonly processBytes: Uint8Array[] = [];
  private readonly utf8 = new TextDecoder();
  private last = -1;
  constructor(private readonly file: string, private readonly keys: readonly string[], private readonly store: CandidateStore) {
    store.reserve(1024, keys.length, 0);
  }
  /** The id of the process label in bytes[from, to) (UTF-8), decoded once per distinct label. */
  processId(bytes: Uint8Array, from: number, to: number): number {
    // events of a sample come in runs of one process: the last label first, compared in place
    if (this.last >= 0 && sameBytesAt(this.processBytes[this.last]!, bytes, from, to)) return this.last;
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    const ids = this.processKeys.get(h);
    if (ids) for (const id of ids) if (sameBytesAt(this.processBytes[id]!, bytes, from, to)) return (this.last = id);
    const id = this.processes.length;
    // a copy: the batch's bytes are a reused read buffer (and a Node Buffer's slice() is only a view)
    const label = new Uint8Array(bytes.subarray(from, to));
    this.processes.push(this.utf8.decode(label));
    this.processBytes.push(label);
    this.processKeys.set(h, [...(ids ?? []), id]);
    return (this.last = id);
  }
  /**
   * A batch's `nc` candidates (`c`: their events within the batch, slots, region codes and process
   * ids), column by column: their header values and their rows (slots) of the key variables'
   * columns (`keyColumns`, in the order of `keys`).
   */
  addBatch(start: number, nc: number, c: BatchCandidates, run: ArrayLike<number>, burst: ArrayLike<number>, event: ArrayLike<number>, weight: ArrayLike<number>, keyColumns: readonly Float64Array[]): void {
    if (!nc) return;
    if (this.n + nc > this.store.c.n) this.store.reserve(this.n + nc, this.keys.length, this.n);
    const at = this.n, s = this.store.c, ev = c.event, slot = c.slot;
    for (let j = 0; j < nc; j++) {
      const i = ev[j]!;
      s.index[at + j] = start + i; s.run[at + j] = run[i]!; s.burst[at + j] = burst[i]!; s.event[at + j] = event[i]!; s.weight[at + j] = weight[i]!;
    }
    s.file.fill(0, at, at + nc);
    s.region.set(c.region.subarray(0, nc), at);
    s.process.set(c.process.subarray(0, nc), at);
    for (let k = 0; k < keyColumns.length; k++) {
      const from = keyColumns[k]!, to = s.vars[k]!;
      for (let j = 0; j < nc; j++) to[at + j] = from[slot[j]!]!;
    }
    this.n += nc;
  }
  /** The candidates in columns of their own: written into `recycle.spare` when it has room, else into fresh ones (with headroom when recycled). */
  packed(recycle?: Recycle): PackedCandidates {
    const spare = recycle?.spare;
    const out = spare && hasRoom(spare, this.n, this.keys.length)
      ? viewsOf(spare, this.n, this.keys, [this.file], this.processes)
      : recycle ? viewsOf(emptyPacked(Math.ceil(this.n * RECYCLE_HEADROOM), this.keys, [], []), this.n, this.keys, [this.file], this.processes)
        : emptyPacked(this.n, this.keys, [this.file], this.processes);
    copyColumns(out, this.store.c, 0, this.n);
    return out;
  }
}

/** The full result with its candidates still in columns (what a worker thread hands over); `candidates` is empty. */
export async function runSelectionPacked(file: EventFile, sel: ResolvedSelection, opts: RunOptions = {}): Promise<{ result: SelectionResult; packed: PackedCandidates }> {
  const [b0, b1] = opts.batches ?? [0, file.numBatches];
  const bs = file.meta.batchSize;
  const first = Math.min(b0 * bs, file.numEvents), last = Math.min(b1 * bs, file.numEvents);
  const counts = new Float64Array(sel.cuts.length + 1), weights = new Float64Array(sel.cuts.length + 1);
  const regions = Object.fromEntries(sel.preset.regions.map((r) => [r.id, { n: 0, w: 0 }])) as Record<RegionId, { n: number; w: number }>;
  // per-thread scratch, reused across batches and runs (taken from a pool: runs may interleave)
  const scratch = takeScratch();
  const out = new CandidateCollector(file.name, sel.keyVariables, scratch.store);
  const reco = recoOptions(sel);
  const early = sel.cuts[0]?.enabled && sel.cuts[0].multiplicityOnly ? sel.cuts[0] : undefined;
  const nCheap = cheapCuts(sel);
  // blinding, at the source: masked events never become candidates, region counts or cut-flow rows
  const { applies } = blindingApplies(file.meta);
  const stages = opts.stages ?? ALL_BLIND;
  const pubRules = applies ? publishedRules(stages) : [];
  const ownRule = applies ? userRule(sel, stages) : undefined;
  // both tested before any cut (masking.ts): what is masked never depends on what the selection keeps
  const maskRules = ownRule ? [...pubRules, ownRule] : pubRules;
  const masked = { n: 0, w: 0 };
  // a sequential scan: the next batch is read (on Node's I/O threads) while this one is computed
  let cancelled = false;
  const corrupt: { file: string; index: number; id: string }[] = [];
  let nCorrupt = 0;
  const skipBatch = (e: BatchChecksumError) => {
    // format 3: the checksum covers a column of the whole batch, so every event of it is left out
    nCorrupt += e.count;
    for (let k = 0; k < e.count && corrupt.length < CORRUPT_LISTED; k++) corrupt.push({ file: file.name, index: e.start + k, id: `batch ${e.batch}, column ${e.column}` });
  };
  const MASKED = -1, EARLY = -2;
  // what the reconstruction computes, and the columns read for it
  const need = selectionVariables(sel, pubRules.length > 0), columnSet = columnSetFor(need);
  const scanning = file.scan(b0, b1, async (start, columns) => {
    // every event is checked against its checksum before anything is computed from it
    const bad = corruptRows(columns);
    let skip: Uint8Array | undefined;
    if (bad.length) {
      const i = bad[0]!;
      if (opts.onCorrupt !== 'skip') {
        throw new CorruptEventError(file.name, `event ${start + i} (run:burst:event ${eventId(columns, i)}) is corrupt (checksum mismatch)${bad.length > 1 ? `, and ${bad.length - 1} more in its batch` : ''}; rerun with --on-corrupt skip to leave such events out and count them`);
      }
      skip = new Uint8Array(columns.length);
      for (const k of bad) {
        skip[k] = 1;
        if (corrupt.length < CORRUPT_LISTED) corrupt.push({ file: file.name, index: start + k, id: eventId(columns, k) });
      }
      nCorrupt += bad.length;
    }
    const n = columns.length;
    const r = batchReco(columns, reco, scratch.vars(n, 0), need);
    const vars = r.v;
    const mask = new PublishedMasker(maskRules, columns, { reco: r, options: reco }, () => scratch.vars(n, 1));
    const maskActive = mask.active;
    const w = columns.header['weight']!, run = columns.header['run']!, burst = columns.header['burst']!, event = columns.header['event']!;
    const nCuts = sel.cuts.length;
    const keyColumns = sel.keyVariables.map((k) => vars[k]);
    // Cut by cut over a list of the events still in (a selection vector), each pass one tight loop
    // with one test: most events leave at the first cuts, before the vertex and the association.
    // stage[i]: the cuts event i passed, or MASKED / EARLY (counted among all events only).
    const stage = scratch.stage(n), list = scratch.list(n);
    let m = 0;
    const T = columns.collections.get('tracks')!, mult = early?.multiplicity;
    if (mult && !skip && !maskActive) {
      // the common case: most events fail a multiplicity cut, decided in this one pass before reconstructing the rest
      m = listMultiplicity(list, n, T.offsets, T.fields['charge']!, mult.ntracks, mult.qsum);
    } else {
      for (let i = 0; i < n; i++) {
        if (skip && skip[i]) continue;
        // a masked event counts among all events and nowhere else (no per-cut breakdown inside a box)
        if (maskActive && mask.masked(i)) { stage[i] = MASKED; masked.n++; masked.w += w[i]!; continue; }
        list[m++] = i;
      }
      if (mult) m = keepMultiplicity(list, m, stage, EARLY, T.offsets, T.fields['charge']!, mult.ntracks, mult.qsum);
      else if (early) {
        r.multiplicities();
        m = keepEvents(list, m, stage, EARLY, (i) => early.test(vars, i, sel.num));
      }
    }
    // From here the list holds slots: the rows of the variable columns that the events still in
    // are reconstructed into. Packed at the front (slot j for the j-th event in), so the passes
    // below read and write dense rows however few events remain; when the published masking
    // shares this reconstruction, its rows are the events' own (slot = event index).
    const ev = scratch.events(n), packed = !(maskActive && mask.sharesReco);
    // the events past the multiplicity cut, in event order: the only ones the counting below visits
    const entered = scratch.entered(n), nEntered = m;
    for (let j = 0; j < m; j++) {
      const i = list[j]!, sl = packed ? j : i;
      ev[sl] = i; list[j] = sl; entered[j] = i;
    }
    // the cheap cuts read what BatchReco.tracks fills (track times, quality, momenta); from `fullAt` on, the full reconstruction
    // (the rest of it when tracks() ran for every event still in)
    const k0 = early ? 1 : 0, fullAt = nCheap > 1 ? nCheap : k0;
    const full = !packed ? (sl: number) => mask.full(sl) : nCheap > 1 ? (sl: number) => r.rest(ev[sl]!, sl) : (sl: number) => r.event(ev[sl]!, sl);
    if (nCheap > 1) for (let j = 0; j < m; j++) { const sl = list[j]!; r.tracks(ev[sl]!, sl); }
    for (let k = k0; k <= nCuts; k++) {
      if (k === fullAt) for (let j = 0; j < m; j++) full(list[j]!);
      if (k === nCuts) break;
      const c = sel.cuts[k]!;
      if (c.enabled) m = keep(list, m, stage, k, ev, (sl) => c.test(vars, sl, sel.num));
    }
    const region = scratch.region(n), slotOf = scratch.slots(n);
    scratch.reserveCandidates(m);
    for (let j = 0; j < m; j++) {
      const sl = list[j]!, i = ev[sl]!;
      stage[i] = nCuts;
      slotOf[i] = sl;
      region[i] = regionCode(regionOf(sel, vars, sl));
      if (region[i] && ownRule?.closed.has(REGIONS[region[i]!] as RegionId)) stage[i] = MASKED;
    }
    // All events (the first row) in one tight pass: most never got past the first cut. Each later
    // cut's count and weight are added in event order, as one event at a time would add them.
    let n0 = 0, w0 = 0;
    if (skip) { for (let i = 0; i < n; i++) if (!skip[i]) { n0++; w0 += w[i]!; } }
    else { n0 = n; for (let i = 0; i < n; i++) w0 += w[i]!; }
    counts[0]! += n0; weights[0]! += w0;
    const cand = scratch.candidates;
    let nc = 0;
    for (let j = 0; j < nEntered; j++) {
      const i = entered[j]!, st = stage[i]!, wi = w[i]!;
      // a closed region's events count among all events and nowhere else
      if (st === MASKED) { masked.n++; masked.w += wi; continue; }
      for (let k = 1; k <= st; k++) { counts[k]!++; weights[k]! += wi; }
      if (st < nCuts) continue;
      const rc = region[i]!, rg = REGIONS[rc]!;
      if (rg) { regions[rg].n++; regions[rg].w += wi; }
      cand.event[nc] = i; cand.slot[nc] = slotOf[i]!; cand.region[nc] = rc;
      cand.process[nc] = out.processId(columns.processBytes, columns.processOffsets[i]!, columns.processOffsets[i + 1]!);
      nc++;
    }
    out.addBatch(start, nc, cand, run, burst, event, w, keyColumns);
    await opts.yieldToHost?.();
    if (opts.onProgress?.(start + columns.length - first, last - first) === false) cancelled = true;
    return !cancelled;
  }, { columns: columnSet, ...(opts.onCorrupt === 'skip' ? { onCorruptBatch: skipBatch } : {}) });
  let packed: PackedCandidates;
  try {
    await scanning;
    // copied out of the thread's store before the store goes back to the pool
    packed = out.packed(opts.recycle);
  } catch (err) {
    if (err instanceof BatchChecksumError) throw new CorruptEventError(file.name, `${err.problem}; rerun with --on-corrupt skip to leave such events out and count them`);
    throw err;
  } finally {
    scratchPool.push(scratch);
  }
  if (cancelled) throw new SelectionCancelled();
  const cutflow: CutFlowRow[] = [{ id: 'all', label: 'all events', enabled: true, n: counts[0]!, w: weights[0]! }];
  sel.cuts.forEach((c, k) => cutflow.push({ id: c.id, label: c.label, enabled: c.enabled, n: counts[k + 1]!, w: weights[k + 1]! }));
  const result: SelectionResult = {
    format: 'na62-selection', formatVersion: 2, software: SOFTWARE,
    selection: { preset: sel.preset.id, params: sel.params, disabled: [...sel.disabled], expressions: [...sel.expressions], ...(sel.keep.length ? { keep: [...sel.keep] } : {}) },
    inputs: [{ file: file.name, events: last - first, firstEvent: first, datasetEvents: file.numEvents }],
    // a closed region has no count to show (not even 0)
    cutflow, regions: Object.fromEntries(Object.entries(regions).filter(([id]) => !ownRule?.closed.has(id as RegionId))), blinded: applies && stages[sel.preset.id] !== 'sr', masked, candidates: [], keyVariables: [...sel.keyVariables],
    blinding: { applies, stages: { ...stages }, datasets: [], log: [] },
    ...(nCorrupt ? { corrupt: { n: nCorrupt, events: corrupt } } : {}),
    ...(file.warnings.length ? { warnings: [...file.warnings] } : {}),
  };
  return { result, packed };
}

/** The full result, masked candidates included (it stays inside the engine; blind() makes what leaves). */
export async function runSelection(file: EventFile, sel: ResolvedSelection, opts: RunOptions = {}): Promise<SelectionResult> {
  const { result, packed } = await runSelectionPacked(file, sel, opts);
  return { ...result, candidates: unpackCandidates(packed) };
}

/**
 * The blinding a result was made under, as merges compare it: the flag, and the stages of every
 * analysis where the result has them (not its log: shards unblinded at other times still merge).
 */
export const blindingOf = (r: SelectionResult): string => JSON.stringify([r.blinded, r.blinding ? { applies: r.blinding.applies, stages: r.blinding.stages } : null]);
const sameSelection = (a: SelectionResult, b: SelectionResult) => JSON.stringify(a.selection) === JSON.stringify(b.selection) && blindingOf(a) === blindingOf(b);

const orderKey = (r: SelectionResult) => r.inputs[0] ? `${r.inputs[0].file}\u0000${String(r.inputs[0].firstEvent).padStart(15, '0')}` : '';
/** Shard results sorted by file and first event: the order in which their candidates concatenate. */
export function inEventOrder<T>(parts: readonly T[], result: (p: T) => SelectionResult): T[] {
  return [...parts].sort((a, b) => { const x = orderKey(result(a)), y = orderKey(result(b)); return x < y ? -1 : x > y ? 1 : 0; });
}

/** Inputs in event order, adjacent ranges of one file (same identity and shard) joined into one. */
export function joinInputs(inputs: readonly ResultInput[]): ResultInput[] {
  const out: ResultInput[] = [];
  for (const x of inputs) {
    const prev = out.at(-1);
    if (prev && prev.file === x.file && prev.identity === x.identity && JSON.stringify(prev.shard) === JSON.stringify(x.shard) && prev.firstEvent + prev.events === x.firstEvent) {
      out[out.length - 1] = { ...prev, events: prev.events + x.events };
    } else out.push(x);
  }
  return out;
}

/**
 * Merge shard results: cut-flows and region counts add, candidates and inputs concatenate (in
 * event order). It only adds up; whether the parts may be merged (no overlap, nothing missing, one
 * software version) is checked by checkMergeable.
 */
export function mergeResults(parts: readonly SelectionResult[]): SelectionResult {
  if (!parts.length) throw new UserFacingError('bad-request', 'nothing to merge');
  const [head, ...rest] = parts;
  for (const p of rest) {
    if (!sameSelection(head!, p)) throw new UserFacingError('bad-request', 'cannot merge results of different selections (preset, parameters, cuts, expressions or blinding stage differ)');
  }
  const cutflow = head!.cutflow.map((row, k) => ({ ...row, n: parts.reduce((a, p) => a + p.cutflow[k]!.n, 0), w: parts.reduce((a, p) => a + p.cutflow[k]!.w, 0) }));
  const regions: Partial<Record<RegionId, { n: number; w: number }>> = {};
  for (const p of parts) for (const [id, c] of Object.entries(p.regions) as [RegionId, { n: number; w: number }][]) {
    regions[id] = { n: (regions[id]?.n ?? 0) + c.n, w: (regions[id]?.w ?? 0) + c.w };
  }
  const sorted = inEventOrder(parts, (p) => p);
  const nCorrupt = parts.reduce((a, p) => a + (p.corrupt?.n ?? 0), 0);
  const warnings = [...new Set(parts.flatMap((p) => p.warnings ?? []))];
  return {
    ...head!, cutflow, regions,
    formatVersion: parts.every((p) => p.formatVersion === 2) ? 2 : 1,
    masked: { n: parts.reduce((a, p) => a + p.masked.n, 0), w: parts.reduce((a, p) => a + p.masked.w, 0) },
    inputs: joinInputs(sorted.flatMap((p) => p.inputs)),
    candidates: sorted.flatMap((p) => p.candidates),
    ...(head!.blinding ? { blinding: mergeBlinding(parts.map((p) => p.blinding!)) } : {}),
    corrupt: nCorrupt ? { n: nCorrupt, events: sorted.flatMap((p) => p.corrupt?.events ?? []).slice(0, CORRUPT_LISTED) } : undefined,
    warnings: warnings.length ? warnings : undefined,
  };
}

/** The same stages (checked by the caller); the opened datasets and the log entries of every part. */
function mergeBlinding(parts: readonly ResultBlinding[]): ResultBlinding {
  const log = new Map(parts.flatMap((p) => p.log).map((e) => [JSON.stringify(e), e]));
  return { ...parts[0]!, datasets: [...new Set(parts.flatMap((p) => p.datasets))], log: [...log.values()] };
}

/** Candidates as columns: how a worker thread hands a large list over, and how the UI receives it (src-shared/selection/candidate-columns.ts). */
export type PackedCandidates = CandidateColumns;

/** The index of s in list, appended if absent (file and process names of candidate columns). */
const intern = (list: string[], s: string) => { let k = list.indexOf(s); if (k < 0) { k = list.length; list.push(s); } return k; };

/** Candidate columns for n candidates, zero-filled. */
function emptyPacked(n: number, keys: readonly string[], files: string[], processes: string[]): PackedCandidates {
  return {
    n, files, processes, file: new Uint16Array(n), process: new Uint16Array(n), index: new Float64Array(n), run: new Int32Array(n), burst: new Int32Array(n),
    event: new Int32Array(n), weight: new Float64Array(n), region: new Uint8Array(n), keys: [...keys], vars: keys.map(() => new Float64Array(n)),
  };
}

const NUMERIC_COLUMNS = ['file', 'process', 'index', 'run', 'burst', 'event', 'weight', 'region'] as const;
/** The element type of each column (as emptyPacked makes them; the key variables are Float64Array). */
const COLUMN_TYPES = { file: Uint16Array, process: Uint16Array, index: Float64Array, run: Int32Array, burst: Int32Array, event: Int32Array, weight: Float64Array, region: Uint8Array } as const;

/** Can `p`'s buffers hold n rows of every column and k key variables (each column of the type emptyPacked gives it)? */
function hasRoom(p: PackedCandidates, n: number, k: number): boolean {
  const fits = (a: ArrayBufferView & { BYTES_PER_ELEMENT: number }, type: { BYTES_PER_ELEMENT: number; prototype: unknown }) =>
    a instanceof (type as unknown as typeof Uint8Array) && a.byteOffset === 0 && a.buffer.byteLength >= n * type.BYTES_PER_ELEMENT;
  return NUMERIC_COLUMNS.every((c) => fits(p[c], COLUMN_TYPES[c])) && p.vars.length >= k && p.vars.slice(0, k).every((v) => fits(v, Float64Array));
}

/** The rows every column of `p` has room for in its buffer (as emptyPacked makes them: views from the buffer's start), 0 when one is not such a column. */
export function capacityOf(p: PackedCandidates): number {
  const rows = (a: ArrayBufferView & { BYTES_PER_ELEMENT: number }) => (a.byteOffset === 0 ? Math.floor(a.buffer.byteLength / a.BYTES_PER_ELEMENT) : 0);
  const all = [...NUMERIC_COLUMNS.map((c) => p[c]), ...p.vars];
  const n = Math.min(...all.map(rows));
  return hasRoom(p, n, p.vars.length) ? n : 0;
}

/** Columns of n rows over the buffers of `p` (which hasRoom for them), with these names. */
function viewsOf(p: PackedCandidates, n: number, keys: readonly string[], files: string[], processes: string[]): PackedCandidates {
  const view = <T>(type: new (b: ArrayBuffer, o: number, l: number) => T, a: ArrayBufferView) => new type(a.buffer as ArrayBuffer, 0, n);
  return {
    n, files, processes, keys: [...keys],
    file: view(Uint16Array, p.file), process: view(Uint16Array, p.process), index: view(Float64Array, p.index), run: view(Int32Array, p.run),
    burst: view(Int32Array, p.burst), event: view(Int32Array, p.event), weight: view(Float64Array, p.weight), region: view(Uint8Array, p.region),
    vars: keys.map((_, j) => view(Float64Array, p.vars[j]!)),
  };
}
type Settable = { set(a: ArrayLike<number>, offset?: number): void };

/** Copy every column of `from` (its first `count` rows; all by default) into `to` at row `at` (the key variables both have, by position). */
function copyColumns(to: PackedCandidates, from: PackedCandidates, at: number, count = from.n): void {
  for (const k of NUMERIC_COLUMNS) (to[k] as Settable).set(from[k].subarray(0, count), at);
  for (let j = 0; j < Math.min(to.vars.length, from.vars.length); j++) to.vars[j]!.set(from.vars[j]!.subarray(0, count), at);
}

export function packCandidates(cands: readonly Candidate[], keys: readonly string[]): PackedCandidates {
  const p = emptyPacked(cands.length, keys, [], []);
  cands.forEach((c, i) => {
    p.file[i] = intern(p.files, c.file); p.process[i] = intern(p.processes, c.process);
    p.index[i] = c.index; p.run[i] = c.run; p.burst[i] = c.burst; p.event[i] = c.event; p.weight[i] = c.weight;
    p.region[i] = regionCode(c.region);
    keys.forEach((k, j) => { p.vars[j]![i] = c.vars[k]!; });
  });
  return p;
}

export function unpackCandidates(p: PackedCandidates): Candidate[] {
  const out: Candidate[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const vars: Record<string, number> = {};
    for (let j = 0; j < p.keys.length; j++) vars[p.keys[j]!] = p.vars[j]![i]!;
    out[i] = { file: p.files[p.file[i]!]!, index: p.index[i]!, run: p.run[i]!, burst: p.burst[i]!, event: p.event[i]!, process: p.processes[p.process[i]!]!, weight: p.weight[i]!, region: REGIONS[p.region[i]!]!, vars };
  }
  return out;
}

export const transferablesOf = (p: PackedCandidates): ArrayBuffer[] =>
  [...NUMERIC_COLUMNS.map((k) => p[k]), ...p.vars].map((a) => a.buffer as ArrayBuffer);

/** Concatenate candidate columns (in the given order), re-indexing the file and process names. */
export function mergePacked(parts: readonly PackedCandidates[]): PackedCandidates {
  const out = new PackedAppender(parts[0]?.keys ?? [], parts.reduce((a, p) => a + p.n, 0));
  for (const p of parts) out.append(p);
  return out.result();
}

/**
 * Candidate columns assembled part after part (a pool copies each part in as soon as every part
 * before it is in, while the workers go on): file and process names re-indexed, room grown when
 * a part does not fit.
 */
export class PackedAppender {
  private c: PackedCandidates;
  private readonly files: string[] = [];
  private readonly processes: string[] = [];
  /** rows so far */
  n = 0;
  /** rows of the room below which every column has been written (prefault) */
  private touched = 0;
  /** the columns are reused ones (`reuse`): their room may hold rows of an earlier list until written over */
  private reused = false;
  /**
   * `reuse(needed, room, vars)`: columns of an earlier list that may be written again, or undefined;
   * asked when the list grows (before fresh memory is taken), and taken if they hold `needed` rows.
   */
  constructor(private readonly keys: readonly string[], capacity: number, private readonly reuse?: (needed: number, room: number, vars: number) => PackedCandidates | undefined) {
    this.c = emptyPacked(capacity, keys, [], []);
  }
  /** Append p's rows; `room`: how many rows to make room for if p does not fit (at least what it needs). */
  append(p: PackedCandidates, room = 0): void {
    if (p.keys.join() !== this.keys.join()) throw new UserFacingError('bad-request', 'cannot merge candidate lists with different variables');
    if (this.n + p.n > this.c.n) {
      const needed = this.n + p.n, old = this.reuse?.(needed, Math.max(needed, room), this.keys.length);
      // offered columns are taken when there is one per key variable and every one has room for the rows
      const cap = old && old.vars.length >= this.keys.length ? capacityOf(old) : 0, fits = cap >= needed;
      const next = fits ? viewsOf(old!, cap, this.keys, [], []) : emptyPacked(Math.max(needed, room), this.keys, [], []);
      copyColumns(next, this.c, 0, this.n);
      this.c = next;
      this.touched = this.n;
      this.reused = fits;
    }
    const at = this.n, out = this.c;
    copyColumns(out, p, at);
    const fileMap = p.files.map((f) => intern(this.files, f)), procMap = p.processes.map((x) => intern(this.processes, x));
    for (let i = 0; i < p.n; i++) { out.file[at + i] = fileMap[p.file[i]!]!; out.process[at + i] = procMap[p.process[i]!]!; }
    this.n += p.n;
  }
  /**
   * Write zeros into the next `rows` rows of the room not yet written, if any: memory is mapped at
   * its first write, page by page (on a virtual machine most of the time of filling fresh memory),
   * and a pool does this in small steps while its workers compute, so that copying the last part
   * in does not wait for it. False when the whole room has been written.
   */
  prefault(rows = 8192): boolean {
    // reused columns are mapped already: writing their room ahead would only compete with the workers
    // for memory bandwidth (57 MB for dump-mumu's list); result() zeroes what is left of it
    if (this.reused) return false;
    return this.zeroAhead(rows);
  }
  private zeroAhead(rows: number): boolean {
    const from = Math.max(this.n, this.touched), to = Math.min(this.c.n, from + rows);
    if (from >= to) return false;
    for (const k of NUMERIC_COLUMNS) this.c[k].fill(0, from, to);
    for (const v of this.c.vars) v.fill(0, from, to);
    this.touched = to;
    return to < this.c.n;
  }
  /**
   * The rows appended. Views over the room made when it is at most a quarter more than the rows, or a
   * few thousand (a structured clone then copies that much more), else a copy of their own.
   */
  result(): PackedCandidates {
    if (this.c.n === this.n) return { ...this.c, files: this.files, processes: this.processes };
    if (this.c.n <= 1.25 * this.n || this.c.n - this.n <= 4096) {
      // a structured clone copies the room too: reused columns must not carry an earlier list's rows out
      if (this.reused) while (this.zeroAhead(1 << 20));
      return viewsOf(this.c, this.n, this.keys, this.files, this.processes);
    }
    const out = emptyPacked(this.n, this.keys, this.files, this.processes);
    copyColumns(out, this.c, 0, this.n);
    return out;
  }
}
