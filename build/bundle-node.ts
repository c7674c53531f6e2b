/**
 * Bundle a Node entry (the CLI, the selection worker) into one ES module, as the app ships its
 * worker: esbuild, node_modules left as imports resolved from the repository. The unit tests'
 * CLI bundle and the selection benches use it, so they all run the same kind of file.
 */
import { build } from 'esbuild';

export async function bundleNodeEntry(entry: string, outfile: string, opts: { sourcemap?: boolean } = {}): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    ...(opts.sourcemap ? { sourcemap: 'inline' as const } : {}),
  });
}
