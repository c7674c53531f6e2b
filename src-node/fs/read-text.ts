/** Read a small text file the user chose (candidate lists), refusing what is too large to be one. */
import { promises as fs } from 'node:fs';
import { UserFacingError } from '../../src-engine/dispatch';

export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new UserFacingError('io', `${file}: not a regular file`);
    if (st.size > maxBytes) throw new UserFacingError('io', `${file}: larger than ${Math.round(maxBytes / 2 ** 20)} MB`);
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof UserFacingError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserFacingError('io', `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(err)})`}`);
  }
}
