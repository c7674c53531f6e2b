/**
 * Physics constants in the app's units (MeV, mm, ns). Masses and constants from
 * na62-analyses.md §6 (PDG values, same as ALPINIST exotic_constants.py).
 */
export const ALPHA = 1 / 137.036;
/** ħc = 1.97327e-16 GeV·m = 1.97327e-10 MeV·mm */
export const HBARC_MEV_MM = 1.97327e-10;
/** speed of light, mm/ns */
export const C_MM_NS = 299.792458;

/** masses, MeV (§6, [R] PDG) */
export const M = {
  e: 0.51099895, mu: 105.658, piCharged: 139.570, pi0: 134.977, K: 493.677, p: 938.272,
  eta: 547.862, etaPrime: 957.78, omega: 782.66, rho: 775.26, phi: 1019.461,
  B: 5279.34, Kstar0: 891.67,
} as const;

/** Beam energy on the dump, MeV: 400 GeV/c SPS protons [S] */
export const E_PROTON = 400_000;

/** Proton impact point on the TAX and its spot (A§1.2 [C-ALP]; spot σ ≈ 1.5 mm [E]) */
export const TAX_IMPACT = { x: 0, y: -22, z: 23070, spotSigma: 1.5 } as const;
/** Nuclear interaction length of Cu used in NA62 code, mm (A§1.2 [C-HNL] fpCuLambda) */
export const LAMBDA_I_CU = 153;
/** Dump material depth, mm: 800 Cu + 2400 Fe [S] */
export const TAX_DEPTH = 3200;

/** Beam-dump fiducial volume default, mm: A§2.2 item 10 [E] */
export const FV_DUMP = { z0: 102_500, z1: 180_000 } as const;
/** Kaon-mode fiducial volume, mm: 105–180 m [N-beam], [C-fw K3piSelection.cc] */
export const FV_KAON = { z0: 105_000, z1: 180_000 } as const;

/** Mean K+ decay length at 75 GeV/c, mm [C-fw K3piSelection.cc fKaonMeanPath] */
export const KAON_DECAY_LENGTH = 563_857;
/** GTK3 z, mm [GA] */
export const Z_GTK3 = 102_400;

/** Dataset normalisation: 1.4e17 POT in 2021 [S]; about 5e12 POT per 4.8 s spill [E] */
export const N_POT_2021 = 1.4e17;
export const POT_PER_SPILL = 5e12;
export const SPILL_NS = 4.8e9;
/**
 * Effective spill duration, ns: "three seconds effective duration" of the 4.8 s spill (G§2 [RICHP]).
 * Accidental coincidences scale with the instantaneous rate, so the halo-pair normalisation uses it.
 */
export const SPILL_EFFECTIVE_NS = 3e9;
