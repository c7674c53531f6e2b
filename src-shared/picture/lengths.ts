/** Round lengths for scale bars and axis ticks, and their labels in mm, cm or m. */

/** Largest 1, 2 or 5 × 10^n not above x (x > 0). */
export function niceFloor(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

export function formatLength(mm: number): string {
  if (mm >= 1000) return `${+(mm / 1000).toPrecision(3)} m`;
  if (mm >= 10) return `${+(mm / 10).toPrecision(3)} cm`;
  return `${+mm.toPrecision(3)} mm`;
}
