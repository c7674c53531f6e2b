/**
 * The engine's port to JSROOT (the ROOT project's JavaScript I/O): loaded on first use only, so
 * the app pays for it only when a ROOT file is opened. Works on any RandomAccessSource (a Node
 * file in Electron's main process and the CLI, a browser File in the worker) through JSROOT's
 * FileProxy: only the byte ranges JSROOT asks for are read.
 */
import type { RandomAccessSource } from '../source';
import { EventFileError } from '../event-file';
import { checkKeyBlocks } from './block-check';
import type * as JsrootIo from 'jsroot/io';
import type * as JsrootTree from 'jsroot/tree';

/** A ROOT file that cannot be read or imported, with a message naming the file (tree, branch) and the problem. */
export class RootFileError extends EventFileError {
  constructor(file: string, problem: string) {
    super(file, problem);
    this.name = 'RootFileError';
  }
}

type IoModule = typeof JsrootIo;
type TreeModule = typeof JsrootTree;
export interface Jsroot { readonly io: IoModule; readonly tree: TreeModule }

let loading: Promise<Jsroot> | undefined;
/** JSROOT's reading modules, imported once on first use (never at start-up). */
export function loadJsroot(): Promise<Jsroot> {
  loading ??= Promise.all([import('jsroot/io'), import('jsroot/tree')]).then(([io, tree]) => ({ io, tree }));
  return loading;
}

/** ROOT files start with "root" (TFile header). */
export async function isRootFile(source: RandomAccessSource): Promise<boolean> {
  if (source.size < 4) return false;
  const b = await source.read(0, 4);
  return b[0] === 0x72 && b[1] === 0x6f && b[2] === 0x6f && b[3] === 0x74;
}

/** A source as JSROOT's FileProxy; reads past the end fail (a truncated file), never return short data. */
export function fileProxy(jsroot: Jsroot, source: RandomAccessSource, problems: { last?: string } = {}): InstanceType<IoModule['FileProxy']> {
  // JSROOT turns some failed reads into fewer entries rather than an error: the reason is kept for the message
  const refuse = (problem: string): never => { problems.last = problem; throw new Error(problem); };
  class SourceProxy extends jsroot.io.FileProxy {
    override async openFile() { return true; }
    override getFileName() { return source.name.split(/[\\/]/).pop() ?? source.name; }
    override getFileSize() { return source.size; }
    override async readBuffer(pos: number, size: number) {
      if (!Number.isFinite(pos) || !Number.isFinite(size) || pos < 0 || size < 0 || pos + size > source.size) {
        refuse(`a read of ${size} bytes at byte ${pos} lies beyond the end of the file (${source.size} bytes): truncated or corrupt`);
      }
      const b = await source.read(pos, size);
      if (b.byteLength !== size) refuse(`short read at byte ${pos} (${b.byteLength} of ${size} bytes)`);
      const problem = checkKeyBlocks(b, pos);
      if (problem) refuse(`${problem}: the file is corrupt`);
      return new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    override closeFile() {}
  }
  return new SourceProxy();
}
