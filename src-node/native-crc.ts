/**
 * Node hosts verify format 3 checksums with a native CRC-32, imported for its effect by every Node
 * entry that reads event files (the selection worker, the CLI, the Electron main process). Same
 * values everywhere: it is the same CRC (IEEE, zlib's).
 *
 * First choice @node-rs/crc32 (crc32fast: carry-less multiplication, 9–10 GB/s here), then
 * zlib's (Node ≥ 20.15, 3.5–5.5 GB/s), else the engine's WebAssembly kernel. The checksums were
 * the largest single cost of a dump selection after the reads themselves.
 */
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import { useNativeCrc32 } from '../src-engine/io/column-read';

type Crc = (data: Uint8Array, initial?: number) => number;

/** @node-rs/crc32 when its prebuilt binary loads on this platform (an optional dependency per platform), else undefined. */
function simdCrc(): Crc | undefined {
  try {
    const m = createRequire(import.meta.url)('@node-rs/crc32') as { crc32?: Crc };
    // checked once against the definition (the check value of CRC-32/IEEE): a wrong binary is not used
    if (typeof m.crc32 === 'function' && m.crc32(Buffer.from('123456789')) === 0xcbf43926) return m.crc32;
  } catch { /* no binary for this platform: the next choice */ }
  return undefined;
}

const zlibCrc = (zlib as { crc32?: Crc }).crc32;
export const nativeCrcName = (() => {
  const simd = simdCrc();
  if (simd) { useNativeCrc32((bytes) => simd(bytes)); return '@node-rs/crc32'; }
  // zlib.crc32 came with Node 20.15 / 22.2: older Nodes keep the WebAssembly kernel
  if (typeof zlibCrc === 'function') { useNativeCrc32((bytes) => zlibCrc(bytes)); return 'zlib'; }
  return 'wasm';
})();
