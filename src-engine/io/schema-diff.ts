/**
 * What differs between the columns a file has and those the format expects, column by column with
 * the Arrow types, so a file written by another tool can be fixed from the message alone.
 */
import type { Field } from 'apache-arrow';

/** Arrow's own rendering of a type; a damaged schema can hold types it cannot print. */
export const typeName = (t: unknown): string => { try { return String(t); } catch { return '?'; } };

/** Every difference between the expected and the found columns, in the expected order; '' if none. */
export function schemaDifferences(expected: readonly Field[], got: readonly Field[]): string[] {
  const out: string[] = [];
  const found = new Map(got.map((f, i) => [f.name, { f, i }]));
  expected.forEach((e, i) => {
    const g = found.get(e.name);
    if (!g) { out.push(`missing column "${e.name}" (${typeName(e.type)})`); return; }
    if (typeName(g.f.type) !== typeName(e.type)) out.push(`column "${e.name}" is ${typeName(g.f.type)}, expected ${typeName(e.type)}`);
    else if (g.i !== i) out.push(`column "${e.name}" is at position ${g.i + 1}, expected ${i + 1}`);
  });
  const names = new Set(expected.map((f) => f.name));
  for (const g of got) if (!names.has(g.name)) out.push(`unexpected column "${g.name}" (${typeName(g.type)})`);
  return out;
}

export function schemaDifference(expected: readonly Field[], got: readonly Field[]): string {
  const d = schemaDifferences(expected, got);
  return d.length > 6 ? `${d.slice(0, 6).join('; ')}; and ${d.length - 6} more (na62 check FILE lists them all)` : d.join('; ');
}
