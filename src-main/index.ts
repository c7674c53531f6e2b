/** Electron main process: window, menu, security and the engine behind validated IPC. */
import { app, ClipboardItem, Menu, clipboard, dialog, ipcMain, nativeImage, session, type BrowserWindow } from 'electron';
import '../src-node/native-crc'; // format 3 checksums with a native CRC-32
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MENU_COMMAND_EVENT, PROGRESS_EVENT } from '../src-shared/api/channels';
import { createDispatcher, createEngineHandlers } from '../src-engine';
import { registerIpc } from './ipc/register';
import type { SaveFileDeps } from './ipc/save-file';
import { checkDroppedPath, EVENT_FILE_EXTENSIONS, ROOT_FILE_EXTENSIONS } from './ipc/open-file';
import { createMainHandlers } from './ipc/main-handlers';
import { createExportHandlers } from './ipc/export-files';
import { createNodeEngineHost } from './engine-host';
import { nodeFileSource } from '../src-node/fs/node-file';
import { readTextFile } from '../src-node/fs/read-text';
import { writeFileAtomic } from '../src-node/fs/atomic-write';
import { hardenSession, hardenWebContents, isAppUrl, type AppOrigin } from './security';
import { createMainWindow } from './window';
import { watchRenderer } from './crash-recovery';
import { buildMenuTemplate } from './menu';
import { createSessionHandlers } from './session/session-file';
import { eventFilesFromArgv } from './cli-files';
import { viewArgsFromArgv } from './view/view-args';
import { createViewHandlers, onceStartupView, startupViewFrom } from './view/startup-view';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const origin: AppOrigin = { rendererDir: path.join(here, '../renderer'), ...(devServerUrl ? { devServerUrl } : {}) };
const pageUrl = devServerUrl ?? pathToFileURL(path.join(origin.rendererDir, 'index.html')).href;

// Software WebGL for machines without a usable GPU (CI, Xvfb): opt-in, never the default.
if (process.env['NA62_SWIFTSHADER'] === '1') {
  app.commandLine.appendSwitch('enable-unsafe-swiftshader');
  app.commandLine.appendSwitch('use-angle', 'swiftshader');
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

async function start(): Promise<BrowserWindow> {
  await app.whenReady();
  hardenSession(session.defaultSession, { dev: Boolean(devServerUrl) });

  const FILTERS: Record<string, { name: string; extensions: string[] }> = {
    png: { name: 'PNG image', extensions: ['png'] }, csv: { name: 'CSV table', extensions: ['csv'] },
    json: { name: 'JSON', extensions: ['json'] }, txt: { name: 'Text', extensions: ['txt'] },
    svg: { name: 'SVG image', extensions: ['svg'] }, na62view: { name: 'NA62 saved view', extensions: ['na62view'] }, glb: { name: 'glTF binary', extensions: ['glb'] }, zip: { name: 'Zip archive', extensions: ['zip'] },
    na62layout: { name: 'NA62 workspace layout', extensions: ['na62layout'] }, webm: { name: 'WebM video', extensions: ['webm'] }, mp4: { name: 'MP4 video', extensions: ['mp4'] },
  };
  const OPEN = {
    events: { title: 'Open NA62 event file or ROOT file', filters: [{ name: 'NA62 event files and ROOT files', extensions: [...EVENT_FILE_EXTENSIONS, ...ROOT_FILE_EXTENSIONS] }, { name: 'All files', extensions: ['*'] }] },
    candidates: { title: 'Load a candidate list', filters: [{ name: 'Candidate lists', extensions: ['json', 'csv'] }] },
  };
  const save: SaveFileDeps = {
    async chooseSavePath(defaultPath, ext) {
      const res = await dialog.showSaveDialog(win, { defaultPath, filters: [FILTERS[ext] ?? { name: ext, extensions: [ext] }] });
      return res.canceled ? undefined : res.filePath;
    },
    writeFile: writeFileAtomic,
    defaultDir: () => app.getPath('documents'),
  };
  // The window exists before IPC is registered, but its page loads only after.
  // out/main → the repository (or the packaged app) root, where assets/ sits
  const win = createMainWindow(path.join(here, '../preload/index.cjs'), '#10141a', path.join(here, '../../assets/icons/icon-512.png'));
  const engine = createEngineHandlers({
    host: 'electron-main',
    appVersion: app.getVersion(),
    files: createNodeEngineHost(
      app.getPath('userData'),
      (p) => { if (!win.isDestroyed()) win.webContents.send(PROGRESS_EVENT, p); },
      // selections over large files run on worker threads, one per core (bundled beside this file)
      new URL('./selection-worker.js', import.meta.url),
      // results reach the renderer only through IPC, which copies them
      { resultsCopied: true },
    ),
  });
  // datasets this process opened from disk, by handle: the only paths a session may reopen
  const openedPaths = new Map<string, string>();
  const openChecked = async (file: string) => {
    const clean = await checkDroppedPath(file);
    const info = await engine.store.add(await nodeFileSource(clean));
    openedPaths.set(info.id, clean);
    return info;
  };
  // files named on the command line open first; the renderer then shows them instead of the demo
  const cliProblems: string[] = [];
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  const cliFiles = eventFilesFromArgv(argv, process.cwd());
  // a saved view or --event/--view on the command line: read now, handed to the page once
  const startupView = onceStartupView(startupViewFrom(viewArgsFromArgv(argv, process.cwd()), readTextFile));
  for (const f of cliFiles) {
    await openChecked(f).catch((e: unknown) => cliProblems.push(e instanceof Error ? e.message : String(e)));
  }
  const sessionFile = createSessionHandlers({
    file: path.join(app.getPath('userData'), 'session.json'),
    writeFile: writeFileAtomic,
    readFile: (f) => fs.readFile(f, 'utf8').catch((e: NodeJS.ErrnoException) => { if (e.code === 'ENOENT') return undefined; throw e; }),
    pathOf: (id) => openedPaths.get(id),
    list: () => engine.store.list(),
    // with files named on the command line, those are what the user wants to see, not the last session's
    reopen: async (file) => {
      if (cliFiles.length) throw new Error('files were named on the command line');
      return openChecked(file);
    },
  });
  const dispatcher = createDispatcher(
    {
      ...engine,
      ...sessionFile,
      ...createViewHandlers({ startupView, writeClipboardText: (t) => clipboard.writeText(t) }),
      ...createMainHandlers(engine, {
        async chooseOpenPath(kind) {
          const res = await dialog.showOpenDialog(win, { ...OPEN[kind], properties: ['openFile'] });
          return res.canceled ? undefined : res.filePaths[0];
        },
        openEventSource: nodeFileSource,
        opened: (id, file) => openedPaths.set(id, file),
        readTextFile,
        save,
      }),
      ...createExportHandlers({
        ...save,
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
    },
    (msg, err) => console.error(`[na62] ${msg}:`, err),
  );
  registerIpc(ipcMain, dispatcher, (url) => isAppUrl(url, origin));

  // A crashed renderer reloads the page it showed; the engine (and the open files) live on here.
  watchRenderer(win, {
    now: () => Date.now(),
    log: (m) => console.error(`[na62] ${m}`),
    reload: () => {
      const current = win.webContents.getURL();
      void win.loadURL(isAppUrl(current, origin) ? current : pageUrl);
    },
    ask: async (o) => (await dialog.showMessageBox(win, { type: 'warning', ...o, defaultId: 0, cancelId: o.buttons.length - 1 })).response,
    quit: () => app.quit(),
    killRenderer: () => win.webContents.forcefullyCrashRenderer(),
    isDestroyed: () => win.isDestroyed(),
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate((cmd) => win.webContents.send(MENU_COMMAND_EVENT, cmd), process.platform)));
  win.once('ready-to-show', () => {
    win.show();
    if (cliProblems.length) void dialog.showMessageBox(win, { type: 'warning', message: 'Some files on the command line could not be opened', detail: cliProblems.join('\n') });
  });
  await win.loadURL(pageUrl);
  return win;
}

app.on('window-all-closed', () => app.quit());
/** the main window once the app started (tests of the wiring await it) */
export const started = start().catch((err: unknown) => {
  console.error('[na62] failed to start:', err);
  dialog.showErrorBox('NA62 Event Display', `The app could not start: ${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
});
