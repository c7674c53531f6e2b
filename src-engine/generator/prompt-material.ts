/**
 * Where and how often a halo muon makes an e⁺e⁻ pair at the entrance of the decay volume: the
 * material it crosses there, and the pair yield per radiation length. The prompt dump-ee background
 * (A§3.3 [S]: "e⁺e⁻ from halo-muon interactions in material upstream of or inside the FV") is
 *   N = N_μ · ⟨P_pair(muon) · A_sel⟩,   N_μ = HALO_MUONS_PER_POT · N_POT (halo-pairs.ts),
 * with P_pair from the material on the muon's own line, not a global constant.
 *
 * Material (straight lines; only what a muon can cross without firing a veto it must not fire):
 * - GTK3, 102.4 m: active 60.8 × 27.0 mm² at (0, 0) (G§6 [GTKPT]); 0.5 % X₀ per station (200 µm Si
 *   sensor + 100 µm chip + cooling) [R, NA62 detector paper JINST 12 (2017) P05025].
 * - CHANTI, six stations at 102.428–104.241 m (G§7 [BEATCH]): a 300 × 300 mm² square with a 95 × 65 mm²
 *   beam hole, two layers of triangular polystyrene bars (base 33, height 16.5 mm: 16.5 mm mean per
 *   layer) per station (G§7 [MC-CHANTI]) → 33 mm / X₀(polystyrene) 413 mm [R, PDG] = 0.080 X₀ each.
 *   A muon through the ring crosses ~ 0.48 X₀: it is this, not the 0.5 % of GTK3, that makes the pairs.
 * - ANTI0, 105.0 m [E, G§8]: scintillator tiles 165 < R < 960 mm [E], 10 mm thick [E] → 0.024 X₀. A muon
 *   there fires ANTI0 itself, so its pairs die at the ANTI0 veto (included so that the veto acts).
 * Left out on purpose: the Fe end-cap of the tank (105.1–105.6 m, R > 159 mm, G§3): a muon reaches it
 * through ANTI0 and is vetoed; the LAV rings and vessel wall: a muon that crosses lead glass fires the
 * LAV (its pairs die at the LAV veto). The final collimator COLL6/7 (100.3–101.3 m) and TRIM5: their
 * apertures are not in the reference sheet, so a photon radiated there and converting in CHANTI is not
 * counted (a possible source of the remaining deficit; README, physics).
 *
 * Yield per X₀ (thin targets, E_μ ≈ 50–100 GeV):
 * - direct pair production μZ → μZe⁺e⁻: b_pair(Fe) ≈ 1.5e-6 g⁻¹cm² [R, PDG muon energy-loss tables
 *   (Groom, Mokhov, Striganov, ADNDT 78 (2001) 183)], × X₀(Fe) 13.84 g/cm² [R] = 2.1e-5 of the muon
 *   energy per X₀ (pair production and bremsstrahlung scale ≈ with 1/X₀ across materials, Z(Z+1)/A
 *   [R]). The spectrum in the pair's energy fraction v is taken as v·dσ/dv = C/v above v₀ = 1e-3 [E]
 *   (it peaks at v ~ 10⁻³ at these energies and falls above), so b = C(1 + ln 1/v₀) and the pairs
 *   with v in [v_lo, v_hi] number C(1/v_lo − 1/v_hi) per X₀;
 * - bremsstrahlung photon then conversion: b_brems(Fe) ≈ 1.1e-6 g⁻¹cm² [R, same tables] → 1.5e-5 per X₀,
 *   photon spectrum dN/dv = (b/v)(4/3 − 4/3 v + v²) (complete screening [R, PDG "Bremsstrahlung"]),
 *   conversion probability 7/9 per X₀ [R, PDG]. In material of total depth T (X₀) the photons made at
 *   depth s convert in the T − s behind them: (7/9)·T²/2 per photon per X₀ of radiator.
 * Both are [E] to within a factor ~ 2 (the shape of the pair spectrum above v = 0.05 above all).
 */
import { M } from './constants';
import type { HaloState } from './halo-model';
import { Z_HALO_REF } from './halo-model';
import type { Rng } from './rng';

export interface Slab {
  readonly name: string;
  /** front face z, mm */
  readonly z: number;
  /** thickness along z, mm (the vertex is drawn in it) */
  readonly dz: number;
  /** thickness in radiation lengths */
  readonly x0: number;
  /** is the point (x, y) inside the material? */
  readonly inside: (x: number, y: number) => boolean;
}

const X0_POLYSTYRENE = 413; // mm [R, PDG]
const CHANTI_Z = [102_428, 102_486, 102_601, 102_831, 103_291, 104_211]; // G§7 [BEATCH]
const inChanti = (x: number, y: number) => Math.abs(x) < 150 && Math.abs(y) < 150 && (Math.abs(x) > 47.5 || Math.abs(y) > 32.5);

export const PROMPT_SLABS: readonly Slab[] = [
  { name: 'GTK3', z: 102_400, dz: 0.3, x0: 0.005, inside: (x, y) => Math.abs(x) < 30.4 && Math.abs(y) < 13.5 },
  ...CHANTI_Z.map((z, i): Slab => ({ name: `CHANTI${i + 1}`, z, dz: 30, x0: 33 / X0_POLYSTYRENE, inside: inChanti })),
  { name: 'ANTI0', z: 105_000, dz: 10, x0: 10 / X0_POLYSTYRENE, inside: (x, y) => { const r = Math.hypot(x, y); return r > 165 && r < 960; } },
];

/** the pairs the generator makes: energy fraction v of the muon's energy in [V_LO, V_HI] */
export const V_LO = 0.05, V_HI = 0.5;
/** b·X₀ per radiation length, pair production and bremsstrahlung (header) */
const B_PAIR_X0 = 1.5e-6 * 13.84, B_BREMS_X0 = 1.1e-6 * 13.84;
const V0 = 1e-3;
const C_PAIR = B_PAIR_X0 / (1 + Math.log(1 / V0));
/** brems photon shape φ(v) = 4/3 − 4/3 v + v² (its ∫ v·φ/v dv over [0, 1] is 1, so b = A) */
const phi = (v: number) => 4 / 3 - (4 / 3) * v + v * v;
const phiOverVIntegral = (a: number, b: number) => (4 / 3) * Math.log(b / a) - (4 / 3) * (b - a) + (b * b - a * a) / 2;
/** direct e⁺e⁻ pairs with v in [V_LO, V_HI] per X₀ */
export const PAIRS_PER_X0 = C_PAIR * (1 / V_LO - 1 / V_HI);
/** bremsstrahlung photons with v in [V_LO, V_HI] per X₀ */
export const PHOTONS_PER_X0 = B_BREMS_X0 * phiOverVIntegral(V_LO, V_HI);
const CONV_PER_X0 = 7 / 9;
/**
 * Muon pairs instead of electron pairs: the μμ trident is suppressed by ≈ (m_e/m_μ)² against ee at the
 * same v (the pair-production cross section scales as 1/m_pair-lepton² at fixed screening [R]) and
 * a photon converts to μμ (m_e/m_μ)² as often [R] [E: to a factor of a few].
 */
export const MUMU_SUPPRESSION = (M.e / M.mu) ** 2;

/** The slabs a muon's line crosses, with the running depth in X₀. */
export function slabsCrossed(h: HaloState): { slab: Slab; depth0: number }[] {
  const out: { slab: Slab; depth0: number }[] = [];
  let depth = 0;
  for (const s of PROMPT_SLABS) {
    const u = s.z - Z_HALO_REF;
    if (!s.inside(h.x + h.sx * u, h.y + h.sy * u)) continue;
    out.push({ slab: s, depth0: depth });
    depth += s.x0;
  }
  return out;
}

/** Expected pairs (v in [V_LO, V_HI]) a muon makes in the material on its line: direct and via a converted photon. */
export function pairYield(h: HaloState): { direct: number; converted: number; depth: number } {
  const c = slabsCrossed(h);
  const T = c.reduce((a, s) => a + s.slab.x0, 0);
  return { direct: T * PAIRS_PER_X0, converted: PHOTONS_PER_X0 * CONV_PER_X0 * (T * T) / 2, depth: T };
}

/**
 * Draw where the pair is made, given that the muon makes one: the process (direct pair or converted
 * photon), then the depth s in the material (uniform for a direct pair; density 2s/T² for the
 * conversion point of a photon made uniformly upstream of it), mapped to a slab and a z in it.
 * Naturally the process goes with its share of the yield Y_p/ΣY. With `hardBias` (the biased
 * generator, which draws v at the hard end for HARD_V_SHARE of the pairs, sampleV) the process is
 * drawn half the time with shares ∝ Y_p·P_p(v ≥ V_HARD), the natural rate of hard pairs by that process
 * (the photons' spectrum is harder: ~ 30 % of the hard pairs come from conversions against 13 % of all);
 * `weight` is the exact ratio of the natural share to the drawn one.
 */
export function sampleInteraction(h: HaloState, rng: Rng, hardBias = false): { z: number; slab: string; process: 'direct' | 'converted'; weight: number } | undefined {
  const c = slabsCrossed(h);
  if (c.length === 0) return undefined;
  const y = pairYield(h);
  const natDirect = y.direct / (y.direct + y.converted);
  let shareDirect = natDirect;
  if (hardBias) {
    const hd = y.direct * hardFraction('direct'), hc = y.converted * hardFraction('converted');
    shareDirect = 0.5 * natDirect + 0.5 * (hd / (hd + hc));
  }
  const process = rng.uniform() < shareDirect ? 'direct' : 'converted';
  const weight = process === 'direct' ? natDirect / shareDirect : (1 - natDirect) / (1 - shareDirect);
  const s = process === 'direct' ? rng.uniform() * y.depth : y.depth * Math.sqrt(rng.uniform());
  let k = c.findIndex((e) => s < e.depth0 + e.slab.x0);
  if (k < 0) k = c.length - 1;
  const e = c[k]!, f = Math.min(1, Math.max(0, (s - e.depth0) / e.slab.x0));
  return { z: e.slab.z + f * e.slab.dz, slab: e.slab.name, process, weight };
}

/**
 * The pair's (or photon's) energy fraction v: its natural density on [V_LO, V_HI] (∝ 1/v² for direct
 * pairs, ∝ φ(v)/v for bremsstrahlung photons) and a sampler. With `hardShare` > 0 (the biased
 * generator) that share of the draws comes from the same density restricted to [V_HARD, V_HI]: the
 * SR needs both leptons above 5 GeV/c, i.e. the hard end. q = (1 − s)·p + s·p·1[v ≥ V_HARD]/P_hard, so
 * the weight p/q takes two values only (exact).
 */
const V_HARD = 0.25;
const cdfDirect = (v: number) => (1 / V_LO - 1 / v) / (1 / V_LO - 1 / V_HI);
const cdfConverted = (v: number) => phiOverVIntegral(V_LO, v) / phiOverVIntegral(V_LO, V_HI);
/** natural probability of v ≥ V_HARD */
export const hardFraction = (process: 'direct' | 'converted'): number => 1 - (process === 'direct' ? cdfDirect(V_HARD) : cdfConverted(V_HARD));
export function vDensity(v: number, process: 'direct' | 'converted'): number {
  if (v < V_LO || v > V_HI) return 0;
  return process === 'direct' ? 1 / (v * v) / (1 / V_LO - 1 / V_HI) : phi(v) / v / phiOverVIntegral(V_LO, V_HI);
}
function drawV(process: 'direct' | 'converted', lo: number, rng: Rng): number {
  if (process === 'direct') return 1 / (1 / lo - rng.uniform() * (1 / lo - 1 / V_HI)); // inverse CDF of 1/v² on [lo, V_HI]
  for (;;) { // accept–reject under the 1/v envelope (φ ≤ 4/3)
    const v = lo * Math.exp(rng.uniform() * Math.log(V_HI / lo));
    if (rng.uniform() * (4 / 3) < phi(v)) return v;
  }
}
export function sampleV(process: 'direct' | 'converted', hardShare: number, rng: Rng): { v: number; weight: number } {
  const v = drawV(process, rng.uniform() < hardShare ? V_HARD : V_LO, rng);
  const p = vDensity(v, process);
  const q = (1 - hardShare) * p + (v >= V_HARD ? (hardShare * p) / hardFraction(process) : 0);
  return { v, weight: p / q };
}
