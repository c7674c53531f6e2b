/**
 * `na62 reach`: expected-signal reach of the dump searches on a grid, by reweighting one long-lifetime
 * generation per mass (src-engine/physics/reach.ts). Writes a CSV and a contour figure (SVG, and PNG
 * through headless Chromium when asked).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { writeFileAtomic } from '../src-node/fs/atomic-write';
import { alpLimits, aprimeReach, logSpace, type ReachChannel } from '../src-engine/physics/reach';
import { linesSvg } from '../src-shared/reach/figure';
import { aprimeFigure } from '../src-shared/reach/aprime-figure';
// @ts-expect-error plain ESM helpers shared with the scripts (no type declarations)
import { launchChromium } from '../scripts/browser.mjs';

export const HELP_REACH = `usage: na62 reach --model aprime|alp --mass A:B|M1,M2… [--epsilon A:B | --ctau A:B] --out FILE.csv [options]

Expected signal of the dump-mode searches after the dump-mumu and dump-ee selections (signal
region), from one generation per mass at a long lifetime reweighted analytically to every grid
point (the decay-length weight of each selected candidate from its truth); MC uncertainty per point.

  --model      aprime: N_exp on the (m, ε) grid, contours N_exp = 2.3 (0 events) and 3.89 (μμ: 1 event)
               alp: the 90 % CL upper limit on BR(B → K*a)·BR(a → ℓℓ) against cτ, for each mass
  --mass       A:B (log-spaced, --mass-points) or a list M1,M2,…, MeV
  --epsilon    A:B, log-spaced (--eps-points), default 1e-8:1e-3 (aprime)
  --ctau       A:B in mm, log-spaced (--ctau-points), default 1:1e7 (alp)
  --channels   mumu,ee (default both)
  --events N   generated events per mass and channel (default 20000)
  --seed N     (default 1)
  --out FILE   CSV of every grid point
  --figure F   the figure, SVG: contours in (m, ε) (aprime) or the limits against cτ (alp)
  --png F      the same figure as PNG (needs Chromium, as na62 render)`;

type Fail = (msg: string) => never;

const range = (spec: string, n: number, fail: Fail): number[] => {
  if (spec.includes(':')) {
    const [a, b] = spec.split(':').map(Number);
    if (!(a! > 0 && b! > a!)) fail(`bad range "${spec}" (use A:B with 0 < A < B)`);
    return logSpace(a!, b!, n);
  }
  const xs = spec.split(',').map(Number);
  if (!xs.every((x) => x > 0)) fail(`bad list "${spec}"`);
  return xs.sort((x, y) => x - y);
};

export async function reach(argv: string[], fail: Fail): Promise<void> {
  const { values } = parseArgs({
    args: argv, strict: true, options: {
      model: { type: 'string', default: 'aprime' }, mass: { type: 'string' }, epsilon: { type: 'string', default: '1e-8:1e-3' }, ctau: { type: 'string', default: '1:1e7' },
      'mass-points': { type: 'string', default: '16' }, 'eps-points': { type: 'string', default: '36' }, 'ctau-points': { type: 'string', default: '25' },
      channels: { type: 'string', default: 'mumu,ee' }, events: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' },
      out: { type: 'string' }, figure: { type: 'string' }, png: { type: 'string' }, help: { type: 'boolean', default: false },
    },
  });
  if (values.help) { console.log(HELP_REACH); return; }
  if (!values.mass || !values.out) fail(HELP_REACH);
  const channels = values.channels.split(',') as ReachChannel[];
  if (!channels.every((c) => c === 'mumu' || c === 'ee')) fail(`--channels: mumu and/or ee`);
  const opts = { events: Number(values.events), seed: Number(values.seed) };
  if (!(opts.events > 0)) fail('--events must be positive');
  const masses = range(values.mass, Number(values['mass-points']), fail);
  // a point just above the μμ threshold, so the μμ contour starts where the channel opens, not between grid points
  // (the threshold itself, where μμ is 0, and 1 % above it)
  const thr = 2 * 105.658;
  if (values.model === 'aprime' && channels.includes('mumu') && masses[0]! < thr && masses[masses.length - 1]! > 1.01 * thr) { masses.push(thr, 1.01 * thr); masses.sort((a, b) => a - b); }
  const t0 = Date.now();

  if (values.model === 'alp') {
    const ctaus = range(values.ctau, Number(values['ctau-points']), fail);
    const pts = alpLimits(masses, ctaus, channels, opts);
    const csv = ['mass_MeV,ctau_mm,channel,br_limit_90cl,mc_rel_err,selected_mc', ...pts.map((p) => `${p.massMeV},${p.ctauMm.toPrecision(5)},${p.channel},${p.brLimit.toPrecision(4)},${p.relErr.toPrecision(3)},${p.n}`)].join('\n') + '\n';
    await writeFileAtomic(values.out, new TextEncoder().encode(csv));
    for (const m of masses) for (const ch of channels) {
      const row = pts.filter((p) => p.massMeV === m && p.channel === ch);
      if (!row.length) { console.log(`m_a = ${m.toPrecision(4)} MeV, a → ${ch}: closed`); continue; }
      const best = row.reduce((a, b) => (b.brLimit < a.brLimit ? b : a));
      console.log(`m_a = ${m.toPrecision(4)} MeV, a → ${ch}: best limit BR < ${best.brLimit.toPrecision(3)} (±${(100 * best.relErr).toFixed(0)} % MC) at cτ = ${(best.ctauMm / 1000).toPrecision(3)} m`);
    }
    console.log(`wrote ${values.out} (${pts.length} points, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (values.figure || values.png) {
      const colors = ['#1f6fd1', '#d1411f', '#2a9d3a', '#8a3ab9', '#c98a00', '#111111'];
      const series = masses.flatMap((m, i) => channels.filter((ch) => pts.some((p) => p.massMeV === m && p.channel === ch)).map((ch) => ({
        label: `m_a = ${Math.round(m)} MeV, a → ${ch === 'mumu' ? 'μμ' : 'ee'}`, color: colors[i % colors.length]!, ...(ch === 'ee' ? { dash: '8 5' } : {}),
        points: pts.filter((p) => p.massMeV === m && p.channel === ch).map((p) => [p.ctauMm / 1000, p.brLimit] as const),
      })));
      const svg = linesSvg(series, {
        title: 'NA62 fast MC: 90 % CL limit on BR(B → K*a)·BR(a → ℓℓ), 1.4×10¹⁷ POT',
        subtitle: `SR of dump-mumu (1 event observed: 3.89) and dump-ee (0: 2.3), background neglected; ${opts.events} events per mass, reweighted in cτ`,
        xLabel: 'cτ_a [m]', yLabel: 'BR(B → K*a) × BR(a → ℓℓ), 90 % CL',
      });
      if (values.figure) { await writeFileAtomic(values.figure, new TextEncoder().encode(svg)); console.log(`wrote ${values.figure}`); }
      if (values.png) { await svgToPng(svg, values.png); console.log(`wrote ${values.png}`); }
    }
    return;
  }
  if (values.model !== 'aprime') fail(`--model: aprime or alp`);
  const eps = range(values.epsilon, Number(values['eps-points']), fail);
  const pts = aprimeReach(masses, eps, channels, opts);
  const csv = ['mass_MeV,epsilon,channel,n_exp,mc_err,selected_mc', ...pts.map((p) => `${p.massMeV.toPrecision(5)},${p.epsilon.toPrecision(4)},${p.channel},${p.nExp.toPrecision(4)},${p.err.toPrecision(3)},${p.n}`)].join('\n') + '\n';
  await writeFileAtomic(values.out, new TextEncoder().encode(csv));
  console.log(`wrote ${values.out} (${pts.length} points, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (values.figure || values.png) {
    const svg = aprimeFigure(masses, eps, channels, pts, opts.events);
    if (values.figure) { await writeFileAtomic(values.figure, new TextEncoder().encode(svg)); console.log(`wrote ${values.figure}`); }
    if (values.png) { await svgToPng(svg, values.png); console.log(`wrote ${values.png}`); }
  }
}

async function svgToPng(svg: string, file: string): Promise<void> {
  const browser = (await launchChromium()) as Browser;
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 640 }, deviceScaleFactor: 2 });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ type: 'png' });
    await writeFileAtomic(path.resolve(file), png);
  } finally { await browser.close(); }
}
