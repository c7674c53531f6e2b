/** Selections across the API: what the user asks for, and what comes back. */
import { z } from 'zod';
import type { ResultBlinding } from './blinding';
import type { CandidateColumns } from './candidate-columns';

export const PRESET_IDS = ['dump-mumu', 'dump-ee', 'kaon-pi4e'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const SelectionConfigSchema = z.object({
  preset: z.enum(PRESET_IDS),
  /** parameter overrides (name → value) */
  params: z.record(z.string().max(40), z.union([z.number(), z.string().max(40)])).default({}),
  /** ids of cuts switched off */
  disabled: z.array(z.string().max(40)).max(50).default([]),
  /** extra cuts as expressions over the variables */
  expressions: z.array(z.string().max(2000)).max(20).default([]),
  /** more variables to list with each candidate, beside the preset's key variables (plots on demand) */
  keep: z.array(z.string().max(40)).max(40).default([]),
}).strict();
export type SelectionConfig = z.output<typeof SelectionConfigSchema>;
export type SelectionConfigInput = z.input<typeof SelectionConfigSchema>;

/** Where a region lies in its variables, for drawing it (values in the variables' units: mm, MeV/c²). */
export type RegionShape =
  | { readonly kind: 'box'; readonly x: 'z_tax'; readonly y: 'cda_tax'; readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }
  | { readonly kind: 'ellipse'; readonly x: 'z_tax'; readonly y: 'cda_tax'; readonly cx: number; readonly cy: number; readonly ax: number; readonly ay: number }
  | { readonly kind: 'band'; readonly v: 'm_pi4e'; readonly lo: number; readonly hi: number };

export interface CutFlowRow { readonly id: string; readonly label: string; readonly enabled: boolean; readonly n: number; readonly w: number }
export type RegionId = 'SR' | 'CR';
export interface Candidate {
  readonly file: string;
  readonly index: number;
  readonly run: number; readonly burst: number; readonly event: number;
  readonly process: string;
  readonly weight: number;
  /** '' outside the signal and control regions */
  readonly region: RegionId | '';
  readonly vars: Readonly<Record<string, number>>;
}

/** One input of a result: which events of which dataset it covers. */
export interface ResultInput {
  readonly file: string;
  /** events [firstEvent, firstEvent + events) of the file */
  readonly events: number;
  readonly firstEvent: number;
  /** the dataset's content identity, `sha256:<hex>` of the file's bytes (results from format 2 on) */
  readonly identity?: string;
  /** events in the whole file, so a merge can see what is missing */
  readonly datasetEvents?: number;
  /** the shard I of N (I from 1) this range was selected as */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** Events a selection skipped because their checksum did not match (`--on-corrupt skip`). */
export interface CorruptEvents {
  readonly n: number;
  /** the first few, as file, index and the run:burst:event their (damaged) header reads */
  readonly events: readonly { readonly file: string; readonly index: number; readonly id: string }[];
}

/** A selection's output, mergeable across shards: cut-flows add, candidates concatenate. */
export interface SelectionResult {
  readonly format: 'na62-selection';
  /** 2: inputs carry their identity, range and shard; corrupt events and warnings are recorded */
  readonly formatVersion: 1 | 2;
  readonly software: { readonly name: string; readonly version: string };
  readonly selection: { readonly preset: PresetId; readonly params: Readonly<Record<string, number | string>>; readonly disabled: readonly string[]; readonly expressions: readonly string[]; readonly keep?: readonly string[] };
  readonly inputs: readonly ResultInput[];
  readonly cutflow: readonly CutFlowRow[];
  /** events (and weights) in each region; while blind, only their sum over the masked regions */
  readonly regions: Readonly<Partial<Record<RegionId, { n: number; w: number }>>>;
  /** blind: the candidates in masked regions are left out and only counted here */
  readonly blinded: boolean;
  readonly masked: { readonly n: number; readonly w: number };
  readonly candidates: readonly Candidate[];
  /** the candidates as typed-array columns (a fresh run's, from the engine; then `candidates` is left empty on the wire) */
  readonly columns?: CandidateColumns;
  readonly keyVariables: readonly string[];
  /** the blinding it was made under (stages per analysis, opened datasets, the unblinding log); absent in lists of older versions */
  readonly blinding?: ResultBlinding;
  /** events skipped as corrupt (only with the skip option; by default a corrupt event fails the run) */
  readonly corrupt?: CorruptEvents;
  /** what the inputs lacked (a file without checksums), each naming the file */
  readonly warnings?: readonly string[];
}
