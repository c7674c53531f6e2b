/**
 * Vite plugin (browser build): ships the built-in demo as files (dist-web/demo/), made by
 * scripts/make-demo.ts with the engine's own handler, so that a fresh page fetches the demo instead
 * of generating it before its first event (bench/startup.bench.mjs). The files are kept in
 * node_modules/.cache/na62-demo/ under a hash of the engine's and shared sources: a build makes them
 * again only when the code that makes them changed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { ROOT, sourceHash } from './source-hash.ts';

/** what the demo's bytes depend on: the engine's and shared sources, and the script */
const demoHash = () => sourceHash(['src-engine', 'src-shared', 'scripts/make-demo.ts']);

export function demoPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'na62-demo-files',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    writeBundle() {
      const cache = path.join(ROOT, 'node_modules/.cache/na62-demo', demoHash());
      if (!existsSync(path.join(cache, 'done'))) {
        execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/make-demo.ts'), cache], { cwd: ROOT, stdio: 'inherit' });
        cpSync(path.join(ROOT, 'package.json'), path.join(cache, 'done')); // a marker: the files are complete
      }
      for (const f of readdirSync(cache)) if (f.endsWith('.arrow')) cpSync(path.join(cache, f), path.join(outDir, 'demo', f));
    },
  };
}
