/**
 * The NA62 event display's command line. Commands:
 *   generate   run the fast Monte Carlo and write an event file
 *   select     run a published selection over event files (shardable), write the result
 *   merge      merge selection results of shards into one
 *   render     pictures of events (PNG/SVG) made by the app's export code in headless Chromium
 *   import     ROOT trees → an event file, through a mapping (also --list, --propose-map)
 *   reach      expected-signal reach on an (m, ε) or (m, cτ) grid, CSV and contour figure (cli/reach.ts)
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
import { nodeFileSink, nodeFileSource } from '../src-main/fs/node-file';
import { cliWorkerUrl, partition, runInWorkers } from '../src-main/selection-pool';
import { availableParallelism } from 'node:os';
import { openEventFile } from '../src-engine/io/event-file';
import { mergeResults, resolveSelection } from '../src-engine/selection/run';
import { cliUnblinding } from './unblind';
import { PRESETS } from '../src-engine/selection/presets';
import { VARIABLES } from '../src-engine/reco/variables';
import { resultFromJson, resultToCsv, resultToJson } from '../src-engine/selection/candidates-io';
import { PRESET_IDS, type SelectionConfigInput, type SelectionResult } from '../src-shared/selection/types';
import { HELP_RENDER, render } from './render';
import { absentLines, HELP_IMPORT, importCommand } from './import';
import { HELP_REACH, reach } from './reach';

const HELP_SELECT = `usage: na62 select --preset ${PRESET_IDS.join('|')} --out RESULT.json [options] FILE.arrow…

Run a published NA62 selection over event files and write the cut-flow and candidate list.
Results of shards merge exactly (na62 merge): cut-flows add, candidate lists concatenate.

  --preset       the selection: ${PRESET_IDS.join(', ')}
  --param k=v    override a parameter (repeatable), e.g. --param cdaMax=8 --param hypothesis=aa
  --disable ID   switch a cut off (repeatable), e.g. --disable lav_veto
  --expr TEXT    an extra cut over the variables (repeatable), e.g. --expr "p1 + p2 > 20000"
  --shard I/N    process only shard I of N (I from 1): the N shards of a dataset merge into the whole
  --shard-index I --shards N   the same with I from 0 (HTCondor's $(ProcId))
  --workers N    worker threads (default: the number of cores)
  --unblind cr|sr  open the control region (cr) or both regions (sr) of this preset on these files
                 (the default is blind); each step is logged into the result. Only files that are
                 data or mock data are blind: pure simulation is never masked
  --out FILE     the result (JSON, reloadable and mergeable)
  --csv FILE     also write the candidate list as CSV
  --list         list the presets, their cuts and parameters, and the variables`;

const HELP_MERGE = `usage: na62 merge --out MERGED.json [--csv MERGED.csv] RESULT.json…`;

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
  --halo-sampling  biased (default: importance-sampled where the selections keep them, with weights) | natural
  --run        run number written in the headers (default 1)
  --straw-hits store raw STRAW hits
  --no-truth   do not store the MC truth
  --batch-size events per record batch (default 4096)
  --mock-data  mark the file as mock data: simulation standing in for data, blind like data (as
               the app's demo). Without it a simulated file is never blind
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
      'mock-data': { type: 'boolean', default: false }, 'halo-sampling': { type: 'string' },
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
    ...(values['halo-sampling'] !== undefined ? { haloSampling: values['halo-sampling'] } : {}),
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
      ...(values['mock-data'] ? { mockData: true } : {}),
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

async function select(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      preset: { type: 'string' }, param: { type: 'string', multiple: true, default: [] }, disable: { type: 'string', multiple: true, default: [] },
      expr: { type: 'string', multiple: true, default: [] }, shard: { type: 'string' }, 'shard-index': { type: 'string' }, shards: { type: 'string' }, workers: { type: 'string' }, unblind: { type: 'string' },
      out: { type: 'string' }, csv: { type: 'string' }, list: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
    allowPositionals: true, strict: true,
  });
  if (values.help) { console.log(HELP_SELECT); return; }
  if (values.list) {
    for (const p of PRESETS) {
      console.log(`${p.id}: ${p.label}`);
      p.cuts.forEach((c, k) => console.log(`  ${k + 1}. ${c.id.padEnd(16)} ${c.label}  [${c.source}]`));
      for (const x of p.params) console.log(`     ${x.name} = ${x.value} ${x.unit}  ${x.description}  [${x.source}]`);
    }
    console.log('variables:');
    for (const [k, [unit, what]] of Object.entries(VARIABLES)) console.log(`  ${k.padEnd(9)} ${unit.padEnd(7)} ${what}`);
    return;
  }
  if (!values.preset) fail('--preset is required (see --help)');
  if (!values.out) fail('--out is required');
  if (!positionals.length) fail('give at least one event file');
  const params: Record<string, number | string> = {};
  for (const kv of values.param!) {
    const m = /^([\w]+)=(.*)$/.exec(kv);
    if (!m) fail(`--param wants name=value, got "${kv}"`);
    const n = Number(m![2]);
    params[m![1]!] = m![2]!.trim() !== '' && Number.isFinite(n) ? n : m![2]!;
  }
  const selection: SelectionConfigInput = { preset: values.preset as SelectionConfigInput['preset'], params, disabled: values.disable!, expressions: values.expr! };
  try { resolveSelection(selection); } catch (err) { fail(err instanceof Error ? err.message : String(err)); }
  let shard: [number, number] = [1, 1];
  if (values['shard-index'] !== undefined || values.shards !== undefined) {
    const i = Number(values['shard-index']), n = Number(values.shards);
    if (!Number.isInteger(i) || !Number.isInteger(n) || i < 0 || i >= n) fail(`--shard-index I --shards N want 0 ≤ I < N, got ${values['shard-index']} and ${values.shards}`);
    shard = [i + 1, n];
  } else if (values.shard) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) fail(`--shard wants I/N with 1 ≤ I ≤ N, got "${values.shard}"`);
    shard = [Number(m![1]), Number(m![2])];
  }
  const unblind = cliUnblinding(values.unblind, selection.preset, fail);
  // each file's batches, cut to this shard's range, then into parts for the worker threads
  const files = [];
  for (const file of positionals.map((p) => path.resolve(p))) {
    const f = await openEventFile(await nodeFileSource(file)).catch((e: Error) => fail(e.message));
    // an imported file says what its tree did not have: the selection cannot use what is not there
    if (!values.quiet) for (const line of absentLines(f.meta.source?.absent ?? [])) process.stderr.write(`${path.basename(file)}: ${line}\n`);
    const B = f.numBatches;
    files.push({ file, numBatches: B, batchSize: f.meta.batchSize, numEvents: f.numEvents, range: [Math.floor(((shard[0] - 1) * B) / shard[1]), Math.floor((shard[0] * B) / shard[1])] as [number, number] });
    await unblind.add(f);
    await f.close();
  }
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  if (!(workers >= 1)) fail('--workers must be at least 1');
  const parts = partition(files, workers);
  if (!parts.length) fail('this shard holds no events');
  const t0 = performance.now();
  const tty = process.stderr.isTTY && !values.quiet;
  let merged: SelectionResult;
  try {
    merged = await runInWorkers(parts, selection, {
      workerUrl: cliWorkerUrl(new URL('../', import.meta.url)), workers, stages: unblind.stages,
      onProgress: (done, total) => { if (tty) process.stderr.write(`\r${done}/${total} events  ${((performance.now() - t0) / 1000).toFixed(1)} s`); },
    });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (tty) process.stderr.write('\n');
  // masked at the source by the workers; the result records the stages and the log of this run
  const result: SelectionResult = { ...merged, blinding: unblind.record(merged.blinding) };
  const secs = (performance.now() - t0) / 1000;
  await writeText(values.out!, resultToJson(result));
  if (values.csv) await writeText(values.csv, resultToCsv(result));
  const events = result.cutflow[0]!.n;
  console.log(`${result.selection.preset}: ${events} events, ${result.cutflow.at(-1)!.n} selected${result.blinded ? ` (${result.masked.n} in masked regions, not listed: blind)` : ''}; ${Math.round(events / secs).toLocaleString('en')} events/s on ${workers} worker(s)`);
  for (const row of result.cutflow) console.log(`  ${row.id.padEnd(16)} ${String(row.n).padStart(10)}  w=${row.w.toPrecision(4)}${row.enabled ? '' : '  (off)'}`);
}

async function writeText(target: string, text: string): Promise<void> {
  const sink = await nodeFileSink(path.resolve(target)).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${target}: ${e.code ?? e.message}`));
  await sink.write(new TextEncoder().encode(text));
  await sink.commit();
}

async function merge(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' }, csv: { type: 'string' }, help: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (values.help) { console.log(HELP_MERGE); return; }
  if (!values.out || !positionals.length) fail(HELP_MERGE);
  const parts = await Promise.all(positionals.map(async (p) => {
    const text = await fs.readFile(p, 'utf8').catch((e: NodeJS.ErrnoException) => fail(`${p}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`));
    try { return resultFromJson(text, p); } catch (err) { return fail(err instanceof Error ? err.message : String(err)); }
  }));
  let merged: SelectionResult;
  try { merged = mergeResults(parts); } catch (err) { return fail(err instanceof Error ? err.message : String(err)); }
  await writeText(values.out, resultToJson(merged));
  if (values.csv) await writeText(values.csv, resultToCsv(merged));
  console.log(`merged ${parts.length} results: ${merged.cutflow[0]!.n} events, ${merged.cutflow.at(-1)!.n} selected, ${merged.candidates.length} candidates listed`);
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  if (!cmd || cmd === '--help' || cmd === 'help') { console.log(`${HELP}\n\n${HELP_SELECT}\n\n${HELP_MERGE}\n\n${HELP_RENDER}\n\n${HELP_IMPORT}\n\n${HELP_REACH}`); return; }
  if (cmd === 'generate') return generate(rest);
  if (cmd === 'select') return select(rest);
  if (cmd === 'merge') return merge(rest);
  if (cmd === 'render') return render(rest, fail);
  if (cmd === 'import') return importCommand(rest, fail);
  if (cmd === 'reach') return reach(rest, fail);
  fail(`unknown command "${cmd}" (commands: generate, select, merge, render, import, reach)`);
}

main().catch((err: unknown) => {
  if (err instanceof z.ZodError) fail(err.issues.map((i) => i.message).join('; '));
  fail(err instanceof Error ? err.message : String(err));
});
