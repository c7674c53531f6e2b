/**
 * What a selection reads of a format 3 file: the columns of the variables its cuts, regions, key
 * variables and expressions use (reco/variables.ts VARIABLE_COLUMNS), and the header columns a
 * candidate is listed with. Every buffer read is verified against its checksum; the rest of the file
 * is not read (a damaged byte there is found by opening the event or by `na62 check`). While the
 * published analyses mask events (blinding), every published preset's variables are read too.
 */
import type { ColumnSet } from '../io/column-read';
import { recoColumnsFor, type VariableName } from '../reco/variables';
import { expressionVariables } from './expression';
import { PRESETS, type SelectionPreset } from './presets';

/** Header columns of every selection: the candidate's identity and the event weight. */
const HEADER = ['run', 'burst', 'event', 'weight'] as const;

type SelectionLike = { readonly preset: SelectionPreset; readonly keyVariables: readonly VariableName[]; readonly expressions: readonly string[] };

/** The variables a selection reads: its preset's, its key variables, its expressions'; with the published masking, every preset's too. */
export function selectionVariables(sel: SelectionLike, masking: boolean): Set<VariableName> {
  const vars = new Set<VariableName>([...sel.preset.variables, ...sel.keyVariables, ...sel.expressions.flatMap(expressionVariables)]);
  if (masking) for (const p of PRESETS) for (const v of [...p.variables, ...p.keyVariables]) vars.add(v);
  return vars;
}

/** The columns read for a set of variables, and the header columns a candidate is listed with. */
export const columnSetFor = (vars: Iterable<VariableName>): ColumnSet => ({ header: HEADER, process: true, kaon: [], collections: recoColumnsFor(vars) });

export function selectionColumns(sel: SelectionLike, masking: boolean): ColumnSet {
  return columnSetFor(selectionVariables(sel, masking));
}

/** Every preset's column set, as a selection with its defaults reads it (benchmarks, tests). */
export const presetColumns = (id: SelectionPreset['id'], masking = false): ColumnSet =>
  selectionColumns({ ...PRESETS.find((p) => p.id === id)!, preset: PRESETS.find((p) => p.id === id)!, expressions: [] }, masking);
