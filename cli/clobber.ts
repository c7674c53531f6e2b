/**
 * Outputs that would overwrite an input, or each other: refused before any work, since writing
 * them replaces the user's file (`na62 select --out dump.arrow dump.arrow` replaced the event file
 * by the result). Paths are compared resolved, through symbolic links where the file exists.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

const canonical = (p: string): string => {
  const abs = path.resolve(p);
  try { return realpathSync(abs); } catch { return abs; }
};

/** The message for the first clash, or undefined. `outputs`/`inputs`: [option or role, path]. */
export function clobberProblem(outputs: readonly (readonly [string, string | undefined])[], inputs: readonly (readonly [string, string])[]): string | undefined {
  const seen = new Map<string, string>();
  for (const [role, p] of inputs) seen.set(canonical(p), role);
  for (const [role, p] of outputs) {
    if (p === undefined) continue;
    const key = canonical(p), other = seen.get(key);
    if (other) return `${role} ${p} would overwrite ${other === role ? 'itself' : other}: choose another name`;
    seen.set(key, role);
  }
  return undefined;
}
