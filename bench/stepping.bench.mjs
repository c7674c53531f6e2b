/**
 * Stepping through events in headless Chromium (SwiftShader): time from the → key to the frame
 * that shows the next event, draw calls per event frame, and GPU memory before and after, against
 * a baseline in the same run — re-rendering the same frame with nothing rebuilt (what the static
 * detector and the current event cost to draw). Every frame is finished with a one-pixel read so
 * that times include the rasteriser's work. SwiftShader is a CPU rasteriser: compare the two rows
 * with each other, not with a GPU's frame rate.
 *
 * Run: npm run build:web && node bench/stepping.bench.mjs   (BENCH_STEPS, default 200)
 */
/* global document, KeyboardEvent, requestAnimationFrame -- stepOnce and rerenderOnce run in the page */
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChromium } from '../scripts/browser.mjs';

const STEPS = Number(process.env.BENCH_STEPS ?? 200);
const WARMUP = 5;
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q))]; };
const stats = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });

/** In the page: press →, resolve when a frame shows another event. */
function stepOnce() {
  return new Promise((resolve, reject) => {
    const hooks = window.__na62;
    const prev = [...hooks.recentFrames()].reverse().find((f) => f.event)?.event;
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    const poll = () => {
      const hit = hooks.recentFrames().find((f) => f.t > t0 && f.event && f.event !== prev);
      if (hit) {
        requestAnimationFrame(() => resolve({ ms: hit.t - t0, calls: hit.calls, event: hit.event, counts: hooks.eventCounts(), memory: hooks.renderInfo().geometries }));
        return;
      }
      if (performance.now() - t0 > 20_000) { reject(new Error(`no frame with a new event 20 s after → (last ${prev})`)); return; }
      setTimeout(poll, 0);
    };
    poll();
  });
}

/** In the page: re-render the same frame, resolve when it is done. */
function rerenderOnce() {
  return new Promise((resolve) => {
    const hooks = window.__na62;
    const t0 = performance.now();
    hooks.invalidate();
    const poll = () => {
      const hit = hooks.recentFrames().find((f) => f.t > t0);
      if (hit) { requestAnimationFrame(() => resolve({ ms: hit.t - t0, calls: hit.calls })); return; }
      setTimeout(poll, 0);
    };
    poll();
  });
}

const srv = await serveStatic(new URL('../dist-web/', import.meta.url).pathname);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(`${srv.url}?layout=single`); // one view: the figures compare with the baseline of one canvas
  await page.getByTestId('event-summary').waitFor({ timeout: 120_000 });
  // every event of the demo is drawn, signal-region ones too: unblind (typed confirmation)
  await page.getByRole('button', { name: 'Unblind…' }).click();
  await page.getByRole('dialog', { name: 'Unblind' }).getByLabel('confirmation').fill('unblind');
  await page.getByTestId('confirm-unblind').click();
  await page.getByText('UNBLINDED').first().waitFor();
  await page.evaluate(() => { (document.activeElement)?.blur(); window.__na62.setFrameSync(true); });
  for (let i = 0; i < WARMUP; i++) await page.evaluate(stepOnce);
  const memStart = await page.evaluate(() => window.__na62.renderInfo());
  const steps = [], base = [];
  for (let i = 0; i < STEPS; i++) {
    steps.push(await page.evaluate(stepOnce));
    base.push(await page.evaluate(rerenderOnce));
  }
  const memEnd = await page.evaluate(() => window.__na62.renderInfo());
  await page.close();

  const s = stats(steps.map((x) => x.ms)), b = stats(base.map((x) => x.ms));
  const calls = stats(steps.map((x) => x.calls)), baseCalls = stats(base.map((x) => x.calls));
  const hits = steps.map((x) => (x.counts?.straws ?? 0) + (x.counts?.hitSegments ?? 0) + (x.counts?.tiles ?? 0));
  const tracks = steps.map((x) => x.counts?.tracks ?? 0);
  console.log(`stepping ${STEPS} events of the dump demo (after ${WARMUP} warm-up steps), 1400×850, side view, headless Chromium + SwiftShader`);
  console.log(`${''.padEnd(34)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'draw calls'.padStart(12)}`);
  console.log(`${'→ to frame with the next event'.padEnd(34)} ${s.median.toFixed(1).padStart(10)} ${s.p95.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)} ${`${calls.min}–${calls.max}`.padStart(12)}`);
  console.log(`${'baseline: re-render, no rebuild'.padEnd(34)} ${b.median.toFixed(1).padStart(10)} ${b.p95.toFixed(1).padStart(8)} ${b.max.toFixed(1).padStart(8)} ${`${baseCalls.min}–${baseCalls.max}`.padStart(12)}`);
  console.log(`cost of a step over a plain re-render: median +${(s.median - b.median).toFixed(1)} ms, p95 +${(s.p95 - b.p95).toFixed(1)} ms`);
  console.log(`events drawn had ${Math.min(...tracks)}–${Math.max(...tracks)} tracks and ${Math.min(...hits)}–${Math.max(...hits)} hits (straws, hit segments, tiles); draw calls stayed within ${calls.min}–${calls.max}`);
  console.log(`GPU memory (three.js): geometries ${memStart.geometries} → ${memEnd.geometries}, textures ${memStart.textures} → ${memEnd.textures} after ${STEPS} steps`);
  mkdirSync(new URL('../bench-output/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../bench-output/stepping.json', import.meta.url), JSON.stringify({ steps, baseline: base, memStart, memEnd }, null, 1));
} finally {
  await browser.close();
  await srv.close();
}
