/**
 * The CDA_TAX construction made legible (issue 17): on a dump-mode μμ event the "construction"
 * preset switches to the side view with z compressed and y magnified, the scale bar reports the
 * magnification in true mm, the inset sits at the projected Z_TAX with its own scale bar and the
 * CDA_TAX value, which no element label overlaps; an exported SVG and PNG carry the inset.
 * Screenshots in test-output/e2e/ (construction-*.png).
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type {} from '../../src-renderer/src/export/hooks';
import { afterRender, pageShot, SHOTS, withDemoPage } from './support';

const t = withDemoPage({ width: 1600, height: 1000 });
type Box = { x0: number; x1: number; y0: number; y1: number };
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

it('the construction preset frames the CDA_TAX construction, magnified, with the inset at Z_TAX clear of every element label; exports carry the inset', async () => {
  const { page, problems } = t;
  const hud = () => page.getByTestId('event-summary').locator('.hud-line').textContent();
  // event 127 of the demo: an A′ → μμ pair, CDA_TAX 2.1 mm at Z_TAX 16.8 m — in dump-mumu's SR box, so masked while
  // dump-mumu is blind (selection/masking.ts): its SR opened first, as `na62 render --unblind sr --preset dump-mumu` does
  expect(await page.evaluate(() => window.__na62export!.unblind(['dump-mumu'], 'sr'))).toBeUndefined();
  await afterRender(page, async () => { await page.getByTestId('event-index').fill('127'); await page.getByTestId('event-index').press('Enter'); });
  await expect.poll(hud, { timeout: 30_000 }).toContain('11001:0:127');
  const preset = page.getByTestId('construction-preset');
  await expect.poll(() => preset.isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('event-index').blur();

  // the command palette lists the preset (one registry) and runs it
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByTestId('palette-input').fill('construction');
  await expect.poll(() => palette.getByTestId('palette-list').textContent()).toContain('CDA_TAX construction');
  await afterRender(page, () => palette.getByTestId('palette-input').press('Enter'));
  const inset = page.getByTestId('tax-inset');
  await inset.waitFor({ timeout: 30_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await pageShot(page, 'construction-preset');

  // a 2D view (side, or top for this pair: its CDA segment lies mostly along x), z compressed, the
  // transverse axis magnified: the title and the scale bar say so; the bar stays true mm
  const view = await page.locator('[data-view][aria-pressed="true"]').getAttribute('data-view');
  expect(view).toBe('top');
  const axis = view === 'side' ? 'y' : 'x';
  const m = Number(await page.getByTestId('magnification').inputValue());
  expect(m).toBeGreaterThan(1);
  expect(await page.getByTestId('view-scale').textContent()).toMatch(new RegExp(`^z 1:\\d+ · ${axis} ×${m}$`));
  const ybar = page.locator(`[data-testid="scale-bars"] [data-axis="${axis}"]`);
  expect(Number(await ybar.getAttribute('data-magnification'))).toBe(m);
  expect(await ybar.textContent()).toContain(`×${m}`);
  const barMm = Number(await ybar.getAttribute('data-mm')), barPx = Number(await ybar.getAttribute('data-px'));
  expect(barPx).toBeGreaterThan(0); expect(barMm).toBeGreaterThan(0);

  // the inset hangs at the projected Z_TAX
  const z = await page.evaluate(() => window.__na62!.taxScreenPoint());
  expect(z).toBeDefined();
  const anchorX = Number(await inset.getAttribute('data-anchor-x'));
  expect(Math.abs(anchorX - z!.x)).toBeLessThan(1);
  const [bx, by, bw, bh] = (await inset.getAttribute('data-box'))!.split(',').map(Number) as [number, number, number, number];
  expect(bx).toBeLessThan(z!.x); expect(bx + bw).toBeGreaterThan(z!.x); // over it (shifted aside to hide less of the lines)
  const leader = await inset.locator('.inset-leader').evaluate((l) => [Number(l.getAttribute('x2')), Number(l.getAttribute('y2'))]);
  expect(Math.abs(leader[0]! - z!.x)).toBeLessThan(1);
  const canvas = (await page.locator('canvas').boundingBox())!;
  expect(bx).toBeGreaterThanOrEqual(0); expect(bx + bw).toBeLessThanOrEqual(canvas.width);
  expect(by).toBeGreaterThanOrEqual(0); expect(by + bh).toBeLessThanOrEqual(canvas.height);
  expect(Number(await inset.getAttribute('data-bar-mm'))).toBeGreaterThan(0);
  expect(await inset.locator('[data-role="cda"]').count()).toBe(1);

  // the CDA_TAX value and the inset overlap no element label
  const boxes = await page.evaluate(() => {
    const r = (e: Element) => { const b = e.getBoundingClientRect(); return { x0: b.left, x1: b.right, y0: b.top, y1: b.bottom }; };
    const cda = document.querySelector('[data-testid="cda-label"]');
    const panel = document.querySelector('[data-testid="tax-inset"] .inset-panel');
    const labels = Array.from(document.querySelectorAll('.labels-overlay:not(.tax-inset) text.label:not(.event-label)')).map((e) => ({ text: e.textContent, ...r(e) }));
    return { cda: cda ? { text: cda.textContent, ...r(cda) } : undefined, panel: panel ? r(panel) : undefined, labels };
  });
  expect(boxes.cda?.text).toMatch(/^CDA_TAX \d+\.\d mm · Z_TAX -?\d+\.\d m$/);
  expect(boxes.labels.length).toBeGreaterThan(3);
  for (const l of boxes.labels) {
    expect(overlap(boxes.cda!, l), `"${l.text}" overlaps the CDA_TAX value`).toBe(false);
    expect(overlap(boxes.panel!, l), `"${l.text}" overlaps the inset`).toBe(false);
  }

  // pictures: the SVG has the inset as a group of its own with the value; the PNG is kept to look at
  const spec = { width: 1600, height: 1000, theme: 'dark' as const, frame: 'screen' as const, transparent: false, lineWidth: 1 };
  const svg = await page.evaluate(([s]) => window.__na62export!.picture(s!, 'svg'), [spec]);
  const text = Buffer.from(svg.base64, 'base64').toString('utf8');
  writeFileSync(path.join(SHOTS, 'construction-export.svg'), text);
  const g = /<g id="tax-inset-0"[^>]*>([\s\S]*?)<\/g>/.exec(text);
  expect(g, 'the SVG has the inset').not.toBeNull();
  expect(g![1]).toContain(boxes.cda!.text!);
  expect(g![1]).toContain(`>${axis}<`);
  expect(g![1]).toMatch(/>\d+(\.\d+)? (mm|cm)</); // its own scale bar
  expect(text).toContain(`${axis} ×${m}`); // the panel's title
  const png = await page.evaluate(([s]) => window.__na62export!.picture(s!, 'png'), [spec]);
  writeFileSync(path.join(SHOTS, 'construction-export.png'), Buffer.from(png.base64, 'base64'));
  // the picture spec can leave it out
  const bare = await page.evaluate(([s]) => window.__na62export!.picture(s!, 'svg'), [{ ...spec, overlays: { labels: true, legend: true, scaleBars: true, axes: true, titles: true, taxInset: false } }]);
  expect(Buffer.from(bare.base64, 'base64').toString('utf8')).not.toContain('id="tax-inset-0"');

  // the inset toggle in the view controls
  await page.getByTestId('tax-inset-toggle').click();
  await expect.poll(() => inset.count()).toBe(0);
  await page.getByTestId('tax-inset-toggle').click();
  await expect.poll(() => inset.count()).toBe(1);

  // a blinded event (5: in dump-ee's SR, still blind): the engine hands out no construction, so no inset, no value, no preset
  await page.getByTestId('event-index').fill('5');
  await page.getByTestId('event-index').press('Enter');
  await expect.poll(() => page.getByTestId('data-error').textContent(), { timeout: 30_000 }).toMatch(/this event is blinded/);
  await expect.poll(() => inset.count()).toBe(0);
  expect(await page.getByTestId('cda-label').count()).toBe(0);
  expect(await preset.isDisabled()).toBe(true);
  // and its key does what the disabled button does: nothing but a word (it turned the view into a side view at 1:100)
  const mode = () => page.locator('[data-view][aria-pressed="true"]').getAttribute('data-view');
  await page.keyboard.press('1');
  await expect.poll(mode).toBe('3d');
  await page.keyboard.press('z');
  await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/No CDA_TAX construction for this event/);
  expect(await mode()).toBe('3d');
  expect(problems.errors).toEqual([]);
}, 120_000);
