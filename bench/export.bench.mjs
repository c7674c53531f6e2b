/**
 * Picture export in the browser build (headless Debian Chromium, SwiftShader): a 4K (3840 × 2160)
 * four-panel figure framed on the event and an 8K (7680 × 4320) single side view, against the
 * export as it was before it was cut in slices (the web build of BENCH_BASELINE, default 23b04f3,
 * built into bench-output/ from `git archive`), in the same run, alternately. Per picture:
 *  - time: the hook's promise, ms;
 *  - peak memory: resident memory of the page's renderer process and of the GPU process (which
 *    holds SwiftShader's buffers), sampled every 50 ms from /proc (so a blocked page cannot hide
 *    its peak), above the value just before the export;
 *  - the page's longest block: the longest long task (PerformanceObserver) and the longest gap
 *    between two requestAnimationFrame callbacks during the export.
 * Each build gets a fresh browser (its processes are found as this process's descendants).
 * Run: npm run build:web && node bench/export.bench.mjs   (BENCH_ROUNDS, default 1; BENCH_BASELINE)
 */
/* global requestAnimationFrame, PerformanceObserver, setInterval, clearInterval -- page.evaluate's functions run in the page; the timers also in Node */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChromium } from '../scripts/browser.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const REF = process.env.BENCH_BASELINE ?? '23b04f3';
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** The baseline's web build, made once per commit from its own sources and this checkout's node_modules. */
function baselineBuild() {
  const sha = execFileSync('git', ['rev-parse', '--short', REF], { cwd: ROOT, encoding: 'utf8' }).trim();
  const src = path.join(ROOT, 'bench-output', `export-baseline-${sha}`);
  const dist = path.join(src, 'dist-web');
  if (existsSync(path.join(dist, 'index.html'))) return { sha, dist };
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${src}"`], { cwd: ROOT });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: src, stdio: 'inherit' });
  return { sha, dist };
}

/** This process's descendants that are Chromium renderer or GPU processes, with their resident memory (bytes). */
function chromiumMemory() {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      kids.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const mine = (pid) => { for (let p = pid, i = 0; p > 1 && i < 50; p = kids.get(p) ?? 0, i++) if (p === process.pid) return true; return false; };
  let renderer = 0, gpu = 0;
  for (const pid of kids.keys()) {
    if (!mine(pid)) continue;
    let cmd;
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    if (cmd.includes('--type=renderer')) renderer = Math.max(renderer, rss);
    else if (cmd.includes('--type=gpu-process')) gpu += rss;
  }
  return { renderer, gpu };
}

const CASES = [
  { name: '4K figure (side, top, beam\'s eye, 3D), framed on the event', spec: { width: 3840, height: 2160, frame: 'event', panels: [{ view: 'side' }, { view: 'top' }, { view: 'beam', station: 'straw1' }, { view: '3d' }] } },
  { name: '8K side view', spec: { width: 7680, height: 4320, frame: 'event', panels: [{ view: 'side' }] } },
];

async function measure(dist, label) {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const out = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`${server.url}?layout=single`);
    await page.waitForFunction(() => (window.__na62?.renderInfo().frame ?? 0) >= 1 && (window.__na62?.renderInfo().calls ?? 0) > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    for (const c of CASES) {
      const before = chromiumMemory();
      const peak = { ...before };
      const timer = setInterval(() => { const m = chromiumMemory(); peak.renderer = Math.max(peak.renderer, m.renderer); peak.gpu = Math.max(peak.gpu, m.gpu); }, 50);
      const r = await page.evaluate(async (spec) => {
        let longest = 0, gap = 0, last = performance.now(), running = true;
        const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
        obs.observe({ type: 'longtask' });
        const tick = () => { const t = performance.now(); gap = Math.max(gap, t - last); last = t; if (running) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        const t0 = performance.now();
        const pic = await window.__na62export.picture(spec, 'png');
        const ms = performance.now() - t0;
        running = false;
        await new Promise((res) => setTimeout(res, 100));
        obs.disconnect();
        return { ms, longest, gap, bytes: pic.base64.length * 0.75 };
      }, c.spec);
      clearInterval(timer);
      out.push({ label, case: c.name, ...r, renderer: peak.renderer - before.renderer, gpu: peak.gpu - before.gpu });
    }
  } finally {
    await browser.close();
    await server.close?.();
  }
  return out;
}

const base = baselineBuild();
const current = path.join(ROOT, 'dist-web');
if (!existsSync(path.join(current, 'index.html'))) throw new Error('dist-web/ is missing: run `npm run build:web` first');
const rows = [];
for (let r = 0; r < ROUNDS; r++) {
  rows.push(...(await measure(base.dist, `before (${base.sha})`)));
  rows.push(...(await measure(current, 'now')));
}
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
console.log(`picture export, headless Chromium (SwiftShader), window 1400×850, ${ROUNDS} round(s); load average ${load()}`);
for (const c of CASES) {
  console.log(`  ${c.name}:`);
  for (const x of rows.filter((y) => y.case === c.name)) {
    console.log(`    ${x.label.padEnd(18)} ${(x.ms / 1000).toFixed(1).padStart(6)} s, longest long task ${x.longest.toFixed(0).padStart(6)} ms, longest frame gap ${x.gap.toFixed(0).padStart(6)} ms, peak memory +${mb(x.renderer)} renderer, +${mb(x.gpu)} GPU process, PNG ${mb(x.bytes)}`);
  }
}
console.log(`  load average at the end ${load()}`);
