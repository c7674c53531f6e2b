/**
 * Generator throughput per process, events/s on one core, against a baseline in the same run:
 * the same physics without the detector response (so the cost of the response is visible).
 * Run: npx tsx bench/generator.bench.ts [events per process, default 20000]
 */
import { createGenerator } from '../src-engine/generator/generate';
import { createProcessModel } from '../src-engine/generator/processes';
import { Rng } from '../src-engine/generator/rng';
import { DUMP_PROCESSES, KAON_PROCESSES } from '../src-shared/event/model';

const N = Number(process.argv[2] ?? 20_000);
console.log(`fast MC throughput, ${N} events per process, one core (Node ${process.version})`);
console.log(`${'process'.padEnd(20)} ${'full events/s'.padStart(14)} ${'physics only/s'.padStart(15)} ${'response share'.padStart(15)}`);
for (const label of [...DUMP_PROCESSES, ...KAON_PROCESSES]) {
  const mode = DUMP_PROCESSES.includes(label) ? 'dump' : 'kaon';
  const gen = createGenerator({ mode, mix: { [label]: 1 }, numEvents: N, seed: 1, truth: true });
  gen.events(0, Math.min(500, N)); // warm-up
  let t0 = performance.now();
  for (let s = 0; s < N; s += 4096) gen.events(s, Math.min(4096, N - s));
  const full = N / ((performance.now() - t0) / 1000);
  const model = createProcessModel(label, {}, 1);
  for (let i = 0; i < 500; i++) model.generate(new Rng(1, i));
  t0 = performance.now();
  for (let i = 0; i < N; i++) model.generate(new Rng(1, i));
  const phys = N / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(20)} ${Math.round(full).toLocaleString('en').padStart(14)} ${Math.round(phys).toLocaleString('en').padStart(15)} ${((1 - full / phys) * 100).toFixed(0).padStart(14)}%`);
}
