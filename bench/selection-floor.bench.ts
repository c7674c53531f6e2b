/**
 * Where a selection's time goes above the needed-bytes floor, one thread, in one process: four
 * scans of the same file with the preset's column set, interleaved round by round —
 *   floor  the bytes the preset needs, read plainly into one buffer, with their CRC-32 (bench/needed-bytes.ts);
 *   scan   the engine's reader alone: the same reads, every buffer's CRC-32 checked, the batch decoded and its list offsets validated; nothing computed;
 *   reco   scan + what the cuts cannot do without: the multiplicity pass over every event, the first two tracks' variables
 *          of the events it keeps, the cheap cuts, and the vertex and downstream association of those that pass them
 *          (the engine's own functions: listMultiplicity, BatchReco.tracks/rest, the preset's cut tests);
 *   engine the whole selection (runSelectionPacked: the later cuts, regions, counting, the candidate columns).
 * The differences say what each layer costs; reco/floor is a lower bound of engine/floor for this
 * engine's reconstruction code (its reading and reconstruction with nothing else), so it says how far
 * tuning the rest can take a preset toward a ratio to the floor. Reads are blocking (as the selection
 * worker reads); the process is not pinned (run it under `taskset -c 0` for one core).
 *
 * Run: npx tsx bench/selection-floor.bench.ts [events|file] [presets]   (BENCH_ROUNDS, default 5)
 *   events: the dump sample of bench/selection-vs-numpy.bench.ts over that many events (default 10⁷:
 *   bench-output/dump-sel-10000000-g<version>.arrow; scripts/bench-selection.sh makes it and runs this after it); or a format 3 file;
 *   presets: default dump-mumu,dump-ee
 */
import '../src-node/native-crc';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { GENERATOR_VERSION } from '../src-engine/generator/generate';
import { openEventFile, type EventFile } from '../src-engine/io/event-file';
import { batchReco, VARIABLE_NAMES, type VariableColumns } from '../src-engine/reco/variables';
import { columnSetFor, selectionVariables } from '../src-engine/selection/columns';
import { cheapCuts, listMultiplicity, recoOptions, resolveSelection, runSelectionPacked, type ResolvedSelection } from '../src-engine/selection/run';
import { nodeFileSource } from '../src-node/fs/node-file';
import { PRESET_IDS, type PresetId } from '../src-shared/selection/types';
import { neededRanges, readRanges } from './needed-bytes';

const args = process.argv.slice(2);
const file = /^\d+$/.test(args[0] ?? '10000000') ? `bench-output/dump-sel-${args[0] ?? 10000000}-g${GENERATOR_VERSION}.arrow` : args[0]!;
const presets = (args[1] ?? 'dump-mumu,dump-ee').split(',') as PresetId[];
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 5));
for (const p of presets) if (!PRESET_IDS.includes(p)) { console.error(`unknown preset ${p}: use ${PRESET_IDS.join(', ')}`); process.exit(2); }
if (!existsSync(file)) { console.error(`${file} not found: make it with scripts/bench-selection.sh (or name a format 3 file)`); process.exit(2); }
const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
// every preset's regions open: the engine's figures are then of a selection with no masking pass (as the main bench runs them)
const OPEN = Object.fromEntries(PRESET_IDS.map((p) => [p, 'sr'])) as Record<PresetId, 'sr'>;

/** The engine's reader alone: every batch read, checked and decoded, nothing computed. */
async function scanOnly(f: EventFile, sel: ResolvedSelection): Promise<number> {
  let n = 0;
  await f.scan(0, f.numBatches, (_start, c) => { n += c.length; }, { columns: columnSetFor(selectionVariables(sel, false)) });
  return n;
}

/** The reader and the reconstruction the cuts need, as runSelectionPacked orders them; returns the events that reach the later cuts. */
async function scanAndReco(f: EventFile, sel: ResolvedSelection): Promise<number> {
  const need = selectionVariables(sel, false), opts = recoOptions(sel), nCheap = cheapCuts(sel);
  const mult = sel.cuts[0]?.enabled ? sel.cuts[0].multiplicity : undefined;
  if (!mult) throw new Error(`${sel.preset.id}: its first cut is not a multiplicity cut`);
  const bs = f.meta.batchSize;
  const vars = Object.fromEntries(VARIABLE_NAMES.map((k) => [k, new Float64Array(bs)])) as VariableColumns;
  const list = new Int32Array(bs), ev = new Int32Array(bs);
  let reached = 0;
  await f.scan(0, f.numBatches, (_start, c) => {
    const r = batchReco(c, opts, vars, need), T = c.collections.get('tracks')!;
    let m = listMultiplicity(list, c.length, T.offsets, T.fields['charge']!, mult.ntracks, mult.qsum);
    for (let j = 0; j < m; j++) { ev[j] = list[j]!; list[j] = j; r.tracks(ev[j]!, j); }
    for (let k = 1; k < nCheap; k++) {
      const cut = sel.cuts[k]!;
      if (!cut.enabled) continue;
      let o = 0;
      for (let j = 0; j < m; j++) if (cut.test(r.v, list[j]!, sel.num)) list[o++] = list[j]!;
      m = o;
    }
    for (let j = 0; j < m; j++) r.rest(ev[list[j]!]!, list[j]!);
    reached += m;
  }, { columns: columnSetFor(need) });
  return reached;
}

const f = await openEventFile(await nodeFileSource(file, { sync: true }));
console.log(`${file}: ${f.numEvents.toLocaleString('en')} events in ${f.numBatches} batches of ${f.meta.batchSize}; best of ${ROUNDS} interleaved rounds, one thread (${load()})`);
const summary: string[] = [];
for (const preset of presets) {
  const sel = resolveSelection({ preset, params: {}, disabled: [], expressions: [] });
  const ranges = await neededRanges(file, preset), bytes = ranges.reduce((a, r) => a + r[1], 0);
  const time = async <T>(fn: () => T | Promise<T>) => { const t = performance.now(); const value = await fn(); return { s: (performance.now() - t) / 1000, value }; };
  const stages = {
    floor: () => readRanges(file, ranges, true),
    scan: () => scanOnly(f, sel),
    reco: () => scanAndReco(f, sel),
    engine: async () => (await runSelectionPacked(f, sel, { stages: OPEN })).packed.n,
  };
  type Stage = keyof typeof stages;
  const best: Record<Stage, number> = { floor: Infinity, scan: Infinity, reco: Infinity, engine: Infinity };
  const values: Partial<Record<Stage, unknown>> = {};
  for (const s of Object.keys(stages) as Stage[]) values[s] = (await time(stages[s])).value; // warm: page cache and optimised code
  for (let k = 0; k < ROUNDS; k++) for (const s of Object.keys(stages) as Stage[]) best[s] = Math.min(best[s], (await time(stages[s])).s);
  const ratio = (s: Stage) => `×${(best[s] / best.floor).toFixed(1)}`;
  console.log(`\n${preset}: ${(bytes / 1e6).toFixed(0)} MB needed in ${ranges.length} reads; ${String(values.reco)} events reach the cuts after the reconstruction, ${String(values.engine)} candidates (${load()})`);
  console.log(`  floor  : ${best.floor.toFixed(3)} s  read the needed bytes with their CRC-32`);
  console.log(`  scan   : ${best.scan.toFixed(3)} s  ${ratio('scan')}  the engine's reader alone (+${(best.scan - best.floor).toFixed(3)} s: decoding, offsets, scan)`);
  console.log(`  reco   : ${best.reco.toFixed(3)} s  ${ratio('reco')}  + multiplicity pass, tracks, cheap cuts, vertex and association (+${(best.reco - best.scan).toFixed(3)} s)`);
  console.log(`  engine : ${best.engine.toFixed(3)} s  ${ratio('engine')}  the whole selection (+${(best.engine - best.reco).toFixed(3)} s: later cuts, regions, counting, candidates)`);
  console.log(`  ×3 of the floor is ${(3 * best.floor).toFixed(3)} s: the reader and reconstruction alone take ${(100 * best.reco / (3 * best.floor)).toFixed(0)} % of it`);
  summary.push(`${preset.padEnd(10)} floor ${best.floor.toFixed(3)} s; scan ${ratio('scan')}, reco ${ratio('reco')}, engine ${ratio('engine')} the floor (${load()})`);
}
await f.close();
console.log(`\nsummary:\n  ${summary.join('\n  ')}`);
