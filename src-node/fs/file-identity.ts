/**
 * The dataset identity of a file on disk (`sha256:<hex>` of its bytes, as contentIdentity in the
 * engine and `sha256sum` define it), computed with Node's native SHA-256: the CLI hashes every
 * input before a selection, and the native hash is several times faster than the portable one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function fileIdentity(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 22 })
      .on('data', (chunk) => h.update(chunk))
      .on('error', (err: NodeJS.ErrnoException) => reject(new Error(`${file}: cannot be read to compute its identity (${err.code ?? err.message})`)))
      .on('end', () => resolve(`sha256:${h.digest('hex')}`));
  });
}
