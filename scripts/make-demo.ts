/**
 * The browser build's demo files, made at build time by the engine itself (the same handler the
 * worker would run, fixed seeds: the bytes the worker would make), so that a fresh page fetches the
 * demo instead of generating it before its first event (bench/startup.bench.mjs). Written to
 * <outDir>/<name> for each DEMO_DATASETS entry. The worker falls back to generating when a file is
 * missing or does not open (the dev server; a damaged copy: every read checks the checksums).
 * Run by build/demo-plugin.ts:  node --import tsx scripts/make-demo.ts <outDir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngineHandlers, DEMO_DATASETS, memorySink, memorySource, type CreatedFile } from '../src-engine';

const out = process.argv[2];
if (!out) throw new Error('usage: make-demo.ts <outDir>');
const files = new Map<string, Uint8Array>();
const memoryFile = (name: string): CreatedFile => ({
  async sink() { const s = memorySink(); return { ...s, commit: async () => { await s.commit(); files.set(name, s.bytes()); } }; },
  async source() { const b = files.get(name); return b ? memorySource(name, b) : undefined; },
});
const handlers = createEngineHandlers({ host: 'node', appVersion: 'build', files: { createFile: memoryFile, cachedFile: memoryFile, yieldToHost: async () => {}, progress: () => {} } });
mkdirSync(out, { recursive: true });
for (let k = 0; k < DEMO_DATASETS.length; k++) {
  const name = DEMO_DATASETS[k]!.name;
  await handlers.openDemoDataset(k);
  const bytes = files.get(name);
  if (!bytes) throw new Error(`make-demo: the engine made no ${name}`);
  writeFileSync(path.join(out, name), bytes);
}
