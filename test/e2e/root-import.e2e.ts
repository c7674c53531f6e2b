/**
 * ROOT import in the browser build: drop a real ROOT file (uproot-Zmumu.root) on the window, accept
 * the proposed mapping (saying it is data), preview, import, and the first event is drawn.
 * Screenshots in test-output/e2e/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/views/test-hooks';
import { ROOT, afterRender, openApp, pageShot, startHarness, type Harness, type PageProblems } from './support';

let h: Harness;
let page: Page;
let problems: PageProblems;
const hud = () => page.getByTestId('event-summary').locator('.hud-line').textContent();

beforeAll(async () => {
  h = await startHarness();
  ({ page, problems } = await openApp(h));
  await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await h?.close();
});

/** Drop a file on the window as a user's drag and drop would (a File in the DataTransfer). */
async function dropFile(p: Page, name: string, bytes: Buffer): Promise<void> {
  await p.evaluate(([n, b64]) => {
    const bin = atob(b64!);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([u8], n!));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, bytes.toString('base64')]);
}

describe('importing a ROOT file in the browser build', () => {
  it('drop → trees and branches → proposed mapping → preview → import → first event drawn', async () => {
    await dropFile(page, 'uproot-Zmumu.root', readFileSync(path.join(ROOT, '../shared/data/root/uproot-Zmumu.root')));
    const dialog = page.getByRole('dialog', { name: 'Import a ROOT file' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.getByLabel('tree').locator('option').allTextContents()).toEqual(['events — 2304 entries, 20 branches']);
    expect(await dialog.getByTestId('branch-list').textContent()).toContain('px1  double');
    // the proposal: both muons from px1…/px2…, momenta recognised as GeV
    await expect.poll(() => dialog.getByLabel('mapping').inputValue()).toContain('"px": "px2"');
    expect(await dialog.getByLabel('mapping').inputValue()).toContain('"momentum": "GeV"');
    // data or simulation is asked, never guessed: no import until it is answered
    expect(await dialog.getByTestId('import-problem').textContent()).toMatch(/data or simulation/);
    expect(await dialog.getByTestId('import-run').isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'data (starts blind)' }).check();
    await dialog.getByTestId('import-preview').click();
    await dialog.getByTestId('preview').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('preview').locator('.preview-event').count()).toBe(5);
    expect(await dialog.getByTestId('preview').locator('polyline').count()).toBe(10);
    expect(await dialog.getByTestId('absent-notes').textContent()).toContain('no MUV3 hits: no μ ID');
    await pageShot(page, '60-root-import-dialog');

    await afterRender(page, async () => {
      await dialog.getByTestId('import-run').click();
      await expect.poll(() => page.getByTestId('dataset-select').locator('option').allTextContents(), { timeout: 60_000 }).toContain('uproot-Zmumu.arrow');
      await expect.poll(hud, { timeout: 30_000 }).toContain('148031:0:');
    });
    expect(await page.getByTestId('dataset-info').textContent()).toMatch(/2,304 events · Data/);
    expect(await page.getByTestId('imported-from').textContent()).toMatch(/imported from uproot-Zmumu\.root, tree “events”, mapping “events-mapping”[\s\S]*no track positions: tracks start at the stated vertex/);
    // the first event: two tracks drawn
    await expect.poll(() => page.evaluate(() => window.__na62!.eventCounts()?.tracks)).toBe(2);
    expect(await page.getByTestId('track-table').locator('tbody tr').count()).toBe(2);
    await pageShot(page, '61-root-import-first-event');
  });

  it('offers the saved mapping again for the next file with the same layout', async () => {
    await dropFile(page, 'again.root', readFileSync(path.join(ROOT, '../shared/data/root/uproot-Zmumu.root')));
    const dialog = page.getByRole('dialog', { name: 'Import a ROOT file' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain('your saved mapping “events-mapping” for this tree layout');
    expect(await dialog.getByRole('radio', { name: 'data (starts blind)' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('reads a ZSTD-compressed file in the browser (JSROOT\'s zstd chunk): preview of the same events', async () => {
    await dropFile(page, 'uproot-Zmumu-zstd.root', readFileSync(path.join(ROOT, 'test/data/root/uproot-Zmumu-zstd.root')));
    const dialog = page.getByRole('dialog', { name: 'Import a ROOT file' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByTestId('import-preview').click();
    await dialog.getByTestId('preview').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('preview').locator('.preview-event span').first().textContent()).toBe('148031:0:10507008 · 2 tracks · p = 82.2, 60.6 GeV/c');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('refuses a damaged ROOT file with a message naming it', async () => {
    const cut = readFileSync(path.join(ROOT, '../shared/data/root/uproot-HZZ.root')).subarray(0, 120_000);
    await dropFile(page, 'cut-HZZ.root', cut);
    await expect.poll(() => page.getByTestId('data-error').textContent(), { timeout: 30_000 }).toMatch(/^cut-HZZ\.root: the file is truncated/);
  });

  it('raised no page errors or console errors', () => {
    expect(problems.errors.join('\n')).toBe('');
  });
});
