/**
 * Share a view in the browser build: "Save this view" writes a .na62view file; the same view as a
 * #view= link opens a fresh window (its own storage) on the same event, view and camera; a view file
 * opens from the file picker; a damaged link is reported, not applied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRender, openApp, pageShot, SHOTS, startHarness, type Harness, type PageProblems } from './support';
import { parseViewFile, viewFileText, viewHash, type ViewFile } from '../../src-shared/view/view-file';

let h: Harness;
const problems: PageProblems[] = [];
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const hud = (page: Page) => page.getByTestId('event-summary').locator('.hud-line').textContent();
const straw1 = (page: Page) => page.evaluate(() => window.__na62!.elementScreenBox('straw1'));

async function palette(page: Page, text: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('share a view', () => {
  let saved: ViewFile;
  let where = '';
  let seen: { minX: number; maxY: number };

  it('saves the view (dataset identity, event, mode, camera) to a .na62view file', async () => {
    const { page, problems: p } = await openApp(h);
    problems.push(p);
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await afterRender(page, () => page.keyboard.press('End'));
    await afterRender(page, () => page.keyboard.press('ArrowLeft'));
    await afterRender(page, () => page.keyboard.press('3'));
    const box = (await page.locator('canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await afterRender(page, () => page.mouse.wheel(0, -300));
    await page.waitForTimeout(300); // the camera rig reports the pose after the move
    where = (await hud(page))!;
    seen = (await straw1(page))!;
    const download = page.waitForEvent('download');
    await palette(page, 'Save this view');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^na62-view-\d+-\d+-\d+\.na62view$/);
    const target = path.join(SHOTS, file.suggestedFilename());
    await file.saveAs(target);
    const parsed = parseViewFile(readFileSync(target, 'utf8'), target);
    if ('problem' in parsed) throw new Error(parsed.problem);
    saved = parsed.view;
    expect(where).toContain(`${saved.event!.run}:${saved.event!.burst}:${saved.event!.event}`);
    expect(saved.dataset?.identity).toMatch(/^sha256:/);
    expect(saved.view?.mode).toBe('top');
    expect(saved.view?.camera?.mode).toBe('top');
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/Saved this view to na62-view-/);
    await page.close();
  });

  it('a #view= link opens a fresh window on the same event, view and camera', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 850 } });
    const p: PageProblems = { errors: [] };
    page.on('pageerror', (e) => p.errors.push(`pageerror: ${e.message}`));
    problems.push(p);
    await page.goto(`${h.url}${viewHash(saved)}`);
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => hud(page), { timeout: 30_000 }).toBe(where);
    await expect.poll(() => page.getByTestId('message').textContent(), { timeout: 30_000 }).toBe('Opened the view of the link');
    expect(await page.locator('[data-view="top"]').first().getAttribute('aria-pressed')).toBe('true');
    // the same camera: STRAW1 where it was on screen, to a pixel
    await expect.poll(async () => { const b = await straw1(page); return b ? Math.abs(b.minX - seen.minX) + Math.abs(b.maxY - seen.maxY) : 1e9; }, { timeout: 15_000 }).toBeLessThan(1.5);
    await pageShot(page, '98-view-link-opened');

    // a view file from the picker: the first event of the file, side view
    const first = { ...saved, event: undefined, view: { mode: 'side' as const } };
    delete first.event;
    await afterRender(page, () => page.keyboard.press('Home'));
    const firstHud = await hud(page);
    await afterRender(page, () => page.keyboard.press('End'));
    const m = /(\d+):(\d+):(\d+)/.exec(firstHud!)!;
    const file = path.join(SHOTS, 'first.na62view');
    writeFileSync(file, viewFileText({ ...first, event: { run: Number(m[1]), burst: Number(m[2]), event: Number(m[3]) } }));
    const chooser = page.waitForEvent('filechooser');
    await palette(page, 'Open a saved view');
    await (await chooser).setFiles(file);
    await expect.poll(() => hud(page), { timeout: 30_000 }).toBe(firstHud);
    await expect.poll(() => page.locator('[data-view="side"]').first().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('message').textContent()).toBe('Opened the view of first.na62view');

    // a link cut short is reported and changes nothing
    await page.evaluate((hash) => { window.location.hash = hash; }, viewHash(saved).slice(0, 60));
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/the link/);
    expect(await hud(page)).toBe(firstHud);
    await page.close();
  });

  it('raised no page errors, console errors or CSP violations', () => {
    expect(problems.flatMap((p) => p.errors)).toEqual([]);
  });
});
