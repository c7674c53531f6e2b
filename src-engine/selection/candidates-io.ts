/**
 * Candidate lists on disk: JSON (the whole result, reloadable and mergeable) and CSV (one row per
 * candidate, a plain CSV whose first line is the header, so any CSV reader takes it as it is). The
 * selection, its inputs and the software version go in the JSON result or, beside a CSV, in a JSON
 * sidecar (`LIST.csv.json`). CSV lists of the first version, with "# key: value" lines before the
 * header, are still read.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Candidate, SelectionResult } from '../../src-shared/selection/types';
import { PRESET_IDS } from '../../src-shared/selection/types';
import { ResultBlindingSchema } from '../../src-shared/selection/blinding';

const num = z.number().or(z.null().transform(() => NaN));
const Row = z.object({ id: z.string(), label: z.string(), enabled: z.boolean(), n: z.number(), w: z.number() });
export const SelectionResultSchema = z.object({
  format: z.literal('na62-selection'),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  software: z.object({ name: z.string(), version: z.string() }),
  selection: z.object({ preset: z.enum(PRESET_IDS), params: z.record(z.string(), z.union([z.number(), z.string()])), disabled: z.array(z.string()), expressions: z.array(z.string()), keep: z.array(z.string()).optional() }),
  inputs: z.array(z.object({
    file: z.string(), events: z.number().int().nonnegative(), firstEvent: z.number().int().nonnegative(),
    identity: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(), datasetEvents: z.number().int().nonnegative().optional(),
    shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  })),
  cutflow: z.array(Row).min(1),
  regions: z.object({ SR: z.object({ n: z.number(), w: z.number() }).optional(), CR: z.object({ n: z.number(), w: z.number() }).optional() }),
  blinded: z.boolean(),
  masked: z.object({ n: z.number(), w: z.number() }),
  candidates: z.array(z.object({
    file: z.string(), index: z.number().int().nonnegative(), run: z.number().int(), burst: z.number().int(), event: z.number().int(),
    process: z.string(), weight: z.number(), region: z.enum(['SR', 'CR', '']), vars: z.record(z.string(), num),
  })),
  keyVariables: z.array(z.string()),
  corrupt: z.object({ n: z.number().int().nonnegative(), events: z.array(z.object({ file: z.string(), index: z.number().int().nonnegative(), id: z.string() })) }).optional(),
  warnings: z.array(z.string()).optional(),
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

/** The candidates as plain CSV: the header line first, then one row per candidate. */
export function resultToCsv(r: SelectionResult): string {
  const fields = [...BASE_COLUMNS, ...r.keyVariables];
  // a missing value (NaN) is an empty field, as CSV readers expect
  const data = r.candidates.map((c) => [c.run, c.burst, c.event, c.file, c.index, c.process, c.weight, c.region, ...r.keyVariables.map((k) => (Number.isFinite(c.vars[k]) ? c.vars[k] : ''))]);
  return `${Papa.unparse({ fields, data: data.length ? data : [] }, { newline: '\n' }).replace(/\n$/, '')}\n`;
}

export const SIDECAR_FORMAT = 'na62-candidates-csv-sidecar';

/** What a candidate CSV leaves out (the selection, inputs, cut-flow, blinding, software): its JSON sidecar. */
export function csvSidecar(r: SelectionResult): string {
  const { candidates, ...meta } = r;
  return resultToJson({ ...meta, format: SIDECAR_FORMAT, candidatesListed: candidates.length } as unknown as SelectionResult);
}

const SidecarSchema = SelectionResultSchema.omit({ format: true, candidates: true }).extend({ format: z.literal(SIDECAR_FORMAT), candidatesListed: z.number().int().nonnegative() });

/** Read a candidate CSV back: the candidates from its rows; a first-version list also gives its selection ("#" lines). */
export function candidatesFromCsv(text: string, name: string): { preset?: string; params: Record<string, unknown>; candidates: Candidate[] } {
  const lines = text.split(/\r?\n/);
  const meta = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const m = /^#\s*([\w-]+):\s*(.*)$/.exec(lines[i]!);
    if (m) meta.set(m[1]!, m[2]!);
  }
  const legacy = i > 0;
  if (legacy && !meta.get('format')?.startsWith('na62-candidates-csv')) throw new Error(`${name}: not an NA62 candidate list (no "# format: na62-candidates-csv" line)`);
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
  if (!legacy) {
    const missing = BASE_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) throw new Error(`${name}: not an NA62 candidate list (no column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header)`);
    return { params: {}, candidates };
  }
  let params: Record<string, unknown> = {};
  try { params = JSON.parse(meta.get('params') ?? '{}') as Record<string, unknown>; } catch { throw new Error(`${name}: the "# params" line is not valid JSON`); }
  return { preset: meta.get('preset') ?? '', params, candidates };
}

/**
 * A saved list (JSON result or CSV) as a result the UI can show. A plain CSV needs its JSON sidecar
 * (the selection it came from); a first-version CSV carries its selection in "#" lines, no cut-flow.
 */
export function parseCandidateList(text: string, name: string, sidecar?: string): SelectionResult {
  if (/^\s*\{/.test(text)) return resultFromJson(text, name);
  const csv = candidatesFromCsv(text, name);
  if (csv.preset === undefined) {
    if (sidecar === undefined) throw new Error(`${name}: a plain CSV list does not say which selection made it: keep its sidecar ${name.split(/[\\/]/).pop()}.json beside it, or open the JSON result`);
    let raw: unknown;
    try { raw = JSON.parse(sidecar); } catch { throw new Error(`${name}.json: the sidecar is not valid JSON`); }
    const meta = SidecarSchema.safeParse(raw);
    if (!meta.success) throw new Error(`${name}.json: not the sidecar of a candidate list (${meta.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    if (meta.data.candidatesListed !== csv.candidates.length) throw new Error(`${name}: ${csv.candidates.length} candidates, but its sidecar says ${meta.data.candidatesListed}`);
    const { candidatesListed: _n, ...rest } = meta.data;
    return { ...(rest as unknown as SelectionResult), format: 'na62-selection', candidates: csv.candidates };
  }
  if (!(PRESET_IDS as readonly string[]).includes(csv.preset)) throw new Error(`${name}: unknown preset "${csv.preset}"`);
  return {
    format: 'na62-selection', formatVersion: 1, software: { name: 'csv', version: '' },
    selection: { preset: csv.preset as SelectionResult['selection']['preset'], params: csv.params as Record<string, number | string>, disabled: [], expressions: [] },
    inputs: [], cutflow: [], regions: {}, blinded: false, masked: { n: 0, w: 0 },
    candidates: csv.candidates, keyVariables: csv.candidates[0] ? Object.keys(csv.candidates[0].vars) : [],
  };
}
