/** The Node hosts' CRC-32 (src-node/native-crc.ts) gives the engine's own values, on any view of any buffer. */
import { afterAll, describe, expect, it } from 'vitest';
import { nativeCrcName } from '../../src-node/native-crc';
import { crcOf, useNativeCrc32 } from '../../src-engine/io/column-read';
import { crc32 } from '../../src-engine/io/crc32';

describe('the native CRC-32 of the Node hosts', () => {
  afterAll(() => useNativeCrc32(undefined));
  it('is the SIMD library on this machine, and equals the engine\'s CRC-32 on views at every offset and length', () => {
    // the prebuilt binary for linux-x64 is installed with the dependencies: a fallback here would be a packaging fault
    expect(nativeCrcName).toBe('@node-rs/crc32');
    const buf = new Uint8Array(1 << 16);
    let x = 12345;
    for (let i = 0; i < buf.length; i++) { x = (x * 1103515245 + 12345) >>> 0; buf[i] = x >>> 24; }
    for (const [from, len] of [[0, 0], [0, 1], [3, 9], [1, 4095], [7, 40_000], [0, buf.length], [65_000, 536]]) {
      const view = buf.subarray(from!, from! + len!);
      expect(crcOf(view)).toBe(crc32(view));
    }
    expect(crcOf(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
