/**
 * Vite plugin (browser build): ships the detector model as a file (dist-web/geometry/, made by
 * scripts/make-detector-pack.ts with the renderer's own builder), so that a starting page reads the
 * geometry instead of building it on its main thread (bench/startup.bench.mjs). The file's name
 * carries a hash of the sources it depends on (the detector description, the geometry builder, the
 * pack format, three.js's version); the bundle gets that name as __NA62_DETECTOR_PACK__, so a page
 * only ever reads the file its own builder made. Cached in node_modules/.cache/na62-geometry/.
 * Without it (the dev server, Electron) the page builds the model, as before.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { ROOT, sourceHash } from './source-hash.ts';

/** what the file's bytes depend on: the description, the builder, the format and its checksum, three.js's version */
const packHash = () => sourceHash(['src-shared/geometry', 'src-renderer/src/geometry', 'src-engine/io/crc32.ts', 'scripts/make-detector-pack.ts', 'node_modules/three/package.json']);

export function detectorPackPlugin(): Plugin {
  let hash = '';
  const cached = () => path.join(ROOT, 'node_modules/.cache/na62-geometry', `${hash}.bin`);
  return {
    name: 'na62-detector-pack',
    apply: 'build',
    config() {
      hash = packHash();
      return { define: { __NA62_DETECTOR_PACK__: JSON.stringify(`geometry/na62-detector-${hash}.bin`) } };
    },
    buildStart() {
      if (!existsSync(cached())) execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/make-detector-pack.ts'), cached()], { cwd: ROOT, stdio: 'inherit' });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `geometry/na62-detector-${hash}.bin`, source: readFileSync(cached()) });
    },
  };
}
