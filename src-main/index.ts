/** Electron main process: window, menu, security and the engine behind validated IPC. */
import { app, BrowserWindow, ClipboardItem, Menu, clipboard, dialog, ipcMain, nativeImage, session } from 'electron';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MENU_COMMAND_EVENT, PROGRESS_EVENT } from '../src-shared/api/channels';
import { createDispatcher, createEngineHandlers, UserFacingError } from '../src-engine';
import { registerIpc } from './ipc/register';
import { createSavePngHandler, createSaveTextHandler, type SaveFileDeps } from './ipc/save-file';
import { checkDroppedPath, EVENT_FILE_EXTENSIONS } from './ipc/open-file';
import { createExportHandlers } from './ipc/export-files';
import { createNodeEngineHost } from './engine-host';
import { nodeFileSource } from './fs/node-file';
import { writeFileAtomic } from './fs/atomic-write';
import { hardenSession, hardenWebContents, isAppUrl, type AppOrigin } from './security';
import { mainWindowOptions } from './window';
import { buildMenuTemplate } from './menu';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const origin: AppOrigin = { rendererDir: path.join(here, '../renderer'), ...(devServerUrl ? { devServerUrl } : {}) };

// Software WebGL for machines without a usable GPU (CI, Xvfb): opt-in, never the default.
if (process.env['NA62_SWIFTSHADER'] === '1') {
  app.commandLine.appendSwitch('enable-unsafe-swiftshader');
  app.commandLine.appendSwitch('use-angle', 'swiftshader');
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, { dev: Boolean(devServerUrl) });

  const FILTERS: Record<string, { name: string; extensions: string[] }> = {
    png: { name: 'PNG image', extensions: ['png'] }, csv: { name: 'CSV table', extensions: ['csv'] },
    json: { name: 'JSON', extensions: ['json'] }, txt: { name: 'Text', extensions: ['txt'] },
    svg: { name: 'SVG image', extensions: ['svg'] }, glb: { name: 'glTF binary', extensions: ['glb'] }, zip: { name: 'Zip archive', extensions: ['zip'] },
  };
  const saveDeps: SaveFileDeps = {
    async chooseSavePath(defaultPath, ext) {
      const res = await dialog.showSaveDialog(win, { defaultPath, filters: [FILTERS[ext] ?? { name: ext, extensions: [ext] }] });
      return res.canceled ? undefined : res.filePath;
    },
    writeFile: writeFileAtomic,
    defaultDir: () => app.getPath('documents'),
  };
  // The window exists before IPC is registered, but its page loads only after.
  const win = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs'), '#10141a'));
  const engine = createEngineHandlers({
    host: 'electron-main',
    appVersion: app.getVersion(),
    files: createNodeEngineHost(
      app.getPath('userData'),
      (p) => { if (!win.isDestroyed()) win.webContents.send(PROGRESS_EVENT, p); },
      // selections over large files run on worker threads, one per core (bundled beside this file)
      new URL('./selection-worker.js', import.meta.url),
    ),
  });
  const dispatcher = createDispatcher(
    {
      ...engine,
      openDialog: async () => {
        const res = await dialog.showOpenDialog(win, {
          title: 'Open NA62 event file',
          properties: ['openFile'],
          filters: [{ name: 'NA62 event files', extensions: EVENT_FILE_EXTENSIONS }, { name: 'All files', extensions: ['*'] }],
        });
        const file = res.canceled ? undefined : res.filePaths[0];
        return file ? engine.store.add(await nodeFileSource(file)) : null;
      },
      loadCandidatesDialog: async () => {
        const res = await dialog.showOpenDialog(win, {
          title: 'Load a candidate list', properties: ['openFile'],
          filters: [{ name: 'Candidate lists', extensions: ['json', 'csv'] }],
        });
        const file = res.canceled ? undefined : res.filePaths[0];
        if (!file) return null;
        const st = await fs.stat(file);
        if (st.size > 500 * 1024 * 1024) throw new UserFacingError('io', `${file}: larger than 500 MB`);
        return engine.loadCandidateText(await fs.readFile(file, 'utf8'), file);
      },
      openDropped: async ({ path: p }) => engine.store.add(await nodeFileSource(await checkDroppedPath(p))),
      savePng: createSavePngHandler(saveDeps),
      ...createExportHandlers({
        ...saveDeps,
        async chooseFolder(defaultPath) {
          const res = await dialog.showOpenDialog(win, { title: 'Folder for the pictures', defaultPath, properties: ['openDirectory', 'createDirectory'] });
          return res.canceled ? undefined : res.filePaths[0];
        },
        async writeImageToClipboard(png) {
          if (nativeImage.createFromBuffer(Buffer.from(png)).isEmpty()) return false;
          await clipboard.write([new ClipboardItem({ 'image/png': new Blob([png as BlobPart], { type: 'image/png' }) })]);
          return true;
        },
      }),
      saveText: createSaveTextHandler(saveDeps),
    },
    (msg, err) => console.error(`[na62] ${msg}:`, err),
  );
  registerIpc(ipcMain, dispatcher, (url) => isAppUrl(url, origin));

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate((cmd) => win.webContents.send(MENU_COMMAND_EVENT, cmd), process.platform)));
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(path.join(origin.rendererDir, 'index.html'));
}

app.on('window-all-closed', () => app.quit());
start().catch((err: unknown) => {
  console.error('[na62] failed to start:', err);
  dialog.showErrorBox('NA62 Event Display', `The app could not start: ${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
});
