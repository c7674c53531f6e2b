/**
 * vitest globalSetup of the unit tests: bundle the CLI once (esbuild, a second) into out-cli/, so
 * that the tests that run `na62` as a user would spawn plain `node out-cli/na62.mjs` instead of
 * transpiling the TypeScript afresh in every process (`node --import tsx`, ~1.5 s of CPU each).
 * The bundle sits one folder below the repository root, as cli/na62.ts does, so its paths
 * relative to the root (the worker, the renderer build) are the same. `npm run na62` itself is
 * still tested through tsx (test/unit/cli-check.test.ts). The worker is bundled beside it, so the
 * tests never run a stale out/main/selection-worker.js left by an older `npm run build`.
 */
import path from 'node:path';
import { CLI_BUNDLE } from './cli-command';
import { bundleNodeEntry } from '../build/bundle-node';

export async function setup(): Promise<void> {
  const root = path.join(path.dirname(CLI_BUNDLE), '..');
  // the CLI, and its selection worker beside it (src-node/selection-pool.ts cliWorkerUrl finds it there)
  await Promise.all([
    [path.join(root, 'cli', 'na62.ts'), CLI_BUNDLE],
    [path.join(root, 'src-node', 'selection-worker.ts'), path.join(path.dirname(CLI_BUNDLE), 'selection-worker.mjs')],
  ].map(([entry, outfile]) => bundleNodeEntry(entry!, outfile!, { sourcemap: true })));
}
