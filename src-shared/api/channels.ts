/**
 * Channel names of the app's API. Kept free of any library so that the sandboxed
 * CommonJS preload can import it without pulling in the schema library.
 */

/** Bumped on any breaking change of a request or response shape. Both transports check it. */
export const API_VERSION = 1;

export const CHANNELS = {
  /** app, API, engine and geometry versions */
  info: 'na62:v1:info',
  /** the detector description the engine works with */
  detector: 'na62:v1:detector',
  /** save a PNG the renderer produced: the main process asks the user where (platform service) */
  savePng: 'na62:v1:save-png',
  /** the open datasets */
  datasets: 'na62:v1:datasets',
  /** one event of a dataset */
  event: 'na62:v1:event',
  /** the index of the event with this run:burst:event (first match), or null */
  findEvent: 'na62:v1:find-event',
  /** the first visible event with tracks and the top track momentum over the visible events */
  trackSummary: 'na62:v1:track-summary',
  /** run the fast MC into a new dataset (reports progress, cancellable) */
  generate: 'na62:v1:generate',
  /** cancel a running task */
  cancel: 'na62:v1:cancel',
  /** open (making them on first use) the built-in demo datasets */
  openDemo: 'na62:v1:open-demo',
  closeDataset: 'na62:v1:close-dataset',
  /** Electron: the native open dialog */
  openDialog: 'na62:v1:open-dialog',
  /** Electron: a file dropped on the window (its path, resolved by the preload) */
  openDropped: 'na62:v1:open-dropped',
  /** browser build: a File the user picked or dropped */
  openBlob: 'na62:v1:open-blob',
  selectionCatalogue: 'na62:v1:selection-catalogue',
  runSelection: 'na62:v1:run-selection',
  checkExpression: 'na62:v1:check-expression',
  blinding: 'na62:v1:blinding',
  setBlinding: 'na62:v1:set-blinding',
  exportSelection: 'na62:v1:export-selection',
  saveText: 'na62:v1:save-text',
  loadCandidatesDialog: 'na62:v1:load-candidates-dialog',
  loadCandidatesBlob: 'na62:v1:load-candidates-blob',
  /** the user's place (dataset, event, selection, view), saved on each change */
  saveSession: 'na62:v1:save-session',
  loadSession: 'na62:v1:load-session',
  /** the view the app was started with (a .na62view file, --event/--view), once */
  startupView: 'na62:v1:startup-view',
  /** Electron: text (a link to the view) onto the clipboard */
  copyText: 'na62:v1:copy-text',
  /** pictures and scenes (PNG, SVG, glTF, zip): native save dialog in Electron, a download in the browser */
  saveFile: 'na62:v1:save-file',
  /** Electron: a folder for a batch export, chosen in the native dialog */
  chooseExportFolder: 'na62:v1:choose-export-folder',
  /** Electron: one file of a batch, written into that folder */
  writeExportFile: 'na62:v1:write-export-file',
  /** Electron: a PNG onto the clipboard */
  copyImage: 'na62:v1:copy-image',
  /** ROOT import: a .root File (browser build), the proposed mapping, a preview, the import, closing */
  rootOpenBlob: 'na62:v1:root-open-blob',
  rootPropose: 'na62:v1:root-propose',
  rootPreview: 'na62:v1:root-preview',
  rootImport: 'na62:v1:root-import',
  rootClose: 'na62:v1:root-close',
} as const;

export type ChannelKey = keyof typeof CHANNELS;
export type ChannelName = (typeof CHANNELS)[ChannelKey];

/** main → renderer: a menu item was chosen (payload: a command id of src-shared/commands.ts) */
export const MENU_COMMAND_EVENT = 'na62:v1:menu-command';
/** engine → UI: progress of a long task (payload: TaskProgress) */
export const PROGRESS_EVENT = 'na62:v1:progress';
