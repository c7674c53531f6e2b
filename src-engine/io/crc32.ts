/**
 * CRC-32 (IEEE 802.3, the polynomial of zlib's crc32 and Python's zlib.crc32) over byte ranges of
 * a buffer. An event's checksum chains many short ranges (one per column); working on offsets
 * into one byte view, instead of a subarray per range, keeps the per-event check allocation-free.
 */

const TABLES = (() => {
  const t = new Uint32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  // slice-by-4: table k advances a byte k positions further
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) { c = t[c & 0xff]! ^ (c >>> 8); t[k * 256 + n] = c >>> 0; }
  }
  return t;
})();

/**
 * Continue a CRC-32 over bytes [from, to) of `u8`. Chaining is zlib's: crc32(a + b) =
 * crc32Update(crc32Update(0, a), b); start with 0.
 */
export function crc32Update(crc: number, u8: Uint8Array, from: number, to: number): number {
  const T = TABLES;
  let c = ~crc;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    c ^= u8[i]! | (u8[i + 1]! << 8) | (u8[i + 2]! << 16) | (u8[i + 3]! << 24);
    c = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
  }
  for (; i < to; i++) c = T[(c ^ u8[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-32 of a whole byte array (as zlib.crc32). */
export const crc32 = (u8: Uint8Array, crc = 0): number => crc32Update(crc, u8, 0, u8.length);
