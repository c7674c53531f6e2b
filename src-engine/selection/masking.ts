/**
 * The masking rules of blinding (README "Blinding"; src-shared/selection/blinding.ts).
 *
 * An event is masked when, for some analysis that is not fully open on its dataset, it passes
 * that preset's *published* selection (default parameters, every cut, no expressions) and lands
 * in a published region still closed — whatever the user's current selection. The user's own
 * selection adds its regions (masked as well, with the same stage) but can never shrink these.
 */
import type { BatchColumns } from '../io/codec';
import { batchReco, DEFAULT_RECO, type BatchReco, type RecoOptions, type VariableColumns } from '../reco/variables';
import { PRESETS } from './presets';
import { cutsPassed, regionOf, resolveSelection, type ResolvedSelection } from './run';
import { regionOpen, type BlindStages } from '../../src-shared/selection/blinding';
import type { RegionId } from '../../src-shared/selection/types';

export interface MaskRule {
  readonly sel: ResolvedSelection;
  /** the regions of this rule still closed */
  readonly closed: ReadonlySet<RegionId>;
}

// lazily: run.ts imports this module, so nothing of run.ts may run while the modules load
let published: ResolvedSelection[] | undefined;
const publishedSelections = () => (published ??= PRESETS.map((p) => resolveSelection({ preset: p.id })));

const closedRegions = (sel: ResolvedSelection, stages: BlindStages): Set<RegionId> =>
  new Set(sel.preset.regions.filter((r) => r.blinded && !regionOpen(stages[sel.preset.id], r.id)).map((r) => r.id));

/** The published rules that still mask something under these stages. */
export function publishedRules(stages: BlindStages): MaskRule[] {
  return publishedSelections().map((sel) => ({ sel, closed: closedRegions(sel, stages) })).filter((r) => r.closed.size > 0);
}

/** The user's selection as an extra rule (its own regions, closed as its preset's stage says); undefined when it adds nothing. */
export function userRule(sel: ResolvedSelection, stages: BlindStages): MaskRule | undefined {
  const closed = closedRegions(sel, stages);
  return closed.size ? { sel, closed } : undefined;
}

const sameReco = (a: RecoOptions, b: RecoOptions) => a.lavWindow === b.lavWindow && a.anti0Window === b.anti0Window;

/**
 * The published masking over one batch. Reconstruction is done lazily, once per event, and shared
 * with the caller's own reconstruction when both use the default reconstruction options.
 */
export class PublishedMasker {
  private readonly pub: BatchReco;
  private readonly shared: boolean;
  private last = -1;
  constructor(private readonly rules: readonly MaskRule[], columns: BatchColumns, own?: { reco: BatchReco; options: RecoOptions }, scratch?: () => VariableColumns) {
    this.shared = !!own && sameReco(own.options, DEFAULT_RECO);
    this.pub = this.shared ? own!.reco : batchReco(columns, DEFAULT_RECO, scratch?.());
    // every published selection starts with a multiplicity cut: decided for the batch before any reconstruction
    if (rules.length) this.pub.multiplicities();
  }
  get vars(): VariableColumns { return this.pub.v; }
  get active(): boolean { return this.rules.length > 0; }
  /** fully reconstruct event i with the default options (once) */
  full(i: number): void {
    if (this.last !== i) { this.pub.event(i); this.last = i; }
  }
  /** true when the caller's reconstruction is this one (then its event(i) is done through full(i)) */
  get sharesReco(): boolean { return this.shared; }
  /** The rule and region masking event i, or undefined. */
  masked(i: number): string | undefined {
    const v = this.pub.v;
    for (const rule of this.rules) {
      const first = rule.sel.cuts[0];
      if (first?.multiplicityOnly && !first.test(v, i, rule.sel.num)) continue;
      this.full(i);
      if (cutsPassed(rule.sel, v, i) !== rule.sel.cuts.length) continue;
      const region = regionOf(rule.sel, v, i);
      if (region && rule.closed.has(region)) return `${region} of ${rule.sel.preset.id}`;
    }
    return undefined;
  }
}

/** The user's rule: does event i (fully reconstructed in `v`) pass the user's selection and land in one of its closed regions? */
export function maskedByUser(rule: MaskRule | undefined, v: VariableColumns, i: number): string | undefined {
  if (!rule || cutsPassed(rule.sel, v, i) !== rule.sel.cuts.length) return undefined;
  const region = regionOf(rule.sel, v, i);
  return region && rule.closed.has(region) ? `${region} of the current ${rule.sel.preset.id} selection` : undefined;
}
