/**
 * The analysis plots beside the display, in the browser build: blind regions stay empty, a click
 * on a point or bin opens that event, the event on show is marked in every plot, a brush filters
 * the candidate list, and plots export as SVG (with their data) and PNG of the asked width.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { SHOTS, pageShot, reblind, unblindTo, withDemoPage } from './support';

const t = withDemoPage({ width: 1600, height: 1000 });
const hud = () => t.page.getByTestId('event-summary').locator('.hud-line').textContent();

/** Centres (page px) and titles of the event dots of a plot. */
const dots = (plot: string) => t.page.evaluate((id) => {
  const host = document.querySelector(`[data-testid="plot-${id}"]`)!;
  return Array.from(host.querySelectorAll('circle')).filter((c) => c.querySelector('title') && !c.classList.contains('current-marker')).map((c) => {
    const r = c.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    // clickable: inside the frame (the brush overlay covers it); points outside the axis domain are clipped away
    const f = host.querySelector('rect.overlay')?.getBoundingClientRect();
    return { x, y, title: c.querySelector('title')!.textContent!, clickable: !!f && x > f.left && x < f.right && y > f.top && y < f.bottom };
  });
}, plot);

async function runDumpMumu() {
  await t.page.getByTestId('run-selection').click();
  await t.page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
  await t.page.getByTestId('plot-tax').locator('svg').waitFor();
}

async function download(click: () => Promise<unknown>): Promise<{ name: string; file: string }> {
  const [d] = await Promise.all([t.page.waitForEvent('download'), click()]);
  const file = path.join(SHOTS, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file };
}


describe('analysis views', () => {
  it('shows no event in the masked SR and CR while blind, and greys them', async () => {
    await runDumpMumu();
    expect(await t.page.getByTestId('analysis-blind').textContent()).toMatch(/BLIND/);
    const inside = await t.page.evaluate(() => {
      const host = document.querySelector('[data-testid="plot-tax"]')!;
      // Plot puts a mark's constant attributes on its group
      const dashed = host.querySelector('[stroke-dasharray="5,3"]')!;
      const cr = dashed.tagName === 'rect' ? dashed : dashed.querySelector('rect')!;
      const b = cr.getBoundingClientRect();
      const pts = Array.from(host.querySelectorAll('circle')).filter((c) => c.querySelector('title'));
      return {
        fill: cr.getAttribute('fill'), n: pts.length,
        inside: pts.filter((c) => { const r = c.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2; return x > b.left && x < b.right && y > b.top && y < b.bottom; }).length,
      };
    });
    expect(inside.fill).not.toBe('none');
    expect(inside.n).toBeGreaterThan(0);
    expect(inside.inside).toBe(0);
    await pageShot(t.page, '70-analysis-blind');
    // with the CR open the SR is still masked: each plot's tag (exports carry it) and the note say
    // which (they said BLIND, and "SR and CR are not plotted", while the CR's events were plotted)
    const tag = () => t.page.getByTestId('plot-tax').locator('svg text', { hasText: 'NA62 Simulation' }).textContent();
    expect(await tag()).toMatch(/· BLIND$/);
    await unblindTo(t.page, 'CR');
    await expect.poll(tag, { timeout: 60_000 }).toMatch(/· CR UNBLINDED · SR BLIND$/);
    expect(await t.page.getByTestId('analysis-blind').textContent()).toMatch(/^SR BLIND: events in the SR are not plotted.*The CR is unblinded\.$/);
    await reblind(t.page);
    await expect.poll(tag, { timeout: 60_000 }).toMatch(/· BLIND$/);
  });

  it('opens the event of a clicked point, and marks it in every plot', async () => {
    await unblindTo(t.page, 'SR');
    await expect.poll(async () => (await dots('tax')).length, { timeout: 30_000 }).toBeGreaterThan(50);
    const all = await dots('tax');
    // a point with no other within 10 px, so the click can only mean it (the demo's halo pairs spread
    // beyond the plotted range: those points are clipped, so only the clickable ones are candidates)
    const lone = all.find((p) => p.clickable && all.every((q) => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 10))!;
    expect(lone).toBeDefined();
    const rbe = lone.title.split(' ')[0]!;
    await t.page.mouse.click(lone.x, lone.y);
    await expect.poll(hud).toContain(rbe);
    const marked = await t.page.locator('.analysis-panel .current-marker').count();
    const plots = await t.page.locator('.analysis-panel figure.plot').count();
    expect(plots).toBeGreaterThanOrEqual(5);
    expect(marked).toBeGreaterThanOrEqual(4); // every plot whose axis holds the event's value
    await pageShot(t.page, '71-analysis-picked');
  });

  it('opens the first event of a clicked histogram bin', async () => {
    const bins = await dots('mass');
    const tallest = bins.map((b) => ({ ...b, n: Number(/: ([\d.]+) ±/.exec(b.title)![1]) })).sort((a, b) => b.n - a.n)[0]!;
    const [lo, hi] = /^\[([\d.]+), ([\d.]+)\)/.exec(tallest.title)!.slice(1).map(Number) as [number, number];
    const before = await hud();
    await t.page.mouse.click(tallest.x, tallest.y + 15);
    await expect.poll(hud).not.toBe(before);
    const m = Number((await t.page.getByTestId('key-vars').locator('tr', { hasText: 'm_μμ' }).locator('td').nth(1).textContent())!.replace(/[^\d.]/g, ''));
    expect(m).toBeGreaterThanOrEqual(lo - 0.1);
    expect(m).toBeLessThan(hi + 0.1);
  });

  it('filters the candidate list with a brushed range, and stepping follows it', async () => {
    // the table renders a window of rows: how many it lists is on the table (data-rows)
    const total = Number(await t.page.getByTestId('candidates').getAttribute('data-rows'));
    // drag across the m_μμ peak
    const peak = (await dots('mass')).map((b) => ({ ...b, n: Number(/: ([\d.]+) ±/.exec(b.title)![1]) })).sort((a, b) => b.n - a.n)[0]!;
    const box = (await t.page.getByTestId('plot-mass').locator('svg').boundingBox())!;
    const y = box.y + box.height * 0.5;
    await t.page.mouse.move(peak.x - 25, y);
    await t.page.mouse.down();
    await t.page.mouse.move(peak.x + 25, y, { steps: 5 });
    await t.page.mouse.up();
    await t.page.getByTestId('brush-note').waitFor();
    const note = (await t.page.getByTestId('brush-note').textContent())!;
    const m = /^(\d+) of (\d+) in the brushed range: m_μμ \[MeV\/c²\] in \[([\d.]+), ([\d.]+)\]/.exec(note)!;
    expect(m).not.toBeNull();
    const [n, lo, hi] = [Number(m[1]), Number(m[3]), Number(m[4])];
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    await expect.poll(() => t.page.getByTestId('candidates').getAttribute('data-rows')).toBe(String(n));
    const masses = (await t.page.getByTestId('candidates').locator('tbody tr[data-index] td:nth-child(3)').allTextContents()).map(Number);
    expect(masses.length).toBeGreaterThan(0);
    expect(masses.length).toBeLessThanOrEqual(n);
    for (const v of masses) { expect(v).toBeGreaterThanOrEqual(lo - 0.01); expect(v).toBeLessThanOrEqual(hi + 0.01); }
    await t.page.getByTestId('walk-candidates').check();
    await expect.poll(() => t.page.getByTestId('walk-position').textContent()).toMatch(new RegExp(`of ${n}`));
    await pageShot(t.page, '72-analysis-brushed');
    await t.page.getByTestId('clear-brush').click();
    expect(await t.page.getByTestId('brush-note').count()).toBe(0);
  });

  it('the candidate table renders only the rows in sight; scrolling brings the later ones', async () => {
    const table = t.page.getByTestId('candidates');
    const total = Number(await table.getAttribute('data-rows'));
    const rendered = () => table.locator('tbody tr[data-index]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))));
    await t.page.getByTestId('candidate-scroll').evaluate((el) => { el.scrollTop = 0; });
    await expect.poll(async () => (await rendered())[0]).toBe(0);
    const top = await rendered();
    expect(total).toBeGreaterThan(100); // the unblinded demo: many candidates
    expect(top.length).toBeLessThan(total / 2); // a window, not the list
    expect(top.at(-1)!).toBeLessThan(total - 1);
    // the scroll height still stands for every row (spacers), so the scrollbar measures the whole list
    const h = await t.page.getByTestId('candidate-scroll').evaluate((el) => el.scrollHeight);
    expect(h).toBeGreaterThanOrEqual(total * 20);
    await t.page.getByTestId('candidate-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(async () => (await rendered()).at(-1)).toBe(total - 1);
    const bottom = await rendered();
    expect(bottom[0]!).toBeGreaterThan(top.at(-1)!);
    expect(bottom.length).toBeLessThan(total / 2);
    await pageShot(t.page, '73-candidates-scrolled');
    await t.page.getByTestId('candidate-scroll').evaluate((el) => { el.scrollTop = 0; });
  });

  it('exports a plot as SVG that parses and holds the plotted events, and as PNG of the asked width, in either theme', async () => {
    const shown = (await dots('tax')).map((d) => d.title).sort();
    const svg = await download(() => t.page.getByTestId('export-svg-tax').click());
    expect(svg.name).toBe('na62-dump-mumu-tax.svg');
    const text = readFileSync(svg.file, 'utf8');
    // parsed in a page of its own: the app's CSP would (rightly) refuse the style attributes of a parsed document
    const blank = await t.h.browser.newPage();
    const parsed = await blank.evaluate((t) => {
      const d = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: d.querySelector('parsererror')?.textContent ?? null,
        titles: Array.from(d.querySelectorAll('circle title')).map((x) => x.textContent!).filter((x) => x !== 'the event on show').sort(),
        background: d.documentElement.querySelector('rect')?.getAttribute('fill'),
        brushLeft: d.querySelectorAll('[data-interaction]').length,
      };
    }, text);
    await blank.close();
    expect(parsed.error).toBeNull();
    expect(parsed.titles).toEqual(shown);
    expect(parsed.background).toBe('#0f1419');
    expect(parsed.brushLeft).toBe(0);
    // PNG at 1800 px wide, in the light theme
    await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await t.page.keyboard.press('t');
    await t.page.getByTestId('png-width').fill('1800');
    const png = await download(() => t.page.getByTestId('export-png-mass').click());
    expect(png.name).toMatch(/^na62-dump-mumu-mass-1800px\.png$/);
    const img = PNG.sync.read(readFileSync(png.file));
    expect(img.width).toBe(1800);
    expect(img.height).toBe(Math.round((1800 * 250) / 420));
    expect([img.data[0], img.data[1], img.data[2]]).toEqual([255, 255, 255]); // the light theme's background
    const light = readFileSync((await download(() => t.page.getByTestId('export-svg-mass').click())).file, 'utf8');
    expect(light).toContain('fill="#ffffff"');
    await t.page.keyboard.press('t');
    expect(t.problems.errors).toEqual([]);
  });
});
