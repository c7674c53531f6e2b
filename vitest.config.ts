import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-unit.json' }]],
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // the CLI bundled once for the tests that run it (test/cli-bundle.setup.ts)
    globalSetup: ['test/cli-bundle.setup.ts'],
    // No test may load the real electron package (it would try to download its binary).
    alias: { electron: new URL('./test/electron-stub.ts', import.meta.url).pathname },
  },
});
