/**
 * Candidate lists on disk: JSON (the whole result, reloadable and mergeable) and CSV (one row per
 * candidate, the selection written in "# key: value" header lines). Both carry run/burst/event,
 * the selection's parameters and the software version.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Candidate, SelectionResult } from '../../src-shared/selection/types';
import { PRESET_IDS } from '../../src-shared/selection/types';
import { ResultBlindingSchema, type ResultBlinding } from '../../src-shared/selection/blinding';

const num = z.number().or(z.null().transform(() => NaN));
const Row = z.object({ id: z.string(), label: z.string(), enabled: z.boolean(), n: z.number(), w: z.number() });
export const SelectionResultSchema = z.object({
  format: z.literal('na62-selection'),
  formatVersion: z.literal(1),
  software: z.object({ name: z.string(), version: z.string() }),
  selection: z.object({ preset: z.enum(PRESET_IDS), params: z.record(z.string(), z.union([z.number(), z.string()])), disabled: z.array(z.string()), expressions: z.array(z.string()), keep: z.array(z.string()).optional() }),
  inputs: z.array(z.object({ file: z.string(), events: z.number().int().nonnegative(), firstEvent: z.number().int().nonnegative() })),
  cutflow: z.array(Row).min(1),
  regions: z.object({ SR: z.object({ n: z.number(), w: z.number() }).optional(), CR: z.object({ n: z.number(), w: z.number() }).optional() }),
  blinded: z.boolean(),
  masked: z.object({ n: z.number(), w: z.number() }),
  candidates: z.array(z.object({
    file: z.string(), index: z.number().int().nonnegative(), run: z.number().int(), burst: z.number().int(), event: z.number().int(),
    process: z.string(), weight: z.number(), region: z.enum(['SR', 'CR', '']), vars: z.record(z.string(), num),
  })),
  keyVariables: z.array(z.string()),
  blinding: ResultBlindingSchema.optional(),
});

/** JSON: NaN is not JSON, so it is written as null (and read back as NaN). */
export function resultToJson(r: SelectionResult): string {
  return JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1);
}

export function resultFromJson(text: string, name: string): SelectionResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = SelectionResultSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${name}: not an NA62 selection result (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return parsed.data as SelectionResult;
}

const BASE_COLUMNS = ['run', 'burst', 'event', 'file', 'index', 'process', 'weight', 'region'] as const;

export function resultToCsv(r: SelectionResult): string {
  const head = [
    `# format: na62-candidates-csv 1`,
    `# software: ${r.software.name} ${r.software.version}`,
    `# preset: ${r.selection.preset}`,
    `# params: ${JSON.stringify(r.selection.params)}`,
    `# disabled: ${JSON.stringify(r.selection.disabled)}`,
    `# expressions: ${JSON.stringify(r.selection.expressions)}`,
    `# blinded: ${r.blinded}${r.blinded ? ` (${r.masked.n} events in masked regions not listed)` : ''}`,
    `# inputs: ${JSON.stringify(r.inputs)}`,
    ...(r.blinding ? [`# blinding: ${JSON.stringify(r.blinding)}`] : []),
  ];
  const rows = r.candidates.map((c) => ({ run: c.run, burst: c.burst, event: c.event, file: c.file, index: c.index, process: c.process, weight: c.weight, region: c.region, ...c.vars }));
  return `${head.join('\n')}\n${Papa.unparse(rows, { columns: [...BASE_COLUMNS, ...r.keyVariables] })}\n`;
}

/** Read a candidate CSV back: the selection from its header, the candidates from its rows. */
export function candidatesFromCsv(text: string, name: string): { preset: string; params: Record<string, unknown>; candidates: Candidate[]; blinding?: ResultBlinding } {
  const lines = text.split(/\r?\n/);
  const meta = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const m = /^#\s*([\w-]+):\s*(.*)$/.exec(lines[i]!);
    if (m) meta.set(m[1]!, m[2]!);
  }
  if (!meta.get('format')?.startsWith('na62-candidates-csv')) throw new Error(`${name}: not an NA62 candidate list (no "# format: na62-candidates-csv" line)`);
  // Papa renames a repeated column ("run_1") and goes on; in a list we wrote that means damage
  // Rows as arrays, the header checked here: Papa's header mode renames a repeated column
  // ("run_1") and goes on, and picks its own line break; in a list we wrote, both mean damage.
  const parsed = Papa.parse<string[]>(lines.slice(i).join('\n'), { header: false, skipEmptyLines: true, newline: '\n' });
  if (parsed.errors.length) throw new Error(`${name}: line ${(parsed.errors[0]!.row ?? 0) + i + 1}: ${parsed.errors[0]!.message}`);
  const [header = [], ...body] = parsed.data;
  const twice = header.find((c, k) => header.indexOf(c) !== k);
  if (twice !== undefined) throw new Error(`${name}: column "${twice.slice(0, 40)}" appears twice in the header`);
  const rows = body.map((cells, k) => {
    if (cells.length !== header.length) throw new Error(`${name}: row ${k + 1}: ${cells.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((c, j) => [c, cells[j]!])) as Record<string, string>;
  });
  const candidates = rows.map((row, k) => {
    const int = (key: string) => {
      const v = Number(row[key]);
      if (!Number.isInteger(v)) throw new Error(`${name}: row ${k + 1}: ${key} is not an integer`);
      return v;
    };
    const vars: Record<string, number> = {};
    for (const [key, val] of Object.entries(row)) if (!(BASE_COLUMNS as readonly string[]).includes(key)) vars[key] = val === '' ? NaN : Number(val);
    const region = row['region'] ?? '';
    if (!['SR', 'CR', ''].includes(region)) throw new Error(`${name}: row ${k + 1}: unknown region "${region}"`);
    const index = int('index');
    if (index < 0) throw new Error(`${name}: row ${k + 1}: index ${index} is negative`);
    return { run: int('run'), burst: int('burst'), event: int('event'), file: row['file'] ?? '', index, process: row['process'] ?? '', weight: Number(row['weight']), region: region as Candidate['region'], vars };
  });
  let params: Record<string, unknown> = {};
  try { params = JSON.parse(meta.get('params') ?? '{}') as Record<string, unknown>; } catch { throw new Error(`${name}: the "# params" line is not valid JSON`); }
  let blinding: ResultBlinding | undefined;
  if (meta.has('blinding')) {
    let raw: unknown;
    try { raw = JSON.parse(meta.get('blinding')!); } catch { throw new Error(`${name}: the "# blinding" line is not valid JSON`); }
    const b = ResultBlindingSchema.safeParse(raw);
    if (!b.success) throw new Error(`${name}: the "# blinding" line is not a blinding record (${b.error.issues[0]?.message ?? ''})`);
    blinding = b.data;
  }
  return { preset: meta.get('preset') ?? '', params, candidates, ...(blinding ? { blinding } : {}) };
}

/** A saved list (JSON result or CSV) as a result the UI can show; CSV lists carry no cut-flow. */
export function parseCandidateList(text: string, name: string): SelectionResult {
  if (/^\s*\{/.test(text)) return resultFromJson(text, name);
  const csv = candidatesFromCsv(text, name);
  if (!(PRESET_IDS as readonly string[]).includes(csv.preset)) throw new Error(`${name}: unknown preset "${csv.preset}"`);
  return {
    format: 'na62-selection', formatVersion: 1, software: { name: 'csv', version: '' },
    selection: { preset: csv.preset as SelectionResult['selection']['preset'], params: csv.params as Record<string, number | string>, disabled: [], expressions: [] },
    inputs: [], cutflow: [], regions: {}, blinded: csv.blinding ? csv.blinding.applies && csv.blinding.stages[csv.preset as SelectionResult['selection']['preset']] !== 'sr' : false, masked: { n: 0, w: 0 },
    ...(csv.blinding ? { blinding: csv.blinding } : {}),
    candidates: csv.candidates, keyVariables: csv.candidates[0] ? Object.keys(csv.candidates[0].vars) : [],
  };
}
