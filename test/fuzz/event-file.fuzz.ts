/**
 * The event-file reader on damaged files: every truncated, bit-flipped, spliced or random input
 * opens and reads to the end or fails with an EventFileError naming the file, never with any other
 * exception or a hang. A selection over whatever opened behaves the same.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../src-engine/generator/generate';
import { EventFileError, openEventFile, writeEventFile } from '../../src-engine/io/event-file';
import { memorySink, memorySource, type RandomAccessSource } from '../../src-engine/io/source';
import { resolveSelection, runSelection } from '../../src-engine/selection/run';
import { budget, FUZZ_SEED, TEST_TIMEOUT_MS } from './fuzz-budget';
import { mutations } from './mutations';

const NAME = '/eos/user/p/physicist/run-9001.arrow';
let pristine: Uint8Array;

beforeAll(async () => {
  // the project's own generator and writer, fixed seed: a small file with every collection
  const gen = createGenerator({ mode: 'dump', numEvents: 40, seed: FUZZ_SEED % 1000, strawHits: true, truth: true, mix: { 'aprime-mumu': 1, 'combinatorial-mumu': 1, 'prompt-ee': 1 } });
  const sink = memorySink();
  await writeEventFile(sink, 40, (s, c) => gen.events(s, c), {
    batchSize: 16, meta: { geometryVersion: 'fuzz', strawHits: true, truth: true, kind: 'simulation', generator: gen.info },
  });
  pristine = sink.bytes();
});

/** a source with readInto, as the Node file source has: the reader takes a different path with it */
function readIntoSource(name: string, bytes: Uint8Array): RandomAccessSource {
  return {
    ...memorySource(name, bytes),
    async readInto(buffer, offset, length, position) {
      const part = bytes.subarray(position, Math.min(bytes.length, position + length));
      buffer.set(part, offset);
      return part.length;
    },
  };
}

function expectReadError(err: unknown): void {
  if (!(err instanceof EventFileError)) throw new Error(`not an EventFileError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect(err.file).toBe(NAME);
  expect(err.message.startsWith(`${NAME}: `)).toBe(true);
  expect(err.problem.trim().length).toBeGreaterThan(8);
}

/** Open the bytes and read everything a user can reach: each event, a full scan, a selection. */
async function readEverything(bytes: Uint8Array, withReadInto: boolean): Promise<'opened' | 'refused'> {
  const src = withReadInto ? readIntoSource(NAME, bytes) : memorySource(NAME, bytes);
  let file;
  try {
    file = await openEventFile(src);
  } catch (err) {
    expectReadError(err);
    return 'refused';
  }
  for (let i = 0; i < Math.min(file.numEvents, 64); i++) await file.event(i).catch(expectReadError);
  await file.scan(0, file.numBatches, () => true).catch(expectReadError);
  await runSelection(file, resolveSelection({ preset: 'dump-mumu' })).catch(expectReadError);
  await runSelection(file, resolveSelection({ preset: 'kaon-pi4e' })).catch(expectReadError);
  await file.close();
  return 'opened';
}

describe('event file reader under damage', () => {
  it('reads the undamaged file (the property below is not vacuous)', async () => {
    expect(await readEverything(pristine, false)).toBe('opened');
    const f = await openEventFile(memorySource(NAME, pristine));
    expect(f.numEvents).toBe(40);
    expect((await f.event(39)).header.event).toBeGreaterThanOrEqual(0);
  });

  it('turns every damaged or random input into an EventFileError naming the file', async () => {
    const outcomes = { opened: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutations(), fc.boolean(), async (m, withReadInto) => {
        outcomes[await readEverything(m.apply(pristine), withReadInto)]++;
      }),
      budget(2500),
    );
    console.log('event-file fuzz outcomes', outcomes);
    // both outcomes occur: damage the reader notices only when an event is read is exercised too
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.opened).toBeGreaterThan(0);
  }, TEST_TIMEOUT_MS);
});
