/** Write a file so that a crash or a full disk never leaves a half-written file under the final name. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { trackTemp, untrackTemp } from './temp-files';

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  trackTemp(tmp);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw err;
  } finally {
    untrackTemp(tmp);
  }
}
