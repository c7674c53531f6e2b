/**
 * Data in the browser build: the built-in demo, stepping events, Generate…, opening good and bad
 * files. Screenshots in test-output/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/views/test-hooks';
import { ROOT, SHOTS, afterRender, canvasShot, fractionChanged, openApp, pageShot, reblind, startHarness, unblindTo, type Harness, type PageProblems } from './support';
import { cliCommand } from '../cli-command';

const CLI = cliCommand();

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

describe('data in the app', () => {
  it('opens on the built-in demo: a dump-mode mix and a kaon-mode file', async () => {
    // the kaon-mode file joins the list once the first event is drawn (the worker opens it after)
    // (the poll's default second is too short on a busy machine: the worker fetches and checks it first)
    await expect.poll(() => page.getByTestId('dataset-select').locator('option').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^na62-demo-dump-.*\.arrow$/), expect.stringMatching(/^na62-demo-kaon-.*\.arrow$/)]);
    expect(await page.getByTestId('dataset-info').textContent()).toMatch(/4,000 events · Simulation/);
    // on its first event the user may see that has tracks: since generator 1.3 (prompt pairs drawn
    // mostly from muons through the beam hole) that is event 0, a prompt e+e− (two tracks with 1.4)
    expect(await hud()).toContain('11001:0:0 · dump · prompt-ee');
    expect(await page.getByTestId('track-table').locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('steps events with the keyboard; the HUD and the picture change', async () => {
    const before = await canvasShot(page, '20-demo-first-event');
    for (let i = 0; i < 4; i++) await afterRender(page, () => page.keyboard.press('ArrowRight'));
    await expect.poll(hud).toContain('11001:0:4');
    const stepped = await canvasShot(page, '20-demo-event-4');
    expect(fractionChanged(before, stepped)).toBeGreaterThan(0.0005);
    // event 12 by its index: a combinatorial μμ pair with both tracks reconstructed (generator 1.1: the
    // biased halo pairs before it lose their μ⁻, or both muons, in the spectrometer; event 7 is blind)
    await afterRender(page, async () => { await page.getByTestId('event-index').fill('12'); await page.getByTestId('event-index').press('Enter'); });
    await expect.poll(hud).toContain('11001:0:12');
    expect(await page.getByTestId('event-process').textContent()).toBe('combinatorial-mumu');
    expect(await page.getByTestId('track-table').locator('tbody tr').count()).toBe(2);
    const after = await canvasShot(page, '21-demo-event-12');
    await pageShot(page, '21-page-event-12');
    expect(fractionChanged(stepped, after)).toBeGreaterThan(0.0005);
    await page.getByTestId('event-index').blur(); // the keys step events when no text field has the focus
    await afterRender(page, () => page.keyboard.press('PageDown'));
    await expect.poll(hud).toContain('11001:0:13');
    await afterRender(page, () => page.keyboard.press('PageUp'));
    await expect.poll(hud).toContain('11001:0:12');
    // MC truth on and off changes pixels
    const noTruth = await canvasShot(page, '22-truth-off');
    await afterRender(page, () => page.keyboard.press('m'));
    const truth = await canvasShot(page, '23-truth-on');
    expect(fractionChanged(noTruth, truth)).toBeGreaterThan(0.0002);
    await afterRender(page, () => page.keyboard.press('m'));
  });

  it('keeps signal-region events blind: stepping onto one shows why, not the event', async () => {
    await page.getByTestId('event-index').fill('7');
    await page.getByTestId('event-index').press('Enter');
    // the message says nothing about the event (not even which region hides it)
    await expect.poll(() => page.getByTestId('data-error').textContent()).toMatch(/this event is blinded: it stays hidden while an analysis of this dataset is blind/);
    expect(await page.getByTestId('event-summary').count()).toBe(0);
    expect(await page.getByTestId('blind-state').textContent()).toBe('BLIND');
  });

  it('runs dump-mumu: cut-flow, masked count, candidates; unblinding needs the typed phrase, CR first', async () => {
    await page.getByTestId('run-selection').click();
    await page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    const rows = await page.getByTestId('cutflow').locator('tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(['all', 'two_tracks', 'timing', 'track_quality', 'momentum', 'acceptance', 'muon_id', 'lav_veto', 'vertex_cda', 'fiducial']);
    expect(await page.getByTestId('region-counts').textContent()).toMatch(/masked \(blind\): \d+ events, not listed/);
    const blindRegions = await page.getByTestId('candidates').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(blindRegions.every((r) => r === '—')).toBe(true);
    await pageShot(page, '26-selection-blind');
    // a bad expression is refused with a reason before anything runs
    await page.getByTestId('expressions').fill('cda_taxx < 20');
    await expect.poll(() => page.getByTestId('expression-error').textContent()).toMatch(/did you mean cda_tax/);
    await page.getByTestId('expressions').fill('');
    // unblind: the control region, then the signal region
    await unblindTo(page, 'SR');
    await expect.poll(() => page.getByTestId('region-counts').textContent()).toMatch(/SR: \d+/);
    await page.getByTestId('candidates').locator('tbody tr', { hasText: 'SR' }).first().click();
    await page.getByTestId('event-summary').waitFor();
    await pageShot(page, '27-selection-unblinded-event');
    const srIndex = await page.getByTestId('event-index').inputValue();
    // the event on show follows the stage: masked again when the regions close, drawn when they open, without stepping
    await reblind(page);
    await page.getByTestId('blind-notice').first().waitFor();
    await unblindTo(page, 'SR');
    await page.getByTestId('event-summary').waitFor();
    expect(await page.getByTestId('blind-notice').count()).toBe(0);
    expect(await page.getByTestId('event-index').inputValue()).toBe(srIndex);
    // the unblinded list is exported with its SR events…
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).click()]);
    const saved = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^na62-demo-dump-.*-dump-mumu\.json$/);
    expect(JSON.parse(readFileSync(saved, 'utf8')).candidates.some((c: { region: string }) => c.region === 'SR')).toBe(true);
    // … and blind again for the rest
    await reblind(page);
    // that list, reloaded while blind, is refused: it was made with the regions open
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('load-list').click()]);
    await chooser.setFiles(saved);
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringMatching(/made with the SR of dump-mumu unblinded on dataset [0-9a-f]{12}; unblind it here first/));
  });

  it('steps through the dump-mumu candidates with the keyboard; HUD and pixels change; clicking a track shows its momentum', async () => {
    // blind, the demo keeps only a few candidates outside SR and CR: unblind to walk the signal candidates
    await unblindTo(page, 'SR');
    await page.getByTestId('run-selection').click();
    await page.getByTestId('cutflow').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('region-counts').textContent()).toMatch(/SR: \d+/);
    await page.getByTestId('walk-candidates').check();
    await page.getByTestId('walk-position').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // keys typed into a form control are not shortcuts
    const posOf = async () => Number(/candidates: (\d+) of/.exec((await page.getByTestId('walk-position').textContent()) ?? '')?.[1] ?? 0);
    const start = await posOf();
    let lastHud = await hud(), lastShot = await canvasShot(page, '30-before-stepping');
    for (let k = 0; k < 3; k++) {
      await afterRender(page, () => page.keyboard.press('ArrowRight'));
      await expect.poll(hud).not.toBe(lastHud);
      await expect.poll(posOf).toBe(start + k + 1);
      expect(await page.getByTestId('event-selection').textContent()).toMatch(/dump-mumu: selected/);
      const shot = await canvasShot(page, `31-candidate-${k + 1}`);
      expect(fractionChanged(lastShot, shot)).toBeGreaterThan(0.0002);
      lastHud = await hud(); lastShot = shot;
    }
    await pageShot(page, '32-candidate-hud');
    // click track 1 where it is drawn: the info panel shows its momentum
    const first = page.getByTestId('track-table').locator('tbody tr').first().locator('td');
    expect((await first.nth(0).textContent())!.trim()).toBe('1'); // the number the pick card names it by
    const p = (await first.nth(2).textContent())!.trim();
    const pt = await page.evaluate(() => window.__na62!.trackScreenPoint(0));
    expect(pt).toBeDefined();
    const box = (await page.locator('canvas').boundingBox())!;
    await afterRender(page, () => page.mouse.click(box.x + pt!.x, box.y + pt!.y));
    await expect.poll(() => page.getByTestId('picked-object').textContent()).toContain(`momentum${p} GeV/c`);
    expect(await page.getByTestId('picked-object').textContent()).toContain('STRAW track 1');
    await pageShot(page, '33-picked-track');
    // the colour mode changes the picture and the legend
    const charge = await canvasShot(page, '34-colour-charge');
    await afterRender(page, () => page.getByTestId('colour-by').selectOption('hypothesis'));
    expect(await page.getByTestId('event-legend').textContent()).toContain('μ (MUV3 hit');
    expect(fractionChanged(charge, await canvasShot(page, '35-colour-hypothesis'))).toBeGreaterThan(0.0002);
    await page.getByTestId('colour-by').selectOption('charge');
    await page.getByTestId('walk-candidates').uncheck();
    // a K2πDD event (all of them sit in the m_π4e SR: visible only with kaon-pi4e unblinded on that dataset)
    await page.getByTestId('dataset-select').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('preset-select').inputValue()).toBe('kaon-pi4e');
    await unblindTo(page, 'SR');
    await page.getByTestId('event-index').fill('412');
    await page.getByTestId('event-index').press('Enter');
    await expect.poll(hud).toContain('8001:0:412 · kaon · k2pi-dd');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await afterRender(page, () => page.keyboard.press('e')); // fit the event
    await pageShot(page, '36-k2pidd-unblinded');
    await reblind(page);
    await page.getByTestId('dataset-select').selectOption({ index: 0 });
    await expect.poll(() => page.getByTestId('preset-select').inputValue()).toBe('dump-mumu');
    await reblind(page);
  });

  it('the kaon-mode demo shows the beam kaon', async () => {
    await page.getByTestId('dataset-select').selectOption({ index: 1 });
    await expect.poll(hud).toContain('8001:0:0');
    expect(await page.getByTestId('event-summary').textContent()).toMatch(/beam K\+: 7\d\.\d\d GeV\/c/);
    await pageShot(page, '24-kaon-event-0');
  });

  it('Generate… runs the fast MC in the worker and opens the result', async () => {
    await page.keyboard.press('Control+g');
    const dialog = page.getByRole('dialog', { name: 'Generate events' });
    await dialog.waitFor();
    await dialog.getByLabel('processes').fill('aprime-ee');
    await dialog.getByLabel('events', { exact: true }).fill('3000');
    await dialog.getByLabel('seed', { exact: true }).fill('5');
    await dialog.getByLabel('mass', { exact: true }).fill('120');
    await dialog.getByTestId('generate-run').click();
    await expect.poll(() => page.getByTestId('dataset-select').locator('option').allTextContents(), { timeout: 60_000 }).toContain('aprime-ee-seed5.arrow');
    await expect.poll(() => page.getByTestId('dataset-info').textContent()).toMatch(/3,000 events/);
    expect(await page.getByTestId('dataset-info').textContent()).toContain('aprime-ee 3000');
    // bad parameters are refused in the dialog with a reason
    await page.keyboard.press('Control+g');
    await dialog.getByLabel('events', { exact: true }).fill('-5');
    await dialog.getByTestId('generate-run').click();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/numEvents/);
    await dialog.getByLabel('events', { exact: true }).fill('100');
    await dialog.getByLabel('processes').fill('aprime-mumu,k2pi-dd');
    await dialog.getByTestId('generate-run').click();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/k2pi-dd is not a kaon-mode process|is not a (dump|kaon)-mode process/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens a file from the CLI, and refuses a corrupt one with a message naming it', async () => {
    const good = path.join(SHOTS, 'cli-kaon.arrow');
    execFileSync(CLI[0]!, [...CLI.slice(1), 'generate', '--process', 'kpi-aa', '--events', '500', '--seed', '3', '--out', good, '--quiet'], { cwd: ROOT });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-file').click()]);
    await chooser.setFiles(good);
    await expect.poll(() => page.getByTestId('dataset-select').locator('option').allTextContents()).toContain('cli-kaon.arrow');
    await expect.poll(hud).toMatch(/kpi-aa/);

    const bad = path.join(SHOTS, 'corrupt.arrow');
    writeFileSync(bad, Buffer.concat([Buffer.from('ARROW1\0\0'), Buffer.alloc(4000, 7)]));
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-file').click()]);
    await chooser2.setFiles(bad);
    await expect.poll(() => page.getByTestId('data-error').textContent()).toMatch(/^corrupt\.arrow: the file is truncated/);
    // in sight, though the controls column had been scrolled down to the event
    await expect.poll(() => page.getByTestId('data-error').evaluate((el) => {
      let box = el.parentElement; // the nearest ancestor that scrolls
      while (box && !(box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== 'visible')) box = box.parentElement;
      const r = el.getBoundingClientRect(), c = (box ?? document.documentElement).getBoundingClientRect();
      return r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5;
    })).toBe(true);
    await pageShot(page, '25-corrupt-file');
    // the open datasets are untouched
    expect(await page.getByTestId('dataset-select').locator('option').count()).toBe(4);
    // closing one leaves the others
    await page.getByTestId('dataset-select').selectOption({ label: 'cli-kaon.arrow' });
    await page.getByTestId('close-dataset').click();
    await expect.poll(() => page.getByTestId('dataset-select').locator('option').allTextContents()).not.toContain('cli-kaon.arrow');
    expect(await page.getByTestId('dataset-select').locator('option').count()).toBe(3);
  });

  it('raised no page errors or console errors', () => {
    expect(problems.errors.join('\n')).toBe('');
  });
});
