/**
 * Blinding in the browser build and in `na62 render`: unblinding goes per analysis and per
 * dataset, CR before SR, and a reload is blind again; a masked event is never drawn unless its
 * analysis was unblinded.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, pageShot, unblindTo, withDemoPage } from './support';
import { cliCommand } from '../cli-command';

const t = withDemoPage();

const regionsListed = async () => new Set(await t.page.getByTestId('candidates').locator('tbody tr td:nth-child(2)').allTextContents());

describe('blinding in the app', () => {
  it("unblinding dump-mumu's CR leaves its SR masked, and dump-ee, kaon-pi4e and the other dataset blind; a reload is blind again", async () => {
    const page = t.page;
    expect(await page.getByTestId('blind-state').textContent()).toBe('BLIND');
    await unblindTo(page, 'CR');
    await pageShot(page, '80-blinding-cr-open');
    await page.getByTestId('run-selection').click();
    await expect.poll(() => page.getByTestId('region-counts').textContent(), { timeout: 60_000 }).toMatch(/CR: \d+/);
    expect(await page.getByTestId('region-counts').textContent()).not.toMatch(/SR:/);
    expect(await page.getByTestId('region-counts').textContent()).toMatch(/masked \(blind\): [1-9]\d* events/);
    expect((await regionsListed()).has('SR')).toBe(false);
    // the picture caption carries the log of the step
    const caption = await page.evaluate(async () => (await window.__na62export!.picture({ width: 800, height: 450 }, 'svg')).base64);
    expect(Buffer.from(caption, 'base64').toString('utf8')).toMatch(/CR of dump-mumu unblinded \d{4}-\d\d-\d\d/);
    // dump-ee on the same dataset is still blind
    await page.getByTestId('preset-select').selectOption('dump-ee');
    expect(await page.getByTestId('blind-state').textContent()).toBe('BLIND');
    await page.getByTestId('run-selection').click();
    // (the dump-mumu counts stand until the new result arrives: wait for the dump-ee one, no region open)
    await expect.poll(() => page.getByTestId('region-counts').textContent(), { timeout: 60_000 }).toMatch(/^masked \(blind\): \d+ events, not listed$/);
    // the other dataset (kaon mode) is blind
    await page.getByTestId('dataset-select').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('preset-select').inputValue()).toBe('kaon-pi4e');
    await expect.poll(() => page.getByTestId('blind-state').textContent()).toBe('BLIND');
    // back on the dump dataset, dump-mumu is still at its CR stage
    await page.getByTestId('dataset-select').selectOption({ index: 0 });
    await page.getByTestId('preset-select').selectOption('dump-mumu');
    await expect.poll(() => page.getByTestId('blind-state').textContent()).toBe('CR UNBLINDED');
    // a reload starts blind: the stage is never restored
    await page.reload();
    await page.getByTestId('event-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('preset-select').selectOption('dump-mumu');
    await expect.poll(() => page.getByTestId('blind-state').textContent()).toBe('BLIND');
  }, 180_000);
});

describe('na62 render and blinding', () => {
  it('refuses a masked event and exits non-zero; draws it after --unblind sr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-render-blind-'));
    const [exe, ...pre] = cliCommand();
    const run = (...args: string[]) => promisify(execFile)(exe!, [...pre, ...args], { cwd: ROOT, timeout: 170_000 });
    const data = path.join(dir, 'mock.arrow');
    await run('generate', '--process', 'aprime-mumu', '--events', '400', '--seed', '4', '--mock-data', '--out', data, '--quiet');
    await run('select', '--preset', 'dump-mumu', '--unblind', 'sr', '--workers', '1', '--quiet', '--out', path.join(dir, 'open.json'), data);
    const sr = (JSON.parse(readFileSync(path.join(dir, 'open.json'), 'utf8')) as { candidates: { index: number; region: string }[] }).candidates.find((c) => c.region === 'SR')!;
    expect(sr).toBeDefined();
    const out = path.join(dir, 'pictures');
    const refused = run('render', data, '--events', String(sr.index), '--size', '800x450', '--out', out);
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(new RegExp(`event ${sr.index} refused: this event is blinded`)) });
    const { stdout, stderr } = await run('render', data, '--events', String(sr.index), '--size', '800x450', '--unblind', 'sr', '--preset', 'dump-mumu', '--out', out);
    expect(stderr).toMatch(/unblinded the CR and SR of dump-mumu/);
    expect(stdout).toContain('1 pictures in');
    expect(readdirSync(out).filter((f) => f.endsWith('.png'))).toHaveLength(1);
  }, 180_000);
});
