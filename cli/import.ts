/**
 * `na62 import`: ROOT trees → an NA62 event file, through a mapping (JSON, src-shared/root/mapping.ts).
 * Also lists a file's trees and branches, and writes a proposed mapping to start from.
 */
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { nodeFileSink, nodeFileSource } from '../src-node/fs/node-file';
import { clobberProblem } from './clobber';
import { openRootFile, type RootFile } from '../src-engine/io/root/root-file';
import { importRoot, proposeForFile } from '../src-engine/io/root/import';
import { WriteCancelled } from '../src-engine/io/event-file';
import { NA62_DETECTOR } from '../src-shared/geometry/na62-detector';
import { ABSENT_NOTES, parseMapping, type AbsentKey } from '../src-shared/root/mapping';
import { branchLabel } from '../src-shared/root/tree-info';

export const HELP_IMPORT = `usage: na62 import FILE.root… --map MAP.json --out FILE.arrow [--tree NAME] [--kind data|simulation]
       na62 import FILE.root --list
       na62 import FILE.root --propose-map MAP.json [--tree NAME]

Convert ROOT trees (NA62Analysis outputs, any flat, fixed-array, vector or counted-array branches)
into an NA62 event file with a mapping that says which branches make each field of the event model.
Several files are read one after the other (as a TChain).

  --map FILE          the mapping (JSON; see README "Your own data")
  --out FILE          the event file to write (.arrow; written to a temporary name, renamed when complete)
  --tree NAME         the tree (default: the mapping's tree; for --propose-map, the tree with most entries)
  --kind KIND         data or simulation: overrides the mapping's kind (blinding applies to data)
  --list              print the trees, their entries and branches
  --propose-map FILE  write a starting mapping from the branch names (edit it: kind is left to you)
  --quiet             no progress`;

/** What an imported file lacks, one line each, as the display and `na62 select` say it. */
export function absentLines(absent: readonly string[]): string[] {
  return absent.filter((k): k is AbsentKey => k in ABSENT_NOTES).map((k) => ABSENT_NOTES[k]);
}

export async function importCommand(argv: string[], fail: (msg: string) => never): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      map: { type: 'string' }, out: { type: 'string' }, tree: { type: 'string' }, kind: { type: 'string' },
      list: { type: 'boolean', default: false }, 'propose-map': { type: 'string' }, quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true, strict: true,
  });
  if (values.help) { console.log(HELP_IMPORT); return; }
  if (!positionals.length) fail(`give at least one ROOT file\n${HELP_IMPORT}`);
  const open = async (p: string): Promise<RootFile> => {
    try {
      return await openRootFile(await nodeFileSource(path.resolve(p)));
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err));
    }
  };

  if (values.list) {
    for (const p of positionals) {
      const f = await open(p);
      console.log(`${p}: ${f.trees.length} tree${f.trees.length === 1 ? '' : 's'}`);
      for (const t of f.trees) {
        console.log(`  ${t.name}  ${t.entries} entries, ${t.branches.length} branches`);
        for (const b of t.branches) console.log(`    ${branchLabel(b)}`);
      }
      await f.close();
    }
    return;
  }

  if (values['propose-map']) {
    const f = await open(positionals[0]!);
    const tree = values.tree ?? [...f.trees].sort((a, b) => b.entries - a.entries)[0]?.name;
    if (!tree) fail(`${positionals[0]}: no trees to map`);
    const { mapping, notes } = await proposeForFile(f, tree!).catch((e: Error) => fail(e.message));
    // data or simulation is asked, never guessed: the file does not validate until the user says
    const draft = { ...mapping, kind: mapping.kind ?? 'data or simulation? (say which)' };
    const target = path.resolve(values['propose-map']);
    await writeAtomic(target, `${JSON.stringify(draft, null, 2)}\n`, fail);
    console.log(`wrote a proposed mapping for tree "${tree}" to ${target}: ${mapping.tracks.length} track source${mapping.tracks.length === 1 ? '' : 's'}`);
    for (const n of [...notes, 'set "kind" to "data" or "simulation"']) console.log(`  check: ${n}`);
    await f.close();
    return;
  }

  if (!values.map) fail('--map is required (or --list, --propose-map; see --help)');
  if (!values.out) fail('--out is required');
  const clash = clobberProblem([['--out', values.out]], [['--map', values.map!], ...positionals.map((p) => ['the input', p] as const)]);
  if (clash) fail(clash);
  const text = await fs.readFile(values.map, 'utf8').catch((e: NodeJS.ErrnoException) => fail(`${values.map}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`));
  let json: unknown;
  try { json = JSON.parse(text); } catch (err) { fail(`${values.map}: not valid JSON (${err instanceof Error ? err.message : String(err)})`); }
  if (values.kind !== undefined && values.kind !== 'data' && values.kind !== 'simulation') fail(`--kind must be data or simulation, got "${values.kind}"`);
  const overrides = { ...(values.tree ? { tree: values.tree } : {}), ...(values.kind ? { kind: values.kind } : {}) };
  let mapping;
  try {
    mapping = parseMapping(json && typeof json === 'object' ? { ...(json as object), ...overrides } : json, values.map);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  const files = [];
  for (const p of positionals) files.push(await open(p));
  const out = path.resolve(values.out);
  const sink = await nodeFileSink(out).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${out}: ${e.code ?? e.message}`));
  const tty = process.stderr.isTTY && !values.quiet;
  let interrupted = false;
  process.once('SIGINT', () => { interrupted = true; });
  const t0 = performance.now();
  let meta;
  try {
    meta = await importRoot(files, mapping, sink, {
      geometryVersion: NA62_DETECTOR.version,
      onProgress: (done, total) => {
        if (tty) process.stderr.write(`\r${done}/${total} entries  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        return !interrupted;
      },
    });
  } catch (err) {
    if (tty) process.stderr.write('\n');
    if (err instanceof WriteCancelled) fail(`interrupted: nothing written to ${out}`);
    return fail(`${err instanceof Error ? err.message : String(err)} (nothing written to ${out})`);
  }
  if (tty) process.stderr.write('\n');
  const secs = (performance.now() - t0) / 1000;
  console.log(`imported ${meta.numEvents} events (${meta.kind}) from ${files.length} file${files.length === 1 ? '' : 's'}, tree "${mapping.tree}", mapping "${mapping.name}", to ${out} in ${secs.toFixed(2)} s`);
  for (const line of absentLines(meta.source?.absent ?? [])) console.log(`  absent: ${line}`);
  for (const f of files) await f.close();
}

async function writeAtomic(target: string, text: string, fail: (msg: string) => never): Promise<void> {
  const sink = await nodeFileSink(target).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${target}: ${e.code ?? e.message}`));
  await sink.write(new TextEncoder().encode(text));
  await sink.commit();
}
