/**
 * The app remembers where the user was: dataset, event, selection and view survive a reload (the
 * browser build's restart; in Electron the same state is written by the main process), a corrupt
 * saved session is reported and ignored, and stepping through events leaks no GPU memory.
 */
import { describe, expect, it } from 'vitest';
import { afterRender, pageShot, withDemoPage } from './support';

const t = withDemoPage();
const hud = () => t.page.getByTestId('event-summary').locator('.hud-line').textContent();
const geometryCount = () => t.page.evaluate(() => window.__na62!.renderInfo());

describe('session', () => {
  it('stepping through 40 events frees each event\'s GPU geometries', async () => {
    // blinded events are refused (nothing new is drawn), so wait for the position, not for a frame
    const indexIs = (i: number) => expect.poll(() => t.page.getByTestId('event-index').inputValue()).toBe(String(i));
    const stepTo = async (i: number) => {
      await t.page.keyboard.press('ArrowRight');
      await indexIs(i);
      await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    // the geometries on the GPU besides the drawn event's own (one or two per layer it draws)
    const others = () => t.page.evaluate(() => window.__na62!.renderInfo().geometries - window.__na62!.eventGeometries());
    // the app opens on the demo's first event with tracks: since generator 1.3 that is event 0, a
    // prompt e+e− (two tracks with 1.4; skipping empty and blind events is tested in track-summary.test.ts)
    const start = Number(await t.page.getByTestId('event-index').inputValue());
    expect(start).toBe(0);
    for (let i = 1; i <= 5; i++) await stepTo(start + i);
    const settled = await geometryCount();
    const base = await others();
    const counts: number[] = [];
    for (let i = 6; i <= 45; i++) {
      await stepTo(start + i);
      counts.push(await others());
    }
    // a leak would add each event's geometries up (40 events × ≥ 2); the highlight and vertex marker may come and go
    expect(Math.max(...counts)).toBeLessThanOrEqual(base + 3);
    expect((await geometryCount()).textures).toBeLessThanOrEqual(settled.textures);
  });

  it('comes back after a reload on the same dataset, event, selection and view', async () => {
    await t.page.getByTestId('dataset-select').selectOption({ index: 0 });
    await t.page.getByTestId('run-selection').click();
    await t.page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    await t.page.getByTestId('walk-candidates').check();
    await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await afterRender(t.page, () => t.page.keyboard.press('End'));
    await t.page.getByTestId('walk-position').waitFor();
    await expect.poll(() => t.page.getByTestId('walk-position').textContent()).toMatch(/candidates: (\d+) of \1$/);
    await t.page.getByRole('button', { name: 'Top', exact: false }).first().click();
    await expect.poll(() => t.page.locator('[data-view="top"]').getAttribute('aria-pressed')).toBe('true');
    // zoom in with the wheel: the camera the user leaves is part of the session
    const box = (await t.page.locator('canvas').boundingBox())!;
    await t.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await afterRender(t.page, () => t.page.mouse.wheel(0, -400));
    const straw1 = () => t.page.evaluate(() => window.__na62!.elementScreenBox('straw1'));
    const seen = (await straw1())!;
    const where = await hud();
    const walk = await t.page.getByTestId('walk-position').textContent();
    await t.page.waitForTimeout(600); // the session is saved 200 ms after the last change

    await t.page.reload();
    await t.page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(hud, { timeout: 30_000 }).toBe(where);
    await t.page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    await expect.poll(() => t.page.getByTestId('walk-position').textContent()).toBe(walk);
    expect(await t.page.locator('[data-view="top"]').getAttribute('aria-pressed')).toBe('true');
    // the same camera: STRAW1 where it was on screen, to a pixel
    await expect.poll(async () => { const b = await straw1(); return b ? Math.abs(b.minX - seen.minX) + Math.abs(b.maxY - seen.maxY) : 1e9; }, { timeout: 10_000 }).toBeLessThan(1.5);
    expect(await t.page.getByTestId('blind-state').textContent()).toBe('BLIND');
    await pageShot(t.page, '60-session-restored');
  });

  it('reports a corrupt saved session and starts afresh', async () => {
    await t.page.evaluate(() => localStorage.setItem('na62-session', '{"format":"na62-session","version":1,"index":-5}'));
    await t.page.reload();
    await t.page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => t.page.getByTestId('message').textContent(), { timeout: 30_000 }).toMatch(/^Session: saved session \(browser storage "na62-session"\): not a saved session .*starting afresh$/);
    expect(await hud()).toContain('11001:0:0 · dump · prompt-ee'); // afresh: the demo's first event with tracks
    expect(t.problems.errors).toEqual([]);
  });
});
