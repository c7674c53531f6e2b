/**
 * ROOT compresses each object (a key: baskets, the tree, streamer infos) in blocks with a 9-byte
 * header; zlib blocks end with the Adler-32 of their uncompressed bytes. JSROOT inflates without
 * checking it, so a flipped bit in compressed data would come out as wrong numbers. Each key the
 * importer reads is checked here first: its zlib blocks inflated (fflate) and their checksums
 * compared. Blocks in other formats (LZ4, ZSTD, LZMA) are left to their decompressors.
 */
import { inflateSync } from 'fflate';

function adler32(b: Uint8Array): number {
  let a = 1, s = 0;
  const MOD = 65521, NMAX = 5552;
  for (let i = 0; i < b.length;) {
    const end = Math.min(b.length, i + NMAX);
    for (; i < end; i++) { a += b[i]!; s += a; }
    a %= MOD; s %= MOD;
  }
  return ((s << 16) | a) >>> 0;
}

/**
 * If `bytes` (read at `pos`) is one whole compressed key, verify its zlib blocks; returns a problem
 * or undefined. Anything that does not look like a compressed key is not checked.
 */
export function checkKeyBlocks(bytes: Uint8Array, pos: number): string | undefined {
  if (bytes.length < 40) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nbytes = dv.getInt32(0), objLen = dv.getInt32(6), keyLen = dv.getInt16(14);
  if (nbytes !== bytes.length || keyLen < 26 || keyLen >= nbytes || objLen <= nbytes - keyLen) return undefined;
  let off = keyLen, produced = 0;
  while (off + 9 <= bytes.length && produced < objLen) {
    if (!(bytes[off] === 0x5a && bytes[off + 1] === 0x4c && bytes[off + 2] === 8)) return undefined; // not zlib ("ZL", method 8)
    const c = bytes[off + 3]! | (bytes[off + 4]! << 8) | (bytes[off + 5]! << 16);
    const u = bytes[off + 6]! | (bytes[off + 7]! << 8) | (bytes[off + 8]! << 16);
    const block = bytes.subarray(off + 9, off + 9 + c);
    if (block.length !== c || c < 6) return `compressed block at byte ${pos + off} is cut short`;
    let out: Uint8Array;
    try {
      out = inflateSync(block.subarray(2, c - 4), { out: new Uint8Array(u) });
    } catch (err) {
      return `compressed block at byte ${pos + off} does not inflate (${err instanceof Error ? err.message : String(err)})`;
    }
    const want = ((block[c - 4]! << 24) | (block[c - 3]! << 16) | (block[c - 2]! << 8) | block[c - 1]!) >>> 0;
    if (out.length !== u || adler32(out) !== want) return `compressed block at byte ${pos + off} fails its checksum`;
    produced += u;
    off += 9 + c;
  }
  // a flipped object length would have JSROOT allocate (and wait for) bytes that do not exist
  if (produced !== objLen) return `the key at byte ${pos} says ${objLen} bytes uncompressed, its blocks hold ${produced}`;
  return undefined;
}
