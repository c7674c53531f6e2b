/**
 * The screen and a picture draw the same snapshot the same way: both go through the display core
 * (the same layers at the same pixel scale), and the picture builds its own scene, so exporting
 * (even in another theme) leaves the screen as it was.
 */
import { expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/export/hooks';
import { afterRender, canvasShot, fractionChanged, hex, SHOTS, withDemoPage } from './support';

const t = withDemoPage();
const NONE = { experiment: false, kind: false, runBurstEvent: false, date: false, selection: false, keyVariables: false, blinding: false };
const BARE = { labels: false, legend: false, scaleBars: false, axes: false, titles: false };

async function picture(page: Page, theme: 'dark' | 'paper', width: number, height: number, name: string): Promise<PNG> {
  const r = await page.evaluate(([spec]) => window.__na62export!.picture(spec!, 'png'), [{ width, height, theme, frame: 'screen' as const, caption: NONE, overlays: BARE, transparent: false, lineWidth: 1 }]);
  const bytes = Buffer.from(r.base64, 'base64');
  writeFileSync(path.join(SHOTS, `${name}.png`), bytes);
  return PNG.sync.read(bytes);
}

/** Pixels of the event's two track colours (the demo event's μ+ and μ−). */
function eventMask(img: PNG): Uint8Array {
  const cols = [hex('#ff5a4f'), hex('#4fa3ff')];
  const m = new Uint8Array(img.width * img.height);
  for (let i = 0; i < m.length; i++) {
    const d = img.data;
    m[i] = cols.some((c) => Math.abs(d[4 * i]! - c[0]) < 40 && Math.abs(d[4 * i + 1]! - c[1]) < 40 && Math.abs(d[4 * i + 2]! - c[2]) < 40) ? 1 : 0;
  }
  return m;
}

/** Fraction of a's set pixels that have a set pixel in b within `r` px. */
function covered(a: Uint8Array, b: Uint8Array, w: number, h: number, r = 1): number {
  let n = 0, hit = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!a[y * w + x]) continue;
    n++;
    search: for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const yy = y + dy, xx = x + dx;
      if (yy >= 0 && yy < h && xx >= 0 && xx < w && b[yy * w + xx]) { hit++; break search; }
    }
  }
  return n ? hit / n : 0;
}

it("renders the same snapshot on screen and to a picture: the event's pixels agree, and exporting leaves the screen untouched", async () => {
  const { page } = t;
  // pictures are always antialiased; on software WebGL the screen is not unless asked (views/antialias.ts):
  // ask, so that both draw the same way and only the display core's work is compared
  await page.getByTestId('antialias-toggle').click();
  await page.waitForFunction(() => window.__na62?.webgl().antialias === true && window.__na62.renderInfo().calls > 20, null, { timeout: 30_000 });
  await page.getByTestId('event-index').fill('12'); // a combinatorial μμ pair: two tracks through the magnet
  await page.getByTestId('event-index').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="event-summary"] .hud-line')?.textContent?.includes('11001:0:12'), null, { timeout: 30_000 });
  // only the canvas: the HTML overlays (labels, legend, scale bars, the CDA_TAX inset, laid out a frame after the event) are not part of the WebGL picture
  await page.getByTestId('tax-inset').waitFor({ timeout: 30_000 });
  await afterRender(page, () => page.evaluate(() => {
    document.querySelectorAll<HTMLElement>('.viewport > :not(:first-child)').forEach((e) => { e.style.visibility = 'hidden'; });
    window.__na62!.invalidate();
  }));
  const screen = await canvasShot(page, 'screen-picture-screen');
  const pic = await picture(page, 'dark', screen.width, screen.height, 'screen-picture-picture');
  expect([pic.width, pic.height]).toEqual([screen.width, screen.height]);

  const a = eventMask(screen), b = eventMask(pic);
  const na = a.reduce((s, v) => s + v, 0), nb = b.reduce((s, v) => s + v, 0);
  expect(na).toBeGreaterThan(500); // the two tracks are there
  expect(Math.abs(nb - na) / na).toBeLessThan(0.1); // as wide and as long
  expect(covered(a, b, screen.width, screen.height)).toBeGreaterThan(0.95); // in the same places
  expect(covered(b, a, screen.width, screen.height)).toBeGreaterThan(0.95);
  expect(fractionChanged(screen, pic, undefined, 24)).toBeLessThan(0.02); // and the detector behind them too

  // a paper picture builds its own scene in its own theme: the screen is not restyled, before or after
  const frames = await page.evaluate(() => window.__na62!.renderInfo().frame);
  const paper = await picture(page, 'paper', 640, 360, 'screen-picture-paper');
  expect(paper.data[0]).toBeGreaterThan(240); // white background
  await afterRender(page, () => page.evaluate(() => window.__na62!.invalidate()));
  expect(await page.evaluate(() => window.__na62!.renderInfo().frame)).toBeGreaterThan(frames);
  expect(fractionChanged(screen, await canvasShot(page, 'screen-picture-after'), undefined, 2)).toBeLessThan(0.001);
  expect(t.problems.errors).toEqual([]);
});

it('CHOD hits end to end: drawn in the beam\'s eye at the CHOD, picked there with their card, in the legend and in an SVG picture\'s legend', async () => {
  const { page } = t;
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.viewport > :not(:first-child)').forEach((e) => { e.style.visibility = ''; }));
  await afterRender(page, () => page.getByLabel("Beam's-eye station").selectOption('chod'));
  const n = await page.evaluate(() => window.__na62!.pickableCount('chod'));
  expect(n).toBeGreaterThan(0);
  // the V plane lies in the station's slab (the H plane, 380 mm downstream, is clipped away)
  const points = await page.evaluate((count) => Array.from({ length: count }, (_, i) => window.__na62!.pickableScreenPoint('chod', i)), n);
  const k = points.findIndex((p) => p !== undefined && p !== null);
  expect(k).toBeGreaterThanOrEqual(0);
  const box = (await page.locator('canvas').boundingBox())!;
  await page.mouse.click(box.x + points[k]!.x, box.y + points[k]!.y);
  await expect.poll(() => page.getByTestId('picked-object').getAttribute('data-kind')).toBe('chod');
  expect(await page.getByTestId('picked-object').textContent()).toMatch(/^CHOD [VH] slab \d+slab/);
  expect(await page.locator('[data-testid="event-legend"] [data-layer="chod"]').textContent()).toBe('CHOD slab');
  await canvasShot(page, 'chod-beam-view');
  const svg = await page.evaluate(() => window.__na62export!.picture({ width: 960, height: 540, frame: 'screen' }, 'svg'));
  expect(Buffer.from(svg.base64, 'base64').toString('utf8')).toContain('>CHOD slab<');
  expect(t.problems.errors).toEqual([]);
});
