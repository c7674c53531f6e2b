/**
 * The layers are enforced by lint (eslint.config.js): each boundary is tried here with a one-line
 * file at a real path, so a rule that stops matching fails this test, not silently.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, from: string): Promise<boolean> {
  const [r] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return r!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer boundaries', () => {
  it('the renderer reaches the engine only through the API or src-engine/public', async () => {
    const file = 'src-renderer/src/panels/Probe.ts';
    expect(await restricted(file, '../../../src-engine/reco/variables')).toBe(true);
    expect(await restricted(file, '../../../src-engine/io/codec')).toBe(true);
    expect(await restricted(file, '../../../src-engine')).toBe(true);
    expect(await restricted(file, '../../../src-engine/public')).toBe(false);
    expect(await restricted(file, '../../../src-engine/public/regions')).toBe(false);
    expect(await restricted(file, '../../../src-shared/api/contract')).toBe(false);
    expect(await restricted(file, '../../../src-node/fs/node-file')).toBe(true);
    expect(await restricted(file, '../../../src-main/menu')).toBe(true);
    expect(await restricted(file, 'node:fs')).toBe(true);
  });

  it('the browser worker hosts the engine through its index only', async () => {
    const file = 'src-renderer/src/api/engine.worker.ts';
    expect(await restricted(file, '../../../src-engine')).toBe(false);
    expect(await restricted(file, '../../../src-engine/index')).toBe(false);
    expect(await restricted(file, '../../../src-engine/io/source')).toBe(true);
  });

  it('the CLI never imports the renderer or Electron main', async () => {
    expect(await restricted('cli/probe.ts', '../src-renderer/src/export/picture-spec')).toBe(true);
    expect(await restricted('cli/probe.ts', '../src-main/engine-host')).toBe(true);
    expect(await restricted('cli/probe.ts', '../src-node/fs/node-file')).toBe(false);
    expect(await restricted('cli/probe.ts', '../src-engine/io/event-file')).toBe(false);
  });

  it('src-node is plain Node; the engine and shared code stay pure', async () => {
    expect(await restricted('src-node/probe.ts', 'electron')).toBe(true);
    expect(await restricted('src-node/probe.ts', '../src-main/menu')).toBe(true);
    expect(await restricted('src-node/probe.ts', 'node:fs')).toBe(false);
    expect(await restricted('src-engine/probe.ts', '../src-node/fs/node-file')).toBe(true);
    expect(await restricted('src-shared/probe.ts', 'node:fs')).toBe(true);
  });
}, 60_000);

/** Is this renderer source refused because it makes a store at module level? */
async function moduleStore(code: string, filePath = 'src-renderer/src/state/probe-store.ts'): Promise<boolean> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.some((m) => m.ruleId === 'no-restricted-syntax');
}

describe('no module-level store in the renderer (stores are made per window by createAppStores)', () => {
  it("refuses zustand's create and a store made at module level", async () => {
    expect(await moduleStore("import { create } from 'zustand';\nexport const useS = create<{ n: number }>()(() => ({ n: 0 }));\n")).toBe(true);
    expect(await moduleStore("import { createStore } from 'zustand/vanilla';\nexport const s = createStore<{ n: number }>()(() => ({ n: 0 }));\n")).toBe(true);
    expect(await moduleStore("import { createStore } from 'zustand/vanilla';\nconst s = createStore(() => ({ n: 0 }));\nexport const get = () => s.getState();\n")).toBe(true);
    expect(await moduleStore("import { createAppStores } from './app-stores';\nexport const stores = createAppStores();\n", 'src-renderer/src/panels/Probe.tsx')).toBe(true);
    expect(await moduleStore("import { createViewStore } from './view-store';\nexport const view = createViewStore();\n")).toBe(true);
  });

  it('allows store factories and stores made inside a function', async () => {
    expect(await moduleStore("import { createStore } from 'zustand/vanilla';\nexport const createS = () => createStore<{ n: number }>()(() => ({ n: 0 }));\n")).toBe(false);
    expect(await moduleStore("import { createAppStores } from './app-stores';\nexport function make() { const stores = createAppStores(); return stores; }\n")).toBe(false);
    expect(await moduleStore("import { useStore } from 'zustand';\nexport const x = useStore;\n")).toBe(false);
  });
}, 60_000);
