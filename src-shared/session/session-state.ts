/**
 * Where the user was: the dataset, the event, the selection they set up and the view. Saved on every
 * change (atomically, by the main process in Electron; in localStorage in the browser build) and
 * restored at start, so a restart or a renderer crash brings the user back to the same event.
 * The renderer never names a file path here: in Electron the main process adds the path of a
 * dataset it opened itself (dialog, drop, command line), and only that path is ever reopened.
 */
import { z } from 'zod';
import { parseJsonFile } from '../io/json-file';
import { PRESET_IDS } from '../selection/types';
import { SessionWorkspaceSchema } from '../workspace/layout-file';

export const SESSION_FORMAT = 'na62-session';
export const SESSION_VERSION = 1;

const Name = z.string().min(1).max(255);
const Finite = z.number().finite();

export const SessionSelectionSchema = z.object({
  preset: z.enum(PRESET_IDS),
  params: z.record(z.string().max(40), z.union([Finite, z.string().max(40)])).refine((r) => Object.keys(r).length <= 50, 'too many parameters'),
  disabled: z.array(z.string().max(40)).max(50),
  /** the expressions box as typed (one cut a line) */
  expressions: z.string().max(20 * 2001),
  sort: z.object({ key: z.string().max(60), dir: z.union([z.literal(1), z.literal(-1)]) }).strict().optional(),
  walkCandidates: z.boolean(),
  /** variables kept with the candidates for plots on demand */
  keep: z.array(z.string().max(40)).max(40).optional(),
  /** the selection had been run on the dataset: run it again on restore */
  ran: z.boolean(),
}).strict();

export const SessionViewSchema = z.object({
  mode: z.enum(['3d', 'side', 'top', 'beam']),
  compression: Finite.min(1).max(1000),
  shown: z.record(z.string().max(60), z.boolean()).refine((r) => Object.keys(r).length <= 500, 'too many element toggles'),
  labels: z.boolean(),
  theme: z.enum(['dark', 'light']),
  beamStation: z.string().max(60),
  /** the camera as the user left it (display coordinates) */
  camera: z.object({
    mode: z.enum(['3d', 'side', 'top', 'beam']),
    position: z.tuple([Finite, Finite, Finite]),
    target: z.tuple([Finite, Finite, Finite]),
    up: z.tuple([Finite, Finite, Finite]),
    zoom: Finite.positive(),
  }).strict().optional(),
}).strict();

/** What the renderer reports: the dataset by its handle and name (never by path). */
export const SessionReportSchema = z.object({
  dataset: z.object({ id: z.string().regex(/^ds\d{1,9}$/), name: Name }).strict().optional(),
  index: z.number().int().nonnegative().max(2 ** 40),
  selection: SessionSelectionSchema.optional(),
  view: SessionViewSchema.optional(),
  /** the panels on screen, each view's pose, and the user's saved layouts (issue 17; older sessions have none) */
  workspace: SessionWorkspaceSchema.optional(),
}).strict();
export type SessionReport = z.output<typeof SessionReportSchema>;

/** What is stored: the report, with the file's path where the host itself opened it. */
export const StoredSessionSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  savedAt: z.string().max(40),
  dataset: z.object({ name: Name, path: z.string().min(1).max(4096).optional() }).strict().optional(),
  index: z.number().int().nonnegative().max(2 ** 40),
  selection: SessionSelectionSchema.optional(),
  view: SessionViewSchema.optional(),
  workspace: SessionWorkspaceSchema.optional(),
}).strict();
export type StoredSession = z.output<typeof StoredSessionSchema>;

/** A stored session from a report; `path` only ever comes from the host. */
export function storedSession(report: SessionReport, path: string | undefined, now: Date): StoredSession {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: now.toISOString(),
    ...(report.dataset ? { dataset: { name: report.dataset.name, ...(path ? { path } : {}) } } : {}),
    index: report.index,
    ...(report.selection ? { selection: report.selection } : {}),
    ...(report.view ? { view: report.view } : {}),
    ...(report.workspace ? { workspace: report.workspace } : {}),
  };
}

export const MAX_SESSION_BYTES = 1024 * 1024;

/** Parse a saved session; a message naming the file and the problem otherwise (never throws). */
export function parseStoredSession(text: string, fileName: string): { session: StoredSession } | { problem: string } {
  const got = parseJsonFile(text, fileName, StoredSessionSchema, 'a saved session', MAX_SESSION_BYTES);
  return 'value' in got ? { session: got.value } : got;
}

/** The open dataset a stored session names: by the host's path first, else by file name. */
export function findSessionDataset<D extends { readonly id: string; readonly name: string }>(
  session: StoredSession,
  open: readonly D[],
  pathOf: (id: string) => string | undefined = () => undefined,
): D | undefined {
  const want = session.dataset;
  if (!want) return undefined;
  if (want.path) {
    const byPath = open.find((d) => pathOf(d.id) === want.path);
    if (byPath) return byPath;
  }
  return open.find((d) => d.name === want.name);
}
