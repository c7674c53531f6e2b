/** Shared helpers of the end-to-end tests: serve the browser build, drive Debian's Chromium, read pixels. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type {} from '../../src-renderer/src/views/test-hooks';
// @ts-expect-error plain ESM helpers shared with the scripts (no type declarations)
import { serveStatic } from '../../scripts/static-server.mjs';
// @ts-expect-error plain ESM helpers shared with the scripts (no type declarations)
import { launchChromium } from '../../scripts/browser.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SHOTS = path.join(ROOT, 'test-output', 'e2e');

export interface Harness {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dist = path.join(ROOT, 'dist-web');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist-web/ is missing: run `npm run build:web` before the e2e tests');
  mkdirSync(SHOTS, { recursive: true });
  const server = (await serveStatic(dist)) as { url: string; close(): Promise<void> };
  const browser = (await launchChromium()) as Browser;
  return { browser, url: server.url, close: async () => { await browser.close(); await server.close(); } };
}

export interface PageProblems { errors: string[] }

/**
 * Open the app on a fresh page; collects page errors, console errors and CSP violations. The tests
 * ask for the one-view layout (`?layout=single`) unless they name another: they read one canvas.
 */
export async function openApp(h: Harness, viewport = { width: 1400, height: 850 }, layout = 'single'): Promise<{ page: Page; problems: PageProblems }> {
  const page = await h.browser.newPage({ viewport, acceptDownloads: true });
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${h.url}?layout=${layout}`);
  await page.waitForFunction(() => (window.__na62?.renderInfo().frame ?? 0) >= 1 && (window.__na62?.renderInfo().calls ?? 0) > 0, null, { timeout: 60_000 });
  return { page, problems };
}

export async function frame(page: Page): Promise<number> {
  return page.evaluate(() => window.__na62!.renderInfo().frame);
}

/** Run an action and wait until the canvas has rendered after it, and React has committed the overlays. */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await frame(page);
  await action();
  await page.waitForFunction((b) => window.__na62!.renderInfo().frame > b, before, { timeout: 30_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function canvasShot(page: Page, name: string): Promise<PNG> {
  const buf = await page.locator('canvas').screenshot();
  writeFileSync(path.join(SHOTS, `${name}.png`), buf);
  return PNG.sync.read(buf);
}

export async function pageShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

export interface Region { x0: number; y0: number; x1: number; y1: number }

const differs = (a: Uint8Array | Buffer, i: number, b: ArrayLike<number>, j: number, tol: number) =>
  Math.abs(a[i]! - b[j]!) > tol || Math.abs(a[i + 1]! - b[j + 1]!) > tol || Math.abs(a[i + 2]! - b[j + 2]!) > tol;

/** Fraction of the pixels of a region (all if omitted) for which `test(byteOffset)` holds. */
function fraction(img: PNG, region: Region | undefined, test: (i: number) => boolean): number {
  const r = clampRegion(img, region);
  let n = 0, hit = 0;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      n++;
      if (test((y * img.width + x) * 4)) hit++;
    }
  }
  return n ? hit / n : 0;
}

/** Fraction of pixels in a region whose colour differs from `rgb` by more than `tol` in any channel. */
export function fractionNot(img: PNG, rgb: [number, number, number], region?: Region, tol = 12): number {
  return fraction(img, region, (i) => differs(img.data, i, rgb, 0, tol));
}

/** Fraction of pixels that differ between two same-size images within a region. */
export function fractionChanged(a: PNG, b: PNG, region?: Region, tol = 12): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  return fraction(a, region, (i) => differs(a.data, i, b.data, i, tol));
}

/** Number of distinct colours (quantised to 4 bits per channel): a blank or flat canvas has one or two. */
export function distinctColours(img: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4) seen.add(((img.data[i]! >> 4) << 8) | ((img.data[i + 1]! >> 4) << 4) | (img.data[i + 2]! >> 4));
  return seen.size;
}

function clampRegion(img: PNG, r?: Region): Region {
  if (!r) return { x0: 0, y0: 0, x1: img.width, y1: img.height };
  return {
    x0: Math.max(0, Math.floor(r.x0)), y0: Math.max(0, Math.floor(r.y0)),
    x1: Math.min(img.width, Math.ceil(r.x1)), y1: Math.min(img.height, Math.ceil(r.y1)),
  };
}

export const hex = (h: string): [number, number, number] => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** A test file's harness and one page on the demo, opened before its tests and closed after. */
export function withDemoPage(viewport?: { width: number; height: number }): { h: Harness; page: Page; problems: PageProblems } {
  const ctx = {} as { h: Harness; page: Page; problems: PageProblems };
  beforeAll(async () => {
    ctx.h = await startHarness();
    Object.assign(ctx, await openApp(ctx.h, viewport));
    await ctx.page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => { await ctx.h?.close(); });
  return ctx;
}

/**
 * Unblind the current analysis on the current dataset up to a region through the dialog, typing
 * the phrase it shows (it names the preset, the region and the dataset); the CR comes first.
 */
export async function unblindTo(page: Page, region: 'CR' | 'SR'): Promise<void> {
  await page.getByTestId('open-unblind').click();
  const dlg = page.getByRole('dialog', { name: 'Unblind' });
  for (const step of region === 'SR' ? (['CR', 'SR'] as const) : (['CR'] as const)) {
    const phrase = dlg.getByTestId('unblind-phrase');
    await expect.poll(() => phrase.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^unblind ${step} of [\\w-]+ on [0-9a-f]{12}$`));
    expect(await dlg.getByTestId('confirm-unblind').isDisabled()).toBe(true);
    await dlg.getByLabel('confirmation').fill((await phrase.textContent())!);
    await dlg.getByTestId('confirm-unblind').click();
    await expect.poll(() => page.getByTestId('blind-state').textContent()).toBe(step === 'CR' ? 'CR UNBLINDED' : 'UNBLINDED');
  }
  await dlg.getByRole('button', { name: 'Close' }).click();
}

/** Close every region of the current analysis on the current dataset again. */
export async function reblind(page: Page): Promise<void> {
  await page.getByTestId('open-unblind').click();
  const dlg = page.getByRole('dialog', { name: 'Unblind' });
  await dlg.getByTestId('reblind').click();
  await expect.poll(() => page.getByTestId('blind-state').textContent()).toBe('BLIND');
  await dlg.getByRole('button', { name: 'Close' }).click();
}
