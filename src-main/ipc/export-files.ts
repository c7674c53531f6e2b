/**
 * The main-process half of picture export: saving a file where the user chose, a batch written
 * into a folder the user chose (the renderer only ever holds a token for it, and names plain
 * files inside it), and a PNG onto the clipboard. Every write is atomic.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ExportFolder, ExportRequests } from '../../src-shared/api/export-contract';
import type { SaveResult } from '../../src-shared/api/contract';
import { UserFacingError } from '../../src-engine/dispatch';
import { saveBytes, type SaveFileDeps } from './save-file';

export interface ExportFileDeps extends SaveFileDeps {
  /** native folder dialog; the chosen folder or undefined when cancelled */
  chooseFolder(defaultPath: string): Promise<string | undefined>;
  /** the PNG onto the system clipboard; false if the bytes do not decode as an image */
  writeImageToClipboard(png: Uint8Array): Promise<boolean>;
}

type Req<K extends keyof ExportRequests> = ExportRequests[K]['req'];

export function createExportHandlers(deps: ExportFileDeps) {
  const folders = new Map<string, string>();
  return {
    saveFile: (req: Req<'saveFile'>): Promise<SaveResult> => saveBytes(deps, req.suggestedName, req.data),
    chooseExportFolder: async (): Promise<ExportFolder | null> => {
      const dir = await deps.chooseFolder(deps.defaultDir());
      if (!dir) return null;
      const folder = `folder-${randomBytes(8).toString('hex')}`;
      folders.set(folder, path.resolve(dir));
      return { folder, path: path.resolve(dir) };
    },
    writeExportFile: async (req: Req<'writeExportFile'>): Promise<{ path: string; bytes: number }> => {
      const dir = folders.get(req.folder);
      if (!dir) throw new UserFacingError('bad-request', 'this export folder was not chosen in the dialog (or the app restarted): choose it again');
      const target = path.join(dir, path.basename(req.name));
      if (path.dirname(target) !== dir) throw new UserFacingError('bad-request', `${req.name}: not a plain file name`);
      try {
        await deps.writeFile(target, req.data);
      } catch (err) {
        throw new UserFacingError('io', `could not write ${target}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { path: target, bytes: req.data.byteLength };
    },
    copyImage: async (req: Req<'copyImage'>): Promise<{ copied: true }> => {
      if (!(await deps.writeImageToClipboard(req.data))) throw new UserFacingError('bad-request', 'the picture could not be decoded as a PNG for the clipboard');
      return { copied: true };
    },
  };
}
