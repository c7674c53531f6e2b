/**
 * The kaon part of the physics report (Analysis C, K⁺ → π⁺e⁺e⁻e⁺e⁻): acceptances of the kaon-pi4e
 * selection against the published-implied values (A§4.3 [D]: A = 2.3/(N_K·UL)), the one-photon SM
 * rate of the generator against Husek's, and a figure of what the selection keeps of the SM spectrum.
 * Run alone: `npx tsx bench/physics-report.ts --only kaon [--scale 0.5] [--figure out.svg]`.
 */
import { writeFileSync } from 'node:fs';
import { measure, type WeightedCount } from '../src-engine/physics/measure';
import { kpiEeIntegral, ratioTo2e, sampleKpi4ePoint } from '../src-engine/generator/kpi4e-nonres';
import { Rng } from '../src-engine/generator/rng';

type RowFn = (what: string, c: WeightedCount | [number, number], pub: number, pubErr: number, note: string) => void;
type L4 = { px: number; py: number; pz: number; e: number };

const m2 = (...ps: L4[]) => { let e = 0, x = 0, y = 0, z = 0; for (const p of ps) { e += p.e; x += p.px; y += p.py; z += p.pz; } return e * e - x * x - y * y - z * z; };
/** m(4e) and the lightest of the four e⁺e⁻ pairings, from [e⁺, e⁻, e⁺, e⁻] */
function masses(l: readonly L4[]): { m4e: number; mLight: number } {
  const [a, b, c, d] = l as [L4, L4, L4, L4];
  const s = Math.min(m2(a, b), m2(c, d), m2(a, d), m2(c, b));
  return { m4e: Math.sqrt(Math.max(0, m2(a, b, c, d))), mLight: Math.sqrt(Math.max(0, s)) };
}

export async function kaonPart(N: (n: number) => number, row: RowFn, figure?: string): Promise<void> {
  const acceptance = (process: 'kpi-aa' | 'kpi4e-nonres' | 'k2pi-dd', hypothesis: string, n: number, seed: number) => {
    const m = measure({ mode: 'kaon', mix: { [process]: 1 }, numEvents: n, seed, truth: process === 'kpi4e-nonres' }, { preset: 'kaon-pi4e', params: { hypothesis } }, { keepEvents: process === 'kpi4e-nonres' });
    const sr = m.events.filter((e) => e.region === 'SR');
    const k = m.regions['SR']!.n;
    return { a: k / n, e: Math.sqrt(k) / n, k, n, selected: sr };
  };
  const aa = acceptance('kpi-aa', 'aa', N(200_000), 104);
  row('K+ → π+aa acceptance, m_a = 17 MeV (%)', [100 * aa.a, 100 * aa.e], 0.13, 0, `A§4.3 [D] from UL 2.1e-9 at 0 events; ${aa.k} of ${aa.n} selected`);
  const nr = acceptance('kpi4e-nonres', 'nonres', N(200_000), 105);
  row('non-resonant K+ → π+4e acceptance (%)', [100 * nr.a, 100 * nr.e], 0.019, 0, `A§4.3 [D] from UL 1.4e-8; ${nr.k} of ${nr.n} selected (SM one-photon exchange, exact 4e current)`);
  const dd = acceptance('k2pi-dd', 'none', N(200_000), 106);
  row('K2πDD acceptance (%) [no published value]', [100 * dd.a, 100 * dd.e], NaN, 0, `${dd.k} of ${dd.n} selected; normalisation channel`);

  // the generator's one-photon SM rate: BR(K → π4e)/BR(K → πee) from the same |W|², times
  // BR(K⁺ → π⁺e⁺e⁻) = (3.00 ± 0.09)·10⁻⁷ [R: PDG], against Husek's (7.2 ± 0.7)·10⁻¹¹ (A§4.3 [A-4e])
  const rng = new Rng(107, 0), n4 = N(100_000);
  const spectrum: { m4e: number; mLight: number; w: number }[] = [];
  let s = 0, s2 = 0;
  for (let i = 0; i < n4; i++) {
    const p = sampleKpi4ePoint(rng);
    s += p.weight; s2 += p.weight * p.weight;
    spectrum.push({ ...masses(p.leptons), w: p.weight });
  }
  const mean = s / n4, err = Math.sqrt(Math.max(0, s2 / n4 - mean * mean) / n4);
  const i2 = kpiEeIntegral(new Rng(108, 0), N(50_000));
  const br = 3.0e-7 * ratioTo2e(mean, i2), brErr = br * Math.hypot(err / mean, 0.03);
  row('SM BR(K+ → π+4e), one-photon exchange (×10⁻¹¹)', [br * 1e11, brErr * 1e11], 7.2, 0.7, 'Husek PRD 106 (2022) L071301 (A§4.3 [A-4e], incl. the two-photon part) ; this MC: exact γ*→4e current × BR(K→πee) 3.0e-7 [R]');

  if (figure) {
    const sel = nr.selected.map((e) => masses(e.event.truth!.filter((t) => Math.abs(t.pdg) === 11)));
    const svg = acceptanceSvg(spectrum, sel, { aa, nr, dd });
    writeFileSync(figure, svg);
    console.error(`  … wrote ${figure}`);
  }
}

type Acc = { a: number; e: number; k: number; n: number };

/** Two spectra (generated, weighted; selected, unweighted) normalised to unit area, and the acceptances against the published ones. */
function acceptanceSvg(gen: { m4e: number; mLight: number; w: number }[], sel: { m4e: number; mLight: number }[], acc: { aa: Acc; nr: Acc; dd: Acc }): string {
  const W = 1500, H = 560, out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="30" y="34" font-size="21" font-weight="bold">Non-resonant K⁺ → π⁺e⁺e⁻e⁺e⁻ (SM one-photon exchange, exact γ* → 4e current): what the kaon-pi4e selection keeps</text>`);
  out.push(`<text x="30" y="58" font-size="14" fill="#444">Fast MC, truth masses. Grey: generated (${gen.length.toLocaleString('en')} weighted points); red: selected in the SR (${sel.length} events). Each normalised to unit area.</text>`);
  const panel = (x0: number, title: string, xl: string, lo: number, hi: number, log: boolean, key: 'm4e' | 'mLight') => {
    const w = 440, h = 360, y0 = 110, nb = 40;
    const t = (v: number) => (log ? Math.log10(v) : v);
    const bin = (v: number) => Math.floor(((t(v) - t(lo)) / (t(hi) - t(lo))) * nb);
    const hg = new Float64Array(nb), hs = new Float64Array(nb);
    let sg = 0, ss = 0;
    for (const g of gen) { const b = bin(g[key]); if (b >= 0 && b < nb) { hg[b]! += g.w; sg += g.w; } }
    for (const g of sel) { const b = bin(g[key]); if (b >= 0 && b < nb) { hs[b]! += 1; ss += 1; } }
    for (let i = 0; i < nb; i++) { hg[i]! /= sg || 1; hs[i]! /= ss || 1; }
    const ymax = 1.1 * Math.max(...hg, ...hs);
    const X = (i: number) => x0 + (i / nb) * w, Y = (v: number) => y0 + h - (v / ymax) * h;
    out.push(`<text x="${x0}" y="${y0 - 14}" font-size="16" font-weight="bold">${title}</text>`);
    out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#333"/>`);
    for (let i = 0; i < nb; i++) out.push(`<rect x="${X(i)}" y="${Y(hg[i]!)}" width="${w / nb}" height="${y0 + h - Y(hg[i]!)}" fill="#bbb"/>`);
    let d = `M${X(0)},${Y(0)}`;
    for (let i = 0; i < nb; i++) d += ` L${X(i)},${Y(hs[i]!)} L${X(i + 1)},${Y(hs[i]!)}`;
    out.push(`<path d="${d}" fill="none" stroke="#c00" stroke-width="2.5"/>`);
    const ticks = log ? [1, 2, 5, 10, 20, 50, 100, 200].filter((v) => v >= lo && v <= hi) : [0, 50, 100, 150, 200, 250, 300, 350].filter((v) => v >= lo && v <= hi);
    for (const v of ticks) {
      const x = x0 + ((t(v) - t(lo)) / (t(hi) - t(lo))) * w;
      out.push(`<line x1="${x}" y1="${y0 + h}" x2="${x}" y2="${y0 + h + 6}" stroke="#333"/><text x="${x}" y="${y0 + h + 22}" font-size="13" text-anchor="middle">${v}</text>`);
    }
    out.push(`<text x="${x0 + w / 2}" y="${y0 + h + 46}" font-size="14" text-anchor="middle">${xl}</text>`);
    out.push(`<text x="${x0 - 10}" y="${y0 + h / 2}" font-size="14" text-anchor="middle" transform="rotate(-90 ${x0 - 10} ${y0 + h / 2})">fraction per bin</text>`);
  };
  panel(50, 'm(4e)', 'm(e⁺e⁻e⁺e⁻) [MeV/c²] (the 120–150 MeV/c² veto is the selection’s)', 0, 360, false, 'm4e');
  panel(560, 'lightest e⁺e⁻ pairing', 'm(e⁺e⁻), lightest of four pairings [MeV/c²], log scale', 1, 300, true, 'mLight');
  // acceptances: MC against the published-implied value
  const x0 = 1080, y0 = 110;
  out.push(`<text x="${x0}" y="${y0 - 14}" font-size="16" font-weight="bold">Acceptance in the SR (%)</text>`);
  const lines: [string, Acc, number | undefined][] = [['K⁺→π⁺aa, m_a = 17 MeV', acc.aa, 0.13], ['non-resonant π⁺4e (SM)', acc.nr, 0.019], ['K2πDD (normalisation)', acc.dd, undefined]];
  lines.forEach(([name, a, pub], i) => {
    const y = y0 + 30 + i * 84;
    out.push(`<text x="${x0}" y="${y}" font-size="15" font-weight="bold">${name}</text>`);
    out.push(`<text x="${x0}" y="${y + 22}" font-size="14">MC ${(100 * a.a).toPrecision(3)} ± ${(100 * a.e).toPrecision(2)} (${a.k} of ${a.n.toLocaleString('en')})</text>`);
    if (pub !== undefined) {
      const r = (100 * a.a) / pub, re = (100 * a.e) / pub;
      const ok = r < 1.5 && r > 1 / 1.5;
      out.push(`<text x="${x0}" y="${y + 42}" font-size="14">published-implied ≈ ${pub} → MC/pub = <tspan fill="${ok ? '#070' : '#c00'}" font-weight="bold">${r.toFixed(2)} ± ${re.toFixed(2)}</tspan></text>`);
    } else out.push(`<text x="${x0}" y="${y + 42}" font-size="14" fill="#444">no published value</text>`);
  });
  out.push(`<text x="${x0}" y="${y0 + 300}" font-size="12" fill="#444">published-implied: A = 2.3/(N_K·UL), N_K = 8.58·10¹¹,</text>`);
  out.push(`<text x="${x0}" y="${y0 + 318}" font-size="12" fill="#444">0 observed (na62-analyses.md §4.3 [D]); target ×1.5</text>`);
  out.push('</svg>');
  return out.join('\n');
}
