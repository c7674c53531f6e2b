import { defineConfig } from 'vitest/config';

// CI runs the unit tests and the fuzz properties in one vitest (two projects, one pool of two
// workers), so neither stage waits on the other's slowest file; `npm run test:unit` and
// `npm run test:fuzz` still run each alone.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-unit-fuzz.json' }]],
    maxWorkers: 2,
    projects: ['./vitest.config.ts', './vitest.fuzz.config.ts'],
  },
});
