/**
 * STRAW track resolutions shared by the fast detector response and the reconstruction.
 * Momentum: σ_p/p = 0.30 % ⊕ 0.005 %·p[GeV/c] (G§22 [NL], "officially recognized").
 * Direction per projection: σ_θ = a ⊕ b/p[GeV/c]. The starting value of A§6.5 (15 µrad ⊕ 0.6 mrad·GeV/p)
 * was tuned, as A§6.5 asks, so that 400 MeV A' → μμ signal reproduces σ_CDA_TAX ≈ 6.7 mm, the resolution
 * implied by the ±3σ signal box (A§2.2 [D]), while K2πDD keeps m_π4e ≈ 1–2 MeV wide: a = 52 µrad
 * (multiple-scattering-like) and b = 0.6 mrad·GeV [E]. With it σ_Z_TAX comes out ≈ 3.4 m rather than
 * the 5.7 m the box implies: one angular term cannot give both (see test/unit/selection.test.ts).
 */
export const STRAW_ANGLE_RES = { constant: 52e-6, perGeV: 0.6e-3 } as const;

/** σ_θ (rad) for a track of momentum p (MeV/c). */
export const angleSigma = (pMeV: number): number => {
  const a = STRAW_ANGLE_RES.constant, b = STRAW_ANGLE_RES.perGeV / (pMeV / 1000);
  return Math.sqrt(a * a + b * b);
};
/** σ_p / p for a track of momentum p (MeV/c). */
export const momentumSigmaRel = (pMeV: number): number => {
  const b = 0.00005 * (pMeV / 1000);
  return Math.sqrt(0.003 * 0.003 + b * b);
};

