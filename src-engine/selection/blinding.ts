/**
 * Blinding: while blind (the default), an event that passes a selection and lands in one of its
 * masked regions is never returned, whatever asks for it. The engine checks every event it hands
 * out against the selection last run on its file and against the published presets of its mode.
 */
import type { EventFile } from '../io/event-file';
import { computeVariables, type VariableColumns } from '../reco/variables';
import { PRESETS } from './presets';
import { classify, resolveSelection, type ResolvedSelection } from './run';

export const UNBLIND_CONFIRMATION = 'unblind';

export class BlindingGuard {
  private readonly cache = new Map<string, { start: number; vars: Map<string, VariableColumns> }>();
  private readonly defaults = new Map(PRESETS.map((p) => [p.id, resolveSelection({ preset: p.id })]));

  /** The masking selections for a file: its last run selection, and the default presets of its mode. */
  private selectionsFor(file: EventFile, last?: ResolvedSelection): ResolvedSelection[] {
    const mode = file.meta.generator?.mode;
    const presets = [...this.defaults.values()].filter((s) => !mode || s.preset.mode === mode);
    return last ? [last, ...presets] : presets;
  }

  /** The masked region an event falls in (selection and region), or undefined if it may be shown. */
  async maskedBy(file: EventFile, index: number, last?: ResolvedSelection): Promise<string | undefined> {
    const { start, columns } = await file.batchAt(index);
    let entry = this.cache.get(file.name);
    if (!entry || entry.start !== start) {
      entry = { start, vars: new Map() };
      this.cache.set(file.name, entry);
    }
    for (const sel of this.selectionsFor(file, last)) {
      const key = `${sel.preset.id}|${sel.num['lavWindow'] ?? 5}|${sel.num['anti0Window'] ?? 5}`;
      let vars = entry.vars.get(key);
      if (!vars) {
        vars = computeVariables(columns, { lavWindow: sel.num['lavWindow'] ?? 5, anti0Window: sel.num['anti0Window'] ?? 5 });
        entry.vars.set(key, vars);
      }
      const { passed, region } = classify(sel, vars, index - start);
      if (passed === sel.cuts.length && region && sel.preset.regions.find((r) => r.id === region)?.blinded) return `${region} of ${sel.preset.id}`;
    }
    return undefined;
  }

  forget(fileName: string): void {
    this.cache.delete(fileName);
  }
}
