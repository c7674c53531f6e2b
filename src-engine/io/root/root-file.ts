/**
 * Opening a ROOT file and describing its trees: names, entry counts and branches with their type
 * and shape (scalar, fixed array, counted array, std::vector), which is what the mapping, its
 * proposal and the import dialog work from. Every failure names the file.
 */
import type { RandomAccessSource } from '../source';
import type { BranchInfo, TreeInfo } from '../../../src-shared/root/tree-info';
import { fileProxy, isRootFile, loadJsroot, RootFileError, type Jsroot } from './jsroot-port';

/** JSROOT's objects as far as the importer reads them. */
interface JsLeaf { _typename: string; fName: string; fLen: number; fIsUnsigned?: boolean; fLeafCount?: { fName: string } | null }
interface JsBranch { _typename: string; fName: string; fClassName?: string; fLeaves?: { arr: JsLeaf[] }; fBranches?: { arr: JsBranch[] } }
export interface JsTree { _typename: string; fName: string; fEntries: number; fBranches: { arr: JsBranch[] } }
interface JsKey { fName: string; fClassName: string; fCycle: number }
interface JsFile { fKeys: JsKey[]; readObject(name: string): Promise<unknown>; readDirectory?(name: string): Promise<{ fKeys: JsKey[] } | null> }

const LEAF_TYPES: Record<string, [string, string]> = {
  TLeafF: ['float', 'float'], TLeafD: ['double', 'double'], TLeafF16: ['Float16_t', 'Float16_t'], TLeafD32: ['Double32_t', 'Double32_t'],
  TLeafI: ['int', 'unsigned int'], TLeafS: ['short', 'unsigned short'], TLeafB: ['char', 'unsigned char'],
  TLeafL: ['Long64_t', 'ULong64_t'], TLeafG: ['long', 'unsigned long'], TLeafO: ['bool', 'bool'], TLeafC: ['string', 'string'],
};
const TREE_CLASSES = new Set(['TTree', 'TNtuple', 'TNtupleD']);
const DIR_CLASSES = new Set(['TDirectory', 'TDirectoryFile']);
const VECTOR = /^vector<\s*(bool|char|unsigned char|short|unsigned short|int|unsigned int|long|unsigned long|long long|Long64_t|ULong64_t|float|double|Float16_t|Double32_t)\s*>$/;
/** Trees listed per file, and nesting of directories searched: enough for analysis outputs, bounded for damaged files. */
const MAX_TREES = 64, MAX_DEPTH = 3;

function describeBranch(b: JsBranch | null | undefined, out: BranchInfo[]): void {
  if (!b || typeof b.fName !== 'string') throw new Error('a branch entry is missing or damaged');
  const subs = (b.fBranches?.arr ?? []).filter((x) => x !== null);
  if (subs.length > 0) {
    for (const s of subs) describeBranch(s, out);
    return;
  }
  const cls = b.fClassName ?? '';
  const vec = VECTOR.exec(cls);
  if (b._typename === 'TBranchElement' && vec) {
    out.push({ name: b.fName, type: cls, shape: 'vector', usable: true });
    return;
  }
  const leaves = b.fLeaves?.arr ?? [];
  const leaf = leaves[0];
  const t = leaf ? LEAF_TYPES[leaf._typename] : undefined;
  if (leaves.length !== 1 || !leaf || !t) {
    out.push({ name: b.fName, type: cls || leaf?._typename || b._typename, shape: 'other', usable: false });
    return;
  }
  const type = leaf.fIsUnsigned ? t[1] : t[0];
  if (type === 'string') { out.push({ name: b.fName, type, shape: 'scalar', usable: false }); return; }
  if (leaf.fLeafCount) out.push({ name: b.fName, type, shape: 'counted', counter: leaf.fLeafCount.fName, usable: true });
  else if (leaf.fLen > 1) out.push({ name: b.fName, type, shape: 'fixed', length: leaf.fLen, usable: true });
  else out.push({ name: b.fName, type, shape: 'scalar', usable: true });
}

/** The branches of a tree, leaf-level (split objects flattened to their sub-branches). */
export function describeTree(path: string, tree: JsTree): TreeInfo {
  const branches: BranchInfo[] = [];
  for (const b of tree.fBranches?.arr ?? []) describeBranch(b, branches);
  return { name: path, entries: Number(tree.fEntries), branches };
}

/** An open ROOT file: its trees, and each tree's JSROOT object for reading. */
export interface RootFile {
  readonly name: string;
  readonly source: RandomAccessSource;
  readonly jsroot: Jsroot;
  readonly trees: readonly TreeInfo[];
  /** the last read JSROOT was refused (truncation, a failed checksum), for messages */
  lastReadProblem(): string | undefined;
  /** JSROOT's tree object (read once and kept) */
  tree(name: string): Promise<JsTree>;
  close(): Promise<void>;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

export async function openRootFile(source: RandomAccessSource): Promise<RootFile> {
  const name = source.name.split(/[\\/]/).pop() ?? source.name;
  const fail = (problem: string): never => { throw new RootFileError(name, problem); };
  if (source.size === 0) fail('the file is empty');
  if (!(await isRootFile(source))) fail('not a ROOT file (no "root" signature at the start)');
  // the header says where the file ends (fEND): a shorter file lost its end (keys list, streamer infos)
  if (source.size < 20) fail(`only ${source.size} bytes: truncated`);
  const hd = await source.read(0, 20);
  const dv = new DataView(hd.buffer, hd.byteOffset, hd.byteLength);
  const version = dv.getInt32(4);
  const end = version >= 1_000_000 ? Number(dv.getBigInt64(12)) : dv.getInt32(12);
  if (end > source.size) fail(`the file is truncated: its header says ${end} bytes, there are ${source.size}`);
  const jsroot = await loadJsroot();
  let file: JsFile;
  const problems: { last?: string } = {};
  try {
    file = (await jsroot.io.openFile(fileProxy(jsroot, source, problems))) as JsFile;
  } catch (err) {
    return fail(`the ROOT file cannot be opened: ${message(err)}`);
  }
  if (!file || !Array.isArray(file.fKeys)) fail('the ROOT file cannot be opened: no list of keys (truncated or corrupt)');

  const objects = new Map<string, JsTree>();
  const trees: TreeInfo[] = [];
  const visit = async (keys: readonly JsKey[], prefix: string, depth: number): Promise<void> => {
    // the highest cycle of each name is the one ROOT itself reads
    const latest = new Map<string, JsKey>();
    for (const k of keys) if (typeof k?.fName === 'string' && (!latest.has(k.fName) || latest.get(k.fName)!.fCycle < k.fCycle)) latest.set(k.fName, k);
    for (const k of latest.values()) {
      if (trees.length >= MAX_TREES) return;
      const full = prefix + k.fName;
      if (TREE_CLASSES.has(k.fClassName)) {
        let obj: JsTree;
        try {
          obj = (await file.readObject(full)) as JsTree;
        } catch (err) {
          return fail(`tree "${full}" cannot be read: ${message(err)}`);
        }
        if (!obj || !obj.fBranches || !Number.isFinite(Number(obj.fEntries)) || Number(obj.fEntries) < 0) fail(`tree "${full}" is corrupt (no branches or entry count)`);
        objects.set(full, obj);
        try {
          trees.push(describeTree(full, obj));
        } catch (err) {
          return fail(`tree "${full}" is corrupt: its branch list cannot be read (${message(err)})`);
        }
      } else if (DIR_CLASSES.has(k.fClassName) && depth < MAX_DEPTH && file.readDirectory) {
        let dir: { fKeys: JsKey[] } | null;
        try { dir = await file.readDirectory(full); } catch (err) { return fail(`directory "${full}" cannot be read: ${message(err)}`); }
        if (dir?.fKeys) await visit(dir.fKeys, `${full}/`, depth + 1);
      }
    }
  };
  await visit(file.fKeys, '', 0);
  return {
    name,
    source,
    jsroot,
    trees,
    lastReadProblem: () => problems.last,
    async tree(treeName) {
      const t = objects.get(treeName);
      if (!t) return fail(`no tree "${treeName}" (the file has ${trees.length ? trees.map((x) => `"${x.name}"`).join(', ') : 'no trees'})`);
      return t;
    },
    async close() { await source.close(); },
  };
}
