/**
 * Vite plugin (browser build): ships the detector model as a file (dist-web/geometry/, made by
 * scripts/make-detector-pack.ts with the renderer's own builder), so that a starting page reads the
 * geometry instead of building it on its main thread (bench/startup.bench.mjs). The file's name
 * carries a hash of the sources it depends on (the detector description, the geometry builder, the
 * pack format, three.js's version); the bundle gets that name as __NA62_DETECTOR_PACK__, so a page
 * only ever reads the file its own builder made. Cached in node_modules/.cache/na62-geometry/.
 * Without it (the dev server, Electron) the page builds the model, as before.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceHash(): string {
  const h = createHash('sha256');
  const add = (p: string) => {
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) add(path.join(p, e));
    else { h.update(path.relative(ROOT, p)); h.update(readFileSync(p)); }
  };
  for (const p of ['src-shared/geometry', 'src-renderer/src/geometry', 'src-engine/io/crc32.ts', 'scripts/make-detector-pack.ts', 'node_modules/three/package.json']) add(path.join(ROOT, p));
  return h.digest('hex').slice(0, 16);
}

export function detectorPackPlugin(): Plugin {
  let hash = '';
  return {
    name: 'na62-detector-pack',
    apply: 'build',
    config() {
      hash = sourceHash();
      return { define: { __NA62_DETECTOR_PACK__: JSON.stringify(`geometry/na62-detector-${hash}.bin`) } };
    },
    buildStart() {
      const file = path.join(ROOT, 'node_modules/.cache/na62-geometry', `${hash}.bin`);
      if (!existsSync(file)) execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/make-detector-pack.ts'), file], { cwd: ROOT, stdio: 'inherit' });
    },
    generateBundle() {
      const file = path.join(ROOT, 'node_modules/.cache/na62-geometry', `${hash}.bin`);
      this.emitFile({ type: 'asset', fileName: `geometry/na62-detector-${hash}.bin`, source: readFileSync(file) });
    },
  };
}
