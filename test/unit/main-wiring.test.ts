/**
 * The main process as it starts (src-main/index.ts, electron faked at the boundary): the window's
 * security options, the session's CSP and permission handlers, navigation hardening on every web
 * contents, IPC behind the sender check, and the reload after a renderer crash.
 */
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-shared/api/channels';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { recorded, app, type FakeBrowserWindow } from '../electron-main-fake';

vi.mock('electron', () => import('../electron-main-fake'));

let win: FakeBrowserWindow;
let page = '';
beforeAll(async () => {
  const main = await import('../../src-main/index');
  await main.started;
  win = recorded.windows[0]!;
  page = win.webContents.loads[0]!;
});

describe('main process wiring', () => {
  it('opens one window, sandboxed and isolated, on the app page', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false });
    expect(String(prefs['preload'])).toMatch(/preload\/index\.cjs$/);
    expect(page).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it('hardens the session: every permission denied, the strict CSP on every response', () => {
    let granted: boolean | undefined;
    recorded.permissionRequest!({}, 'geolocation', (ok) => { granted = ok; });
    expect(granted).toBe(false);
    expect(recorded.permissionCheck!()).toBe(false);
    let headers: Record<string, string[]> = {};
    recorded.headers!({ responseHeaders: {} }, (r) => { headers = r.responseHeaders; });
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy({ dev: false })]);
  });

  it('hardens every web contents created (navigation, new windows, webviews)', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('serves IPC only to the app page', async () => {
    const info = recorded.ipc.get(CHANNELS.info)!;
    expect(await info({ senderFrame: { url: page } }, undefined)).toMatchObject({ ok: true, value: { appVersion: '9.9.9-test' } });
    expect(await info({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false });
    expect(await info({ senderFrame: null }, undefined)).toMatchObject({ ok: false });
  });

  it('reloads the same page after a renderer crash, and stops reloading after 3 in a minute', async () => {
    win.webContents.url = `${page}#where-the-user-was`;
    const before = win.webContents.loads.length;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.loads.slice(before)).toEqual([`${page}#where-the-user-was`]);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 }); // the window closing: no reload
    expect(win.webContents.loads.length).toBe(before + 1);
    recorded.messageBoxAnswer = 1; // "Quit"
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await new Promise((r) => setTimeout(r, 0));
    expect(win.webContents.loads.length).toBe(before + 2);
    expect(recorded.messageBoxes.at(-1)!.message).toMatch(/crashed 3 times within a minute/);
    expect(recorded.quitCalls).toBe(1);
  });
});
