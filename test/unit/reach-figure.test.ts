import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../src-shared/reach/figure';
import { aprimeFigure, parseReachCsv } from '../../src-shared/reach/aprime-figure';

describe('reach figure', () => {
  it('marching squares put the contour where the grid crosses the level', () => {
    // N = m·ε on a 3×3 grid: the level 10 crosses between the grid values, on the line m·ε = 10
    const g = { masses: [1, 10, 100], epsilons: [0.01, 0.1, 1], values: [[0.01, 0.1, 1], [0.1, 1, 10], [1, 10, 100]] };
    const segs = contourSegments(g, 5);
    expect(segs.length).toBeGreaterThan(0);
    for (const s of segs) for (const [x, y] of [[s[0], s[1]], [s[2], s[3]]] as const) {
      // linear interpolation in value between corners: the points lie between the 1- and 10-lines
      expect(x + y).toBeGreaterThanOrEqual(0 - 1e-9);
      expect(x + y).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(contourSegments(g, 1e6)).toHaveLength(0);
  });

  it('reads the CLI CSV back and draws one path per contour, refusing a foreign CSV', () => {
    const rows = ['mass_MeV,epsilon,channel,n_exp,mc_err,selected_mc'];
    for (const m of [100, 300, 500]) for (const e of [1e-7, 1e-6, 1e-5]) for (const ch of ['mumu', 'ee']) rows.push(`${m},${e},${ch},${e === 1e-6 ? 10 : 0.1},0.1,100`);
    const g = parseReachCsv(rows.join('\n'));
    expect(g.masses).toEqual([100, 300, 500]);
    expect(g.epsilons).toEqual([1e-7, 1e-6, 1e-5]);
    const svg = aprimeFigure(g.masses, g.epsilons, g.channels, g.points, 0);
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/data-level=/g) ?? []).length).toBe(4); // sum, μμ 2.3, μμ 3.89, ee 2.3
    expect(svg).toMatch(/data-level="2.3"[^>]*\/>/);
    expect(svg).toContain('d="M'); // the contours are drawn
    expect(() => parseReachCsv('a,b\n1,2')).toThrow(/not a reach CSV/);
  });
});
