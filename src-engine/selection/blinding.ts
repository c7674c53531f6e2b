/**
 * Blinding in the engine: the stages of each analysis per dataset (keyed by content identity,
 * never by name), the unblinding log, and the check every event request goes through.
 * The masking rules themselves are in masking.ts; selections apply them at the source (run.ts).
 */
import type { EventFile } from '../io/event-file';
import { encodeColumns } from '../io/codec';
import type { Na62Event } from '../../src-shared/event/model';
import type { VariableColumns } from '../reco/variables';
import { PublishedMasker, publishedRules, userRule } from './masking';
import type { ResolvedSelection } from './run';
import {
  ALL_BLIND, ALL_OPEN, blindingApplies, shortIdentity, stageRank, unblindPhrase,
  type BlindStage, type BlindStages, type ResultBlinding, type UnblindEntry,
} from '../../src-shared/selection/blinding';
import type { PresetId, RegionId } from '../../src-shared/selection/types';

export class BlindingError extends Error {
  constructor(message: string) { super(message); this.name = 'BlindingError'; }
}

/** Stages per dataset identity and the log of unblinding steps. One per engine: nothing is restored from a session. */
export class BlindingBook {
  private readonly stages = new Map<string, Record<PresetId, BlindStage>>();
  private readonly entries: UnblindEntry[] = [];
  constructor(private readonly appVersion: string, private readonly onEntry?: (e: UnblindEntry) => void) {}

  /** The stages of a file: all open when blinding does not apply to it, all blind until unblinded. */
  async stagesOf(file: EventFile): Promise<BlindStages> {
    if (!blindingApplies(file.meta).applies) return ALL_OPEN;
    // hashing a large file costs seconds: only when something was unblinded somewhere
    if (!this.stages.size) return ALL_BLIND;
    return this.stages.get(await file.identity()) ?? ALL_BLIND;
  }

  /** Log entries of one dataset identity. */
  logOf(identity: string): UnblindEntry[] {
    return this.entries.filter((e) => e.dataset === identity);
  }

  /**
   * Move an analysis of a dataset to a stage. Opening a region needs the typed phrase naming the
   * preset, the region and the dataset; the SR opens only after the CR. Closing needs nothing.
   */
  async setStage(file: EventFile, preset: PresetId, stage: BlindStage, confirm: string | undefined): Promise<BlindStages> {
    const applies = blindingApplies(file.meta);
    if (!applies.applies) {
      if (stage === 'blind') return ALL_OPEN; // closing what is not blind: nothing to do
      throw new BlindingError(`${file.name}: ${applies.why}; there is nothing to unblind`);
    }
    const identity = await file.identity();
    const current = { ...(this.stages.get(identity) ?? ALL_BLIND) };
    const from = current[preset];
    if (stageRank(stage) > stageRank(from)) {
      if (stageRank(stage) - stageRank(from) > 1) throw new BlindingError(`${preset}: open the control region first (the signal region is unblinded only after the CR)`);
      const region: RegionId = stage === 'cr' ? 'CR' : 'SR';
      const phrase = unblindPhrase(preset, region, identity);
      if (confirm !== phrase) throw new BlindingError(`to unblind the ${region} of ${preset} on ${file.name}, type exactly: ${phrase}`);
      const entry: UnblindEntry = { preset, region, dataset: identity, datasetName: file.name.split(/[\\/]/).pop() ?? file.name, time: new Date().toISOString(), appVersion: this.appVersion };
      this.entries.push(entry);
      this.onEntry?.(entry);
    }
    current[preset] = stage;
    this.stages.set(identity, current);
    return current;
  }

  /** What a result made on this file under these stages records about its blinding. */
  async resultBlinding(file: EventFile, stages: BlindStages): Promise<ResultBlinding> {
    const applies = blindingApplies(file.meta).applies;
    const opened = applies && Object.values(stages).some((s) => s !== 'blind');
    const identity = opened ? await file.identity() : undefined;
    return { applies, stages: { ...stages }, datasets: identity ? [identity] : [], log: identity ? this.logOf(identity) : [] };
  }

  /**
   * May a saved result be shown here? Lists made while everything was blind may; a list made after
   * unblinding only where this engine has opened the same regions of the same datasets.
   */
  admits(b: ResultBlinding | undefined, blinded: boolean, preset: PresetId, name: string): void {
    if (!b) {
      if (!blinded) throw new BlindingError(`${name}: an unblinded list from an older version (no blinding record): run the selection again here`);
      throw new BlindingError(`${name}: a list from an older version, whose blinding followed the edited regions and may show published SR/CR events: run the selection again here`);
    }
    if (!b.applies) return;
    const need = b.stages[preset];
    if (need === 'blind') return;
    for (const id of b.datasets) {
      const here = this.stages.get(id)?.[preset] ?? 'blind';
      if (stageRank(here) < stageRank(need)) throw new BlindingError(`${name}: made with the ${need === 'sr' ? 'SR' : 'CR'} of ${preset} unblinded on dataset ${shortIdentity(id)}; unblind it here first`);
    }
    if (!b.datasets.length) throw new BlindingError(`${name}: claims unblinded regions without naming its datasets`);
  }
}

/**
 * Events not yet in a dataset (the ROOT import's preview of a data file): those that a blind
 * analysis would mask are held back, counted only. They go through the file's own encoding first
 * (float32 columns), so the decision is the one the imported file will get.
 */
export function visibleBeforeImport(events: readonly Na62Event[], meta: { kind: 'simulation' | 'data'; mockData?: boolean }): { events: Na62Event[]; hidden: number } {
  if (!blindingApplies(meta).applies || !events.length) return { events: [...events], hidden: 0 };
  const mask = new PublishedMasker(publishedRules(ALL_BLIND), encodeColumns(events, { strawHits: false, truth: false }));
  const visible = events.filter((_, i) => !mask.masked(i));
  return { events: visible, hidden: events.length - visible.length };
}

/** Check events handed out one by one (event requests, run:burst:event look-ups, pictures). */
export class BlindingGuard {
  // per open file (not per name: two files of one name are two datasets), the batch last checked
  private readonly cache = new WeakMap<EventFile, { start: number; vars?: VariableColumns }>();

  /** The closed region an event falls in (as text for the message), or undefined if it may be shown. */
  async maskedBy(file: EventFile, index: number, stages: BlindStages, last?: ResolvedSelection): Promise<string | undefined> {
    if (!blindingApplies(file.meta).applies) return undefined;
    const rules = publishedRules(stages);
    const own = last ? userRule(last, stages) : undefined;
    if (!rules.length && !own) return undefined;
    const { start, columns } = await file.batchAt(index);
    let entry = this.cache.get(file);
    if (!entry || entry.start !== start) {
      entry = { start };
      this.cache.set(file, entry);
    }
    const prev = entry.vars;
    // the user's rule is tested on the same reconstruction: its regions read no option-dependent variable
    const mask = new PublishedMasker(own ? [...rules, own] : rules, columns, undefined, prev && (() => prev));
    entry.vars = mask.vars;
    return mask.masked(index - start);
  }
}

