/**
 * Blinding policy shared by the engine, the UI and the CLI (README "Blinding").
 *
 * What is masked is fixed by the published analyses: while an analysis is blind, an event that
 * passes its preset's published selection (default parameters, every cut) and lands in its
 * published SR or CR is masked, whatever the user's selection says; the user's own regions are
 * masked as well. Unblinding goes per analysis and per dataset (by content identity), in stages:
 * first the control region, then the signal region.
 */
import { z } from 'zod';
import { PRESET_IDS, type PresetId, type RegionId } from './types';

/** blind: SR and CR masked; cr: the CR is open, the SR masked; sr: both open */
export const BLIND_STAGES = ['blind', 'cr', 'sr'] as const;
export type BlindStage = (typeof BLIND_STAGES)[number];
export type BlindStages = Readonly<Record<PresetId, BlindStage>>;

export const ALL_BLIND: BlindStages = Object.fromEntries(PRESET_IDS.map((p) => [p, 'blind'])) as Record<PresetId, BlindStage>;
export const ALL_OPEN: BlindStages = Object.fromEntries(PRESET_IDS.map((p) => [p, 'sr'])) as Record<PresetId, BlindStage>;

/** A dataset identity (`sha256:<hex>`) as people read it in phrases, captions and logs: the first 12 hex digits. */
export function shortIdentity(identity: string): string {
  return identity.replace(/^sha256:/, '').slice(0, 12);
}

/** Is a region open at a stage? The CR opens first, the SR only after it. */
export const regionOpen = (stage: BlindStage, region: RegionId): boolean => (region === 'CR' ? stage !== 'blind' : stage === 'sr');
export const stageRank = (s: BlindStage): number => BLIND_STAGES.indexOf(s);

/** One step of unblinding, as written to the log and into every export. */
export const UnblindEntrySchema = z.object({
  preset: z.enum(PRESET_IDS),
  region: z.enum(['CR', 'SR']),
  /** content identity of the dataset (sha256:…), never its name */
  dataset: z.string().max(80),
  /** the file name it had, for people reading the log */
  datasetName: z.string().max(300),
  time: z.string().max(40),
  appVersion: z.string().max(40),
}).strict();
export type UnblindEntry = z.infer<typeof UnblindEntrySchema>;

/** Whether blinding applies to a file is the file's own statement, never the user's choice. */
export interface BlindingApplies { readonly applies: boolean; readonly why: string }
export function blindingApplies(meta: { kind: 'simulation' | 'data'; mockData?: boolean | undefined }): BlindingApplies {
  if (meta.kind === 'data') return { applies: true, why: 'the file says it holds data: blind until unblinded' };
  if (meta.mockData) return { applies: true, why: 'simulation marked as mock data (as the demo is): blind like data' };
  return { applies: false, why: 'pure simulation: not blind (analysts must see Monte Carlo samples)' };
}

/** A dataset's blinding as the UI shows it. */
export interface BlindingState {
  readonly dataset: string;
  readonly applies: boolean;
  readonly why: string;
  readonly stages: BlindStages;
  /** content identity; null until asked for (it hashes the whole file) */
  readonly identity: string | null;
  /** the unblinding steps taken on this dataset in this engine */
  readonly log: readonly UnblindEntry[];
}

/** The text a user types to open a region: it names the preset, the region and the dataset. */
export function unblindPhrase(preset: PresetId, region: RegionId, identity: string): string {
  return `unblind ${region} of ${preset} on ${shortIdentity(identity)}`;
}

/** What a selection result records about the blinding it was made under. */
export const ResultBlindingSchema = z.object({
  applies: z.boolean(),
  stages: z.object(Object.fromEntries(PRESET_IDS.map((p) => [p, z.enum(BLIND_STAGES)])) as Record<PresetId, z.ZodEnum<{ blind: 'blind'; cr: 'cr'; sr: 'sr' }>>).strict(),
  /** content identities of the inputs whose regions were opened (empty while everything is blind) */
  datasets: z.array(z.string().max(80)).max(10_000),
  log: z.array(UnblindEntrySchema).max(1000),
}).strict();
export type ResultBlinding = z.infer<typeof ResultBlindingSchema>;

/**
 * The stage a result's own analysis was at when it was made ('none': blinding did not apply to the
 * file). A result's `blinded` flag is true while anything is masked, the CR stage included, so it
 * cannot tell "blind" from "CR open": labels read this. Lists of older versions (no record): their flag.
 */
export function resultStage(r: { readonly blinded: boolean; readonly selection: { readonly preset: PresetId }; readonly blinding?: ResultBlinding | undefined }): BlindStage | 'none' {
  if (!r.blinding) return r.blinded ? 'blind' : 'sr';
  return r.blinding.applies ? r.blinding.stages[r.selection.preset] : 'none';
}
