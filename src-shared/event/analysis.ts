/**
 * What the engine says about one displayed event (computed by src-engine/reco/event-analysis.ts
 * with the reconstruction the selections run, sent with the event over the API): the selection
 * variables for the HUD, each track's downstream association and particle hypothesis, the vertex
 * and the dump-mode CDA_TAX construction (na62-analyses.md §2.3). Plain data: it crosses IPC.
 */

export type Hypothesis = 'mu' | 'e' | 'pi';

/** A track's downstream association (E/p at the LKr, MUV3 hits in time, geometric acceptance). */
export interface TrackAssociation { readonly eop: number; readonly nmuv3: number; readonly inAcceptance: boolean }

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
  /** every selection variable of the event (the catalogue's names), NaN where undefined */
  readonly vars: Readonly<Record<string, number>>;
  readonly tracks: readonly TrackInfo[];
  readonly vertex?: VertexInfo;
  readonly tax?: TaxConstruction;
}
