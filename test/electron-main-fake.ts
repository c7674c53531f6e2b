/**
 * A fake of the parts of `electron` the main process uses, for tests that start src-main/index.ts
 * with `vi.mock('electron', () => import('../electron-main-fake'))`: it records what the main process
 * configured (window options, session handlers, IPC handlers, loaded URLs) and lets the test
 * answer dialogs and emit window and web-contents events.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Handler = (event: { senderFrame: { url: string } | null }, raw: unknown) => Promise<unknown>;

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  ipc: new Map<string, Handler>(),
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  headers: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  /** what the open dialog answers next (a path, or undefined: cancelled) */
  openDialogAnswers: [] as (string | undefined)[],
  /** every path the fake open dialog returned */
  chosenPaths: [] as string[],
  /** the message boxes shown, and the button the fake clicks */
  messageBoxes: [] as { message: string; buttons: string[] }[],
  messageBoxAnswer: 0,
  quitCalls: 0,
  /** text the main process put on the clipboard */
  clipboardText: [] as string[],
};

class FakeWebContents extends EventEmitter {
  url = '';
  loads: string[] = [];
  sent: [string, unknown][] = [];
  crashed = 0;
  getURL() { return this.url; }
  send(channel: string, payload: unknown) { this.sent.push([channel, payload]); }
  setWindowOpenHandler() {}
  forcefullyCrashRenderer() { this.crashed++; }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  async loadURL(url: string) { this.webContents.url = url; this.webContents.loads.push(url); }
  async loadFile(file: string) { await this.loadURL(`file://${file}`); }
  isDestroyed() { return this.destroyed; }
  show() {}
}

const userData = mkdtempSync(path.join(tmpdir(), 'na62-main-'));
const appEvents = new EventEmitter();

export const app = Object.assign(appEvents, {
  whenReady: async () => {},
  getVersion: () => '9.9.9-test',
  getPath: (name: string) => path.join(userData, name),
  isPackaged: false,
  commandLine: { appendSwitch() {} },
  quit: () => { recorded.quitCalls++; },
  exit: () => {},
});
export const BrowserWindow = FakeBrowserWindow;
export const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu() {} };
export const ipcMain = { handle: (channel: string, fn: Handler) => { recorded.ipc.set(channel, fn); } };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: typeof recorded.permissionRequest) => { recorded.permissionRequest = fn; },
    setPermissionCheckHandler: (fn: typeof recorded.permissionCheck) => { recorded.permissionCheck = fn; },
    webRequest: { onHeadersReceived: (fn: typeof recorded.headers) => { recorded.headers = fn; } },
  },
};
export const dialog = {
  showOpenDialog: async () => {
    const p = recorded.openDialogAnswers.shift();
    if (p !== undefined) recorded.chosenPaths.push(p);
    return p === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [p] };
  },
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async (_w: unknown, o: { message: string; buttons: string[] }) => { recorded.messageBoxes.push(o); return { response: recorded.messageBoxAnswer }; },
  showErrorBox: (title: string, message: string) => { throw new Error(`the app failed to start: ${title}: ${message}`); },
};
export const clipboard = { writeText: (t: string) => { recorded.clipboardText.push(t); } };
export default { app, BrowserWindow, Menu, ipcMain, session, dialog, clipboard };
