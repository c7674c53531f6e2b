/**
 * Cold start of the browser build in headless Chromium (Debian's, SwiftShader), against a minimal
 * three.js page that draws the same detector geometry (bench/startup-minimal: three.js, the app's
 * detector description and geometry builder, one frame, nothing else), loaded alternately in the
 * same run. Every load is cold: a fresh browser context (empty cache). Per load:
 *  - first frame with the detector: the first rendered frame with draw calls;
 *  - first event: the first frame that shows an event (the demo opens on start);
 *  - interactive: → pressed as soon as the first event is on screen, the frame that shows the next event.
 * Times are ms after navigation start (performance.now() in the page), of frames the GPU has finished, on both pages
 * (BENCH_SYNC below). Prints medians of the rounds
 * and the ratio first event / the minimal page's first frame (the target is ≤ 1.5) and the load average. The minimal page
 * loads twice per round: with multisampling (MSAA), as three.js's examples make a renderer, and without, as the app
 * draws where WebGL runs in software (src-renderer/src/views/antialias.ts; SwiftShader here): both ratios are printed.
 * Run: npm run build:web && node bench/startup.bench.mjs   (BENCH_ROUNDS, default 7; BENCH_LAYOUT, default single:
 * one view, as the minimal page; `inspect` for the layout a user opens on, three views)
 * BENCH_BEFORE=<folder of another browser build> (e.g. main's dist-web, copied) loads that build too,
 * alternately in the same rounds, and prints it beside.
 */
/* global requestAnimationFrame, KeyboardEvent -- the init script runs in the page */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChromium } from '../scripts/browser.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/** BENCH_LAYOUT: the app's layout (default single: one view, as the baseline page draws; inspect is what a user opens on) */
const LAYOUT = process.env.BENCH_LAYOUT ?? 'single';
/**
 * How a frame's time is taken, the same way on both pages (BENCH_SYNC):
 *  - fence (default): when the GPU has finished the frame, seen through a WebGL2 fence polled between tasks; the page is
 *    not held up meanwhile, as for a user;
 *  - read: when a one-pixel read after the frame returns (this bench before 2026-12-03); the read blocks the app's page
 *    until the GPU is done, so work the app does in the meantime (receiving the event, preparing its frame) waits too;
 *  - 0: when the frame is handed to the GPU (before 2026-12-02), which flatters the app.
 */
const SYNC = { '0': false, read: 'read', fence: 'fence' }[process.env.BENCH_SYNC ?? 'fence'];
if (SYNC === undefined) throw new Error(`BENCH_SYNC=${process.env.BENCH_SYNC}: use fence, read or 0`);
console.log(`load average at the start ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const minimalOut = fileURLToPath(new URL('../bench-output/startup-minimal/', import.meta.url));
await build({ root: fileURLToPath(new URL('./startup-minimal/', import.meta.url)), base: './', logLevel: 'warn', build: { outDir: minimalOut, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 4000 } });

/**
 * In the page, from before its scripts run: note the milestones as frames are rendered, and press → once the first event is shown.
 * With `sync` ('fence' or 'read') the app's frames are timed when the GPU has finished them, as the minimal page's one
 * frame is (the hooks switch it on the moment the app publishes them, before its first frame).
 */
function watchMilestones(sync) {
  const m = (window.__startup = {});
  if (sync) {
    let hooks;
    Object.defineProperty(window, '__na62', { configurable: true, get: () => hooks, set: (h) => { hooks = h; if (h?.setFrameSync) { h.setFrameSync(sync); m.syncAt ??= performance.now(); } } });
  }
  const tick = () => {
    const frames = window.__na62?.recentFrames?.() ?? [];
    for (const f of frames) {
      if (m.firstFrame === undefined && f.calls > 0) m.firstFrame = f.t;
      if (m.firstEvent === undefined && f.event) {
        m.firstEvent = f.t; m.event = f.event;
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        m.pressed = performance.now();
      }
      if (m.pressed !== undefined && m.interactive === undefined && f.t > m.pressed && f.event && f.event !== m.event) m.interactive = f.t;
    }
    if (m.interactive === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const app = await serveStatic(fileURLToPath(new URL('../dist-web/', import.meta.url)));
const before = process.env.BENCH_BEFORE ? await serveStatic(process.env.BENCH_BEFORE) : undefined;
const minimal = await serveStatic(minimalOut);
const browser = await launchChromium();
const rows = { app: [], minimal: [], minimalNoMsaa: [], before: [] };
/** One cold load of a build of the app: its milestones. */
async function loadApp(url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await ctx.newPage();
  await page.addInitScript(watchMilestones, SYNC);
  await page.goto(`${url}?layout=${LAYOUT}`);
  await page.waitForFunction(() => window.__startup?.interactive !== undefined, null, { timeout: 180_000 });
  const got = await page.evaluate(() => window.__startup);
  await ctx.close();
  return got;
}
try {
  for (let r = 0; r < ROUNDS; r++) {
    // the minimal page as three.js's examples write it (MSAA on), and without MSAA, as the app draws on software WebGL
    for (const [row, query] of [[rows.minimal, ''], [rows.minimalNoMsaa, '&aa=0']]) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 850 } });
      const page = await ctx.newPage();
      await page.goto(`${minimal.url}?sync=${SYNC || '0'}${query}`);
      await page.waitForFunction(() => window.__minimal, null, { timeout: 120_000 });
      row.push(await page.evaluate(() => window.__minimal));
      await ctx.close();
    }
    rows.app.push(await loadApp(app.url));
    if (before) rows.before.push(await loadApp(before.url));
  }
} finally {
  await browser.close();
  app.close?.(); minimal.close?.(); before?.close?.();
}
const mFirst = median(rows.minimal.map((x) => x.firstFrame)), mNoMsaa = median(rows.minimalNoMsaa.map((x) => x.firstFrame));
const aFrame = median(rows.app.map((x) => x.firstFrame)), aEvent = median(rows.app.map((x) => x.firstEvent)), aTti = median(rows.app.map((x) => x.interactive));
console.log(`cold start, headless Chromium (SwiftShader), 1400×850, median of ${ROUNDS} loads each, fresh context per load; frames of both pages timed ${SYNC === 'fence' ? 'when the GPU has finished them (fence)' : SYNC === 'read' ? 'after a blocking one-pixel read (BENCH_SYNC=read)' : 'when handed to the GPU (BENCH_SYNC=0)'}; load average ${load()}`);
console.log(`  minimal three.js page, same detector geometry: first frame ${mFirst.toFixed(0)} ms (${rows.minimal[0].calls} draw calls); without MSAA ${mNoMsaa.toFixed(0)} ms`);
console.log(`  app (browser build, layout ${LAYOUT}): first frame with the detector ${aFrame.toFixed(0)} ms, first event ${aEvent.toFixed(0)} ms, interactive (→ shows the next event) ${aTti.toFixed(0)} ms`);
console.log(`  ratio first event / minimal first frame: ×${(aEvent / mFirst).toFixed(2)} (target ≤ 1.5); first detector frame ×${(aFrame / mFirst).toFixed(2)}`);
console.log(`  against the minimal page without MSAA (as the app draws on software WebGL): first event ×${(aEvent / mNoMsaa).toFixed(2)}, first detector frame ×${(aFrame / mNoMsaa).toFixed(2)}`);
if (SYNC) console.log(`  frame sync on before the first frame in ${[...rows.app, ...rows.before].filter((x) => x.syncAt !== undefined && x.syncAt <= x.firstFrame).length} of ${rows.app.length + rows.before.length} app loads`);
if (before) {
  const bEvent = median(rows.before.map((x) => x.firstEvent));
  console.log(`  before (${process.env.BENCH_BEFORE}): first frame ${median(rows.before.map((x) => x.firstFrame)).toFixed(0)} ms, first event ${bEvent.toFixed(0)} ms, interactive ${median(rows.before.map((x) => x.interactive)).toFixed(0)} ms; first event ×${(bEvent / mFirst).toFixed(2)} the minimal page, this build ×${(bEvent / aEvent).toFixed(2)} faster`);
}
