/**
 * What the display says about one event, computed with the engine's own reconstruction (the same
 * code the selections run, on a one-event batch): the selection variables for the HUD, each track's
 * downstream association and particle hypothesis, and the dump-mode CDA_TAX construction (§2.3).
 * Pure: no three.js, no DOM.
 */
import type { Na62Event } from '../../../src-shared/event/model';
import { encodeColumns } from '../../../src-engine/io/codec';
import { batchReco, DEFAULT_RECO, TAX_BEAM, type RecoOptions, type TrackAssociation, type VariableName } from '../../../src-engine/reco/variables';
import { angleSigma } from '../../../src-engine/detector/resolution';
import { Z_PLANE } from '../../../src-shared/geometry/planes';

export type Hypothesis = 'mu' | 'e' | 'pi';

export interface TrackInfo extends TrackAssociation {
  readonly p: number;
  /** μ with one MUV3 hit in time, e with E/p in the electron window, else π (display rule, [E]) */
  readonly hypothesis: Hypothesis;
  /** used by the event's vertex (the first two tracks in dump mode, the first five in kaon mode) */
  readonly inVertex: boolean;
}

export interface Vec3 { readonly x: number; readonly y: number; readonly z: number }

/** The §2.3 construction: the di-lepton momentum line from the vertex back past the TAX, the proton beam line and their closest approach. */
export interface TaxConstruction {
  readonly vertex: Vec3;
  /** the di-lepton line, from the vertex to a little upstream of its closest approach */
  readonly lineFrom: Vec3; readonly lineTo: Vec3;
  /** the proton beam line on the TAX: (0, −22 mm) along z */
  readonly beamFrom: Vec3; readonly beamTo: Vec3;
  /** CDA_TAX segment: from the di-lepton line to the beam line at Z_TAX */
  readonly cdaFrom: Vec3; readonly cdaTo: Vec3;
  readonly cdaTax: number; readonly zTax: number;
}

export interface VertexInfo extends Vec3 {
  /** estimated resolution, mm: σ_xy = lever arm × σθ, σ_z = σ_xy·√2 / opening angle [E, display] */
  readonly sigmaXY: number; readonly sigmaZ: number;
}

export interface EventAnalysis {
  readonly vars: Readonly<Record<VariableName, number>>;
  readonly tracks: readonly TrackInfo[];
  readonly vertex?: VertexInfo;
  readonly tax?: TaxConstruction;
}

const EOP_E = [0.9, 1.1] as const; // electron E/p window, dump-ee defaults (A§3.2 2 [E])

export function analyseEvent(ev: Na62Event, opts: RecoOptions = DEFAULT_RECO): EventAnalysis {
  const cols = encodeColumns([ev], { strawHits: false, truth: false });
  const r = batchReco(cols, opts);
  r.event(0);
  const vars = Object.fromEntries(Object.entries(r.v).map(([k, a]) => [k, a[0]!])) as Record<VariableName, number>;
  const nVertex = ev.header.mode === 'kaon' ? 5 : 2;
  const tracks = ev.tracks.map((t, k): TrackInfo => {
    const a = r.track(0, k);
    const hypothesis: Hypothesis = a.nmuv3 >= 1 && a.eop < 0.2 ? 'mu' : a.eop > EOP_E[0] && a.eop < EOP_E[1] ? 'e' : 'pi';
    return { ...a, p: Math.hypot(t.px, t.py, t.pz), hypothesis, inVertex: k < nVertex && ev.tracks.length >= 2 };
  });
  let vertex: VertexInfo | undefined;
  let tax: TaxConstruction | undefined;
  if (ev.tracks.length >= 2 && Number.isFinite(vars.vz)) {
    const [a, b] = ev.tracks as [typeof ev.tracks[0], typeof ev.tracks[0]];
    const lever = Math.max(0, Z_PLANE.straw1 - vars.vz);
    const sxy = Math.hypot(0.5, lever * angleSigma(Math.min(tracks[0]!.p, tracks[1]!.p)));
    const open = Math.hypot(a.px / a.pz - b.px / b.pz, a.py / a.pz - b.py / b.pz);
    const useFive = ev.header.mode === 'kaon' && Number.isFinite(vars.kvz);
    vertex = { x: vars.vx, y: vars.vy, z: useFive ? vars.kvz : vars.vz, sigmaXY: sxy, sigmaZ: open > 0 ? (sxy * Math.SQRT2) / open : Infinity };
    if (ev.header.mode === 'dump' && Number.isFinite(vars.z_tax)) tax = taxConstruction(vertex, a.px + b.px, a.py + b.py, a.pz + b.pz, vars.cda_tax, vars.z_tax);
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
