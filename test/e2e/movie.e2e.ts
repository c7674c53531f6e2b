/**
 * Event movies in the browser build: a build-up from the export dialog (download, decoded by
 * Debian's ffprobe/ffmpeg with the size, frame rate and length asked; its first frame without the
 * event, its last with it), a 1080p turntable whose frames turn, MP4 where this Chromium encodes
 * H.264 (else its message), the dialog's preview, Cancel, and `na62 render --movie`. ffmpeg is installed in the set-up
 * like Chromium (scripts/ensure-ffmpeg.mjs). Movies and frames go to test-output/e2e/ to be looked at.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/export/hooks';
import { ROOT, SHOTS, withDemoPage, type PageProblems } from './support';
import { cliCommand } from '../cli-command';

const run = promisify(execFile);
const t = withDemoPage();
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-ffmpeg.mjs')], { stdio: 'inherit' });
  ({ page, problems } = t);
  await page.getByTestId('event-index').fill('12'); // a combinatorial μμ pair of the dump demo
  await page.getByTestId('event-index').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="event-summary"] .hud-line')?.textContent?.includes('11001:0:12'), null, { timeout: 30_000 });
});

interface Probe { width: number; height: number; codec: string; fps: string; duration: number; frames: number }
async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,r_frame_rate,nb_read_frames:format=duration', '-of', 'json', file]);
  const j = JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number; r_frame_rate: string; nb_read_frames: string }[]; format: { duration: string } };
  const s = j.streams[0]!;
  return { width: s.width, height: s.height, codec: s.codec_name, fps: s.r_frame_rate, duration: Number(j.format.duration), frames: Number(s.nb_read_frames) };
}
/** The first and the last frame, decoded by ffmpeg, as PNGs (also kept in test-output/e2e/). */
async function ends(file: string, name: string): Promise<[PNG, PNG]> {
  const first = path.join(SHOTS, `${name}-first.png`), last = path.join(SHOTS, `${name}-last.png`);
  await run('ffmpeg', ['-v', 'error', '-y', '-i', file, '-frames:v', '1', first]);
  await run('ffmpeg', ['-v', 'error', '-y', '-sseof', '-0.1', '-i', file, '-update', '1', last]);
  return [PNG.sync.read(readFileSync(first)), PNG.sync.read(readFileSync(last))];
}
/** Share of pixels in rows [y0, y1) that differ by more than `tol` in some channel. */
function changed(a: PNG, b: PNG, y0: number, y1: number, tol = 40): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = 0; x < a.width; x++) {
    const i = (y * a.width + x) * 4;
    if (Math.abs(a.data[i]! - b.data[i]!) > tol || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tol || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tol) n++;
  }
  return n / ((y1 - y0) * a.width);
}
/** Pixels of the tracks' colours (dark theme: q > 0 #ff5a4f, q < 0 #4fa3ff; display/palettes.ts) in rows [y0, y1). */
function trackPixels(img: PNG, y0: number, y1: number, tol = 40): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = 0; x < img.width; x++) {
    const i = (y * img.width + x) * 4, r = img.data[i]!, g = img.data[i + 1]!, b = img.data[i + 2]!;
    if ((Math.abs(r - 255) < tol && Math.abs(g - 90) < tol && Math.abs(b - 79) < tol) || (Math.abs(r - 79) < tol && Math.abs(g - 163) < tol && Math.abs(b - 255) < tol)) n++;
  }
  return n;
}
async function hookMovie(spec: Record<string, unknown>): Promise<{ file: string; r: { name: string; frames: number; codec: string; seconds: number } }> {
  const r = await page.evaluate((s) => window.__na62export!.movie(s), spec);
  const file = path.join(SHOTS, `movie-${r.name}`);
  writeFileSync(file, Buffer.from(r.base64, 'base64'));
  return { file, r };
}

describe('event movies', () => {
  it('exports a build-up from the dialog: WebM of the size, rate and length asked; the event grows in', async () => {
    await page.getByTestId('open-export').click();
    await page.getByRole('dialog', { name: 'Export pictures' }).waitFor();
    await page.getByTestId('movie-kind').selectOption('buildup');
    await page.getByTestId('movie-size').selectOption({ label: 'preview 640 × 360' });
    await page.getByTestId('movie-fps').fill('25');
    await page.getByTestId('movie-duration').fill('0.4');
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('movie-save').click()]);
    expect(d.suggestedFilename()).toBe('11001_0_12_buildup.webm');
    const file = path.join(SHOTS, `movie-${d.suggestedFilename()}`);
    writeFileSync(file, readFileSync((await d.path())!));
    await expect.poll(() => page.getByTestId('movie-message').textContent()).toContain('10 frames');
    const p = await probe(file);
    expect(p).toMatchObject({ width: 640, height: 360, codec: 'vp9', fps: '25/1', frames: 10 });
    expect(p.duration).toBeCloseTo(0.4, 1);
    const [first, last] = await ends(file, 'movie-buildup');
    // the scene is above the caption band (the band: the lowest ~30 % at this size)
    const sceneRows = Math.round(360 * 0.6);
    expect(trackPixels(first, 0, sceneRows)).toBeLessThan(10); // before the front: no tracks
    expect(trackPixels(last, 0, sceneRows)).toBeGreaterThan(150); // the whole event: both tracks
    expect(changed(first, last, 0, sceneRows)).toBeGreaterThan(0.004); // (and nothing but the event moves)
  });

  it('previews the movie in the dialog (play, pause) and cancels a movie on the way', async () => {
    await page.getByTestId('movie-preview').click();
    await expect.poll(() => page.getByTestId('movie-preview-frame').textContent(), { timeout: 60_000 }).toMatch(/^frame ([3-9]|10) \/ 10$/); // the preview plays the 0.4 s × 25 fps set above
    await page.getByTestId('movie-preview').click();
    await expect.poll(() => page.getByTestId('movie-preview').textContent()).toBe('Play preview');
    await page.getByTestId('movie-kind').selectOption('turntable');
    await page.getByTestId('movie-duration').fill('20');
    await page.getByTestId('movie-save').click();
    await page.getByTestId('movie-progress').waitFor();
    await page.getByTestId('movie-cancel').click();
    await expect.poll(() => page.getByTestId('movie-message').textContent(), { timeout: 30_000 }).toBe('Movie cancelled');
    await expect(page.getByTestId('movie-save').isEnabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');
  });

  // (960 × 540 keeps the CI time down; the 1080p and 4K sizes differ only in the encoder's level, unit-tested)
  it('a turntable turns: first and last frames differ in the scene, the caption stays', async () => {
    const { file, r } = await hookMovie({ kind: 'turntable', width: 960, height: 540, fps: 25, duration: 0.2 });
    expect(r.name).toBe('11001_0_12_turntable.webm');
    const p = await probe(file);
    expect(p).toMatchObject({ width: 960, height: 540, codec: 'vp9', fps: '25/1', frames: 5 });
    expect(p.duration).toBeCloseTo(0.2, 1);
    const [first, last] = await ends(file, 'movie-turntable');
    // 4/5 of a turn apart: the detector and the event are elsewhere; the caption band is the same
    expect(changed(first, last, 0, 300)).toBeGreaterThan(0.02);
    expect(changed(first, last, 540 - 60, 540)).toBeLessThan(0.002);
    expect(trackPixels(first, 0, 350)).toBeGreaterThan(50);
    expect(trackPixels(last, 0, 350)).toBeGreaterThan(50);
  });

  it('MP4 is H.264 where this Chromium encodes it, else a message that names WebM', async () => {
    const h264 = await page.evaluate(async () => (await VideoEncoder.isConfigSupported({ codec: 'avc1.640028', width: 320, height: 180 })).supported === true);
    if (h264) {
      const { file } = await hookMovie({ kind: 'buildup', view: 'side', format: 'mp4', width: 320, height: 180, fps: 30, duration: 0.2 });
      expect(await probe(file)).toMatchObject({ width: 320, height: 180, codec: 'h264', fps: '30/1', frames: 6 });
    } else {
      await expect(hookMovie({ kind: 'buildup', format: 'mp4', width: 320, height: 180, fps: 30, duration: 0.5 })).rejects.toThrow(/MP4 \(H\.264\) cannot be encoded.*Choose WebM/);
    }
    expect(problems.errors).toEqual([]);
  });

  it('na62 render --movie buildup writes the movie', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'na62-movie-'));
    const [exe, ...pre] = cliCommand();
    const { stdout } = await run(exe!, [...pre, 'render', '--demo', 'dump', '--events', '12', '--movie', 'buildup', '--views', 'side', '--size', '320x180', '--fps', '25', '--duration', '0.2', '--out', out], { cwd: ROOT, timeout: 110_000 });
    expect(stdout).toContain('1 movies in');
    expect(readdirSync(out)).toEqual(['11001_0_12_buildup-side.webm']);
    expect(await probe(path.join(out, '11001_0_12_buildup-side.webm'))).toMatchObject({ width: 320, height: 180, fps: '25/1', frames: 5 });
  });
});
