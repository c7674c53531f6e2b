/**
 * The selection engine against an earlier commit's, in the same run: each commit's selection
 * worker bundled by esbuild (the earlier one from `git archive`), run alternately over the same
 * 10^7-event samples of bench/selection-vs-numpy.bench.ts, on one worker thread and on two, best of
 * `rounds`. On this project's shared virtual machine the host's speed drifts by up to ×1.5 within
 * minutes, so a ratio to a program run at another moment (numpy, in the other bench) swings with
 * it; two engines interleaved see the same drift.
 *
 * Run: npx tsx bench/selection-before-after.bench.ts <commit> [events] [rounds]
 *   (the samples must exist: run bench/selection-vs-numpy.bench.ts with the same events first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleNodeEntry } from '../build/bundle-node';
import { partition, runInWorkersPacked, stopWorkers } from '../src-node/selection-pool';
import { openEventFile } from '../src-engine/io/event-file';
import { nodeFileSource } from '../src-node/fs/node-file';
import { GENERATOR_VERSION } from '../src-engine/generator/generate';

const [rev, eventsArg, roundsArg] = process.argv.slice(2);
if (!rev) { console.error('usage: selection-before-after.bench.ts <commit> [events] [rounds]'); process.exit(2); }
const N = Number(eventsArg ?? 10_000_000), rounds = Number(roundsArg ?? 3);
process.env['NA62_WORKER_NICE'] = '0';
const ROOT = path.resolve(import.meta.dirname, '..');
const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();

async function bundle(srcRoot: string, out: string): Promise<URL> {
  await bundleNodeEntry(path.join(srcRoot, 'src-node/selection-worker.ts'), out);
  return pathToFileURL(out);
}
const before = path.join(ROOT, 'bench-output', `engine-${sha}`);
if (!existsSync(path.join(before, 'src-node'))) {
  rmSync(before, { recursive: true, force: true });
  mkdirSync(before, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${before}"`], { cwd: ROOT });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(before, 'node_modules'));
}
const urls = {
  [sha]: await bundle(before, path.join(before, 'out-bench/selection-worker.mjs')),
  now: await bundle(ROOT, path.join(ROOT, 'bench-output/bench-worker/selection-worker.mjs')),
};
const samples = { 'dump-mumu': 'dump', 'dump-ee': 'dump', 'kaon-pi4e': 'kaon' } as const;
console.log(`selections over ${N.toLocaleString('en')} events, the engine of ${sha} against this one, alternately, best of ${rounds}`);
for (const preset of Object.keys(samples) as (keyof typeof samples)[]) {
  const file = path.join(ROOT, `bench-output/${samples[preset]}-sel-${N}-g${GENERATOR_VERSION}.arrow`);
  if (!existsSync(file)) { console.error(`no sample ${file}: run bench/selection-vs-numpy.bench.ts ${N} first`); process.exit(1); }
  const g = await openEventFile(await nodeFileSource(file));
  const whole = [{ file, numBatches: g.numBatches, batchSize: g.meta.batchSize, numEvents: g.numEvents }];
  await g.close();
  for (const threads of [1, 2]) {
    const best: Record<string, { s: number; cpu: number; n: number }> = {};
    const once = async (k: string) => {
      const t = performance.now();
      const r = await runInWorkersPacked(partition(whole, threads), { preset }, { workerUrl: urls[k]!, workers: threads });
      const s = (performance.now() - t) / 1000;
      if (!best[k] || s < best[k].s) best[k] = { s, cpu: r.cpuSeconds.reduce((a, x) => a + x, 0), n: r.packed.n };
    };
    for (const k of Object.keys(urls)) await once(k); // started and compiled
    for (const k of Object.keys(urls)) delete best[k];
    for (let r = 0; r < rounds; r++) for (const k of Object.keys(urls)) await once(k);
    const b = best[sha]!, x = best['now']!;
    if (b.n !== x.n) { console.error(`${preset}: the two engines select different numbers of events (${b.n} and ${x.n})`); process.exit(1); }
    console.log(`  ${preset.padEnd(9)} ${threads} thread${threads > 1 ? 's' : ' '}: ${sha} ${b.s.toFixed(2)} s (CPU ${b.cpu.toFixed(2)} s), now ${x.s.toFixed(2)} s (CPU ${x.cpu.toFixed(2)} s): ×${(b.s / x.s).toFixed(2)} wall, ×${(b.cpu / x.cpu).toFixed(2)} CPU; ${x.n.toLocaleString('en')} candidates (load ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
  }
}
await stopWorkers();
