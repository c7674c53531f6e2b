/**
 * The ROOT import under fuzzing: damaged copies of the two real ROOT files (truncated, bit-flipped,
 * overwritten, spliced) import to the same file as the undamaged one or fail with a RootFileError
 * naming the file, never another exception or a hang; random and mutated mappings fail with a
 * message naming the mapping, and compiled ones fail on bad values only with the importer's errors.
 */
import fc from 'fast-check';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { openRootFile } from '../../src-engine/io/root/root-file';
import { RootFileError } from '../../src-engine/io/root/jsroot-port';
import { importRoot } from '../../src-engine/io/root/import';
import { compileMapping, MappingError } from '../../src-engine/io/root/convert';
import { compileExpression, ValueError } from '../../src-engine/io/root/branch-expression';
import { parseMapping, parseMappingText, type RootMappingInput } from '../../src-shared/root/mapping';
import type { TreeInfo } from '../../src-shared/root/tree-info';
import { HZZ_MAPPING, ROOT_DATA, ZMUMU_MAPPING } from '../unit/root-fixtures';
import { budget, TEST_TIMEOUT_MS } from './fuzz-budget';
import { mutations } from './mutations';

const FILES = { 'uproot-Zmumu.root': ZMUMU_MAPPING, 'uproot-HZZ.root': HZZ_MAPPING } as const;
const pristine: Record<string, { bytes: Uint8Array; imported: Uint8Array; tree: TreeInfo }> = {};

async function attempt(name: string, bytes: Uint8Array, mapping: RootMappingInput): Promise<Uint8Array> {
  const sink = memorySink();
  const f = await openRootFile(memorySource(name, bytes));
  await importRoot(f, parseMapping(mapping, 'fuzz'), sink, { geometryVersion: 'fuzz' });
  return sink.bytes();
}

beforeAll(async () => {
  for (const [name, mapping] of Object.entries(FILES)) {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT_DATA, name)));
    const f = await openRootFile(memorySource(name, bytes));
    pristine[name] = { bytes, imported: await attempt(name, bytes, mapping), tree: f.trees[0]! };
  }
});

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe.each(Object.keys(FILES))('damaged %s', (name) => {
  it('imports identically or is refused with a RootFileError naming the file', async () => {
    const mapping = FILES[name as keyof typeof FILES];
    await fc.assert(fc.asyncProperty(mutations({ tailBias: 0.3 }), async (m) => {
      const bytes = m.apply(pristine[name]!.bytes);
      try {
        const out = await attempt(name, bytes, mapping);
        if (!same(out, pristine[name]!.imported)) throw new Error(`${m.label}: imported, but not the same events`);
      } catch (err) {
        if (!(err instanceof RootFileError)) throw new Error(`${m.label}: not a RootFileError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
        expect(err.message.startsWith(`${name}: `)).toBe(true);
      }
    }), budget(60));
  }, TEST_TIMEOUT_MS);
});

/** a valid mapping with one part replaced by anything (or removed) */
const mutatedMapping = fc.tuple(
  fc.constantFrom(ZMUMU_MAPPING, HZZ_MAPPING),
  fc.array(fc.tuple(fc.constantFrom('tree', 'kind', 'mode', 'units', 'header', 'vertex', 'tracks', 'tracks.0', 'tracks.0.px', 'tracks.0.charge', 'tracks.1.pz', 'units.momentum', 'header.run', 'vertex.z', 'lkrClusters', 'muv3Hits', 'beamKaon', 'version', 'format', 'name'),
    fc.oneof(fc.constant(undefined), fc.anything(), fc.constantFrom('px1', 'Muon_Px', 'NMuon', 'Muon_Px[0]', 'sqrt(px1*px1)', 'Type', 'M', 'entry', '1/0', 'Jet_ID', '-Q1', 'x[', 'pow(px1)'), fc.double())),
    { minLength: 1, maxLength: 4 }),
).map(([base, edits]) => {
  const m = structuredClone(base) as Record<string, unknown>;
  for (const [p, v] of edits) {
    const keys = p.split('.');
    let o: Record<string, unknown> | undefined = m;
    for (const k of keys.slice(0, -1)) o = o && typeof o[k] === 'object' && o[k] !== null ? (o[k] as Record<string, unknown>) : undefined;
    if (o) { if (v === undefined) delete o[keys.at(-1)!]; else o[keys.at(-1)!] = v; }
  }
  return m;
});

describe('mappings', () => {
  it('random JSON text or values: a mapping, or an error naming the mapping file', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } })), (text) => {
      try { parseMappingText(text, 'fuzz.json'); } catch (err) {
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message.startsWith('fuzz.json: ')).toBe(true);
      }
    }), budget(1000));
  });

  it('mutated mappings: refused with a message, or compiled; values the tree hands over fail only as ValueError', () => {
    const tree = pristine['uproot-HZZ.root']!.tree;
    const zTree = pristine['uproot-Zmumu.root']!.tree;
    const values = fc.dictionary(fc.constantFrom('px1', 'py1', 'pz1', 'Q1', 'px2', 'py2', 'pz2', 'Q2', 'Run', 'Event', 'M', 'Type', 'Muon_Px', 'Muon_Py', 'Muon_Pz', 'Muon_Charge', 'NMuon', 'Electron_Px', 'Electron_Py', 'Electron_Pz', 'Electron_Charge', 'EventWeight', 'Jet_Px'),
      fc.oneof(fc.double(), fc.integer(), fc.constant(undefined), fc.string(), fc.array(fc.double(), { maxLength: 4 }), fc.array(fc.array(fc.double(), { maxLength: 2 }), { maxLength: 2 }), fc.boolean()));
    fc.assert(fc.property(mutatedMapping, values, fc.nat(), (raw, vals, entry) => {
      let mapping;
      try { mapping = parseMapping(raw, 'fuzz.json'); } catch (err) {
        expect((err as Error).message.startsWith('fuzz.json: ')).toBe(true);
        return;
      }
      for (const t of [tree, zTree]) {
        let compiled;
        try { compiled = compileMapping(mapping, t); } catch (err) {
          if (!(err instanceof MappingError)) throw err;
          continue;
        }
        try { compiled.event(vals, entry); } catch (err) {
          if (!(err instanceof ValueError)) throw err;
        }
      }
    }), budget(1500));
  });

  it('random expressions: compiled, or an error quoting the expression', () => {
    const token = fc.constantFrom('px1', 'Muon_Px', 'Muon_Px[1]', 'a.b', '(', ')', '+', '-', '*', '/', '%', '**', '?', ':', ',', 'sqrt', 'hypot', 'pi', 'entry', '1e3', '0.5', '[', ']', '!', '&&', '"s"', 'this', 'new', '=>', '.');
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(token, { maxLength: 20 }).map((t) => t.join(' '))), (text) => {
      try {
        const c = compileExpression(text, (n) => ['px1', 'Muon_Px', 'a.b'].includes(n));
        try {
          const v = c.fn({ values: { px1: 2.5, Muon_Px: new Float32Array([1, 2]), 'a.b': 3 }, entry: 7, k: 0 });
          expect(typeof v).toBe('number');
        } catch (err) { if (!(err instanceof ValueError)) throw err; }
      } catch (err) {
        if (err instanceof ValueError) return;
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message.length).toBeGreaterThan(5);
      }
    }), budget(2000));
  });
});
