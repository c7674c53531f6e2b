/**
 * The app remembers where the user was: dataset, event, selection and view survive a reload (the
 * browser build's restart; in Electron the same state is written by the main process), a corrupt
 * saved session is reported and ignored, and stepping through events leaks no GPU memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { afterRender, openApp, pageShot, startHarness, type Harness, type PageProblems } from './support';

let h: Harness;
let page: Page;
let problems: PageProblems;
const hud = () => page.getByTestId('event-summary').locator('.hud-line').textContent();
const geometryCount = () => page.evaluate(() => window.__na62!.renderInfo());

beforeAll(async () => {
  h = await startHarness();
  ({ page, problems } = await openApp(h));
  await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await h?.close();
});

describe('session', () => {
  it('stepping through 40 events frees each event\'s GPU geometries', async () => {
    // blinded events are refused (nothing new is drawn), so wait for the position, not for a frame
    const indexIs = (i: number) => expect.poll(() => page.getByTestId('event-index').inputValue()).toBe(String(i));
    const stepTo = async (i: number) => {
      await page.keyboard.press('ArrowRight');
      await indexIs(i);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    for (let i = 1; i <= 5; i++) await stepTo(i);
    const settled = await geometryCount();
    const counts: number[] = [];
    for (let i = 6; i <= 45; i++) {
      await stepTo(i);
      counts.push((await geometryCount()).geometries);
    }
    // every event has a few geometries of its own; a leak would add them up (40 events × ≥ 3)
    expect(Math.max(...counts)).toBeLessThanOrEqual(settled.geometries + 8);
    expect((await geometryCount()).textures).toBeLessThanOrEqual(settled.textures);
  });

  it('comes back after a reload on the same dataset, event, selection and view', async () => {
    await page.getByTestId('dataset-select').selectOption({ index: 0 });
    await page.getByTestId('run-selection').click();
    await page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    await page.getByTestId('walk-candidates').check();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await afterRender(page, () => page.keyboard.press('End'));
    await page.getByTestId('walk-position').waitFor();
    await expect.poll(() => page.getByTestId('walk-position').textContent()).toMatch(/candidates: (\d+) of \1$/);
    await page.getByRole('button', { name: 'Top', exact: false }).first().click();
    await expect.poll(() => page.locator('[data-view="top"]').getAttribute('aria-pressed')).toBe('true');
    const where = await hud();
    const walk = await page.getByTestId('walk-position').textContent();
    await page.waitForTimeout(600); // the session is saved 200 ms after the last change

    await page.reload();
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(hud, { timeout: 30_000 }).toBe(where);
    await page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('walk-position').textContent()).toBe(walk);
    expect(await page.locator('[data-view="top"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('blind-state').textContent()).toBe('BLIND');
    await pageShot(page, '60-session-restored');
  });

  it('reports a corrupt saved session and starts afresh', async () => {
    await page.evaluate(() => localStorage.setItem('na62-session', '{"format":"na62-session","version":1,"index":-5}'));
    await page.reload();
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('message').textContent(), { timeout: 30_000 }).toMatch(/^Session: saved session \(browser storage "na62-session"\): not a saved session .*starting afresh$/);
    expect(await hud()).toContain('11001:0:0');
    expect(problems.errors).toEqual([]);
  });
});
