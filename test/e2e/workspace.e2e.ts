/**
 * The workspace (issue 17): built-in layouts with several live views, all following the event as
 * the user steps, the active one drawn first at start; a hidden tab does not draw; the candidate table sorts and follows the event; a
 * pick shows its card floating in the view and is highlighted in every view; the blinded-event
 * notice on each canvas; layouts saved, exported and imported. Pictures of every built-in layout at
 * 1600 × 1000 in test-output/e2e/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/views/test-hooks';
import { SHOTS, fractionChanged, openApp, pageShot, startHarness, type Harness, type PageProblems } from './support';

let h: Harness;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  h = await startHarness();
  ({ page, problems } = await openApp(h, { width: 1600, height: 1000 }, 'inspect'));
  await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
});
afterAll(async () => { await h?.close(); });

const views = () => page.evaluate(() => window.__na62!.views!());
/** run:burst:event each visible view drew last, by view id */
const drawn = () => page.evaluate(() => Object.fromEntries(window.__na62!.views!().filter((v) => v.visible).map((v) => [v.id, window.__na62!.view!(v.id)?.drawnEvent?.()])));
const framesOf = (id: string) => page.evaluate((v) => window.__na62!.view!(v)!.renderInfo().frame, id);
const hud = () => page.getByTestId('event-summary').locator('.hud-line').textContent();
async function jump(index: number): Promise<void> {
  await page.getByTestId('event-index').fill(String(index));
  await page.getByTestId('event-index').press('Enter');
  await page.getByTestId('event-index').blur(); // the keys step events when no text field has the focus
}
const viewShot = async (id: string) => PNG.sync.read(await page.locator(`[data-view-id="${id}"] canvas`).screenshot());
const allShow = (rbe: string) => async () => Object.values(await drawn()).every((e) => e === rbe);

describe('the workspace', () => {
  it('at start the active view draws alone: the other two make their canvas once its first event is drawn (views/startup-gate.ts)', async () => {
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('na62:gl-created').length), { timeout: 60_000 }).toBe(3);
    const t = await page.evaluate(() => {
      const released = performance.getEntriesByName('na62:views-released')[0] as PerformanceMark | undefined;
      const active = window.__na62!.activeView!();
      const firstEvent = window.__na62!.view!(active!)!.recentFrames().find((f) => f.event)?.t;
      return { gl: performance.getEntriesByName('na62:gl-created').map((m) => m.startTime), released: released?.startTime, why: released?.detail as unknown, firstEvent };
    });
    expect(t.why).toBe('event');
    expect(t.firstEvent).toBeDefined();
    expect(t.gl[0]).toBeLessThan(t.firstEvent!);
    expect(t.released).toBeGreaterThanOrEqual(t.firstEvent!);
    expect(t.gl[1]).toBeGreaterThan(t.released!);
    expect(t.gl[2]).toBeGreaterThan(t.released!);
  });

  it('opens on the inspect layout: side, top and beam\'s eye live at once, all following the event', async () => {
    expect((await views()).map((v) => `${v.id}:${v.mode}:${v.visible}`).sort()).toEqual(['view-beam:beam:true', 'view-side:side:true', 'view-top:top:true']);
    await jump(12);
    await expect.poll(allShow('11001:0:12'), { timeout: 60_000 }).toBe(true);
    // each view's CDA_TAX inset is of its own projection (they took the active view's: the top view showed the side's Δy)
    const insetText = (id: string) => page.locator(`[data-view-id="${id}"] [data-testid="tax-inset"]`).textContent();
    await expect.poll(() => insetText('view-top'), { timeout: 30_000 }).toContain('Δx');
    expect(await insetText('view-side')).toContain('Δy');
    await page.keyboard.press('PageDown');
    await expect.poll(hud, { timeout: 30_000 }).toContain('11001:0:13');
    await expect.poll(allShow('11001:0:13'), { timeout: 60_000 }).toBe(true);
    await page.keyboard.press('PageUp');
    await expect.poll(allShow('11001:0:12'), { timeout: 60_000 }).toBe(true);
    await pageShot(page, 'w1-layout-inspect');
    // the view keys act on the active view (the one last clicked), the others keep theirs
    await page.locator('[data-view-id="view-top"]').click({ position: { x: 8, y: 40 } });
    expect(await page.evaluate(() => window.__na62!.activeView!())).toBe('view-top');
    await page.keyboard.press('1');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}`).sort().join(' ')).toBe('view-beam:beam view-side:side view-top:3d');
    expect(await page.locator('[data-view="3d"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('3');
    await expect.poll(async () => (await views()).find((v) => v.id === 'view-top')?.mode).toBe('top');
  });

  it('shows the legend in the active view only (three copies covered the drawings); a chip in each other view brings it there', async () => {
    const legendIn = () => page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="event-legend"]')).map((e) => e.closest('[data-view-id]')?.getAttribute('data-view-id')));
    const active = await page.evaluate(() => window.__na62!.activeView!());
    expect(await legendIn()).toEqual([active]);
    expect(await page.getByTestId('event-legend-chip').count()).toBe(2);
    const other = (await views()).map((v) => v.id).find((id) => id !== active)!;
    await page.locator(`[data-view-id="${other}"] [data-testid="event-legend-chip"]`).click();
    await expect.poll(legendIn).toEqual([other]);
    expect(await page.evaluate(() => window.__na62!.activeView!())).toBe(other);
    await page.locator(`[data-view-id="${active}"] [data-testid="event-legend-chip"]`).click(); // back as it was
    await expect.poll(legendIn).toEqual([active]);
    // the CDA_TAX inset of the view with the legend is laid out clear of it (in these short views it had covered the inset's scale)
    const insetVsLegend = (id: string) => page.evaluate((v) => {
      const b = document.querySelector(`[data-view-id="${v}"] [data-testid="tax-inset"]`)?.getAttribute('data-box')?.split(',').map(Number);
      const l = window.__na62!.view!(v)!.legendBox!();
      if (!b || !l) return `missing: inset ${!!b}, legend ${!!l}`;
      const [x, y, w, h] = b as [number, number, number, number];
      return x < l.x1 && l.x0 < x + w && y < l.y1 && l.y0 < y + h ? 'overlap' : 'clear';
    }, id);
    for (const id of ['view-side', 'view-top', active!]) {
      if (await legendIn().then((l) => l[0] !== id)) await page.locator(`[data-view-id="${id}"] [data-testid="event-legend-chip"]`).click();
      await expect.poll(() => insetVsLegend(id)).toBe('clear');
    }
  });

  it('a pick shows its card floating in that view, in the info panel too, and is highlighted in every view', async () => {
    const top = await viewShot('view-top');
    const pt = await page.evaluate(() => window.__na62!.view!('view-side')!.trackScreenPoint(0));
    expect(pt).toBeDefined();
    const side = page.locator('[data-view-id="view-side"]');
    const box = (await side.locator('canvas').boundingBox())!;
    await page.mouse.click(box.x + pt!.x, box.y + pt!.y);
    const card = page.getByTestId('pick-card');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await side.getByTestId('pick-card').count()).toBe(1); // in the view clicked, not in the others
    expect(await card.getAttribute('data-kind')).toBe('tracks');
    const c = (await card.boundingBox())!;
    const v = (await side.boundingBox())!;
    expect(c.x).toBeGreaterThanOrEqual(v.x); expect(c.y).toBeGreaterThanOrEqual(v.y);
    expect(c.x + c.width).toBeLessThanOrEqual(v.x + v.width + 0.5); expect(c.y + c.height).toBeLessThanOrEqual(v.y + v.height + 0.5);
    // next to the pick: the card's nearest edge within a few pixels of the point
    const px = box.x + pt!.x, py = box.y + pt!.y;
    expect(Math.hypot(Math.max(c.x - px, 0, px - (c.x + c.width)), Math.max(c.y - py, 0, py - (c.y + c.height)))).toBeLessThan(30);
    // a view of the inspect layout is small: the card shows its first rows (all of them covered the event)
    expect(await card.locator('tr').count()).toBe(3);
    expect(c.width * c.height).toBeLessThan(0.15 * v.width * v.height);
    expect(await card.textContent()).toMatch(/all \d+ in Event & element/);
    const title = (await card.locator('b').textContent())!;
    await expect.poll(() => page.getByTestId('picked-object').textContent()).toContain(title);
    // element labels move out from under the card (a label's tail, "n pipe", peeked out beside it)
    const underCard = () => side.locator('.labels-overlay text.label').evaluateAll((els, cb) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < cb.x + cb.width && cb.x < r.right && r.top < cb.y + cb.height && cb.y < r.bottom;
    }).map((e) => e.textContent), c);
    await expect.poll(underCard, { timeout: 10_000 }).toEqual([]);
    // the track is drawn wider in the other views too
    await expect.poll(async () => fractionChanged(top, await viewShot('view-top')), { timeout: 30_000 }).toBeGreaterThan(0.0005);
    await pageShot(page, 'w2-picked-track');
    await card.getByRole('button', { name: 'close the card' }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect(await page.getByTestId('picked-object').count()).toBe(0);
    // the camera moves (another mode, a fit): the card folds away, pointing at nothing no more; the pick stays
    await page.mouse.click(box.x + pt!.x, box.y + pt!.y);
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await page.keyboard.press('3');
    await expect.poll(() => card.count()).toBe(0);
    expect(await page.getByTestId('picked-object').count()).toBe(1);
    await page.keyboard.press('2');
    // Esc drops the pick
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('picked-object').count()).toBe(0);
  });

  it('says on every canvas when the event is blinded', async () => {
    await jump(7); // masked in the demo while dump-mumu is blind
    await expect.poll(() => page.getByTestId('blind-notice').count(), { timeout: 30_000 }).toBe(3);
    for (const id of ['view-side', 'view-top', 'view-beam']) expect(await page.locator(`[data-view-id="${id}"]`).getByTestId('blind-notice').count()).toBe(1);
    await pageShot(page, 'w3-blinded-event');
    await jump(12);
    await expect.poll(() => page.getByTestId('blind-notice').count(), { timeout: 30_000 }).toBe(0);
  });

  it('the 3D layout: a view in a hidden tab does not draw while stepping, and shows the event once its tab is chosen', async () => {
    await page.getByTestId('layout-select').selectOption('3d');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.visible}`).sort().join(' '), { timeout: 30_000 }).toBe('view-3d:true view-side:false');
    expect(await page.evaluate(() => window.__na62!.activeView!())).toBe('view-3d');
    await expect.poll(allShow('11001:0:12'), { timeout: 60_000 }).toBe(true);
    const hidden = await framesOf('view-side');
    await page.keyboard.press('PageDown');
    await expect.poll(allShow('11001:0:13'), { timeout: 60_000 }).toBe(true);
    await page.keyboard.press('PageDown');
    await expect.poll(allShow('11001:0:14'), { timeout: 60_000 }).toBe(true);
    expect(await framesOf('view-side')).toBe(hidden);
    await pageShot(page, 'w4-layout-3d');
    await page.locator('.dv-tab', { hasText: 'Side z–y' }).click();
    await expect.poll(async () => (await views()).find((v) => v.id === 'view-side')?.visible, { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.evaluate(() => window.__na62!.view!('view-side')!.drawnEvent!()), { timeout: 60_000 }).toBe('11001:0:14');
  });

  it('the analysis layout: the candidate table sorts by a click on a header and follows the current event', async () => {
    await page.getByTestId('layout-select').selectOption('analysis');
    await page.getByTestId('candidates-empty').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-selection').click();
    const table = page.getByTestId('candidates');
    await table.locator('tbody tr').first().waitFor({ timeout: 90_000 });
    const heads = await table.locator('thead th').allTextContents();
    expect(heads.length).toBeGreaterThan(6); // every key variable, not the first four
    const col = 2; // the first key variable (the mass of the pair)
    expect(heads[col]).toMatch(/^m/);
    const values = async () => (await table.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents()).map(Number).filter(Number.isFinite);
    await table.locator('thead th').nth(col).click();
    await expect.poll(async () => { const v = await values(); return v.length > 2 && v.every((x, i) => i === 0 || v[i - 1]! <= x); }).toBe(true);
    await table.locator('thead th').nth(col).click();
    await expect.poll(async () => { const v = await values(); return v.length > 2 && v.every((x, i) => i === 0 || v[i - 1]! >= x); }).toBe(true);
    // stepping through the candidates: the current row is marked and in sight
    await page.getByTestId('walk-candidates').check();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    const current = table.locator('tbody tr.current');
    await expect.poll(() => current.count(), { timeout: 30_000 }).toBe(1);
    const rbe = (await current.locator('td').first().textContent())!;
    await expect.poll(hud).toContain(rbe);
    // in the HUD's units and symbols (it listed "z_tax mm" 137557 beside the HUD's Z_TAX 137.56 m, p1 in MeV/c)
    const zcol = heads.findIndex((h) => h.startsWith('Z_TAX'));
    expect(heads[zcol]).toBe('Z_TAX [m]');
    expect(heads).toContain('p₁ [GeV/c]');
    expect(heads).toContain('E/p₁'); // the HUD's names (it said eop1, vz, cda)
    const hudZ = Number(/Z_TAX\s*(-?[\d.]+)\s*m/.exec((await page.getByTestId('event-summary').textContent())!)?.[1]);
    expect(Math.abs(Number(await current.locator('td').nth(zcol).textContent()) - hudZ)).toBeLessThan(0.1);
    const scroller = (await page.locator('.candidate-scroll').boundingBox())!;
    const row = (await current.boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(scroller.y - 1);
    expect(row.y + row.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await current.locator('td').first().textContent()) !== rbe).toBe(true);
    await expect.poll(async () => { const r = (await current.boundingBox())!; return r.y >= scroller.y - 1 && r.y + r.height <= scroller.y + scroller.height + 1; }).toBe(true);
    await page.locator('.analysis-panel').waitFor({ timeout: 60_000 });
    await pageShot(page, 'w5-layout-analysis');
  });

  it('saves the layout under a name, exports it to a file and imports it back; a bad file gets a message', async () => {
    // the analysis layout as the previous test left it, its view turned to the top view
    await page.locator('[data-view-id="view-side"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('3');
    await page.getByTestId('layout-select').selectOption('__save');
    await page.getByTestId('layout-name').fill('my analysis');
    await page.getByTestId('layout-save').click();
    await expect.poll(() => page.getByTestId('layout-select').inputValue()).toBe('my analysis');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('layout-select').selectOption('__export')]);
    const file = path.join(SHOTS, 'w-my-analysis.na62layout');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; layout: { name: string; views: Record<string, { mode: string }> } };
    expect(saved.format).toBe('na62-layout');
    expect(saved.layout.name).toBe('my analysis');
    expect(Object.fromEntries(Object.entries(saved.layout.views).map(([k, v]) => [k, v.mode]))).toEqual({ 'view-side': 'top' });
    // a bad file: a message naming it and what is wrong, the workspace as it was
    const bad = path.join(SHOTS, 'w-bad.na62layout');
    writeFileSync(bad, JSON.stringify({ ...saved, layout: { ...saved.layout, views: { ghost: { mode: 'side', beamStation: 'straw1' } } } }));
    await page.getByTestId('layout-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/^Layout not imported: w-bad\.na62layout: not an NA62 layout \(layout\.views\.ghost: "ghost" is not a view panel of the layout\)$/);
    expect((await views()).map((v) => v.id)).toEqual(['view-side']);
    // the good file, renamed, on the one-view layout: its panels and its view's pose come back
    await page.getByTestId('layout-select').selectOption('single');
    await expect.poll(async () => (await views()).map((v) => v.id).join(' '), { timeout: 30_000 }).toBe('view-main');
    await pageShot(page, 'w6-layout-single');
    const renamed = path.join(SHOTS, 'w-renamed.na62layout');
    writeFileSync(renamed, JSON.stringify({ ...saved, layout: { ...saved.layout, name: 'from a colleague' } }));
    await page.getByTestId('layout-file').setInputFiles(renamed);
    await expect.poll(() => page.getByTestId('message').textContent()).toBe('Layout "from a colleague" imported from w-renamed.na62layout');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}`).join(' '), { timeout: 30_000 }).toBe('view-side:top');
    expect(await page.locator('.analysis-panel').count()).toBe(1);
    expect(await page.getByTestId('candidates').count()).toBe(1);
    expect(await page.getByTestId('layout-select').inputValue()).toBe('from a colleague');
    // imported again over itself (the same view id on screen): the view takes the file's pose again
    await page.keyboard.press('2');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}`).join(' ')).toBe('view-side:side');
    await page.getByTestId('layout-file').setInputFiles(renamed);
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}`).join(' '), { timeout: 30_000 }).toBe('view-side:top');
    // one more view, showing what the active one shows, drawing the same event
    await page.getByTestId('layout-select').selectOption('__addView');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}:${v.visible}`).join(' '), { timeout: 30_000 }).toBe('view-side:top:true view-1:top:true');
    await expect.poll(async () => new Set(Object.values(await drawn())).size, { timeout: 60_000 }).toBe(1);
    expect(problems.errors).toEqual([]);
  });

  it('comes back after a reload with every view as it was: its panel, its mode, the event they all show', async () => {
    // the workspace the previous test left (two views in the top view, the plots, the candidates), the new view turned to the side view
    await page.locator('[data-view-id="view-1"]').click({ position: { x: 8, y: 40 } });
    await page.keyboard.press('2');
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}`).join(' ')).toBe('view-side:top view-1:side');
    await jump(14);
    await expect.poll(allShow('11001:0:14'), { timeout: 60_000 }).toBe(true);
    const before = await views();
    await page.waitForTimeout(600); // the session is saved 200 ms after the last change
    await page.reload(); // the address still asks for the inspect layout: the session wins over it
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await views()).map((v) => `${v.id}:${v.mode}:${v.visible}`).join(' '), { timeout: 30_000 })
      .toBe(before.map((v) => `${v.id}:${v.mode}:${v.visible}`).join(' '));
    await expect.poll(hud, { timeout: 30_000 }).toContain('11001:0:14');
    await expect.poll(allShow('11001:0:14'), { timeout: 60_000 }).toBe(true);
    expect(await page.getByTestId('candidates').count()).toBe(1);
    expect(await page.getByTestId('layout-select').inputValue()).toBe('from a colleague');
    await pageShot(page, 'w7-reloaded');
  });
});
