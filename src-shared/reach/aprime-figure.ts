/**
 * The A′ reach figure from the grid points of a reach scan (the CLI's `na62 reach` and the Analysis
 * panel draw the same picture): N_exp = 2.3 per channel and summed, N_exp = 3.89 for μμ (one event
 * observed, A§2.5 [S]), and the published regions as the reference states them (A§2.5, A§3.4).
 */
import { reachSvg, type ReachGrid } from './figure';

export type ReachChannel = 'mumu' | 'ee';
export interface ReachPoint { readonly massMeV: number; readonly epsilon: number; readonly channel: ReachChannel; readonly nExp: number }
/** 90 % CL Poisson upper limits on the signal for 0 and 1 observed events, background neglected */
export const UL90 = { 0: 2.3, 1: 3.89 } as const;

/** The (m, ε) figure: N_exp = 2.3 for μμ, ee and their sum, N_exp = 3.89 (one observed event) for μμ, and the published regions. */
export function aprimeFigure(masses: readonly number[], eps: readonly number[], channels: readonly ReachChannel[], pts: readonly ReachPoint[], events: number): string {
  const grid = (pick: (ch: ReachChannel) => boolean): ReachGrid => ({
    masses, epsilons: eps,
    values: masses.map((m) => eps.map((e) => pts.filter((p) => p.massMeV === m && p.epsilon === e && pick(p.channel)).reduce((a, p) => a + p.nExp, 0))),
  });
  const mumu = grid((c) => c === 'mumu'), ee = grid((c) => c === 'ee');
  // the sum first, wide and light, so the channels' own lines stay visible on top of it
  const contours = [
    ...(channels.length > 1 ? [{ grid: grid(() => true), level: UL90[0], label: 'μμ + ee: N_exp = 2.3', color: '#9a9a9a', width: 8 }] : []),
    ...(channels.includes('mumu') ? [{ grid: mumu, level: UL90[0], label: 'μμ: N_exp = 2.3', color: '#1f6fd1' }, { grid: mumu, level: UL90[1], label: 'μμ: N_exp = 3.89 (1 event observed)', color: '#1f6fd1', dash: '8 5' }] : []),
    ...(channels.includes('ee') ? [{ grid: ee, level: UL90[0], label: 'ee: N_exp = 2.3', color: '#d1411f' }] : []),
  ];
  const boxes = [
    { m0: 215, m1: 550, e0: eps[0]!, e1: eps[eps.length - 1]!, label: 'μμ published: new exclusion 215–550 MeV (A§2.5)', color: '#1f6fd1' },
    { m0: 50, m1: 600, e0: 1e-6, e1: 4e-5, label: 'ee+μμ published: 50–600 MeV, ε 1e-6–4e-5 (A§3.4)', color: '#777777' },
  ].filter((b) => b.m1 > masses[0]! && b.m0 < masses[masses.length - 1]!);
  return reachSvg(grid(() => true), contours, boxes, {
    title: 'NA62 fast MC: expected A′ signal in the beam-dump SR, 1.4×10¹⁷ POT',
    subtitle: `dump-mumu / dump-ee SR${events ? `, ${events} events per mass and channel` : ''}, reweighted in ε; published: stated ranges (boxes), not contours`,
    width: 1200, height: 640,
  });
}


/** Parse the CSV that `na62 reach --model aprime` writes; the grid axes are the distinct masses and couplings. */
export function parseReachCsv(text: string): { masses: number[]; epsilons: number[]; channels: ReachChannel[]; points: ReachPoint[]; events: number } {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0]?.split(',') ?? [];
  const col = (name: string) => { const i = head.indexOf(name); if (i < 0) throw new Error(`not a reach CSV: no column "${name}"`); return i; };
  const im = col('mass_MeV'), ie = col('epsilon'), ic = col('channel'), inx = col('n_exp');
  const points: ReachPoint[] = lines.slice(1).filter(Boolean).map((l, k) => {
    const f = l.split(',');
    const p = { massMeV: Number(f[im]), epsilon: Number(f[ie]), channel: f[ic] as ReachChannel, nExp: Number(f[inx]) };
    if (!(p.massMeV > 0 && p.epsilon > 0 && Number.isFinite(p.nExp)) || (p.channel !== 'mumu' && p.channel !== 'ee')) throw new Error(`reach CSV line ${k + 2}: bad values`);
    return p;
  });
  const uniq = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return { masses: uniq(points.map((p) => p.massMeV)), epsilons: uniq(points.map((p) => p.epsilon)), channels: [...new Set(points.map((p) => p.channel))], points, events: 0 };
}
