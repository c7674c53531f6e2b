/**
 * Candidate-list files (JSON results and CSV lists) when damaged, foreign or random: each parses or
 * fails with an Error that names the file; through the engine, with a UserFacingError.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../src-engine/generator/generate';
import { openEventFile, writeEventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource } from '../../src-engine/io/source';
import { resolveSelection, runSelection } from '../../src-engine/selection/run';
import { parseCandidateList, resultToCsv, resultToJson } from '../../src-engine/selection/candidates-io';
import { createEngineHandlers, UserFacingError } from '../../src-engine';
import { budget, FUZZ_SEED, TEST_TIMEOUT_MS } from './fuzz-budget';
import { damagedText } from './text-mutations';

const NAME = '/home/physicist/lists/dump2021-sr.json';
let json = '', csv = '';

beforeAll(async () => {
  const gen = createGenerator({ mode: 'dump', numEvents: 300, seed: FUZZ_SEED % 1000, mix: { 'aprime-mumu': 3, 'combinatorial-mumu': 1 } });
  const sink = memorySink();
  await writeEventFile(sink, 300, (s, c) => gen.events(s, c), { meta: { geometryVersion: 'fuzz', strawHits: false, truth: false, kind: 'simulation', generator: gen.info } });
  const file = await openEventFile(memorySource('fuzz.arrow', sink.bytes()));
  const r = await runSelection(file, resolveSelection({ preset: 'dump-mumu', expressions: ['p1 > 0'] }));
  json = resultToJson(r);
  console.log('candidate-list fuzz base:', r.candidates.length, 'candidates,', json.length, 'bytes of JSON');
  csv = resultToCsv(r);
});

function expectNamedError(err: unknown): void {
  if (!(err instanceof Error) || err.constructor !== Error) throw new Error(`not a plain Error naming the file: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect(err.message.startsWith(`${NAME}: `)).toBe(true);
  expect(err.message.length).toBeGreaterThan(NAME.length + 8);
}

/** Parse; on success the result must be usable (the engine blinds it, the UI lists it). */
function parseOrRefuse(text: string): 'parsed' | 'refused' {
  let r;
  try {
    r = parseCandidateList(text, NAME);
  } catch (err) {
    expectNamedError(err);
    return 'refused';
  }
  expect(Array.isArray(r.candidates)).toBe(true);
  for (const c of r.candidates) expect(Number.isInteger(c.index) && c.index >= 0).toBe(true);
  return 'parsed';
}

const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } }),
  fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 10 }), { maxLength: 10 }).map((rows) => `# format: na62-candidates-csv 1\n# preset: dump-mumu\n${rows.map((r) => r.join(',')).join('\n')}`),
);

describe('candidate-list reader under damage', () => {
  it('reads the undamaged JSON and CSV back (the properties below are not vacuous)', () => {
    const fromJson = parseCandidateList(json, NAME), fromCsv = parseCandidateList(csv, NAME);
    expect(fromJson.candidates.length).toBeGreaterThan(0);
    expect(fromCsv.candidates.map((c) => c.event)).toEqual(fromJson.candidates.map((c) => c.event));
  });

  it('damaged JSON results parse or fail naming the file', () => {
    const seen = { parsed: 0, refused: 0 };
    fc.assert(fc.property(fc.constant(null).chain(() => damagedText(json)), (t) => { seen[parseOrRefuse(t)]++; }), budget(1500));
    expect(seen.refused).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);

  it('damaged CSV lists parse or fail naming the file', () => {
    const seen = { parsed: 0, refused: 0 };
    fc.assert(fc.property(fc.constant(null).chain(() => damagedText(csv)), (t) => { seen[parseOrRefuse(t)]++; }), budget(1500));
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.parsed).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);

  it('random and foreign text fails naming the file', () => {
    fc.assert(fc.property(anyText, (t) => { parseOrRefuse(t); }), budget(2000));
  }, TEST_TIMEOUT_MS);

  it('the engine turns every failure into a UserFacingError', () => {
    const engine = createEngineHandlers({ host: 'node', appVersion: 'fuzz' });
    fc.assert(fc.property(fc.oneof(anyText, fc.constant(null).chain(() => damagedText(csv))), (t) => {
      try {
        engine.loadCandidateText(t, NAME);
      } catch (err) {
        expect(err).toBeInstanceOf(UserFacingError);
        // unreadable: io; readable but not admitted while blind (an old or unblinded list): blinded
        expect(['io', 'blinded']).toContain((err as UserFacingError).code);
        expect((err as Error).message.startsWith(`${NAME}: `)).toBe(true);
      }
    }), budget(1000));
  }, TEST_TIMEOUT_MS);
});
