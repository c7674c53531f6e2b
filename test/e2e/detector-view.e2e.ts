/**
 * The app in headless Chromium (SwiftShader WebGL), the browser build with its engine in a Web Worker.
 * Screenshots land in test-output/e2e/ (git-ignored) to be looked at.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/views/test-hooks';
import {
  afterRender, canvasShot, distinctColours, fractionChanged, fractionNot, hex, openApp, pageShot, startHarness, SHOTS,
  type Harness, type PageProblems,
} from './support';

const BG_DARK = hex('#0f1419');
const BG_LIGHT = hex('#f5f6f8');

let h: Harness;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  h = await startHarness();
  ({ page, problems } = await openApp(h));
});
afterAll(async () => {
  await h?.close();
});

describe('NA62 event display in the browser', () => {
  it('opens, gets the detector from the engine worker, and draws it', async () => {
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Web Worker');
    const gl = await page.evaluate(() => window.__na62!.webgl());
    expect(gl.logarithmicDepth).toBe(true);
    // software WebGL here: the views draw without multisampling unless asked (views/antialias.ts)
    expect(gl.renderer).toMatch(/SwiftShader/);
    expect(gl.antialias).toBe(false);
    const img = await canvasShot(page, '01-open-side');
    await pageShot(page, '01-open-page');
    expect(img.width).toBeGreaterThan(800);
    // the detector covers a real part of the canvas, in many colours
    expect(fractionNot(img, BG_DARK)).toBeGreaterThan(0.08);
    expect(distinctColours(img)).toBeGreaterThan(40);
    const info = await page.evaluate(() => window.__na62!.renderInfo());
    expect(info.calls).toBeGreaterThan(20);
    expect(info.triangles).toBeGreaterThan(10_000);
  });

  it('side view: hiding the LKr changes the pixels where the LKr is, and only there', async () => {
    await afterRender(page, () => page.click('[data-view="side"]'));
    const lkr = (await page.evaluate(() => window.__na62!.elementScreenBox('lkr')))!;
    const ktag = (await page.evaluate(() => window.__na62!.elementScreenBox('ktag')))!;
    expect(lkr.maxY - lkr.minY).toBeGreaterThan(30); // 2.5 m tall: a real target on screen
    const before = await canvasShot(page, '02-side-with-lkr');
    await afterRender(page, () => page.click('#vis-lkr'));
    const after = await canvasShot(page, '03-side-without-lkr');
    expect(fractionChanged(before, after, { x0: lkr.minX, x1: lkr.maxX, y0: lkr.minY, y1: lkr.maxY })).toBeGreaterThan(0.3);
    expect(fractionChanged(before, after, { x0: ktag.minX - 5, x1: ktag.maxX + 5, y0: ktag.minY - 5, y1: ktag.maxY + 5 })).toBe(0);
    // the far upstream half of the picture (T10 to GTK) is untouched
    expect(fractionChanged(before, after, { x0: 0, x1: before.width * 0.3, y0: 0, y1: before.height })).toBeLessThan(0.002);
    await afterRender(page, () => page.click('#vis-lkr'));
    const back = await canvasShot(page, '04-side-lkr-again');
    expect(fractionChanged(before, back, { x0: lkr.minX, x1: lkr.maxX, y0: lkr.minY, y1: lkr.maxY })).toBeLessThan(0.01);
  });

  it('keeps the z scale bar true when the compression changes', async () => {
    const bar = async () => page.locator('.scale-bar[data-axis="z"]').evaluate((el) => Number(el.getAttribute('data-mm')) / Number(el.getAttribute('data-px')));
    const k0 = Number((await page.locator('input[aria-label="Longitudinal compression"]').evaluate((el) => (el as HTMLInputElement).value)));
    expect(k0).toBeGreaterThan(0);
    const mmPerPx20 = await bar();
    await afterRender(page, () => page.keyboard.press(']')); // 1:20 → 1:50
    await expect.poll(() => page.locator('.scale-note').textContent()).toContain('1:50');
    const mmPerPx50 = await bar();
    expect(mmPerPx50 / mmPerPx20).toBeCloseTo(50 / 20, 6);
    await canvasShot(page, '05-side-compression-50');
    await afterRender(page, () => page.keyboard.press('[')); // back to 1:20
  });

  it('top, beam\'s-eye and 3D views each draw something different', async () => {
    const shots: Record<string, PNG> = {};
    for (const [key, name] of [['3', 'top'], ['4', 'beam'], ['1', '3d']] as const) {
      await afterRender(page, () => page.keyboard.press(key));
      shots[name] = await canvasShot(page, `06-view-${name}`);
      await pageShot(page, `06-page-${name}`);
      expect(fractionNot(shots[name]!, BG_DARK), name).toBeGreaterThan(0.05);
    }
    expect(fractionChanged(shots['top']!, shots['beam']!)).toBeGreaterThan(0.1);
    expect(fractionChanged(shots['beam']!, shots['3d']!)).toBeGreaterThan(0.1);
    // beam's eye steps through stations
    await afterRender(page, () => page.keyboard.press('4'));
    const s1 = await canvasShot(page, '07-beam-straw1');
    await afterRender(page, async () => { for (let i = 0; i < 9; i++) await page.keyboard.press('.'); });
    const later = await canvasShot(page, '07-beam-later-station');
    expect(fractionChanged(s1, later)).toBeGreaterThan(0.05);
  });

  it("rings each track where it crosses the beam's-eye station, the same size on screen at any zoom", async () => {
    // end-on a track was a dot of 2–3 px on the straws' haze; pictures ringed it, the screen did not
    await afterRender(page, async () => { for (let i = 0; i < 9; i++) await page.keyboard.press(','); }); // back to STRAW1
    await expect.poll(() => page.locator('label[title="Beam\'s-eye view station"] select').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^STRAW1/);
    const colours = [hex('#ff5a4f'), hex('#4fa3ff')]; // the standard palette's charges, dark theme
    const ringed = async (name: string) => {
      const points = await page.evaluate(() => window.__na62!.beamCrossingScreenPoints());
      const img = await canvasShot(page, name);
      return points.map((p) => {
        let on = 0;
        for (let a = 0; a < 24; a++) {
          const hit = [6.5, 7, 7.5].some((r) => {
            const x = Math.round(p.x + r * Math.cos((a * Math.PI) / 12)), y = Math.round(p.y + r * Math.sin((a * Math.PI) / 12));
            const i = 4 * (y * img.width + x);
            return colours.some((c) => Math.abs(img.data[i]! - c[0]) < 40 && Math.abs(img.data[i + 1]! - c[1]) < 40 && Math.abs(img.data[i + 2]! - c[2]) < 40);
          });
          if (hit) on++;
        }
        return on;
      });
    };
    const before = await ringed('07-beam-straw1-rings');
    expect(before.length).toBe(2); // the demo's event 0: two tracks, both through STRAW1
    for (const on of before) expect(on).toBeGreaterThanOrEqual(18);
    await afterRender(page, () => page.keyboard.press('e')); // framed on the event: ×10 closer
    const after = await ringed('07-beam-straw1-rings-fit');
    for (const on of after) expect(on).toBeGreaterThanOrEqual(18);
  });

  it('exports the view as PNG at 2× the canvas size', async () => {
    await afterRender(page, () => page.keyboard.press('2'));
    const canvas = await page.locator('canvas').evaluate((c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height }));
    await page.selectOption('select[aria-label="Export scale"]', '2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').click()]);
    expect(download.suggestedFilename()).toBe('na62-side-2x.png');
    const bytes = readFileSync((await download.path())!);
    writeFileSync(path.join(SHOTS, '10-export-side-2x.png'), bytes);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(2 * canvas.w);
    expect(png.height).toBe(2 * canvas.h);
    expect(fractionNot(png, BG_DARK)).toBeGreaterThan(0.05);
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`${2 * canvas.w} × ${2 * canvas.h}`);
    // the on-screen canvas is restored after the off-size render
    const after = await page.locator('canvas').evaluate((c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height }));
    expect(after).toEqual(canvas);
  });

  it('shortcut help comes from the registry, and the theme switches', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('tr').count()).toBeGreaterThanOrEqual(14);
    await pageShot(page, '08-help');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await afterRender(page, () => page.keyboard.press('t'));
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    const light = await canvasShot(page, '09-side-light');
    await pageShot(page, '09-page-light');
    expect(fractionNot(light, BG_LIGHT)).toBeGreaterThan(0.05);
    expect(fractionNot(light, BG_LIGHT)).toBeLessThan(0.9); // background really is the light one
    await afterRender(page, () => page.keyboard.press('t'));
  });

  it('antialiasing: the status bar switches auto (off here) → on → off → auto, each a new context that draws the detector', async () => {
    const toggle = page.getByTestId('antialias-toggle');
    await expect.poll(() => toggle.textContent()).toBe('antialiasing off (auto: software WebGL)');
    const drawnWith = async (aa: boolean) => {
      // the canvas is made again: wait for the new context's first frame with the detector, at the view's size
      // (a frame drawn before the canvas is laid out is at the HTML default of 300 × 150, and was taken once)
      await page.waitForFunction((want) => window.__na62?.webgl().antialias === want && window.__na62.renderInfo().calls > 20
        && (document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement | null)?.width !== 300, aa, { timeout: 30_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return canvasShot(page, `aa-${aa ? 'on' : 'off'}`);
    };
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe('antialiasing on');
    const on = await drawnWith(true);
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe('antialiasing off');
    const off = await drawnWith(false);
    // the same picture, smoothed or not: edges differ, the detector is there in both
    expect(fractionNot(on, BG_DARK)).toBeGreaterThan(0.08);
    expect(fractionNot(off, BG_DARK)).toBeGreaterThan(0.08);
    expect(distinctColours(on)).toBeGreaterThan(distinctColours(off)); // blended edge pixels
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('na62-view')!).state.antialias)).toBe('off');
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe('antialiasing off (auto: software WebGL)');
    await drawnWith(false);
  });

  it('framed on the event (e), a 2D view keeps the tracks out from under the legend', async () => {
    // a kaon event whose tracks fan out in the bending plane: framed on the whole width they ran beneath the legend
    // in a small window, where the legend takes a good part of the view
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.getByTestId('dataset-select').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('event-summary').textContent(), { timeout: 60_000 }).toContain('kaon');
    // the kaon event drawn (its tracks are what the fit frames), not only named in the HUD
    await expect.poll(() => page.evaluate(() => window.__na62!.drawnEvent?.()), { timeout: 60_000 }).toMatch(/^8001:/);
    await afterRender(page, () => page.keyboard.press('3'));
    await afterRender(page, () => page.keyboard.press('e'));
    const { legend, points } = await page.evaluate(() => {
      const h = window.__na62!;
      const n = h.eventCounts()?.tracks ?? 0;
      return { legend: h.legendBox!()!, points: Array.from({ length: n }, (_, k) => h.trackScreenPoints(k, 40)).flat() };
    });
    expect(legend).toBeDefined();
    expect(points.length).toBeGreaterThan(40);
    const under = points.filter((p) => p.x > legend.x0 && p.x < legend.x1 && p.y > legend.y0 && p.y < legend.y1);
    expect(under).toEqual([]);
    await canvasShot(page, '11-kaon-fit-event-legend');
    await page.setViewportSize(size);
    await page.getByTestId('dataset-select').selectOption({ index: 0 });
    await expect.poll(() => page.getByTestId('event-summary').textContent(), { timeout: 60_000 }).toContain('dump');
  });

  it('raised no page errors, console errors or CSP violations', () => {
    expect(problems.errors.join('\n')).toBe('');
  });
});
