/**
 * The reach figure: contours of the expected signal N_exp in the (m_A′, ε) plane on log–log axes,
 * as a self-contained SVG string (the CLI writes it; the Analysis panel shows the same string).
 * Contours by marching squares in (log m, log ε).
 */

export interface ReachGrid {
  /** ascending */
  readonly masses: readonly number[];
  /** ascending */
  readonly epsilons: readonly number[];
  /** values[i][j] at masses[i], epsilons[j] */
  readonly values: readonly (readonly number[])[];
}

export interface ContourSpec { readonly level: number; readonly label: string; readonly color: string; readonly dash?: string; readonly width?: number; /** its own grid (same axes); the figure's by default */ readonly grid?: ReachGrid }
export interface BoxSpec { readonly m0: number; readonly m1: number; readonly e0: number; readonly e1: number; readonly label: string; readonly color: string }

type Seg = [number, number, number, number];

/** Line segments (in log10 coordinates) where the grid crosses `level`. */
export function contourSegments(g: ReachGrid, level: number): Seg[] {
  const X = g.masses.map(Math.log10), Y = g.epsilons.map(Math.log10);
  const segs: Seg[] = [];
  const v = (i: number, j: number) => g.values[i]![j]!;
  const lerp = (a: number, b: number, va: number, vb: number) => a + ((level - va) / (vb - va)) * (b - a);
  for (let i = 0; i + 1 < X.length; i++) for (let j = 0; j + 1 < Y.length; j++) {
    const c = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)];
    const p: [number, number][] = [];
    // edges: bottom (0-1), right (1-2), top (2-3), left (3-0)
    const corners: [number, number][] = [[X[i]!, Y[j]!], [X[i + 1]!, Y[j]!], [X[i + 1]!, Y[j + 1]!], [X[i]!, Y[j + 1]!]];
    for (let k = 0; k < 4; k++) {
      const a = k, b = (k + 1) % 4;
      if ((c[a]! >= level) !== (c[b]! >= level)) {
        p.push([lerp(corners[a]![0], corners[b]![0], c[a]!, c[b]!), lerp(corners[a]![1], corners[b]![1], c[a]!, c[b]!)]);
      }
    }
    if (p.length === 2) segs.push([p[0]![0], p[0]![1], p[1]![0], p[1]![1]]);
    else if (p.length === 4) { segs.push([p[0]![0], p[0]![1], p[1]![0], p[1]![1]], [p[2]![0], p[2]![1], p[3]![0], p[3]![1]]); }
  }
  return segs;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sup = (e: number) => `10<tspan dy="-7" font-size="11">${e}</tspan><tspan dy="7"> </tspan>`;

/** The figure as SVG text. */
export function reachSvg(g: ReachGrid, contours: readonly ContourSpec[], boxes: readonly BoxSpec[], o: { title: string; subtitle?: string; width?: number; height?: number; xLabel?: string; yLabel?: string }): string {
  const W = o.width ?? 1200, H = o.height ?? 640;
  // the legend sits in a column right of the plot, so it never hides a contour
  const L = 95, R = 390, T = 70, B = 75;
  const x0 = Math.log10(g.masses[0]!), x1 = Math.log10(g.masses[g.masses.length - 1]!);
  const y0 = Math.log10(g.epsilons[0]!), y1 = Math.log10(g.epsilons[g.epsilons.length - 1]!);
  const sx = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const sy = (y: number) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${L}" y="30" font-size="20" font-weight="bold">${esc(o.title)}</text>`);
  if (o.subtitle) out.push(`<text x="${L}" y="52" font-size="13" fill="#444">${esc(o.subtitle)}</text>`);
  // grid and ticks: decades, with 2 and 5 minor lines
  out.push(`<g stroke="#e3e3e3" stroke-width="1">`);
  for (let d = Math.floor(x0); d <= Math.ceil(x1); d++) for (const k of [1, 2, 5]) {
    const x = d + Math.log10(k);
    if (x >= x0 - 1e-9 && x <= x1 + 1e-9) out.push(`<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${T}" y2="${H - B}"/>`);
  }
  for (let d = Math.floor(y0); d <= Math.ceil(y1); d++) if (d >= y0 - 1e-9 && d <= y1 + 1e-9) out.push(`<line x1="${L}" x2="${W - R}" y1="${sy(d).toFixed(1)}" y2="${sy(d).toFixed(1)}"/>`);
  out.push('</g>');
  // published regions (drawn first, under the contours)
  for (const b of boxes) {
    const xa = sx(Math.log10(b.m0)), xb = sx(Math.log10(b.m1)), ya = sy(Math.log10(b.e1)), yb = sy(Math.log10(b.e0));
    out.push(`<rect x="${xa.toFixed(1)}" y="${ya.toFixed(1)}" width="${(xb - xa).toFixed(1)}" height="${(yb - ya).toFixed(1)}" fill="${b.color}" fill-opacity="0.18" stroke="${b.color}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  }
  out.push(`<defs><clipPath id="plot"><rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/></clipPath></defs>`);
  for (const c of contours) {
    const d = contourSegments(c.grid ?? g, c.level).map((s) => `M${sx(s[0]).toFixed(1)},${sy(s[1]).toFixed(1)}L${sx(s[2]).toFixed(1)},${sy(s[3]).toFixed(1)}`).join('');
    out.push(`<path d="${d}" fill="none" stroke="${c.color}" stroke-width="${c.width ?? 3}" stroke-linecap="round" clip-path="url(#plot)"${c.dash ? ` stroke-dasharray="${c.dash}"` : ''} data-level="${c.level}"/>`);
  }
  // frame, tick labels
  out.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#222" stroke-width="1.5"/>`);
  for (let d = Math.floor(x0); d <= Math.ceil(x1); d++) for (const k of [1, 2, 5]) {
    const x = d + Math.log10(k);
    if (x < x0 - 1e-9 || x > x1 + 1e-9) continue;
    const v = Math.round(10 ** x);
    out.push(`<text x="${sx(x).toFixed(1)}" y="${H - B + 22}" font-size="14" text-anchor="middle">${v}</text>`);
  }
  for (let d = Math.ceil(y0); d <= Math.floor(y1); d++) out.push(`<text x="${L - 10}" y="${(sy(d) + 5).toFixed(1)}" font-size="14" text-anchor="end">${sup(d)}</text>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 22}" font-size="16" text-anchor="middle">${esc(o.xLabel ?? 'm_A′ [MeV/c²]')}</text>`);
  out.push(`<text transform="translate(24,${(T + H - B) / 2}) rotate(-90)" font-size="16" text-anchor="middle">${esc(o.yLabel ?? 'ε')}</text>`);
  // legend
  let ly = T + 14;
  const lx = W - R + 24;
  for (const c of contours) {
    out.push(`<line x1="${lx}" x2="${lx + 34}" y1="${ly - 5}" y2="${ly - 5}" stroke="${c.color}" stroke-width="${c.width ?? 3}"${c.dash ? ` stroke-dasharray="${c.dash}"` : ''}/><text x="${lx + 42}" y="${ly}" font-size="13">${esc(c.label)}</text>`);
    ly += 22;
  }
  for (const b of boxes) {
    const [l1, l2] = b.label.split(': ');
    out.push(`<rect x="${lx}" y="${ly - 13}" width="34" height="12" fill="${b.color}" fill-opacity="0.18" stroke="${b.color}" stroke-dasharray="6 4"/><text x="${lx + 42}" y="${ly}" font-size="13">${esc(l2 ? `${l1}:` : b.label)}</text>`);
    if (l2) { ly += 18; out.push(`<text x="${lx + 42}" y="${ly}" font-size="13">${esc(l2)}</text>`); }
    ly += 24;
  }
  out.push('</svg>');
  return out.join('\n');
}

export interface LineSeries { readonly label: string; readonly color: string; readonly dash?: string; readonly points: readonly (readonly [number, number])[] }

/** Log–log curves (the ALP limits against cτ, one per mass and channel) as SVG text, legend on the right. */
export function linesSvg(series: readonly LineSeries[], o: { title: string; subtitle?: string; xLabel: string; yLabel: string; width?: number; height?: number }): string {
  const W = o.width ?? 1200, H = o.height ?? 640, L = 95, R = 390, T = 70, B = 75;
  const xs = series.flatMap((s) => s.points.map((p) => p[0])).filter((v) => v > 0 && Number.isFinite(v));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0 && Number.isFinite(v));
  const x0 = Math.floor(Math.log10(Math.min(...xs))), x1 = Math.ceil(Math.log10(Math.max(...xs)));
  const y0 = Math.floor(Math.log10(Math.min(...ys))), y1 = Math.min(y0 + 8, Math.ceil(Math.log10(Math.max(...ys))));
  const sx = (x: number) => L + ((Math.log10(x) - x0) / (x1 - x0)) * (W - L - R);
  const sy = (y: number) => H - B - ((Math.log10(y) - y0) / (y1 - y0)) * (H - T - B);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`, `<rect width="${W}" height="${H}" fill="#ffffff"/>`];
  out.push(`<text x="${L}" y="30" font-size="20" font-weight="bold">${esc(o.title)}</text>`);
  if (o.subtitle) out.push(`<text x="${L}" y="52" font-size="13" fill="#444">${esc(o.subtitle)}</text>`);
  out.push(`<defs><clipPath id="plotl"><rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/></clipPath></defs>`);
  out.push('<g stroke="#e3e3e3">');
  for (let d = x0; d <= x1; d++) out.push(`<line x1="${sx(10 ** d)}" x2="${sx(10 ** d)}" y1="${T}" y2="${H - B}"/>`);
  for (let d = y0; d <= y1; d++) out.push(`<line x1="${L}" x2="${W - R}" y1="${sy(10 ** d)}" y2="${sy(10 ** d)}"/>`);
  out.push('</g>');
  for (const s of series) {
    const pts = s.points.filter((p) => p[0] > 0 && p[1] > 0 && Number.isFinite(p[1]));
    if (pts.length < 2) continue;
    out.push(`<path d="${pts.map((p, i) => `${i ? 'L' : 'M'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join('')}" fill="none" stroke="${s.color}" stroke-width="3" clip-path="url(#plotl)"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  }
  out.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#222" stroke-width="1.5"/>`);
  for (let d = x0; d <= x1; d++) out.push(`<text x="${sx(10 ** d)}" y="${H - B + 22}" font-size="14" text-anchor="middle">${sup(d)}</text>`);
  for (let d = y0; d <= y1; d++) out.push(`<text x="${L - 10}" y="${sy(10 ** d) + 5}" font-size="14" text-anchor="end">${sup(d)}</text>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 22}" font-size="16" text-anchor="middle">${esc(o.xLabel)}</text>`);
  out.push(`<text transform="translate(24,${(T + H - B) / 2}) rotate(-90)" font-size="16" text-anchor="middle">${esc(o.yLabel)}</text>`);
  let ly = T + 14;
  for (const s of series) {
    out.push(`<line x1="${W - R + 24}" x2="${W - R + 58}" y1="${ly - 5}" y2="${ly - 5}" stroke="${s.color}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="${W - R + 66}" y="${ly}" font-size="13">${esc(s.label)}</text>`);
    ly += 22;
  }
  out.push('</svg>');
  return out.join('\n');
}
