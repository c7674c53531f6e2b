/** Builds the typed API over any request transport: one client, two transports. */
import { API_VERSION } from './channels';
import type { Na62Api, TaskProgress, Transport } from './contract';
import type { SelectionResult } from '../selection/types';
import { withLazyCandidates } from '../selection/candidate-columns';
import type { OpenedFile } from './root-contract';
import { ApiError, unwrap } from './contract';
import type { RequestFn } from './bridge';
import { isCommandId, type CommandId } from '../commands';

/** What differs between transports beyond requests: how files reach the engine, and the event streams. */
export interface TransportExtras {
  subscribeMenu?(listener: (command: unknown) => void): () => void;
  subscribeProgress?(listener: (p: unknown) => void): () => void;
  /** ask the user for a file (Electron: via the main process dialog; browser: a file picker) */
  openFileDialog(request: RequestFn): Promise<OpenedFile | null>;
  openDroppedFile(request: RequestFn, file: File): Promise<OpenedFile>;
  /** ask the user for a saved candidate list and have the engine read it */
  loadCandidateList(request: RequestFn): Promise<SelectionResult | null>;
}

const isProgress = (p: unknown): p is TaskProgress =>
  typeof p === 'object' && p !== null && typeof (p as TaskProgress).taskId === 'string' && typeof (p as TaskProgress).done === 'number' && typeof (p as TaskProgress).total === 'number';

export function createApiClient(transport: Transport, request: RequestFn, extras: TransportExtras): Na62Api {
  return {
    transport,
    apiVersion: API_VERSION,
    async getInfo() {
      const info = unwrap(await request('info'));
      if (info.apiVersion !== API_VERSION) {
        throw new ApiError({ code: 'version-mismatch', message: `engine speaks API v${info.apiVersion}, this UI v${API_VERSION}` });
      }
      return info;
    },
    async getDetector() { return unwrap(await request('detector')); },
    async savePng(req) { return unwrap(await request('savePng', req)); },
    async saveText(req) { return unwrap(await request('saveText', req)); },
    async listDatasets() { return unwrap(await request('datasets')); },
    async getEvent(dataset, index) { return unwrap(await request('event', { dataset, index })); },
    async findEvent(dataset, run, burst, event) { return unwrap(await request('findEvent', { dataset, run, burst, event })); },
    async trackSummary(dataset) { return unwrap(await request('trackSummary', { dataset })); },
    async generate(req) { return unwrap(await request('generate', req)); },
    async cancel(taskId) { return unwrap(await request('cancel', { taskId })).cancelled; },
    async openDemo() { return unwrap(await request('openDemo')); },
    async closeDataset(dataset) { return unwrap(await request('closeDataset', { dataset })).closed; },
    openFileDialog() { return extras.openFileDialog(request); },
    loadCandidateList() { return extras.loadCandidateList(request); },
    openDroppedFile(file) { return extras.openDroppedFile(request, file); },
    async selectionCatalogue() { return unwrap(await request('selectionCatalogue')); },
    // columns from the engine; candidate objects only if something asks for them (candidate-columns.ts)
    async runSelection(req) { return withLazyCandidates(unwrap(await request('runSelection', req))); },
    async checkExpression(text) { return unwrap(await request('checkExpression', { text })).error; },
    async blinding(dataset, identify) { return unwrap(await request('blinding', { dataset, ...(identify ? { identify } : {}) })); },
    async setBlinding(req) { return unwrap(await request('setBlinding', req)); },
    async exportSelection(dataset, format) {
      const { name, text } = unwrap(await request('exportSelection', { dataset, format }));
      return unwrap(await request('saveText', { suggestedName: name, text }));
    },
    async saveSession(report) { unwrap(await request('saveSession', report)); },
    async loadSession() { return unwrap(await request('loadSession')); },
    async startupView() { return unwrap(await request('startupView')); },
    async copyText(text) { unwrap(await request('copyText', { text })); },
    async saveFile(req) { return unwrap(await request('saveFile', req)); },
    async chooseExportFolder() { return unwrap(await request('chooseExportFolder')); },
    async writeExportFile(folder, name, data) { return unwrap(await request('writeExportFile', { folder, name, data })); },
    async copyImage(data) { unwrap(await request('copyImage', { data })); },
    async proposeMapping(rootFile, tree) { return unwrap(await request('rootPropose', { rootFile, tree })); },
    async previewRoot(rootFile, mapping, count) { return unwrap(await request('rootPreview', { rootFile, mapping, count })); },
    async importRoot(req) { return unwrap(await request('rootImport', req)); },
    async closeRoot(rootFile) { return unwrap(await request('rootClose', { rootFile })).closed; },
    onProgress(listener: (p: TaskProgress) => void) {
      return extras.subscribeProgress?.((p) => { if (isProgress(p)) listener(p); }) ?? (() => {});
    },
    onMenuCommand(listener: (command: CommandId) => void) {
      return extras.subscribeMenu?.((cmd) => { if (isCommandId(cmd)) listener(cmd); }) ?? (() => {});
    },
  };
}
