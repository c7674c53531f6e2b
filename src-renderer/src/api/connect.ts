/** Picks the transport: the preload bridge inside Electron, a Web Worker in a plain browser. */
import type { Na62Api } from '../../../src-shared/api/contract';
import { unwrap } from '../../../src-shared/api/contract';
import type { Na62Bridge } from '../../../src-shared/api/bridge';
import { createApiClient } from '../../../src-shared/api/client';
import { createWebWorkerApi } from './web-transport';

declare global {
  interface Window {
    na62Bridge?: Na62Bridge;
  }
}

export function connectApi(): Na62Api {
  const bridge = window.na62Bridge;
  if (!bridge) return createWebWorkerApi();
  return createApiClient('electron', (key, payload) => bridge.request(key, payload), {
    subscribeMenu: (l) => bridge.onMenuCommand(l),
    subscribeProgress: (l) => bridge.onProgress(l),
    // the main process shows the native dialog and opens the file the user chose
    openFileDialog: async (request) => unwrap(await request('openDialog')),
    openDroppedFile: async (_request, file) => unwrap(await bridge.openDroppedFile(file)),
    loadCandidateList: async (request) => unwrap(await request('loadCandidatesDialog')),
  });
}
