/**
 * Makes LZ4, ZSTD and LZMA variants of a zlib-compressed ROOT file, so the import can be tested on
 * every compression ROOT writes (nothing here writes ROOT files). Each zlib block (ROOT's 9-byte
 * header "ZL" 8, compressed and uncompressed sizes) is inflated and compressed again with Debian's
 * reference tools (lz4, zstd, xz) into ROOT's block for that algorithm ("L4", "ZS" 1, "XZ" 0) at the
 * same place; the new block is never longer, the bytes left over are zeroed (readers stop when a
 * key's object is complete). Limits: the LZ4 block's 8-byte xxhash64 is left zero (JSROOT does not
 * read it; ROOT itself would refuse it), and a block that would grow stays zlib.
 *   node scripts/root-variants.mjs IN.root OUT-PREFIX   → OUT-PREFIX-{lz4,zstd,lzma}.root
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const [input, prefix] = process.argv.slice(2);
if (!input || !prefix) { console.error('usage: node scripts/root-variants.mjs IN.root OUT-PREFIX'); process.exit(2); }
const orig = new Uint8Array(readFileSync(input));

/** the zlib blocks of the file that inflate to their stated size */
function zlibBlocks(b) {
  const out = [];
  for (let i = 0; i + 9 < b.length; i++) {
    if (b[i] !== 0x5a || b[i + 1] !== 0x4c || b[i + 2] !== 8) continue;
    const c = b[i + 3] | (b[i + 4] << 8) | (b[i + 5] << 16), u = b[i + 6] | (b[i + 7] << 8) | (b[i + 8] << 16);
    try {
      const raw = inflateRawSync(b.subarray(i + 11, i + 9 + c - 4));
      if (raw.length === u) { out.push({ at: i, c, u, raw }); i += 8 + c; }
    } catch { /* not a block: three bytes that happen to read "ZL" 8 */ }
  }
  return out;
}

/** the raw LZ4 block inside the lz4 tool's frame (one independent block, no checksums) */
function lz4Block(raw) {
  const f = execFileSync('lz4', ['-q', '-c', '-9', '-B7', '-BI', '--no-frame-crc', '-'], { input: raw });
  let o = 4; // magic
  const flg = f[o]; o += 2; // FLG, BD
  if (flg & 0x08) o += 8; // content size
  o += 1; // header checksum
  const size = f.readUInt32LE(o); o += 4;
  if (size & 0x80000000) return undefined; // stored uncompressed: no gain
  return f.subarray(o, o + size);
}

const ALGOS = {
  lz4: { head: [0x4c, 0x34, 0x01], pre: 8, make: lz4Block },
  zstd: { head: [0x5a, 0x53, 0x01], pre: 0, make: (raw) => execFileSync('zstd', ['-q', '-c', '-19', '--no-check'], { input: raw }) },
  lzma: { head: [0x58, 0x5a, 0x00], pre: 0, make: (raw) => execFileSync('xz', ['-q', '-c', '--format=xz', '--check=none', '-9'], { input: raw }) },
};

const blocks = zlibBlocks(orig);
for (const [name, algo] of Object.entries(ALGOS)) {
  const out = orig.slice();
  let converted = 0;
  for (const { at, c, u, raw } of blocks) {
    const data = algo.make(raw);
    if (!data) continue;
    const c2 = algo.pre + data.length;
    if (c2 > c) continue;
    out.set(algo.head, at);
    out.set([c2 & 0xff, (c2 >> 8) & 0xff, (c2 >> 16) & 0xff, u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff], at + 3);
    out.fill(0, at + 9, at + 9 + c); // the LZ4 checksum slot and what the shorter block leaves over
    out.set(data, at + 9 + algo.pre);
    converted++;
  }
  writeFileSync(`${prefix}-${name}.root`, out);
  console.log(`${prefix}-${name}.root: ${converted} of ${blocks.length} blocks ${name}`);
}
