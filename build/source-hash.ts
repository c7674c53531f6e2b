/**
 * A short hash of source files (a folder: every file under it, in name order), each with its path
 * relative to the repository: what the build plugins key their caches and file names on, so that
 * what they make is made again exactly when the code that makes it changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** paths relative to the repository root: files or folders */
export function sourceHash(paths: readonly string[]): string {
  const h = createHash('sha256');
  const add = (p: string) => {
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) add(path.join(p, e));
    else { h.update(path.relative(ROOT, p)); h.update(readFileSync(p)); }
  };
  for (const p of paths) add(path.join(ROOT, p));
  return h.digest('hex').slice(0, 16);
}
