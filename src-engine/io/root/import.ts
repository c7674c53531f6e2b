/**
 * ROOT tree → NA62 event file, through the model-level writer: entries are read in batches with
 * JSROOT's TTree::Process port (only the mapped branches, only the baskets of the batch), turned
 * into events by the compiled mapping and written batch by batch, with progress and cancel. The
 * writer commits only a complete file, so a failed or cancelled import leaves nothing that reads as valid.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Na62Event } from '../../../src-shared/event/model';
import type { FileMeta } from '../../../src-shared/event/file-meta';
import { parseMapping, type RootMapping } from '../../../src-shared/root/mapping';
import type { TreeInfo } from '../../../src-shared/root/tree-info';
import { writeEventFile } from '../event-file';
import type { ByteSink } from '../source';
import { RootFileError } from './jsroot-port';
import type { RootFile } from './root-file';
import { compileMapping, MappingError, type CompiledMapping } from './convert';
import { ValueError } from './branch-expression';
import { proposeMapping, unitsFromSample, type MappingDraft } from './propose';

/** Entries read and written per batch: a few MB of events, bounded whatever the tree's size. */
export const IMPORT_BATCH = 4096;

export interface ImportOptions {
  readonly onProgress?: (done: number, total: number) => boolean | void;
  readonly yieldToHost?: () => Promise<void>;
  readonly batchSize?: number;
  /** the app's name for the geometry the events are drawn in */
  readonly geometryVersion: string;
}

/** `sha256:<hex>` of the mapping as validated (the file records which mapping made it). */
export function mappingHash(mapping: RootMapping): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(JSON.stringify(mapping))))}`;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

/** The tree's description and the mapping compiled against it; problems name the file and tree. */
export function prepare(file: RootFile, mapping: RootMapping): { info: TreeInfo; compiled: CompiledMapping } {
  const info = file.trees.find((t) => t.name === mapping.tree);
  if (!info) throw new RootFileError(file.name, `no tree "${mapping.tree}" (the file has ${file.trees.length ? file.trees.map((t) => `"${t.name}"`).join(', ') : 'no trees'})`);
  try {
    return { info, compiled: compileMapping(mapping, info) };
  } catch (err) {
    if (err instanceof MappingError) throw new RootFileError(file.name, `tree "${info.name}", mapping "${mapping.name}": ${err.message}`);
    throw err;
  }
}

/** Events of entries [start, start + count), read with JSROOT and converted. */
export async function readEvents(file: RootFile, compiled: CompiledMapping, start: number, count: number): Promise<Na62Event[]> {
  const treeName = compiled.mapping.tree;
  const where = (entry: number) => `tree "${treeName}", entry ${entry}`;
  const convert = (values: Record<string, unknown>, entry: number): Na62Event => {
    try {
      return compiled.event(values, entry);
    } catch (err) {
      // a damaged basket can hand over anything: every failure here is a problem of this entry
      throw new RootFileError(file.name, `${where(entry)}: ${err instanceof ValueError || err instanceof MappingError ? err.message : `cannot be converted (${message(err)})`}`);
    }
  };
  if (compiled.branches.length === 0) return Array.from({ length: count }, (_, i) => convert({}, start + i));

  const tree = await file.tree(treeName);
  const { TSelector, treeProcess } = file.jsroot.tree;
  const events: Na62Event[] = [];
  let failure: unknown;
  const selector = new TSelector();
  for (const b of compiled.branches) selector.addBranch(b);
  selector.Process = function (this: InstanceType<typeof TSelector>, entry: number) {
    if (failure) return;
    try {
      events.push(convert(this.tgtobj, entry));
    } catch (err) {
      failure = err;
      this.Abort();
    }
  };
  try {
    await treeProcess(tree, selector, { firstentry: start, numentries: count });
  } catch (err) {
    if (!failure) throw new RootFileError(file.name, `tree "${treeName}": cannot read entries ${start}–${start + count - 1}: ${message(err)}`);
  }
  if (failure) throw failure;
  if (events.length !== count) {
    const why = file.lastReadProblem();
    throw new RootFileError(file.name, `tree "${treeName}": read ${events.length} of entries ${start}–${start + count - 1} (${why ?? 'the file is truncated or corrupt'})`);
  }
  return events;
}

/** The first `n` events of the mapped tree (the import dialog's preview), with what is absent. */
export async function previewRoot(file: RootFile, mapping: RootMapping, n: number): Promise<{ events: Na62Event[]; absent: readonly string[]; entries: number }> {
  const { info, compiled } = prepare(file, mapping);
  const events = await readEvents(file, compiled, 0, Math.min(n, info.entries));
  return { events, absent: compiled.absent, entries: info.entries };
}

/**
 * Import the mapped tree of one or more files (their entries one after the other, as a TChain
 * would) into an event file written to `sink`.
 */
export async function importRoot(files: RootFile | readonly RootFile[], mapping: RootMapping, sink: ByteSink, opts: ImportOptions): Promise<FileMeta> {
  const list = Array.isArray(files) ? files : [files as RootFile];
  let parts: { file: RootFile; info: TreeInfo; compiled: CompiledMapping; first: number }[];
  try {
    if (!list.length) throw new Error('no ROOT file to import');
    let first = 0;
    parts = list.map((file) => {
      const p = prepare(file, mapping);
      const part = { file, ...p, first };
      first += p.info.entries;
      return part;
    });
  } catch (err) {
    await sink.abort();
    throw err;
  }
  const total = parts.reduce((a, p) => a + p.info.entries, 0);
  const info = parts[0]!.info, compiled = parts[0]!.compiled;
  const file = { name: parts.map((p) => p.file.name).join(', ') };
  // a batch may span two files: read each file's share of it
  const produce = async (start: number, count: number): Promise<Na62Event[]> => {
    const out: Na62Event[] = [];
    for (const p of parts) {
      const from = Math.max(start, p.first), to = Math.min(start + count, p.first + p.info.entries);
      if (from < to) out.push(...(await readEvents(p.file, p.compiled, from - p.first, to - from)));
    }
    return out;
  };
  return writeEventFile(sink, total, produce, {
    batchSize: opts.batchSize ?? IMPORT_BATCH,
    ...(opts.yieldToHost ? { yieldToHost: opts.yieldToHost } : {}),
    onProgress: (written) => opts.onProgress?.(written, total),
    meta: {
      geometryVersion: opts.geometryVersion,
      strawHits: false,
      truth: false,
      kind: mapping.kind,
      generator: null,
      description: `Imported from ${file.name.slice(0, 1000)}, tree "${info.name}", with mapping "${mapping.name}"${mapping.description ? `: ${mapping.description}` : ''}`.slice(0, 2000),
      source: {
        file: file.name.slice(0, 2000),
        tree: info.name,
        entries: total,
        mapping: { name: mapping.name, version: mapping.version, sha256: mappingHash(mapping) },
        absent: [...compiled.absent],
      },
    },
  });
}

/**
 * The proposal for a tree of an open file, its momentum units judged from the first entries
 * (only when a track source was recognised; otherwise NA62's MeV stands, as the notes say).
 */
export async function proposeForFile(file: RootFile, treeName: string): Promise<{ mapping: MappingDraft; notes: string[] }> {
  const info = file.trees.find((t) => t.name === treeName);
  if (!info) throw new RootFileError(file.name, `no tree "${treeName}" (the file has ${file.trees.length ? file.trees.map((t) => `"${t.name}"`).join(', ') : 'no trees'})`);
  const { mapping, notes } = proposeMapping(info);
  if (mapping.tracks.length > 0 && info.entries > 0) {
    try {
      const probe = parseMapping({ ...mapping, kind: 'data' }, 'proposal');
      const { events } = await previewRoot(file, probe, 64);
      const units = unitsFromSample(events.flatMap((e) => e.tracks.map((t) => Math.hypot(t.px, t.py, t.pz))));
      if (units) {
        mapping.units = { ...mapping.units, momentum: units, energy: units };
        notes[notes.length - 1] = `momenta look like ${units}/c (median of the first entries): check the units`;
      }
    } catch (err) {
      notes.push(`the proposal does not read cleanly yet: ${message(err)}`);
    }
  }
  return { mapping, notes };
}
