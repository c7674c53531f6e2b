import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    name: 'unit',
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-unit.json' }]],
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // vitest's default on a 2-core machine is one worker (cores − 1); the CLI tests wait on child processes, so two keep both cores busy
    maxWorkers: 2,
    // the CLI bundled once for the tests that run it (test/cli-bundle.setup.ts)
    globalSetup: ['test/cli-bundle.setup.ts'],
    // No test may load the real electron package (it would try to download its binary).
    alias: { electron: new URL('./test/electron-stub.ts', import.meta.url).pathname },
  },
});
