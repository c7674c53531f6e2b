import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that run longest (they spawn the CLI or fuzz the engine) start first, so that the two
 * workers do not end with one of them alone on a minute-long file; the rest keep vitest's order.
 * On a fresh clone vitest has no durations to sort by.
 */
const SLOW_FIRST = ['cli-integrity', 'cli-blinding', 'cli-select', 'blinding.fuzz', 'checksum.fuzz', 'cli-import', 'selection.test', 'selection-workers'];
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => { const i = SLOW_FIRST.findIndex((s) => f.moduleId.includes(s)); return i < 0 ? SLOW_FIRST.length : i; };
    return (await super.sort(files)).map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

// CI runs the unit tests and the fuzz properties in one vitest (two projects, one pool of two
// workers), so neither stage waits on the other's slowest file; `npm run test:unit` and
// `npm run test:fuzz` still run each alone.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-unit-fuzz.json' }]],
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    projects: ['./vitest.config.ts', './vitest.fuzz.config.ts'],
  },
});
