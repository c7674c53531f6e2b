/**
 * The sandboxed preload (built as CommonJS): exposes a narrow, typed bridge. No raw ipcRenderer,
 * only the app's own request keys; payloads are validated again in the main process.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_VERSION, CHANNELS, MENU_COMMAND_EVENT, PROGRESS_EVENT, type ChannelKey } from '../src-shared/api/channels';
import type { Na62Bridge } from '../src-shared/api/bridge';

/**
 * Requests only the preload itself makes. openDropped carries a file path: the page must not be able
 * to name one, so it hands over the dropped File and the preload resolves its path (see
 * src-main/ipc/main-handlers.ts for what this enforces).
 */
const PRELOAD_ONLY: readonly string[] = ['openDropped'];

const refuse = (key: string, why: string) => Promise.resolve({ ok: false as const, error: { code: 'unknown-channel' as const, message: `request "${key.slice(0, 80)}" ${why}` } });

const bridge: Na62Bridge = {
  apiVersion: API_VERSION,
  request(key, payload) {
    if (!Object.prototype.hasOwnProperty.call(CHANNELS, key)) return refuse(String(key), 'is unknown');
    if (PRELOAD_ONLY.includes(key)) return refuse(key, 'is not available to the page');
    return ipcRenderer.invoke(CHANNELS[key as ChannelKey], payload);
  },
  openDroppedFile(file) {
    // '' for a File that has no file on disk behind it (made by script): nothing to open
    let p = '';
    try { p = webUtils.getPathForFile(file); } catch { /* not a File */ }
    if (!p) return Promise.resolve({ ok: false, error: { code: 'bad-request', message: 'the dropped item is not a file on this computer' } });
    return ipcRenderer.invoke(CHANNELS.openDropped, { path: p });
  },
  onMenuCommand: (listener) => subscribe(MENU_COMMAND_EVENT, listener),
  onProgress: (listener) => subscribe(PROGRESS_EVENT, listener),
};

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld('na62Bridge', bridge);
