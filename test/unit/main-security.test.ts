import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isAppUrl } from '../../src-main/security';
import { createMainWindow } from '../../src-main/window';
import { buildMenuTemplate } from '../../src-main/menu';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { COMMANDS, type CommandId } from '../../src-shared/commands';

// Electron at the boundary: the BrowserWindow constructor records the options it is given.
const { windows } = vi.hoisted(() => ({ windows: [] as { webPreferences: Record<string, unknown> }[] }));
vi.mock('electron', () => ({ BrowserWindow: class { constructor(o: { webPreferences: Record<string, unknown> }) { windows.push(o); } } }));

describe('window preferences', () => {
  it('follow the Electron security checklist', () => {
    createMainWindow('/app/out/preload/index.cjs', '#000');
    const p = windows.at(-1)!.webPreferences;
    expect(p).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false, navigateOnDragDrop: false,
    });
    expect(String(p['disableBlinkFeatures']).split(',')).toContain('Auxclick');
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(p['preload']).toMatch(/\.cjs$/); // sandboxed preloads must be CommonJS
  });
  it('carries the app icon from assets/', () => {
    createMainWindow('/app/out/preload/index.cjs', '#000', '/app/assets/icons/icon-512.png');
    expect((windows.at(-1) as unknown as { icon: string }).icon).toBe('/app/assets/icons/icon-512.png');
    expect(existsSync(path.resolve('assets/icons/icon-512.png'))).toBe(true);
  });
});

describe('app URL check', () => {
  const origin = { rendererDir: '/opt/na62/out/renderer' };
  it('accepts the app pages only', () => {
    expect(isAppUrl('file:///opt/na62/out/renderer/index.html', origin)).toBe(true);
    expect(isAppUrl('file:///opt/na62/out/renderer-evil/index.html', origin)).toBe(false);
    expect(isAppUrl('file:///opt/na62/out/renderer/../../../etc/passwd', origin)).toBe(false);
    expect(isAppUrl('https://example.org/', origin)).toBe(false);
    expect(isAppUrl('not a url', origin)).toBe(false);
    expect(isAppUrl(undefined, origin)).toBe(false);
  });
  it('accepts the dev server by origin, not by prefix', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
  });
});

describe('web contents hardening', () => {
  it('blocks navigation, redirects, webviews and new windows', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(fn: (d: unknown) => unknown): void; openHandler?: (d: unknown) => unknown };
    contents.setWindowOpenHandler = (fn) => { contents.openHandler = fn; };
    hardenWebContents(contents as never);
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(ev, { preventDefault: () => { prevented = true; } }, 'https://evil.example/');
      expect(prevented, ev).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and sets the strict CSP on responses', () => {
    let request: ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => { request = fn; },
      setPermissionCheckHandler: (fn: typeof check) => { check = fn; },
      webRequest: { onHeadersReceived: (fn: typeof headers) => { headers = fn; } },
    };
    hardenSession(session as never, { dev: false });
    let granted: boolean | undefined;
    request!({}, 'media', (ok) => { granted = ok; });
    expect(granted).toBe(false);
    expect(check!()).toBe(false);
    let out: Record<string, string[]> = {};
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => { out = r.responseHeaders; });
    expect(out['Content-Security-Policy']).toEqual([contentSecurityPolicy({ dev: false })]);
    expect(out['X-Other']).toEqual(['1']);
  });
});

describe('content security policy', () => {
  it('allows no inline script, no eval and nothing remote in the built app', () => {
    const csp = contentSecurityPolicy({ dev: false });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('native menu', () => {
  it('lists every command once, shows its key, and sends the command id', () => {
    const sent: CommandId[] = [];
    const template = buildMenuTemplate((c) => sent.push(c), 'linux');
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).filter((i) => i.id);
    expect(items.map((i) => i.id).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    for (const i of items) {
      expect(i.registerAccelerator).toBe(false); // the renderer owns the keys
      (i.click as () => void)();
    }
    expect(sent.sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    expect(items.find((i) => i.id === 'file.savePng')!.accelerator).toBe('CmdOrCtrl+S');
  });
});
