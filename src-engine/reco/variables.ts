/**
 * Reconstruction for the selections (na62-analyses.md §2–§4): from the typed-array columns of a
 * batch to one number per event and variable, in tight loops without per-event objects, so a
 * selection over 10^7 events runs at the speed of the data. Units: MeV, mm, ns.
 *
 * Dump-mode variables use the first two tracks; kaon-mode variables the first five.
 */
import type { BatchColumns } from '../io/codec';
import type { TypedArray } from '../io/layout';
import { muv3Tiles } from '../../src-shared/geometry/muv3';
import { angleSigma } from '../detector/resolution';
import { Z_PLANE } from '../../src-shared/geometry/planes';
import { inLkrAcceptance, inMuv3Acceptance, inNewChodAcceptance } from '../../src-shared/geometry/acceptance';
import { kinkedCoordinate } from '../../src-shared/physics/track-line';
import { closestApproachOf, type ClosestApproach } from '../../src-shared/physics/closest-approach';
import { cdaTaxInto } from '../../src-shared/physics/tax';
import { muv3HitMatches, muv3Window } from '../../src-shared/physics/muv3-reach';
import type { TrackAssociation } from '../../src-shared/event/analysis';

/** Masses, MeV (§6 [R] PDG) */
const M_MU = 105.658, M_E = 0.51099895, M_PI = 139.570, M_K = 493.677;
/** z of the reference planes, mm (G§12–§20 [GA]) */
const { straw1: Z_STRAW1, newchod: Z_NEWCHOD, lkr: Z_LKR, muv3: Z_MUV3 } = Z_PLANE;
/** Track–cluster association radius at the LKr front, mm [E] */
const LKR_ASSOC_R = 50;

/** Every variable a selection or a user expression can use, with its unit and meaning. */
export const VARIABLES = {
  ntracks: ['', 'number of STRAW tracks'],
  qsum: ['', 'sum of the track charges'],
  p1: ['MeV/c', 'momentum of track 1'], p2: ['MeV/c', 'momentum of track 2'],
  q1: ['', 'charge of track 1'], q2: ['', 'charge of track 2'],
  chi2_1: ['', 'χ² of track 1'], chi2_2: ['', 'χ² of track 2'],
  nch1: ['', 'STRAW chambers of track 1'], nch2: ['', 'STRAW chambers of track 2'],
  t1: ['ns', 'time of track 1'], t2: ['ns', 'time of track 2'], dt: ['ns', 't1 − t2'],
  cda: ['mm', 'closest distance of approach of the two tracks'],
  vx: ['mm', 'two-track vertex x'], vy: ['mm', 'two-track vertex y'], vz: ['mm', 'two-track vertex z'],
  ptot: ['MeV/c', '|p1 + p2| (dump) or |Σp| of five tracks (kaon)'],
  cda_tax: ['mm', 'CDA between the di-lepton line and the proton beam on the TAX (§2.3)'],
  z_tax: ['mm', 'z of that closest approach (§2.3); NaN when parallel'],
  m_mumu: ['MeV/c²', 'two-track mass, muon hypothesis'], m_ee: ['MeV/c²', 'two-track mass, electron hypothesis'],
  eop1: ['', 'E/p of track 1 (associated LKr cluster; 0 if none)'], eop2: ['', 'E/p of track 2'],
  nmuv3_1: ['', 'MUV3 hits associated with track 1'], nmuv3_2: ['', 'MUV3 hits associated with track 2'],
  inacc1: ['', '1 if track 1 is in the NewCHOD, LKr and MUV3 acceptance'], inacc2: ['', 'same for track 2'],
  nlav: ['', 'LAV hits in time (±window)'], nanti0: ['', 'ANTI0 hits in time (±window)'],
  kvz: ['mm', 'five-track vertex z (least squares)'], kchi2: ['', 'five-track vertex χ²'],
  tvtx: ['ns', 'mean time of the vertex tracks'],
  npos: ['', 'positive tracks among the first five'],
  m_pi4e: ['MeV/c²', 'm(π+ e+e−e+e−), π+ among the positive tracks chosen closest to m_K (§4.2 default)'],
  m_4e: ['MeV/c²', 'm(e+e−e+e−) of that assignment'],
  m_ee_lo: ['MeV/c²', 'lighter e+e− pair of the pairing with the most equal masses'],
  m_ee_hi: ['MeV/c²', 'heavier pair of that pairing'],
  nch_min5: ['', 'fewest STRAW chambers among the first five tracks'],
  sep_min5: ['mm', 'smallest distance between two of the first five tracks at STRAW1'],
} as const;
export type VariableName = keyof typeof VARIABLES;
export const VARIABLE_NAMES = Object.keys(VARIABLES) as VariableName[];

/** One Float64Array per variable, one entry per event of the batch. */
export type VariableColumns = Record<VariableName, Float64Array>;

/** MUV3 tile bounds by tile id: [x0, x1, y0, y1] × 152 (NaN for ids without a tile) */
const TILE_BOUNDS = (() => {
  const b = new Float64Array(152 * 4).fill(NaN);
  for (const t of muv3Tiles()) {
    const r = t.rects;
    b.set([Math.min(...r.map((q) => q.x0)), Math.max(...r.map((q) => q.x1)), Math.min(...r.map((q) => q.y0)), Math.max(...r.map((q) => q.y1))], t.id * 4);
  }
  return b;
})();
const TWO_TRACK_VARS = ['p1', 'p2', 'q1', 'q2', 'chi2_1', 'chi2_2', 'nch1', 'nch2', 't1', 't2', 'dt', 'cda', 'vx', 'vy', 'vz', 'ptot', 'cda_tax', 'z_tax', 'm_mumu', 'm_ee', 'eop1', 'eop2', 'nmuv3_1', 'nmuv3_2', 'inacc1', 'inacc2'] as const;
/** what twoTracks() fills: the first two tracks' own variables */
const OWN_TRACK_VARS = ['p1', 'p2', 'q1', 'q2', 'chi2_1', 'chi2_2', 'nch1', 'nch2', 't1', 't2', 'dt'] as const;
const FIVE_TRACK_VARS = ['kvz', 'kchi2', 'npos', 'm_pi4e', 'm_4e', 'm_ee_lo', 'm_ee_hi', 'nch_min5', 'sep_min5'] as const;
/** scratch for the per-track association (no allocation per track) */
const A = { eop: 0, nmu: 0, inacc: 0 };
/** scratch for the two-track closest approach: its lines in, its result out */
const LINES = new Float64Array(12);
const CA: ClosestApproach = { x: 0, y: 0, z: 0, cda: 0, defined: false };


function mass2(px: number, py: number, pz: number, e: number): number {
  const m2 = e * e - px * px - py * py - pz * pz;
  return m2 > 0 ? Math.sqrt(m2) : 0;
}

export interface RecoOptions {
  /** LAV in-time window, ns (A§2.2 item 7 [C-fw LAVMatching]) */
  readonly lavWindow: number;
  /** ANTI0 in-time window, ns (A§3.2 item 4 [E]) */
  readonly anti0Window: number;
}
export const DEFAULT_RECO: RecoOptions = { lavWindow: 5, anti0Window: 5 };

/** Compute every variable for every event of a batch. */
export function computeVariables(c: BatchColumns, opts: RecoOptions = DEFAULT_RECO, out?: VariableColumns): VariableColumns {
  const r = batchReco(c, opts, out);
  for (let i = 0; i < c.length; i++) r.event(i);
  return r.v;
}

/**
 * Reconstruction of one batch, event by event, so a selection can stop early: `multiplicities()`
 * fills only ntracks and qsum (enough for a preset's first cut), `event(i)` fills every variable.
 */
export interface BatchReco {
  readonly v: VariableColumns;
  /** ntracks and qsum of every event of the batch */
  multiplicities(): void;
  /**
   * ntracks, qsum and the first two tracks' own variables of event i (p, q, χ², chambers, times):
   * enough for the cuts marked `tracksOnly`, decided before the vertex and the association
   */
  tracks(i: number, slot?: number): void;
  /**
   * Every variable of event i. `slot` (default i) is where its values go in the variable columns:
   * a selection packs the events still in at the front (slot = their rank), so its reads and writes
   * are dense however few events remain.
   */
  event(i: number, slot?: number): void;
  /** what event(i, slot) adds to tracks(i, slot), after it: the vertex, the association, the vetoes, the five-track variables */
  rest(i: number, slot?: number): void;
  /** downstream association of track k (0-based) of event i: E/p, MUV3 hits in time, acceptance */
  track(i: number, k: number): TrackAssociation;
}


/**
 * The collection fields batchReco reads, by collection. A format 3 selection reads and verifies
 * only these (and the header columns it lists candidates with); batchReco touching any other
 * column throws (column-read.ts), so this list cannot silently fall behind the code below.
 */
export const RECO_COLUMNS = {
  tracks: ['charge', 'px', 'py', 'pz', 'x', 'y', 'time', 'chi2', 'nChambers', 'dxdzAfter', 'dydzAfter'],
  lkrClusters: ['x', 'y', 'energy'],
  muv3Hits: ['tile', 'time'],
  lavHits: ['time'],
  anti0Hits: ['time'],
} as const;

type RecoCollection = keyof typeof RECO_COLUMNS;
type RecoField<K extends RecoCollection> = (typeof RECO_COLUMNS)[K][number];
type Needs = { readonly [K in RecoCollection]?: readonly RecoField<K>[] };
const TRACK_CORE = ['charge', 'px', 'py', 'pz', 'x', 'y', 'time', 'nChambers'] as const;
const DOWNSTREAM = [...TRACK_CORE, 'dxdzAfter', 'dydzAfter'] as const;
/**
 * The columns each variable is computed from (beyond the track offsets and charges every
 * selection reads for ntracks and qsum). A selection reads the union over the variables it uses
 * (selection/columns.ts); a variable whose columns were not read comes out NaN.
 */
export const VARIABLE_COLUMNS: Readonly<Record<VariableName, Needs>> = (() => {
  const core: Needs = { tracks: TRACK_CORE }, down: Needs = { tracks: DOWNSTREAM };
  const out = Object.fromEntries(VARIABLE_NAMES.map((k) => [k, core])) as Record<VariableName, Needs>;
  out.chi2_1 = out.chi2_2 = { tracks: [...TRACK_CORE, 'chi2'] };
  out.inacc1 = out.inacc2 = down;
  out.eop1 = out.eop2 = { ...down, lkrClusters: ['x', 'y', 'energy'] };
  out.nmuv3_1 = out.nmuv3_2 = { ...down, muv3Hits: ['tile', 'time'] };
  out.nlav = { ...core, lavHits: ['time'] };
  out.nanti0 = { ...core, anti0Hits: ['time'] };
  return out;
})();

/** The collection fields to read for a set of variables (a subset of RECO_COLUMNS, in its order). */
export function recoColumnsFor(vars: Iterable<VariableName>): Partial<Record<RecoCollection, readonly string[]>> {
  const want = new Map<RecoCollection, Set<string>>([['tracks', new Set(['charge'])]]);
  for (const name of vars) {
    for (const [key, fields] of Object.entries(VARIABLE_COLUMNS[name]) as [RecoCollection, readonly string[]][]) {
      const s = want.get(key) ?? new Set<string>();
      for (const f of fields) s.add(f);
      want.set(key, s);
    }
  }
  return Object.fromEntries((Object.keys(RECO_COLUMNS) as RecoCollection[]).filter((k) => want.has(k))
    .map((k) => [k, (RECO_COLUMNS[k] as readonly string[]).filter((f) => want.get(k)!.has(f))]));
}

/**
 * A field that was read, or undefined: a reader that left a column out (a format 3 selection
 * reading only what its variables need) gives it as a non-enumerable getter that throws.
 */
const fieldOf = (fields: Readonly<Record<string, TypedArray>> | undefined, name: string): TypedArray | undefined =>
  fields && Object.prototype.propertyIsEnumerable.call(fields, name) ? fields[name] : undefined;
/**
 * A shared array of one constant value, grown as needed and never written: the stand-in for a
 * column or list offsets not read, with no allocation per batch.
 */
function constantArray<T extends Float64Array | Int32Array>(make: (n: number) => T): (length: number) => T {
  let a = make(0);
  return (length) => {
    if (a.length < length) a = make(Math.max(length, 2 * a.length));
    return a;
  };
}
/** NaN values for a column not read */
const nanColumn = constantArray((n) => new Float64Array(n).fill(NaN));
/** offsets of empty lists for a collection not read */
const zeroOffsets = constantArray((n) => new Int32Array(n));
const NO_ITEMS = { offsets: new Int32Array(0), fields: {} as Readonly<Record<string, TypedArray>> };

export function batchReco(c: BatchColumns, opts: RecoOptions = DEFAULT_RECO, out?: VariableColumns, need?: ReadonlySet<VariableName>): BatchReco {
  const n = c.length;
  // the five-track variables (kaon mode) only where they are read: for a dump selection they are
  // nine more columns written per event that nothing reads (`ptot` is |Σp| of five tracks there)
  const five = !need || need.has('ptot') || FIVE_TRACK_VARS.some((k) => need.has(k));
  // (`out` may be longer than the batch: a thread's scratch, sized for its largest batch)
  const v = out && out.ntracks.length >= n ? out : (Object.fromEntries(VARIABLE_NAMES.map((k) => [k, new Float64Array(n)])) as VariableColumns);
  const T = c.collections.get('tracks')!;
  // collections and fields not read (a selection that does not need them) give NaN variables
  const L = c.collections.get('lkrClusters') ?? NO_ITEMS, MU = c.collections.get('muv3Hits') ?? NO_ITEMS;
  const LAV = c.collections.get('lavHits') ?? NO_ITEMS, A0 = c.collections.get('anti0Hits') ?? NO_ITEMS;
  const nTrk = T.offsets[n]!;
  const tf = (name: string) => fieldOf(T.fields, name) ?? nanColumn(nTrk);
  const to = T.offsets, tq = T.fields['charge']!, tpx = tf('px'), tpy = tf('py'), tpz = tf('pz');
  const tx = tf('x'), ty = tf('y'), tt = tf('time'), tchi = tf('chi2'), tnch = tf('nChambers');
  const tsxa = tf('dxdzAfter'), tsya = tf('dydzAfter');
  const lx = fieldOf(L.fields, 'x'), ly = fieldOf(L.fields, 'y'), le = fieldOf(L.fields, 'energy');
  const mtile = fieldOf(MU.fields, 'tile'), mt = fieldOf(MU.fields, 'time');
  const lvt = fieldOf(LAV.fields, 'time'), a0t = fieldOf(A0.fields, 'time');
  const hasLkr = !!(lx && ly && le), hasMuv3 = !!(mtile && mt);
  const downstream = hasLkr || hasMuv3 || fieldOf(T.fields, 'dxdzAfter') !== undefined;
  const lo = hasLkr ? L.offsets : zeroOffsets(n + 1), mo = hasMuv3 ? MU.offsets : zeroOffsets(n + 1);
  const lvo = lvt ? LAV.offsets : undefined, a0o = a0t ? A0.offsets : undefined;
  const lavWindow = opts.lavWindow, anti0Window = opts.anti0Window;
  const twoTrack = TWO_TRACK_VARS.map((k) => v[k]), fiveTrack5 = FIVE_TRACK_VARS.map((k) => v[k]), ownTrack = OWN_TRACK_VARS.map((k) => v[k]);

  // per-track downstream association, for the first two tracks
  const assoc = (j: number, p: number, lk0: number, lk1: number, m0: number, m1: number): void => {
    // the track line through the MNP33 kink (src-shared/physics/track-line.ts)
    const sx = tpx[j]! / tpz[j]!, sy = tpy[j]! / tpz[j]!, ax = tsxa[j]!, ay = tsya[j]!;
    const x0 = tx[j]!, y0 = ty[j]!;
    const xl = kinkedCoordinate(x0, Z_STRAW1, sx, ax, Z_LKR), yl = kinkedCoordinate(y0, Z_STRAW1, sy, ay, Z_LKR);
    let best = LKR_ASSOC_R * LKR_ASSOC_R, eClu = 0;
    if (hasLkr) {
      for (let k = lk0; k < lk1; k++) {
        const d2 = (lx[k]! - xl) ** 2 + (ly[k]! - yl) ** 2;
        if (d2 < best) { best = d2; eClu = le[k]!; }
      }
    }
    const x3 = kinkedCoordinate(x0, Z_STRAW1, sx, ax, Z_MUV3), y3 = kinkedCoordinate(y0, Z_STRAW1, sy, ay, Z_MUV3);
    let nmu = 0;
    const tol = muv3Window(p);
    if (hasMuv3 && tol >= 0) {
      const tj = tt[j]!;
      for (let k = m0; k < m1; k++) {
        const id = mtile[k]!;
        if (id < 0 || id >= 152) continue;
        const o = id * 4;
        if (muv3HitMatches(x3, y3, tol, TILE_BOUNDS[o]!, TILE_BOUNDS[o + 1]!, TILE_BOUNDS[o + 2]!, TILE_BOUNDS[o + 3]!, mt[k]! - tj)) nmu++;
      }
    }
    const xn = kinkedCoordinate(x0, Z_STRAW1, sx, ax, Z_NEWCHOD), yn = kinkedCoordinate(y0, Z_STRAW1, sy, ay, Z_NEWCHOD);
    // without the slopes after the magnet (not read) the downstream variables are undefined: NaN
    A.inacc = Number.isNaN(ax + ay) ? NaN : inNewChodAcceptance(xn, yn) && inLkrAcceptance(xl, yl) && inMuv3Acceptance(x3, y3) ? 1 : 0;
    A.eop = hasLkr ? eClu / p : NaN;
    A.nmu = hasMuv3 ? nmu : NaN;
  };

  // the first two tracks' own variables (no vertex, no downstream association)
  const twoTracks = (s: number, a: number, b: number): void => {
    v.p1[s] = Math.sqrt(tpx[a]! * tpx[a]! + tpy[a]! * tpy[a]! + tpz[a]! * tpz[a]!); v.p2[s] = Math.sqrt(tpx[b]! * tpx[b]! + tpy[b]! * tpy[b]! + tpz[b]! * tpz[b]!);
    v.q1[s] = tq[a]!; v.q2[s] = tq[b]!;
    v.chi2_1[s] = tchi[a]!; v.chi2_2[s] = tchi[b]!; v.nch1[s] = tnch[a]!; v.nch2[s] = tnch[b]!;
    v.t1[s] = tt[a]!; v.t2[s] = tt[b]!; v.dt[s] = tt[a]! - tt[b]!;
  };

  /** ntracks, qsum and the first two tracks' own variables of event i (what the cheap cuts read) */
  const tracks = (i: number, s = i): void => {
    multiplicity(i, s);
    const t0 = to[i]!;
    if (to[i + 1]! - t0 >= 2) twoTracks(s, t0, t0 + 1);
    else for (let k = 0; k < OWN_TRACK_VARS.length; k++) ownTrack[k]![s] = NaN;
  };

  const multiplicity = (i: number, s = i): void => {
    const t0 = to[i]!, nt = to[i + 1]! - t0;
    v.ntracks[s] = nt;
    let qs = 0;
    for (let j = t0; j < t0 + nt; j++) qs += tq[j]!;
    v.qsum[s] = qs;
  };

  const multiplicities = (): void => { for (let i = 0; i < n; i++) multiplicity(i); };

  const event = (i: number, s = i): void => {
    tracks(i, s);
    rest(i, s);
  };

  /** what event() adds to tracks(i, s), which must have run for this event and slot */
  const rest = (i: number, s = i): void => {
    const t0 = to[i]!, nt = to[i + 1]! - t0;
    // most events have fewer than two (or five) tracks: their track variables are NaN
    if (nt < 2) for (let k = 0; k < twoTrack.length; k++) twoTrack[k]![s] = NaN;
    if (nt < 5 && five) for (let k = 0; k < fiveTrack5.length; k++) fiveTrack5[k]![s] = NaN;
    // in-time vetoes around the trigger time (0 in the MC; the mean track time when tracks exist)
    let tref = 0;
    if (nt > 0) { let s = 0; const k = Math.min(nt, 5); for (let j = t0; j < t0 + k; j++) s += tt[j]!; tref = s / k; }
    let nl = 0, na = 0;
    if (lvo && lvt) { for (let k = lvo[i]!; k < lvo[i + 1]!; k++) if (Math.abs(lvt[k]! - tref) < lavWindow) nl++; } else nl = NaN;
    if (a0o && a0t) { for (let k = a0o[i]!; k < a0o[i + 1]!; k++) if (Math.abs(a0t[k]! - tref) < anti0Window) na++; } else na = NaN;
    v.nlav[s] = nl; v.nanti0[s] = na;
    v.tvtx[s] = tref;

    if (nt >= 2) {
      const a = t0, b = t0 + 1;
      const pa = v.p1[s]!, pb = v.p2[s]!;
      // two-track vertex: midpoint of the closest approach of the lines before the magnet (§2.3 "V")
      LINES[0] = tx[a]!; LINES[1] = ty[a]!; LINES[2] = Z_STRAW1; LINES[3] = tpx[a]! / tpz[a]!; LINES[4] = tpy[a]! / tpz[a]!; LINES[5] = 1;
      LINES[6] = tx[b]!; LINES[7] = ty[b]!; LINES[8] = Z_STRAW1; LINES[9] = tpx[b]! / tpz[b]!; LINES[10] = tpy[b]! / tpz[b]!; LINES[11] = 1;
      const ca = closestApproachOf(LINES, CA);
      const vx = ca.x, vy = ca.y, vz = ca.z, cda = ca.cda;
      v.vx[s] = vx; v.vy[s] = vy; v.vz[s] = vz; v.cda[s] = cda;
      const Px = tpx[a]! + tpx[b]!, Py = tpy[a]! + tpy[b]!, Pz = tpz[a]! + tpz[b]!;
      v.ptot[s] = Math.sqrt(Px * Px + Py * Py + Pz * Pz);
      cdaTaxInto(vx, vy, vz, Px / Pz, Py / Pz, v.cda_tax, v.z_tax, s);
      const eam = Math.sqrt(pa * pa + M_MU * M_MU) + Math.sqrt(pb * pb + M_MU * M_MU);
      const eae = Math.sqrt(pa * pa + M_E * M_E) + Math.sqrt(pb * pb + M_E * M_E);
      v.m_mumu[s] = mass2(Px, Py, Pz, eam);
      v.m_ee[s] = mass2(Px, Py, Pz, eae);
      if (downstream) {
        assoc(a, pa, lo[i]!, lo[i + 1]!, mo[i]!, mo[i + 1]!);
        v.eop1[s] = A.eop; v.nmuv3_1[s] = A.nmu; v.inacc1[s] = A.inacc;
        assoc(b, pb, lo[i]!, lo[i + 1]!, mo[i]!, mo[i + 1]!);
        v.eop2[s] = A.eop; v.nmuv3_2[s] = A.nmu; v.inacc2[s] = A.inacc;
      } else {
        // nothing downstream was read (a kaon-mode selection): what assoc() would give, without the work
        v.eop1[s] = v.eop2[s] = v.nmuv3_1[s] = v.nmuv3_2[s] = v.inacc1[s] = v.inacc2[s] = NaN;
      }
    }

    if (nt < 5 || !five) return;
    fiveTrack(s, t0, v, tq, tpx, tpy, tpz, tx, ty);
    const sx = sum(tpx, t0, 5), sy = sum(tpy, t0, 5), sz = sum(tpz, t0, 5);
    v.ptot[s] = Math.sqrt(sx * sx + sy * sy + sz * sz);
    let nch = 4;
    for (let j = t0; j < t0 + 5; j++) nch = Math.min(nch, tnch[j]!);
    v.nch_min5[s] = nch;
    // closest pair of tracks in the STRAW1 plane (the two-track separation cut of §4.2)
    let d2 = Infinity;
    for (let j = t0; j < t0 + 5; j++) for (let k = j + 1; k < t0 + 5; k++) d2 = Math.min(d2, (tx[j]! - tx[k]!) ** 2 + (ty[j]! - ty[k]!) ** 2);
    v.sep_min5[s] = Math.sqrt(d2);
  };

  const track = (i: number, k: number): TrackAssociation => {
    const j = to[i]! + k;
    if (k < 0 || j >= to[i + 1]!) throw new RangeError(`event ${i} has no track ${k}`);
    assoc(j, Math.hypot(tpx[j]!, tpy[j]!, tpz[j]!), lo[i]!, lo[i + 1]!, mo[i]!, mo[i + 1]!);
    return { eop: A.eop, nmuv3: A.nmu, inAcceptance: A.inacc === 1 };
  };

  return { v, multiplicities, tracks, event, rest, track };
}

const sum = (a: ArrayLike<number>, from: number, n: number) => { let s = 0; for (let j = from; j < from + n; j++) s += a[j]!; return s; };

/** Invariant mass of tracks x and y as electrons. */
function eeMass(tpx: ArrayLike<number>, tpy: ArrayLike<number>, tpz: ArrayLike<number>, x: number, y: number): number {
  const ex = Math.sqrt(tpx[x]! ** 2 + tpy[x]! ** 2 + tpz[x]! ** 2 + M_E * M_E), ey = Math.sqrt(tpx[y]! ** 2 + tpy[y]! ** 2 + tpz[y]! ** 2 + M_E * M_E);
  return mass2(tpx[x]! + tpx[y]!, tpy[x]! + tpy[y]!, tpz[x]! + tpz[y]!, ex + ey);
}

/**
 * Five-track vertex (least squares over the lines before the magnet), masses with the π+ assignment
 * of §4.2. (Square roots of sums, not Math.hypot: V8 does not inline hypot, and it was half of this
 * function's time.)
 */
function fiveTrack(i: number, t0: number, v: VariableColumns, tq: ArrayLike<number>, tpx: ArrayLike<number>, tpy: ArrayLike<number>, tpz: ArrayLike<number>, tx: ArrayLike<number>, ty: ArrayLike<number>): void {
  // Σ (I − u uᵀ) X = Σ (I − u uᵀ) a for unit directions u through points a at STRAW1
  let a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0, b0 = 0, b1 = 0, b2 = 0;
  for (let j = t0; j < t0 + 5; j++) {
    const dx = tpx[j]! / tpz[j]!, dy = tpy[j]! / tpz[j]!, nrm = Math.sqrt(dx * dx + dy * dy + 1);
    const ux = dx / nrm, uy = dy / nrm, uz = 1 / nrm;
    const m00 = 1 - ux * ux, m01 = -ux * uy, m02 = -ux * uz, m11 = 1 - uy * uy, m12 = -uy * uz, m22 = 1 - uz * uz;
    const px = tx[j]!, py = ty[j]!, pz = Z_STRAW1;
    a00 += m00; a01 += m01; a02 += m02; a11 += m11; a12 += m12; a22 += m22;
    b0 += m00 * px + m01 * py + m02 * pz; b1 += m01 * px + m11 * py + m12 * pz; b2 += m02 * px + m12 * py + m22 * pz;
  }
  const det = a00 * (a11 * a22 - a12 * a12) - a01 * (a01 * a22 - a12 * a02) + a02 * (a01 * a12 - a11 * a02);
  let X = NaN, Y = NaN, Zv = NaN;
  if (Math.abs(det) > 1e-30) {
    X = (b0 * (a11 * a22 - a12 * a12) - a01 * (b1 * a22 - a12 * b2) + a02 * (b1 * a12 - a11 * b2)) / det;
    Y = (a00 * (b1 * a22 - a12 * b2) - b0 * (a01 * a22 - a12 * a02) + a02 * (a01 * b2 - b1 * a02)) / det;
    Zv = (a00 * (a11 * b2 - b1 * a12) - a01 * (a01 * b2 - b1 * a02) + b0 * (a01 * a12 - a11 * a02)) / det;
  }
  // χ²: squared distances of the lines to the vertex over the extrapolation error of each track
  // (σ² = 0.5² + (lever arm × σθ)², σθ the STRAW angular resolution of detector/resolution.ts)
  let chi2 = 0, npos = 0;
  for (let j = t0; j < t0 + 5; j++) {
    const dx = tpx[j]! / tpz[j]!, dy = tpy[j]! / tpz[j]!;
    const ex = tx[j]! + dx * (Zv - Z_STRAW1) - X, ey = ty[j]! + dy * (Zv - Z_STRAW1) - Y;
    const p = Math.sqrt(tpx[j]! * tpx[j]! + tpy[j]! * tpy[j]! + tpz[j]! * tpz[j]!);
    const lever = (Z_STRAW1 - Zv) * angleSigma(p);
    chi2 += (ex * ex + ey * ey) / (0.25 + lever * lever);
    if (tq[j]! > 0) npos++;
  }
  v.kvz[i] = Zv; v.kchi2[i] = chi2; v.npos[i] = npos;
  // π+ hypothesis: each positive track in turn, keep m closest to m_K
  // (no arrays or closures per event: this runs for every five-track event of a kaon selection)
  let bestM = NaN, best4e = NaN, bestLo = NaN, bestHi = NaN;
  for (let h = t0; h < t0 + 5; h++) {
    if (tq[h]! <= 0) continue;
    let Px = 0, Py = 0, Pz = 0, E = 0, Qx = 0, Qy = 0, Qz = 0, QE = 0;
    // the other four tracks: the first two positive and the first two negative of them
    let nPos = 0, nNeg = 0, p0 = -1, p1 = -1, n0 = -1, n1 = -1;
    for (let j = t0; j < t0 + 5; j++) {
      const p2 = tpx[j]! ** 2 + tpy[j]! ** 2 + tpz[j]! ** 2;
      const e = Math.sqrt(p2 + (j === h ? M_PI * M_PI : M_E * M_E));
      Px += tpx[j]!; Py += tpy[j]!; Pz += tpz[j]!; E += e;
      if (j === h) continue;
      Qx += tpx[j]!; Qy += tpy[j]!; Qz += tpz[j]!; QE += e;
      if (tq[j]! > 0) { if (nPos === 0) p0 = j; else if (nPos === 1) p1 = j; nPos++; } else { if (nNeg === 0) n0 = j; else if (nNeg === 1) n1 = j; nNeg++; }
    }
    const m = mass2(Px, Py, Pz, E);
    if (Number.isNaN(bestM) || Math.abs(m - M_K) < Math.abs(bestM - M_K)) {
      bestM = m; best4e = mass2(Qx, Qy, Qz, QE);
      if (nPos === 2 && nNeg === 2) {
        // the pairing with the most equal e+e− masses
        const a0 = eeMass(tpx, tpy, tpz, p0, n0), a1 = eeMass(tpx, tpy, tpz, p1, n1);
        const b0 = eeMass(tpx, tpy, tpz, p0, n1), b1 = eeMass(tpx, tpy, tpz, p1, n0);
        const useA = Math.abs(a0 - a1) <= Math.abs(b0 - b1);
        bestLo = useA ? Math.min(a0, a1) : Math.min(b0, b1); bestHi = useA ? Math.max(a0, a1) : Math.max(b0, b1);
      } else { bestLo = NaN; bestHi = NaN; }
    }
  }
  v.m_pi4e[i] = bestM; v.m_4e[i] = best4e; v.m_ee_lo[i] = bestLo; v.m_ee_hi[i] = bestHi;
}
