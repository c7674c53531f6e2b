// Minimal types for the parts of JSROOT's I/O the importer uses (jsroot ships types for its main entry only).
declare module 'jsroot/io' {
  export class FileProxy {
    openFile(): Promise<boolean>;
    getFileName(): string;
    getFileSize(): number;
    readBuffer(pos: number, size: number): Promise<DataView | null>;
    closeFile(): void;
  }
  export function openFile(arg: FileProxy | ArrayBuffer | string): Promise<unknown>;
}
declare module 'jsroot/tree' {
  export class TSelector {
    tgtobj: Record<string, unknown>;
    addBranch(branch: string | object, name?: string, direct?: boolean): number;
    Abort(): void;
    Begin(tree: unknown): void;
    Process(entry: number): void;
    Terminate(res: boolean): void;
  }
  export function treeProcess(tree: unknown, selector: TSelector, args?: { firstentry?: number; numentries?: number }): Promise<unknown>;
}
