/**
 * The ROOT-import part of the API: a ROOT file the user opened (Electron: read by the main process
 * from its dialog or a drop; browser: a File) is known to the UI by a handle; the UI asks for a
 * proposed mapping per tree, a preview of the first events, and the import with progress.
 * Types and schemas; channel names are in channels.ts, the request map in contract.ts.
 */
import { z } from 'zod';
import type { DatasetInfo } from './contract';
import type { Na62Event } from '../event/model';
import type { TreeInfo } from '../root/tree-info';
import { MappingSchema, type RootMapping, type RootMappingInput } from '../root/mapping';

/** An open ROOT file: its trees with their branches and entry counts. */
export interface RootFileInfo {
  /** engine-assigned handle, valid until rootClose or the import */
  readonly rootFile: string;
  /** file name (no folders) */
  readonly name: string;
  readonly size: number;
  readonly trees: readonly TreeInfo[];
}

/** What opening a file gives: an event file opens as a dataset, a ROOT file goes to the import dialog. */
export type OpenedFile = DatasetInfo | RootFileInfo;
export const isRootFileInfo = (x: OpenedFile | null | undefined): x is RootFileInfo => !!x && typeof (x as RootFileInfo).rootFile === 'string';

/** A proposed mapping: everything but data-or-simulation, which the user must say. */
export interface MappingProposal {
  readonly mapping: Omit<RootMappingInput, 'kind'> & { kind?: 'data' | 'simulation' };
  /** what the user should check */
  readonly notes: readonly string[];
}

export interface RootPreview {
  readonly events: readonly Na62Event[];
  /** entries in the tree */
  readonly entries: number;
  /** what the tree does not give (keys of ABSENT_NOTES) */
  readonly absent: readonly string[];
  /** events of the first ones held back because a blind analysis masks them (data files) */
  readonly hidden?: number;
}

export const MAX_PREVIEW_EVENTS = 20;

export interface RootRequests {
  /** browser build: a .root File the user picked or dropped */
  rootOpenBlob: { req: { file: Blob; name: string }; res: RootFileInfo };
  rootPropose: { req: { rootFile: string; tree: string }; res: MappingProposal };
  rootPreview: { req: { rootFile: string; mapping: RootMapping; count: number }; res: RootPreview };
  /** convert the tree to an event file (progress under taskId, cancellable) and open it */
  rootImport: { req: { taskId: string; rootFile: string; mapping: RootMapping; name?: string }; res: DatasetInfo };
  rootClose: { req: { rootFile: string }; res: { closed: boolean } };
}

export interface RootApi {
  proposeMapping(rootFile: string, tree: string): Promise<MappingProposal>;
  previewRoot(rootFile: string, mapping: RootMapping, count: number): Promise<RootPreview>;
  importRoot(req: RootRequests['rootImport']['req']): Promise<DatasetInfo>;
  closeRoot(rootFile: string): Promise<boolean>;
}

const RootHandle = z.string().regex(/^rf\d{1,9}$/, 'not a ROOT file handle');
const TaskId = z.string().regex(/^[\w-]{1,64}$/, 'not a task id');
const FileName = z.string().min(1).max(255).refine((s) => !/[\\/]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20), 'must be a plain file name');
const TreeName = z.string().min(1).max(300);

export const ROOT_SCHEMAS = {
  rootOpenBlob: z.object({ file: z.instanceof(Blob), name: FileName }).strict(),
  rootPropose: z.object({ rootFile: RootHandle, tree: TreeName }).strict(),
  rootPreview: z.object({ rootFile: RootHandle, mapping: MappingSchema, count: z.number().int().min(1).max(MAX_PREVIEW_EVENTS) }).strict(),
  rootImport: z.object({ taskId: TaskId, rootFile: RootHandle, mapping: MappingSchema, name: FileName.optional() }).strict(),
  rootClose: z.object({ rootFile: RootHandle }).strict(),
};
