/**
 * `na62 render`: pictures of a list of events without touching the UI. Drives the built browser app
 * (dist-web/) in Debian's headless Chromium through playwright-core, opens the file there, and
 * calls the app's own export code (window.__na62export), so the pictures are exactly the UI's.
 * Files are named run_burst_event_view.png|svg and written atomically into --out.
 */
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { writeFileAtomic } from '../src-node/fs/atomic-write';
import { PRESET_IDS, type PresetId } from '../src-shared/selection/types';
import { parseUnblind } from './unblind';
import { FIGURE_PANELS, checkSpec, parseEventList, type PanelSpec, type PictureSpec } from '../src-shared/picture/picture-spec';
import { movieRun } from './render-movie';
import type {} from '../src-shared/picture/page-hooks';
// @ts-expect-error plain ESM helpers shared with the scripts (no type declarations)
import { serveStatic } from '../scripts/static-server.mjs';
// @ts-expect-error plain ESM helpers shared with the scripts (no type declarations)
import { launchChromium } from '../scripts/browser.mjs';
import { openEventFile } from '../src-engine/io/event-file';
import { nodeFileSource } from '../src-node/fs/node-file';

export const HELP_RENDER = `usage: na62 render (FILE.arrow | --demo dump|kaon) --events LIST --out DIR [options]

Pictures of events, made by the app's own export code in headless Chromium (build it first:
npm run build:web). Files: DIR/run_burst_event_view.png (or .svg).

  --events LIST    event indices and ranges (0-4,7,12) or run:burst:event triples (11001:0:4,…)
  --candidates F   the events of a saved candidate list (na62 select --out F, or the app's JSON export)
  --views LIST     side, top, beam, 3d, figure (side + top + beam's eye + 3D), all (default: side)
  --station ID     beam's-eye station (default straw1)
  --size WxH       picture size in px, up to 7680x4320 (default 1920x1080)
  --format F       png | svg (svg: 2D views as vectors; 3D panels embedded as PNG)
  --theme T        dark | paper (default dark)
  --transparent    transparent background (PNG with alpha)
  --frame F        event | detector (default event)
  --compression K  longitudinal compression 1:K (default 20)
  --magnification N  transverse magnification of the side (y) and top (x) views, 1–500 (default 1)
  --no-inset       no CDA_TAX inset at Z_TAX in the side and top views
  --line-width X   factor on track widths (default 1)
  --no-labels      no element labels
  --unblind cr|sr  open the control region (cr) or both regions (sr) first, as the Selection
                   panel does; logged into every picture. The default is blind: an event in a
                   masked region is refused and the command exits non-zero
  --preset P       the analysis --unblind opens (default: all of ${PRESET_IDS.join(', ')})
  --out DIR        output folder (created if missing)

Event movies (WebCodecs in Chromium; files DIR/run_burst_event_turntable.webm, …_buildup.mp4):
  --movie K        turntable (the 3D view orbiting the event) | buildup (tracks grow from the
                   vertex in time order, hits light up as the front reaches them)
                   with --views side: the build-up in the side view
  --format F       webm (VP9, default) | mp4 (H.264, where the browser can encode it)
  --size WxH       up to 3840x2160, even (default 1920x1080)
  --fps N          25–60 (default 30)
  --duration S     seconds, 0.2–60 (default 6)`;

const VIEW_SETS: Record<string, PanelSpec[][]> = {
  side: [[{ view: 'side' }]], top: [[{ view: 'top' }]], '3d': [[{ view: '3d' }]], figure: [FIGURE_PANELS.slice()],
};

export async function render(argv: string[], fail: (msg: string) => never): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'string' }, events: { type: 'string' }, candidates: { type: 'string' }, views: { type: 'string' },
      station: { type: 'string', default: 'straw1' }, size: { type: 'string', default: '1920x1080' }, format: { type: 'string', default: 'png' },
      theme: { type: 'string', default: 'dark' }, transparent: { type: 'boolean', default: false }, frame: { type: 'string', default: 'event' },
      compression: { type: 'string', default: '20' }, magnification: { type: 'string', default: '1' }, 'no-inset': { type: 'boolean', default: false }, 'line-width': { type: 'string', default: '1' }, 'no-labels': { type: 'boolean', default: false },
      unblind: { type: 'string' }, preset: { type: 'string' }, movie: { type: 'string' }, fps: { type: 'string', default: '30' }, duration: { type: 'string', default: '6' },
      out: { type: 'string' }, help: { type: 'boolean', default: false },
    },
    allowPositionals: true, strict: true,
  });
  if (values.help) { console.log(HELP_RENDER); return; }
  const unblind = parseUnblind(values.unblind, fail);
  if (values.preset !== undefined && !(PRESET_IDS as readonly string[]).includes(values.preset)) fail(`--preset wants one of ${PRESET_IDS.join(', ')}, got "${values.preset}"`);
  const unblindPresets = (values.preset ? [values.preset] : [...PRESET_IDS]) as PresetId[];
  if (!values.out) fail('--out is required (see --help)');
  if (!positionals.length && !values.demo) fail('give an event file or --demo dump|kaon');
  if (values.demo && !['dump', 'kaon'].includes(values.demo)) fail(`--demo wants dump or kaon, got "${values.demo}"`);
  if (positionals.length > 1) fail('render one event file at a time');
  const file = positionals[0] ? path.resolve(positionals[0]) : undefined;
  if (file && !existsSync(file)) fail(`${file}: no such file`);
  if (!values.events && !values.candidates) fail('--events or --candidates is required');
  const movie = values.movie === undefined ? undefined : movieRun(values, fail);
  const size = /^(\d+)x(\d+)$/.exec(values.size!);
  if (!size) fail(`--size wants WxH, e.g. 3840x2160, got "${values.size}"`);
  if (!movie && !['png', 'svg'].includes(values.format!)) fail(`--format wants png or svg, got "${values.format}"`);
  if (!['dark', 'paper'].includes(values.theme!)) fail(`--theme wants dark or paper, got "${values.theme}"`);
  if (!['event', 'detector'].includes(values.frame!)) fail(`--frame wants event or detector, got "${values.frame}"`);
  const k = Number(values.compression);
  if (!(k >= 1 && k <= 100)) fail(`--compression wants 1–100, got "${values.compression}"`);
  const mag = Number(values.magnification);
  if (!(mag >= 1 && mag <= 500)) fail(`--magnification wants 1–500, got "${values.magnification}"`);
  const layouts: PanelSpec[][] = [];
  for (const v of (movie ? '3d' : values.views ?? 'side').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (v === 'beam') layouts.push([{ view: 'beam', station: values.station! }]);
    else if (v === 'all') layouts.push([{ view: 'side' }], [{ view: 'top' }], [{ view: 'beam', station: values.station! }], [{ view: '3d' }]);
    else if (VIEW_SETS[v]) layouts.push(...VIEW_SETS[v]!.map((l) => l.map((p) => (p.view === 'beam' ? { ...p, station: values.station! } : p))));
    else fail(`--views: unknown view "${v}" (side, top, beam, 3d, figure, all)`);
  }
  const spec: Omit<PictureSpec, 'panels'> = {
    width: Number(size![1]), height: Number(size![2]), theme: values.theme as PictureSpec['theme'], transparent: values.transparent!,
    caption: { experiment: true, kind: true, runBurstEvent: true, date: true, selection: true, keyVariables: true, blinding: true },
    overlays: { labels: !values['no-labels'], legend: true, scaleBars: true, axes: true, titles: true, taxInset: !values['no-inset'] },
    lineWidth: Number(values['line-width']), frame: values.frame as PictureSpec['frame'],
  };
  const problem = checkSpec({ ...spec, panels: layouts[0] ?? [] });
  if (problem) fail(problem);
  let list: number[] | undefined;
  let rbe: [number, number, number][] | undefined;
  if (values.candidates) {
    const { promises: fs } = await import('node:fs');
    const { resultFromJson } = await import('../src-engine/selection/candidates-io');
    const text = await fs.readFile(values.candidates, 'utf8').catch(() => fail(`${values.candidates}: cannot read`));
    try { list = resultFromJson(text, values.candidates).candidates.map((c) => c.index); } catch (e) { fail(e instanceof Error ? e.message : String(e)); }
  } else {
    const parsed = parseEventList(values.events!);
    if ('error' in parsed) fail(`--events: ${parsed.error}`);
    if ('indices' in parsed) list = parsed.indices; else rbe = (parsed as { rbe: [number, number, number][] }).rbe;
  }
  // the input is checked before anything is made: a refused file leaves no output folder behind
  if (file) {
    const f = await openEventFile(await nodeFileSource(file)).catch((e: Error) => fail(e.message));
    for (const w of f.warnings) process.stderr.write(`na62: warning: ${w}\n`);
    await f.close();
  }
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const dist = path.join(root, 'dist-web');
  if (!existsSync(path.join(dist, 'index.html'))) fail('dist-web/ is missing: run `npm run build:web` first');
  const out = path.resolve(values.out!);
  mkdirSync(out, { recursive: true });

  const server = (await serveStatic(dist)) as { url: string; close(): Promise<void> };
  const browser = (await launchChromium()) as Browser;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(([c, m]: [number, number]) => {
      localStorage.setItem('na62-view', JSON.stringify({ state: { mode: 'side', compression: c, magnification: m, labels: true, theme: 'dark', beamStation: 'straw1', shown: {}, exportScale: 1 }, version: 1 }));
    }, [k, mag] as [number, number]);
    await page.exposeFunction('__na62WriteFile', async (name: string, b64: string) => {
      if (!/^[\w.-]+\.(png|svg|webm|mp4)$/.test(name)) throw new Error(`refusing file name ${name}`);
      const target = path.join(out, name);
      await writeFileAtomic(target, Buffer.from(b64, 'base64'));
      console.log(`wrote ${target}`);
    });
    await page.goto(`${server.url}?layout=single`); // one canvas to render from
    // the first frame drawn (window.__na62, the renderer's test hooks) and the export hooks in place
    // (a function, not a string: the app's CSP forbids eval)
    await page.waitForFunction(() => {
      const w = window as unknown as { __na62?: { renderInfo(): { frame: number } } };
      return (w.__na62?.renderInfo().frame ?? 0) >= 1 && !!window.__na62export;
    }, null, { timeout: 120_000 });
    await page.getByTestId('event-summary').waitFor({ timeout: 120_000 }).catch(() => {});
    if (file) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-file').click()]);
      await chooser.setFiles(file);
      const name = path.basename(file);
      await page.waitForFunction((n) => {
        const sel = document.querySelector('[data-testid="dataset-select"]') as HTMLSelectElement | null;
        const err = document.querySelector('[data-testid="data-error"]');
        return (sel && sel.selectedOptions[0]?.textContent === n) || !!err;
      }, name, { timeout: 120_000 });
      // (count first: textContent() on a missing element waits out its 30 s timeout)
      const errBox = page.getByTestId('data-error');
      const err = (await errBox.count()) ? await errBox.textContent() : null;
      if (err) fail(err);
    } else if (values.demo === 'kaon') {
      const opt = await page.getByTestId('dataset-select').locator('option').nth(1).getAttribute('value');
      await page.getByTestId('dataset-select').selectOption(opt!);
    }
    if (unblind !== 'blind') {
      const problem = await page.evaluate(([p, st]) => window.__na62export!.unblind(p, st), [unblindPresets, unblind] as const);
      if (problem) fail(`--unblind: ${problem}`);
      console.error(`na62: unblinded the ${unblind === 'sr' ? 'CR and SR' : 'CR'} of ${unblindPresets.join(', ')} on this dataset (logged into every picture)`);
    }
    let refused = 0;
    if (rbe) {
      const found = await page.evaluate((t) => window.__na62export!.find(t), rbe);
      const missing = rbe.filter((_, i) => found[i] === null);
      if (missing.length) { refused += missing.length; console.error(`na62: not in the file: ${missing.map((m) => m.join(':')).join(', ')}`); }
      rbe.forEach((t, i) => { const f = found[i]; if (f && typeof f === 'object') { refused++; console.error(`na62: event ${t.join(':')} refused: ${f.error}`); } });
      list = found.filter((x): x is number => typeof x === 'number');
    }
    const t0 = performance.now();
    if (movie) {
      const r = await movie.run(page, list!, async (name, bytes) => { await writeFileAtomic(path.join(out, name), bytes); console.log(`wrote ${path.join(out, name)}`); });
      if (errors.length) console.error(`na62: page errors: ${errors.join('; ')}`);
      console.log(`${r.written} movies in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      if (!r.written || r.failed || refused) process.exitCode = 1;
      return;
    }
    let written = 0;
    const skipped = new Map<number, string>();
    for (const panels of layouts) {
      const r = await page.evaluate(([s, f, l]) => window.__na62export!.batch(s, f, l, false), [{ ...spec, panels }, values.format as 'png' | 'svg', list!] as const);
      written += r.written.length;
      for (const s of r.skipped) skipped.set(s.index, s.reason);
    }
    for (const [i, why] of skipped) console.error(`na62: event ${i} refused: ${why}`);
    if (errors.length) console.error(`na62: page errors: ${errors.join('; ')}`);
    console.log(`${written} pictures in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    // an event asked for and not drawn (blinded, corrupt, absent) is a failure the caller must see
    if (!written || skipped.size || refused) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}
