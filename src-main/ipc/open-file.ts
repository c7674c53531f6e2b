/**
 * Opening event files in the main process. The renderer never names a path it made up: either the
 * user chooses one in the native dialog here, or it is a file dropped on the window, which must be an
 * existing regular file with the event-file extension.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { UserFacingError } from '../../src-engine/dispatch';

export const EVENT_FILE_EXTENSIONS = ['arrow'];
/** ROOT files open in the import dialog (read here, in the main process) */
export const ROOT_FILE_EXTENSIONS = ['root'];
export const isRootPath = (p: string) => ROOT_FILE_EXTENSIONS.includes(path.extname(p).slice(1).toLowerCase());

export async function checkDroppedPath(p: string): Promise<string> {
  if (!path.isAbsolute(p)) throw new UserFacingError('bad-request', `not a dropped file: "${p}" is not an absolute path`);
  const clean = path.normalize(p);
  if (![...EVENT_FILE_EXTENSIONS, ...ROOT_FILE_EXTENSIONS].includes(path.extname(clean).slice(1).toLowerCase())) {
    throw new UserFacingError('bad-request', `${clean}: not an event file (expected .${EVENT_FILE_EXTENSIONS.join(', .')}, or .root to import)`);
  }
  const st = await fs.stat(clean).catch(() => undefined);
  if (!st) throw new UserFacingError('io', `${clean}: no such file`);
  if (!st.isFile()) throw new UserFacingError('bad-request', `${clean}: not a regular file`);
  return clean;
}
