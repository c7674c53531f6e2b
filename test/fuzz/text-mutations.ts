/** Damage to text files (candidate lists, expressions): cut, characters replaced, lines dropped or doubled, junk inserted. */
import fc from 'fast-check';

const idx = (n: number) => fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((k) => Math.floor((k / 1e6) * Math.max(1, n)));

export function textMutation(): fc.Arbitrary<(s: string) => string> {
  const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(',', '"', '\n', '#', '{', '}', '[', ']', ':', 'null', 'NaN', '-1', '1e309', '\r\n', '\u0000', '\ufeff'));
  return fc.oneof(
    fc.nat().map((k) => (s: string) => s.slice(0, k % (s.length + 1))),
    fc.tuple(fc.nat(), junk).map(([k, j]) => (s: string) => { const i = k % (s.length + 1); return s.slice(0, i) + j + s.slice(i); }),
    fc.tuple(fc.nat(), fc.nat({ max: 40 }), junk).map(([k, n, j]) => (s: string) => { const i = k % (s.length + 1); return s.slice(0, i) + j + s.slice(i + n); }),
    fc.nat().map((k) => (s: string) => { const l = s.split('\n'); l.splice(k % Math.max(1, l.length), 1); return l.join('\n'); }),
    fc.nat().map((k) => (s: string) => { const l = s.split('\n'); const i = k % Math.max(1, l.length); l.splice(i, 0, l[i] ?? ''); return l.join('\n'); }),
  );
}

/** one to four damages in a row, applied to `base` */
export const damagedText = (base: string) =>
  fc.array(textMutation(), { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((s, m) => m(s), base));

export { idx };
