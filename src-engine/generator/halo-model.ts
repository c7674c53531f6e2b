/**
 * Halo muons in beam-dump mode: an analytic phase-space density at a reference plane just upstream
 * of the fiducial volume, built from the beam line as it is set in dump mode, so that both the
 * sampler and the importance weights of the biased pair generator (halo-pairs.ts) use one formula.
 *
 * Physics (the picture, not a tracking of the K12 line):
 * - In dump mode the 400 GeV protons end in the TAX at z = 23.07 m (A§1.1, A§1.2 [S]); the muons that
 *   reach the detector come from π/K decays in the first interaction lengths of the dump and leave it
 *   after multiple scattering in up to 3.2 m of Cu/Fe, which spreads them by ~ 200 mrad·GeV/p (PDG
 *   Highland formula over ~ 180 X₀ [R]).
 * - The K12 dipoles are set to fields in the same direction (A§1.1 [S], G§23): the return dipoles of the
 *   first achromat B1B/B1C just downstream of the TAX (26.7–34.5 m, vertical, G§2.1) and the GTK achromat
 *   B4–B6 with the magnetised scraper SCR1 (80.5–99.5 m, vertical, G§2.1) no longer cancel, and sweep
 *   μ⁺ and μ⁻ to opposite sides in y. A muon that still reaches the FV was last deflected in one of
 *   these groups, so its line, extrapolated back from the FV, passes through that magnet group at the
 *   position it had there; muons not deflected (high momentum, through field-free iron) point back to
 *   the dump. Position and angle at the FV entrance are thus correlated as s ≈ (r − r_o)/(z_ref − z_o),
 *   with r_o spread over the aperture or yoke of the last deflecting element.
 * - Consequence that matters for the analyses: the summed momentum of two *random* muons is the
 *   momentum-weighted mean of two such lines, which points back to no fixed place, so random pairs
 *   spread over the CDA_TAX–Z_TAX plane (the seed's Figure 3, left: background flat across the CR).
 *
 * Each of the three sources k is (per axis) r ~ N(μ_r,k, σ_r,k), s | r ~ N((r − μ_o,k)/L_k, τ_k),
 * p ~ 5 GeV + Exp(p̄_k) cut at 150 GeV. Every number of the sources is an estimate [E]: the dump-mode
 * halo rates, spectra and spatial distributions were not retrieved (G§23, A§8 item 6).
 */
import { M } from './constants';
import { p4, type P4 } from './lorentz';
import type { Rng } from './rng';

/** Reference plane of the density: upstream of the FV start (102.5 m, A§2.2 item 10) and of ANTI0 (105 m [E]). */
export const Z_HALO_REF = 102_000;

export interface HaloSource {
  readonly name: string;
  /** share of the halo muons of one charge */
  readonly share: number;
  /** z of the effective origin (last deflection), mm */
  readonly zOrigin: number;
  /** mean transverse position at the origin for charge +1 (mirrored in y for −1), mm */
  readonly originY: number;
  /** spread of the origin per axis, mm */
  readonly originSigma: number;
  /** mean y at the reference plane for charge +1 (mirrored for −1), mm; x mean is 0 */
  readonly refY: number;
  /** spread at the reference plane per axis, mm */
  readonly refSigma: number;
  /** extra angular spread per axis (scattering downstream of the origin), rad */
  readonly angleSigma: number;
  /** mean of the exponential momentum spectrum above 5 GeV/c, MeV/c */
  readonly pMean: number;
}

/**
 * The three sources [E]: (1) deflected last in B1B/B1C (centre 30.6 m, G§2.1), spread over their
 * ≈ ±0.3 m gap and yoke; (2) deflected last in B4–B6/SCR1 (centre 90 m, G§2.1; SCR1 aperture half-size
 * 140 × 30 mm); (3) undeflected from the TAX (centre of the 3.2 m dump, 24.7 m; lateral spread of the
 * shower and the multiple scattering, ≈ 40 mm), the harder part of the spectrum.
 */
export const HALO_SOURCES: readonly HaloSource[] = [
  { name: 'B1B/B1C', share: 0.64, zOrigin: 30_600, originY: 150, originSigma: 600, refY: 250, refSigma: 650, angleSigma: 0.3e-3, pMean: 12_000 },
  { name: 'B4-B6/SCR1', share: 0.30, zOrigin: 90_000, originY: 50, originSigma: 300, refY: 150, refSigma: 450, angleSigma: 0.5e-3, pMean: 12_000 },
  { name: 'TAX', share: 0.06, zOrigin: 24_700, originY: -22, originSigma: 80, refY: 0, refSigma: 550, angleSigma: 0.2e-3, pMean: 25_000 },
];

const P_MIN = 5000, P_MAX = 150_000;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const gauss = (x: number, mu: number, s: number) => (INV_SQRT_2PI / s) * Math.exp(-0.5 * ((x - mu) / s) ** 2);

/** A halo muon at the reference plane: charge, position, slopes, momentum. */
export interface HaloState { readonly q: 1 | -1; readonly x: number; readonly y: number; readonly sx: number; readonly sy: number; readonly p: number }

/** momentum density of a source, normalised on [5, 150] GeV/c */
function pDensity(src: HaloSource, p: number): number {
  if (p < P_MIN || p > P_MAX) return 0;
  return Math.exp(-(p - P_MIN) / src.pMean) / (src.pMean * -Math.expm1(-(P_MAX - P_MIN) / src.pMean));
}
function samplePMomentum(src: HaloSource, rng: Rng): number {
  const span = -Math.expm1(-(P_MAX - P_MIN) / src.pMean);
  return P_MIN - src.pMean * Math.log1p(-rng.uniform() * span);
}
const lever = (src: HaloSource) => Z_HALO_REF - src.zOrigin;
/** σ of s | r per axis */
const slopeSigma = (src: HaloSource) => Math.hypot(src.originSigma / lever(src), src.angleSigma);
/** σ of the slope marginal (r integrated out) per axis */
const slopeMarginalSigma = (src: HaloSource) => Math.hypot(src.refSigma / lever(src), slopeSigma(src));

function pickSource(rng: Rng): HaloSource {
  let u = rng.uniform();
  for (const s of HALO_SOURCES) if ((u -= s.share) < 0) return s;
  return HALO_SOURCES[HALO_SOURCES.length - 1]!;
}

/** Draw one halo muon of charge q from the density. */
export function sampleHalo(q: 1 | -1, rng: Rng): HaloState {
  const src = pickSource(rng);
  const x = rng.normal(0, src.refSigma), y = rng.normal(q * src.refY, src.refSigma);
  const L = lever(src), ss = slopeSigma(src);
  const sx = rng.normal(x / L, ss), sy = rng.normal((y - q * src.originY) / L, ss);
  return { q, x, y, sx, sy, p: samplePMomentum(src, rng) };
}

/** The density f(x, y, sx, sy, p) of charge q at the reference plane (per mm² rad² MeV/c). */
export function haloDensity(h: HaloState): number {
  let f = 0;
  for (const src of HALO_SOURCES) {
    const L = lever(src), ss = slopeSigma(src);
    f += src.share * pDensity(src, h.p)
      * gauss(h.x, 0, src.refSigma) * gauss(h.y, h.q * src.refY, src.refSigma)
      * gauss(h.sx, h.x / L, ss) * gauss(h.sy, (h.y - h.q * src.originY) / L, ss);
  }
  return f;
}

/** The density of position and slopes alone (momentum integrated out): Σ_k share_k·g_k(x, y, sx, sy). */
export function haloPositionDensity(h: HaloState): number {
  let f = 0;
  for (const src of HALO_SOURCES) {
    const L = lever(src), ss = slopeSigma(src);
    f += src.share * gauss(h.x, 0, src.refSigma) * gauss(h.y, h.q * src.refY, src.refSigma)
      * gauss(h.sx, h.x / L, ss) * gauss(h.sy, (h.y - h.q * src.originY) / L, ss);
  }
  return f;
}

/** One source's share × density of position and slopes (momentum integrated out), per mm² rad². */
export function haloSourcePositionDensity(k: number, h: HaloState): number {
  const src = HALO_SOURCES[k]!, L = lever(src), ss = slopeSigma(src);
  return src.share * gauss(h.x, 0, src.refSigma) * gauss(h.y, h.q * src.refY, src.refSigma)
    * gauss(h.sx, h.x / L, ss) * gauss(h.sy, (h.y - h.q * src.originY) / L, ss);
}

/**
 * Draw the momentum from the density's conditional f(p | position, slopes): the source with its
 * posterior share at that point, then its spectrum. A proposal that changes only where the muons
 * are (halo-acceptance.ts) keeps the natural momentum conditional this way.
 */
export function sampleMomentumGiven(h: HaloState, rng: Rng): number {
  const w = HALO_SOURCES.map((_, k) => haloSourcePositionDensity(k, h));
  let u = rng.uniform() * w.reduce((a, b) => a + b, 0), k = 0;
  while (k < w.length - 1 && (u -= w[k]!) >= 0) k++;
  return samplePMomentum(HALO_SOURCES[k]!, rng);
}

/** Draw slopes and momentum from the marginal of the density over position (the biased generator's proposal). */
export function sampleSlopeMomentum(q: 1 | -1, rng: Rng): { sx: number; sy: number; p: number } {
  const src = pickSource(rng);
  const L = lever(src), sm = slopeMarginalSigma(src);
  return { sx: rng.normal(0, sm), sy: rng.normal((q * (src.refY - src.originY)) / L, sm), p: samplePMomentum(src, rng) };
}

/** Density of sampleSlopeMomentum; with `momentumOnly` the momentum marginal (slopes integrated out). */
export function slopeMomentumDensity(q: 1 | -1, sx: number, sy: number, p: number, momentumOnly = false): number {
  let f = 0;
  for (const src of HALO_SOURCES) {
    const L = lever(src), sm = slopeMarginalSigma(src);
    f += src.share * pDensity(src, p) * (momentumOnly ? 1 : gauss(sx, 0, sm) * gauss(sy, (q * (src.refY - src.originY)) / L, sm));
  }
  return f;
}

/** Four-momentum of a halo state. */
export function haloP4(h: HaloState): P4 {
  const pz = h.p / Math.sqrt(1 + h.sx * h.sx + h.sy * h.sy);
  return p4(h.sx * pz, h.sy * pz, pz, M.mu);
}

/** Per source: the Gaussian of the position at plane z (per axis) and the pieces to condition on it. */
function atPlane(src: HaloSource, q: 1 | -1, z: number) {
  const D = z - Z_HALO_REF, L = lever(src), g = 1 + D / L, ss = slopeSigma(src);
  const sigma = Math.hypot(src.refSigma * g, D * ss);
  // X = g·r + c + D·noise per axis; c = −D·μ_o/L
  const cy = (-D * q * src.originY) / L;
  return { D, g, sigma, mx: 0, my: q * src.refY * g + cy, cx: 0, cy };
}

/** Probability, per source, that the muon crosses plane z within `radius` of (cx, cy) (2-D Gaussian over a disc, 48 × 48 grid). */
function discProbabilities(q: 1 | -1, z: number, cx: number, cy: number, radius: number): number[] {
  return HALO_SOURCES.map((src) => {
    const a = atPlane(src, q, z);
    const n = 48, h = (2 * radius) / n;
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const x = cx - radius + (i + 0.5) * h, y = cy - radius + (j + 0.5) * h;
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
      s += gauss(x, a.mx, a.sigma) * gauss(y, a.my, a.sigma);
    }
    return src.share * s * h * h;
  });
}

/**
 * Probability that a muon of charge q crosses the plane z within `radius` of (cx, cy): the position
 * there is Gaussian per source (r + s·(z − z_ref) with s linear in r plus Gaussian noise), so the
 * probability is a 2-D Gaussian integrated over a disc, done numerically (the disc is small against
 * the spread: a 48 × 48 grid is exact to < 0.1 %).
 */
export function probabilityWithin(q: 1 | -1, z: number, cx: number, cy: number, radius: number, onlySource?: number): number {
  const probs = discProbabilities(q, z, cx, cy, radius);
  return onlySource === undefined ? probs.reduce((a, b) => a + b, 0) : probs[onlySource]!;
}

const discCache = new Map<string, number[]>();
/**
 * Draw a muon of charge q from the density conditioned on crossing plane z within `radius` of
 * (cx, cy) (with `onlySource`, from that source's density alone under the same condition), exactly: the source with its probability of doing so, the crossing point in the disc
 * from that source's Gaussian (accept–reject against the disc's maximum), then r given the
 * crossing point (a conditional Gaussian per axis), s = (X − r)/(z − z_ref), and the momentum.
 */
export function sampleHaloWithin(q: 1 | -1, z: number, cx: number, cy: number, radius: number, rng: Rng, onlySource?: number): HaloState {
  const key = `${q}:${z}:${cx}:${cy}:${radius}`;
  let probs = discCache.get(key);
  if (!probs) discCache.set(key, (probs = discProbabilities(q, z, cx, cy, radius)));
  let k = 0;
  if (onlySource !== undefined) k = onlySource;
  else {
    let u = rng.uniform() * probs.reduce((a, b) => a + b, 0);
    while (k < probs.length - 1 && (u -= probs[k]!) >= 0) k++;
  }
  const src = HALO_SOURCES[k]!, a = atPlane(src, q, z);
  const dens = (x: number, y: number) => gauss(x, a.mx, a.sigma) * gauss(y, a.my, a.sigma);
  // the density's maximum over the disc: at the point of the disc nearest the Gaussian's centre
  const dc = Math.hypot(a.mx - cx, a.my - cy), near = dc <= radius ? [a.mx, a.my] : [cx + ((a.mx - cx) * radius) / dc, cy + ((a.my - cy) * radius) / dc];
  const fmax = dens(near[0]!, near[1]!);
  let X: number, Y: number;
  for (;;) {
    const rr = radius * Math.sqrt(rng.uniform()), ph = 2 * Math.PI * rng.uniform();
    X = cx + rr * Math.cos(ph); Y = cy + rr * Math.sin(ph);
    if (rng.uniform() * fmax < dens(X, Y)) break;
  }
  const sr2 = src.refSigma ** 2, sx2 = a.sigma ** 2, kgain = (a.g * sr2) / sx2, sdev = Math.sqrt(sr2 - a.g * a.g * sr2 * sr2 / sx2);
  const x = rng.normal(0 + kgain * (X - (a.g * 0 + a.cx)), sdev);
  const y = rng.normal(q * src.refY + kgain * (Y - (a.g * q * src.refY + a.cy)), sdev);
  return { q, x, y, sx: (X - x) / a.D, sy: (Y - y) / a.D, p: samplePMomentum(src, rng) };
}

/**
 * For the biased pair generator: slopes of a muon of source k that passes through (X, Y) at z and,
 * extrapolated back, through that source's origin (spread σ_o) with its extra angular spread. The
 * natural density puts much of its weight there (the position–angle correlation), so a proposal
 * that follows it keeps the importance weights of pointing pairs small.
 */
export function pointingSlopeMean(k: number, q: 1 | -1, X: number, Y: number, z: number): { mx: number; my: number; sigma: number } {
  const src = HALO_SOURCES[k]!, d = z - src.zOrigin;
  return { mx: X / d, my: (Y - q * src.originY) / d, sigma: Math.hypot(src.originSigma / d, src.angleSigma) };
}
export const sourceMomentumDensity = (k: number, p: number): number => pDensity(HALO_SOURCES[k]!, p);
export const sampleSourceMomentum = (k: number, rng: Rng): number => samplePMomentum(HALO_SOURCES[k]!, rng);
