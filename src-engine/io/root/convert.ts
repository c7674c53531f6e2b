/**
 * A validated mapping, compiled against one tree: which branches to read, and entry → event.
 * Units are converted here to the model's mm, MeV, ns. What the mapping does not give stays
 * absent: NaN for a track time or χ², empty collections, no beam kaon; the list of what is absent
 * goes into the file's metadata so the display and the CLI can say so. Slopes after MNP33 are the
 * one derived quantity (the magnet's known p_T kick), and that is recorded too.
 */
import type { RootMapping, AbsentKey, MappingValue } from '../../../src-shared/root/mapping';
import type { TreeInfo } from '../../../src-shared/root/tree-info';
import type { BeamKaon, LkrCluster, Muv3Hit, Na62Event, NewChodHit, StrawTrack } from '../../../src-shared/event/model';
import { Z_PLANE } from '../../../src-shared/geometry/planes';
import { kickedSlope } from '../../../src-shared/physics/track-line';
import { compileValue, lengthOf, ValueError, type CompiledExpression, type EntryValues, type Env } from './branch-expression';

const MOMENTUM = { MeV: 1, GeV: 1000 } as const;
const LENGTH = { mm: 1, cm: 10, m: 1000 } as const;
const TIME = { ns: 1, ps: 1e-3, us: 1e3 } as const;
const I32_MAX = 2 ** 31 - 1;

/** A mapping that does not fit the tree (or a value that cannot be used), naming the field and the problem. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

interface Field { readonly name: string; readonly expr: CompiledExpression; readonly factor: number }
interface Group { readonly where: string; readonly fields: readonly Field[]; readonly elementwise: readonly string[] }

export interface CompiledMapping {
  readonly mapping: RootMapping;
  /** the branches an import reads */
  readonly branches: readonly string[];
  readonly absent: readonly AbsentKey[];
  /** the event of one entry (values: branch → what JSROOT read) */
  event(values: EntryValues, entry: number): Na62Event;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!; d[0] = i;
    for (let j = 1; j <= b.length; j++) { const t = d[j]!; d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1)); prev = t; }
  }
  return d[b.length]!;
}

/** Compile a mapping against a tree; every problem is a MappingError naming the field. */
export function compileMapping(mapping: RootMapping, tree: TreeInfo): CompiledMapping {
  const byName = new Map(tree.branches.map((b) => [b.name, b]));
  const known = (n: string) => byName.has(n);
  const suggest = (n: string) => {
    let best: string | undefined, bestD = Math.max(2, Math.floor(n.length / 3) + 1);
    for (const b of byName.keys()) { const d = editDistance(n.toLowerCase(), b.toLowerCase()); if (d < bestD) { bestD = d; best = b; } }
    return best;
  };
  const used = new Set<string>();
  const compile = (where: string, v: MappingValue): CompiledExpression => {
    let c: CompiledExpression;
    try {
      c = compileValue(v, known, suggest);
    } catch (err) {
      throw new MappingError(`${where}: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const b of c.branches) {
      const info = byName.get(b)!;
      if (!info.usable) throw new MappingError(`${where}: branch ${b} is ${info.type}${info.shape === 'other' ? ' (an object)' : ''}, which the mapping cannot use`);
      used.add(b);
    }
    return c;
  };
  const u = mapping.units;
  const P = MOMENTUM[u.momentum], E = MOMENTUM[u.energy], L = LENGTH[u.length], T = TIME[u.time];

  const group = (where: string, spec: Record<string, MappingValue | undefined>, factors: Record<string, number>): Group => {
    const fields: Field[] = [];
    for (const [name, v] of Object.entries(spec)) {
      if (v === undefined || name === 'label' || (name === 'z' && where.startsWith('tracks'))) continue;
      fields.push({ name, expr: compile(`${where}.${name}`, v), factor: factors[name] ?? 1 });
    }
    const elementwise = [...new Set(fields.flatMap((f) => [...f.expr.elementwise]))].filter((b) => byName.get(b)!.shape !== 'scalar');
    return { where, fields, elementwise };
  };

  const trackFactors = { px: P, py: P, pz: P, p: P, x: L, y: L, time: T };
  const tracks = mapping.tracks.map((t, i) => ({ spec: t, zRef: t.z !== undefined ? t.z * L : undefined, g: group(`tracks[${i}]${t.label ? ` (${t.label})` : ''}`, t as Record<string, MappingValue | undefined>, trackFactors) }));
  const vertex = mapping.vertex ? group('vertex', mapping.vertex, { x: L, y: L, z: L }) : undefined;
  const clusters = (mapping.lkrClusters ?? []).map((c, i) => group(`lkrClusters[${i}]`, c as Record<string, MappingValue | undefined>, { x: L, y: L, energy: E, time: T }));
  const muv3 = (mapping.muv3Hits ?? []).map((c, i) => group(`muv3Hits[${i}]`, c as Record<string, MappingValue | undefined>, { time: T }));
  const newchod = (mapping.newchodHits ?? []).map((c, i) => group(`newchodHits[${i}]`, c as Record<string, MappingValue | undefined>, { x: L, y: L, time: T }));
  const kaon = mapping.beamKaon ? group('beamKaon', mapping.beamKaon as Record<string, MappingValue | undefined>, { px: P, py: P, pz: P, x: L, y: L, gtkTime: T, ktagTime: T }) : undefined;
  const h = mapping.header;
  const header = group('header', { run: h.run, burst: h.burst, event: h.event, weight: h.weight, timeInSpill: h.timeInSpill }, { timeInSpill: T });
  if (header.elementwise.length) throw new MappingError(`header: ${header.elementwise.join(', ')} ${header.elementwise.length > 1 ? 'are arrays' : 'is an array'}; the header needs one value per entry (use X[0])`);
  if (vertex?.elementwise.length) throw new MappingError(`vertex: ${vertex.elementwise.join(', ')} ${vertex.elementwise.length > 1 ? 'are arrays' : 'is an array'}; the vertex needs one value per entry (use X[0])`);
  if (kaon?.elementwise.length) throw new MappingError(`beamKaon: ${kaon.elementwise.join(', ')} ${kaon.elementwise.length > 1 ? 'are arrays' : 'is an array'}; one beam kaon per entry (use X[0])`);

  const absent: AbsentKey[] = [];
  if (mapping.tracks.some((t) => t.x === undefined)) absent.push('trackPosition');
  if (mapping.tracks.some((t) => t.time === undefined)) absent.push('trackTime');
  if (mapping.tracks.some((t) => t.chi2 === undefined)) absent.push('trackChi2');
  if (mapping.tracks.some((t) => t.nChambers === undefined)) absent.push('trackChambers');
  if (mapping.tracks.some((t) => t.dxdzAfter === undefined || t.dydzAfter === undefined)) absent.push('slopesAfterMagnet');
  if (!clusters.length) absent.push('lkrClusters');
  if (!muv3.length) absent.push('muv3Hits');
  if (!newchod.length) absent.push('newchodHits');
  absent.push('lavHits', 'anti0Hits');
  if (!kaon) absent.push('beamKaon');

  const env: Env = { values: {}, entry: 0, k: 0 };
  /** evaluate the group's fields for element k into `out` (converted to model units) */
  const evalInto = (g: Group, k: number, out: Record<string, number>) => {
    env.k = k;
    for (const f of g.fields) out[f.name] = f.expr.fn(env) * f.factor;
    return out;
  };
  const countOf = (g: Group, values: EntryValues): number => {
    if (!g.elementwise.length) return 1;
    let n: number | undefined, first = '';
    for (const b of g.elementwise) {
      const len = lengthOf(values, b);
      if (len === undefined) throw new ValueError(b, `${g.where}: branch ${b} is not an array in this entry`);
      if (n === undefined) { n = len; first = b; } else if (len !== n) throw new ValueError(b, `${g.where}: ${first} has ${n} elements but ${b} has ${len}`);
    }
    return n!;
  };
  const int32 = (where: string, v: number) => {
    if (!Number.isInteger(v) || Math.abs(v) > I32_MAX) throw new ValueError('', `${where} = ${v} is not a 32-bit whole number`);
    return v;
  };

  const zStraw1 = Z_PLANE.straw1;
  const event = (values: EntryValues, entry: number): Na62Event => {
    env.values = values; env.entry = entry;
    const hv = evalInto(header, 0, {});
    let vtx: Record<string, number> | undefined;
    if (vertex) vtx = evalInto(vertex, 0, {});
    const trackList: StrawTrack[] = [];
    for (const { spec, zRef, g } of tracks) {
      const n = countOf(g, values);
      for (let k = 0; k < n; k++) {
        const t = evalInto(g, k, {});
        let px: number, py: number, pz: number;
        if (spec.px !== undefined) { px = t.px!; py = t.py!; pz = t.pz!; } else {
          pz = t.p! / Math.sqrt(1 + t.dxdz! ** 2 + t.dydz! ** 2); px = t.dxdz! * pz; py = t.dydz! * pz;
        }
        const sx = px / pz, sy = py / pz;
        // the model gives the position at STRAW1: straight lines from the stated point (before the magnet)
        const x0 = spec.x !== undefined ? t.x! : vtx!.x!, y0 = spec.x !== undefined ? t.y! : vtx!.y!, z0 = spec.x !== undefined ? zRef! : vtx!.z!;
        const q = t.charge!;
        trackList.push({
          charge: q, px, py, pz,
          x: x0 + sx * (zStraw1 - z0), y: y0 + sy * (zStraw1 - z0),
          time: t.time ?? NaN,
          chi2: t.chi2 ?? NaN,
          nChambers: t.nChambers !== undefined ? Math.max(0, Math.min(255, Math.round(t.nChambers))) : 0,
          dxdzAfter: t.dxdzAfter ?? kickedSlope(px, pz, q),
          dydzAfter: t.dydzAfter ?? sy,
        });
      }
    }
    const rows = <R>(groups: readonly Group[], make: (r: Record<string, number>) => R): R[] => {
      const out: R[] = [];
      for (const g of groups) { const n = countOf(g, values); for (let k = 0; k < n; k++) out.push(make(evalInto(g, k, {}))); }
      return out;
    };
    const lkrClusters = rows<LkrCluster>(clusters, (r) => ({ x: r.x!, y: r.y!, energy: r.energy!, time: r.time ?? NaN }));
    const muv3Hits = rows<Muv3Hit>(muv3, (r) => ({ tile: Math.round(r.tile!), time: r.time ?? NaN }));
    const newchodHits = rows<NewChodHit>(newchod, (r) => ({ x: r.x!, y: r.y!, time: r.time ?? NaN }));
    let beamKaon: BeamKaon | undefined;
    if (kaon) {
      const r = evalInto(kaon, 0, {});
      beamKaon = { px: r.px!, py: r.py!, pz: r.pz!, x: r.x ?? NaN, y: r.y ?? NaN, gtkTime: r.gtkTime ?? NaN, ktagTime: r.ktagTime ?? NaN };
    }
    return {
      header: {
        run: int32('header.run', hv.run ?? 0), burst: int32('header.burst', hv.burst ?? 0), event: int32('header.event', hv.event ?? entry),
        mode: mapping.mode, timeInSpill: hv.timeInSpill ?? NaN, weight: hv.weight ?? 1, process: h.process ?? mapping.kind,
      },
      tracks: trackList, lkrClusters, muv3Hits, newchodHits, lavHits: [], anti0Hits: [],
      ...(beamKaon ? { beamKaon } : {}),
    };
  };
  return { mapping, branches: [...used], absent, event };
}
