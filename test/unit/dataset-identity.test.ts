import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentIdentity, shortIdentity } from '../../src-engine/io/dataset-identity';
import { memorySource } from '../../src-engine/io/source';

describe('dataset identity', () => {
  it('is the SHA-256 of every byte (what sha256sum prints), across chunk boundaries', async () => {
    const bytes = new Uint8Array((8 << 20) + 12345).map((_, i) => (i * 2654435761) >>> 24);
    const want = createHash('sha256').update(bytes).digest('hex');
    expect(await contentIdentity(memorySource('a.arrow', bytes))).toBe(`sha256:${want}`);
  });

  it('differs when one byte differs and does not depend on the name', async () => {
    const a = new Uint8Array(1000).fill(7);
    const b = a.slice(); b[500] = 8;
    const idA = await contentIdentity(memorySource('x.arrow', a));
    expect(await contentIdentity(memorySource('other/name.arrow', a))).toBe(idA);
    expect(await contentIdentity(memorySource('x.arrow', b))).not.toBe(idA);
    expect(shortIdentity(idA)).toHaveLength(12);
  });
});
