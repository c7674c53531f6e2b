/**
 * The NA62 event display's command line. Commands:
 *   generate   run the fast Monte Carlo and write an event file
 *   select     run a published selection over event files (shardable), write the result
 *   merge      merge selection results of shards into one
 *   check      check event files against the format specification
 *   render     pictures of events (PNG/SVG) made by the app's export code in headless Chromium
 *   import     ROOT trees → an event file, through a mapping (also --list, --propose-map)
 *   reach      expected-signal reach on an (m, ε) or (m, cτ) grid, CSV and contour figure (cli/reach.ts)
 * Run with: npm run na62 -- <command> [options]   (or: node --import tsx cli/na62.ts <command> …; not through the tsx
 * wrapper, which on Ctrl+C kills a busy child before its cleanup can run)
 */
import '../src-node/native-crc'; // format 3 checksums with a native CRC-32
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROCESSES, type ProcessLabel } from '../src-shared/event/model';
import { modeOfMix, parseProcessMix } from '../src-shared/event/generator-config';
import { generateToSink } from '../src-engine/generator/write-generated';
import { GeneratorConfigSchema } from '../src-engine/generator/generate';
import { WriteCancelled } from '../src-engine/io/event-file';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';
import { cliWorkerUrl, partition, runInWorkers } from '../src-node/selection-pool';
import { availableParallelism } from 'node:os';
import { openEventFile } from '../src-engine/io/event-file';
import { mergeResults, resolveSelection, type OnCorrupt } from '../src-engine/selection/run';
import { checkMergeable, type NamedResult } from '../src-engine/selection/merge-checks';
import { shortIdentity } from '../src-engine/io/dataset-identity';
import type { ByteSink } from '../src-engine/io/source';
import { fileIdentity } from '../src-node/fs/file-identity';
import { fsCause } from '../src-node/fs/fs-errors';
import { exitCleanlyOnSignals } from '../src-node/fs/temp-files';
import { checkEventFile, metadataJsonSchema } from '../src-engine/io/check';
import { cliUnblinding } from './unblind';
import { PRESETS } from '../src-engine/selection/presets';
import { VARIABLES } from '../src-engine/reco/variables';
import { csvSidecar, resultFromJson, resultToCsv, resultToJson } from '../src-engine/selection/candidates-io';
import { PRESET_IDS, type SelectionConfigInput, type SelectionResult } from '../src-shared/selection/types';
import { clobberProblem } from './clobber';
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
  --on-corrupt fail|skip   an event whose checksum does not match fails the run (default), or
                 is left out of every count and listed in the result's "corrupt" record
  --out FILE     the result (JSON, reloadable and mergeable)
  --csv FILE     also write the candidate list as plain CSV, and beside it FILE.json (the
                 selection, inputs and software the list came from)
  --list         list the presets, their cuts and parameters, and the variables`;

const HELP_MERGE = `usage: na62 merge --out MERGED.json [--csv MERGED.csv] [--partial] RESULT.json…

Merge selection results (shards of one or more datasets) into one: cut-flows add, candidate lists
concatenate. Refused, naming the files: results of different software versions, selections or
blinding; impossible cut-flows; events counted twice (the same shard twice, a whole-dataset result
with one of its shards); events of a dataset that no result covers (unless --partial).

  --out FILE     the merged result (JSON)
  --csv FILE     also write the candidate list as plain CSV, with its sidecar FILE.json
  --partial      allow datasets that the results do not cover whole (merge the rest later)`;

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

/** Events per record batch: the format's limit (file-meta.ts). */
const MAX_BATCH_SIZE = 1_000_000;
const MAX_RESULT_BYTES = 2 ** 30;

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
  if (!/^\d+$/.test(values.events!.trim()) && !/^\d+(\.\d*)?e\d+$/i.test(values.events!.trim())) fail(`--events must be a whole number of events ≥ 0, got "${values.events}"`);
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
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = num(values['batch-size'], '--batch-size');
    if (!Number.isInteger(batchSize) || batchSize! < 1 || batchSize! > MAX_BATCH_SIZE) fail(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE.toLocaleString('en')}, got "${values['batch-size']}"`);
  }
  const out = path.resolve(values.out!);
  const tty = process.stderr.isTTY && !values.quiet;
  const t0 = performance.now();
  let lastLine = 0;
  const sink = await nodeFileSink(out).catch((e: Error) => fail(e.message));
  try {
    await generateToSink(cfg.data, sink, {
      ...(batchSize ? { batchSize } : {}),
      ...(values['mock-data'] ? { mockData: true } : {}),
      onProgress: ({ done, total }) => {
        if (tty) process.stderr.write(`\r${progressBar(done, total, t0)}`);
        else if (!values.quiet && (done === total || performance.now() - lastLine > 5000)) { process.stderr.write(`${progressBar(done, total, t0)}\n`); lastLine = performance.now(); }
      },
    });
  } catch (err) {
    if (tty) process.stderr.write('\n');
    if (err instanceof WriteCancelled) fail(`interrupted: nothing written to ${out}`);
    fail(`${out}: not written: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ') : err instanceof Error ? err.message : String(err)}`);
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
      'on-corrupt': { type: 'string', default: 'fail' },
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
  if (!(PRESET_IDS as readonly string[]).includes(values.preset!)) fail(`unknown preset "${values.preset}" (presets: ${PRESET_IDS.join(', ')})`);
  if (!values.out) fail('--out is required');
  if (!positionals.length) fail('give at least one event file');
  const clash = clobberProblem(resultOutputs(values.out!, values.csv), positionals.map((p) => ['the input', p] as const));
  if (clash) fail(clash);
  const onCorrupt = values['on-corrupt'] as OnCorrupt;
  if (onCorrupt !== 'fail' && onCorrupt !== 'skip') fail(`--on-corrupt wants fail or skip, got "${values['on-corrupt']}"`);
  const params: Record<string, number | string> = {};
  for (const kv of values.param!) {
    const m = /^([\w]+)=(.*)$/.exec(kv);
    if (!m) fail(`--param wants name=value, got "${kv}"`);
    const n = Number(m![2]);
    params[m![1]!] = m![2]!.trim() !== '' && Number.isFinite(n) ? n : m![2]!;
  }
  const selection: SelectionConfigInput = { preset: values.preset as SelectionConfigInput['preset'], params, disabled: values.disable!, expressions: values.expr! };
  let preset: ReturnType<typeof resolveSelection>['preset'];
  try { preset = resolveSelection(selection).preset; } catch (err) { return fail(err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : err instanceof Error ? err.message : String(err)); }
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
  const warnings: string[] = [];
  const identities = new Map<string, string>();
  for (const file of positionals.map((p) => path.resolve(p))) {
    const f = await openEventFile(await nodeFileSource(file)).catch((e: Error) => fail(e.message));
    // an imported file says what its tree did not have: the selection cannot use what is not there
    if (!values.quiet) for (const line of absentLines(f.meta.source?.absent ?? [])) process.stderr.write(`${path.basename(file)}: ${line}\n`);
    warnings.push(...f.warnings);
    const mode = f.meta.generator?.mode;
    if (mode && mode !== preset.mode) warnings.push(`${file}: a ${mode}-mode file, but ${preset.id} selects ${preset.mode}-mode events: expect nothing to pass`);
    const B = f.numBatches;
    files.push({ file, numBatches: B, batchSize: f.meta.batchSize, numEvents: f.numEvents, range: [Math.floor(((shard[0] - 1) * B) / shard[1]), Math.floor((shard[0] * B) / shard[1])] as [number, number] });
    const meta = f.meta;
    await f.close();
    // the same dataset twice (the same path, or a copy) would count its events twice
    const id = await fileIdentity(file).catch((e: Error) => fail(e.message));
    const twin = [...identities].find(([, x]) => x === id);
    if (twin) fail(`${twin[0]} and ${file} are the same dataset (${shortIdentity(id)}): its events would be counted twice`);
    identities.set(file, id);
    unblind.add(file, meta, id);
  }
  for (const w of warnings) process.stderr.write(`na62: warning: ${w}\n`);
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  if (!(workers >= 1)) fail('--workers must be at least 1');
  const parts = partition(files, workers);
  if (!parts.length) fail('this shard holds no events');
  const t0 = performance.now();
  const tty = process.stderr.isTTY && !values.quiet;
  let merged: SelectionResult;
  try {
    merged = await runInWorkers(parts, selection, {
      workerUrl: cliWorkerUrl(new URL('../', import.meta.url), new URL(import.meta.url)), workers, stages: unblind.stages, onCorrupt,
      onProgress: (done, total) => { if (tty) process.stderr.write(`\r${done}/${total} events  ${((performance.now() - t0) / 1000).toFixed(1)} s`); },
    });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (tty) process.stderr.write('\n');
  // every input with its identity and shard; the warnings the inputs raised
  const allWarnings = [...new Set([...(merged.warnings ?? []), ...warnings])];
  const described: SelectionResult = {
    ...merged,
    inputs: merged.inputs.map((x) => ({ ...x, identity: identities.get(x.file)!, shard: { index: shard[0], count: shard[1] } })),
    ...(allWarnings.length ? { warnings: allWarnings } : {}),
  };
  // masked at the source by the workers; the result records the stages and the log of this run
  const result: SelectionResult = { ...described, blinding: unblind.record(merged.blinding) };
  const secs = (performance.now() - t0) / 1000;
  await writeOutputs([[values.out!, resultToJson(result)], ...csvOutputs(values.csv, result)]);
  const events = result.cutflow[0]!.n;
  console.log(`${result.selection.preset}: ${events} events, ${result.cutflow.at(-1)!.n} selected${result.blinded ? ` (${result.masked.n} in masked regions, not listed: blind)` : ''}; ${Math.round(events / secs).toLocaleString('en')} events/s on ${workers} worker(s)`);
  if (result.corrupt) process.stderr.write(`na62: warning: ${result.corrupt.n} corrupt event(s) skipped (checksum mismatch), e.g. ${result.corrupt.events.slice(0, 3).map((e) => `${e.file} event ${e.index} (${e.id})`).join(', ')}\n`);
  for (const row of result.cutflow) console.log(`  ${row.id.padEnd(16)} ${String(row.n).padStart(10)}  w=${row.w.toPrecision(4)}${row.enabled ? '' : '  (off)'}`);
}

/** A result's output files, by option: --out, and --csv with its sidecar. */
const resultOutputs = (out: string, csv: string | undefined): [string, string | undefined][] => [['--out', out], ['--csv', csv], ['--csv (its sidecar)', csv && `${csv}.json`]];
/** A candidate CSV (plain: the header first) and its JSON sidecar with the selection, inputs and software (LIST.csv.json). */
const csvOutputs = (csv: string | undefined, r: SelectionResult): [string, string][] => (csv ? [[csv, resultToCsv(r)], [`${csv}.json`, csvSidecar(r)]] : []);

/**
 * Write every output or none: each goes to a temporary, and the final names appear only once all
 * are complete; a failure removes the temporaries and says which file and why.
 */
async function writeOutputs(outputs: readonly (readonly [string, string])[]): Promise<void> {
  const sinks: ByteSink[] = [];
  try {
    for (const [target] of outputs) sinks.push(await nodeFileSink(path.resolve(target)));
    for (const [k, [, text]] of outputs.entries()) await sinks[k]!.write(new TextEncoder().encode(text));
    for (const s of sinks) await s.commit();
  } catch (err) {
    for (const s of sinks) await s.abort().catch(() => {});
    fail(err instanceof Error ? err.message : String(err));
  }
}

async function merge(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' }, csv: { type: 'string' }, partial: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (values.help) { console.log(HELP_MERGE); return; }
  if (!values.out || !positionals.length) fail(HELP_MERGE);
  const clash = clobberProblem(resultOutputs(values.out, values.csv), positionals.map((p) => ['the input', p] as const));
  if (clash) fail(clash);
  const parts: NamedResult[] = [];
  for (const p of positionals) {
    const bytes = await fs.readFile(p).catch((e: NodeJS.ErrnoException) => fail(`${p}: ${fsCause(e)}`));
    if (bytes.subarray(0, 6).toString('latin1') === 'ARROW1') fail(`${p}: an event file, not a selection result: run na62 select on it first`);
    if (bytes.length > MAX_RESULT_BYTES) fail(`${p}: ${(bytes.length / 1e6).toFixed(0)} MB, too large to be a selection result`);
    try { parts.push({ name: p, result: resultFromJson(bytes.toString('utf8'), p) }); } catch (err) { fail(printable(err instanceof Error ? err.message : String(err))); }
  }
  let merged: SelectionResult;
  try {
    checkMergeable(parts, { allowPartial: values.partial! });
    merged = mergeResults(parts.map((p) => p.result));
  } catch (err) { return fail(err instanceof Error ? err.message : String(err)); }
  await writeOutputs([[values.out, resultToJson(merged)], ...csvOutputs(values.csv, merged)]);
  console.log(`merged ${parts.length} results: ${merged.cutflow[0]!.n} events, ${merged.cutflow.at(-1)!.n} selected, ${merged.candidates.length} candidates listed`);
}

/** A message about a file may quote its content: control characters and binary bytes are shown escaped, never sent to the terminal. */
const printable = (s: string) => [...s.slice(0, 2000)].map((c) => {
  const k = c.charCodeAt(0);
  return (k < 0x20 && c !== '\n' && c !== '\t') || (k >= 0x7f && k <= 0x9f) || k === 0xfffd ? `\\x${k.toString(16).padStart(2, '0')}` : c;
}).join('');

/**
 * `--events -1`: parseArgs takes "-1" for an option and answers with a message about ambiguity;
 * a negative number after an option that wants a value is that option's value (then checked).
 */
function joinNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!, b = args[k + 1];
    if (/^--[\w-]+$/.test(a) && b !== undefined && /^-\d/.test(b)) { out.push(`${a}=${b}`); k++; } else out.push(a);
  }
  return out;
}

const HELP_CHECK = `usage: na62 check FILE.arrow…    or    na62 check --metadata-schema

Check event files against the format specification (docs/event-format.md): the metadata, every
column with its type, the batching, and every event's checksum. Prints what differs, exactly;
exits 0 when every file is valid, 1 when one is not.

  --metadata-schema   print the JSON Schema of the metadata (schema key "na62")`;

async function check(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { 'metadata-schema': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (values.help) { console.log(HELP_CHECK); return; }
  if (values['metadata-schema']) { console.log(JSON.stringify(metadataJsonSchema(), null, 2)); return; }
  if (!positionals.length) fail(HELP_CHECK);
  let bad = 0;
  for (const p of positionals) {
    const file = path.resolve(p);
    const source = await nodeFileSource(file).catch((e: Error) => e);
    const report = source instanceof Error ? { file, problems: [source.message.replace(`${file}: `, '')], notes: [] } : await checkEventFile(source);
    if (report.problems.length) {
      bad++;
      console.log(`${file}: ${report.problems.length} problem(s):`);
      for (const x of report.problems) console.log(`  - ${x}`);
    } else console.log(`${file}: valid`);
    for (const x of report.notes) console.log(`  ${x}`);
  }
  if (bad) process.exitCode = 1;
}

async function main(): Promise<void> {
  // Ctrl+C (also under npm, which with tsx relays it again) and SIGTERM: temporaries removed, a message, exit 130/143
  exitCleanlyOnSignals('na62');
  // output piped into a reader that stopped (| head): stop quietly, as command-line tools do
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });
  const [cmd, ...rest] = joinNegativeValues(process.argv.slice(2));
  if (!cmd || cmd === '--help' || cmd === 'help') { console.log(`${HELP}\n\n${HELP_SELECT}\n\n${HELP_MERGE}\n\n${HELP_CHECK}\n\n${HELP_RENDER}\n\n${HELP_IMPORT}\n\n${HELP_REACH}`); return; }
  if (cmd === 'generate') return generate(rest);
  if (cmd === 'select') return select(rest);
  if (cmd === 'merge') return merge(rest);
  if (cmd === 'render') return render(rest, fail);
  if (cmd === 'import') return importCommand(rest, fail);
  if (cmd === 'check') return check(rest);
  if (cmd === 'reach') return reach(rest, fail);
  fail(`unknown command "${cmd}" (commands: generate, select, merge, check, render, import, reach)`);
}

main().catch((err: unknown) => {
  if (err instanceof z.ZodError) fail(err.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
  fail(err instanceof Error ? err.message : String(err));
});
