/**
 * The NA62 event model: what one triggered event holds after reconstruction, plus optional raw
 * STRAW hits and MC truth. Units: mm, MeV, ns; NA62 frame (z from T10, y up).
 * Shared by the engine (files, generator, selections) and the UI (drawing, panels).
 */

export type RunMode = 'dump' | 'kaon';

/** Process labels the fast MC writes; files from elsewhere may carry other labels. */
export const PROCESSES = [
  'aprime-mumu', 'aprime-ee', 'alp-mumu', 'alp-ee', 'combinatorial-mumu', 'prompt-ee', 'prompt-mumu',
  'k2pi-dd', 'kpi-aa', 'kpi-s-aprime', 'kpi4e-nonres',
] as const;
export type ProcessLabel = (typeof PROCESSES)[number];

export const DUMP_PROCESSES: readonly ProcessLabel[] = ['aprime-mumu', 'aprime-ee', 'alp-mumu', 'alp-ee', 'combinatorial-mumu', 'prompt-ee', 'prompt-mumu'];
export const KAON_PROCESSES: readonly ProcessLabel[] = ['k2pi-dd', 'kpi-aa', 'kpi-s-aprime', 'kpi4e-nonres'];

export interface EventHeader {
  readonly run: number;
  readonly burst: number;
  readonly event: number;
  readonly mode: RunMode;
  /** time since the start of the spill, ns */
  readonly timeInSpill: number;
  /** events of this kind in the dataset that this one stands for (MC); 1 for data */
  readonly weight: number;
  readonly process: string;
  /** MC of a long-lived particle: probability that it decays in the fiducial volume (part of `weight`) */
  readonly decayProbability?: number;
}

/** A reconstructed STRAW spectrometer track. */
export interface StrawTrack {
  readonly charge: number;
  /** momentum before the magnet, MeV/c */
  readonly px: number; readonly py: number; readonly pz: number;
  /** position at the STRAW1 reference plane (z = 183 508 mm), mm */
  readonly x: number; readonly y: number;
  /** track time, ns */
  readonly time: number;
  readonly chi2: number;
  readonly nChambers: number;
  /** slopes after the magnet */
  readonly dxdzAfter: number; readonly dydzAfter: number;
}

export interface LkrCluster { readonly x: number; readonly y: number; readonly energy: number; readonly time: number }
export interface Muv3Hit { readonly tile: number; readonly time: number }
export interface NewChodHit { readonly x: number; readonly y: number; readonly time: number }
/** LAV hit: station 1–12, azimuth of the fired block (rad), time */
export interface LavHit { readonly station: number; readonly phi: number; readonly time: number }
export interface Anti0Hit { readonly x: number; readonly y: number; readonly time: number }
/** NA48-CHOD slab hit: plane 0 = V (x), 1 = H (y); slab 0–63 (quadrant × 16 + slab from the beam out, src-shared/geometry/chod.ts); time, ns */
export interface ChodHit { readonly plane: number; readonly slab: number; readonly time: number }

/** The beam kaon (kaon mode): GTK track at GTK3 and KTAG time. */
export interface BeamKaon {
  readonly px: number; readonly py: number; readonly pz: number;
  readonly x: number; readonly y: number;
  readonly gtkTime: number;
  readonly ktagTime: number;
}

/** Raw STRAW hit: chamber 0–3, view 0–3 (u, v, x, y), straw-centre coordinate in its view (mm), time (ns). */
export interface StrawHit { readonly chamber: number; readonly view: number; readonly coord: number; readonly time: number }

/** A true particle (MC): four-momentum (MeV), production and decay vertex (mm, ns); decay NaN when stable/escaping. */
export interface TruthParticle {
  readonly pdg: number;
  /** index of the mother in the event's truth list, −1 for primaries */
  readonly parent: number;
  readonly px: number; readonly py: number; readonly pz: number; readonly e: number;
  readonly vx: number; readonly vy: number; readonly vz: number; readonly vt: number;
  readonly dx: number; readonly dy: number; readonly dz: number; readonly dt: number;
}

export interface Na62Event {
  readonly header: EventHeader;
  readonly tracks: readonly StrawTrack[];
  readonly lkrClusters: readonly LkrCluster[];
  readonly muv3Hits: readonly Muv3Hit[];
  readonly newchodHits: readonly NewChodHit[];
  readonly lavHits: readonly LavHit[];
  readonly anti0Hits: readonly Anti0Hit[];
  readonly beamKaon?: BeamKaon;
  readonly strawHits?: readonly StrawHit[];
  /** NA48-CHOD slab hits (files whose metadata says chodHits: true; absent in older files) */
  readonly chodHits?: readonly ChodHit[];
  readonly truth?: readonly TruthParticle[];
}

/** PDG codes used by the fast MC. Dark states use the common BSM conventions [E]. */
export const PDG = {
  electron: 11, positron: -11, muMinus: 13, muPlus: -13, gamma: 22, pi0: 111, piPlus: 211, piMinus: -211,
  kPlus: 321, proton: 2212, eta: 221, etaPrime: 331, rho0: 113, omega: 223, phi: 333, bPlus: 521, b0: 511, kStar0: 313,
  darkPhoton: 4900023, alp: 9000005, darkScalar: 9000006, virtualPhoton: 22,
} as const;
