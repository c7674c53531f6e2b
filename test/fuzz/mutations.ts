/**
 * Byte-level damage, as a half-copied or bit-rotted file has it: truncation, bit flips, overwritten,
 * deleted, inserted and duplicated ranges, and wholly random bytes (with and without the Arrow
 * signatures, so some of them get past the first checks).
 */
import fc from 'fast-check';

export type Mutation = (bytes: Uint8Array) => Uint8Array;

const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** positions are drawn as fractions so one arbitrary serves files of any size */
const fracIn = (lo: number, hi: number) => fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((k) => lo + ((hi - lo) * k) / 1e6);
const frac = fracIn(0, 1);
const at = (f: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(f * n)));
/** a damage needs bytes to damage (an earlier truncation may have left none) */
const nonEmpty = (f: Mutation): Mutation => (b) => (b.length ? f(b) : b);

/** one to three damages in a row */
export const mutations = (opts: { tailBias?: number } = {}) => fc.array(mutation(opts), { minLength: 1, maxLength: 3 }).map((ms) => ({
  label: ms.map((m) => m.label).join(' then '),
  apply: (b: Uint8Array) => ms.reduce((acc, m) => m.apply(acc), b),
}));

export function mutation(opts: { tailBias?: number } = {}): fc.Arbitrary<{ label: string; apply: Mutation }> {
  // most bytes of a file are event data behind a CRC; the footer and messages are where parsing can go wrong
  const pos = fc.oneof(frac, fracIn(1 - (opts.tailBias ?? 0.08), 1), fracIn(0, 0.02));
  return fc.oneof(
    fc.record({ p: frac }).map(({ p }) => ({ label: `truncate at ${p.toFixed(4)}`, apply: nonEmpty((b: Uint8Array) => b.subarray(0, at(p, b.length))) })),
    fc.array(fc.tuple(pos, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }).map((flips) => ({
      label: `flip ${flips.map(([p, bit]) => `${p.toFixed(4)}:${bit}`).join(',')}`,
      apply: nonEmpty((b: Uint8Array) => { const c = b.slice(); for (const [p, bit] of flips) c[at(p, c.length)]! ^= 1 << bit; return c; }),
    })),
    fc.tuple(pos, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([p, junk]) => ({
      label: `overwrite ${junk.length} at ${p.toFixed(4)}`,
      apply: nonEmpty((b: Uint8Array) => { const c = b.slice(); c.set(junk.subarray(0, c.length - at(p, c.length)), at(p, c.length)); return c; }),
    })),
    fc.tuple(pos, fc.integer({ min: 1, max: 4096 })).map(([p, n]) => ({
      label: `delete ${n} at ${p.toFixed(4)}`,
      apply: nonEmpty((b: Uint8Array) => { const i = at(p, b.length); const c = new Uint8Array(b.length - Math.min(n, b.length - i)); c.set(b.subarray(0, i)); c.set(b.subarray(i + n), i); return c; }),
    })),
    fc.tuple(pos, fc.uint8Array({ minLength: 1, maxLength: 256 })).map(([p, junk]) => ({
      label: `insert ${junk.length} at ${p.toFixed(4)}`,
      apply: nonEmpty((b: Uint8Array) => { const i = at(p, b.length); const c = new Uint8Array(b.length + junk.length); c.set(b.subarray(0, i)); c.set(junk, i); c.set(b.subarray(i), i + junk.length); return c; }),
    })),
    fc.tuple(frac, frac, pos).map(([a, len, p]) => ({
      label: `duplicate range ${a.toFixed(3)}+${len.toFixed(3)} to ${p.toFixed(4)}`,
      apply: nonEmpty((b: Uint8Array) => {
        const s = at(a, b.length), e = Math.min(b.length, s + 1 + Math.floor(len * 2048)), i = at(p, b.length);
        const c = new Uint8Array(b.length + (e - s)); c.set(b.subarray(0, i)); c.set(b.subarray(s, e), i); c.set(b.subarray(i), i + (e - s)); return c;
      }),
    })),
    fc.tuple(fc.uint8Array({ maxLength: 4096 }), fc.boolean()).map(([junk, framed]) => ({
      label: `random ${junk.length} bytes${framed ? ' framed as Arrow' : ''}`,
      apply: () => {
        if (!framed) return junk;
        // signature, junk "footer" whose length field fits, end signature: what gets past the cheap checks
        const len = new Uint8Array(new Uint32Array([junk.length]).buffer);
        return new Uint8Array([...ARROW1, 0, 0, ...junk, ...len, ...ARROW1]);
      },
    })),
  );
}
