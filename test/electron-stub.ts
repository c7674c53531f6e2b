/**
 * Stand-in for the `electron` package in unit tests: importing the real one would try to
 * download its binary. Tests that need Electron objects pass fakes to the functions under test.
 */
const notAvailable = (what: string) => () => {
  throw new Error(`electron.${what} is not available in unit tests; pass a fake instead`);
};
export const app = { getVersion: () => 'test', getPath: notAvailable('app.getPath') };
export const ipcMain = { handle: notAvailable('ipcMain.handle') };
export const ipcRenderer = { invoke: notAvailable('ipcRenderer.invoke'), on: notAvailable('ipcRenderer.on'), removeListener: notAvailable('ipcRenderer.removeListener') };
export const contextBridge = { exposeInMainWorld: notAvailable('contextBridge.exposeInMainWorld') };
export default { app, ipcMain, ipcRenderer, contextBridge };
