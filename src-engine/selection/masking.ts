/**
 * The masking rules of blinding (README "Blinding"; src-shared/selection/blinding.ts).
 *
 * An event is masked when, for some analysis that is not fully open on its dataset, it passes
 * that preset's masking cuts (`masks` in presets.ts: the multiplicity and the channel's particle
 * identification — two muons, two electrons; five tracks of charge +1) and its reconstructed
 * variables fall in a published region still closed (default parameters) — whatever the other
 * cuts, and whatever the user's current selection. The user's own selection adds its regions (the
 * same test with its parameters, masked with the same stage) but can never shrink these.
 *
 * Why not "passes the whole selection and lands in a region": that mask is the selection's result
 * itself. Its size (a masked count, or all events less those a selection with its cuts switched off
 * lists), or the events it refuses one by one (an event box, `na62 render --events 0-9999`), would
 * give the blind region's yield and its events — with the CR open, the SR's exactly. The region's
 * population before the timing, quality, momentum, veto and vertex cuts does not tell how many of
 * them the selection keeps. (The particle identification is in the mask so that the μμ and ee
 * analyses, whose regions share the CDA_TAX–Z_TAX plane, do not hide each other's events.)
 */
import type { BatchColumns } from '../io/codec';
import { batchReco, DEFAULT_RECO, type BatchReco, type RecoOptions, type VariableColumns } from '../reco/variables';
import { PRESETS } from './presets';
import { regionOf, resolveSelection, type ResolvedSelection } from './run';
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
 * The masking over one batch: the published rules and, where given, the user's (a rule's region
 * variables — CDA_TAX, Z_TAX, m_π4e — do not depend on the reconstruction options, so every rule
 * is tested on the one default reconstruction). Reconstruction is done lazily, once per event, and
 * shared with the caller's own reconstruction when both use the default reconstruction options.
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
      const cuts = rule.sel.preset.cuts;
      // the multiplicity first, before reconstructing the event
      if (cuts[0]?.multiplicityOnly && !cuts[0].test(v, i, rule.sel.num)) continue;
      this.full(i);
      if (!passesMaskingCuts(rule, v, i)) continue;
      const region = regionOf(rule.sel, v, i);
      if (region && rule.closed.has(region)) return `${region} of ${rule.sel.preset.id}`;
    }
    return undefined;
  }
}

/**
 * The preset's masking cuts, whether or not the user switched them off (a switch must not unmask
 * anything), with the rule's parameters.
 */
function passesMaskingCuts(rule: MaskRule, v: VariableColumns, i: number): boolean {
  for (const c of rule.sel.preset.cuts) if (c.masks && !c.test(v, i, rule.sel.num)) return false;
  return true;
}
