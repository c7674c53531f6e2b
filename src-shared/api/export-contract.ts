/**
 * The picture-export part of the API: saving exported files (PNG, SVG, glTF, zip), writing a batch
 * into a folder the user chose, and copying a picture to the clipboard. Types and schemas; the
 * channel names are in channels.ts, the request map in contract.ts.
 */
import { z } from 'zod';
import type { SaveResult } from './contract';

export const EXPORT_EXTENSIONS = ['png', 'svg', 'glb', 'zip', 'webm', 'mp4'] as const;
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

export interface SaveFileRequest {
  /** a plain file name ending in .png, .svg, .glb, .zip, .webm or .mp4 (never a path) */
  readonly suggestedName: string;
  readonly data: Uint8Array;
}

/** A folder the user chose in the main process's dialog, known to the renderer only by this token. */
export interface ExportFolder { readonly folder: string; readonly path: string }

export interface ExportRequests {
  saveFile: { req: SaveFileRequest; res: SaveResult };
  /** Electron: ask for a folder for a batch export; null if cancelled (the browser build zips instead) */
  chooseExportFolder: { req: void; res: ExportFolder | null };
  /** Electron: write one file of a batch into the chosen folder (atomically) */
  writeExportFile: { req: { folder: string; name: string; data: Uint8Array }; res: { path: string; bytes: number } };
  /** Electron: a PNG onto the system clipboard */
  copyImage: { req: { data: Uint8Array }; res: { copied: true } };
}

/** What the renderer can call, whatever the transport. */
export interface ExportApi {
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  chooseExportFolder(): Promise<ExportFolder | null>;
  writeExportFile(folder: string, name: string, data: Uint8Array): Promise<{ path: string; bytes: number }>;
  copyImage(png: Uint8Array): Promise<void>;
}

/** 8K RGBA uncompressed is 133 MB; nothing we export is larger than this. */
export const MAX_EXPORT_BYTES = 400 * 1024 * 1024;

const MAGIC: Record<ExportExtension, (d: Uint8Array) => boolean> = {
  png: (d) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => d[i] === b),
  glb: (d) => d[0] === 0x67 && d[1] === 0x6c && d[2] === 0x54 && d[3] === 0x46, // "glTF"
  zip: (d) => d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04,
  // WebM: the EBML header; MP4: an ISO BMFF 'ftyp' box first (event movies)
  webm: (d) => d[0] === 0x1a && d[1] === 0x45 && d[2] === 0xdf && d[3] === 0xa3,
  mp4: (d) => d[4] === 0x66 && d[5] === 0x74 && d[6] === 0x79 && d[7] === 0x70,
  svg: (d) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(new TextDecoder().decode(d.subarray(0, 200))),
};

export const ExportFileName = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.(png|svg|glb|zip|webm|mp4)$/i, 'must be a plain file name ending in .png, .svg, .glb, .zip, .webm or .mp4')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20) && !s.startsWith('.'), 'must not contain control characters or start with a dot');

const extOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase() as ExportExtension;

const fileWithContent = <T extends { data: Uint8Array }>(nameKey: 'suggestedName' | 'name') => (v: T & Record<string, unknown>, ctx: z.RefinementCtx) => {
  const name = v[nameKey] as string;
  const ext = extOf(name);
  if (MAGIC[ext] && !MAGIC[ext](v.data)) ctx.addIssue({ code: 'custom', path: ['data'], message: `data is not a .${ext} file (bad signature)` });
};

const Bytes = z.instanceof(Uint8Array).refine((d) => d.byteLength > 8 && d.byteLength <= MAX_EXPORT_BYTES, 'file data size out of range');
export const FolderToken = z.string().regex(/^folder-[0-9a-f]{16}$/, 'not an export folder chosen in the dialog');

export const EXPORT_SCHEMAS = {
  saveFile: z.object({ suggestedName: ExportFileName, data: Bytes }).strict().superRefine(fileWithContent('suggestedName')),
  chooseExportFolder: z.undefined().or(z.null()).transform(() => undefined),
  writeExportFile: z.object({ folder: FolderToken, name: ExportFileName, data: Bytes }).strict().superRefine(fileWithContent('name')),
  copyImage: z.object({ data: Bytes.refine(MAGIC.png, 'data is not a PNG (bad signature)') }).strict(),
};
