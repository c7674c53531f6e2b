/**
 * The sandboxed preload (built as CommonJS): exposes a narrow, typed bridge. No raw ipcRenderer,
 * only the app's own request keys; payloads are validated again in the main process.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_VERSION, CHANNELS, MENU_COMMAND_EVENT, PROGRESS_EVENT, type ChannelKey } from '../src-shared/api/channels';
import type { Na62Bridge } from '../src-shared/api/bridge';

const bridge: Na62Bridge = {
  apiVersion: API_VERSION,
  request(key, payload) {
    if (!Object.prototype.hasOwnProperty.call(CHANNELS, key)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown request "${String(key)}"` } });
    }
    return ipcRenderer.invoke(CHANNELS[key as ChannelKey], payload);
  },
  onMenuCommand: (listener) => subscribe(MENU_COMMAND_EVENT, listener),
  onProgress: (listener) => subscribe(PROGRESS_EVENT, listener),
  pathForFile: (file) => webUtils.getPathForFile(file),
};

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld('na62Bridge', bridge);
