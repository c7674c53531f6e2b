import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Na62Bridge } from '../../src-shared/api/bridge';
import { CHANNELS, MENU_COMMAND_EVENT, PROGRESS_EVENT } from '../../src-shared/api/channels';

// Electron at the boundary only: what the sandboxed preload may touch.
const exposed: Record<string, unknown> = {};
const invoked: [string, unknown][] = [];
const listeners = new Map<string, ((e: unknown, p: unknown) => void)[]>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => { invoked.push([channel, payload]); return { ok: true, value: 'answer' }; },
    on: (ch: string, fn: (e: unknown, p: unknown) => void) => { listeners.set(ch, [...(listeners.get(ch) ?? []), fn]); },
    removeListener: (ch: string, fn: (e: unknown, p: unknown) => void) => { listeners.set(ch, (listeners.get(ch) ?? []).filter((f) => f !== fn)); },
  },
  // a File the user dropped has a path; one made by script has none ('')
  webUtils: { getPathForFile: (f: { dropped?: boolean }) => (f.dropped ? '/home/u/run.arrow' : '') },
}));

let bridge: Na62Bridge;
beforeAll(async () => {
  await import('../../src-preload/index');
  bridge = exposed['na62Bridge'] as Na62Bridge;
});

describe('preload bridge', () => {
  it('exposes one narrow object, not ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['na62Bridge']);
    expect(Object.keys(bridge).sort()).toEqual(['apiVersion', 'onMenuCommand', 'onProgress', 'openDroppedFile', 'request']);
  });

  it('forwards only the contract\'s requests, to their channels', async () => {
    expect(await bridge.request('event', { dataset: 'ds1', index: 3 })).toEqual({ ok: true, value: 'answer' });
    expect(invoked.at(-1)).toEqual([CHANNELS.event, { dataset: 'ds1', index: 3 }]);
    const n = invoked.length;
    const res = await bridge.request('constructor' as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await bridge.request('__proto__' as never)).toMatchObject({ ok: false });
    expect(invoked.length).toBe(n);
  });

  it('subscribes and unsubscribes to menu commands and progress', () => {
    const got: unknown[] = [];
    const off = bridge.onProgress((p) => got.push(p));
    const offMenu = bridge.onMenuCommand((c) => got.push(c));
    listeners.get(PROGRESS_EVENT)!.forEach((f) => f({}, { taskId: 't', done: 1, total: 2 }));
    listeners.get(MENU_COMMAND_EVENT)!.forEach((f) => f({}, 'view.side'));
    off(); offMenu();
    expect(listeners.get(PROGRESS_EVENT)).toEqual([]);
    expect(got).toEqual([{ taskId: 't', done: 1, total: 2 }, 'view.side']);
  });

  it('never lets the page name a path: openDropped is sent only with the path of a dropped File', async () => {
    const n = invoked.length;
    expect(await bridge.request('openDropped', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not available to the page/) } });
    expect(await bridge.openDroppedFile(new File(['x'], 'made-by-script.arrow'))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await bridge.openDroppedFile('/etc/passwd' as never)).toMatchObject({ ok: false });
    expect(invoked.length).toBe(n);
    await bridge.openDroppedFile(Object.assign(new File(['x'], 'run.arrow'), { dropped: true }));
    expect(invoked.slice(n)).toEqual([[CHANNELS.openDropped, { path: '/home/u/run.arrow' }]]);
  });
});
