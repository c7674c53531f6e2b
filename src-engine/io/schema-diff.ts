/**
 * What differs between the columns a file has and those the format expects, column by column with
 * the Arrow types, so a file written by another tool can be fixed from the message alone.
 */
import type { Field } from 'apache-arrow';

/** Arrow's own rendering of a type; a damaged schema can hold types it cannot print. */
export const typeName = (t: unknown): string => { try { return String(t); } catch { return '?'; } };

/**
 * The type as the reader sees it: the variants mainstream writers produce (polars: LargeList,
 * Utf8View; others: LargeUtf8, dictionary-encoded strings) read as the types of the spec.
 */
export const canonicalType = (t: unknown): string =>
  typeName(t).replace(/LargeList</g, 'List<').replace(/Dictionary<\w+, (Utf8|LargeUtf8|Utf8View)>/g, 'Utf8').replace(/\b(LargeUtf8|Utf8View)\b/g, 'Utf8');

/** Every difference between the expected and the found columns (by name; order does not matter), with the types. */
export function schemaDifferences(expected: readonly Field[], got: readonly Field[]): string[] {
  const out: string[] = [];
  const found = new Map(got.map((f) => [f.name, f]));
  for (const e of expected) {
    const g = found.get(e.name);
    if (!g) out.push(`missing column "${e.name}" (${typeName(e.type)})`);
    else if (canonicalType(g.type) !== typeName(e.type)) out.push(`column "${e.name}" is ${typeName(g.type)}, expected ${typeName(e.type)}`);
  }
  const names = new Set(expected.map((f) => f.name));
  for (const g of got) if (!names.has(g.name)) out.push(`unexpected column "${g.name}" (${typeName(g.type)})`);
  if (new Set(got.map((f) => f.name)).size !== got.length) out.push('a column name appears twice');
  return out;
}

/** The first few differences in one line, for a message. */
export function summarise(d: readonly string[]): string {
  return d.length > 6 ? `${d.slice(0, 6).join('; ')}; and ${d.length - 6} more (na62 check FILE lists them all)` : d.join('; ');
}
