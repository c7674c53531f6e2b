/**
 * Every compression ROOT writes: LZ4, ZSTD and LZMA variants of the two real files
 * (test/data/root/, made by scripts/root-variants.mjs with Debian's lz4, zstd and xz: the zlib
 * blocks recompressed in place) read back every branch exactly as the zlib originals, and import to
 * the same event files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { openRootFile } from '../../src-engine/io/root/root-file';
import { importRoot } from '../../src-engine/io/root/import';
import { parseMapping, type RootMappingInput } from '../../src-shared/root/mapping';
import { HZZ_MAPPING, ROOT_DATA, ZMUMU_MAPPING } from './root-fixtures';

const VARIANTS = path.resolve(__dirname, '../data/root');

/** every usable branch of the tree, every entry, as JSON */
async function readAll(bytes: Uint8Array, name: string): Promise<string> {
  const f = await openRootFile(memorySource(name, bytes));
  const info = f.trees[0]!;
  const tree = await f.tree(info.name);
  const { TSelector, treeProcess } = f.jsroot.tree;
  const names = info.branches.filter((b) => b.usable).map((b) => b.name);
  const rows: unknown[] = [];
  const sel = new TSelector();
  for (const n of names) sel.addBranch(n);
  sel.Process = function (this: InstanceType<typeof TSelector>) { rows.push(names.map((n) => { const v = this.tgtobj[n]; return ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v; })); };
  await treeProcess(tree, sel);
  expect(rows).toHaveLength(info.entries);
  return JSON.stringify(rows);
}

async function imported(bytes: Uint8Array, name: string, mapping: RootMappingInput): Promise<Uint8Array> {
  const sink = memorySink();
  await importRoot(await openRootFile(memorySource(name, bytes)), parseMapping(mapping, 'test'), sink, { geometryVersion: 'test' });
  return sink.bytes();
}

/** the ROOT compression block headers in a file, by algorithm */
function blockCounts(b: Uint8Array): Record<string, number> {
  const n = { zlib: 0, lz4: 0, zstd: 0, lzma: 0 };
  for (let i = 0; i + 9 < b.length; i++) {
    if (b[i] === 0x5a && b[i + 1] === 0x4c && b[i + 2] === 8) n.zlib++;
    else if (b[i] === 0x4c && b[i + 1] === 0x34 && b[i + 2] === 1) n.lz4++;
    else if (b[i] === 0x5a && b[i + 1] === 0x53 && b[i + 2] === 1) n.zstd++;
    else if (b[i] === 0x58 && b[i + 1] === 0x5a && b[i + 2] === 0) n.lzma++;
  }
  return n;
}

describe.each([['uproot-Zmumu', ZMUMU_MAPPING], ['uproot-HZZ', HZZ_MAPPING]] as const)('%s in LZ4, ZSTD and LZMA', (base, mapping) => {
  const zlib = new Uint8Array(readFileSync(path.join(ROOT_DATA, `${base}.root`)));
  it.each(['lz4', 'zstd', 'lzma'] as const)('%s: every branch reads as in the zlib file; the import is identical', async (algo) => {
    const bytes = new Uint8Array(readFileSync(path.join(VARIANTS, `${base}-${algo}.root`)));
    expect(blockCounts(bytes)[algo]).toBeGreaterThan(1);
    // the same source name, so the event files compare byte for byte
    expect(await readAll(bytes, `${base}.root`)).toBe(await readAll(zlib, `${base}.root`));
    const a = await imported(bytes, `${base}.root`, mapping), b = await imported(zlib, `${base}.root`, mapping);
    expect(a.length).toBe(b.length);
    expect(a.every((x, i) => x === b[i])).toBe(true);
  }, 60_000);
});
