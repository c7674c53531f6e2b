/**
 * Where the browser build's cold start goes (a companion of bench/startup.bench.mjs): one or more cold
 * loads of dist-web in headless Chromium with a performance trace (CDP tracing, V8's sampling profiler)
 * and the page's own timings. Prints, per load:
 *  - the milestones (first detector frame, first event; ms after navigation start),
 *  - the app's performance marks (`na62:*`, page and engine worker) and each engine request with the
 *    time it was sent and answered,
 *  - for the page's main thread and the engine worker: busy time before the first detector frame and
 *    between it and the first event, by trace event (script evaluation, compile, GC, GPU, layout…),
 *    and the functions with the most self time in each window (sampled).
 * Run: npm run build:web && node bench/startup-profile.mjs   (PROFILE_ROUNDS, default 1; PROFILE_TOP, default 25;
 * PROFILE_SAVE=path: also write each load's raw trace to path-N.json (chrome://tracing, Perfetto);
 * PROFILE_LAYOUT=inspect|3d|analysis: the app's layout (default single, as bench/startup.bench.mjs);
 * PROFILE_TRACE=0: no trace, the page's own timings only; PROFILE_SYNC=read|0: frames timed after a blocking one-pixel read, or when handed to the GPU)
 * For readable function names build unminified: npx vite build --config vite.web.config.ts --minify false
 */
/* global requestAnimationFrame -- the init script runs in the page */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/static-server.mjs';
import { launchChromium } from '../scripts/browser.mjs';

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 1);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
/** PROFILE_TRACE=0: the page's own timings only (the trace slows the page down a lot) */
const TRACE = process.env.PROFILE_TRACE !== '0';
/** PROFILE_SYNC: fence (default), read or 0, as BENCH_SYNC in bench/startup.bench.mjs */
const SYNC = { '0': false, read: 'read', fence: 'fence' }[process.env.PROFILE_SYNC ?? 'fence'];
if (SYNC === undefined) throw new Error(`PROFILE_SYNC=${process.env.PROFILE_SYNC}: use fence, read or 0`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** In the page, before its scripts: milestones as frames render, and every engine request's send and reply time. */
function watch(sync) {
  const m = (window.__startup = { requests: [] });
  if (sync) { // app frames timed when the GPU has finished them, as in bench/startup.bench.mjs
    let hooks;
    Object.defineProperty(window, '__na62', { configurable: true, get: () => hooks, set: (h) => { hooks = h; h?.setFrameSync?.(sync); } });
  }
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      m.workerCreated ??= performance.now();
      const post = this.postMessage.bind(this);
      const byId = new Map();
      this.postMessage = (msg, ...rest) => {
        if (msg && typeof msg.id === 'number') { const r = { key: msg.key, sent: performance.now() }; byId.set(msg.id, r); m.requests.push(r); }
        return post(msg, ...rest);
      };
      this.addEventListener('message', (e) => { const r = byId.get(e.data?.id); if (r) r.answered = performance.now(); });
    }
  };
  const tick = () => {
    for (const f of window.__na62?.recentFrames?.() ?? []) {
      m.frames ??= [];
      if (!m.frames.some((x) => x.frame === f.frame)) m.frames.push({ frame: f.frame, t: f.t, calls: f.calls, event: f.event });
      if (m.firstFrame === undefined && f.calls > 0) { m.firstFrame = f.t; performance.mark('bench:first-frame'); }
      if (m.firstEvent === undefined && f.event) { m.firstEvent = f.t; performance.mark('bench:first-event'); }
    }
    if (m.firstEvent === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const CATEGORIES = [...(process.env.PROFILE_CATEGORIES ? process.env.PROFILE_CATEGORIES.split(',') : []), 'toplevel', 'gpu', 'devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler'];

/** Per-thread analysis of a Chrome trace. */
function analyse(trace, windows) {
  const evs = trace.traceEvents;
  const threadNames = new Map();
  for (const e of evs) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // navigation start: the page's navigationStart mark (µs, trace clock)
  const nav = evs.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http')).at(-1)
    ?? evs.filter((e) => e.name === 'navigationStart').at(-1);
  const t0 = nav.ts;
  const mainKey = `${nav.pid}:${nav.tid}`;
  const workerKeys = [...threadNames].filter(([k, n]) => n === 'DedicatedWorker thread' && k.startsWith(`${nav.pid}:`)).map(([k]) => k);
  const marks = evs.filter((e) => e.cat?.includes('blink.user_timing') && (e.name.startsWith('na62:') || e.name.startsWith('bench:')) && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'))
    .map((e) => ({ name: e.name, t: (e.ts - t0) / 1000, thread: threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.tid}` }))
    .sort((a, b) => a.t - b.t);
  // every thread's busy time (top-level trace events) in each window, to see the GPU process's share
  const perThread = [];
  for (const [key, name] of threadNames) {
    const [pid, tid] = key.split(':').map(Number);
    const top = evs.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
    const busy = windows.map(() => 0);
    let end = -Infinity;
    for (const e of top) {
      if (e.ts < end) continue; // nested
      end = e.ts + e.dur;
      windows.forEach(([a, b], w) => { const s0 = Math.max(a, (e.ts - t0) / 1000), s1 = Math.min(b, (e.ts + e.dur - t0) / 1000); if (s1 > s0) busy[w] += s1 - s0; });
    }
    if (busy.some((x) => x > 20)) perThread.push({ thread: `${name} ${key}`, busy: busy.map((x) => +x.toFixed(0)) });
  }
  const out = { marks, perThread, threads: {} };
  const gpuKeys = [...threadNames].filter(([, n]) => n === 'CrGpuMain').map(([k]) => k);
  for (const [label, key] of [['page main thread', mainKey], ...workerKeys.map((k, i) => [`worker ${i} (${k})`, k]), ...gpuKeys.map((k) => [`GPU process main thread (${k})`, k])]) {
    const [pid, tid] = key.split(':').map(Number);
    const mine = evs.filter((e) => e.pid === pid && e.tid === tid);
    // busy time: top-level tasks, split by the named children inside them (self time of each child kind)
    const byName = windows.map(() => new Map());
    const complete = mine.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const add = (w, name, us) => byName[w].set(name, (byName[w].get(name) ?? 0) + us);
    const windowOf = (tMs) => windows.findIndex(([a, b]) => tMs >= a && tMs < b);
    // self time: duration minus direct children
    const childSum = new Map();
    const st = [];
    for (const e of complete) {
      while (st.length && st.at(-1).ts + st.at(-1).dur <= e.ts) st.pop();
      if (st.length) childSum.set(st.at(-1), (childSum.get(st.at(-1)) ?? 0) + Math.min(e.dur, st.at(-1).ts + st.at(-1).dur - e.ts));
      st.push(e);
    }
    for (const e of complete) {
      const w = windowOf((e.ts - t0) / 1000);
      if (w < 0) continue;
      const self = e.dur - (childSum.get(e) ?? 0);
      let name = e.name;
      const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName;
      if (url && /EvaluateScript|v8.compile|v8.run|FunctionCall|v8.produceModuleCache|v8.compileModule|v8.evaluateModule/.test(name)) name += ` ${String(url).split('/').pop()}`;
      if (self > 0) add(w, name, self);
    }
    // CPU samples: self time by function (ProfileChunk events on this thread)
    const nodes = new Map();
    const fnTime = windows.map(() => new Map());
    let tSample;
    const profileIds = new Set(mine.filter((x) => x.name === 'Profile').map((x) => x.id));
    for (const e of evs.filter((x) => (x.name === 'ProfileChunk' || x.name === 'Profile') && profileIds.has(x.id)).sort((a, b) => a.ts - b.ts)) {
      if (e.name === 'Profile') { tSample = e.args.data.startTime; continue; }
      const p = e.args.data.cpuProfile ?? {};
      for (const n of p.nodes ?? []) nodes.set(n.id, n);
      const deltas = e.args.data.timeDeltas ?? [];
      (p.samples ?? []).forEach((id, i) => {
        tSample += deltas[i] ?? 0;
        const w = windowOf((tSample - t0) / 1000);
        const dt = deltas[i + 1] ?? 0;
        if (w < 0) return;
        const n = nodes.get(id);
        const cf = n?.callFrame ?? {};
        if (cf.functionName === '(idle)' || cf.functionName === '(program)') return;
        const k = `${cf.functionName || '(anonymous)'} ${String(cf.url ?? '').split('/').pop()}:${cf.lineNumber ?? ''}`;
        fnTime[w].set(k, (fnTime[w].get(k) ?? 0) + Math.max(0, dt));
      });
    }
    out.threads[label] = windows.map((_, w) => ({
      busy: [...byName[w].values()].reduce((a, b) => a + b, 0) / 1000,
      byName: [...byName[w]].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([n, us]) => [n, +(us / 1000).toFixed(1)]),
      fns: [...fnTime[w]].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([n, us]) => [n, +(us / 1000).toFixed(1)]),
    }));
  }
  return out;
}

const app = await serveStatic(fileURLToPath(new URL('../dist-web/', import.meta.url)));
const browser = await launchChromium();
try {
  for (let r = 0; r < ROUNDS; r++) {
    console.log(`\n=== load ${r + 1}, load average ${load()}`);
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    const page = await ctx.newPage();
    await page.addInitScript(watch, SYNC);
    if (TRACE) await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
    await page.goto(`${app.url}?layout=${process.env.PROFILE_LAYOUT ?? 'single'}${process.env.PROFILE_QUERY ?? ''}`);
    await page.waitForFunction(() => window.__startup?.firstEvent !== undefined, null, { timeout: 180_000 });
    await page.waitForTimeout(300);
    const got = await page.evaluate(() => window.__startup);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((e) => `${e.name} ${e.startTime.toFixed(0)}`).join(', '));
    const trace = TRACE ? JSON.parse((await browser.stopTracing()).toString('utf8')) : undefined;
    await ctx.close();
    if (trace && process.env.PROFILE_SAVE) { // the raw trace, for chrome://tracing or Perfetto
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.PROFILE_SAVE}-${r + 1}.json`, JSON.stringify(trace));
    }
    console.log(`first detector frame ${got.firstFrame.toFixed(0)} ms, first event ${got.firstEvent.toFixed(0)} ms, worker created ${got.workerCreated?.toFixed(0)} ms`);
    for (const q of got.requests.filter((x) => x.sent < got.firstEvent + 200)) console.log(`  request ${q.key.padEnd(20)} sent ${q.sent.toFixed(0).padStart(6)}  answered ${q.answered?.toFixed(0).padStart(6) ?? '     –'}  (${q.answered ? (q.answered - q.sent).toFixed(0) : '?'} ms)`);
    console.log(`  page marks (ms): ${marks}`);
    console.log(`  frames until the first event: ${(got.frames ?? []).map((f) => `${f.t.toFixed(0)}${f.event ? '(event)' : ''}:${f.calls}`).join(' ')}`);
    if (!trace) continue;
    const a = analyse(trace, [[0, got.firstFrame], [got.firstFrame, got.firstEvent]]);
    for (const t of a.perThread.sort((x, y) => y.busy[1] - x.busy[1])) console.log(`  thread ${t.thread.padEnd(40)} busy ${t.busy.join(' / ')} ms (before the first frame / first frame → first event)`);
    for (const mk of a.marks) console.log(`  mark ${mk.name.padEnd(34)} ${mk.t.toFixed(0).padStart(6)} ms  [${mk.thread}]`);
    for (const [label, ws] of Object.entries(a.threads)) {
      ws.forEach((w, i) => {
        console.log(`  -- ${label}, ${i === 0 ? 'before the first detector frame' : 'first detector frame → first event'}: busy ${w.busy.toFixed(0)} ms (self time by trace event)`);
        console.log(`     ${w.byName.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
        console.log(`     sampled self time: ${w.fns.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
      });
    }
  }
} finally {
  await browser.close();
  app.close?.();
}
