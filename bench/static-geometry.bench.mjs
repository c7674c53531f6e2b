/**
 * Draw calls, triangles and render time of the static detector, per view, in headless Chromium
 * (SwiftShader), against a baseline in the same run: the same detector with every part drawn
 * as its own object (no merging). SwiftShader times are CPU-rasteriser times, useful to compare
 * the two builds with each other, not to predict a GPU's frame rate.
 *
 * Run: npm run build:web && node bench/static-geometry.bench.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChromium } from '../scripts/browser.mjs';

const RENDERS = Number(process.env.BENCH_RENDERS ?? 15);
const VIEWS = [['1', '3d'], ['2', 'side'], ['3', 'top'], ['4', "beam (STRAW1)"]];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

async function measure(browser, url, label) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const t0 = Date.now();
  await page.goto(`${url}${url.includes("?") ? "&" : "?"}layout=single`); // one view: the figures compare with the baseline of one canvas
  await page.waitForFunction(() => (window.__na62?.renderInfo().calls ?? 0) > 0, null, { timeout: 180_000 });
  const firstFrameMs = Date.now() - t0;
  const rows = [];
  for (const [key, view] of VIEWS) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
    const times = await page.evaluate((n) => window.__na62.timeRenders(n), RENDERS);
    const info = await page.evaluate(() => window.__na62.renderInfo());
    rows.push({ build: label, view, calls: info.calls, triangles: info.triangles, lines: info.lines, medianMs: median(times), p95Ms: p95(times) });
  }
  const parts = await page.evaluate(() => window.__na62.totalParts);
  await page.close();
  return { rows, firstFrameMs, parts };
}

const srv = await serveStatic(new URL('../dist-web/', import.meta.url).pathname);
const browser = await launchChromium();
try {
  const merged = await measure(browser, srv.url, 'merged (app)');
  const baseline = await measure(browser, `${srv.url}?baseline=unmerged`, 'unmerged (baseline)');
  const fmt = (r) => `${r.build.padEnd(20)} ${r.view.padEnd(15)} ${String(r.calls).padStart(7)} ${String(r.triangles).padStart(10)} ${String(r.lines).padStart(8)} ${r.medianMs.toFixed(1).padStart(9)} ${r.p95Ms.toFixed(1).padStart(8)}`;
  console.log(`static detector geometry, ${RENDERS} renders per view, 1400×850, headless Chromium + SwiftShader`);
  console.log(`${'build'.padEnd(20)} ${'view'.padEnd(15)} ${'calls'.padStart(7)} ${'triangles'.padStart(10)} ${'lines'.padStart(8)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)}`);
  for (const r of [...merged.rows, ...baseline.rows]) console.log(fmt(r));
  console.log(`parts merged into the app's geometry: ${merged.parts}; first frame after load: app ${merged.firstFrameMs} ms, baseline ${baseline.firstFrameMs} ms`);
  console.log('note: the baseline draws faces and straws only, not the outline edges the app adds, so its times flatter it.');
  merged.rows.forEach((r, i) => {
    const b = baseline.rows[i];
    console.log(`${r.view.padEnd(15)} draw calls ${b.calls} → ${r.calls} (÷${(b.calls / r.calls).toFixed(0)}), render time ${b.medianMs.toFixed(1)} → ${r.medianMs.toFixed(1)} ms (×${(b.medianMs / r.medianMs).toFixed(1)} faster)`);
  });
  mkdirSync(new URL('../bench-output/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../bench-output/static-geometry.json', import.meta.url), JSON.stringify({ merged, baseline }, null, 2));
} finally {
  await browser.close();
  await srv.close();
}
