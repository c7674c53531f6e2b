/**
 * A shared view: a small state file (`.na62view`) or URL hash that brings a colleague to the same
 * event, seen the same way — the dataset (by name and content identity, never by path), the event
 * (run:burst:event), the view (mode, compression, toggles, camera) and how the event is drawn.
 * The desktop app opens it from the command line (`npm start -- view.na62view`), the browser build
 * from `#view=…`. It carries no event data: opening it asks the engine for the event, so blinding
 * applies exactly as when stepping to that event by hand.
 */
import { z } from 'zod';
import { parseJsonFile } from '../io/json-file';
import { SessionViewSchema } from '../session/session-state';
import { WorkspaceSchema } from '../workspace/layout-file';

export const VIEW_FORMAT = 'na62-view';
export const VIEW_VERSION = 1;
export const VIEW_FILE_EXTENSION = 'na62view';
/** A view file is a few kilobytes; anything much larger is not one. */
export const MAX_VIEW_BYTES = 256 * 1024;
/** The URL hash key of the browser build (`#view=<base64url JSON>`). */
export const VIEW_HASH_KEY = 'view';

const UInt = z.number().int().nonnegative().max(2 ** 31 - 1);

export const ViewEventSchema = z.object({ run: UInt, burst: UInt, event: UInt }).strict();
export type ViewEvent = z.output<typeof ViewEventSchema>;

export const ViewDatasetSchema = z.object({
  /** the file name as the engine showed it */
  name: z.string().min(1).max(255),
  /** content identity (sha256:…): the same bytes, whatever the file is called */
  identity: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
  numEvents: z.number().int().nonnegative().max(2 ** 40).optional(),
}).strict();

/** How the event is drawn (the event-display store's persisted part). */
export const ViewDrawingSchema = z.object({
  colourBy: z.string().max(40).optional(),
  hidden: z.record(z.string().max(40), z.boolean()).refine((r) => Object.keys(r).length <= 64, 'too many collections').optional(),
  pMin: z.number().finite().nonnegative().max(1e7).optional(),
  tWindow: z.number().finite().nonnegative().max(1e6).optional(),
  showTruth: z.boolean().optional(),
}).strict();

export const ViewFileSchema = z.object({
  format: z.literal(VIEW_FORMAT),
  version: z.literal(VIEW_VERSION),
  savedAt: z.string().max(40).optional(),
  dataset: ViewDatasetSchema.optional(),
  event: ViewEventSchema.optional(),
  /** every field optional: `--view side` alone is a view too */
  view: SessionViewSchema.partial().optional(),
  drawing: ViewDrawingSchema.optional(),
  /** the workspace: the panels' arrangement and each view's own pose (mode, station, camera) */
  workspace: WorkspaceSchema.optional(),
}).strict();
export type ViewFile = z.output<typeof ViewFileSchema>;

/** Serialised as the file holds it: pretty JSON, so a person can read and diff it. */
export const viewFileText = (view: ViewFile): string => `${JSON.stringify(view, null, 2)}\n`;

/** Parse a view file's text; a message naming the file and what is wrong otherwise (never throws). */
export function parseViewFile(text: string, fileName: string): { view: ViewFile } | { problem: string } {
  const got = parseJsonFile(text, fileName, ViewFileSchema, 'a saved NA62 view', MAX_VIEW_BYTES);
  return 'value' in got ? { view: got.value } : got;
}

// base64url of the UTF-8 JSON: no padding, URL-safe, the same in the browser and in Node
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => (i + k < text.length ? B64.indexOf(text[i + k]!) : 0));
    const n = (c[0]! << 18) | (c[1]! << 12) | (c[2]! << 6) | c[3]!;
    out[o++] = (n >> 16) & 255;
    if (i + 2 < text.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < text.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

/** The URL hash that carries a view (`#view=…`), compact JSON. */
export function viewHash(view: ViewFile): string {
  return `#${VIEW_HASH_KEY}=${toBase64Url(new TextEncoder().encode(JSON.stringify(view)))}`;
}

/** The view a URL hash carries: undefined when there is none, a problem when it is damaged. */
export function viewFromHash(hash: string): { view: ViewFile } | { problem: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get(VIEW_HASH_KEY);
  if (raw === null) return undefined;
  if (raw.length > (MAX_VIEW_BYTES * 4) / 3 + 4) return { problem: 'the link\'s view is too long to be a saved view' };
  const bytes = fromBase64Url(raw);
  if (!bytes) return { problem: 'the link\'s view is not valid base64url (was it cut short when copied?)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'the link\'s view is not UTF-8 text (was it cut short when copied?)' };
  }
  return parseViewFile(text, 'the link');
}

/** "1234:5:678" → the event; undefined when it is not three non-negative integers. */
export function parseEventId(text: string): ViewEvent | undefined {
  const m = /^(\d{1,10}):(\d{1,10}):(\d{1,10})$/.exec(text.trim());
  if (!m) return undefined;
  const parsed = ViewEventSchema.safeParse({ run: Number(m[1]), burst: Number(m[2]), event: Number(m[3]) });
  return parsed.success ? parsed.data : undefined;
}

/** A file name for a view of this event: `na62-view-1234-5-678.na62view`. */
export const viewFileName = (e: ViewEvent | undefined): string =>
  `na62-view${e ? `-${e.run}-${e.burst}-${e.event}` : ''}.${VIEW_FILE_EXTENSION}`;
