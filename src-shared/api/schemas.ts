/**
 * Runtime schemas of every request that crosses a process or worker boundary.
 * Handlers parse with these before doing anything: the renderer is not trusted.
 */
import { z } from 'zod';
import type { ApiRequests } from './contract';
import { GeneratorConfigSchema } from '../event/generator-config';
import { PRESET_IDS, SelectionConfigSchema } from '../selection/types';
import { BLIND_STAGES } from '../selection/blinding';
import { SessionReportSchema } from '../session/session-state';
import { EXPORT_SCHEMAS, type ExportRequests } from './export-contract';
import { ROOT_SCHEMAS, type RootRequests } from './root-contract';

// No `new Function` probing under a strict CSP (zod's JIT is optional).
z.config({ jitless: true });

/** A bare file name: no directory parts, no control characters, ends in .png. */
export const PngFileName = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.png$/i, 'must be a plain file name ending in .png')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'must not contain control characters');

/** 8K RGBA uncompressed is 133 MB; a PNG is smaller. Anything larger is not a picture we made. */
export const MAX_PNG_BYTES = 160 * 1024 * 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const SavePngRequestSchema = z.object({
  suggestedName: PngFileName,
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength > PNG_MAGIC.length && d.byteLength <= MAX_PNG_BYTES, 'PNG data size out of range')
    .refine((d) => PNG_MAGIC.every((b, i) => d[i] === b), 'data is not a PNG (bad signature)'),
}).strict();

export const EmptyRequest = z.undefined().or(z.null()).transform(() => undefined);

const DatasetId = z.string().regex(/^ds\d{1,9}$/, 'not a dataset handle');
const TaskId = z.string().regex(/^[\w-]{1,64}$/, 'not a task id');
/** a file name for display: no folders */
const FileName = z.string().min(1).max(255).refine((s) => !/[\\/]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20), 'must be a plain file name');

export const REQUEST_SCHEMAS: { [K in keyof ApiRequests]: z.ZodType<ApiRequests[K]['req'], unknown> } = {
  info: EmptyRequest,
  detector: EmptyRequest,
  savePng: SavePngRequestSchema,
  datasets: EmptyRequest,
  event: z.object({ dataset: DatasetId, index: z.number().int().nonnegative().max(2 ** 40) }).strict(),
  findEvent: z.object({ dataset: DatasetId, run: z.number().int(), burst: z.number().int(), event: z.number().int() }).strict(),
  trackSummary: z.object({ dataset: DatasetId }).strict(),
  generate: z.object({ taskId: TaskId, config: GeneratorConfigSchema, name: FileName.optional(), mockData: z.boolean().optional() }).strict() as unknown as z.ZodType<ApiRequests['generate']['req'], unknown>,
  cancel: z.object({ taskId: TaskId }).strict(),
  openDemo: EmptyRequest,
  closeDataset: z.object({ dataset: DatasetId }).strict(),
  openDialog: EmptyRequest,
  openDropped: z.object({ path: z.string().min(1).max(4096) }).strict(),
  openBlob: z.object({ file: z.instanceof(Blob), name: FileName }).strict(),
  selectionCatalogue: EmptyRequest,
  runSelection: z.object({ taskId: TaskId, dataset: DatasetId, selection: SelectionConfigSchema }).strict() as unknown as z.ZodType<ApiRequests['runSelection']['req'], unknown>,
  checkExpression: z.object({ text: z.string().max(2000) }).strict(),
  blinding: z.object({ dataset: DatasetId, identify: z.boolean().optional() }).strict(),
  setBlinding: z.object({ dataset: DatasetId, preset: z.enum(PRESET_IDS), stage: z.enum(BLIND_STAGES), confirm: z.string().max(120).optional() }).strict(),
  exportSelection: z.object({ dataset: DatasetId, format: z.enum(['csv', 'json']) }).strict(),
  saveText: z.object({
    suggestedName: z.string().min(1).max(200).regex(/^[^\\/:*?"<>|]+\.(csv|json|txt|svg|na62view|na62layout)$/i, 'must be a plain .csv, .json, .txt, .svg, .na62view or .na62layout file name'),
    text: z.string().max(200 * 1024 * 1024),
  }).strict(),
  loadCandidatesDialog: EmptyRequest,
  loadCandidatesBlob: z.object({ file: z.instanceof(Blob).refine((b) => b.size <= 500 * 1024 * 1024, 'file larger than 500 MB'), name: FileName }).strict(),
  saveSession: SessionReportSchema,
  loadSession: EmptyRequest,
  startupView: EmptyRequest,
  copyText: z.object({ text: z.string().min(1).max(64 * 1024) }).strict(),
  ...(EXPORT_SCHEMAS as unknown as { [K in keyof ExportRequests]: z.ZodType<ApiRequests[K]['req'], unknown> }),
  ...(ROOT_SCHEMAS as unknown as { [K in keyof RootRequests]: z.ZodType<ApiRequests[K]['req'], unknown> }),
};

/** Human-readable one-liner of a schema failure (path: message; ...). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
}
