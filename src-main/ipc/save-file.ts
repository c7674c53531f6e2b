/**
 * The main-process half of saving what the renderer made (pictures, candidate lists): the user picks
 * the path in a native dialog; the renderer only supplies the content and a file name.
 */
import path from 'node:path';
import type { SavePngRequest, SaveResult, SaveTextRequest } from '../../src-shared/api/contract';
import { UserFacingError } from '../../src-engine/dispatch';

export interface SaveFileDeps {
  /** native save dialog for a file of this extension; resolves to the chosen path or undefined when cancelled */
  chooseSavePath(defaultPath: string, extension: string): Promise<string | undefined>;
  writeFile(target: string, data: Uint8Array): Promise<void>;
  defaultDir(): string;
}

export async function saveBytes(deps: SaveFileDeps, suggestedName: string, data: Uint8Array): Promise<SaveResult> {
  // The suggested name has been validated as a bare file name; basename() is a second guard.
  const name = path.basename(suggestedName);
  const ext = path.extname(name).slice(1).toLowerCase();
  const chosen = await deps.chooseSavePath(path.join(deps.defaultDir(), name), ext);
  if (!chosen) return { saved: false, reason: 'cancelled' };
  const target = path.extname(chosen).toLowerCase() === `.${ext}` ? chosen : `${chosen}.${ext}`;
  try {
    await deps.writeFile(target, data);
  } catch (err) {
    throw new UserFacingError('io', `could not write ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { saved: true, path: target, bytes: data.byteLength };
}

export const createSavePngHandler = (deps: SaveFileDeps) => (req: SavePngRequest): Promise<SaveResult> => saveBytes(deps, req.suggestedName, req.data);
export const createSaveTextHandler = (deps: SaveFileDeps) => (req: SaveTextRequest): Promise<SaveResult> =>
  saveBytes(deps, req.suggestedName, new TextEncoder().encode(req.text));
