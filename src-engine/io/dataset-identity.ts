/**
 * A dataset's identity is its content, never its name or path: the SHA-256 of the file's bytes,
 * written `sha256:<hex>` — the same digest `sha256sum FILE` prints, so a physicist can check it
 * by hand. Blinding (what was unblinded), results (which inputs) and merges key on it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { RandomAccessSource } from './source';

const CHUNK = 8 << 20;

/** SHA-256 of every byte of the source, read in chunks (never the whole file in memory). */
export async function contentIdentity(source: RandomAccessSource): Promise<string> {
  const h = sha256.create();
  for (let pos = 0; pos < source.size; pos += CHUNK) {
    const len = Math.min(CHUNK, source.size - pos);
    const bytes = await source.read(pos, len);
    if (bytes.byteLength !== len) throw new Error(`${source.name}: short read at byte ${pos} (${bytes.byteLength} of ${len})`);
    h.update(bytes);
  }
  return `sha256:${bytesToHex(h.digest())}`;
}

export { shortIdentity } from '../../src-shared/selection/blinding';
