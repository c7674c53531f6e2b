/**
 * Vite plugin (browser build): ships the built-in demo as files (dist-web/demo/), made by
 * scripts/make-demo.ts with the engine's own handler, so that a fresh page fetches the demo instead
 * of generating it before its first event (bench/startup.bench.mjs). The files are kept in
 * node_modules/.cache/na62-demo/ under a hash of the engine's and shared sources: a build makes them
 * again only when the code that makes them changed.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A hash of every file under the engine and shared sources (what the demo's bytes depend on). */
function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else { h.update(path.relative(ROOT, p)); h.update(readFileSync(p)); }
    }
  };
  walk(path.join(ROOT, 'src-engine'));
  walk(path.join(ROOT, 'src-shared'));
  h.update(readFileSync(path.join(ROOT, 'scripts/make-demo.ts')));
  return h.digest('hex').slice(0, 16);
}

export function demoPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'na62-demo-files',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    writeBundle() {
      const cache = path.join(ROOT, 'node_modules/.cache/na62-demo', sourceHash());
      if (!existsSync(path.join(cache, 'done'))) {
        execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/make-demo.ts'), cache], { cwd: ROOT, stdio: 'inherit' });
        cpSync(path.join(ROOT, 'package.json'), path.join(cache, 'done')); // a marker: the files are complete
      }
      for (const f of readdirSync(cache)) if (f.endsWith('.arrow')) cpSync(path.join(cache, f), path.join(outDir, 'demo', f));
    },
  };
}
