/** The normal distribution's tails, to the precision the generator's exact weights need. */

/** erfc with fractional error < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev fit): tails stay accurate */
export function erfc(x: number): number {
  const z = Math.abs(x), t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Φ(b) − Φ(a) of the standard normal for a ≤ b, from the tail that keeps its precision */
export function normalMass(a: number, b: number): number {
  const k = Math.SQRT1_2;
  if (a >= 0) return 0.5 * (erfc(a * k) - erfc(b * k));
  if (b <= 0) return 0.5 * (erfc(-b * k) - erfc(-a * k));
  return 1 - 0.5 * (erfc(-a * k) + erfc(b * k));
}
