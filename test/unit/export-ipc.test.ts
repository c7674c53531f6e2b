/** Picture export in the main process, electron mocked at the boundary: save dialogs, a chosen folder for batches, the clipboard. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../src-engine';
import { registerIpc } from '../../src-main/ipc/register';
import { CHANNELS } from '../../src-shared/api/channels';
import type { Envelope } from '../../src-shared/api/contract';
import { createExportHandlers, type ExportFileDeps } from '../../src-main/ipc/export-files';
import { writeFileAtomic } from '../../src-node/fs/atomic-write';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const GLB = new Uint8Array([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 20, 0, 0, 0]);
const SVG = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');
const APP = 'file:///opt/na62/out/renderer/index.html';

function setUp(over: Partial<ExportFileDeps> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'na62-export-'));
  const deps: ExportFileDeps = {
    chooseSavePath: vi.fn(async (p: string) => p),
    writeFile: vi.fn(writeFileAtomic),
    defaultDir: () => dir,
    chooseFolder: vi.fn(async () => dir),
    writeImageToClipboard: vi.fn(async () => true),
    ...over,
  };
  const handlers = new Map<string, (e: unknown, raw: unknown) => Promise<Envelope<unknown>>>();
  registerIpc({ handle: (c: string, fn: never) => { handlers.set(c, fn); } } as never, createDispatcher(createExportHandlers(deps)), (u) => u === APP);
  const invoke = (ch: string, raw?: unknown) => handlers.get(ch)!({ senderFrame: { url: APP } }, raw);
  return { dir, deps, invoke };
}

describe('export files in the main process', () => {
  it('saves PNG, SVG and glTF where the user chose, checking each file type by its content', async () => {
    const { dir, invoke } = setUp();
    for (const [name, data] of [['a.png', PNG], ['b.svg', SVG], ['c.glb', GLB]] as const) {
      expect(await invoke(CHANNELS.saveFile, { suggestedName: name, data })).toMatchObject({ ok: true, value: { saved: true, path: path.join(dir, name) } });
    }
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'b.svg', 'c.glb']);
    const bad: [unknown, RegExp][] = [
      [{ suggestedName: 'a.svg', data: PNG }, /not a \.svg file/],
      [{ suggestedName: 'a.glb', data: SVG }, /not a \.glb file/],
      [{ suggestedName: '../a.png', data: PNG }, /plain file name/],
      [{ suggestedName: 'a.exe', data: PNG }, /plain file name/],
      [{ suggestedName: '.bashrc.png', data: PNG }, /start with a dot/],
      [{ suggestedName: 'a.png', data: 'iVBOR' }, /data/],
    ];
    for (const [raw, re] of bad) {
      const r = await invoke(CHANNELS.saveFile, raw);
      expect(r.ok, JSON.stringify(raw).slice(0, 50)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(re);
    }
  });

  it('writes a batch only into the folder chosen in the dialog, known to the renderer by a token', async () => {
    const { dir, invoke, deps } = setUp();
    const chosen = await invoke(CHANNELS.chooseExportFolder, undefined);
    expect(chosen.ok).toBe(true);
    const folder = (chosen as { value: { folder: string; path: string } }).value;
    expect(folder.path).toBe(dir);
    expect(folder.folder).toMatch(/^folder-[0-9a-f]{16}$/);
    for (let i = 0; i < 5; i++) expect((await invoke(CHANNELS.writeExportFile, { folder: folder.folder, name: `11001_0_${i}_side.png`, data: PNG })).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `11001_0_${i}_side.png`));
    expect(new Uint8Array(readFileSync(path.join(dir, '11001_0_3_side.png')))).toEqual(PNG);
    const refused = [
      [{ folder: 'folder-0000000000000000', name: 'x.png', data: PNG }, /not chosen in the dialog/],
      [{ folder: '/tmp', name: 'x.png', data: PNG }, /not an export folder/],
      [{ folder: folder.folder, name: '../../x.png', data: PNG }, /plain file name/],
      [{ folder: folder.folder, name: 'x.png', data: GLB }, /not a \.png file/],
    ] as const;
    for (const [raw, re] of refused) {
      const r = await invoke(CHANNELS.writeExportFile, raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(re);
    }
    expect(deps.writeFile).toHaveBeenCalledTimes(5);
  });

  it('a cancelled folder dialog is null, not an error', async () => {
    const { invoke } = setUp({ chooseFolder: vi.fn(async () => undefined) });
    expect(await invoke(CHANNELS.chooseExportFolder, undefined)).toEqual({ ok: true, value: null });
  });

  it('copies a PNG to the clipboard, and refuses what is not one', async () => {
    const { invoke, deps } = setUp();
    expect(await invoke(CHANNELS.copyImage, { data: PNG })).toEqual({ ok: true, value: { copied: true } });
    expect(deps.writeImageToClipboard).toHaveBeenCalledWith(PNG);
    const r = await invoke(CHANNELS.copyImage, { data: GLB });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const undecodable = setUp({ writeImageToClipboard: vi.fn(async () => false) });
    expect(await undecodable.invoke(CHANNELS.copyImage, { data: PNG })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be decoded/) } });
  });
});
