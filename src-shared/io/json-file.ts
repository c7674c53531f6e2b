/**
 * Read a small JSON document the user gave us (a saved session, a layout, a view) against its
 * schema: the value, or one message naming the file and the first thing wrong — never a throw.
 */
import type { z } from 'zod';

export function parseJsonFile<S extends z.ZodType>(
  text: string, fileName: string, schema: S, what: string, maxBytes: number,
): { value: z.output<S> } | { problem: string } {
  if (text.length > maxBytes) {
    const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes / 1024} KiB`;
    return { problem: `${fileName}: larger than ${size}, not ${what}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `${fileName}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  return { problem: `${fileName}: not ${what} (${first ? `${where || 'file'}: ${first.message}` : 'invalid'})` };
}
