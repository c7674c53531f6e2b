import { defineConfig } from 'vitest/config';

// Property-based fuzzing of every reader and request handler (test/fuzz): a fixed seed and budget
// in CI; FUZZ_SEED / FUZZ_RUNS run other or more cases (README, "Hardening").
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    name: 'fuzz',
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-fuzz.json' }]],
    include: ['test/fuzz/**/*.fuzz.ts'],
    environment: 'node',
    // vitest's default on a 2-core machine is one worker (cores − 1); the CLI tests wait on child processes, so two keep both cores busy
    maxWorkers: 2,
    alias: { electron: new URL('./test/electron-stub.ts', import.meta.url).pathname },
  },
});
