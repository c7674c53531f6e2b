/**
 * The browser build's detector geometry file (src-renderer/src/geometry/model-pack.ts): the model of
 * the bundled detector description, built by the renderer's own builder at build time, so that a
 * starting page reads it instead of building it. Written atomically (a temporary file, then a rename).
 * Run by build/detector-pack-plugin.ts:  node --import tsx scripts/make-detector-pack.ts <file>
 */
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { NA62_DETECTOR } from '../src-shared/geometry/na62-detector';
import { buildDetectorModel } from '../src-renderer/src/geometry/detector-model';
import { packDetectorModel } from '../src-renderer/src/geometry/model-pack';

const out = process.argv[2];
if (!out) throw new Error('usage: make-detector-pack.ts <file>');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, packDetectorModel(buildDetectorModel(NA62_DETECTOR)));
renameSync(`${out}.tmp`, out);
