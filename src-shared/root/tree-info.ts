/** What the UI and the CLI are told about a ROOT file's trees (no JSROOT objects cross the boundary). */

export interface BranchInfo {
  readonly name: string;
  /** C++ type of the values: float, double, int, vector<float>, … */
  readonly type: string;
  /** scalar, fixed-size array `X[3]`, counted array `X[N]`, `std::vector`, or something the mapping cannot use */
  readonly shape: 'scalar' | 'fixed' | 'counted' | 'vector' | 'other';
  readonly length?: number;
  /** the counter branch of a counted array */
  readonly counter?: string;
  /** numbers the mapping can use (strings and objects cannot) */
  readonly usable: boolean;
}

export interface TreeInfo {
  /** path in the file (`events`, `dir/tree`) */
  readonly name: string;
  readonly entries: number;
  readonly branches: readonly BranchInfo[];
}

/** A layout signature: the same tree name and branches (name, type, shape) give the same key, so a saved mapping is offered again. */
export function layoutKey(tree: TreeInfo): string {
  const parts = tree.branches.map((b) => `${b.name}:${b.type}:${b.shape}${b.length ?? ''}${b.counter ? `[${b.counter}]` : ''}`).sort();
  let h = 0x811c9dc5;
  for (const c of `${tree.name}|${parts.join(',')}`) { h ^= c.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return `${tree.name}#${parts.length}#${h.toString(16).padStart(8, '0')}`;
}

/** One line per branch, as the CLI's --list prints it. */
export function branchLabel(b: BranchInfo): string {
  const shape = b.shape === 'fixed' ? `[${b.length}]` : b.shape === 'counted' ? `[${b.counter}]` : '';
  return `${b.name}${shape}  ${b.type}${b.usable ? '' : '  (not usable: not numbers)'}`;
}
