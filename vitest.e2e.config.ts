import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-e2e.json' }]],
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // the CLI bundled once for the tests that run it (test/cli-bundle.setup.ts)
    globalSetup: ['test/cli-bundle.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
