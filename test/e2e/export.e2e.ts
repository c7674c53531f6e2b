/**
 * Pictures for talks, in the browser build: the export dialog (PNG at any size, transparent paper
 * theme, SVG, glTF, batches with progress), 8K in tiles smaller than the GPU's limit with line
 * widths that scale, and the CLI `render`. Every picture is written to test-output/e2e/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../../src-renderer/src/export/hooks';
import { ROOT, SHOTS, pageShot, withDemoPage, type Harness, type PageProblems } from './support';
// @ts-expect-error the validator ships no type declarations
import { validateBytes } from 'gltf-validator';
import { cliCommand } from '../cli-command';
import { layoutProblems, type LayoutBox } from '../../src-shared/picture/text-layout/layout';

const CLI = cliCommand();

const t = withDemoPage();
let h: Harness;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ h, page, problems } = t);
  await page.getByTestId('event-index').fill('12'); // a combinatorial μμ pair: two tracks through the magnet (demo of generator 1.1)
  await page.getByTestId('event-index').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="event-summary"] .hud-line')?.textContent?.includes('11001:0:12'), null, { timeout: 30_000 });
  await page.getByTestId('open-export').click();
  await page.getByRole('dialog', { name: 'Export pictures' }).waitFor();
});
async function download(click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const bytes = readFileSync((await d.path())!);
  writeFileSync(path.join(SHOTS, `export-${d.suggestedFilename()}`), bytes);
  return { name: d.suggestedFilename(), bytes };
}

const near = (img: PNG, rgb: [number, number, number], tol: number) => {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (Math.abs(img.data[i]! - rgb[0]) <= tol && Math.abs(img.data[i + 1]! - rgb[1]) <= tol && Math.abs(img.data[i + 2]! - rgb[2]) <= tol) n++;
  return n / (img.width * img.height);
};

describe('pictures for talks', () => {
  it('exports a PNG of the size asked, whatever the window, with the caption drawn in', async () => {
    await pageShot(page, 'export-dialog');
    // the dialog is taller than the window: it scrolls, and its Close row stays in sight (it had been cut off)
    const close = page.locator('.export-dialog > .buttons:last-child button');
    expect(await close.evaluate((b) => { const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === b; })).toBe(true);
    await page.getByTestId('export-width').fill('2400');
    await page.getByTestId('export-height').fill('1000');
    const { name, bytes } = await download(() => page.getByTestId('export-save').click());
    expect(name).toBe('11001_0_12_side.png');
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([2400, 1000]);
    expect(bytes[25]).toBe(2); // colour type 2: RGB, no alpha channel when the background is opaque
    await expect.poll(() => page.getByTestId('export-message').textContent()).toContain('2400 × 1000 px');
    // the caption's "NA62" (bold, light text on the dark background) is in the top-left corner
    const corner = new PNG({ width: 300, height: 60 });
    PNG.bitblt(png, corner, 0, 0, 300, 60, 0, 0);
    expect(near(corner, [223, 230, 238], 40)).toBeGreaterThan(0.02);
    // bad input is refused with the reason, nothing is written
    await page.getByTestId('export-width').fill('9000');
    await page.getByTestId('export-save').click();
    await expect.poll(() => page.getByTestId('export-problem').textContent()).toContain('9000 × 1000 is above the maximum of 7680 × 4320 px');
  });

  it('transparent background: the PNG has an alpha channel, transparent where nothing is drawn', async () => {
    await page.getByTestId('export-width').fill('1600');
    await page.getByTestId('export-height').fill('900');
    await page.getByTestId('export-theme').selectOption('paper');
    await page.getByTestId('export-transparent').check();
    const { bytes } = await download(() => page.getByTestId('export-save').click());
    expect(bytes[25]).toBe(6); // colour type 6: RGBA
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1600, 900]);
    let clear = 0, opaque = 0;
    for (let i = 3; i < png.data.length; i += 4) { if (png.data[i] === 0) clear++; else if (png.data[i] === 255) opaque++; }
    expect(clear / (1600 * 900)).toBeGreaterThan(0.3);
    expect(opaque / (1600 * 900)).toBeGreaterThan(0.005);
    await page.getByTestId('export-transparent').uncheck();
    // the paper theme on an opaque background is white, and the app's own theme is back to dark
    const paper = PNG.sync.read((await download(() => page.getByTestId('export-save').click())).bytes);
    expect(near(paper, [255, 255, 255], 2)).toBeGreaterThan(0.3);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.getByTestId('export-theme').selectOption('dark');
  });

  it('renders 7680 × 4320 in tiles of 2048 px, and tracks keep their width relative to the picture', async () => {
    const shot = async (width: number, height: number, maxTile: number) => {
      const r = await page.evaluate(([w, hh, m]) => window.__na62export!.picture({ width: w, height: hh, frame: 'screen' }, 'png', m), [width, height, maxTile] as const);
      const bytes = Buffer.from(r.base64, 'base64');
      writeFileSync(path.join(SHOTS, `export-${width}x${height}.png`), bytes);
      return PNG.sync.read(bytes);
    };
    const hd = await shot(1920, 1080, 4096);
    const k8 = await shot(7680, 4320, 2048); // as on a GPU whose render buffers stop at 2048 px
    expect([k8.width, k8.height]).toEqual([7680, 4320]);
    // the tracks' share of the picture stays: hairlines at 8K would cover a quarter of it
    const red = [255, 90, 79] as [number, number, number], blue = [79, 163, 255] as [number, number, number];
    const ratio = (near(k8, red, 24) + near(k8, blue, 24)) / (near(hd, red, 24) + near(hd, blue, 24));
    expect(near(hd, red, 24) + near(hd, blue, 24)).toBeGreaterThan(0.001);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });

  it('SVG of a 2D view parses and has the tracks as paths', async () => {
    await page.getByTestId('export-layout').selectOption('top');
    await page.getByTestId('export-format').selectOption('svg');
    await page.getByTestId('export-frame').selectOption('event');
    await page.getByTestId('export-width').fill('1920');
    await page.getByTestId('export-height').fill('1080');
    const { name, bytes } = await download(() => page.getByTestId('export-save').click());
    expect(name).toBe('11001_0_12_top.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const tracks = Array.from(doc.querySelectorAll('path[data-kind="track"]'));
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName,
        tracks: tracks.length, colours: [...new Set(tracks.map((p) => p.getAttribute('stroke')))], width: doc.documentElement.getAttribute('width'),
        text: doc.documentElement.textContent ?? '',
      };
    }, bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBe('1920');
    expect(parsed.tracks).toBeGreaterThanOrEqual(2);
    expect(parsed.colours).toEqual(expect.arrayContaining(['#ff5a4f', '#4fa3ff'])); // q > 0 and q < 0
    expect(parsed.text).toContain('Run 11001 · Burst 0 · Event 12');
    expect(parsed.text).toContain('z [m]');
    // what it looks like, for the eye
    const view = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await view.setContent(bytes.toString('utf8'));
    await view.screenshot({ path: path.join(SHOTS, 'export-svg-rendered.png') });
    await view.close();
    await page.getByTestId('export-format').selectOption('png');
    await page.getByTestId('export-layout').selectOption('current');
    await page.getByTestId('export-frame').selectOption('screen');
  });

  it('glTF of the 3D scene passes the Khronos validator with no errors', async () => {
    const { name, bytes } = await download(() => page.getByTestId('export-gltf').click());
    expect(name).toBe('11001_0_12_scene.glb');
    const report = await validateBytes(new Uint8Array(bytes));
    writeFileSync(path.join(SHOTS, 'export-gltf-validation.json'), JSON.stringify(report, null, 1));
    expect(report.issues.numErrors, JSON.stringify(report.issues.messages.filter((m: { severity: number }) => m.severity === 0).slice(0, 5))).toBe(0);
    expect(report.info.totalVertexCount).toBeGreaterThan(10_000);
    expect(report.info.drawCallCount).toBeGreaterThan(20);
  });

  it('a batch of 5 events writes 5 files named run_burst_event_view (one zip in the browser)', async () => {
    await page.getByTestId('export-width').fill('640');
    await page.getByTestId('export-height').fill('360');
    await page.getByTestId('batch-range-on').check();
    await page.getByTestId('batch-range').fill('0-4');
    const { name, bytes } = await download(() => page.getByTestId('batch-run').click());
    expect(name).toMatch(/^na62-pictures-na62-demo-dump-.*-5\.zip$/);
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `11001_0_${i}_side.png`));
    for (const f of Object.values(files)) expect(PNG.sync.read(Buffer.from(f)).width).toBe(640);
    await expect.poll(() => page.getByTestId('export-message').textContent()).toBe('Wrote 5 pictures to ' + name);
    // back on the event shown before
    await expect.poll(() => page.getByTestId('event-summary').locator('.hud-line').textContent()).toContain('11001:0:12');
  });

  it('a batch shows its progress and can be cancelled', async () => {
    await page.getByTestId('batch-range').fill('0-40');
    await page.getByTestId('batch-all-views').check();
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-progress').waitFor();
    await expect.poll(async () => Number((await page.getByTestId('batch-progress').textContent())?.match(/(\d+) \/ 164/)?.[1] ?? -1), { timeout: 60_000 }).toBeGreaterThan(1);
    await page.getByTestId('batch-cancel').click();
    await expect.poll(() => page.getByTestId('export-message').textContent(), { timeout: 60_000 }).toMatch(/^Cancelled after \d+ pictures/);
    const n = Number((await page.getByTestId('export-message').textContent())!.match(/after (\d+)/)![1]);
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(164);
    await page.getByTestId('batch-all-views').uncheck();
  });

  it('copies the picture to the clipboard where the page may write it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
    await page.getByTestId('export-width').fill('800');
    await page.getByTestId('export-height').fill('450');
    await page.getByTestId('export-copy').click();
    await expect.poll(() => page.getByTestId('export-message').textContent(), { timeout: 60_000 }).toBe('Copied a 800 × 450 px picture to the clipboard');
    const got = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      const b = new Uint8Array(await blob.arrayBuffer());
      return { type: blob.type, w: (b[16]! << 24) | (b[17]! << 16) | (b[18]! << 8) | b[19]!, h: (b[20]! << 24) | (b[21]! << 16) | (b[22]! << 8) | b[23]! };
    });
    expect(got).toEqual({ type: 'image/png', w: 800, h: 450 });
  });

  it('a composed figure: side, top, beam\'s eye at STRAW1 and 3D in one picture', async () => {
    const r = await page.evaluate(() => window.__na62export!.picture({ width: 2400, height: 1350, frame: 'event', panels: [{ view: 'side' }, { view: 'top' }, { view: 'beam', station: 'straw1' }, { view: '3d' }] }, 'png'));
    expect(r.name).toBe('11001_0_12_figure.png');
    const png = PNG.sync.read(Buffer.from(r.base64, 'base64'));
    writeFileSync(path.join(SHOTS, 'export-figure.png'), PNG.sync.write(png));
    expect([png.width, png.height]).toEqual([2400, 1350]);
    // four panels with different content: the quarters differ
    const q = (x: number, y: number) => { const p = new PNG({ width: 1100, height: 600 }); PNG.bitblt(png, p, x, y, 1100, 600, 0, 0); return p.data; };
    const a = q(20, 20), b = q(1220, 20), c = q(20, 700), d = q(1220, 700);
    const diff = (u: Buffer, v: Buffer) => { let n = 0; for (let i = 0; i < u.length; i += 4) if (Math.abs(u[i]! - v[i]!) > 20) n++; return n / (u.length / 4); };
    expect(diff(a, c)).toBeGreaterThan(0.05);
    expect(diff(b, d)).toBeGreaterThan(0.05);
    // the 3D panel (lower right): the passive material translucent, so no opaque ANTI0 disc (#5fbf7f, a wide green
    // disc at the vessel's front before) and the tracks (red, blue) drawn through it along their length
    let green = 0, red = 0, blue = 0, n = 0;
    for (let y = 690; y < 1340; y++) for (let x = 1210; x < 2390; x++, n++) {
      const i = (y * 2400 + x) * 4, r0 = png.data[i]!, g0 = png.data[i + 1]!, b0 = png.data[i + 2]!;
      if (g0 > r0 + 50 && g0 > b0 + 15 && g0 > 110) green++;
      if (r0 > 200 && g0 < 120 && b0 < 120) red++;
      if (b0 > 200 && r0 < 140 && g0 > 110 && g0 < 200) blue++;
    }
    expect(green / n).toBeLessThan(0.005);
    expect(red / n).toBeGreaterThan(0.0005);
    expect(blue / n).toBeGreaterThan(0.0005);
  });

  it('previews the picture being set up in the dialog, and redraws it when the theme changes', async () => {
    const preview = page.getByTestId('export-preview');
    const shown = (theme: string) => expect.poll(async () => (await preview.getAttribute('data-spec')) ?? '', { timeout: 30_000 }).toContain(`"theme":"${theme}"`);
    const mean = () => page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="export-preview"]')!;
      await img.decode();
      const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight), g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
      return { mean: sum / (d.length / 4), w: img.naturalWidth, h: img.naturalHeight };
    });
    await page.getByTestId('export-width').fill('1920');
    await page.getByTestId('export-height').fill('1080');
    await shown('dark');
    const dark = await mean();
    expect([dark.w, dark.h]).toEqual([480, 270]); // the picture's aspect, in miniature
    await page.getByTestId('export-theme').selectOption('paper');
    await shown('paper');
    const paper = await mean();
    expect(paper.mean - dark.mean).toBeGreaterThan(80);
    await page.getByRole('dialog', { name: 'Export pictures' }).screenshot({ path: path.join(SHOTS, 'export-dialog-preview.png') });
    await page.getByTestId('export-theme').selectOption('dark');
  });

  it('a 4K figure renders in slices: the page keeps drawing frames, progress advances, Cancel stops it and nothing is saved', async () => {
    let downloads = 0;
    const counted = () => { downloads++; };
    page.on('download', counted);
    await page.getByTestId('export-layout').selectOption('figure4');
    await page.getByTestId('export-width').fill('3840');
    await page.getByTestId('export-height').fill('2160');
    // probes: the longest the page's thread was held (a 20 ms timer's lateness), and the longest gap between animation frames
    await page.evaluate(() => {
      const p = { gap: 0, last: performance.now(), late: 0, tLast: performance.now(), on: true, timer: 0 };
      (window as unknown as { __probe: typeof p }).__probe = p;
      const tick = () => { const t = performance.now(); p.gap = Math.max(p.gap, t - p.last); p.last = t; if (p.on) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      p.timer = window.setInterval(() => { const t = performance.now(); p.late = Math.max(p.late, t - p.tLast - 20); p.tLast = t; }, 20);
    });
    await page.getByTestId('export-save').click();
    const value = async () => Number((await page.getByTestId('export-progress').getAttribute('value').catch(() => null)) ?? -1);
    await expect.poll(value, { timeout: 30_000 }).toBeGreaterThan(1); // the bar moves: two slices done (of ~20)
    const first = await value();
    const t0 = Date.now();
    await page.getByTestId('batch-cancel').click();
    await expect.poll(() => page.getByTestId('export-message').textContent(), { timeout: 10_000 }).toBe('Cancelled: nothing was saved');
    const stopMs = Date.now() - t0;
    const { gap, late } = await page.evaluate(() => { const p = (window as unknown as { __probe: { gap: number; late: number; on: boolean; timer: number } }).__probe; p.on = false; clearInterval(p.timer); return p; });
    writeFileSync(path.join(SHOTS, 'export-slices.json'), JSON.stringify({ longestBlockMs: late, longestFrameGapMs: gap, cancelMs: stopMs, progressAtCancel: first }));
    // SwiftShader on 2 cores: the longest step left on the page's thread is the first use of the 4K picture's
    // shaders (wide lines) and a panel's scene set-up: measured 1.0 s and 2.9 s at load 11–14 (five helpers' runs
    // at once); the export before slicing held the page for the whole picture, 36–60 s at that load
    // (bench/export.bench.mjs). Cancel waits for the step under way.
    expect(late).toBeLessThan(4000);
    expect(stopMs).toBeLessThan(8000);
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
    page.off('download', counted);
    await page.getByTestId('export-layout').selectOption('current');
  });

  it('the figure\'s text in the browser: the PNG path\'s boxes keep apart and inside their panels; the font table measures as the canvas does', async () => {
    const r = await page.evaluate(() => window.__na62export!.textLayout({ width: 1920, height: 1080, panels: [{ view: 'side' }, { view: 'top' }, { view: 'beam', station: 'straw1' }, { view: '3d' }], theme: 'paper', frame: 'event' }));
    const problems = r.regions.flatMap((g) => layoutProblems(g.entries as LayoutBox[], g.bounds).map((m) => `${g.name}: ${m}`));
    expect(problems).toEqual([]);
    expect(r.regions.flatMap((g) => g.entries).filter((e) => e.kind === 'label').length).toBeGreaterThan(10);
    // Node lays out with the table; the browser draws with the font: the same widths (kerning included)
    const off = r.widths.filter((w) => Math.abs(w.browser - w.table) > 0.5 + 0.002 * w.table).map((w) => `"${w.text}" (${w.font}): table ${w.table.toFixed(2)}, canvas ${w.browser.toFixed(2)}`);
    expect(r.widths.length).toBeGreaterThan(40);
    expect(off).toEqual([]);
  });

  it('Ctrl+E opens the dialog (the shortcut registry and the native menu carry it)', async () => {
    const dlg = page.getByRole('dialog', { name: 'Export pictures' });
    await dlg.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dlg.count()).toBe(0);
    await page.keyboard.press('Control+e');
    await expect.poll(() => dlg.isVisible()).toBe(true);
  });

  it('raised no page errors, console errors or CSP violations', () => {
    expect(problems.errors.join('\n')).toBe('');
  });
});

describe('na62 render (CLI)', () => {
  it('turns a list of 5 events into 5 pictures named run_burst_event_view', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'na62-render-'));
    const { stdout } = await promisify(execFile)(CLI[0]!, [...CLI.slice(1), 'render', '--demo', 'dump', '--events', '0-4', '--views', 'side', '--size', '800x450', '--out', out], { cwd: ROOT, timeout: 170_000 });
    expect(stdout).toContain(`5 pictures in ${out}`);
    expect(readdirSync(out).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `11001_0_${i}_side.png`));
    const png = PNG.sync.read(readFileSync(path.join(out, '11001_0_4_side.png')));
    expect([png.width, png.height]).toEqual([800, 450]);
  }, 180_000);

  it('says what is wrong with its arguments', async () => {
    const run = promisify(execFile)(CLI[0]!, [...CLI.slice(1), 'render', '--demo', 'dump', '--events', '0', '--size', '9000x1000', '--out', tmpdir()], { cwd: ROOT });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining('9000 × 1000 is above the maximum of 7680 × 4320 px') });
  });
});
