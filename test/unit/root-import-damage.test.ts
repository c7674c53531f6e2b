/**
 * Bad input to the ROOT import: non-ROOT files, truncated and bit-flipped copies of the two real
 * files, missing trees and branches, types the mapping cannot use, mappings with errors. Each is
 * refused with a message naming the file (and tree/branch), never a crash, a hang or wrong numbers.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { openRootFile } from '../../src-engine/io/root/root-file';
import { RootFileError } from '../../src-engine/io/root/jsroot-port';
import { importRoot } from '../../src-engine/io/root/import';
import { parseMapping, parseMappingText, type RootMappingInput } from '../../src-shared/root/mapping';
import { HZZ_MAPPING, ROOT_DATA, ZMUMU_MAPPING } from './root-fixtures';

const FILES = [['uproot-Zmumu.root', ZMUMU_MAPPING], ['uproot-HZZ.root', HZZ_MAPPING]] as const;
const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(ROOT_DATA, name)));

/** Import bytes with a mapping: the event file's bytes, or the error. */
async function attempt(name: string, bytes: Uint8Array, mapping: RootMappingInput): Promise<Uint8Array | Error> {
  const sink = memorySink();
  try {
    const f = await openRootFile(memorySource(name, bytes));
    await importRoot(f, parseMapping(mapping, 'test'), sink, { geometryVersion: 'test' });
    return sink.bytes();
  } catch (err) {
    return err as Error;
  }
}

function expectRefused(r: Uint8Array | Error, name: string): void {
  expect(r).toBeInstanceOf(RootFileError);
  expect((r as Error).message.startsWith(`${name}: `)).toBe(true);
}

/** positions of ROOT's zlib block headers ("ZL" 8) in a file */
function zlibBlocks(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 9 < b.length; i++) if (b[i] === 0x5a && b[i + 1] === 0x4c && b[i + 2] === 8) out.push(i);
  return out;
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe.each(FILES)('damaged copies of %s', (name, mapping) => {
  const orig = bytesOf(name);
  let good: Uint8Array;

  it('imports undamaged (the reference)', async () => {
    const r = await attempt(name, orig, mapping);
    expect(r).toBeInstanceOf(Uint8Array);
    good = r as Uint8Array;
  });

  it('refuses every truncated copy, naming the file', async () => {
    const cuts = [0, 3, 100, 1000, ...Array.from({ length: 12 }, (_, k) => Math.floor(((k + 1) / 13) * orig.length)), orig.length - 1];
    for (const cut of cuts) {
      const r = await attempt(name, orig.subarray(0, cut), mapping);
      expectRefused(r, name);
      if (cut > 0) expect((r as Error).message).toMatch(/truncated|corrupt|not a ROOT file|cannot/);
    }
  }, 60_000);

  it('a flipped bit in any compressed block is refused or (block not needed) changes nothing', async () => {
    const blocks = zlibBlocks(orig);
    expect(blocks.length).toBeGreaterThan(10);
    let refused = 0, unchanged = 0;
    for (let k = 0; k < blocks.length; k += Math.max(1, Math.floor(blocks.length / 24))) {
      const b = orig.slice();
      const at = blocks[k]! + 9 + 20; // inside the deflate data
      b[at]! ^= 0x10;
      const r = await attempt(name, b, mapping);
      if (r instanceof Error) { expectRefused(r, name); refused++; } else { expect(same(r, good)).toBe(true); unchanged++; }
    }
    expect(refused).toBeGreaterThan(0);
    console.log(`${name}: ${refused} flipped blocks refused, ${unchanged} not read by the mapping (file identical)`);
  }, 120_000);

  it('random bit flips anywhere: refused or identical, never a crash, a hang or other numbers', async () => {
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    for (let t = 0; t < 30; t++) {
      const b = orig.slice();
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) b[Math.floor(rnd() * b.length)]! ^= 1 << Math.floor(rnd() * 8);
      const r = await attempt(name, b, mapping);
      if (r instanceof Error) expectRefused(r, name);
      else expect(same(r, good)).toBe(true);
    }
  }, 120_000);
});

describe('input the import cannot use', () => {
  const zmumu = bytesOf('uproot-Zmumu.root');
  it('refuses a non-ROOT file and an empty one', async () => {
    const r1 = await attempt('notes.root', new TextEncoder().encode('these are not ROOT data, just text'), ZMUMU_MAPPING);
    expectRefused(r1, 'notes.root');
    expect((r1 as Error).message).toContain('not a ROOT file');
    expectRefused(await attempt('empty.root', new Uint8Array(0), ZMUMU_MAPPING), 'empty.root');
  });

  it('names a missing tree and the trees there are', async () => {
    const r = await attempt('uproot-Zmumu.root', zmumu, { ...ZMUMU_MAPPING, tree: 'Candidates' });
    expect((r as Error).message).toBe('uproot-Zmumu.root: no tree "Candidates" (the file has "events")');
  });

  it('names a missing branch with a suggestion, and where it is used', async () => {
    const r = await attempt('uproot-Zmumu.root', zmumu, { ...ZMUMU_MAPPING, tracks: [{ charge: 'Q1', px: 'px_1', py: 'py1', pz: 'pz1' }] });
    expectRefused(r, 'uproot-Zmumu.root');
    expect((r as Error).message).toContain('tree "events"');
    expect((r as Error).message).toContain('tracks[0].px: "px_1": no branch "px_1" (did you mean "px1"?)');
  });

  it('refuses a string branch as a number, naming it', async () => {
    const r = await attempt('uproot-Zmumu.root', zmumu, { ...ZMUMU_MAPPING, header: { run: 'Type' } });
    expect((r as Error).message).toContain('header.run: branch Type is string, which the mapping cannot use');
  });

  it('refuses arrays of different lengths in one collection, naming entry and branches', async () => {
    const r = await attempt('uproot-HZZ.root', bytesOf('uproot-HZZ.root'), { ...HZZ_MAPPING, tracks: [{ label: 'mixed', charge: 'Muon_Charge', px: 'Jet_Px', py: 'Muon_Py', pz: 'Muon_Pz' }] });
    expectRefused(r, 'uproot-HZZ.root');
    expect((r as Error).message).toMatch(/tree "events", entry \d+: tracks\[0\] \(mixed\): Muon_Charge has \d+ elements but Jet_Px has \d+/);
  });

  it('refuses an array in the header', async () => {
    const r = await attempt('uproot-HZZ.root', bytesOf('uproot-HZZ.root'), { ...HZZ_MAPPING, header: { event: 'Muon_Px' } });
    expect((r as Error).message).toContain('header: Muon_Px is an array; the header needs one value per entry (use X[0])');
  });

  it('refuses mappings with errors, naming each problem', () => {
    expect(() => parseMappingText('{ not json', 'my.json')).toThrow(/^my\.json: not valid JSON/);
    expect(() => parseMapping({ ...ZMUMU_MAPPING, version: 7 }, 'my.json')).toThrow('my.json: mapping version 7 is newer than this app reads (1)');
    expect(() => parseMapping({ ...ZMUMU_MAPPING, kind: undefined }, 'my.json')).toThrow(/my\.json: invalid mapping: kind:/);
    expect(() => parseMapping({ ...ZMUMU_MAPPING, vertex: undefined }, 'my.json')).toThrow(/vertex: tracks without a position .* need a stated vertex/);
    expect(() => parseMapping({ ...ZMUMU_MAPPING, tracks: [{ charge: 'Q1', px: 'px1' }] }, 'my.json')).toThrow(/tracks\.0: a track needs px, py, pz or p with dxdz, dydz/);
    expect(() => parseMapping({ ...ZMUMU_MAPPING, units: { ...ZMUMU_MAPPING.units, length: 'inch' } }, 'my.json')).toThrow(/units\.length/);
  });

  it('refuses expressions it cannot compile', async () => {
    for (const [expr, msg] of [['px1 +', 'cannot parse'], ['foo(px1)', 'unknown function foo'], ['px1 = 3', ''], ['"a"', 'only numbers']] as const) {
      const r = await attempt('uproot-Zmumu.root', zmumu, { ...ZMUMU_MAPPING, tracks: [{ charge: 'Q1', px: expr, py: 'py1', pz: 'pz1' }] });
      expectRefused(r, 'uproot-Zmumu.root');
      expect((r as Error).message).toContain('tracks[0].px');
      expect((r as Error).message).toContain(msg);
    }
  });
});
