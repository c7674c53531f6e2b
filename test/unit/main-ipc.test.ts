import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-shared/api/channels';
import type { Envelope } from '../../src-shared/api/contract';
import { createDispatcher, createEngineHandlers } from '../../src-engine';
import { registerIpc } from '../../src-main/ipc/register';
import type { SaveFileDeps } from '../../src-main/ipc/save-file';
import { createExportHandlers } from '../../src-main/ipc/export-files';
import { writeFileAtomic } from '../../src-node/fs/atomic-write';
import { createMainHandlers } from '../../src-main/ipc/main-handlers';
import { nodeFileSource } from '../../src-node/fs/node-file';
import { createSessionHandlers } from '../../src-main/session/session-file';
import { createViewHandlers } from '../../src-main/view/startup-view';
import { readTextFile } from '../../src-node/fs/read-text';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const APP_URL = 'file:///opt/na62/out/renderer/index.html';

type Listener = (event: { senderFrame: { url: string } | null }, raw: unknown) => Promise<Envelope<unknown>>;

/** ipcMain at the boundary: records handlers so the test can invoke them like Electron would. */
function fakeIpc() {
  const handlers = new Map<string, Listener>();
  return {
    handle: (channel: string, fn: Listener) => { handlers.set(channel, fn); },
    invoke: (channel: string, raw: unknown, url: string | null = APP_URL) => {
      const fn = handlers.get(channel);
      if (!fn) throw new Error(`no handler on ${channel}`);
      return fn({ senderFrame: url === null ? null : { url } }, raw);
    },
    handlers,
  };
}

function setUp(deps: Partial<SaveFileDeps> = {}) {
  const save: SaveFileDeps = {
    chooseSavePath: vi.fn(async (p: string, _ext: string) => p),
    writeFile: vi.fn(async () => {}),
    defaultDir: () => '/home/physicist/Pictures',
    ...deps,
  };
  const ipc = fakeIpc();
  const engine = createEngineHandlers({ host: 'electron-main', appVersion: '9.9.9' });
  const dispatcher = createDispatcher({
    ...engine,
    ...createMainHandlers(engine, { chooseOpenPath: async () => undefined, openEventSource: nodeFileSource, readTextFile, save }),
    ...createExportHandlers({ ...save, chooseFolder: async () => undefined, writeImageToClipboard: async () => true }),
    ...createSessionHandlers({
      file: path.join(mkdtempSync(path.join(tmpdir(), 'na62-ipc-session-')), 'session.json'),
      writeFile: writeFileAtomic, readFile: async () => undefined, pathOf: () => undefined, list: () => engine.store.list(),
      reopen: async () => { throw new Error('not in this test'); },
    }),
    ...createViewHandlers({ startupView: async () => ({ view: null, source: null, problem: null }), writeClipboardText: () => {} }),
  });
  registerIpc(ipc as never, dispatcher, (url) => url === APP_URL);
  return { ipc, save };
}

describe('main-process IPC handlers', () => {
  it('registers one channel per request of the contract (all but the browser-only ones taking a Blob)', () => {
    const { ipc } = setUp();
    const browserOnly: string[] = [CHANNELS.openBlob, CHANNELS.loadCandidatesBlob];
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).filter((c) => !browserOnly.includes(c)).sort());
  });

  it('opens a dropped file only if it is an existing event file, and says why not', async () => {
    const { ipc } = setUp();
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-drop-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    writeFileSync(path.join(dir, 'fake.arrow'), 'not arrow at all, just text that is long enough');
    const cases: [unknown, RegExp][] = [
      [{ path: 'relative/file.arrow' }, /not an absolute path/],
      [{ path: path.join(dir, 'notes.txt') }, /not an event file/],
      [{ path: path.join(dir, 'missing.arrow') }, /no such file/],
      [{ path: path.join(dir, 'fake.arrow') }, /fake\.arrow: not an NA62 event file/],
      [{ path: 42 }, /invalid openDropped request/],
    ];
    for (const [raw, re] of cases) {
      const res = await ipc.invoke(CHANNELS.openDropped, raw);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(re);
    }
  });

  it('answers info and detector', async () => {
    const { ipc } = setUp();
    const info = await ipc.invoke(CHANNELS.info, undefined);
    expect(info).toMatchObject({ ok: true, value: { apiVersion: 1, appVersion: '9.9.9', engineHost: 'electron-main' } });
    const det = await ipc.invoke(CHANNELS.detector, undefined);
    expect(det.ok && (det.value as { elements: unknown[] }).elements.length).toBeGreaterThan(30);
  });

  it('refuses requests from frames that are not the app', async () => {
    const { ipc } = setUp();
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null]) {
      const res = await ipc.invoke(CHANNELS.info, undefined, url);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/not the app/);
    }
  });

  it('validates input: payloads on argument-free channels, names, and PNG signatures', async () => {
    const { ipc, save } = setUp();
    const bad = [
      [CHANNELS.info, { evil: true }],
      [CHANNELS.savePng, undefined],
      [CHANNELS.savePng, { suggestedName: '../../.bashrc.png', data: PNG }],
      [CHANNELS.savePng, { suggestedName: '/etc/passwd.png', data: PNG }],
      [CHANNELS.savePng, { suggestedName: 'x.png', data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }],
      [CHANNELS.savePng, { suggestedName: 'x.png', data: 'iVBORw0KGgo=' }],
      [CHANNELS.savePng, { suggestedName: 'x.png', data: PNG, path: '/tmp/x.png' }],
    ] as const;
    for (const [ch, raw] of bad) {
      const res = await ipc.invoke(ch, raw);
      expect(res.ok, JSON.stringify(raw)?.slice(0, 60)).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('bad-request');
        expect(res.error.message.length).toBeGreaterThan(10);
      }
    }
    expect(save.chooseSavePath).not.toHaveBeenCalled();
    expect(save.writeFile).not.toHaveBeenCalled();
  });

  it('saves only where the user chose, in the pictures folder by default', async () => {
    const { ipc, save } = setUp({ chooseSavePath: vi.fn(async () => '/data/talk/event') });
    const res = await ipc.invoke(CHANNELS.savePng, { suggestedName: 'na62-side-2x.png', data: PNG });
    expect(save.chooseSavePath).toHaveBeenCalledWith(path.join('/home/physicist/Pictures', 'na62-side-2x.png'), 'png');
    expect(save.writeFile).toHaveBeenCalledWith('/data/talk/event.png', PNG);
    expect(res).toEqual({ ok: true, value: { saved: true, path: '/data/talk/event.png', bytes: PNG.byteLength } });
  });

  it('reports a cancelled dialog and a failed write as data, naming the file', async () => {
    const cancelled = setUp({ chooseSavePath: vi.fn(async () => undefined) });
    expect(await cancelled.ipc.invoke(CHANNELS.savePng, { suggestedName: 'a.png', data: PNG })).toEqual({ ok: true, value: { saved: false, reason: 'cancelled' } });
    const failing = setUp({ writeFile: vi.fn(async () => { throw new Error('EACCES: permission denied'); }) });
    const res = await failing.ipc.invoke(CHANNELS.savePng, { suggestedName: 'a.png', data: PNG });
    expect(res).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!res.ok) expect(res.error.message).toContain(path.join('/home/physicist/Pictures', 'a.png'));
  });
});

describe('atomic write', () => {
  it('writes the file and leaves no temporary behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-'));
    await writeFileAtomic(path.join(dir, 'a.png'), PNG);
    expect(new Uint8Array(readFileSync(path.join(dir, 'a.png')))).toEqual(PNG);
    expect(readdirSync(dir)).toEqual(['a.png']);
  });
  it('fails cleanly when the folder does not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na62-'));
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.png'), PNG)).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
