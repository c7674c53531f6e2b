/**
 * Candidates as columns (typed arrays), the way a selection produces them and the UI reads them:
 * no object per candidate on the way from the engine to the table. Electron's IPC clones typed
 * arrays as they are; the browser worker transfers their buffers. An object is made for one
 * candidate when something asks for it (the row the user clicks, a plot's tooltip).
 * Blinding happens before: masked candidates never enter these columns (src-engine/selection/run.ts).
 */
import type { Candidate, RegionId, SelectionResult } from './types';

export interface CandidateColumns {
  readonly n: number;
  readonly files: string[]; readonly file: Uint16Array;
  readonly processes: string[]; readonly process: Uint16Array;
  readonly index: Float64Array; readonly run: Int32Array; readonly burst: Int32Array; readonly event: Int32Array;
  readonly weight: Float64Array;
  /** 0 none, 1 SR, 2 CR (REGION_NAMES) */
  readonly region: Uint8Array;
  readonly keys: string[]; readonly vars: Float64Array[];
}

/** How a region is stored in the region column: its index here. */
export const REGION_NAMES: readonly (RegionId | '')[] = ['', 'SR', 'CR'];

/** Candidate i as an object (one at a time, on demand). */
export function candidateAt(c: CandidateColumns, i: number): Candidate {
  const vars: Record<string, number> = {};
  for (let j = 0; j < c.keys.length; j++) vars[c.keys[j]!] = c.vars[j]![i]!;
  return { file: c.files[c.file[i]!]!, index: c.index[i]!, run: c.run[i]!, burst: c.burst[i]!, event: c.event[i]!, process: c.processes[c.process[i]!]!, weight: c.weight[i]!, region: REGION_NAMES[c.region[i]!]!, vars };
}

/** Columns from candidate objects (a candidate list loaded from a file has no columns). */
export function columnsFromCandidates(list: readonly Candidate[], keys: readonly string[]): CandidateColumns {
  const n = list.length, files: string[] = [], processes: string[] = [];
  const intern = (l: string[], s: string) => { let k = l.indexOf(s); if (k < 0) { k = l.length; l.push(s); } return k; };
  const c: CandidateColumns = {
    n, files, processes, file: new Uint16Array(n), process: new Uint16Array(n), index: new Float64Array(n), run: new Int32Array(n), burst: new Int32Array(n),
    event: new Int32Array(n), weight: new Float64Array(n), region: new Uint8Array(n), keys: [...keys], vars: keys.map(() => new Float64Array(n)),
  };
  list.forEach((x, i) => {
    c.file[i] = intern(files, x.file); c.process[i] = intern(processes, x.process);
    c.index[i] = x.index; c.run[i] = x.run; c.burst[i] = x.burst; c.event[i] = x.event; c.weight[i] = x.weight;
    c.region[i] = x.region === 'SR' ? 1 : x.region === 'CR' ? 2 : 0;
    keys.forEach((k, j) => { c.vars[j]![i] = x.vars[k] ?? NaN; });
  });
  return c;
}

/** A copy of every column (typed-array copies; the names are shared). */
export function copyColumns(c: CandidateColumns): CandidateColumns {
  return { ...c, file: c.file.slice(), process: c.process.slice(), index: c.index.slice(), run: c.run.slice(), burst: c.burst.slice(), event: c.event.slice(), weight: c.weight.slice(), region: c.region.slice(), vars: c.vars.map((v) => v.slice()), files: [...c.files], processes: [...c.processes], keys: [...c.keys] };
}

/** The buffers to transfer with a result (the browser worker): every column's. */
export function columnBuffers(c: CandidateColumns): ArrayBuffer[] {
  return [c.file, c.process, c.index, c.run, c.burst, c.event, c.weight, c.region, ...c.vars].map((a) => a.buffer as ArrayBuffer);
}

const cache = new WeakMap<SelectionResult, CandidateColumns>();
/** A result's candidate columns: as the engine sent them, or made once from its objects (a loaded list). */
export function columnsOf(r: SelectionResult): CandidateColumns {
  if (r.columns) return r.columns;
  let c = cache.get(r);
  if (!c) { c = columnsFromCandidates(r.candidates, r.keyVariables); cache.set(r, c); }
  return c;
}

/**
 * A result as the UI keeps it: `candidates` made from the columns only when first read (plots,
 * stepping); the table reads the columns and never asks. The engine sends `candidates: []` with the columns.
 */
export function withLazyCandidates(r: SelectionResult): SelectionResult {
  const cols = r.columns;
  if (!cols) return r;
  let list: Candidate[] | undefined;
  const out = { ...r } as { candidates: readonly Candidate[] } & SelectionResult;
  Object.defineProperty(out, 'candidates', {
    enumerable: true, configurable: true,
    get: () => (list ??= Array.from({ length: cols.n }, (_, i) => candidateAt(cols, i))),
  });
  return out;
}

/** The position of event `index` among the candidates, −1 when it is not one (a scan of one column, no objects). */
export function positionOfEvent(c: CandidateColumns, index: number): number {
  const ix = c.index;
  for (let i = 0; i < c.n; i++) if (ix[i] === index) return i;
  return -1;
}

/** The position of run:burst:event among the candidates, −1 when none (three columns, no objects). */
export function positionOfRbe(c: CandidateColumns, run: number, burst: number, event: number): number {
  for (let i = 0; i < c.n; i++) if (c.run[i] === run && c.burst[i] === burst && c.event[i] === event) return i;
  return -1;
}

/** Is event `index` selected in this result, and in which region ('' outside SR/CR)? undefined when it is not a candidate. */
export function selectedRegion(r: SelectionResult, index: number): RegionId | '' | undefined {
  const c = columnsOf(r);
  const i = positionOfEvent(c, index);
  return i < 0 ? undefined : REGION_NAMES[c.region[i]!]!;
}

/** One variable as a column in display units (× factor); NaN for a variable the result does not carry. */
export function variableColumn(c: CandidateColumns, name: string, factor = 1): Float64Array {
  const j = c.keys.indexOf(name);
  if (j < 0) return new Float64Array(c.n).fill(NaN);
  const v = c.vars[j]!;
  if (factor === 1) return v.slice();
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) out[i] = v[i]! * factor;
  return out;
}

export interface ColumnSort { readonly key: 'rbe' | 'region' | string; readonly dir: 1 | -1 }

/**
 * The rows of the table, as candidate positions: those whose event is in `only` (all without it),
 * sorted on a column (stable; NaN last either way; regions by name: none, CR, SR). No objects.
 */
export function tableOrder(c: CandidateColumns, sort?: ColumnSort, only?: ReadonlySet<number>): Int32Array {
  let rows: Int32Array;
  if (only) {
    const keep: number[] = [];
    for (let i = 0; i < c.n; i++) if (only.has(c.index[i]!)) keep.push(i);
    rows = Int32Array.from(keep);
  } else {
    rows = new Int32Array(c.n);
    for (let i = 0; i < c.n; i++) rows[i] = i;
  }
  if (!sort) return rows;
  const REGION_RANK = [0, 2, 1]; // '' < 'CR' < 'SR', as the names sort
  const j = c.keys.indexOf(sort.key);
  const col: ArrayLike<number> | undefined = sort.key === 'rbe' ? c.index : sort.key === 'region' ? Float64Array.from(c.region, (r) => REGION_RANK[r]!) : j >= 0 ? c.vars[j] : undefined;
  if (!col) return rows;
  const d = sort.dir;
  // Array.prototype.sort is stable: equal values keep the engine's (event) order
  return Int32Array.from(Array.from(rows).sort((a, b) => {
    const x = col[a]!, y = col[b]!;
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return (x - y) * d;
  }));
}
