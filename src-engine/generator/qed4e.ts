/**
 * The exact lowest-order QED current of a virtual photon into four leptons, γ*(q) → e⁺(p1) e⁻(p2)
 * e⁺(p3) e⁻(p4), contracted with the K⁺ → π⁺γ* hadronic vector H = P_K + p_π, summed over the
 * lepton helicities with explicit Dirac spinors (chiral representation, Peskin–Schroeder §3.3).
 *
 * The current J^ν (order e³; the common couplings are left out, they cancel in every ratio used):
 * γ*(ν) attaches to one fermion line (e⁻_a, e⁺_b); the internal photon k = p_c + p_d is radiated off
 * its electron or its positron and converts into the other pair (e⁻_c, e⁺_d):
 *
 *   D(a,b;c,d) = ū_a [ J̸_cd S(p_a + k) γ^ν + γ^ν S(−p_b − k) J̸_cd ] v_b / k²,
 *   J_cd^ρ = ū_c γ^ρ v_d,   S(p) = (p̸ + m)/(p² − m²).
 *
 * Each pairing of the electrons with the positrons gives two lines × two attachments; exchanging the
 * two identical electrons (or positrons) changes the pairing and costs a relative minus sign (Fermi
 * statistics), so the 8 diagrams are
 *
 *   J = D(2,1;4,3) + D(4,3;2,1) − D(2,3;4,1) − D(4,1;2,3),
 *
 * the same set as γ* → 4ℓ in e⁺e⁻ → 4ℓ (e.g. Berends, Daverveldt, Kleiss, NPB 253 (1985) 421, the
 * "conversion" diagrams [R: diagram set standard, the paper not re-read]); Husek, PRD 106 (2022)
 * L071301 uses this one-photon-exchange topology with the K⁺ → π⁺γ* form factor (abstract).
 * The amplitude is M = W(q²)·H_ν J^ν: the q² of the gauge-invariant K⁺ → π⁺γ* vertex
 * [q²(P + p)^ν − (m_K² − m_π²)q^ν] cancels the γ* propagator and the q^ν term drops because J is
 * conserved (q·J = 0, tested).
 */

export const ME_MASS = 0.51099895; // m_e, MeV (PDG [R])

/** A four-vector (E, px, py, pz). */
export type V4 = readonly [number, number, number, number];
/** A Dirac spinor: 4 complex components as [re0, im0, re1, im1, re2, im2, re3, im3]; 0–1 left-handed, 2–3 right-handed. */
type Spinor = Float64Array;
/** A complex four-vector [re0, im0, …, re3, im3] (contravariant). */
type CV4 = Float64Array;

const dot = (a: V4, b: V4) => a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];

/** Helicity two-spinor ξ_h along the direction of p (h = ±1), as [re0, im0, re1, im1]. */
function xi(p: V4, h: number): [number, number, number, number] {
  const pm = Math.hypot(p[1], p[2], p[3]);
  const ct = pm > 0 ? p[3] / pm : 1;
  const c = Math.sqrt(Math.max(0, (1 + ct) / 2)), s = Math.sqrt(Math.max(0, (1 - ct) / 2));
  const ph = Math.atan2(p[2], p[1]), cp = Math.cos(ph), sp = Math.sin(ph);
  return h > 0 ? [c, 0, s * cp, s * sp] : [-s * cp, s * sp, c, 0];
}

/**
 * u(p, h) = (√(E − h|p|) ξ_h, √(E + h|p|) ξ_h) and v(p, h) = (√(E − h|p|) ξ_h, −√(E + h|p|) ξ_h):
 * Σ_h u ū = p̸ + m and Σ_h v v̄ = p̸ − m (tested). E − |p| is taken as m²/(E + |p|) against cancellation.
 */
export function spinor(p: V4, h: number, m: number, antiparticle: boolean): Spinor {
  const pm = Math.hypot(p[1], p[2], p[3]);
  const big = p[0] + pm, small = (m * m) / big;
  const a = Math.sqrt(h > 0 ? small : big), b = Math.sqrt(h > 0 ? big : small) * (antiparticle ? -1 : 1);
  const x = xi(p, h);
  return Float64Array.of(a * x[0], a * x[1], a * x[2], a * x[3], b * x[0], b * x[1], b * x[2], b * x[3]);
}

/** out = a̸ ψ for a complex contravariant a: upper = (a⁰ − a·σ)ψ_R, lower = (a⁰ + a·σ)ψ_L. */
function slash(a: CV4, psi: Spinor, out: Spinor): Spinor {
  const a0r = a[0]!, a0i = a[1]!, a1r = a[2]!, a1i = a[3]!, a2r = a[4]!, a2i = a[5]!, a3r = a[6]!, a3i = a[7]!;
  const l0r = psi[0]!, l0i = psi[1]!, l1r = psi[2]!, l1i = psi[3]!, r0r = psi[4]!, r0i = psi[5]!, r1r = psi[6]!, r1i = psi[7]!;
  // a·σ = [[a3, a1 − i a2], [a1 + i a2, −a3]]
  const mr = a1r + a2i, mi = a1i - a2r; // a1 − i a2
  const pr = a1r - a2i, pi = a1i + a2r; // a1 + i a2
  // upper = [[a0 − a3, −(a1 − i a2)], [−(a1 + i a2), a0 + a3]] · ψ_R
  const u00r = a0r - a3r, u00i = a0i - a3i, u11r = a0r + a3r, u11i = a0i + a3i;
  out[0] = u00r * r0r - u00i * r0i - (mr * r1r - mi * r1i);
  out[1] = u00r * r0i + u00i * r0r - (mr * r1i + mi * r1r);
  out[2] = -(pr * r0r - pi * r0i) + u11r * r1r - u11i * r1i;
  out[3] = -(pr * r0i + pi * r0r) + u11r * r1i + u11i * r1r;
  // lower = [[a0 + a3, a1 − i a2], [a1 + i a2, a0 − a3]] · ψ_L
  out[4] = u11r * l0r - u11i * l0i + (mr * l1r - mi * l1i);
  out[5] = u11r * l0i + u11i * l0r + (mr * l1i + mi * l1r);
  out[6] = pr * l0r - pi * l0i + u00r * l1r - u00i * l1i;
  out[7] = pr * l0i + pi * l0r + u00r * l1i + u00i * l1r;
  return out;
}

/** ū χ = u_L†χ_R + u_R†χ_L (ū = u†γ⁰), as [re, im]. */
function bar(u: Spinor, chi: Spinor): [number, number] {
  let re = 0, im = 0;
  for (let i = 0; i < 2; i++) {
    const ur = u[2 * i]!, ui = u[2 * i + 1]!, cr = chi[4 + 2 * i]!, ci = chi[5 + 2 * i]!;
    re += ur * cr + ui * ci; im += ur * ci - ui * cr;
    const wr = u[4 + 2 * i]!, wi = u[5 + 2 * i]!, dr = chi[2 * i]!, di = chi[2 * i + 1]!;
    re += wr * dr + wi * di; im += wr * di - wi * dr;
  }
  return [re, im];
}

const GAMMA_BASIS: CV4[] = [0, 1, 2, 3].map((mu) => { const a = new Float64Array(8); a[2 * mu] = mu === 0 ? 1 : -1; return a; });
/** J^μ = ū γ^μ v (contravariant): a̸ with a = e_μ lowered gives γ^μ up to the metric sign handled in GAMMA_BASIS. */
const CT = new Float64Array(8);
export function current(u: Spinor, v: Spinor, out: CV4 = new Float64Array(8)): CV4 {
  const t = CT;
  for (let mu = 0; mu < 4; mu++) {
    // slash(a) = a^0 γ^0 − a^i γ^i, so the contravariant basis vector with a^i = −1 gives +γ^i
    const [re, im] = bar(u, slash(GAMMA_BASIS[mu]!, v, t));
    out[2 * mu] = re; out[2 * mu + 1] = im;
  }
  return out;
}

const realCV = (p: V4): CV4 => Float64Array.of(p[0], 0, p[1], 0, p[2], 0, p[3], 0);
const plus = (a: V4, b: V4): V4 => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
const neg = (a: V4): V4 => [-a[0], -a[1], -a[2], -a[3]];

/** out = (p̸ + m)ψ / den */
function prop(p: V4, m: number, den: number, psi: Spinor, out: Spinor): Spinor {
  slash(realCV(p), psi, out);
  for (let i = 0; i < 8; i++) out[i] = (out[i]! + m * psi[i]!) / den;
  return out;
}

/**
 * One line of the current contracted with the external vector e (complex):
 * ū_a [ J̸ S(p_a + k) e̸ + e̸ S(−p_b − k) J̸ ] v_b / k², with J = ū_c γ v_d (complex) and k = p_c + p_d.
 */
function line(ua: Spinor, vb: Spinor, pa: V4, pb: V4, k: V4, J: CV4, e: CV4, m: number): [number, number] {
  const t1 = new Float64Array(8), t2 = new Float64Array(8), t3 = new Float64Array(8);
  const k2 = dot(k, k);
  const pak = plus(pa, k), pbk = plus(pb, k);
  // electron emits: ū_a J̸ (p̸_a + k̸ + m) e̸ v_b / ((p_a + k)² − m²)
  slash(e, vb, t1); prop(pak, m, dot(pak, pak) - m * m, t1, t2); slash(J, t2, t3);
  const [r1, i1] = bar(ua, t3);
  // positron emits: ū_a e̸ (−p̸_b − k̸ + m) J̸ v_b / ((p_b + k)² − m²)
  slash(J, vb, t1); prop(neg(pbk), m, dot(pbk, pbk) - m * m, t1, t2); slash(e, t2, t3);
  const [r2, i2] = bar(ua, t3);
  return [(r1 + r2) / k2, (i1 + i2) / k2];
}

/** Momenta of the four leptons: e⁺(p1), e⁻(p2), e⁺(p3), e⁻(p4). */
export interface FourLeptons { readonly p1: V4; readonly p2: V4; readonly p3: V4; readonly p4: V4 }

/**
 * The amplitude e·J for fixed helicities h = [h1, h2, h3, h4] (±1), e a complex vector (H for the
 * decay; q to test current conservation). `exchange`: +1 physical (Fermi minus sign), −1 flips the
 * sign of the exchange diagrams (a wrong amplitude, for the tests), 0 drops them.
 */
export function amplitude4e(l: FourLeptons, h: readonly number[], e: CV4, m = ME_MASS, exchange = 1): [number, number] {
  const v1 = spinor(l.p1, h[0]!, m, true), u2 = spinor(l.p2, h[1]!, m, false), v3 = spinor(l.p3, h[2]!, m, true), u4 = spinor(l.p4, h[3]!, m, false);
  const J43 = current(u4, v3), J21 = current(u2, v1), J41 = current(u4, v1), J23 = current(u2, v3);
  const k43 = plus(l.p4, l.p3), k21 = plus(l.p2, l.p1), k41 = plus(l.p4, l.p1), k23 = plus(l.p2, l.p3);
  const d1 = line(u2, v1, l.p2, l.p1, k43, J43, e, m), d2 = line(u4, v3, l.p4, l.p3, k21, J21, e, m);
  let re = d1[0] + d2[0], im = d1[1] + d2[1];
  if (exchange !== 0) {
    const d3 = line(u2, v3, l.p2, l.p3, k41, J41, e, m), d4 = line(u4, v1, l.p4, l.p1, k23, J23, e, m);
    re -= exchange * (d3[0] + d4[0]); im -= exchange * (d3[1] + d4[1]);
  }
  return [re, im];
}


/**
 * Σ_helicities |H·J|² for a real vector H (MeV units; couplings and |W|² left out). The same sum as
 * amplitude4e over the 16 helicity sets (tested), with the spinors, the conversion currents and the
 * parts of each line that do not depend on the other pair computed once: ×3 faster.
 */
export function me4eSquared(l: FourLeptons, H: V4, m = ME_MASS, exchange = 1): number {
  const e = realCV(H);
  const P = [l.p1, l.p2, l.p3, l.p4];
  // spinors[i][hbit]: v for the positrons (0, 2), u for the electrons (1, 3); hbit 1 = helicity +
  const sp = P.map((p, i) => [spinor(p, -1, m, i % 2 === 0), spinor(p, 1, m, i % 2 === 0)]);
  const amp = new Float64Array(32);
  const t1 = S1, t2 = S2, t3 = S3, t4 = S4;
  // the four lines (a: e⁻, b: e⁺; c: e⁻, d: e⁺) with their signs
  const lines: [number, number, number, number, number][] = [[1, 0, 3, 2, 1], [3, 2, 1, 0, 1]];
  if (exchange !== 0) lines.push([1, 2, 3, 0, -exchange], [3, 0, 1, 2, -exchange]);
  for (const [a, b, c, d, sign] of lines) {
    const pa = P[a]!, pb = P[b]!, k = plus(P[c]!, P[d]!), k2 = dot(k, k);
    const pak = plus(pa, k), pbk = plus(pb, k), mpbk = neg(pbk);
    const da = dot(pak, pak) - m * m, db = dot(pbk, pbk) - m * m;
    // A1[hb] = S(p_a + k) e̸ v_b
    const A1 = [0, 1].map((hb) => prop(pak, m, da, slash(e, sp[b]![hb]!, t1), new Float64Array(8)));
    for (let hc = 0; hc < 2; hc++) for (let hd = 0; hd < 2; hd++) {
      const J = current(sp[c]![hc]!, sp[d]![hd]!, JS);
      for (let hb = 0; hb < 2; hb++) {
        // J̸ A1 + e̸ S(−p_b − k) J̸ v_b
        slash(J, A1[hb]!, t4);
        slash(e, prop(mpbk, m, db, slash(J, sp[b]![hb]!, t1), t2), t3);
        for (let i = 0; i < 8; i++) t4[i] = t4[i]! + t3[i]!;
        for (let ha = 0; ha < 2; ha++) {
          const [re, im] = bar(sp[a]![ha]!, t4);
          const idx = (ha << a) | (hb << b) | (hc << c) | (hd << d);
          amp[2 * idx] = amp[2 * idx]! + (sign * re) / k2; amp[2 * idx + 1] = amp[2 * idx + 1]! + (sign * im) / k2;
        }
      }
    }
  }
  let s = 0;
  for (let i = 0; i < 32; i++) s += amp[i]! * amp[i]!;
  return s;
}
const S1 = new Float64Array(8), S2 = new Float64Array(8), S3 = new Float64Array(8), S4 = new Float64Array(8), JS = new Float64Array(8);

/** Σ_helicities |H·ū(p_e⁻)γv(p_e⁺)|² = 4[2(p₋·H)(p₊·H) − H²(p₋·p₊ + m²)], the K → πee lepton tensor (for tests and the BR ratio). */
export function me2eSquared(pPlus: V4, pMinus: V4, H: V4, m = ME_MASS): number {
  return 4 * (2 * dot(pMinus, H) * dot(pPlus, H) - dot(H, H) * (dot(pMinus, pPlus) + m * m));
}

export const v4dot = dot;
