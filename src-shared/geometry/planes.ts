/**
 * Reference planes and LAV rings used by the detector response, the reconstruction and the event
 * drawing: one definition, from the geometry fact sheet (mm, z from T10).
 */
import { STRAW_CHAMBER_Z } from './straw';
import { MUV3_Z0 } from './muv3';

export const Z_PLANE = {
  /** STRAW1 centre: where track positions are given (G§12 [GA]) */
  straw1: STRAW_CHAMBER_Z[0]!,
  straw4: STRAW_CHAMBER_Z[3]!,
  /** MNP33 centre: the thin-lens kick (G§13 [MC-Spectrometer], [RECO-Spectrometer]) */
  mnp33: 196_995,
  /** NewCHOD centre (G§15 [GA]) */
  newchod: 238_131.5,
  /** LKr front face (G§18 [GA]) */
  lkr: 241_093,
  /** MUV3 scintillator front (G§20 [GA]) */
  muv3: MUV3_Z0,
  /** ANTI0: display default, z not retrieved (G§8 [E]) */
  anti0: 105_000,
  /** GTK3 (G§6 [GA]) */
  gtk3: 102_400,
} as const;

/** LAV crystal rings 1–12 (G§11 [GA], [MC-LAV]) */
export const LAV_FRONT: readonly number[] = [121363, 128973, 136583, 144193, 151803, 165313, 172823, 180333, 192709, 203102, 217528, 238313];
export const LAV_BACK: readonly number[] = [121953, 129563, 137173, 144783, 152393, 165903, 173413, 180923, 193179, 203572, 217998, 238783];
export const LAV_R_IN: readonly number[] = [536.5, 536.5, 536.5, 536.5, 536.5, 767.5, 767.5, 767.5, 980, 980, 980, 1070];
export const LAV_R_OUT: readonly number[] = [906.5, 906.5, 906.5, 906.5, 906.5, 1137.5, 1137.5, 1137.5, 1350, 1350, 1350, 1440];
