/** The main-process half of "save picture": the user picks the path in a native dialog; the renderer only supplies bytes and a name. */
import path from 'node:path';
import type { SavePngRequest, SaveResult } from '../../src-shared/api/contract';
import { UserFacingError } from '../../src-engine/dispatch';

export interface SavePngDeps {
  /** native save dialog; resolves to the chosen path or undefined when cancelled */
  chooseSavePath(defaultPath: string): Promise<string | undefined>;
  writeFile(target: string, data: Uint8Array): Promise<void>;
  defaultDir(): string;
}

export function createSavePngHandler(deps: SavePngDeps) {
  return async (req: SavePngRequest): Promise<SaveResult> => {
    // The suggested name has been validated as a bare file name; basename() is a second guard.
    const chosen = await deps.chooseSavePath(path.join(deps.defaultDir(), path.basename(req.suggestedName)));
    if (!chosen) return { saved: false, reason: 'cancelled' };
    const target = /\.png$/i.test(chosen) ? chosen : `${chosen}.png`;
    try {
      await deps.writeFile(target, req.data);
    } catch (err) {
      throw new UserFacingError('io', `could not write ${target}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { saved: true, path: target, bytes: req.data.byteLength };
  };
}
