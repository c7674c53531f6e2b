/**
 * The NA62 event display's command line. Commands:
 *   generate   run the fast Monte Carlo and write an event file
 * Run with: npm run na62 -- <command> [options]   (or: npx tsx cli/na62.ts <command> …)
 */
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROCESSES, type ProcessLabel } from '../src-shared/event/model';
import { modeOfMix, parseProcessMix } from '../src-shared/event/generator-config';
import { generateToSink } from '../src-engine/generator/write-generated';
import { GeneratorConfigSchema } from '../src-engine/generator/generate';
import { WriteCancelled } from '../src-engine/io/event-file';
import { nodeFileSink } from '../src-main/fs/node-file';

const HELP = `usage: na62 generate --process LABEL[:SHARE][,LABEL[:SHARE]…] --events N --out FILE [options]

Run the fast Monte Carlo of the NA62 dark-sector searches and write an event file (Arrow IPC).

  --process    one or more of: ${PROCESSES.join(', ')}
               with optional relative shares, e.g. aprime-mumu:1,combinatorial-mumu:3
  --mode       dump | kaon (default: from the processes)
  --events     number of events
  --seed       random seed (default 1); the same seed gives the same file
  --out        output file (.arrow); written to a temporary name, renamed when complete
  --mass       A' / ALP / a mass, MeV
  --epsilon    A' kinetic mixing ε
  --ctau       proper decay length cτ, mm (ALP; for an A' it replaces the cτ from ε)
  --br         BR product of the ALP or kaon-mode signal
  --scalar-mass  S mass for kpi-s-aprime, MeV
  --run        run number written in the headers (default 1)
  --straw-hits store raw STRAW hits
  --no-truth   do not store the MC truth
  --batch-size events per record batch (default 4096)
  --quiet      no progress bar`;

function fail(msg: string): never {
  process.stderr.write(`na62: ${msg}\n`);
  process.exit(2);
}

function parseMix(spec: string): Partial<Record<ProcessLabel, number>> {
  const r = parseProcessMix(spec);
  if ('error' in r) fail(r.error);
  return (r as { mix: Partial<Record<ProcessLabel, number>> }).mix;
}

function progressBar(done: number, total: number, t0: number): string {
  const frac = total ? done / total : 1;
  const width = 30, fill = Math.round(frac * width);
  const secs = (performance.now() - t0) / 1000;
  const rate = done / Math.max(secs, 1e-9);
  const eta = rate > 0 ? (total - done) / rate : 0;
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total} events  ${Math.round(rate).toLocaleString('en')} ev/s  ETA ${eta.toFixed(0)} s`;
}

async function generate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      process: { type: 'string' }, mode: { type: 'string' }, events: { type: 'string' }, seed: { type: 'string', default: '1' },
      out: { type: 'string' }, mass: { type: 'string' }, epsilon: { type: 'string' }, ctau: { type: 'string' }, br: { type: 'string' },
      'scalar-mass': { type: 'string' }, run: { type: 'string', default: '1' }, 'straw-hits': { type: 'boolean', default: false },
      'no-truth': { type: 'boolean', default: false }, 'batch-size': { type: 'string' }, quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) { console.log(HELP); return; }
  if (!values.process) fail('--process is required (see --help)');
  if (!values.events) fail('--events is required');
  if (!values.out) fail('--out is required');
  const mix = parseMix(values.process!);
  const num = (s: string | undefined, what: string) => {
    if (s === undefined) return undefined;
    const v = Number(s);
    if (!Number.isFinite(v)) fail(`${what} must be a number, got "${s}"`);
    return v;
  };
  const mode = values.mode ?? modeOfMix(mix);
  const cfg = GeneratorConfigSchema.safeParse({
    mode, mix, numEvents: num(values.events, '--events'), seed: num(values.seed, '--seed'), run: num(values.run, '--run'),
    strawHits: values['straw-hits'], truth: !values['no-truth'],
    ...(values.mass !== undefined ? { massMeV: num(values.mass, '--mass') } : {}),
    ...(values.epsilon !== undefined ? { epsilon: num(values.epsilon, '--epsilon') } : {}),
    ...(values.ctau !== undefined ? { ctauMm: num(values.ctau, '--ctau') } : {}),
    ...(values.br !== undefined ? { brProduct: num(values.br, '--br') } : {}),
    ...(values['scalar-mass'] !== undefined ? { scalarMassMeV: num(values['scalar-mass'], '--scalar-mass') } : {}),
  });
  if (!cfg.success) fail(cfg.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
  const out = path.resolve(values.out!);
  const tty = process.stderr.isTTY && !values.quiet;
  const t0 = performance.now();
  let lastLine = 0;
  const sink = await nodeFileSink(out).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${out}: ${e.code ?? e.message}`));
  let interrupted = false;
  process.once('SIGINT', () => { interrupted = true; });
  try {
    await generateToSink(cfg.data, sink, {
      ...(values['batch-size'] ? { batchSize: num(values['batch-size'], '--batch-size')! } : {}),
      onProgress: ({ done, total }) => {
        if (tty) process.stderr.write(`\r${progressBar(done, total, t0)}`);
        else if (!values.quiet && (done === total || performance.now() - lastLine > 5000)) { process.stderr.write(`${progressBar(done, total, t0)}\n`); lastLine = performance.now(); }
        return !interrupted;
      },
    });
  } catch (err) {
    if (tty) process.stderr.write('\n');
    if (err instanceof WriteCancelled) fail(`interrupted: nothing written to ${out}`);
    throw err;
  }
  if (tty) process.stderr.write('\n');
  const secs = (performance.now() - t0) / 1000;
  const size = (await fs.stat(out)).size;
  const n = cfg.data.numEvents;
  console.log(`wrote ${n} events (${(size / 1e6).toFixed(1)} MB) to ${out} in ${secs.toFixed(2)} s: ${Math.round(n / secs).toLocaleString('en')} events/s`);
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  if (!cmd || cmd === '--help' || cmd === 'help') { console.log(HELP); return; }
  if (cmd === 'generate') return generate(rest);
  fail(`unknown command "${cmd}" (commands: generate)`);
}

main().catch((err: unknown) => {
  if (err instanceof z.ZodError) fail(err.issues.map((i) => i.message).join('; '));
  fail(err instanceof Error ? err.message : String(err));
});
