/**
 * The sandboxed preload (built as CommonJS): exposes a narrow, typed bridge. No raw ipcRenderer,
 * only the app's own request keys; payloads are validated again in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_VERSION, CHANNELS, MENU_COMMAND_EVENT, type ChannelKey } from '../src-shared/api/channels';
import type { Na62Bridge } from '../src-shared/api/bridge';

const bridge: Na62Bridge = {
  apiVersion: API_VERSION,
  request(key, payload) {
    if (!Object.prototype.hasOwnProperty.call(CHANNELS, key)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown request "${String(key)}"` } });
    }
    return ipcRenderer.invoke(CHANNELS[key as ChannelKey], payload);
  },
  onMenuCommand(listener) {
    const handler = (_event: Electron.IpcRendererEvent, command: unknown) => listener(command);
    ipcRenderer.on(MENU_COMMAND_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('na62Bridge', bridge);
