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

/*
 * The same CRC for every row of a batch at once, column by column: one state per row, each column
 * folded into the states in one tight loop (no call per value). A selection checks every event
 * this way; the states are kept inverted (~crc) between columns, as the inner step wants them.
 */

/** The states of n rows before any byte. */
export const startStates = (n: number): Int32Array => new Int32Array(n).fill(-1);

/**
 * Whole little-endian words of a byte view, when it can be seen as an Int32Array without copying
 * (Arrow aligns every buffer to 8 bytes, so file columns always can): one load per 4 bytes instead
 * of four byte loads and shifts — the fold's inner step then costs its four table lookups only.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function words(u8: Uint8Array, size: number): Int32Array | undefined {
  return LITTLE_ENDIAN && (size === 4 || size === 8) && u8.byteOffset % 4 === 0 ? new Int32Array(u8.buffer, u8.byteOffset, u8.byteLength >> 2) : undefined;
}

/** Fold a fixed-width column into the states: row i's bytes are [i·size, (i+1)·size) of u8. */
export function foldFixed(st: Int32Array, u8: Uint8Array, size: number, n: number): void {
  const T = TABLES;
  const w = words(u8, size);
  if (w && size === 4) {
    for (let i = 0; i < n; i++) {
      const c = st[i]! ^ w[i]!;
      st[i] = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
    }
  } else if (w && size === 8) {
    for (let i = 0, p = 0; i < n; i++, p += 2) {
      let c = st[i]! ^ w[p]!;
      c = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
      c ^= w[p + 1]!;
      st[i] = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
    }
  } else if (size === 1) {
    for (let i = 0; i < n; i++) st[i] = T[(st[i]! ^ u8[i]!) & 0xff]! ^ (st[i]! >>> 8);
  } else {
    for (let i = 0; i < n; i++) {
      let c = st[i]!;
      for (let p = i * size, e = p + size; p < e; p++) c = T[(c ^ u8[p]!) & 0xff]! ^ (c >>> 8);
      st[i] = c;
    }
  }
}

/** Fold a variable-length column: row i's bytes are [offsets[i]·size, offsets[i+1]·size) of u8. */
export function foldRanges(st: Int32Array, u8: Uint8Array, offsets: Int32Array, size: number, n: number): void {
  const T = TABLES;
  const w = words(u8, size);
  if (w) {
    // whole words: a row's values are offsets[i]·size/4 … offsets[i+1]·size/4 of the word view
    const k = size >> 2;
    let e = offsets[0]! * k;
    for (let i = 0; i < n; i++) {
      let p = e;
      e = offsets[i + 1]! * k;
      if (p === e) continue;
      let c = st[i]!;
      for (; p < e; p++) {
        c ^= w[p]!;
        c = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
      }
      st[i] = c;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    let p = offsets[i]! * size;
    const e = offsets[i + 1]! * size;
    if (p === e) continue;
    let c = st[i]!;
    for (; p + 4 <= e; p += 4) {
      c ^= u8[p]! | (u8[p + 1]! << 8) | (u8[p + 2]! << 16) | (u8[p + 3]! << 24);
      c = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
    }
    for (; p < e; p++) c = T[(c ^ u8[p]!) & 0xff]! ^ (c >>> 8);
    st[i] = c;
  }
}

/** Fold each row's entry count (offsets[i+1] − offsets[i]) as a little-endian int32. */
export function foldCounts(st: Int32Array, offsets: Int32Array, n: number): void {
  const T = TABLES;
  for (let i = 0; i < n; i++) {
    const c = st[i]! ^ (offsets[i + 1]! - offsets[i]!);
    st[i] = T[768 + (c & 0xff)]! ^ T[512 + ((c >>> 8) & 0xff)]! ^ T[256 + ((c >>> 16) & 0xff)]! ^ T[c >>> 24]!;
  }
}

/** The finished CRC of every row. */
export function finishStates(st: Int32Array): Uint32Array {
  const out = new Uint32Array(st.length);
  for (let i = 0; i < st.length; i++) out[i] = ~st[i]! >>> 0;
  return out;
}

