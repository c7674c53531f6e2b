/**
 * The analysis of one displayed event, computed with the reconstruction the selections run (on a
 * one-event batch): it goes to the renderer with the event, so the UI thread needs neither Arrow
 * nor the reconstruction. Pure: no three.js, no DOM.
 */
import type { Na62Event } from '../../src-shared/event/model';
import type { EventAnalysis, Hypothesis, TaxConstruction, TrackInfo, Vec3, VertexInfo } from '../../src-shared/event/analysis';
import { TAX_BEAM } from '../../src-shared/physics/tax';
import { Z_PLANE } from '../../src-shared/geometry/planes';
import { encodeColumns } from '../io/codec';
import { batchReco, DEFAULT_RECO, type RecoOptions } from './variables';
import { angleSigma } from '../detector/resolution';

const EOP_E = [0.9, 1.1] as const; // electron E/p window, dump-ee defaults (A§3.2 2 [E])

export function analyseEvent(ev: Na62Event, opts: RecoOptions = DEFAULT_RECO): EventAnalysis {
  const cols = encodeColumns([ev], { strawHits: false, truth: false });
  const r = batchReco(cols, opts);
  r.event(0);
  const vars: Record<string, number> = Object.fromEntries(Object.entries(r.v).map(([k, a]) => [k, a[0]!]));
  const nVertex = ev.header.mode === 'kaon' ? 5 : 2;
  const tracks = ev.tracks.map((t, k): TrackInfo => {
    const a = r.track(0, k);
    const hypothesis: Hypothesis = a.nmuv3 >= 1 && a.eop < 0.2 ? 'mu' : a.eop > EOP_E[0] && a.eop < EOP_E[1] ? 'e' : 'pi';
    return { ...a, p: Math.hypot(t.px, t.py, t.pz), hypothesis, inVertex: k < nVertex && ev.tracks.length >= 2 };
  });
  let vertex: VertexInfo | undefined;
  let tax: TaxConstruction | undefined;
  const vz = r.v.vz[0]!;
  if (ev.tracks.length >= 2 && Number.isFinite(vz)) {
    const [a, b] = ev.tracks as [typeof ev.tracks[0], typeof ev.tracks[0]];
    const lever = Math.max(0, Z_PLANE.straw1 - vz);
    const sxy = Math.hypot(0.5, lever * angleSigma(Math.min(tracks[0]!.p, tracks[1]!.p)));
    const open = Math.hypot(a.px / a.pz - b.px / b.pz, a.py / a.pz - b.py / b.pz);
    const kvz = r.v.kvz[0]!;
    const useFive = ev.header.mode === 'kaon' && Number.isFinite(kvz);
    vertex = { x: r.v.vx[0]!, y: r.v.vy[0]!, z: useFive ? kvz : vz, sigmaXY: sxy, sigmaZ: open > 0 ? (sxy * Math.SQRT2) / open : Infinity };
    const zTax = r.v.z_tax[0]!;
    if (ev.header.mode === 'dump' && Number.isFinite(zTax)) tax = taxConstruction(vertex, a.px + b.px, a.py + b.py, a.pz + b.pz, r.v.cda_tax[0]!, zTax);
  }
  return { vars, tracks, ...(vertex ? { vertex } : {}), ...(tax ? { tax } : {}) };
}

/** The CDA_TAX construction of §2.3 for a vertex and a total momentum (MeV/c). */
export function taxConstruction(v: Vec3, px: number, py: number, pz: number, cdaTax: number, zTax: number): TaxConstruction {
  const sx = px / pz, sy = py / pz;
  const at = (z: number): Vec3 => ({ x: v.x + sx * (z - v.z), y: v.y + sy * (z - v.z), z });
  // the line runs back to a little upstream of its closest approach and of the TAX; the beam from T10 past both
  const zBack = Math.min(zTax, TAX_BEAM.z) - 5_000;
  const beam = (z: number): Vec3 => ({ x: TAX_BEAM.x, y: TAX_BEAM.y, z });
  return {
    vertex: v, lineFrom: at(v.z), lineTo: at(zBack),
    beamFrom: beam(Math.min(0, zBack)), beamTo: beam(Math.max(TAX_BEAM.z + 5_000, zTax + 5_000)),
    cdaFrom: at(zTax), cdaTo: beam(zTax), cdaTax, zTax,
  };
}
